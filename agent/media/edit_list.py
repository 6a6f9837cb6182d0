"""Where an MP4's video starts being shown: the first edit of its edit list.

A clip a device cut by time (and ffmpeg's `-ss` with `-c copy`) starts at the keyframe before
the instant asked for and hides the frames before that instant with an edit list: the first
shown frame is the instant asked for, the stored frames before it are the lead-in. Reads the
moov box only.
"""
from __future__ import annotations

import struct
from pathlib import Path

from frp.mp4atoms import Malformed, children, times
from frp.mp4tables import TableError, read_moov

US = 1_000_000


def shown_start_us(path: str | Path) -> int | None:
    """How far into the first video track's media its edit list starts showing (µs); None
    when the track has no edit list, or the file's boxes cannot be read."""
    try:
        moov = read_moov(Path(path))[0]
        if moov is None:
            return None
        for kind, s, e in children(moov, 0, len(moov)):
            if kind == b"trak":
                found = _video_edit(moov, s, e)
                if found is not False:
                    return found
    except (OSError, struct.error, IndexError, Malformed, TableError):
        return None
    return None


def _video_edit(buf: bytes, start: int, end: int) -> int | None | bool:
    """The first shown media time (µs) of a video track; None without an edit list; False
    when the track is not video."""
    kids = {kind: (s, e) for kind, s, e in children(buf, start, end)}
    mdia = {kind: (s, e) for kind, s, e in children(buf, *kids.get(b"mdia", (0, 0)))}
    hdlr, mdhd = mdia.get(b"hdlr"), mdia.get(b"mdhd")
    if not hdlr or buf[hdlr[0] + 8:hdlr[0] + 12] != b"vide":
        return False
    elst = {kind: s for kind, s, _e in children(buf, *kids.get(b"edts", (0, 0)))}.get(b"elst")
    if elst is None or not mdhd:
        return None
    scale = times(buf, mdhd[0])[1]
    version, count = buf[elst], struct.unpack_from(">I", buf, elst + 4)[0]
    fmt, size = (">Qq", 16) if version == 1 else (">Ii", 8)
    for i in range(count):
        _duration, media_time = struct.unpack_from(fmt, buf, elst + 8 + i * (size + 4))
        if media_time >= 0 and scale:   # -1: an empty edit (a delay), not a shown stretch
            return media_time * US // scale
    return None

