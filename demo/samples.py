"""Sample recordings: real footage written with PyAV (FFmpeg's libraries, in this process).

Used by the tests, the README quick start and the demo. Every frame carries its capture time
twice: as a machine-readable barcode (48 blocks across the top, milliseconds since the epoch)
so tests can tell exactly which instant a frame came from, and as a drawn clock for people
(demo/clock_text.py). The encoders are in demo/sample_encoders.py.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from agent.timebase import US, format_utc, to_datetime, zone
from demo.clock_text import draw_clock
from demo.sample_encoders import ENCODERS, Tone, add_video, gray_frame

BITS = 48
_COLS = 16
_ROWS = 3


@dataclass(frozen=True)
class ClipSpec:
    """One file to write: what, where and when (true UTC of its first frame)."""

    path: Path
    start_us: int
    seconds: float
    fps: int = 10
    gop_s: float = 2.0
    width: int = 320
    height: int = 240
    encoder: str = "libx264"     # one of demo.sample_encoders.ENCODERS
    audio: bool = False
    audio_codec: str = "aac"     # pcm_mulaw, pcm_alaw, pcm_s16le, adpcm_ima_wav, ... (recorders')
    clock_offset_s: float = 0.0  # camera clock minus true time, burnt into the drawn clock only
    creation_time: bool = True   # write the container creation time (some recorders do not)
    bframes: int = 0             # B-frames between references (libx264, libx265); 0 as cameras


def frame_image(capture_us: int, width: int, height: int, n: int) -> np.ndarray:
    """A gray frame: moving bar (so P-frames carry motion) and the capture-time barcode."""
    img = np.full((height, width), 90, dtype=np.uint8)
    x = (n * 7) % width
    img[60:height - 40, x:x + 24] = 200
    ms = capture_us // 1000
    bw, bh = width // _COLS, 12
    for bit in range(BITS):
        on = (ms >> (BITS - 1 - bit)) & 1
        r, c = divmod(bit, _COLS)
        img[r * bh:(r + 1) * bh, c * bw:(c + 1) * bw] = 235 if on else 16
    return img


def read_stamp(gray: np.ndarray) -> int:
    """Capture time (UTC microseconds, millisecond precision) from a decoded frame's barcode."""
    height, width = gray.shape[:2]
    bw, bh = width // _COLS, 12
    ms = 0
    for bit in range(BITS):
        r, c = divmod(bit, _COLS)
        block = gray[r * bh + 3:(r + 1) * bh - 3, c * bw + 3:(c + 1) * bw - 3]
        ms = (ms << 1) | int(block.mean() > 125)
    return ms * 1000


def write_clip(spec: ClipSpec) -> Path:
    """Encode one sample file; frame n is captured at start + n/fps. The container is chosen by
    the file's extension (.mp4, .mov, .mkv, .avi, .vob, ...)."""
    if spec.encoder not in ENCODERS:
        raise ValueError(f"unsupported sample encoder {spec.encoder} "
                         f"(these are: {', '.join(ENCODERS)})")
    spec.path.parent.mkdir(parents=True, exist_ok=True)
    count = int(round(spec.seconds * spec.fps))
    clock_us = spec.start_us + round(spec.clock_offset_s * US)
    try:
        with av.open(str(spec.path), "w") as out:
            if spec.creation_time:
                out.metadata["creation_time"] = format_utc(spec.start_us)
            video = add_video(out, spec)
            tone = Tone(out, spec.audio_codec, count / spec.fps) if spec.audio else None
            for n in range(count):
                gray = frame_image(spec.start_us + n * US // spec.fps, spec.width, spec.height, n)
                draw_clock(gray, clock_us + n * US // spec.fps)
                out.mux(video.encode(gray_frame(gray, video.pix_fmt, n, spec.fps)))
                if tone is not None:
                    out.mux(tone.until((n + 1) / spec.fps))
            out.mux(video.encode(None))
            if tone is not None:
                out.mux(tone.finish())
    except av.FFmpegError as exc:
        raise RuntimeError(f"could not write {spec.path}: {exc}") from None
    # A recorder closes a file when its recording ends: that is its modification time.
    closed_ns = (spec.start_us + round(spec.seconds * US)) * 1000
    os.utime(spec.path, ns=(closed_ns, closed_ns))
    return spec.path


def layout_path(layout: str, camera: str, start_us: int, end_us: int, zone_name: str) -> str:
    """Where a recorder of `layout` would put a file covering [start, end) (relative path)."""
    if layout == "frigate":
        t = to_datetime(start_us)
        return f"recordings/{t:%Y-%m-%d/%H}/{camera}/{t:%M.%S}.mp4"
    tz = zone(zone_name)
    s = to_datetime(start_us).astimezone(tz)
    e = to_datetime(end_us).astimezone(tz)
    if layout == "reolink-sd":
        dst = "DST" if s.dst() else ""
        return f"Mp4Record/{s:%Y-%m-%d}/RecM01_{dst}{s:%Y%m%d_%H%M%S}_{e:%H%M%S}_6D28808_9A1B2C.mp4"
    if layout == "dahua-tree":
        return f"{s:%Y-%m-%d}/{camera}/dav/{s:%H}/{s:%H.%M.%S}-{e:%H.%M.%S}[R][0@0][0].mp4"
    if layout == "blue-iris":
        return f"{camera}.{s:%Y%m%d_%H%M%S}.mp4"
    if layout == "dahua-backup":
        return f"{camera}_main_{s:%Y%m%d%H%M%S}_{e:%Y%m%d%H%M%S}.mp4"
    raise ValueError(f"no sample writer for layout {layout}")


def make_recordings(root: Path, layout: str, camera: str, start_us: int, files: int,
                    file_s: float, zone_name: str = "UTC", **clip: object) -> list[Path]:
    """Write `files` consecutive recordings of `file_s` seconds each in a vendor layout."""
    written = []
    for i in range(files):
        s = start_us + round(i * file_s * US)
        e = s + round(file_s * US)
        path = root / layout_path(layout, camera, s, e, zone_name)
        written.append(write_clip(ClipSpec(path=path, start_us=s, seconds=file_s, **clip)))
    return written


def write_sample_set(root: Path, start_us: int) -> list[Path]:
    """The quick-start folder: two cameras in two recorder layouts, with a gap in one."""
    written = make_recordings(root / "frigate", "frigate", "driveway", start_us, 3, 60.0)
    porch = root / "reolink-sd"
    written += make_recordings(porch, "reolink-sd", "porch", start_us, 2, 60.0,
                               zone_name="America/Los_Angeles", encoder="libx264-baseline")
    written += make_recordings(porch, "reolink-sd", "porch", start_us + 150 * US, 1, 60.0,
                               zone_name="America/Los_Angeles", encoder="libx264-baseline")
    return written


if __name__ == "__main__":
    import sys

    from agent.timebase import parse_rfc3339

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "sample-recordings")
    begin = parse_rfc3339(sys.argv[2] if len(sys.argv) > 2 else "2026-11-20T22:00:00Z")
    for written_path in write_sample_set(target, begin):
        print(written_path)
