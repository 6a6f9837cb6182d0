"""The activity log's file itself: a record appended whole or not at all, and a record's line
found among the log's (agent/audit/log.py keeps the chain and the seal, and opens the log
only as an ordinary file: storage.open_ordinary)."""
from __future__ import annotations

import os

from agent.audit.records import line_hash, parse_record


def write_whole(fd: int, out: bytes) -> None:
    """Append `out` and fsync it, or leave the log as it was: a disk that fills part way
    through (ENOSPC) would otherwise leave half a record, which `verify` calls a crash's
    torn line (exit 3) until the next append covers it with a `log-recovered` record, kept
    for good; the record was never logged, and the caller is told so. Under the log's lock,
    so the end is ours to cut back to. A cut that fails too is left to that recovery."""
    start = os.lseek(fd, 0, os.SEEK_END)
    try:
        view = memoryview(out)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except OSError:
        try:
            os.ftruncate(fd, start)
            os.fsync(fd)
        except OSError:
            pass
        raise


def head_in(lines: list[bytes], seq: int) -> str | None:
    """The SHA-256 of record `seq`'s line among `lines`, None when it is not there."""
    # Only a line ending so can be record `seq` (canonical JSON puts `seq` last), so only it is
    # parsed: with the key locked, the sealed record falls further back with each record
    # written, and parsing every line after it made each append slower than the one before.
    ending = b',"seq":%d}' % seq
    for line in reversed(lines):
        if not line.endswith(ending):
            continue
        record = parse_record(line)
        if record is not None and record["seq"] == seq:
            return line_hash(line)
    return None
