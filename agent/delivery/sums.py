"""The digests a package travels with: its SHA-256, and the SHA-256 of each upload chunk.

Both are taken in one pass while the package tar is written (bagtar), so the upload itself
hashes nothing: each PATCH carries its chunk's sealed digest in Upload-Checksum, the server
checks it against what arrived, and the whole-file SHA-256 is what the portal's receipt must
echo. A chunk that changed on disk after sealing therefore cannot pass for the package.
Hashing twice at upload time cost as much CPU as a loopback transfer (docs/benchmarks.md).
"""
from __future__ import annotations

import base64
import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from agent.delivery.wire import UploadCancelled, UploadError
from agent.os_words import plain_os_error

# The largest PATCH (a fast link sends whole chunks, with their sealed digests, hashing nothing);
# slower links send parts of a chunk, about 8 s of data each (agent/delivery/pace.py). Each
# PATCH costs a round trip: 64 MiB keeps loopback near a plain PUT. The first chunk is short:
# it goes out whole while the link is measured, so a fast link never sends (and hashes) a part.
CHUNK_SIZE = 64 << 20
FIRST_CHUNK = 4 << 20
READ_SIZE = 1 << 20


@dataclass(frozen=True)
class ChunkSums:
    """SHA-256 (hex) of a file of `size` bytes, and base64 SHA-256 of each chunk: the first
    `first_size` bytes, then pieces of `chunk_size`."""

    size: int
    sha256: str
    chunk_size: int
    chunks: tuple[str, ...]
    first_size: int

    def digest(self, index: int) -> str:
        """The Upload-Checksum value (base64 SHA-256) of chunk number index."""
        return self.chunks[index]

    def index(self, offset: int) -> int:
        """The number of the chunk holding byte `offset`."""
        if offset < self.first_size:
            return 0
        return 1 + (offset - self.first_size) // self.chunk_size

    def span(self, index: int) -> tuple[int, int]:
        """Where chunk number index starts and ends (the end is exclusive)."""
        start = 0 if index == 0 else self.first_size + (index - 1) * self.chunk_size
        end = self.first_size if index == 0 else start + self.chunk_size
        return start, min(end, self.size)


def first_chunk(chunk_size: int) -> int:
    """The size of the first chunk for chunks of chunk_size."""
    return min(FIRST_CHUNK, chunk_size)


class SumsWriter:
    """A write-only file that passes bytes on to `out` (if any) and takes their ChunkSums."""

    def __init__(self, out=None, chunk_size: int | None = None,
                 first_size: int | None = None) -> None:
        chunk_size = chunk_size or CHUNK_SIZE
        first_size = first_size or first_chunk(chunk_size)
        if chunk_size < 1 or first_size < 1:
            raise ValueError("chunk sizes must be positive")
        self._out, self._chunk_size, self._first = out, chunk_size, first_size
        self._piece_size = self._first
        self._whole, self._piece = hashlib.sha256(), hashlib.sha256()
        self._chunks: list[str] = []
        self.size = self._in_piece = 0

    def write(self, data) -> int:
        """Write data through, hashing it into the whole and into its chunk(s)."""
        if self._out is not None:
            self._out.write(data)
        size = len(data)
        self._whole.update(data)
        if self._in_piece + size < self._piece_size:  # the usual case: inside one chunk
            self._piece.update(data)
            self._in_piece += size
        else:
            view = memoryview(data).cast("B")
            while view:
                take = min(len(view), self._piece_size - self._in_piece)
                self._piece.update(view[:take])
                self._in_piece += take
                view = view[take:]
                if self._in_piece == self._piece_size:
                    self._close_piece()
        self.size += size
        return size

    def tell(self) -> int:
        """Bytes written so far (tarfile asks when it starts)."""
        return self.size

    def sums(self) -> ChunkSums:
        """The sums of everything written (call once, when writing is done)."""
        if self._in_piece:
            self._close_piece()
        return ChunkSums(self.size, self._whole.hexdigest(), self._chunk_size, tuple(self._chunks),
                         self._first)

    def _close_piece(self) -> None:
        self._chunks.append(base64.b64encode(self._piece.digest()).decode("ascii"))
        self._piece, self._in_piece, self._piece_size = hashlib.sha256(), 0, self._chunk_size


def compute_sums(path: Path, chunk_size: int | None = None,
                 cancel: threading.Event | None = None) -> ChunkSums:
    """ChunkSums of a file on disk, read once in 1 MiB blocks (never whole in memory)."""
    writer = SumsWriter(chunk_size=chunk_size)
    try:
        with open(path, "rb") as f:
            while block := f.read(READ_SIZE):
                if cancel is not None and cancel.is_set():
                    raise UploadCancelled("The upload was cancelled.")
                writer.write(block)
    except OSError as exc:
        raise UploadError(f"Cannot read the file to upload: {plain_os_error(exc, str(path))}.") \
            from None
    return writer.sums()


def checked_sums(path: Path, size: int, sums: ChunkSums, given_sha256: str | None) -> ChunkSums:
    """sums, once they agree with the file's size and the SHA-256 the caller expects (if any)."""
    given = (given_sha256 or sums.sha256).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", given):
        raise UploadError("metadata sha256 must be the file's SHA-256 as 64 hex digits.")
    if (given, size) != (sums.sha256, sums.size):
        raise UploadError(f"{path.name} is not the package it should be: its size or SHA-256 "
                          "differs from the one sealed. Export the package again.")
    return sums
