"""What a cut says it wrote, sample by sample: the gate's other witness besides the clip itself.

For every video sample the writer muxes, in order: the capture time of the frame it holds,
whether it is a source packet copied as read (with the SHA-256 of that packet's bytes, taken
from the source read) or a frame re-encoded here, what the writer added to a copied packet (the
stream's parameter sets in front of a keyframe; an end-of-sequence NAL), and which run of one
bitstream it belongs to. Kept sound that was copied carries its packets' digests too.

The gate reads the clip's own tables and bytes and holds them against this: a copied sample must
hash to its source packet's digest once the writer's additions (parameter sets only) are taken
out, and must be presented at its source capture time. Only what cannot be matched that way is
decoded (gate.py).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from agent.export.nal import EOS, join_nals


@dataclass(frozen=True)
class SampleRecord:
    """One video sample as the writer made it."""

    source_us: int            # capture time of the frame (true UTC microseconds)
    digest: bytes | None      # copied: SHA-256 of the source packet (NALs with 4-byte lengths)
    segment: int              # samples of one run of one bitstream share a number
    inserted: bytes = b""     # NAL units (4-byte lengths) the writer put in: parameter sets
    insert_at: int = 0        # where in the sample they were put
    eos: bool = False         # an end-of-sequence NAL was appended (HEVC, end of a run)

    @property
    def copied(self) -> bool:
        return self.digest is not None


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


@dataclass
class LedgerBuilder:
    """The writer's side: records appended as samples are muxed."""

    codec: str
    video: list[SampleRecord] = field(default_factory=list)
    audio: list[bytes | None] = field(default_factory=list)
    segment: int = 0

    def next_segment(self) -> None:
        """The next samples start a new run (a new bitstream, or a resumed copy)."""
        self.segment += 1

    def freeze(self) -> Ledger:
        return Ledger(self.codec, tuple(self.video), tuple(self.audio))
