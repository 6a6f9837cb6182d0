"""The re-encoder behind exact mode and redaction: one stretch of a source decoded and encoded
again in this process, through PyAV's own FFmpeg (libx264, libx265).

Decoded frames go to the encoder as they are: no copy between decoder, redaction and encoder
(redaction changes a frame in place, once the decoder no longer shares its pixels). Packets are
stamped with the capture times of the frames that went in, in order: the encoder makes no
B-frames, so decode order is capture order.
"""
from __future__ import annotations

from fractions import Fraction

import av

from agent.export.nal import ParamSets
from agent.export.progress import CutError

DEFAULT_ENCODERS = {"h264": "libx264", "hevc": "libx265", "mjpeg": "mjpeg"}
ENCODERS = {"h264": ("libx264",), "hevc": ("libx265",), "mjpeg": ("mjpeg",)}
_FULL_RANGE = 2   # FFmpeg's AVCOL_RANGE_JPEG


def encoder_options(encoder: str, profile: str | None) -> dict[str, str]:
    """Codec options for a re-encode: no B-frames (decode order = capture order), high
    quality, and a short look-ahead so a 4K encoder holds few frames. A re-encoded frame
    carries its picture alone: closed captions (A/53) and other data the decoder found in
    the recording's frames are not written again (libx264 would copy captions by default),
    so a masked clip holds nothing the owner's preview did not show."""
    if encoder == "libx264":
        name = (profile or "").lower()
        level = "baseline" if "baseline" in name else "main" if name == "main" else "high"
        return {"preset": "superfast", "crf": "18", "profile": level, "bf": "0",
                "a53cc": "0", "udu_sei": "0"}
    if encoder == "libx265":  # ultrafast: at 4K, 30 head frames take 5.6 s instead of 7.3 s
        # No look-ahead: x265 then keeps one 4K frame (~100 MB) fewer, for ~5% more time.
        return {"preset": "ultrafast", "crf": "20", "a53cc": "0", "udu_sei": "0",
                "x265-params": "bframes=0:rc-lookahead=0:frame-threads=1:ref=1:log-level=error"}
    if encoder == "mjpeg":
        return {"q:v": "2"}
    raise CutError(f"unknown re-encoder '{encoder}'")


def open_encoder(encoder: str, profile: str | None, width: int, height: int,
                 rate: Fraction, colour: av.VideoFrame | None = None) -> av.CodecContext:
    """An encoder for frames of this size and rate (yuv420p; yuvj420p for MJPEG), its stream
    described with `colour`'s range, primaries, transfer and matrix: the decoded frames keep
    their pixel values on the way (a full-range camera's 0 stays 0), so a stream said to be
    limited range would show a full-range camera's shadows crushed and highlights lost."""
    try:
        ctx = av.CodecContext.create(encoder, "w")
    except (av.FFmpegError, ValueError) as exc:
        raise CutError(f"the re-encoder {encoder} is not available here ({exc})") from None
    ctx.width, ctx.height = width, height
    ctx.pix_fmt = "yuvj420p" if encoder == "mjpeg" else "yuv420p"
    ctx.time_base = 1 / Fraction(rate)
    ctx.framerate = Fraction(rate)
    ctx.max_b_frames = 0
    ctx.options = encoder_options(encoder, profile)
    if colour is not None:
        ctx.color_range = (_FULL_RANGE if colour.format.name.startswith("yuvj")
                           else colour.color_range)
        ctx.color_primaries, ctx.color_trc = colour.color_primaries, colour.color_trc
        ctx.colorspace = colour.colorspace
    return ctx


