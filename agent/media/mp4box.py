"""Container facts read straight from MP4/MOV boxes (ISO/IEC 14496-12, QuickTime).

Pure: bytes come in through a `read_at(offset, length)` callable, facts go out. Only header
boxes are read, by the walk in mp4walk.

Anything the bytes say is a status, never an exception: a parse that runs off its buffer or
meets impossible sizes becomes "damaged" with a reason an owner can act on.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from frp.mp4atoms import Malformed, Track, apply_runs, media_end, parse_moov
from agent.media.mp4walk import Reader, Walk, walk_boxes

US = 1_000_000
_MOV_EPOCH_S = 2_082_844_800       # 1904-01-01 to 1970-01-01
# A creation time after the Unix epoch is a clock reading, however early: a camera whose clock
# was reset (a power cut) starts again at 1970, 1980 or 2000 and dates its files by it, as it
# dates its names; the owner sets it right with the clock offset. 0 (1904) and the Unix epoch
# itself are what muxers write for "no time".
MIN_CREATION_US = 1
_MAX_CREATION_US = 4_102_444_800 * US  # 2100-01-01: later is garbage
# No recorder writes one file for longer than a day or so; a week is far past any real one,
# and a duration beyond it is a broken header that would place the file years into the future.
MAX_DURATION_US = 7 * 86400 * US
# A header may round or pad its duration, never claim hours its frames do not hold.
_SAMPLES_SLACK_US = 3600 * US
_CODECS = {"avc1": "h264", "avc3": "h264", "h264": "h264", "hvc1": "hevc", "hev1": "hevc",
           "mp4v": "mpeg4", "jpeg": "mjpeg", "mjpa": "mjpeg", "mjpb": "mjpeg", "av01": "av1",
           "vp08": "vp8", "vp09": "vp9", "s263": "h263", "h263": "h263", "apch": "prores",
           "apcn": "prores", "apcs": "prores", "apco": "prores", "ap4h": "prores",
           "encv": "encrypted", "mp4a": "aac", "ulaw": "pcm_mulaw", "alaw": "pcm_alaw"}
POWER_LOSS = "no moov box: the recorder lost power before closing this file"


@dataclass(frozen=True)
class ContainerFacts:
    """What a container header says about one recording."""

    status: str                    # "ok" | "empty" | "damaged" | "unsupported"
    reason: str | None             # plain words for the owner; None when nothing to say
    container: str | None          # "mp4", "mov", "fmp4", "mpegts", "matroska", "avi", "dhav", ...
    duration_us: int | None        # of the video track when there is one, else the movie
    creation_us: int | None        # container creation time, UTC microseconds
    codec: str | None              # "h264", "hevc", ...
    width: int | None
    height: int | None
    fps: float | None              # frames / duration, 3 decimals
    frames: int | None             # video sample count when known
    has_audio: bool = False
    complete: bool | None = None   # the container says it is finished (True) or not (False);
                                   # None: it cannot tell (fMP4, TS, ...; judge by mtime) or
                                   # was not asked (probe's judge_complete)


def failed(status: str, reason: str, container: str | None = None) -> ContainerFacts:
    """Facts for a file whose content cannot be described."""
    return ContainerFacts(status, reason, container, None, None, None, None, None, None, None)


def parse_bytes(data: bytes, judge_complete: bool = False) -> ContainerFacts:
    """Facts from a whole file held in memory (tests, fuzzing)."""
    return read_mp4(lambda offset, length: data[offset:offset + length], len(data),
                    judge_complete)


def read_mp4(read_at: Reader, size: int, judge_complete: bool = False) -> ContainerFacts:
    """Facts of an MP4/MOV/fMP4 file of `size` bytes. Never raises for bad content; an OSError
    from `read_at` (the file itself unreadable) passes through. With `judge_complete`, also
    whether the file is finished (`complete`); without, `complete` is None (not asked)."""
    if size <= 0:
        return failed("empty", "zero-byte file")
    try:
        walk = walk_boxes(read_at, size)
        return _facts(walk, size if judge_complete else None)
    except (Malformed, struct.error, IndexError) as exc:
        detail = str(exc) if isinstance(exc, Malformed) else "a header box is shorter than it claims"
        return failed("damaged", f"the MP4 index is corrupt ({detail}); the file cannot be played")


def _facts(w: Walk, size: int | None) -> ContainerFacts:
    name = "mov" if w.brand == b"qt  " else "mp4"
    return _movie_facts(w, name, size) if w.moov is not None else _moovless_facts(w, name)


def _moovless_facts(w: Walk, name: str) -> ContainerFacts:
    if w.moov_cut:
        return failed("damaged", "the file was cut off inside its index (moov box): the "
                      "recorder stopped before finishing it", name)
    if w.sidx and w.runs:   # a bare fMP4 segment: its sidx holds the timescale the moofs lack
        reason = "media segment without init; duration from its sidx box"
        duration = _to_us(w.sidx[1], w.sidx[0])
        if duration is not None and duration > MAX_DURATION_US:
            return failed("damaged", _impossible(duration), "fmp4")
        return ContainerFacts("ok", reason + ("; truncated" if w.truncated else ""), "fmp4",
                              duration, None, None, None, None, None, None)
    if w.runs or w.sidx:
        return failed("unsupported", "a media segment without its init segment (moov box); "
                      "it plays only together with the stream's init file", "fmp4")
    if w.mdat:
        return failed("damaged", POWER_LOSS, name)
    if w.broken_at is None:
        return failed("damaged", "not a readable MP4: it holds neither an index (moov box) nor "
                      "media", name)
    return failed("damaged", f"not a readable MP4: the box structure is broken at byte "
                  f"{w.broken_at}", name)


def _movie_facts(w: Walk, name: str, size: int | None) -> ContainerFacts:
    movie = parse_moov(w.moov, tables=size is not None)
    tracks, fragmented = movie["tracks"], movie["fragmented"]
    if not tracks:
        return failed("damaged", "the MP4 index lists no tracks; there is nothing to play", name)
    if fragmented:
        name = "fmp4"
        apply_runs(tracks, w.runs, movie["trex"])
    video = next((t for t in tracks if t.handler == b"vide"), None)
    has_audio = any(t.handler == b"soun" for t in tracks)
    creation = _creation_us(movie["created"]) or (_creation_us(video.created) if video else None)
    if video is None:
        duration = _to_us(movie["duration"], movie["timescale"])
        frames = codec = width = height = None
    else:
        duration = _track_duration_us(video, fragmented)
        frames = video.samples + video.frag_samples
        codec = _CODECS.get(video.fourcc or "", (video.fourcc or "").strip().lower() or None)
        width, height = video.width or None, video.height or None
    wrong = _duration_problem(duration, video, fragmented)
    if wrong:
        return failed("damaged", wrong, name)
    fps = round(frames * US / duration, 3) if frames and duration else None
    status, reason = "ok", None
    if fragmented and w.truncated:
        if not frames:
            return failed("damaged", "the file was cut off before its first complete fragment", name)
        reason = f"truncated; readable to {_clock(duration)}"
    elif not fragmented and w.mdat_cut:
        status, reason = "damaged", ("the file was cut off: its media data ends before its index "
                                      "says, so the end of the recording is missing")
    elif video is not None and not frames:
        status, reason = "empty", "the file holds no video frames"
    complete = None if size is None else _complete(w, tracks, fragmented, size)
    return ContainerFacts(status, reason, name, duration, creation, codec, width, height, fps,
                          frames, has_audio, complete)


def _complete(w: Walk, tracks: list, fragmented: bool, size: int) -> bool | None:
    """Is the file finished? A plain MP4 is written index last (or its index is rewritten at
    the end), so one whose moov describes media that all lies inside the file is complete,
    however new its mtime (a card just copied). A fragmented one grows fragment by fragment and
    cannot tell."""
    if fragmented:
        return None
    if w.mdat_cut or w.truncated or w.broken_at is not None:
        return False
    return w.mdat and max((media_end(w.moov, t) for t in tracks), default=0) <= size


def _track_duration_us(t: Track, fragmented: bool) -> int | None:
    # mdhd's media duration, not the edit-list presentation: the index places the samples the
    # file holds, and the export gate checks every stored frame, edited out or not.
    if fragmented:
        return _to_us(t.sample_time + t.frag_time, t.timescale)
    return _to_us(t.duration or t.sample_time, t.timescale)


def _duration_problem(duration: int | None, video: Track | None, fragmented: bool) -> str | None:
    """Why the duration a header gives cannot be true, or None. The index adds it to the
    file's start: an absurd one would claim recorded time the file does not hold (or a date
    no calendar has)."""
    if duration is None:
        return None
    if duration > MAX_DURATION_US:
        return _impossible(duration)
    if video is None or fragmented or not video.samples:
        return None
    held = _to_us(video.sample_time, video.timescale) or 0
    if duration > 2 * held + _SAMPLES_SLACK_US:
        return (f"the MP4 index says it lasts {_clock(duration)}, but its frames cover only "
                f"{_clock(held)}: the index is corrupt, so the file cannot be placed in time")
    return None


def _impossible(duration: int) -> str:
    return (f"the MP4 index gives an impossible duration ({duration // (86400 * US):,} days); "
            "the index is corrupt, so the file cannot be placed in time")


def _to_us(value: int, timescale: int) -> int | None:
    """Timescale units -> microseconds in integer math, rounded half up (no float drift)."""
    if timescale <= 0:
        return None
    return (value * US + timescale // 2) // timescale


def _creation_us(seconds_since_1904: int) -> int | None:
    us = (seconds_since_1904 - _MOV_EPOCH_S) * US
    return us if MIN_CREATION_US <= us < _MAX_CREATION_US else None


def _clock(us: int | None) -> str:
    seconds = (us or 0) // US
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
