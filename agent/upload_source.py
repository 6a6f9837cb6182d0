"""Reading the file being uploaded: its SHA-256, chunks with their own digests, the stream hash.

Every byte is hashed twice (per chunk, for the server's check; in order, for the receipt), which
costs as much CPU as a loopback transfer itself. So the next chunk is read and hashed on one
helper thread while the current one is on the wire (hashlib releases the GIL on big buffers).
All file access happens on that thread, so one file object is enough on every platform.
"""
from __future__ import annotations

import base64
import hashlib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .upload_wire import UploadCancelled, UploadError

_READ = 1 << 20


def file_sha256(path: Path, cancel: threading.Event | None = None) -> str:
    """SHA-256 of a file, streamed in 1 MiB blocks (never whole in memory)."""
    sha = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while block := f.read(_READ):
                if cancel is not None and cancel.is_set():
                    raise UploadCancelled("The upload was cancelled.")
                sha.update(block)
    except OSError as exc:
        raise UploadError(f"Cannot read {path}: {exc.strerror}.") from None
    return sha.hexdigest()


@dataclass(frozen=True)
class Chunk:
    """Bytes at an offset of the file, with the base64 SHA-256 that goes in Upload-Checksum."""

    offset: int
    data: bytes
    digest: str


class ChunkSource:
    """Chunks of one file, read one ahead, and the in-order SHA-256 of the bytes handed out.

    Chunks may be asked for again (resends) or out of order (a resume, a re-sync); the stream
    hash skips bytes it already has and reads gaps from disk, so it covers 0..size exactly once.
    """

    def __init__(self, path: Path, size: int, chunk_size: int, cancel: threading.Event | None) -> None:
        self._file = open(path, "rb")
        self._size, self._chunk, self._cancel = size, chunk_size, cancel
        self._sha, self._pos = hashlib.sha256(), 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upload-read")
        # The chunk's own digest runs beside the in-order stream hash: two cores, not one.
        self._digests = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upload-digest")
        self._ahead: tuple[int, Future] | None = None

    def __enter__(self) -> "ChunkSource":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self._digests.shutdown(wait=True)
        self._file.close()

    def chunk(self, offset: int) -> Chunk:
        """The chunk starting at offset (prefetched when it was the next one), then read ahead."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == offset:
            got = ahead[1].result()
        else:
            if ahead is not None:
                ahead[1].exception()  # let it finish; its bytes are not wanted now
            got = self._pool.submit(self._load, offset).result()
        end = offset + len(got.data)
        if end < self._size:
            self._ahead = (end, self._pool.submit(self._load, end))
        return got

    def hexdigest(self) -> str:
        """SHA-256 of the whole file as streamed (gaps never handed out are read now)."""
        if self._ahead is not None:
            self._ahead[1].exception()
            self._ahead = None
        return self._pool.submit(self._finish).result()

    # on the helper thread ------------------------------------------------------------------
    def _load(self, offset: int) -> Chunk:
        want = min(self._chunk, self._size - offset)
        self._file.seek(offset)
        data = self._file.read(want)
        if len(data) != want:
            raise UploadError("The file got shorter while it was being uploaded; export it again.")
        digest = self._digests.submit(lambda: hashlib.sha256(data).digest())
        self._feed(offset, data)
        return Chunk(offset, data, base64.b64encode(digest.result()).decode("ascii"))

    def _feed(self, offset: int, data: bytes) -> None:
        if offset > self._pos:
            self._catch_up(offset)
        end = offset + len(data)
        if end > self._pos:
            self._sha.update(memoryview(data)[self._pos - offset:])
            self._pos = end

    def _finish(self) -> str:
        self._catch_up(self._size)
        return self._sha.hexdigest()

    def _catch_up(self, to: int) -> None:
        self._file.seek(self._pos)
        while self._pos < to:
            if self._cancel is not None and self._cancel.is_set():
                raise UploadCancelled("The upload was cancelled; it resumes from here next time.")
            block = self._file.read(min(_READ, to - self._pos))
            if not block:
                raise UploadError("The file got shorter while it was being uploaded; export it again.")
            self._sha.update(block)
            self._pos += len(block)
