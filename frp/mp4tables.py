"""An MP4's own account of what it stores: every sample of every track, where its bytes are and
when it is presented, read from the sample tables (stsz, stco/co64, stsc, stts, ctts, stss)
with edit lists ignored; and the edit lists themselves, to find what they would hide.

This is what the gate proves a clip from: the tables are what every player and demuxer
believes, so a frame is in the clip exactly when a table lists it. Pure reading; numpy keeps
the per-sample expansion fast for hour-long clips.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from frp.mp4atoms import Malformed, children, times

US = 1_000_000
MAX_MOOV = 256 << 20
# The extended type of the top-level `uuid` box that holds a C2PA manifest store (Content
# Credentials, agent/export/credentials.py).
C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")


class TableError(Exception):
    """The file's boxes cannot be read as a plain (unfragmented) MP4; the message says why."""


@dataclass(frozen=True)
class TrackEdits:
    """What a track's edit list does: the media-time ranges it shows (track timescale) and
    how long an empty edit delays the track's start (microseconds); `pieces`: its entries
    after that delay (a clip the cut wrote has one: its media, played once, as stored; more
    play some of it again, out of order, or pause or hold it)."""

    shown: tuple[tuple[int, int], ...]
    lead_us: int
    pieces: int = 1


@dataclass(frozen=True)
class SampleTable:
    """One track's samples in decode order (numpy arrays of equal length)."""

    handler: str               # "vide", "soun", ...
    fourcc: str                # the first sample entry's type: avc1, hev1, mp4a, ...
    entries: int               # sample entries in stsd (one per set of codec settings)
    config: bytes              # the first entry's codec configuration (avcC/hvcC body) or b""
    timescale: int
    offsets: np.ndarray        # int64 file offsets
    sizes: np.ndarray          # int64 byte counts
    dts: np.ndarray            # int64 decode times (timescale units)
    pts: np.ndarray            # int64 presentation times: dts + composition offset
    durations: np.ndarray      # int64 each sample's stts delta (the last one's too)
    sync: np.ndarray           # bool: a sync sample (keyframe)
    edits: TrackEdits | None   # None: no edit list

    def __len__(self) -> int:
        return len(self.sizes)


@dataclass(frozen=True)
class Movie:
    """The top-level boxes (type, start, size) and every track's sample table."""

    boxes: tuple[tuple[str, int, int], ...]
    tracks: tuple[SampleTable, ...]
    file_size: int


def read_moov(path: Path | BinaryIO) -> tuple[bytes | None, list[tuple[str, int, int]], int]:
    """(moov body or None, top-level boxes as (type, start, size), file size), from a file or
    a seekable binary stream (a clip inside a package's tar)."""
    if hasattr(path, "read"):
        return _moov_of(path)
    with open(path, "rb") as fh:
        return _moov_of(fh)


def _moov_of(fh: BinaryIO) -> tuple[bytes | None, list[tuple[str, int, int]], int]:
    boxes = []
    moov = None
    size = fh.seek(0, 2)
    pos = 0
    while pos + 8 <= size:
        fh.seek(pos)
        length, kind = struct.unpack(">I4s", fh.read(8))
        header = 8
        if length == 1:
            length, header = struct.unpack(">Q", fh.read(8))[0], 16
        elif length == 0:
            length = size - pos
        if length < header:
            raise TableError(f"a '{kind.decode('latin-1')}' box has an impossible size")
        name = kind.decode("latin-1")
        boxes.append((name, pos, length))
        if kind == b"moov" and moov is None:
            if length > MAX_MOOV:
                raise TableError("its index (moov) is too large to read")
            moov = fh.read(length - header)
        pos += length
    return moov, boxes, size


def c2pa_boxes(path: Path | BinaryIO, boxes) -> list[tuple[int, int]]:
    """(start, size) of each top-level `uuid` box of C2PA's type among `boxes` (read_moov's
    list), in a file or a seekable binary stream; a box too short to carry the type is not
    one."""
    if not hasattr(path, "read"):
        with open(path, "rb") as fh:
            return c2pa_boxes(fh, boxes)
    found = []
    for kind, start, size in boxes:
        if kind == "uuid" and size >= 24:
            path.seek(start + 8)
            if path.read(16) == C2PA_UUID:
                found.append((start, size))
    return found


def read_movie(path: Path | BinaryIO, max_samples: int | None = None) -> Movie:
    """Every track's samples, from the file's (or seekable stream's) own tables; TableError
    when they cannot be read, or (`max_samples`, for a clip someone else made) when a track
    declares more samples than that: a few bytes of table could otherwise ask for gigabytes."""
    try:
        moov, boxes, size = read_moov(path)
    except (OSError, struct.error) as exc:
        raise TableError(getattr(exc, "strerror", None) or str(exc)) from None
    if moov is None:
        raise TableError("it has no index (moov)")
    tracks = []
    movie_scale = 0
    try:
        for kind, s, e in children(moov, 0, len(moov)):
            if kind == b"mvhd":
                movie_scale = times(moov, s)[1]
            elif kind == b"mvex":
                raise TableError("it is fragmented (moof), which a cut never writes")
            elif kind == b"trak":
                tracks.append(_track(moov, s, e, movie_scale, max_samples))
    except (struct.error, IndexError, ValueError, Malformed) as exc:
        raise TableError(f"its index is damaged ({exc})") from None
    return Movie(tuple((k, s, n) for k, s, n in boxes), tuple(tracks), size)


