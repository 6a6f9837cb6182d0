"""What a cut says it wrote, sample by sample: the gate's other witness besides the clip itself.

For every video sample the writer muxes, in order: the capture time of the frame it holds,
whether it is a source packet copied as read or a frame re-encoded here, where a copied packet
can be found again (the recording's bytes at the offset and size the recording's own sample
table gave it, when the packet is exactly those bytes: MP4/MOV recordings with 4-byte NAL
lengths), else the SHA-256 of that packet's bytes taken from the source read, what the writer
added to a copied packet (the stream's parameter sets in front of a keyframe; an
end-of-sequence NAL), and which run of one bitstream it belongs to. Kept sound that was copied
carries its packets' digests too.

The gate reads the clip's own tables and bytes and holds them against this: a copied sample,
once the writer's additions (parameter sets only) are taken out, must equal the recording's
bytes where the record says they are, or hash to its source packet's digest, and must be
presented at its source capture time. Only what cannot be matched that way is decoded
(gate.py).
"""
from __future__ import annotations

import hashlib
import os
import queue
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from agent.export.nal import EOS, join_nals
from agent.media.read_at import read_at
from agent.storage import BINARY


@dataclass(frozen=True)
class SourceBytes:
    """Where a copied packet lies in its recording: `size` bytes at `offset` of `path`."""

    path: Path
    offset: int
    size: int


@dataclass(frozen=True)
class SampleRecord:
    """One video sample as the writer made it."""

    source_us: int            # capture time of the frame (true UTC microseconds)
    digest: bytes | None      # copied: SHA-256 of the source packet (NALs with 4-byte lengths)
    segment: int              # samples of one run of one bitstream share a number
    inserted: bytes = b""     # NAL units (4-byte lengths) the writer put in: parameter sets
    insert_at: int = 0        # where in the sample they were put
    eos: bool = False         # an end-of-sequence NAL was appended (HEVC, end of a run)

    copied: bool = False      # a source packet as read (its digest is filled in once hashed)
    found_at: SourceBytes | None = None   # copied, and exactly these bytes of the recording


@dataclass(frozen=True)
class Ledger:
    """Everything one cut wrote, for the gate."""

    codec: str
    video: tuple[SampleRecord, ...]
    audio: tuple[bytes | None, ...] = ()   # per audio sample: digest when copied, else None


EOS_BYTES = join_nals([EOS], 4)


def digest(data) -> bytes:
    """The digest a copied packet is matched by (SHA-256 of its bytes)."""
    return hashlib.sha256(data).digest()


def as_read(sample: bytes, record: SampleRecord) -> bytes | None:
    """The source packet's bytes inside an output sample: the sample without what the writer
    added. None when the additions the record names are not where it says."""
    data = sample
    if record.eos:
        if not data.endswith(EOS_BYTES):
            return None
        data = data[:-len(EOS_BYTES)]
    if record.inserted:
        at, size = record.insert_at, len(record.inserted)
        if data[at:at + size] != record.inserted:
            return None
        data = data[:at] + data[at + size:]
    return data


class Recordings:
    """The recordings copied samples were read from, read again at the ledger's offsets to hold
    a clip's samples against them. One is open at a time: a clip's samples come from its
    recordings in order, and a day's export of one-minute files must not run out of file
    handles (Windows allows 512 by default)."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._fd: int | None = None
        self.unreadable: set[Path] = set()   # recordings that could not be read again

    def __enter__(self) -> "Recordings":
        return self

    def __exit__(self, *exc) -> None:
        self._close()

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._path = self._fd = None

    def hold(self, where: SourceBytes, data: bytes) -> bool:
        """Whether `data` is exactly the recording's bytes that `where` names."""
        if where.path in self.unreadable:
            return False
        try:
            if where.path != self._path:
                self._close()
                self._fd = os.open(where.path, os.O_RDONLY | BINARY)
                self._path = where.path
            return len(data) == where.size and read_at(self._fd, where.size, where.offset) == data
        except OSError:
            self.unreadable.add(where.path)
            return False


_BACKLOG = 32


class Digester:
    """SHA-256 of many buffers on one worker thread (hashlib releases the GIL), so hashing
    runs beside the muxing or reading that produced them. The thread starts with the first
    buffer: most clips of MP4 recordings give it none. At most `_BACKLOG` buffers wait: past
    that the producer waits too, so a busy machine slows the export, never fills memory."""

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=_BACKLOG)
        self._out: list[bytes | None] = []
        self._count = 0
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            self._out.append(digest(item))

    def add(self, data) -> int:
        """Queue a buffer (bytes, or a packet whose bytes do not change); its index."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True,
                                            name="footage-digests")
            self._thread.start()
        self._queue.put(data)
        self._count += 1
        return self._count - 1

    def results(self) -> list[bytes | None]:
        """Every digest, in the order the buffers were added (waits for the worker, which
        then ends; call it once, after the last add)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
        return self._out


@dataclass
class LedgerBuilder:
    """The writer's side: records appended as samples are muxed."""

    codec: str
    video: list[SampleRecord] = field(default_factory=list)
    audio: list[int | None] = field(default_factory=list)   # digest indexes
    segment: int = 0
    digests: Digester = field(default_factory=Digester)
    _pending: dict[int, int] = field(default_factory=dict)    # video record -> digest index
    _done: list | None = None                                 # digests once the thread ended

    def next_segment(self) -> None:
        """The next samples start a new run (a new bitstream, or a resumed copy)."""
        self.segment += 1

    def add_video(self, record: SampleRecord, copied_bytes=None) -> None:
        """Record a muxed video sample; `copied_bytes` (the source packet as read) is hashed
        on the worker and becomes the record's digest."""
        if copied_bytes is not None:
            self._pending[len(self.video)] = self.digests.add(copied_bytes)
        self.video.append(record)

    def add_audio(self, copied_bytes=None) -> None:
        """Record a muxed sound sample: copied (hashed) or made here (None)."""
        self.audio.append(None if copied_bytes is None else self.digests.add(copied_bytes))

    def stop(self) -> list[bytes | None]:
        """Wait for the hashing thread to finish and end it; the digests (again if asked
        again)."""
        if self._done is None:
            self._done = self.digests.results()
        return self._done

    def freeze(self) -> Ledger:
        done = self.stop()
        video = list(self.video)
        for i, at in self._pending.items():
            video[i] = replace(video[i], digest=done[at])
        return Ledger(self.codec, tuple(video),
                      tuple(None if at is None else done[at] for at in self.audio))
