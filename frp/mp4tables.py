"""An MP4's own account of what it stores: every sample of every track, where its bytes are and
when it is presented, read from the sample tables (stsz, stco/co64, stsc, stts, ctts, stss)
with edit lists ignored (each box read by mp4samples.py); and the edit lists themselves, to
find what they would hide.

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
from frp.mp4samples import (per_sample, sample_entry, sample_offsets, sample_sizes,
                             sync_flags)

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
    fourcc, entries, config = sample_entry(buf, stbl.get(b"stsd"), handler)
    sizes = sample_sizes(buf, stbl, max_samples)
    n = len(sizes)
    offsets = sample_offsets(buf, stbl, sizes)
    durations = per_sample(buf, stbl.get(b"stts"), n, signed=False, cumulative=False,
                           needed=True)
    dts = np.concatenate(([0], np.cumsum(durations)[:-1])).astype(np.int64) if n else durations
    pts = dts + per_sample(buf, stbl.get(b"ctts"), n, signed=True, cumulative=False)
    sync = sync_flags(buf, stbl, n)
    edts = _boxes(buf, *trak.get(b"edts", (0, 0)))
    edits = _edits(buf, edts[b"elst"][0], scale, movie_scale) \
        if b"elst" in edts and movie_scale else None
    return SampleTable(handler, fourcc, entries, config, scale, offsets, sizes, dts, pts,
                       durations, sync, edits)


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
