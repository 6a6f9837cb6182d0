"""Reading the file being uploaded: chunks with their sealed digests, and (when the server does
not check digests) the SHA-256 of the stream as it goes.

A chunk is read on the sending thread in 1 MiB blocks while it is sent, each block going to the
socket as it is, as a plain streaming PUT would: no copies, no read-ahead thread (on two cores
it only competed with the send, and memory freed in its arena came back as page faults).
"""
from __future__ import annotations

import base64
import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from agent.delivery.sums import READ_SIZE, ChunkSums
from agent.delivery.wire import UploadCancelled, UploadError

_SHORTER = "The file got shorter while it was being uploaded; export it again."


class Unsealed(UploadError):
    """The package file no longer has the bytes it was sealed with."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"The package file changed after it was sealed (the bytes near offset "
                         f"{offset} differ), so it is not what was approved. The upload was "
                         "withdrawn; export the package again.")


@dataclass(frozen=True)
class Chunk:
    """The bytes from offset to the end of their chunk, and the Upload-Checksum digest of them."""

    offset: int
    size: int
    digest: str


class ChunkSource:
    """Chunks of one file against its sums, and optionally the in-order SHA-256 of what was read.

    A chunk starting at a chunk boundary carries the sealed digest, so the server's check also
    proves the bytes are the sealed ones. A resume in mid-chunk (a server that kept part of a
    PATCH) sends the rest of that chunk with a digest of its own; the whole chunk is then
    checked against the seal here, since the server only sees the part it gets.
    """

    def __init__(self, path: Path, sums: ChunkSums, hash_stream: bool,
                 cancel: threading.Event | None) -> None:
        self._file = open(path, "rb")
        self._sums, self._cancel = sums, cancel
        self._sha = hashlib.sha256() if hash_stream else None
        self._pos = 0  # how far the stream hash has got

    @property
    def hashing(self) -> bool:
        """Whether the stream is being hashed here (the server does not check digests)."""
        return self._sha is not None

    def __enter__(self) -> "ChunkSource":
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()

    def chunk(self, offset: int) -> Chunk:
        """The chunk from offset to the next chunk boundary (or the end), with its digest."""
        index, into = divmod(offset, self._sums.chunk_size)
        end = min(self._sums.size, (index + 1) * self._sums.chunk_size)
        if into == 0:
            return Chunk(offset, end - offset, self._sums.digest(index))
        if not self.matches_seal(offset):
            raise Unsealed(offset)
        return Chunk(offset, end - offset, _b64sha(self._read(offset, end)))

    def blocks(self, chunk: Chunk) -> Iterator[bytes]:
        """The chunk's bytes, read from disk as they are sent (and hashed in order if asked)."""
        offset = chunk.offset
        for block in self._read(offset, offset + chunk.size):
            if self._sha is not None:
                self._feed(offset, block)
            offset += len(block)
            yield block

    def matches_seal(self, offset: int) -> bool:
        """Whether the chunk holding offset still has its sealed digest on disk."""
        index = offset // self._sums.chunk_size
        start = index * self._sums.chunk_size
        end = min(self._sums.size, start + self._sums.chunk_size)
        return _b64sha(self._read(start, end)) == self._sums.digest(index)

    def stream_matches(self) -> bool:
        """Whether the bytes read, in order (gaps read now), hash to the sealed SHA-256."""
        assert self._sha is not None, "the stream is hashed only when asked for"
        for block in self._read(self._pos, self._sums.size):
            self._feed(self._pos, block)
        return self._sha.hexdigest() == self._sums.sha256

    # --------------------------------------------------------------------------------------
    def _read(self, start: int, end: int) -> Iterator[bytes]:
        # Seeks every block: a body abandoned mid-way must not leave the next read misplaced.
        while start < end:
            if self._cancel is not None and self._cancel.is_set():
                raise UploadCancelled("The upload was cancelled; it resumes from here next time.")
            self._file.seek(start)
            block = self._file.read(min(READ_SIZE, end - start))
            if not block:
                raise UploadError(_SHORTER)
            start += len(block)
            yield block

    def _feed(self, offset: int, block: bytes) -> None:
        assert self._sha is not None
        if offset > self._pos:  # a gap (a resume): hash what the server already has first
            for gap in self._read(self._pos, offset):
                self._sha.update(gap)
                self._pos += len(gap)
        end = offset + len(block)
        if end > self._pos:  # bytes already hashed (a resend) are skipped
            self._sha.update(memoryview(block)[self._pos - offset:])
            self._pos = end


def _b64sha(blocks: Iterable[bytes]) -> str:
    sha = hashlib.sha256()
    for block in blocks:
        sha.update(block)
    return base64.b64encode(sha.digest()).decode("ascii")
