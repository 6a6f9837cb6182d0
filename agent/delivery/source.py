"""Reading the file being uploaded: the bytes of each PATCH with their digest, and (when the
server does not check digests) the SHA-256 of the stream as it goes.

A PATCH that is one whole sealed chunk carries the chunk's sealed digest and is read on the
sending thread in 1 MiB blocks while it is sent, as a plain streaming PUT would: no copies, no
hashing, no read-ahead thread (on two cores it only competed with the send). A smaller PATCH (a
slow uplink, or a resume in mid-chunk) is read into memory once, its digest taken from those
bytes, and they are also hashed into their chunk: when the chunk's last bytes are read, the
chunk must match its seal before they leave, or the upload is withdrawn.
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


class FileChanged(UploadError):
    """The file changed on disk while it was being uploaded (the caller, which knows what the
    file is, can say what to do about it)."""


class Unsealed(FileChanged):
    """The package file no longer has the bytes it was sealed with."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"The package file changed after it was sealed (the bytes near offset "
                         f"{offset} differ), so it is not what was approved. The upload was "
                         "withdrawn; export the package again.")


@dataclass(frozen=True)
class Chunk:
    """The bytes of one PATCH from offset, and their Upload-Checksum digest; `data` holds them
    when they were read ahead (a PATCH smaller than its sealed chunk), else None."""

    offset: int
    size: int
    digest: str
    data: bytes | None = None


class ChunkSource:
    """PATCHes of one file against its sums, and optionally the in-order SHA-256 of what was read.

    A whole sealed chunk goes with its sealed digest, so the server's check also proves the bytes
    are the sealed ones. Part of a chunk goes with a digest of its own; its chunk is then checked
    against the seal here (the server only sees the part it gets), at the latest before the
    chunk's last bytes leave.
    """

    def __init__(self, path: Path, sums: ChunkSums, hash_stream: bool,
                 cancel: threading.Event | None) -> None:
        self._file = open(path, "rb")
        self._sums, self._cancel = sums, cancel
        self._sha = hashlib.sha256() if hash_stream else None
        self._pos = 0  # how far the stream hash has got
        self._partial: tuple[int, int, object] | None = None  # (chunk, next offset, its hash)

    @property
    def chunk_size(self) -> int:
        """The sealed chunk size: the largest PATCH."""
        return self._sums.chunk_size

    @property
    def hashing(self) -> bool:
        """Whether the stream is being hashed here (the server does not check digests)."""
        return self._sha is not None

    def __enter__(self) -> "ChunkSource":
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()

    def chunk(self, offset: int, most: int) -> Chunk:
        """The next PATCH: from offset, at most `most` bytes, never past its sealed chunk."""
        index = self._sums.index(offset)
        chunk_start, chunk_end = self._sums.span(index)
        end = min(chunk_end, offset + max(1, most))
        if offset == chunk_start and end == chunk_end:
            return Chunk(offset, end - offset, self._sums.digest(index))
        data = b"".join(self._read(offset, end))
        self._into_chunk(index, offset, data, end == chunk_end)
        return Chunk(offset, end - offset, base64.b64encode(hashlib.sha256(data).digest())
                     .decode("ascii"), data)

    def blocks(self, chunk: Chunk) -> Iterator[bytes]:
        """The PATCH's bytes as they are sent (from disk, or the ones read ahead), hashed in order
        into the stream's SHA-256 when asked."""
        offset = chunk.offset
        source = self._read(offset, offset + chunk.size) if chunk.data is None else \
            (memoryview(chunk.data)[i:i + READ_SIZE] for i in range(0, chunk.size, READ_SIZE))
        for block in source:
            if self._sha is not None:
                self._feed(offset, block)
            offset += len(block)
            yield block

    def matches_seal(self, offset: int) -> bool:
        """Whether the chunk holding offset still has its sealed digest on disk."""
        index = self._sums.index(offset)
        return _b64sha(self._read(*self._sums.span(index))) == self._sums.digest(index)

    def stream_matches(self) -> bool:
        """Whether the bytes read, in order (gaps read now), hash to the sealed SHA-256."""
        assert self._sha is not None, "the stream is hashed only when asked for"
        for block in self._read(self._pos, self._sums.size):
            self._feed(self._pos, block)
        return self._sha.hexdigest() == self._sums.sha256

    # --------------------------------------------------------------------------------------
    def _into_chunk(self, index: int, offset: int, data: bytes, last: bool) -> None:
        """Hash a part of chunk `index` into the chunk's running hash (the bytes before it read
        again when this run did not read them), and check the seal once the chunk is complete."""
        if self._partial is None or self._partial[:2] != (index, offset):
            sha = hashlib.sha256()
            for block in self._read(self._sums.span(index)[0], offset):
                sha.update(block)
            self._partial = (index, offset, sha)
        sha = self._partial[2]
        sha.update(data)
        self._partial = (index, offset + len(data), sha)
        if last:
            self._partial = None
            if base64.b64encode(sha.digest()).decode("ascii") != self._sums.digest(index):
                raise Unsealed(offset)

    def _read(self, start: int, end: int) -> Iterator[bytes]:
        # Seeks every block: a body abandoned mid-way must not leave the next read misplaced.
        while start < end:
            if self._cancel is not None and self._cancel.is_set():
                raise UploadCancelled("The upload was cancelled; it resumes from here next time.")
            self._file.seek(start)
            block = self._file.read(min(READ_SIZE, end - start))
            if not block:
                raise FileChanged(_SHORTER)
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