class Reencode:
    """Decode one stretch of a source and re-encode the frames captured in [floor, limit)
    (redacted on the way when the job has a redactor)."""

    def __init__(self, job, src, limit_us: int):
        self.job, self.src, self.limit_us = job, src, limit_us
        self.floor_us = job.floor_us
        self.decoder = av.CodecContext.create(src.codec, "r")
        self.decoder.extradata = src.video.codec_context.extradata
        self.decoder.thread_type = src.decode_threads
        self.times: list[int] = []
        self.fed: list[int] = []   # capture times of the packets decoded (to count losses)
        self.encoder: av.CodecContext | None = None
        self.size: tuple[int, int] | None = None
        self.params = ParamSets(src.codec, 0, (), b"")  # encoder output: Annex B, sets in-band
        self.session = None  # the redaction step between decoder and encoder, when on
        self.made = 0        # packets out of the encoder
        self._held = None    # the last packet out, until the next frame's time is known
        # The capture time of the packet the caller stopped at without feeding it (the
        # window's end, or the keyframe a copy goes on from): the source's next frame.
        self.next_us: int | None = None

    def feed(self, pkt) -> None:
        """Decode one packet (in decode order) and pass on the frames that are inside."""
        self.fed.append(self.src.time_us(pkt))
        try:
            frames = self.decoder.decode(pkt)
        except av.FFmpegError:
            # A damaged source frame yields nothing (with frame threads the error may even
            # surface a packet later): finish() counts what went in against what came out.
            return
        for frame in frames:
            self._take(frame)

    def _take(self, frame) -> None:
        if frame.pts is None:
            return
        t = self.src.frame_time_us(frame.pts)
        if not (self.floor_us <= t < self.limit_us) or (self.times and t <= self.times[-1]):
            return
        if (frame.width, frame.height) != self.size:
            self._start(frame)
        self.times.append(t)
        for ready in (self.session.push(frame) if self.session else (frame,)):
            self._encode(ready)

    def _encode(self, frame) -> None:
        if frame is not None:
            if frame.format.name != self.encoder.pix_fmt:  # e.g. 10-bit or 4:2:2 sources
                frame = frame.reformat(format=self.encoder.pix_fmt)
            frame.pts, frame.time_base = self.made_in, self.encoder.time_base
            self.made_in += 1
        try:
            packets = self.encoder.encode(frame)
        except av.FFmpegError as exc:
            raise CutError(f"the re-encoder ({self.job.encoder}) failed: {exc}") from None
        for pkt in packets:
            self._emit(pkt)

    def _start(self, frame) -> None:
        """An encoder for this frame's size and colours (again, when a recording changes
        resolution)."""
        width, height = frame.width, frame.height
        if self.encoder is not None:
            self._drain()
        rate = self.src.video.average_rate or self.src.video.guessed_rate or Fraction(25)
        if self.job.redactor is not None and self.job.redactor.redaction.touches_video:
            if self.session is not None:
                self.session.close()
            self.session = self.job.redactor.session(width, height, rate)
        self.encoder = open_encoder(self.job.encoder, self.src.video.codec_context.profile,
                                    width, height, rate, frame)
        self.size, self.made_in = (width, height), 0
        self.job.out.end_segment()

    def _drain(self) -> None:
        """Frames waiting for a face detection, then what the encoder still holds."""
        if self.session is not None:
            for ready in self.session.finish():
                self._encode(ready)
        self._encode(None)
        self._release(None)
        self.job.out.end_segment()

    def finish(self) -> None:
        """Flush the decoder and the encoder; every packet is in the output after this."""
        try:
            for frame in self.decoder.decode(None):
                self._take(frame)
        except av.FFmpegError:
            pass
        self._count_lost()
        if self.encoder is None:
            return
        self._drain()
        if self.made != len(self.times):
            raise CutError(f"the re-encoder ({self.job.encoder}) lost frames")
        self.job.reencoded += self.made

    def _count_lost(self) -> None:
        """Frames that should have come out for [floor, limit) and did not: dropped by the
        decoder (damaged data) or out of order. They are told to the job, never hidden."""
        inside = sorted(t for t in self.fed if self.floor_us <= t < self.limit_us)
        got = set(self.times)
        lost = [t for t in inside if t not in got]
        if lost:
            self.job.dropped += len(lost)
            first = lost[0]
            self.job.first_dropped_us = first if self.job.first_dropped_us is None else min(
                self.job.first_dropped_us, first)

    def _emit(self, pkt) -> None:
        """Hold each packet until the next one's time is known (its duration)."""
        self.job.track.check()
        self._release(self.times[self.made] if self.made < len(self.times) else None)
        self._held = pkt
        self.made += 1

    def _release(self, next_us: int | None) -> None:
        if self._held is None:
            return
        t = self.times[self.made - 1]
        nxt = next_us if next_us is not None else self._source_next(t)
        pkt, self._held = self._held, None
        if not self.job.emit_packet(pkt, self.params, t, t - self.src.delay_us,
                                    self.src.shown_us(nxt - t), self.src.span, copied=False):
            raise CutError("the re-encoded frames could not be joined in time order")

    def _source_next(self, t: int) -> int:
        """When the frame captured at `t`, the last re-encoded, gives way: at the source's next
        frame, fed or the one the caller stopped at, as a copied frame's own duration says.
        One frame at the average rate only when neither is known (the recording ends): a
        camera whose rate varies (lower at night, a "smart" codec) would otherwise have its
        last frame end early, and a clip whose window ends between two of its frames be said
        to stop before the window does, as if the camera had paused there."""
        later = [u for u in self.fed if u > t]
        if self.next_us is not None and self.next_us > t:
            later.append(self.next_us)
        return min(later) if later else t + self.src.frame_us

    def close(self) -> None:
        """Let go of the codecs and the redaction step (the output keeps what was written)."""
        if self.session is not None:
            self.session.close()
        self.encoder = self.decoder = self.session = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
