"""The activity log read a piece at a time, line by line, never whole.

Read whole, a log of gigabytes (a sparse file a restore or a sync program left, a line of
zeros a failing disk wrote, or someone's doing) took as much memory: `footage-agent log`
failed with MemoryError where memory was short, and on Linux a read stops at 2 GiB, so the
rest was never looked at. Each line here is hashed as it passes; its bytes are kept only when
it is no longer than any record the app writes (MAX_LINE_BYTES), so memory holds at most one
such line beside the pieces read. A longer line is no record (the writer refuses to write
one), and is named by its number, its SHA-256 and its length, as a damaged line is.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Iterator

from agent.media.read_at import read_at

# A record is a few hundred bytes; the largest the app writes (an approval of many cameras, a
# trust-store change listing every key) stay far below this. AuditLog.append refuses longer.
MAX_LINE_BYTES = 1 << 20
_PIECE = 1 << 16


@dataclass(frozen=True)
class LogLine:
    """One line of the log: its number (from 1), its bytes without the newline (None when it
    is longer than MAX_LINE_BYTES), their SHA-256 and count, and whether a newline ends it
    (only the last line of a log can lack one: a crash's fragment)."""

    number: int
    text: bytes | None
    sha256: str
    size: int
    ended: bool = True


def log_lines(fd: int, start: int = 0) -> Iterator[LogLine]:
    """Every line of the open log from byte `start` (a line's start) to its end as it is now;
    an empty last piece (the log ends with its newline) is no line."""
    number, offset = 0, start
    parts: list[bytes] = []
    hasher, size = hashlib.sha256(), 0
    while True:
        piece = read_at(fd, _PIECE, offset)
        if not piece:
            break
        offset += len(piece)
        at = 0
        while True:
            end = piece.find(b"\n", at)
            chunk = piece[at:] if end < 0 else piece[at:end]
            hasher.update(chunk)
            size += len(chunk)
            if size <= MAX_LINE_BYTES:
                parts.append(chunk)
            else:
                parts.clear()   # no record is this long: hashed, never held
            if end < 0:
                break
            number += 1
            yield LogLine(number, b"".join(parts) if size <= MAX_LINE_BYTES else None,
                          hasher.hexdigest(), size)
            parts, hasher, size, at = [], hashlib.sha256(), 0, end + 1
    if size:
        yield LogLine(number + 1, b"".join(parts) if size <= MAX_LINE_BYTES else None,
                      hasher.hexdigest(), size, ended=False)


def record_texts(lines: Iterable[LogLine]) -> Iterator[bytes]:
    """The complete lines' bytes, those longer than any record left out (none is a record)."""
    return (x.text for x in lines if x.ended and x.text is not None)
