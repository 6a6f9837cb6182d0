"""Reading one recording for a cut: its packets in file order, each with its capture time.

Edit lists are ignored so that every stored frame is accounted for, the same way the gate reads
the output.
"""
from __future__ import annotations

import itertools
import logging
from fractions import Fraction
from pathlib import Path

import av

from agent.export.clock_step import ClockStep, StepWatch
from agent.export.edit_lists import NO_EDITS, edit_times
from agent.export.ledger import SourceBytes
from agent.export.nal import ParamSets, param_sets
from agent.export.packet_durations import pcm_us, shown_us
from agent.export.progress import CutError, UncutCodec
from agent.export.source_span import SourceSpan
from agent.media.ffmpeg_refusal import as_the_system_says
from agent.os_words import plain_os_error

log = logging.getLogger(__name__)

US = 1_000_000
PROBE_PACKETS = 600       # at most this many packets are held to find a file's first frame


# Video codecs a cut can take: H.264 and H.265 (any GOP structure), and intra-only codecs
# (every frame a keyframe, so exact mode is a copy) that an MP4 can hold.
NAL_CODECS = ("h264", "hevc")
INTRA_CODECS = ("mjpeg",)


def intra_only(codec: str) -> bool:
    """True for a codec whose every frame is a keyframe."""
    return codec in INTRA_CODECS


