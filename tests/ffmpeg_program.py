"""The ffmpeg program of the imageio-ffmpeg wheel, which only the tests (and the benchmarks)
use: to make odd files (remuxes, seeks, broken joins), and sample footage from encoders that
PyAV's FFmpeg libraries lack (libopenh264, libkvazaar): other encoders than the ones exact
mode re-encodes with, whose joins the tests must prove. The app writes its sample footage
with PyAV alone (demo/samples.py).
"""
from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from agent.timebase import US, format_utc
from demo import samples
from demo.clock_text import draw_clock
from demo.sample_encoders import audio_rate
from demo.samples import ClipSpec, frame_image

PROGRAM_ENCODERS = ("libopenh264", "libkvazaar")


@functools.lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg that ships inside the imageio-ffmpeg wheel (no system install)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def program_encoder_args(encoder: str, fps: int, gop_s: float) -> list[str]:
    """Codec options for the encoders only the program has, with a fixed GOP like a camera's."""
    gop = max(1, round(fps * gop_s))
    if encoder == "libopenh264":
        return ["-c:v", "libopenh264", "-g", str(gop), "-b:v", "400k", "-pix_fmt", "yuv420p"]
    if encoder == "libkvazaar":  # another H.265 encoder than the one exact mode re-encodes with
        return ["-c:v", "libkvazaar", "-kvazaar-params",
                f"preset=ultrafast,period={gop},gop=lp-g4d3t1,qp=28", "-pix_fmt", "yuv420p"]
    raise ValueError(f"{encoder} is not an encoder the tests take from the ffmpeg program")


def clip_command(spec: ClipSpec) -> list[str]:
    """The ffmpeg command line that encodes raw gray frames from stdin into `spec.path`."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
           "-f", "rawvideo", "-pix_fmt", "gray", "-s", f"{spec.width}x{spec.height}",
           "-r", str(spec.fps), "-i", "-"]
    if spec.audio:
        rate = audio_rate(spec.audio_codec)
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={rate}"]
    cmd += program_encoder_args(spec.encoder, spec.fps, spec.gop_s)
    if spec.audio:
        cmd += ["-c:a", spec.audio_codec, *(["-b:a", "32k"] if spec.audio_codec == "aac" else []),
                "-shortest"]
    else:
        cmd += ["-an"]
    cmd += ["-t", f"{spec.seconds:.3f}"]
    if spec.creation_time:
        cmd += ["-metadata", f"creation_time={format_utc(spec.start_us)}"]
    return cmd + [str(spec.path)]


def write_clip(spec: ClipSpec) -> Path:
    """demo.samples.write_clip, and for libopenh264 and libkvazaar the same frames (barcode
    and clock) through the ffmpeg program."""
    if spec.encoder not in PROGRAM_ENCODERS:
        return samples.write_clip(spec)
    spec.path.parent.mkdir(parents=True, exist_ok=True)
    clock_us = spec.start_us + round(spec.clock_offset_s * US)
    frames = []
    for n in range(int(round(spec.seconds * spec.fps))):
        gray = frame_image(spec.start_us + n * US // spec.fps, spec.width, spec.height, n)
        draw_clock(gray, clock_us + n * US // spec.fps)
        frames.append(gray.tobytes())
    done = subprocess.run(clip_command(spec), input=b"".join(frames), capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"ffmpeg could not write {spec.path}: {done.stderr.decode()}")
    closed_ns = (spec.start_us + round(spec.seconds * US)) * 1000
    os.utime(spec.path, ns=(closed_ns, closed_ns))
    return spec.path


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
