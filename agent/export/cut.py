"""Cutting exactly the approved seconds out of one camera's recordings (copy mode, shared muxing).

Copy mode moves packets from source to output untouched (no re-encode): it starts at the first
keyframe at or after the approved start and stops at the last frame before the approved end, so
no stored frame lies outside the window. Exact mode (smartcut.py) re-encodes the partial GOPs.

Every output is an MP4 with no edit list that hides frames: a frame's pts offset from the first
frame equals its capture-time offset (microsecond timescale, gaps stay gaps), and the gate
(gate.py) decodes every stored frame before the clip is handed back.

When parts of the clip come from different parameter sets (re-encoded GOPs, or files whose
SPS/PPS differ) the sample entry is avc3/hev1 and every keyframe carries its own parameter sets
in-band, so a decoder never applies one encoder's SPS/PPS to another encoder's slices.
"""
from __future__ import annotations

import itertools
import logging
import os
import threading
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Callable, Sequence

import av

from .gate import gate, track_edits
from .progress import Cancelled, CutError, Tracker
from .smartcut import (DEFAULT_ENCODERS, ENCODERS, EOS, ParamSets, exact_span, join_nals,
                       output_extradata, param_sets, with_params)

__all__ = ["SourceSpan", "CutResult", "CutError", "Cancelled", "cut"]

log = logging.getLogger(__name__)

US = 1_000_000
OUT_TB = Fraction(1, US)
_PROBE_PACKETS = 600       # at most this many packets are held to find a file's first frame
_AUDIO_SLACK_US = 2 * US   # read audio this far past the last video frame, then stop


@dataclass(frozen=True)
class SourceSpan:
    path: Path
    start_us: int  # true UTC of the file's first video frame (presentation order)


@dataclass(frozen=True)
class CutResult:
    path: Path
    mode: str                      # "copy" | "exact"
    delivered_start_us: int        # capture time of the first frame in the output
    delivered_end_us: int          # capture time of the last frame in the output
    frames: int
    reencoded_frames: int          # 0 in copy mode
    codec: str                     # "h264" | "hevc"
    audio: bool                    # audio kept in the output
    shortfall_start_us: int        # delivered_start - approved start
    shortfall_end_us: int          # approved end - (last frame time + frame duration), >= 0
    sources_used: tuple[Path, ...]


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
            raise CutError(f"the recording {name} cannot be read ({_why(exc)})") from None
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
                if keys > 1 or len(self._held) > _PROBE_PACKETS:
                    break
                pts.append(pkt.pts)
        if not pts:
            raise CutError(f"the recording {self.span.path.name} holds no readable video frames")
        # Frame zero is the first frame the file shows: where its edit list starts, if it has
        # one (frames it hides come out earlier than the file's start, never inside it).
        edits = track_edits(self.span.path).get("vide")
        zero = edits.shown[0][0] if edits and edits.shown else min(pts)
        self.first_us = _us(zero, self.video.time_base)
        self.has_b = any(b < a for a, b in zip(pts, pts[1:]))
        delays = [p.pts - p.dts for p in self._held if p.stream is self.video and p.dts is not None]
        self.delay_us = _us(max(0, max(delays, default=0)), self.video.time_base)

    def time_us(self, pkt: av.Packet, ts: int | None = None) -> int:
        """Capture time of a packet's pts (or of `ts` in the packet's stream time base)."""
        return self.span.start_us + _us(pkt.pts if ts is None else ts, pkt.stream.time_base) \
            - self.first_us

    def frame_time_us(self, pts: int) -> int:
        """Capture time of a decoded frame's pts."""
        return self.span.start_us + _us(pts, self.video.time_base) - self.first_us

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


