"""Files written or read with their SHA-256 and size taken on the way, and durable syncs.

The package builder writes every bag file through these, so a file's hash comes from the bytes
as they were written (never from a later pass) and what is listed is what was written.
"""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import Callable, Iterable

_CHUNK = 1 << 20


class HashingWriter:
    """A write-only file that hashes what passes through it."""

    def __init__(self, out) -> None:
        self._out, self._sha, self.size = out, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self._out.write(data)
        self._sha.update(data)
        self.size += len(data)
        return len(data)

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


def write_hashed(path: Path, chunks: Iterable[bytes], inside: Path | None = None
                 ) -> tuple[str, int]:
    """Write a new file (never over an old one) from chunks, fsync it; its (SHA-256, size).
    Its missing folders are made, only below `inside` when given (make_folders)."""
    make_folders(path.parent, inside)
    with open(path, "xb") as out:
        writer = HashingWriter(out)
        for chunk in chunks:
            writer.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    return writer.hexdigest(), writer.size


def make_folders(folder: Path, inside: Path | None = None) -> None:
    """Make `folder` and its missing parents, or with `inside` only those below it: a package
    built on a USB stick pulled out meanwhile must fail (FileNotFoundError), not make the
    stick's folders again on this PC's own disk."""
    if inside is None:
        folder.mkdir(parents=True, exist_ok=True)
        return
    at = inside
    for part in folder.relative_to(inside).parts:
        at = at / part
        at.mkdir(exist_ok=True)
    if not at.is_dir():   # `inside` itself gone: no folder of it is made again
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(inside))


def read_chunks(src: Path) -> Iterable[bytes]:
    """A file's bytes in 1 MiB chunks (never whole in memory)."""
    with open(src, "rb") as f:
        while chunk := f.read(_CHUNK):
            yield chunk


def hash_file(path: Path, between: Callable[[], None] | None = None) -> tuple[str, int]:
    """(SHA-256 hex, size) of a file, read once; `between()` runs before each 1 MiB read
    (it may raise to stop: a clip of hours takes seconds to read)."""
    sha, size = sha256_of(path, between)
    return sha.hexdigest(), size


def sha256_of(path: Path, between: Callable[[], None] | None = None):
    """(the running SHA-256, size) of a file read once: more bytes may be hashed after it."""
    sha, size = hashlib.sha256(), 0
    for chunk in read_chunks(path):
        if between is not None:
            between()
        sha.update(chunk)
        size += len(chunk)
    return sha, size


def fsync_file(path: Path) -> None:
    """Make a finished file's bytes durable. Opened for writing though nothing is written:
    Windows flushes a file (FlushFileBuffers) only through a handle that may write."""
    with open(path, "r+b") as fh:
        os.fsync(fh.fileno())
