"""Cutting exactly the approved seconds out of one camera's recordings (copy mode, shared muxing).

Copy mode moves packets from source to output untouched (no re-encode): it starts at the first
keyframe at or after the approved start and stops at the last frame before the approved end, so
no stored frame lies outside the window. Exact mode (smartcut.py) re-encodes the partial GOPs,
or every frame when redaction (redact.py) changes them.

Every output is an MP4 with no edit list that hides frames: a frame's pts offset from the first
frame equals its capture-time offset (microsecond timescale, gaps stay gaps), and the gate
(gate.py) decodes every stored frame before the clip is handed back.

When parts of the clip come from different parameter sets (re-encoded GOPs, or files whose
SPS/PPS differ) the sample entry is avc3/hev1 and every keyframe carries its own parameter sets
in-band, so a decoder never applies one encoder's SPS/PPS to another encoder's slices.
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import av

from agent.export.faces import FaceModelError
from agent.export.background import Background
from agent.export.credentials import CredentialsError, append_credentials
from agent.export.gate import gate
from agent.export.hashed_files import fsync_file, sha256_of
from agent.export.ledger import Ledger, SourceBytes
from agent.export.nal import ParamSets
from agent.export.output import LongGap, Output, tick_for
from agent.export.progress import Cancelled, CutError, DroppedFrames, Tracker
from agent.export.redact import Redaction, RedactionReport, Redactor
from agent.export.reencode import DEFAULT_ENCODERS, ENCODERS
from agent.export.smartcut import exact_span
from agent.export.source import US, Source, SourceSpan
from agent.export.source import why as _why
from agent.timebase import format_utc

__all__ = ["SourceSpan", "CutResult", "CutError", "DroppedFrames", "Cancelled", "cut"]

log = logging.getLogger(__name__)

_AUDIO_SLACK_US = 2 * US   # read audio this far past the last video frame, then stop


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
    sources_used: tuple[SourceSpan, ...]   # each file (or byte range) a frame came from
    redaction: RedactionReport | None = None   # what redaction did, when it was asked for
    dropped_frames: int = 0        # source frames that could not be decoded (left out)
    dropped_audio_packets: int = 0  # kept-sound packets that could not be decoded (silent)
    first_dropped_us: int | None = None  # capture time of the first frame left out
    audio_codec: str | None = None        # the kept sound's codec as recorded
    audio_converted_to: str | None = None  # "aac" when MP4 could not hold it as recorded
    sha256: str | None = None      # the clip's SHA-256 (hex) and size, read as the gate ran
    size: int | None = None
    ledger: Ledger | None = field(default=None, repr=False, compare=False)  # for the gate


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
    redactor: Redactor | None = None
    used: list[SourceSpan] = field(default_factory=list)
    dropped: int = 0                  # frames decoded for re-encoding that came out missing
    first_dropped_us: int | None = None

    def tick(self, t_us: int) -> None:
        self.track.check()
        self.track.report("cutting", 0.9 * (t_us - self.start_us) / (self.end_us - self.start_us))

    def keep_audio(self, src: Source, pkt: av.Packet) -> bool:
        """Pass an audio packet on if it lies wholly inside the window; False once past it."""
        t = src.time_us(pkt)
        if t >= self.end_us:
            return False
        dur = src.audio_duration_us(pkt)
        if t >= self.start_us and t + dur <= self.end_us:
            self.out.audio_packet(pkt, t, dur)
        return True

    def emit(self, src: Source, pkt: av.Packet, keep: bool = False) -> bool:
        """Copy one source video packet into the output."""
        t = src.time_us(pkt)
        dts = src.time_us(pkt, pkt.dts if pkt.dts is not None else pkt.pts)
        return self.emit_packet(pkt, src.params, t, dts, src.duration_us(pkt), src.span,
                                keep, found_at=src.found_at(pkt))

    def emit_packet(self, pkt, params: ParamSets, t: int, dts: int, dur: int, span: SourceSpan,
                    keep: bool = False, copied: bool = True,
                    found_at: SourceBytes | None = None) -> bool:
        """Write one video packet captured at `t`; False when it would go back in time.
        `copied`: a source packet as read (False: a frame re-encoded here); `found_at`: where
        its bytes lie in the recording, when they are stored there as read."""
        if not self.out.video_packet(pkt, params, t, dts, dur, keep, copied, found_at):
            return False
        self.floor_us = max(self.floor_us, t + 1)
        if span not in self.used:
            self.used.append(span)
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
        cancel: threading.Event | None = None, encoder: str | None = None,
        redaction: Redaction | None = None, accept_dropped: bool = False,
        seal: Callable[[Path, CutResult], bytes] | None = None) -> CutResult:
    """Cut [start_us, end_us) of one camera's files into `out_path` (MP4, faststart) and gate it.

    Spans are the camera's files in time order (gaps and slight overlaps allowed; no frame is
    emitted twice or out of order). `encoder` picks exact mode's re-encoder (PyAV's libx264
    for H.264, libx265 for H.265; the only ones, and the defaults).
    `redaction` (redact.py) with masks or faces changes every frame, so it forces exact mode
    with everything re-encoded; its muted ranges silence kept sound in either mode.
    Frames of the recordings that cannot be decoded would be missing from the clip: they are
    counted in the result and refused (DroppedFrames) unless `accept_dropped`.
    `seal(path, result)` makes the written clip's Content Credentials (evidence.py; CutError
    when it cannot): the C2PA box bound to the clip's bytes, made on a thread while the gate
    proves those bytes and the clip is hashed. The box is appended after the clip's last box
    (nothing the gate proved moves) and read back, and the clip's hash is of the clip with it.
    The clip is fsync'd beside the gate too, so the disk is writing it while the CPU checks it.
    Raises CutError (plain words) or Cancelled; on any failure no output file is left behind.
    """
    out_path = Path(out_path)
    track = Tracker(progress, cancel)
    partial = out_path.with_name(f".{out_path.name}.partial")
    redactor, whole, hashing, sealing, flushing = None, False, None, None, None
    if redaction is not None:
        try:
            redactor = Redactor(redaction)
        except FaceModelError as exc:
            raise CutError(str(exc)) from None
        if redaction.touches_video:
            mode, whole = "exact", True
    try:
        result = write_clip(spans, start_us, end_us, partial, mode, keep_audio, track, encoder,
                            whole=whole, redactor=redactor)
        # The credentials and the package's digest are made beside the gate, from one state
        # of the clip that nothing writes to until all three are done; meanwhile the disk
        # takes the clip (the package fsyncs it before it is sealed: little is left by then).
        sealing, hashing, flushing = _beside_gate(partial, result, seal)
        report = gate(partial, result.delivered_start_us, start_us, end_us,
                      tick=track.part("checking", 0.9, 0.95 if mode == "exact" else 1.0),
                      ledger=result.ledger)
        if not report.ok and mode == "exact" and result.reencoded_frames < result.frames:
            # Last resort: a join this stream will not take. Re-encode all of it (disclosed
            # by reencoded_frames == frames) rather than hand over a clip that fails.
            log.warning("exact cut failed its check (%s); re-encoding the whole window",
                        "; ".join(report.problems))
            for work in (hashing, sealing, flushing):
                if work is not None:
                    work.wait()
            result = write_clip(spans, start_us, end_us, partial, mode, keep_audio, track,
                                encoder, whole=True, redactor=redactor)
            sealing, hashing, flushing = _beside_gate(partial, result, seal)
            report = gate(partial, result.delivered_start_us, start_us, end_us,
                          tick=track.part("checking", 0.95, 1.0), ledger=result.ledger)
        if not report.ok:
            raise CutError("the cut clip failed its final check and was deleted: "
                           + "; ".join(report.problems))
        if (result.dropped_frames or result.dropped_audio_packets) and not accept_dropped:
            raise _dropped(result)
        track.check()   # the gate's last tick may come before a stop: look again
        try:
            digest, size = hashing.result()
            if sealing is not None:
                box = sealing.result()
                append_credentials(partial, size, box)
                digest.update(box)
                size += len(box)
            if not flushing.done():   # a slow disk (a USB stick) is still taking the clip
                track.report("saving", 1.0)
            flushing.result()
        except OSError as exc:
            raise CutError(f"the cut clip could not be read back or saved to the disk "
                           f"({_why(exc)})") from None
        except CredentialsError as exc:
            raise CutError(str(exc)) from None
        track.check()
        os.replace(partial, out_path)
    except BaseException:
        for work in (hashing, sealing, flushing):
            if work is not None:
                work.wait()
        partial.unlink(missing_ok=True)
        raise
    track.report("done", 1.0)
    return replace(result, path=out_path, ledger=None, sha256=digest.hexdigest(), size=size)


def _beside_gate(partial: Path, result: CutResult, seal) -> tuple:
    """Start what runs while the gate checks the clip: its credentials (if asked), its
    SHA-256, and its writing to the disk."""
    return (Background(seal, partial, result) if seal is not None else None,
            Background(sha256_of, partial), Background(fsync_file, partial))


def write_clip(spans: Sequence[SourceSpan], start_us: int, end_us: int, path: Path, mode: str,
               keep_audio: bool, track: Tracker, encoder: str | None = None,
               whole: bool = False, redactor: Redactor | None = None) -> CutResult:
    """Write the clip without gating it (cut() gates it; the benchmark times it alone).

    Recordings that pause for longer than a microsecond timescale can span (about 35
    minutes) are written again on a coarser video tick (output.py)."""
    tick = 1
    while True:
        try:
            return _write_clip(spans, start_us, end_us, path, mode, keep_audio, track, encoder,
                               whole, redactor, tick)
        except LongGap as gap:
            tick = tick_for(gap.step_us)
            log.info("a %.0f min gap between recordings: the clip is written again on a %d us "
                     "tick", gap.step_us / 60e6, tick)


def _write_clip(spans: Sequence[SourceSpan], start_us: int, end_us: int, path: Path, mode: str,
                keep_audio: bool, track: Tracker, encoder: str | None, whole: bool,
                redactor: Redactor | None, tick_us: int) -> CutResult:
    if redactor is not None:
        redactor.reset()  # a second attempt counts afresh
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
        extradata = {s.params.extradata for s in sources}
        codec = codecs.pop()
        encoder = encoder or DEFAULT_ENCODERS[codec]
        if encoder not in ENCODERS[codec]:
            raise CutError(f"{encoder} cannot re-encode {codec} video "
                           f"(use {' or '.join(ENCODERS[codec])})")
        sound = next((s for s in sources if s.audio is not None), None)
        out = Output(path, sources[0], mode == "exact" or len(extradata) > 1,
                     sound.audio if sound else None, redactor,
                     sound.first_audio() if sound else None, tick_us)
        # On a coarser tick a frame is stored up to half a tick later than captured: one
        # captured in the window's last tick could be stored at its end, so it is left out.
        job = Job(start_us, end_us - (tick_us - 1), out, track, start_us, encoder=encoder,
                  redactor=redactor)
        try:
            for src in sources:
                if mode == "copy":
                    copy_span(job, src)
                else:
                    exact_span(job, src, whole=whole)
        except (av.FFmpegError, OSError, FaceModelError) as exc:  # e.g. the disk filled up
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
        sources_used=tuple(job.used),
        redaction=redactor.report() if redactor is not None else None,
        dropped_frames=job.dropped,
        dropped_audio_packets=out.sound.dropped if out.sound is not None else 0,
        audio_codec=out.sound.facts.codec if out.sound is not None and out.audio_packets else None,
        audio_converted_to=(out.sound.facts.converted_to
                            if out.sound is not None and out.audio_packets else None),
        first_dropped_us=job.first_dropped_us, ledger=out.ledger.freeze())


def _dropped(result: CutResult) -> DroppedFrames:
    """The refusal when decoding lost frames (or sound) the owner did not accept losing."""
    parts = []
    if result.dropped_frames:
        parts.append(f"{result.dropped_frames} frame(s) of the recordings could not be decoded"
                     + (f" (the first captured at {format_utc(result.first_dropped_us)})"
                        if result.first_dropped_us is not None else ""))
    if result.dropped_audio_packets:
        parts.append(f"{result.dropped_audio_packets} piece(s) of the kept sound could not be "
                     "decoded")
    return DroppedFrames(
        "; ".join(parts) + ": the recording is damaged there, and the clip would leave that "
        "out. Look at the recording, choose another time, or accept the loss explicitly "
        "(--accept-dropped-frames; in the app, tick 'Send even if damaged frames must be left "
        "out'); the package then says how much was left out.",
        result.dropped_frames, result.dropped_audio_packets)