class Source:
    """One recording opened for reading, with every packet's capture time (UTC microseconds).

    Edit lists are ignored so that every stored frame is accounted for, the same way the gate
    reads the output. Time zero is the file's first frame in presentation order. MP4/MOV,
    MPEG-TS, MPEG-PS (Hikvision's hiv*.mp4 too), Dahua .dav and AVI are read alike; a packet
    whose container gave it no time (a PS frame split across PES packets) is timed from the
    one before it, never dropped.
    """

    def __init__(self, span: SourceSpan, keep_audio: bool):
        self.span = SourceSpan(Path(span.path), span.start_us, span.byte_range, span.until_us)
        name = self.span.path.name
        try:
            self.container = av.open(self.span.url(), options={"ignore_editlist": "1"})
        except OSError as exc:   # its drive taken out, the file moved: what to do, in plain words
            raise CutError(f"the recording {name} cannot be read: " + plain_os_error(
                as_the_system_says(exc, self.span.path), str(self.span.path))) from None
        except av.FFmpegError as exc:
            raise CutError(f"the recording {name} cannot be read ({why(exc)})") from None
        if not self.container.streams.video:
            self.container.close()
            raise CutError(f"the recording {name} holds no video")
        self.video = self.container.streams.video[0]
        # Kept: a closed container's streams cannot be read (PyAV 18.1.1 refuses it), and
        # clock_step and headless_until_us are asked once the cut has closed its sources.
        self._video_time_base = self.video.time_base
        self.codec = self.video.codec_context.name
        if self.codec not in NAL_CODECS and not intra_only(self.codec):
            self.container.close()
            # An older DVR's MPEG-4 Part 2: the owner can still hand the file over whole,
            # and the recorder's own setting decides what can be cut from now on.
            raise UncutCodec(f"the recording {name} is {self.codec} video, which the app cannot "
                             "cut (only H.264, H.265 and intra-only MJPEG recordings); to hand it "
                             "over, copy the file itself (from its folder, or with the "
                             "recorder's own backup), and set the recorder to record H.264 so "
                             "that what it records from now on can be exported")
        self.format = self.container.format.name
        # An MP4/MOV sample is one stretch of the file, read as stored: a packet can be found
        # again by its offset (MPEG-TS and PS split a frame across packets of their own).
        self._in_place = "mov" in self.format.split(",") and self.span.byte_range is None
        audio = self.container.streams.audio
        self.audio = audio[0] if keep_audio and audio else None
        self.params: ParamSets = param_sets(self.codec, self.video.codec_context.extradata)
        rate = self.video.average_rate or self.video.guessed_rate or 25
        self.frame_us = max(1, round(US / rate))
        # The shortest frame any of the rates FFmpeg gives says: a pause inside the file lowers
        # its average rate, not its base rate (r_frame_rate).
        rates = [r for r in (self.video.base_rate, self.video.guessed_rate, rate) if r]
        self._one_frame_us = min(max(1, round(US / r)) for r in rates)
        self._step = max(1, round(1 / (rate * self.video.time_base))) if self.video.time_base \
            else 1
        self._last_pts: int | None = None
        self._steps = StepWatch(self.format, self.video.time_base)
        self._step_pts: int | None = None   # the latest frame's time before a step back
        self._max_pts: int | None = None
        # Frame threads hold a picture per thread: past 1080p, slice threads keep the memory
        # of a 4K decode down (and FFmpeg's HEVC decoder slices well).
        ctx = self.video.codec_context
        self.decode_threads = "AUTO" if (ctx.width or 0) * (ctx.height or 0) <= 1920 * 1088 \
            else "SLICE"
        self._edits = edit_times(self.span.path, self.video.time_base,
                                 self.audio.time_base if self.audio is not None else None) \
            if "mp4" in self.format and self.span.byte_range is None else NO_EDITS
        self._probe()

    def _demux(self):
        """Packets in file order, each video packet timed (see _timed). A video packet is held
        until the next one is read: MPEG-PS demuxing can give a frame the time of the frame
        after it (a PES whose time belongs to the next frame starts inside this one), and only
        the next packet, carrying the same time, shows it."""
        pending: list[av.Packet] = []   # a video packet, then the sound read after it
        stepped = False
        for pkt in self._read():
            if pkt.stream is self.video and self._steps.stepped(pkt.dts, pkt.pts):
                stepped = True
                break
            if pkt.stream is not self.video:
                if pending:
                    pending.append(pkt)
                elif pkt.pts is not None:
                    yield pkt
                continue
            if pending:
                head = pending[0]
                if head.pts is not None and head.pts == pkt.pts:
                    head.pts = head.dts = None   # the time is the later frame's
                yield from self._timed(pending)
            pending = [pkt]
        yield from self._timed(pending)
        if stepped and self._step_pts is None:
            self._step_pts = self._max_pts
            log.info("the timestamps of %s go back partway through: it is read up to there",
                     self.span.path.name)

    @property
    def clock_step(self) -> ClockStep | None:
        """Where the file's timestamps went back, once a read met it."""
        if self._step_pts is None:
            return None
        return ClockStep(self.span.path, self.frame_time_us(self._step_pts))

    def _read(self):
        streams = [s for s in (self.video, self.audio) if s is not None]
        try:
            for pkt in self.container.demux(streams):
                if pkt.size and not self._hidden_sound(pkt):
                    yield pkt
        except av.FFmpegError as exc:  # a recording cut short by power loss: keep what was read
            log.warning("reading %s stopped early: %s", self.span.path.name, exc)

    def _hidden_sound(self, pkt: av.Packet) -> bool:
        """A sound packet the recording's edit list hides (an encoder's priming): never heard,
        so never kept nor decoded as if it were."""
        sound_from = self._edits.sound_from
        return sound_from is not None and pkt.stream is self.audio \
            and pkt.pts is not None and pkt.pts < sound_from

    def _timed(self, packets: list[av.Packet]):
        """The packets with a time each: a video frame without one of its own gets its
        decode time, or one frame after the last; untimed sound is left out."""
        for pkt in packets:
            if pkt.stream is self.video:
                if pkt.pts is None:
                    if self._last_pts is None and pkt.dts is None:
                        continue  # nothing to time it by before the first timed frame
                    pkt.pts = pkt.dts if pkt.dts is not None else self._last_pts + self._step
                self._last_pts = pkt.pts
                self._max_pts = pkt.pts if self._max_pts is None else max(self._max_pts, pkt.pts)
            elif pkt.pts is None:
                continue
            yield pkt

    def found_at(self, pkt: av.Packet) -> SourceBytes | None:
        """Where a packet's bytes lie in the recording, when they are stored there as read."""
        if not self._in_place or pkt.pos is None or pkt.pos < 0:
            return None
        return SourceBytes(self.span.path, pkt.pos, pkt.size)

    def duration_us(self, pkt: av.Packet) -> int:
        """How long a video packet's frame is shown (see shown_us)."""
        return self.shown_us(ts_us(pkt.duration, pkt.stream.time_base) if pkt.duration else 0)

    def shown_us(self, dur_us: int) -> int:
        """A frame's duration when believable, else one frame (packet_durations.shown_us)."""
        return shown_us(dur_us, self.frame_us, self._one_frame_us)

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
        zero = self._edits.video_zero if self._edits.video_zero is not None else min(pts)
        # A file that starts partway through a group of pictures (a recorder that cut it where
        # it was, not at a keyframe): its frames before the first keyframe refer to a picture
        # it does not hold, so none of them can be shown, copied or re-encoded.
        video = [p for p in self._held if p.stream is self.video]
        key = next((p for p in video if p.is_keyframe), None)
        self._first_key_pts = key.pts if key is not None and not video[0].is_keyframe else None
        self.first_us = ts_us(zero, self.video.time_base)
        self.has_b = any(b < a for a, b in zip(pts, pts[1:]))
        delays = [p.pts - p.dts for p in self._held if p.stream is self.video and p.dts is not None]
        self.delay_us = ts_us(max(0, max(delays, default=0)), self.video.time_base)

    @property
    def headless_until_us(self) -> int | None:
        """Capture time of the first keyframe of a file that starts without one, else None."""
        return None if self._first_key_pts is None else self.frame_time_us(self._first_key_pts)

    def audio_duration_us(self, pkt: av.Packet) -> int:
        """How long a sound packet plays: plain PCM and G.711 by their bytes
        (packet_durations.pcm_us), other codecs by the container's duration."""
        measured = pcm_us(pkt)
        return measured if measured is not None else ts_us(pkt.duration or 0,
                                                           pkt.stream.time_base)

    def first_audio(self) -> bytes | None:
        """The first kept sound packet's bytes (its framing tells how to store the track)."""
        return next((bytes(p) for p in self._held if p.stream is self.audio), None)

    def time_us(self, pkt: av.Packet, ts: int | None = None) -> int:
        """Capture time of a packet's pts (or of `ts` in the packet's stream time base)."""
        shift = self._edits.sound_shift_us if pkt.stream is not self.video else 0
        return self.span.start_us + ts_us(pkt.pts if ts is None else ts, pkt.stream.time_base) \
            - self.first_us + shift

    def frame_time_us(self, pts: int) -> int:
        """Capture time of a decoded frame's pts."""
        return self.span.start_us + ts_us(pts, self._video_time_base) - self.first_us

    def packets(self, floor_us: int):
        """Packets in file order, starting at the keyframe at or before `floor_us`, and ending
        before the first frame captured at or after the span's `until_us`, if it has one."""
        found = self._packets(floor_us)
        return found if self.span.until_us is None else itertools.takewhile(
            lambda pkt: pkt.stream is not self.video or self.time_us(pkt) < self.span.until_us,
            found)

    def _packets(self, floor_us: int):
        held_video = [p for p in self._held if p.stream is self.video]
        if held_video and floor_us > self.time_us(held_video[-1]):
            target = round((floor_us - self.span.start_us + self.first_us)
                           / self.video.time_base / US)
            self.container.seek(target, stream=self.video, backward=True)
            first = next(self._demux_video_peek(), None)
            if first is not None and self.time_us(first) <= floor_us and first.is_keyframe:
                return itertools.chain([first], self._it)
            self.container.seek(0, stream=self.video, backward=True)  # seek missed: from the top
            self._last_pts = None
            self._steps.restart()
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
