"""The activity log's file itself: opened only when it is an ordinary file, and a record
appended whole or not at all (agent/audit/log.py keeps the chain and the seal)."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from agent.audit.records import line_hash, parse_record
from agent.os_words import NOT_A_FILE
from agent.storage import BINARY

# Never a named pipe's wait at the open (Windows has no such file to wait on, nor the flag).
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


def open_log(path: Path, flags: int) -> int:
    """A descriptor on the log at `path`, opened with `flags` (BINARY added, 0600 when made),
    only when it is an ordinary file: a named pipe or a link to a device that a sync or restore
    program left in its place (a pipe kept `log` waiting for ever, a record written to
    /dev/zero was lost unsaid) is OSError(NOT_A_FILE), a folder IsADirectoryError, each left
    where it is."""
    fd = os.open(path, flags | BINARY | _NO_WAIT, 0o600)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):   # said as a folder, as storage.read_file_start says one
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise OSError(NOT_A_FILE, "not an ordinary file", str(path))
        if _NO_WAIT:
            os.set_blocking(fd, True)   # only the open was not to wait
    except BaseException:
        os.close(fd)
        raise
    return fd


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
