"""Container facts for one recording: MP4/MOV from its boxes, everything else through PyAV.

Probing runs for every new file in a scan, so it never starts a process. MP4/MOV (recognised by
content, not by name: extensions lie) goes to `mp4box`, which reads only header boxes. Other
containers (MPEG-TS, Matroska, AVI, Dahua DAV, Hikvision MPEG-PS named .mp4) are opened with
PyAV's demuxers in-process.

The bytes of a file are never an exception: they become a status and a reason. Only a file that
cannot be read at all (permission denied, vanished, I/O error) raises `ProbeError`.
"""
from __future__ import annotations

import errno
import os
from dataclasses import replace
from fractions import Fraction

import av

from agent.media.byte_range import RangeFile
from agent.media.mp4box import MIN_CREATION_US, ContainerFacts, failed, read_mp4
from agent.media.mp4walk import looks_like_mp4
from agent.media.mpeg_clock import HALF_COUNT_US, MPEG_CLOCK
from agent.os_words import error_number
from agent.timebase import TimeError, parse_rfc3339

__all__ = ["ContainerFacts", "ProbeError", "probe", "probe_range"]

_US = 1_000_000
_MAX_CREATION_US = 4_102_444_800 * _US  # 2100-01-01
# Enough to find the streams of a camera file; the default 5 MB makes garbage slow to reject.
_OPEN_OPTIONS = {"probesize": "1000000", "analyzeduration": "2000000"}
# MPEG-TS/PS durations come from timestamps; when FFmpeg has none, read the tail ourselves.
_TAIL_BYTES = 2 << 20
_PROPRIETARY = {
    "bvr": "Blue Iris .bvr recordings are in Blue Iris's own format; convert or export them to "
           "MP4 in Blue Iris first",
    "ubv": "UniFi Protect .ubv files are in Ubiquiti's own format; export the clips to MP4 from "
           "UniFi Protect first",
}
# Why a .ts or .ps whose frames span half the MPEG count or more has no length
# (agent/media/mpeg_clock.py).
STEPPED_BACK = ("its timestamps go back partway through (the camera restarted while it was "
                "recorded), so its length cannot be read from them")
_FORMAT_NAMES = {"mov": "mp4", "mpeg": "mpeg-ps", "matroska": "matroska", "mpegts": "mpegts"}
_VIDEO_EXTS = {"mp4", "mov", "m4v", "m4s", "mkv", "webm", "avi", "ts", "mts", "m2ts", "dav", "asf",
               "264", "h264", "265", "h265", "hevc", "mpg", "mpeg", "ps", "vob", "3gp", "flv",
               "wmv", "mjpg", "mjpeg", "mxf"}
# Bare elementary streams: FFmpeg finds one of these in almost any bytes (noise reads as
# H.263 now and then), so only a name that promises a bare stream may be read as one.
_BARE_FORMATS = {"h261", "h263", "h264", "hevc", "mjpeg", "m4v", "mpegvideo", "rawvideo"}
_BARE_EXTS = {"264", "h264", "265", "h265", "hevc", "mjpg", "mjpeg"}
# Containers a recorder writes; a bare audio format found in a "video" file is noise.
_CONTAINERS = {"mp4", "mpegts", "mpeg-ps", "matroska", "avi", "asf", "flv", "dhav", "mxf"}
_quiet = False


