"""Reading inside MP4 boxes: the movie header, each track, fragment runs, the segment index.

Pure functions over bytes mp4box has read. Offsets and counts come from the file: a read past
the bytes raises struct.error and a box that contradicts itself Malformed, and mp4box turns
either into a "damaged" status.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

# Boxes whose facts we read: one of these being broken makes the facts untrustworthy.
NEEDED = {b"mvhd", b"trak", b"tkhd", b"mdia", b"mdhd", b"hdlr", b"minf", b"stbl", b"stsd",
          b"stts", b"mvex", b"trex", b"traf", b"tfhd", b"trun"}


class Malformed(Exception):
    """A box that contradicts itself; becomes a "damaged" status."""


@dataclass
class Track:
    """What one trak (and the fragments for it) says."""

    handler: bytes = b""
    track_id: int = 0
    timescale: int = 0
    duration: int = 0
    created: int = 0
    fourcc: str | None = None
    width: int = 0
    height: int = 0
    samples: int = 0
    sample_time: int = 0           # sum of stts deltas, in the track timescale
    frag_samples: int = 0
    frag_time: int = 0
    tables: tuple = ()             # where its stco/co64, stsc and stsz boxes lie (media_end)


def children(buf: bytes, start: int, end: int):
    """Yield (type, body_start, body_end) for the boxes in buf[start:end]."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, pos)
        head = 8
        if size == 1:
            size, head = struct.unpack_from(">Q", buf, pos + 8)[0], 16
        elif size == 0:
            size = end - pos
        if size < head or pos + size > end:
            if kind not in NEEDED:   # e.g. a vendor's odd udta: players ignore it, so do we
                return
            raise Malformed(f"its '{kind.decode('latin-1')}' box overruns the box holding it")
        yield kind, pos + head, pos + size
        pos += size


def parse_moov(moov: bytes, tables: bool = False) -> dict:
    """The movie header and its tracks; with `tables`, where each track's sample tables lie
    (for media_end)."""
    movie = {"timescale": 0, "duration": 0, "created": 0, "tracks": [], "fragmented": False,
             "trex": {}}
    for kind, s, e in children(moov, 0, len(moov)):
        if kind == b"mvhd":
            movie["created"], movie["timescale"], movie["duration"] = times(moov, s)
        elif kind == b"trak":
            movie["tracks"].append(parse_trak(moov, s, e, tables))
        elif kind == b"mvex":
            movie["fragmented"] = True
            for sub, ss, _se in children(moov, s, e):
                if sub == b"trex":
                    track_id, _desc, duration = struct.unpack_from(">III", moov, ss + 4)
                    movie["trex"][track_id] = duration
    return movie


def times(buf: bytes, s: int) -> tuple[int, int, int]:
    """(creation, timescale, duration) of an mvhd or mdhd body, version 0 or 1."""
    if buf[s] == 1:
        created, _mod, timescale, duration = struct.unpack_from(">QQIQ", buf, s + 4)
        if duration == 0xFFFFFFFFFFFFFFFF:
            duration = 0
    else:
        created, _mod, timescale, duration = struct.unpack_from(">IIII", buf, s + 4)
        if duration == 0xFFFFFFFF:   # "unknown"
            duration = 0
    return created, timescale, duration


