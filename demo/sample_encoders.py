"""How sample footage is encoded, with PyAV's own FFmpeg libraries (no ffmpeg program): the
encoders a camera might use, set up for a fixed GOP as a camera's (no scene-cut keyframes),
and the test tone recorders' microphones stand in for.
"""
from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

# The encoders sample footage can be written with (ClipSpec.encoder): FFmpeg's encoder names,
# and one camera profile of libx264.
ENCODERS = ("libx264", "libx264-baseline", "libx265", "mjpeg")
TONE_HZ = 440
_QP2LAMBDA = 118  # FFmpeg's FF_QP2LAMBDA: a JPEG quality scale of q is q * 118 "lambda"


def video_settings(encoder: str, fps: int, gop_s: float, bframes: int = 0
                   ) -> tuple[str, str, dict[str, str]]:
    """(FFmpeg encoder, pixel format, encoder options) for one sample encoder name."""
    gop = max(1, round(fps * gop_s))
    if encoder == "libx264":
        options = {"preset": "ultrafast", "crf": "23", "g": str(gop), "keyint_min": str(gop),
                   "sc_threshold": "0", "bf": str(bframes)}
        if not bframes:
            options["tune"] = "zerolatency"
        return "libx264", "yuv420p", options
    if encoder == "libx264-baseline":  # a doorbell's constrained-baseline H.264 at a set rate
        return "libx264", "yuv420p", {"profile": "baseline", "preset": "ultrafast",
                                      "b": "400k", "g": str(gop), "keyint_min": str(gop),
                                      "sc_threshold": "0", "bf": "0"}
    if encoder == "libx265":
        params = (f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes={bframes}:"
                  "log-level=error")
        return "libx265", "yuv420p", {"preset": "ultrafast", "x265-params": params}
    if encoder == "mjpeg":     # dashcams and older DVRs: every frame a JPEG
        return "mjpeg", "yuvj420p", {"flags": "+qscale", "global_quality": str(4 * _QP2LAMBDA)}
    raise ValueError(f"unsupported sample encoder {encoder} (these are: {', '.join(ENCODERS)})")


def audio_rate(codec: str) -> int:
    """Sample rate a recorder uses with this sound codec (G.711 is 8 kHz)."""
    return 8000 if codec in ("pcm_mulaw", "pcm_alaw") else 16000


def add_video(container, spec) -> av.VideoStream:
    """The video stream of a sample file, set up for `spec` (a ClipSpec)."""
    codec, pix_fmt, options = video_settings(spec.encoder, spec.fps, spec.gop_s, spec.bframes)
    stream = container.add_stream(codec, rate=spec.fps, options=options)
    stream.width, stream.height, stream.pix_fmt = spec.width, spec.height, pix_fmt
    stream.codec_context.time_base = Fraction(1, spec.fps)
    if codec == "libx265" and container.format.name in ("mp4", "mov"):
        stream.codec_context.codec_tag = "hvc1"  # as Apple players want, and cameras write
    return stream


# Gray levels as the luma of limited-range video (16..235), as FFmpeg converts gray to yuv420p;
# JPEG's yuvj420p is full range and takes them as they are.
_LIMITED = np.round(16 + np.arange(256) * 219 / 255).astype(np.uint8)


def gray_frame(gray: np.ndarray, pix_fmt: str, pts: int, fps: int) -> av.VideoFrame:
    """A gray picture as a 4:2:0 frame (colourless: both chroma planes at 128)."""
    height, width = gray.shape
    planes = np.full((height * 3 // 2, width), 128, dtype=np.uint8)
    planes[:height] = gray if pix_fmt == "yuvj420p" else _LIMITED[gray]
    frame = av.VideoFrame.from_ndarray(planes, format=pix_fmt)
    frame.pts, frame.time_base = pts, Fraction(1, fps)
    return frame


class Tone:
    """A steady 440 Hz tone, encoded in step with the video so the muxer can interleave."""

    def __init__(self, container, codec: str, seconds: float):
        self.rate = audio_rate(codec)
        self.stream = container.add_stream(codec, rate=self.rate, layout="mono")
        if codec == "aac":
            self.stream.bit_rate = 32000
        self.total = round(seconds * self.rate)
        self.done = 0
        self.resampler = None

    def until(self, seconds: float) -> list[av.Packet]:
        """Packets of the tone up to `seconds` into the file."""
        upto = min(self.total, round(seconds * self.rate))
        if upto <= self.done:
            return []
        t = np.arange(self.done, upto) / self.rate
        samples = (0.5 * np.sin(2 * np.pi * TONE_HZ * t) * 32767).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(samples[None, :], format="s16", layout="mono")
        frame.sample_rate, frame.pts = self.rate, self.done
        self.done = upto
        return self._encode(frame)

    def finish(self) -> list[av.Packet]:
        """The tone's last packets (the encoder and the resampler flushed)."""
        return self._encode(None) if self.resampler is not None else []

    def _encode(self, frame: av.AudioFrame | None) -> list[av.Packet]:
        ctx = self.stream.codec_context
        if self.resampler is None:
            if not ctx.is_open:  # the encoder's frame size is known once it is open
                ctx.open()
            self.resampler = av.AudioResampler(format=ctx.format, layout="mono", rate=self.rate,
                                               frame_size=ctx.frame_size or None)
        out = []
        for piece in self.resampler.resample(frame):
            out += self.stream.encode(piece)
        if frame is None:
            out += self.stream.encode(None)
        return out