class ProbeError(OSError):
    """The file itself cannot be read (permission denied, vanished, disk error)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "cannot read the file"


def probe(path: os.PathLike | str, size: int | None = None,
          judge_complete: bool = False) -> ContainerFacts:
    """Describe one recording's container. Never raises for bad file content: returns a
    status ("ok", "empty", "damaged", "unsupported") and a plain reason. Raises ProbeError only
    when the file cannot be read at all (permission, vanished, I/O error). With
    `judge_complete` (a file modified just now), `complete` says whether the container is
    finished, where it can tell."""
    path = os.fspath(path)
    try:
        with open(path, "rb", buffering=0) as f:
            if size is None:
                size = os.fstat(f.fileno()).st_size
            if size == 0:
                return failed("empty", "zero-byte file")
            head = f.read(64)
            if looks_like_mp4(head[:16]):
                return read_mp4(_reader(f), size, judge_complete)
    except OSError as exc:
        raise _unreadable(exc) from exc
    ext = path.rsplit(".", 1)[-1].lower() if "." in os.path.basename(path) else ""
    if ext in _PROPRIETARY:
        return failed("unsupported", _PROPRIETARY[ext], ext)
    return _probe_av(path, ext, size, finished(head, size) if judge_complete else None)


def probe_range(path: os.PathLike | str, start: int, end: int | None) -> ContainerFacts:
    """Describe the MPEG program stream in bytes [start, end) of a file (a recording inside a
    Hikvision ring file), read in place. Same promises as `probe`."""
    _silence_ffmpeg()
    try:
        with RangeFile(path, start, end) as part, \
                av.open(part, format="mpeg", options=_OPEN_OPTIONS) as container:
            return _describe(container, "ps", part.size)
    except (PermissionError, FileNotFoundError) as exc:
        raise _unreadable(exc) from exc
    except OSError as exc:
        raise _unreadable(exc) from exc
    except (av.FFmpegError, UnicodeDecodeError) as exc:
        return failed("damaged", f"FFmpeg cannot read this recording ({_ffmpeg_words(exc)})")


def finished(head: bytes, size: int) -> bool | None:
    """What a container's first bytes say about whether it is finished: AVI and Matroska write
    their total size into the header when they close the file (while recording it is zero, a
    placeholder or "unknown"). None when the header cannot tell (MPEG-TS, PS, DAV, ...)."""
    if head[:4] == b"RIFF" and head[8:12] == b"AVI " and len(head) >= 12:
        return int.from_bytes(head[4:8], "little") + 8 == size or None
    if head[:4] == b"\x1a\x45\xdf\xa3":
        at, header = _ebml_size(head, 4)
        segment_at = at + (header or 0)
        if header is None or head[segment_at:segment_at + 4] != b"\x18\x53\x80\x67":
            return None
        body_at, segment = _ebml_size(head, segment_at + 4)
        return segment is not None and body_at + segment == size or None
    return None


def _ebml_size(buf: bytes, at: int) -> tuple[int, int | None]:
    """(where the element's body starts, its size) for the EBML size field at `at`; size None
    when unknown (all ones: a file still being written) or unreadable."""
    if at >= len(buf) or buf[at] == 0:
        return at, None
    length = 9 - buf[at].bit_length()
    if at + length > len(buf):
        return at, None
    value = int.from_bytes(buf[at:at + length], "big") & ((1 << (7 * length)) - 1)
    if value == (1 << (7 * length)) - 1:
        return at + length, None
    return at + length, value


def _reader(f):
    def read_at(offset: int, length: int) -> bytes:
        f.seek(offset)
        return f.read(length) or b""
    return read_at


def _unreadable(exc: OSError) -> ProbeError:
    if error_number(exc) == errno.EBUSY:
        # Windows: another program holds the file open without sharing it, which Python also
        # says as PermissionError; the scan reads such a file again each time.
        text = ("in use by another program (a recorder program still writing it, a backup, a "
                "video editor): it is read again at the next scan")
    elif isinstance(exc, PermissionError):
        text = "permission denied"
    elif isinstance(exc, FileNotFoundError):
        text = "the file disappeared before it could be read"
    elif isinstance(exc, IsADirectoryError):
        text = "this is a folder, not a file"
    else:
        text = (exc.strerror or str(exc) or "input/output error").lower()
    err = ProbeError(text)
    err.errno = exc.errno
    return err


def _probe_av(path: str, ext: str, size: int, whole: bool | None) -> ContainerFacts:
    _silence_ffmpeg()
    try:
        with av.open(path, options=_OPEN_OPTIONS) as container:
            facts = _describe(container, ext, size)
            return replace(facts, complete=whole) if facts.status == "ok" else facts
    except (PermissionError, FileNotFoundError) as exc:
        raise _unreadable(exc) from exc
    except (av.FFmpegError, UnicodeDecodeError) as exc:   # garbage metadata is not text either
        if ext in _VIDEO_EXTS:
            return failed("damaged", f"FFmpeg cannot read this .{ext} file ({_ffmpeg_words(exc)}): "
                          "it is damaged or not really a recording")
        return failed("unsupported", f"FFmpeg does not recognise this file's format "
                      f"({_ffmpeg_words(exc)})")


def _ffmpeg_words(exc: Exception) -> str:
    return (getattr(exc, "strerror", None) or type(exc).__name__).lower()


def _describe(container, ext: str, size: int) -> ContainerFacts:
    fmt = _FORMAT_NAMES.get(container.format.name.split(",")[0], container.format.name.split(",")[0])
    if fmt in _BARE_FORMATS and ext in _VIDEO_EXTS and ext not in _BARE_EXTS:
        return failed("damaged", f"this .{ext} file holds no readable container (FFmpeg could "
                      f"only guess a bare {fmt} stream): it is damaged or not really a recording", fmt)
    video = container.streams.video[0] if container.streams.video else None
    has_audio = bool(container.streams.audio)
    if video is None:
        if has_audio and fmt in _CONTAINERS:
            return ContainerFacts("ok", "no video stream, audio only", fmt,
                                  _container_duration(container), _creation(container),
                                  None, None, None, None, None, True)
        status = "damaged" if ext in _VIDEO_EXTS else "unsupported"
        what = f"this .{ext} file" if ext else "this file"
        return failed(status, f"no video stream found in {what} (FFmpeg read it as {fmt})", fmt)
    duration = _stream_duration(video)
    if duration is None:
        duration = _container_duration(container)
    if duration is None and fmt in ("mpegts", "mpeg-ps", "dhav"):
        duration = _pts_span(container, video, size)
    reason = None
    if duration is not None and fmt in ("mpegts", "mpeg-ps") and \
            video.time_base == MPEG_CLOCK and duration >= HALF_COUNT_US:
        duration, reason = None, STEPPED_BACK
    if duration is None and ext not in _VIDEO_EXTS:
        # FFmpeg will read almost anything as *some* format (random bytes as ANSI art);
        # without a duration there is no recording here.
        return failed("unsupported", f"not a recording format (FFmpeg read it as {fmt})", fmt)
    frames = video.frames or None
    ctx = video.codec_context
    if frames and duration:
        fps = round(frames * _US / duration, 3)
    else:
        fps = round(float(video.average_rate), 3) if video.average_rate else None
    return ContainerFacts("ok", reason, fmt, duration, _creation(container), ctx.name,
                          ctx.width or None, ctx.height or None, fps, frames, has_audio)


def _stream_duration(stream) -> int | None:
    if not stream.duration or stream.time_base is None:
        return None
    return _scaled(stream.duration, stream.time_base)


def _scaled(value: int, time_base: Fraction) -> int:
    """Stream ticks -> microseconds in integer math, rounded half up."""
    num = value * time_base.numerator * _US
    return (2 * num + time_base.denominator) // (2 * time_base.denominator)


def _container_duration(container) -> int | None:
    return container.duration if container.duration and container.duration > 0 else None


def _pts_span(container, stream, size: int) -> int | None:
    """First to last video timestamp, reading only the file's tail (FFmpeg had no duration)."""
    try:
        first = next((p.pts for p in container.demux(stream) if p.pts is not None), None)
        if first is None:
            return None
        container.seek(max(0, size - _TAIL_BYTES), unsupported_byte_offset=True)
        last = None
        for packet in container.demux(stream):
            if packet.pts is not None:
                end = packet.pts + (packet.duration or 0)
                last = end if last is None else max(last, end)
    except av.FFmpegError:
        return None
    if last is None or last <= first:
        return None
    return _scaled(last - first, stream.time_base)


def _creation(container) -> int | None:
    text = container.metadata.get("creation_time")
    if not text:
        return None
    try:
        us = parse_rfc3339(text)
    except TimeError:
        return None
    # The MP4 box reader's rule: a reset camera's clock is a time, the epoch itself none.
    return us if MIN_CREATION_US <= us < _MAX_CREATION_US else None


def _silence_ffmpeg() -> None:
    """Keep FFmpeg's complaints about damaged files off the owner's terminal.

    Only when PyAV's own logging is off (its default): then FFmpeg prints straight to stderr,
    and a scan of a damaged card would flood it. Someone who turned PyAV logging on keeps it.
    """
    global _quiet
    if not _quiet and av.logging.get_level() is None:
        av.logging.set_libav_level(av.logging.FATAL)
    _quiet = True