def _boxes(buf: bytes, start: int, end: int) -> dict[bytes, tuple[int, int]]:
    return {kind: (s, e) for kind, s, e in children(buf, start, end)}


def _track(buf: bytes, start: int, end: int, movie_scale: int,
           max_samples: int | None = None) -> SampleTable:
    trak = _boxes(buf, start, end)
    mdia = _boxes(buf, *trak.get(b"mdia", (0, 0)))
    minf = _boxes(buf, *mdia.get(b"minf", (0, 0)))
    stbl = _boxes(buf, *minf.get(b"stbl", (0, 0)))
    hdlr, mdhd = mdia.get(b"hdlr"), mdia.get(b"mdhd")
    handler = buf[hdlr[0] + 8:hdlr[0] + 12].decode("latin-1") if hdlr else ""
    scale = times(buf, mdhd[0])[1] if mdhd else 0
    if not scale:
        raise Malformed("a track has no timescale")
    fourcc, entries, config = _sample_entry(buf, stbl.get(b"stsd"), handler)
    sizes = _sizes(buf, stbl, max_samples)
    n = len(sizes)
    offsets = _offsets(buf, stbl, sizes)
    durations = _expand(buf, stbl.get(b"stts"), n, signed=False, cumulative=False,
                        needed=True)
    dts = np.concatenate(([0], np.cumsum(durations)[:-1])).astype(np.int64) if n else durations
    pts = dts + _expand(buf, stbl.get(b"ctts"), n, signed=True, cumulative=False)
    sync = np.ones(n, dtype=bool)
    if b"stss" in stbl:
        s, e = stbl[b"stss"]
        count = struct.unpack_from(">I", buf, s + 4)[0]
        numbers = np.frombuffer(buf, ">u4", count, s + 8).astype(np.int64) - 1
        sync[:] = False
        sync[numbers[(numbers >= 0) & (numbers < n)]] = True
    edts = _boxes(buf, *trak.get(b"edts", (0, 0)))
    edits = _edits(buf, edts[b"elst"][0], scale, movie_scale) \
        if b"elst" in edts and movie_scale else None
    return SampleTable(handler, fourcc, entries, config, scale, offsets, sizes, dts, pts,
                       durations, sync, edits)


def _sample_entry(buf: bytes, stsd, handler: str) -> tuple[str, int, bytes]:
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


def _sizes(buf: bytes, stbl, max_samples: int | None = None) -> np.ndarray:
    if b"stsz" not in stbl:
        raise Malformed("a track has no sample sizes (stsz)")
    s, _e = stbl[b"stsz"]
    fixed, count = struct.unpack_from(">II", buf, s + 4)
    if max_samples is not None and count > max_samples:
        raise Malformed(f"a track declares {count:,} samples, more than a clip holds")
    if fixed:
        return np.full(count, fixed, dtype=np.int64)
    return np.frombuffer(buf, ">u4", count, s + 12).astype(np.int64)


def _offsets(buf: bytes, stbl, sizes: np.ndarray) -> np.ndarray:
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


def _expand(buf: bytes, box, n: int, signed: bool, cumulative: bool,
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


def _edits(buf: bytes, elst: int, scale: int, movie_scale: int) -> TrackEdits:
    version, count = buf[elst], struct.unpack_from(">I", buf, elst + 4)[0]
    fmt, size = (">Qq", 16) if version == 1 else (">Ii", 8)
    shown, lead, pieces = [], 0, 0
    for i in range(count):
        duration, media_time = struct.unpack_from(fmt, buf, elst + 8 + i * (size + 4))
        rate = struct.unpack_from(">i", buf, elst + 8 + i * (size + 4) + size)[0]
        pieces += 1 if shown or media_time >= 0 else 0
        pieces += 1 if rate != 1 << 16 and media_time >= 0 else 0   # a dwell holds a frame
        if media_time < 0:
            lead += 0 if shown else duration * US // movie_scale
        else:
            span = duration * scale // movie_scale if duration else 1 << 62
            shown.append((media_time, media_time + span))
    return TrackEdits(tuple(shown), lead, pieces)


def track_edits(path: Path) -> dict[str, TrackEdits]:
    """Edit lists of the first video ("vide") and audio ("soun") tracks that have one; tracks
    without an edit list, and files whose boxes cannot be read, are simply absent."""
    try:
        moov = read_moov(path)[0] or b""
    except (OSError, struct.error, ValueError, TableError):
        return {}
    found: dict[str, TrackEdits] = {}
    movie_scale = 0
    try:
        for kind, s, e in children(moov, 0, len(moov)):
            if kind == b"mvhd":
                movie_scale = times(moov, s)[1]
            elif kind == b"trak" and movie_scale:
                try:
                    trak = _boxes(moov, s, e)
                    mdia = _boxes(moov, *trak.get(b"mdia", (0, 0)))
                    hdlr, mdhd = mdia.get(b"hdlr"), mdia.get(b"mdhd")
                    handler = moov[hdlr[0] + 8:hdlr[0] + 12].decode("latin-1") if hdlr else ""
                    edts = _boxes(moov, *trak.get(b"edts", (0, 0)))
                    if b"elst" not in edts or not mdhd or handler in found:
                        continue
                    found[handler] = _edits(moov, edts[b"elst"][0], times(moov, mdhd[0])[1],
                                            movie_scale)
                except (struct.error, IndexError, Malformed):
                    continue
    except (struct.error, Malformed):
        pass  # a broken box ends the walk: what was read before it stands
    return found