class Output:
    """The MP4 being written: timestamps relative to its first frame, packets in order."""

    def __init__(self, path: Path, first: Source, inband: bool, audio_template):
        self.path = path
        self.codec = first.codec
        self.inband = inband
        self.length_size = 4 if first.params.length_size else 0
        # faststart: index first; negative_cts_offsets: B-frame clips start at pts 0 too, so
        # no edit list is needed to shift them
        flags = {"movflags": "+faststart+negative_cts_offsets"}
        try:
            self.container = av.open(str(path), "w", format="mp4", options=flags)
        except (av.FFmpegError, OSError) as exc:
            raise CutError(f"the clip cannot be written in {path.parent} ({_why(exc)})") \
                from None
        self.video = self.container.add_stream_from_template(first.video)
        self.video.time_base = OUT_TB
        self.video.codec_context.extradata = output_extradata(first.params, inband)
        tag = first.video.codec_context.codec_tag
        if inband:
            tag = "avc3" if self.codec == "h264" else "hev1"
        if tag in ("avc1", "avc3", "hvc1", "hev1"):  # hvc1 from the camera stays hvc1 (Apple)
            self.video.codec_context.codec_tag = tag
        self.audio = None
        if audio_template is not None:
            self.audio = self.container.add_stream_from_template(audio_template)
        self.origin_us: int | None = None
        self.frames = self.audio_packets = 0
        self.first_us = self.last_us = None
        self.last_dur_us = 0
        self._last_dts: int | None = None
        self._pending: av.Packet | None = None
        self._audio_end_us: int | None = None
        self._early_audio: list[tuple[av.Packet, int]] = []

    def video_packet(self, pkt: av.Packet, src_params: ParamSets, t_us: int, dts_us: int,
                     dur_us: int, keep: bool = False) -> bool:
        """Queue one video packet captured at `t_us`; False when it would go back in time.
        `keep` leaves `pkt` untouched (it may still have to be decoded)."""
        if self.origin_us is None:
            self.origin_us = t_us
            for early, at in self._early_audio:
                self.audio_packet(early, at, early_ok=False)
            self._early_audio.clear()
        dts = dts_us - self.origin_us
        if self._last_dts is not None and dts <= self._last_dts:
            dts = self._last_dts + 1  # a re-encoded GOP next to B-frames: keep decode order
        if dts > t_us - self.origin_us:
            return False
        data = with_params(pkt, src_params, self.length_size, self.inband and pkt.is_keyframe)
        if data is None and not keep:
            out = pkt
        else:
            out = _packet(bytes(pkt) if data is None else data, pkt.is_keyframe)
        out.pts, out.dts, out.duration = t_us - self.origin_us, dts, max(1, dur_us)
        out.time_base, out.stream = OUT_TB, self.video
        self._flush_pending()
        self._pending, self._last_dts = out, dts
        self.frames += 1
        self.first_us = t_us if self.first_us is None else min(self.first_us, t_us)
        if self.last_us is None or t_us >= self.last_us:
            self.last_us, self.last_dur_us = t_us, dur_us
        return True

    def end_segment(self) -> None:
        """Close a run of packets from one bitstream; HEVC gets an end-of-sequence NAL so the
        next keyframe (often a CRA) starts a fresh coded video sequence."""
        if self._pending is not None and self.inband and self.codec == "hevc":
            old = self._pending
            data = bytes(old) + join_nals([EOS], self.length_size)
            self._pending = _packet(data, old.is_keyframe)
            for attr in ("pts", "dts", "duration", "time_base", "stream"):
                setattr(self._pending, attr, getattr(old, attr))
        self._flush_pending()

    def audio_packet(self, pkt: av.Packet, t_us: int, early_ok: bool = True) -> None:
        """Keep one audio packet captured at `t_us` if it lies after the first frame and after
        every audio packet already kept (overlapping files must not repeat sound)."""
        if self.audio is None:
            return
        if self.origin_us is None:
            if early_ok and len(self._early_audio) < _PROBE_PACKETS:
                self._early_audio.append((pkt, t_us))
            return
        dur = _us(pkt.duration or 0, pkt.stream.time_base)
        if t_us < self.origin_us or (self._audio_end_us is not None and t_us < self._audio_end_us):
            return
        pkt.pts = pkt.dts = t_us - self.origin_us
        pkt.duration, pkt.time_base, pkt.stream = dur, OUT_TB, self.audio
        self.container.mux(pkt)
        self.audio_packets += 1
        self._audio_end_us = t_us + dur

    def _flush_pending(self) -> None:
        if self._pending is not None:
            self.container.mux(self._pending)
            self._pending = None

    def close(self) -> None:
        self._flush_pending()
        self.container.close()

    def abort(self) -> None:
        """Close after a failure; the partial file is deleted by the caller."""
        try:
            self.container.close()
        except (av.FFmpegError, OSError, ValueError):
            pass


