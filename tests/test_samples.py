"""Sample footage as the demo and the tests write it, with PyAV alone (no ffmpeg program): every
encoder, container and sound codec the tests rely on, each frame's capture-time barcode, and
the clock drawn for people, read back from the decoded frames at 320x240 and at 1080p."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest

from demo.clock_text import ADVANCE, GLYPH_H, GLYPH_W, GLYPHS, PAD, TEXT_LEN, clock_origin
from demo.samples import ClipSpec, read_stamp, write_clip
from tests.conftest import t

T0 = t("2026-11-20T22:00:00Z")
US = 1_000_000
ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("agent", "demo", "gui", "frp", "portal")

# name -> (ClipSpec options, video codec, pixel format, sound codec, creation time written)
KINDS = {
    "x264.mp4": ({}, "h264", "yuv420p", None, True),
    "x264-aac.mp4": ({"audio": True}, "h264", "yuv420p", "aac", True),
    "doorbell.mp4": ({"encoder": "libx264-baseline", "audio": True}, "h264", "yuv420p", "aac",
                     True),
    "x265.mp4": ({"encoder": "libx265"}, "hevc", "yuv420p", None, True),
    "dashcam.avi": ({"encoder": "mjpeg", "audio": True, "audio_codec": "pcm_mulaw",
                     "creation_time": False}, "mjpeg", "yuvj420p", "pcm_mulaw", False),
    "pcm.mkv": ({"audio": True, "audio_codec": "pcm_s16le", "creation_time": False}, "h264",
                "yuv420p", "pcm_s16le", False),
    "adpcm.avi": ({"audio": True, "audio_codec": "adpcm_ima_wav", "creation_time": False},
                  "h264", "yuv420p", "adpcm_ima_wav", False),
    "seg.vob": ({"gop_s": 1.0}, "h264", "yuv420p", None, False),
}


def decoded(path: Path) -> tuple[list[int], list[np.ndarray]]:
    """The barcode of every frame and the gray pictures, in display order; no decode error."""
    stamps, pictures = [], []
    with av.open(str(path)) as c:
        for frame in c.decode(video=0):
            assert not frame.is_corrupt
            gray = frame.to_ndarray(format="gray")
            stamps.append(read_stamp(gray))
            pictures.append(gray)
    return stamps, pictures


@pytest.mark.parametrize("name", list(KINDS))
def test_each_kind_of_sample_is_written_as_asked(tmp_path, name):
    options, codec, pix_fmt, sound, created = KINDS[name]
    path = write_clip(ClipSpec(tmp_path / name, T0, 4, fps=10, **options))
    stamps, _ = decoded(path)
    assert stamps == [T0 + n * US // 10 for n in range(40)]
    with av.open(str(path)) as c:
        video = c.streams.video[0]
        assert (video.codec_context.name, video.codec_context.pix_fmt) == (codec, pix_fmt)
        assert (c.metadata.get("creation_time", "").startswith("2026-11-20T22:00:00")
                == created)
        if codec == "hevc":
            assert video.codec_tag == "hvc1"
        keys = [n for n, p in enumerate(q for q in c.demux(video) if q.size) if p.is_keyframe]
    gop = round(10 * options.get("gop_s", 2.0))
    assert keys == (list(range(40)) if codec == "mjpeg" else list(range(0, 40, gop)))
    with av.open(str(path)) as c:
        if sound is None:
            assert not c.streams.audio
            return
        stream = c.streams.audio[0]
        assert stream.codec_context.name == sound
        assert stream.rate == (8000 if sound == "pcm_mulaw" else 16000)
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(stream)])
    assert 4.0 <= len(samples) / stream.rate < 4.2
    spectrum = np.abs(np.fft.rfft(samples[:stream.rate].astype(float)))
    assert abs(np.argmax(spectrum) - 440) <= 1, "the sound is the 440 Hz tone"


@pytest.mark.parametrize("encoder,bframes", [("libx264", 2), ("libx265", 3)])
def test_b_frames_when_asked(tmp_path, encoder, bframes):
    path = write_clip(ClipSpec(tmp_path / "b.mp4", T0, 4, encoder=encoder, bframes=bframes))
    with av.open(str(path)) as c:
        pts = [p.pts for p in c.demux(video=0) if p.size]
    assert pts != sorted(pts), "decode order differs from display order"
    assert decoded(path)[0] == [T0 + n * US // 10 for n in range(40)]


def read_clock(gray: np.ndarray) -> str:
    """The drawn clock, read dot by dot from a decoded frame (each dot's middle)."""
    height, width = gray.shape
    x, y, s = clock_origin(width, height)
    by_dots = {g.tobytes(): ch for ch, g in GLYPHS.items()}
    text = ""
    for i in range(TEXT_LEN):
        left, top = x + (PAD + i * ADVANCE) * s, y + PAD * s
        dots = np.array([[gray[top + r * s + s // 2, left + c * s + s // 2] > 128
                          for c in range(GLYPH_W)] for r in range(GLYPH_H)])
        text += by_dots.get(dots.tobytes(), "?")
    return text


@pytest.mark.parametrize("size", [(320, 240), (1920, 1080)])
def test_the_drawn_clock_reads_back_after_compression(tmp_path, size):
    """The clock the owner reads on the first-run step: the camera's time (its offset
    included), every dot still in place after the encoder, at both ends of the sizes."""
    start = T0 + 58 * US + 500_000
    spec = ClipSpec(tmp_path / "clock.mp4", start, 3, fps=2, width=size[0], height=size[1],
                    clock_offset_s=-3600.25)
    _, pictures = decoded(write_clip(spec))
    assert [read_clock(g) for g in pictures] == [   # 21:00:58.25 and every half second on
        "2026-11-20 21:00:58 UTC", "2026-11-20 21:00:58 UTC", "2026-11-20 21:00:59 UTC",
        "2026-11-20 21:00:59 UTC", "2026-11-20 21:01:00 UTC", "2026-11-20 21:01:00 UTC"]
    height = pictures[0].shape[0]
    _, y, s = clock_origin(*size)
    assert s >= 2 and (GLYPH_H * s) >= height // 20, "the digits are big enough to read"


def test_samples_need_no_ffmpeg_program(tmp_path):
    """The demo writes its footage with imageio-ffmpeg unimportable and no ffmpeg on PATH."""
    code = ("import sys; sys.modules['imageio_ffmpeg'] = None\n"
            "from pathlib import Path\n"
            "from demo.samples import write_sample_set\n"
            f"print(len(write_sample_set(Path({str(tmp_path)!r}), {T0})))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["6"]


def test_the_product_names_no_ffmpeg_program():
    """imageio-ffmpeg (the ffmpeg program) is for the tests only: no product source uses it."""
    used = [str(p.relative_to(ROOT)) for pkg in PRODUCT for p in (ROOT / pkg).rglob("*.py")
            if "imageio_ffmpeg" in p.read_text(encoding="utf-8")]
    assert used == []


def test_an_encoder_pyav_lacks_is_refused(tmp_path):
    with pytest.raises(ValueError, match="libopenh264"):
        write_clip(ClipSpec(tmp_path / "oh.mp4", T0, 1, encoder="libopenh264"))
