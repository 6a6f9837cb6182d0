"""Reading one recording for a cut: its packets in file order, each with its capture time.

Edit lists are ignored so that every stored frame is accounted for, the same way the gate reads
the output.
"""
from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from agent.export.nal import ParamSets, param_sets
from agent.export.progress import CutError
from agent.media.mp4tables import track_edits

log = logging.getLogger(__name__)

US = 1_000_000
PROBE_PACKETS = 600       # at most this many packets are held to find a file's first frame


@dataclass(frozen=True)
class SourceSpan:
    path: Path
    start_us: int  # true UTC of the file's first video frame (presentation order)


class Source:
    """One recording opened for reading, with every packet's capture time (UTC microseconds).

    Edit lists are ignored so that every stored frame is accounted for, the same way the gate
    reads the output. Time zero is the file's first frame in presentation order.
    """

    def __init__(self, span: SourceSpan, keep_audio: bool):
        self.span = SourceSpan(Path(span.path), span.start_us)
        name = self.span.path.name
        try:
            self.container = av.open(str(self.span.path), options={"ignore_editlist": "1"})
        except (av.FFmpegError, OSError) as exc:
            raise CutError(f"the recording {name} cannot be read ({why(exc)})") from None
        if not self.container.streams.video:
            self.container.close()
            raise CutError(f"the recording {name} holds no video")
        self.video = self.container.streams.video[0]
        self.codec = self.video.codec_context.name
        if self.codec not in ("h264", "hevc"):
            self.container.close()
            raise CutError(f"the recording {name} is {self.codec} video; only H.264 and H.265 "
                           "recordings can be cut")
        audio = self.container.streams.audio
        self.audio = audio[0] if keep_audio and audio else None
        self.params: ParamSets = param_sets(self.codec, self.video.codec_context.extradata)
        rate = self.video.average_rate or self.video.guessed_rate or 25
        self.frame_us = max(1, round(US / rate))
        # Frame threads hold a picture per thread: past 1080p, slice threads keep the memory
        # of a 4K decode down (and FFmpeg's HEVC decoder slices well).
        ctx = self.video.codec_context
        self.decode_threads = "AUTO" if (ctx.width or 0) * (ctx.height or 0) <= 1920 * 1088 \
            else "SLICE"
        self._probe()

    def _demux(self):
        streams = [s for s in (self.video, self.audio) if s is not None]
        try:
            for pkt in self.container.demux(streams):
                if pkt.size and pkt.pts is not None:
                    yield pkt
        except av.FFmpegError as exc:  # a recording cut short by power loss: keep what was read
            log.warning("reading %s stopped early: %s", self.span.path.name, exc)

    def _probe(self) -> None:
        """Read the first GOP: the smallest pts is frame zero; reordering means B-frames."""
        self._it = self._demux()
        self._held = []
        pts, keys = [], 0
        for pkt in self._it:
            self._held.append(pkt)
            if pkt.stream is self.video:
                keys += pkt.is_keyframe
                if keys > 1 or len(self._held) > PROBE_PACKETS:
                    break
                pts.append(pkt.pts)
        if not pts:
            raise CutError(f"the recording {self.span.path.name} holds no readable video frames")
        # Frame zero is the first frame the file shows: where its edit list starts, if it has
        # one (frames it hides come out earlier than the file's start, never inside it).
        edits = track_edits(self.span.path).get("vide")
        zero = edits.shown[0][0] if edits and edits.shown else min(pts)
        self.first_us = ts_us(zero, self.video.time_base)
        self.has_b = any(b < a for a, b in zip(pts, pts[1:]))
        delays = [p.pts - p.dts for p in self._held if p.stream is self.video and p.dts is not None]
        self.delay_us = ts_us(max(0, max(delays, default=0)), self.video.time_base)

    def time_us(self, pkt: av.Packet, ts: int | None = None) -> int:
        """Capture time of a packet's pts (or of `ts` in the packet's stream time base)."""
        return self.span.start_us + ts_us(pkt.pts if ts is None else ts, pkt.stream.time_base) \
            - self.first_us

    def frame_time_us(self, pts: int) -> int:
        """Capture time of a decoded frame's pts."""
        return self.span.start_us + ts_us(pts, self.video.time_base) - self.first_us

    def packets(self, floor_us: int):
        """Packets in file order, starting at the keyframe at or before `floor_us`."""
        held_video = [p for p in self._held if p.stream is self.video]
        if held_video and floor_us > self.time_us(held_video[-1]):
            target = round((floor_us - self.span.start_us + self.first_us)
                           / self.video.time_base / US)
            self.container.seek(target, stream=self.video, backward=True)
            first = next(self._demux_video_peek(), None)
            if first is not None and self.time_us(first) <= floor_us and first.is_keyframe:
                return itertools.chain([first], self._it)
            self.container.seek(0, stream=self.video, backward=True)  # seek missed: from the top
            return self._demux()
        return itertools.chain(self._held, self._it)

    def _demux_video_peek(self):
        """Skip audio up to the first video packet after a seek (audio before it is earlier)."""
        self._it = self._demux()
        for pkt in self._it:
            if pkt.stream is self.video:
                yield pkt
                return

    def close(self) -> None:
        self.container.close()


def ts_us(ts: int, tb: Fraction) -> int:
    """A timestamp in a time base, as whole microseconds (rounded half up)."""
    num = ts * tb.numerator * US
    return (2 * num + tb.denominator) // (2 * tb.denominator)


def why(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
