"""A byte range of a file, read as if it were a file of its own.

A Hikvision ring file (`hiv00000.mp4`) holds many recordings one after another; each is a byte
range [start, end) that FFmpeg's demuxers read as a whole file. PyAV opens any object with
read/seek/tell, so a range needs no copy: reads stop at its end, seeks are relative to its start.
"""
from __future__ import annotations

import io
import os


class RangeFile(io.RawIOBase):
    """Bytes [start, end) of the file at `path`, read-only (end None: to the file's end)."""

    def __init__(self, path: os.PathLike | str, start: int, end: int | None = None):
        super().__init__()
        self._f = open(path, "rb", buffering=0)
        size = os.fstat(self._f.fileno()).st_size
        self._start = max(0, start)
        self._end = size if end is None else min(end, size)
        self._pos = 0

    @property
    def size(self) -> int:
        """Bytes in the range (as far as the file holds them)."""
        return max(0, self._end - self._start)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer) -> int:
        left = self.size - self._pos
        if left <= 0:
            return 0
        want = min(len(buffer), left)
        self._f.seek(self._start + self._pos)
        got = self._f.readinto(memoryview(buffer)[:want]) or 0
        self._pos += got
        return got

    def close(self) -> None:
        if not self.closed:
            self._f.close()
        super().close()
