"""Sample recordings: real H.264 footage written by the bundled ffmpeg.

Used by the tests, the README quick start and the demo. Every frame carries its capture time
twice: as a machine-readable barcode (48 blocks across the top, milliseconds since the epoch)
so tests can tell exactly which instant a frame came from, and as a drawn clock for people.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from agent.media.ffmpeg import ffmpeg_exe
from agent.timebase import US, format_utc, to_datetime, zone

BITS = 48
_COLS = 16
_ROWS = 3
_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


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
    encoder: str = "libx264"
    audio: bool = False
    audio_codec: str = "aac"     # pcm_mulaw, pcm_alaw, pcm_s16le, adpcm_ima_wav, ... (recorders')
    clock_offset_s: float = 0.0  # camera clock minus true time, burnt into the drawn clock only
    creation_time: bool = True   # write the container creation time (some recorders do not)


def encoder_args(encoder: str, fps: int, gop_s: float) -> list[str]:
    """Codec options that give a fixed GOP like a camera's (no scene-cut keyframes)."""
    gop = max(1, round(fps * gop_s))
    if encoder == "libx264":
        return ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-crf", "23",
                "-g", str(gop), "-keyint_min", str(gop), "-sc_threshold", "0", "-bf", "0",
                "-pix_fmt", "yuv420p"]
    if encoder == "libopenh264":
        return ["-c:v", "libopenh264", "-g", str(gop), "-b:v", "400k", "-pix_fmt", "yuv420p"]
    if encoder == "libx265":
        return ["-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1",
                "-x265-params", f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes=0:log-level=error",
                "-pix_fmt", "yuv420p"]
    if encoder == "libkvazaar":  # another H.265 encoder than the one exact mode re-encodes with
        return ["-c:v", "libkvazaar", "-kvazaar-params",
                f"preset=ultrafast,period={gop},gop=lp-g4d3t1,qp=28", "-pix_fmt", "yuv420p"]
    if encoder == "mjpeg":     # dashcams and older DVRs: every frame a JPEG
        return ["-c:v", "mjpeg", "-q:v", "4", "-pix_fmt", "yuvj420p"]
    raise ValueError(f"unsupported sample encoder {encoder}")


def clip_command(spec: ClipSpec) -> list[str]:
    """The ffmpeg command line that encodes raw gray frames from stdin into `spec.path`."""
    epoch_s = (spec.start_us + round(spec.clock_offset_s * US)) / US
    filters = []
    if _FONT.exists():
        clock = f"%{{pts\\:gmtime\\:{epoch_s:.3f}\\:%Y-%m-%d %H\\\\\\:%M\\\\\\:%S}}"
        filters.append(
            f"drawtext=fontfile={_FONT}:text='{clock} UTC':x=8:y=h-28:fontsize=16:"
            "fontcolor=white:box=1:boxcolor=black@0.6"
        )
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
           "-f", "rawvideo", "-pix_fmt", "gray", "-s", f"{spec.width}x{spec.height}",
           "-r", str(spec.fps), "-i", "-"]
    if spec.audio:
        rate = 8000 if spec.audio_codec in ("pcm_mulaw", "pcm_alaw") else 16000
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={rate}"]
    if filters:
        cmd += ["-vf", ",".join(filters)]
    cmd += encoder_args(spec.encoder, spec.fps, spec.gop_s)
    if spec.audio:
        cmd += ["-c:a", spec.audio_codec, *(["-b:a", "32k"] if spec.audio_codec == "aac" else []),
                "-shortest"]
    else:
        cmd += ["-an"]
    cmd += ["-t", f"{spec.seconds:.3f}"]
    if spec.creation_time:
        cmd += ["-metadata", f"creation_time={format_utc(spec.start_us)}"]
    return cmd + [str(spec.path)]


def encode_command(encoder: str, profile: str | None, width: int, height: int, rate,
                   out: Path) -> list[str]:
    """ffmpeg command line: raw yuv420p frames on stdin -> one MP4 of `encoder` output, with
    the settings exact mode once re-encoded with (tests build broken joins with it)."""
    if encoder == "libx264":
        name = (profile or "").lower()
        level = "baseline" if "baseline" in name else "main" if name == "main" else "high"
        codec = ["-c:v", "libx264", "-preset", "superfast", "-crf", "18", "-bf", "0",
                 "-profile:v", level]
    else:
        codec = ["-c:v", encoder]
    return [ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{width}x{height}",
            "-r", str(rate), "-i", "-", "-an", *codec, "-pix_fmt", "yuv420p", "-f", "mp4",
            str(out)]


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
    """Encode one sample file; frame n is captured at start + n/fps."""
    spec.path.parent.mkdir(parents=True, exist_ok=True)
    count = int(round(spec.seconds * spec.fps))
    proc = subprocess.Popen(clip_command(spec), stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for n in range(count):
            capture = spec.start_us + n * US // spec.fps
            proc.stdin.write(frame_image(capture, spec.width, spec.height, n).tobytes())
        proc.stdin.close()
    except BrokenPipeError:
        pass
    err = proc.stderr.read().decode(errors="replace")
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg could not write {spec.path}: {err.strip()}")
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
                               zone_name="America/Los_Angeles", encoder="libopenh264")
    written += make_recordings(porch, "reolink-sd", "porch", start_us + 150 * US, 1, 60.0,
                               zone_name="America/Los_Angeles", encoder="libopenh264")
    return written


if __name__ == "__main__":
    import sys

    from agent.timebase import parse_rfc3339

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "sample-recordings")
    begin = parse_rfc3339(sys.argv[2] if len(sys.argv) > 2 else "2026-11-20T22:00:00Z")
    for written_path in write_sample_set(target, begin):
        print(written_path)