@dataclass
class Job:
    """What every span of one cut shares: window, output, progress."""

    start_us: int
    end_us: int
    out: Output
    track: Tracker
    floor_us: int          # the next frame must be captured at or after this instant
    encoder: str = ""
    reencoded: int = 0
    used: list[Path] = field(default_factory=list)

    def tick(self, t_us: int) -> None:
        self.track.check()
        self.track.report("cutting", 0.9 * (t_us - self.start_us) / (self.end_us - self.start_us))

    def keep_audio(self, src: Source, pkt: av.Packet) -> bool:
        """Pass an audio packet on if it lies wholly inside the window; False once past it."""
        t = src.time_us(pkt)
        if t >= self.end_us:
            return False
        if t >= self.start_us and t + _us(pkt.duration or 0, pkt.stream.time_base) <= self.end_us:
            self.out.audio_packet(pkt, t)
        return True

    def emit(self, src: Source, pkt: av.Packet, keep: bool = False) -> bool:
        """Copy one source video packet into the output."""
        t = src.time_us(pkt)
        dts = src.time_us(pkt, pkt.dts if pkt.dts is not None else pkt.pts)
        dur = _us(pkt.duration, pkt.stream.time_base) if pkt.duration else src.frame_us
        return self.emit_packet(pkt, src.params, t, dts, dur, src.span.path, keep)

    def emit_packet(self, pkt, params: ParamSets, t: int, dts: int, dur: int, path: Path,
                    keep: bool = False) -> bool:
        """Write one video packet captured at `t`; False when it would go back in time."""
        if not self.out.video_packet(pkt, params, t, dts, dur, keep):
            return False
        self.floor_us = max(self.floor_us, t + 1)
        if path not in self.used:
            self.used.append(path)
        return True


def copy_span(job: Job, src: Source) -> None:
    """Stream-copy one file's part of the window: from its first keyframe at or after the
    floor, stopping at the first frame (in decode order) captured at or after the end."""
    segment_key: int | None = None
    video_done = False
    for pkt in src.packets(job.floor_us):
        if pkt.stream is not src.video:
            if not job.keep_audio(src, pkt) and video_done:
                break
            continue
        t = src.time_us(pkt)
        job.tick(t)
        if video_done:
            if t >= job.end_us + _AUDIO_SLACK_US or src.audio is None:
                break
            continue
        if segment_key is None:
            if not (pkt.is_keyframe and job.floor_us <= t < job.end_us):
                continue
            segment_key = t
        if t >= job.end_us:
            video_done = True  # decode-order prefix: B-frames after this one may need it
            continue
        if t < segment_key:
            continue  # a leading picture of an open GOP: it refers to frames before the join
        if not job.emit(src, pkt):
            job.out.end_segment()   # timestamps went backwards: resume at the next keyframe
            segment_key = None
    job.out.end_segment()


