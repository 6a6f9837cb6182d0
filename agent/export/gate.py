"""The gate: proof, from the clip's own bytes, that every stored frame lies inside the window.

"Every frame" means every frame stored in the file. An MP4 edit list can hide frames from
players (ffmpeg writes one for `-ss` with `-c copy`) while their bytes still leave the PC, so the
gate reads with edit lists ignored (the mov demuxer's `ignore_editlist`), counts packets as well
as decoded frames, and reports any frame an edit list would hide.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import av

from agent.media.mp4atoms import Malformed, children, times
from agent.timebase import format_utc

US = 1_000_000
_MAX_MOOV = 256 << 20
_TICK_EVERY = 25


@dataclass(frozen=True)
class GateReport:
    ok: bool
    frames: int
    packets: int
    first_us: int | None
    last_us: int | None
    problems: tuple[str, ...]


@dataclass
class _Tally:
    frames: int = 0
    packets: int = 0
    outside: int = 0
    first_outside: int | None = None
    hidden: int = 0
    corrupt: int = 0
    audio_outside: int = 0
    first_us: int | None = None
    last_us: int | None = None
    error: str | None = None


def gate(path: Path, origin_us: int, start_us: int, end_us: int, *,
         tick: Callable[[float], None] | None = None) -> GateReport:
    """Decode every frame stored in `path` (edit lists ignored) and check each one's capture
    time (origin_us + pts offset from the first packet) lies in [start_us, end_us); packets
    must equal decoded frames, decoding must raise no error and flag no frame corrupt.
    `tick(fraction)` is called as the check goes (it may raise to stop it)."""
    path = Path(path)
    try:
        container = av.open(str(path), options={"ignore_editlist": "1"})
    except (av.FFmpegError, OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        return GateReport(False, 0, 0, None, None, (f"the clip cannot be opened ({why})",))
    with container:
        if not container.streams.video:
            return GateReport(False, 0, 0, None, None, ("the clip holds no video",))
        video = container.streams.video[0]
        tally = _read(container, video, track_edits(path), origin_us, start_us, end_us, tick)
        indexed = video.frames
        extra = len(container.streams) - 1 - min(1, len(container.streams.audio))
    problems = _problems(tally, indexed, start_us, end_us)
    if extra:  # only the first video and audio tracks are checked: others must not exist
        problems.append(f"the clip holds {extra} track(s) besides one video and one audio "
                        "track; they were not checked")
    return GateReport(not problems, tally.frames, tally.packets, tally.first_us, tally.last_us,
                      tuple(problems))


def _read(container, video, edits, origin_us, start_us, end_us, tick) -> _Tally:
    tally = _Tally()
    video.codec_context.thread_type = "AUTO"  # frame threads: the gate decodes every frame
    audio = container.streams.audio[0] if container.streams.audio else None
    first_pts: int | None = None
    total = max(1, video.frames)
    shown = edits["vide"].shown if "vide" in edits else None
    audio_lead = edits["soun"].lead_us if "soun" in edits else 0

    def at(pts: int, tb) -> int:
        return origin_us + round((pts * tb - first_pts * video.time_base) * US)

    def frames(packet) -> None:
        for frame in video.codec_context.decode(packet):
            tally.frames += 1
            tally.corrupt += bool(frame.is_corrupt)
            t = at(frame.pts, video.time_base)
            if shown is not None and not any(a <= frame.pts < b for a, b in shown):
                tally.hidden += 1
            if not start_us <= t < end_us:
                tally.outside += 1
                tally.first_outside = t if tally.first_outside is None else tally.first_outside
            tally.first_us = t if tally.first_us is None else min(tally.first_us, t)
            tally.last_us = t if tally.last_us is None else max(tally.last_us, t)

    def decode(packet) -> None:
        try:
            frames(packet)
        except av.FFmpegError as exc:  # keep going: the count of bad frames helps the owner
            tally.error = tally.error or str(exc)

    streams = [s for s in (video, audio) if s is not None]
    try:
        for packet in container.demux(streams):
            if packet.size == 0:
                continue
            if packet.stream is audio:
                if first_pts is not None and packet.pts is not None:
                    t = at(packet.pts, audio.time_base) + audio_lead
                    dur = round((packet.duration or 0) * audio.time_base * US)
                    tally.audio_outside += not (start_us <= t and t + dur <= end_us)
                continue
            tally.packets += 1
            tally.corrupt += bool(packet.is_corrupt)
            if first_pts is None:
                first_pts = packet.pts if packet.pts is not None else 0
            decode(packet)
            if tick is not None and tally.packets % _TICK_EVERY == 0:
                tick(tally.packets / total)
        decode(None)
    except av.FFmpegError as exc:  # the file itself cannot be read on
        tally.error = tally.error or str(exc)
    return tally


def _problems(tally: _Tally, indexed: int, start_us: int, end_us: int) -> list[str]:
    problems = []
    if tally.error:
        problems.append(f"the clip's video does not decode cleanly (decoder: {tally.error})")
    if not tally.packets:
        problems.append("the clip holds no video frames")
    if tally.outside:
        problems.append(f"{tally.outside} frame(s) lie outside the approved window "
                        f"{format_utc(start_us)} to {format_utc(end_us)} "
                        f"(the first at {format_utc(tally.first_outside)})")
    if tally.hidden:
        problems.append(f"{tally.hidden} stored frame(s) are hidden by an edit list: players "
                        "would not show them, but their bytes would leave this computer")
    if tally.packets != tally.frames:
        problems.append(f"the clip stores {tally.packets} video packets but only "
                        f"{tally.frames} decode to frames")
    if indexed and indexed != tally.packets:
        problems.append(f"the clip's index lists {indexed} frames but {tally.packets} could be "
                        "read: the file is truncated or damaged")
    if tally.corrupt:
        problems.append(f"{tally.corrupt} frame(s) decode with errors")
    if tally.audio_outside:
        problems.append(f"{tally.audio_outside} audio packet(s) lie outside the approved window")
    return problems


@dataclass(frozen=True)
class TrackEdits:
    """What a track's edit list does: the media-time ranges it shows (track timescale) and
    how long an empty edit delays the track's start (microseconds)."""

    shown: tuple[tuple[int, int], ...]
    lead_us: int


