"""Reading a stretch of an open file by its offset, on every system.

os.pread exists on Unix only; Windows reads by moving the descriptor's position first, so a
descriptor read this way there must not be shared between threads (each reader opens its own).
"""
from __future__ import annotations

import os


def read_at(fd: int, size: int, offset: int) -> bytes:
    """`size` bytes of the file at `offset` (fewer only at the end of the file)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    return seek_read(fd, size, offset)


def seek_read(fd: int, size: int, offset: int) -> bytes:
    """read_at where os.pread is missing (Windows): seek, then read until `size` or the end."""
    os.lseek(fd, offset, os.SEEK_SET)
    parts, left = [], size
    while left > 0:
        block = os.read(fd, left)
        if not block:
            break
        parts.append(block)
        left -= len(block)
    return b"".join(parts)