def cut(spans: Sequence[SourceSpan], start_us: int, end_us: int, out_path: Path, *,
        mode: str = "copy", keep_audio: bool = False,
        progress: Callable[[str, float], None] | None = None,
        cancel: threading.Event | None = None, encoder: str | None = None) -> CutResult:
    """Cut [start_us, end_us) of one camera's files into `out_path` (MP4, faststart) and gate it.

    Spans are the camera's files in time order (gaps and slight overlaps allowed; no frame is
    emitted twice or out of order). `encoder` picks exact mode's re-encoder (libx264 or
    libopenh264 for H.264, libx265 or libkvazaar for H.265; default libx264/libx265).
    Raises CutError (plain words) or Cancelled; on any failure no output file is left behind.
    """
    out_path = Path(out_path)
    track = Tracker(progress, cancel)
    partial = out_path.with_name(f".{out_path.name}.partial")
    try:
        result = write_clip(spans, start_us, end_us, partial, mode, keep_audio, track, encoder)
        report = gate(partial, result.delivered_start_us, start_us, end_us,
                      tick=track.part("checking", 0.9, 0.95 if mode == "exact" else 1.0))
        if not report.ok and mode == "exact" and result.reencoded_frames < result.frames:
            # Last resort: a join this stream will not take. Re-encode all of it (disclosed
            # by reencoded_frames == frames) rather than hand over a clip that fails.
            log.warning("exact cut failed its check (%s); re-encoding the whole window",
                        "; ".join(report.problems))
            result = write_clip(spans, start_us, end_us, partial, mode, keep_audio, track,
                                encoder, whole=True)
            report = gate(partial, result.delivered_start_us, start_us, end_us,
                          tick=track.part("checking", 0.95, 1.0))
        if not report.ok:
            raise CutError("the cut clip failed its final check and was deleted: "
                           + "; ".join(report.problems))
        os.replace(partial, out_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    track.report("done", 1.0)
    return replace(result, path=out_path)


def write_clip(spans: Sequence[SourceSpan], start_us: int, end_us: int, path: Path, mode: str,
               keep_audio: bool, track: Tracker, encoder: str | None = None,
               whole: bool = False) -> CutResult:
    """Write the clip without gating it (cut() gates it; the benchmark times it alone)."""
    if mode not in ("copy", "exact"):
        raise CutError(f"unknown cut mode '{mode}' (use 'copy' or 'exact')")
    if start_us >= end_us:
        raise CutError("the window's start must be before its end")
    if not spans:
        raise CutError("no recordings cover this window")
    sources: list[Source] = []
    try:
        for span in spans:
            sources.append(Source(span, keep_audio))
        codecs = {s.codec for s in sources}
        if len(codecs) > 1:
            raise CutError("the recordings in this window change codec (H.264 and H.265); "
                           "export the parts separately")
        extradata = {bytes(s.video.codec_context.extradata or b"") for s in sources}
        codec = codecs.pop()
        encoder = encoder or DEFAULT_ENCODERS[codec]
        if encoder not in ENCODERS[codec]:
            raise CutError(f"{encoder} cannot re-encode {codec} video "
                           f"(use {' or '.join(ENCODERS[codec])})")
        audio = next((s.audio for s in sources if s.audio is not None), None)
        out = Output(path, sources[0], mode == "exact" or len(extradata) > 1, audio)
        job = Job(start_us, end_us, out, track, start_us, encoder=encoder)
        try:
            for src in sources:
                if mode == "copy":
                    copy_span(job, src)
                else:
                    exact_span(job, src, whole=whole)
        except (av.FFmpegError, OSError) as exc:  # e.g. the disk filled up
            out.abort()
            raise CutError(f"the clip could not be written ({_why(exc)})") from None
        except BaseException:
            out.abort()
            raise
        try:
            out.close()
        except (av.FFmpegError, OSError) as exc:
            raise CutError(f"the clip could not be finished ({_why(exc)})") from None
    finally:
        for s in sources:
            s.close()
    if not out.frames:
        hint = " (copy mode starts at a keyframe; exact mode may find frames)" \
            if mode == "copy" else ""
        raise CutError(f"no frames of this camera lie inside the window{hint}")
    return CutResult(
        path=path, mode=mode, delivered_start_us=out.first_us, delivered_end_us=out.last_us,
        frames=out.frames, reencoded_frames=job.reencoded, codec=out.codec,
        audio=out.audio_packets > 0, shortfall_start_us=out.first_us - start_us,
        shortfall_end_us=max(0, end_us - (out.last_us + out.last_dur_us)),
        sources_used=tuple(job.used))


def _packet(data: bytes, key: bool) -> av.Packet:
    pkt = av.Packet(data)
    pkt.is_keyframe = key
    return pkt


def _us(ts: int, tb: Fraction) -> int:
    """A timestamp in a time base, as whole microseconds (rounded half up)."""
    num = ts * tb.numerator * US
    return (2 * num + tb.denominator) // (2 * tb.denominator)


def _why(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