def parse_trak(buf: bytes, start: int, end: int, want_tables: bool = False) -> Track:
    t = Track()
    tables = {}
    for kind, s, e in walk_nested(buf, start, end):
        if kind == b"tkhd":
            v1 = buf[s] == 1
            t.track_id = struct.unpack_from(">I", buf, s + (20 if v1 else 12))[0]
            w, h = struct.unpack_from(">II", buf, s + (88 if v1 else 76))
            t.width, t.height = t.width or w >> 16, t.height or h >> 16
        elif kind == b"mdhd":
            t.created, t.timescale, t.duration = times(buf, s)
        elif kind == b"hdlr" and not t.handler:
            # QuickTime puts a second hdlr (the data handler) inside minf; the first one counts.
            t.handler = buf[s + 8:s + 12]
        elif kind == b"stsd" and struct.unpack_from(">I", buf, s + 4)[0] > 0:
            entry = s + 8
            t.fourcc = buf[entry + 4:entry + 8].decode("latin-1")
            if t.handler == b"vide" and entry + 36 <= e:
                w, h = struct.unpack_from(">HH", buf, entry + 32)
                t.width, t.height = w or t.width, h or t.height
        elif kind == b"stts":
            count = min(struct.unpack_from(">I", buf, s + 4)[0], (e - s - 8) // 8)
            for n, delta in struct.iter_unpack(">II", buf[s + 8:s + 8 + count * 8]):
                t.samples += n
                t.sample_time += n * delta
        elif want_tables and kind in _TABLES:
            tables[kind] = (s, e)
    if tables:
        t.tables = tuple(tables.items())
    return t


_TABLES = {b"stco", b"co64", b"stsc", b"stsz"}


def media_end(buf: bytes, track: Track) -> int:
    """Where the last sample the track's index lists ends in the file: its last chunk's offset
    plus the sizes of that chunk's samples (recorders write chunks in file order). 0 when the
    track has no sample tables."""
    tables = dict(track.tables)
    offsets = tables.get(b"co64") or tables.get(b"stco")
    if offsets is None or b"stsz" not in tables:
        return 0
    s, e = offsets
    width = 8 if b"co64" in tables else 4
    count = min(struct.unpack_from(">I", buf, s + 4)[0], (e - s - 8) // width)
    if not count:
        return 0
    last = struct.unpack_from(">Q" if width == 8 else ">I", buf, s + 8 + (count - 1) * width)[0]
    per_chunk = 1
    if b"stsc" in tables:
        s, e = tables[b"stsc"]
        entries = min(struct.unpack_from(">I", buf, s + 4)[0], (e - s - 8) // 12)
        if entries:
            per_chunk = struct.unpack_from(">I", buf, s + 8 + (entries - 1) * 12 + 4)[0]
    s, end = tables[b"stsz"]
    uniform, total = struct.unpack_from(">II", buf, s + 4)
    at = s + 12
    n = min(per_chunk, total)
    if uniform:
        tail = uniform * n
    else:
        listed = min(total, (end - at) // 4)
        first = max(0, listed - n)
        tail = sum(struct.unpack_from(">%dI" % (listed - first), buf, at + first * 4))
    return last + tail


def walk_nested(buf: bytes, start: int, end: int, depth: int = 0):
    """Depth-first over trak's container boxes, yielding the leaves we read."""
    if depth > 3:   # trak > mdia > minf > stbl; deeper nesting is a crafted or broken file
        raise Malformed("its track boxes are nested impossibly deep")
    for kind, s, e in children(buf, start, end):
        if kind in (b"mdia", b"minf", b"stbl"):
            yield from walk_nested(buf, s, e, depth + 1)
        else:
            yield kind, s, e


def moof_runs(body: bytes) -> list:
    """Per traf: (track_id, samples, explicit time, samples needing a default, tfhd default)."""
    runs = []
    for kind, s, e in children(body, 0, len(body)):
        if kind != b"traf":
            continue
        track_id, tf_default, samples, time, needs = 0, None, 0, 0, 0
        for sub, ss, se in children(body, s, e):
            if sub == b"tfhd":
                flags = int.from_bytes(body[ss + 1:ss + 4], "big")
                track_id = struct.unpack_from(">I", body, ss + 4)[0]
                at = ss + 8 + (8 if flags & 0x01 else 0) + (4 if flags & 0x02 else 0)
                if flags & 0x08:
                    tf_default = struct.unpack_from(">I", body, at)[0]
            elif sub == b"trun":
                flags = int.from_bytes(body[ss + 1:ss + 4], "big")
                count = struct.unpack_from(">I", body, ss + 4)[0]
                at = ss + 8 + (4 if flags & 0x01 else 0) + (4 if flags & 0x04 else 0)
                if flags & 0x100:
                    stride = 4 * sum(1 for bit in (0x100, 0x200, 0x400, 0x800) if flags & bit)
                    if count > (se - at) // stride:
                        raise Malformed("a fragment lists more samples than it holds")
                    time += sum(struct.unpack_from(">I", body, at + i * stride)[0] for i in range(count))
                else:
                    needs += count
                samples += count
        runs.append((track_id, samples, time, needs, tf_default))
    return runs


def apply_runs(tracks: list[Track], runs: list, trex: dict) -> None:
    by_id = {t.track_id: t for t in tracks}
    for track_id, samples, time, needs, tf_default in runs:
        track = by_id.get(track_id)
        if track is None:
            continue
        default = tf_default if tf_default is not None else trex.get(track_id, 0)
        track.frag_samples += samples
        track.frag_time += time + needs * default


def sidx(body: bytes) -> tuple[int, int]:
    """(timescale, total subsegment duration) of a segment index box."""
    version = body[0]
    timescale = struct.unpack_from(">I", body, 8)[0]
    at = 12 + (16 if version == 1 else 8) + 2
    count = struct.unpack_from(">H", body, at)[0]
    total = sum(struct.unpack_from(">I", body, at + 2 + i * 12 + 4)[0] for i in range(count))
    return timescale, total