def track_edits(path: Path) -> dict[str, TrackEdits]:
    """Edit lists of the first video ("vide") and audio ("soun") tracks that have one; tracks
    without an edit list, and files whose boxes cannot be read, are simply absent."""
    try:
        moov = _moov(path) or b""
    except (OSError, struct.error, ValueError):
        return {}
    found: dict[str, TrackEdits] = {}
    movie_scale = 0
    try:
        for kind, s, e in children(moov, 0, len(moov)):
            if kind == b"mvhd":
                movie_scale = times(moov, s)[1]
            elif kind == b"trak" and movie_scale:
                try:
                    handler, edits = _track_edits(moov, s, e, movie_scale)
                except (struct.error, IndexError, Malformed):
                    continue
                if edits is not None and handler not in found:
                    found[handler] = edits
    except (struct.error, Malformed):
        pass  # a broken box ends the walk: what was read before it stands
    return found


def _track_edits(buf: bytes, start: int, end: int, movie_scale: int) -> tuple[str, TrackEdits | None]:
    kids = {kind: (s, e) for kind, s, e in children(buf, start, end)}
    mdia = {kind: (s, e) for kind, s, e in children(buf, *kids.get(b"mdia", (0, 0)))}
    hdlr, mdhd = mdia.get(b"hdlr"), mdia.get(b"mdhd")
    handler = buf[hdlr[0] + 8:hdlr[0] + 12].decode("latin-1") if hdlr else ""
    elst = {kind: s for kind, s, _e in children(buf, *kids.get(b"edts", (0, 0)))}.get(b"elst")
    if elst is None or not mdhd:
        return handler, None
    scale = times(buf, mdhd[0])[1]
    version, count = buf[elst], struct.unpack_from(">I", buf, elst + 4)[0]
    fmt, size = (">Qq", 16) if version == 1 else (">Ii", 8)
    shown, lead = [], 0
    for i in range(count):
        duration, media_time = struct.unpack_from(fmt, buf, elst + 8 + i * (size + 4))
        if media_time < 0:
            lead += 0 if shown else duration * US // movie_scale
        else:
            span = duration * scale // movie_scale if duration else 1 << 62
            shown.append((media_time, media_time + span))
    return handler, TrackEdits(tuple(shown), lead)


def _moov(path: Path) -> bytes | None:
    with open(path, "rb") as fh:
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
                return None
            if kind == b"moov":
                if length > _MAX_MOOV:
                    return None
                return fh.read(length - header)
            pos += length
    return None
