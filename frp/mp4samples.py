"""The boxes of an MP4 track's sample table read into one value per sample, in decode order:
its first sample entry (stsd), each sample's size (stsz), file offset (stco or co64 with stsc),
stts delta and ctts offset, and whether it is a sync sample (stss). mp4tables.py puts them
together into a track's SampleTable. Each count is checked against the others before it is
expanded, since a few bytes of table may list billions of samples."""
from __future__ import annotations

import struct

import numpy as np

from frp.mp4atoms import Malformed, children


def sample_entry(buf: bytes, stsd, handler: str) -> tuple[str, int, bytes]:
    """(type of the first sample entry, entries in stsd, its avcC or hvcC body or b"")."""
    if stsd is None:
        raise Malformed("a track has no sample description")
    s, e = stsd
    entries = struct.unpack_from(">I", buf, s + 4)[0]
    if not entries:
        return "", 0, b""
    length, kind = struct.unpack_from(">I4s", buf, s + 8)
    body = s + 16
    skip = {"vide": 78, "soun": 28}.get(handler)
    config = b""
    if skip is not None:
        for sub, cs, ce in children(buf, body + skip, min(e, s + 8 + length)):
            if sub in (b"avcC", b"hvcC"):
                config = bytes(buf[cs:ce])
    return kind.decode("latin-1"), entries, config


def sample_sizes(buf: bytes, stbl, max_samples: int | None = None) -> np.ndarray:
    """Each sample's byte count (stsz); Malformed past `max_samples`."""
    if b"stsz" not in stbl:
        raise Malformed("a track has no sample sizes (stsz)")
    s, _e = stbl[b"stsz"]
    fixed, count = struct.unpack_from(">II", buf, s + 4)
    if max_samples is not None and count > max_samples:
        raise Malformed(f"a track declares {count:,} samples, more than a clip holds")
    if fixed:
        return np.full(count, fixed, dtype=np.int64)
    return np.frombuffer(buf, ">u4", count, s + 12).astype(np.int64)


def sample_offsets(buf: bytes, stbl, sizes: np.ndarray) -> np.ndarray:
    """Each sample's file offset: its chunk's (stco or co64, stsc) plus the sizes before it
    in that chunk."""
    if b"stco" in stbl:
        s, _e = stbl[b"stco"]
        chunks = np.frombuffer(buf, ">u4", struct.unpack_from(">I", buf, s + 4)[0], s + 8)
    elif b"co64" in stbl:
        s, _e = stbl[b"co64"]
        chunks = np.frombuffer(buf, ">u8", struct.unpack_from(">I", buf, s + 4)[0], s + 8)
    else:
        raise Malformed("a track has no chunk offsets")
    chunks = chunks.astype(np.int64)
    if b"stsc" not in stbl:
        raise Malformed("a track has no sample-to-chunk table")
    s, _e = stbl[b"stsc"]
    count = struct.unpack_from(">I", buf, s + 4)[0]
    stsc = np.frombuffer(buf, ">u4", count * 3, s + 8).reshape(count, 3).astype(np.int64)
    per_chunk = np.zeros(len(chunks), dtype=np.int64)
    for i, (first, per, _desc) in enumerate(stsc):
        last = stsc[i + 1][0] - 1 if i + 1 < count else len(chunks)
        per_chunk[first - 1:last] = per
    if per_chunk.sum() != len(sizes):
        raise Malformed(f"its chunks hold {per_chunk.sum()} samples but {len(sizes)} are sized")
    chunk_of = np.repeat(np.arange(len(chunks)), per_chunk)
    ends = np.cumsum(sizes)
    starts = ends - sizes
    first_in_chunk = np.cumsum(per_chunk) - per_chunk
    before = starts[first_in_chunk[chunk_of]] if len(sizes) else starts
    return chunks[chunk_of] + starts - before


def per_sample(buf: bytes, box, n: int, signed: bool, cumulative: bool,
            needed: bool = False) -> np.ndarray:
    """stts deltas or ctts offsets as one value per sample (cumulative: summed from 0)."""
    if box is None:
        if needed or cumulative:
            raise Malformed("a track has no sample times (stts)")
        return np.zeros(n, dtype=np.int64)
    s, _e = box
    count = struct.unpack_from(">I", buf, s + 4)[0]
    pairs = np.frombuffer(buf, ">u4", count * 2, s + 8).reshape(count, 2).astype(np.int64)
    listed = int(pairs[:, 0].sum())
    if listed != n:   # before expanding: a few bytes may list billions
        raise Malformed(f"its time table lists {listed} samples but {n} are sized")
    values = pairs[:, 1]
    if signed:  # ctts version 1 is signed; version 0 offsets are read as FFmpeg does
        values = np.where(values >= 1 << 31, values - (1 << 32), values)
    per = np.repeat(values, pairs[:, 0])
    if cumulative:
        return np.concatenate(([0], np.cumsum(per)[:-1])).astype(np.int64) if n else per
    return per


def sync_flags(buf: bytes, stbl, n: int) -> np.ndarray:
    """Whether each of the `n` samples is a sync sample (keyframe): all of them when the
    track has no stss; numbers stss lists past the samples are left out."""
    sync = np.ones(n, dtype=bool)
    if b"stss" in stbl:
        s, _e = stbl[b"stss"]
        count = struct.unpack_from(">I", buf, s + 4)[0]
        numbers = np.frombuffer(buf, ">u4", count, s + 8).astype(np.int64) - 1
        sync[:] = False
        sync[numbers[(numbers >= 0) & (numbers < n)]] = True
    return sync
