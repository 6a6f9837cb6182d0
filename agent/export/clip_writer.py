"""Writing one clip without gating it: copy mode's walk through a file (`copy_span`; exact
mode's is smartcut.py), the window's files written in turn on one output (`write_clip`, again on
a coarser tick after a long pause), and what was written (`CutResult`). cut.py gates the clip."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import av

from agent.export.cut_job import Job
from agent.export.faces import FaceModelError
from agent.export.ledger import Ledger
from agent.export.output import LongGap, Output, ParamsChanged, tick_for
from agent.export.progress import CutError, MixedCodecs, NoFrames, Tracker
from agent.export.redact import RedactionReport, Redactor
from agent.export.reencode import DEFAULT_ENCODERS, ENCODERS
from agent.export.smartcut import exact_span
from agent.export.clock_step import ClockStep, stepped_words
from agent.export.sound import format_words, sound_format
from agent.export.source import US, Source
from agent.export.source_span import SourceSpan
from agent.export.source import why as _why
from agent.timebase import local_text

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
    audio_formats: tuple[str, ...] = ()    # the recordings' sound formats, when they differ
    sha256: str | None = None      # the clip's SHA-256 (hex) and size, read as the gate ran
    size: int | None = None
    ledger: Ledger | None = field(default=None, repr=False, compare=False)  # for the gate
    clock_steps: tuple[ClockStep, ...] = ()   # recordings read only up to a step back in time
    headless: tuple[HeadlessStart, ...] = ()  # recordings that start without a keyframe


@dataclass(frozen=True)
class HeadlessStart:
    """A recording that starts partway through a group of pictures, inside the window: its
    frames before its first keyframe can be made into no picture, in either mode."""

    path: Path
    first_key_us: int   # capture time of its first keyframe


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
            inside = job.floor_us <= t < job.end_us
            job.saw_frame_inside = job.saw_frame_inside or inside
            if not (pkt.is_keyframe and inside):
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


_CODEC_NAMES = {"h264": "H.264", "hevc": "H.265"}


def codec_change_words(sources: Sequence[Source]) -> str:
    """Where the recordings of a window change codec, in time order: the first change's time
    (this PC's zone, as every time an error names) and codecs, so the owner knows the two
    windows to export instead."""
    return codec_changes_said([(s.span.start_us, s.codec) for s in sources])


def codec_changes_said(codecs: Sequence[tuple[int, str]]) -> str:
    """codec_change_words of recordings given as (start, codec) in time order, with at least
    one change (an approval checks the index's codecs before any camera is cut)."""
    changes = [(b[0], a[1], b[1]) for a, b in zip(codecs, codecs[1:]) if a[1] != b[1]]
    at, old, new = changes[0]
    where = (f"at {local_text(at)}" if len(changes) == 1
             else f"{len(changes)} times, the first at {local_text(at)}")
    return (f"the recordings in this window change codec {where} "
            f"({_CODEC_NAMES.get(old, old)} before, {_CODEC_NAMES.get(new, new)} from then on): "
            "a clip holds one codec, so export the time before it and the time from it "
            "separately")


def _no_frames_words(exact_may_find: bool, stepped: bool) -> str:
    """Why nothing was cut: a copy found no keyframe among frames inside the window (exact
    mode can start between them), or the camera captured no picture in it at all (the index
    has its recordings reach into the window, their last frame captured before it). A
    recording read only up to a step back in its clock (`stepped`, said after this) may hold
    pictures of the window past the step: then neither is claimed."""
    if exact_may_find:
        return ("no frames of this camera lie inside the window (copy mode starts at a "
                "keyframe; exact mode may find frames)")
    if stepped:
        return "no frames of this camera lie inside the window"
    return ("no frames of this camera lie inside the window: the camera captured no picture "
            "in it; choose a longer window")


def _shape(src: Source) -> tuple:
    """What the re-encoder's parameter sets depend on: frame size, rate and profile."""
    ctx = src.video.codec_context
    return (ctx.width, ctx.height, src.video.average_rate or src.video.guessed_rate,
            ctx.profile)


def write_clip(spans: Sequence[SourceSpan], start_us: int, end_us: int, path: Path, mode: str,
               keep_audio: bool, track: Tracker, encoder: str | None = None,
               whole: bool = False, redactor: Redactor | None = None) -> CutResult:
    """Write the clip without gating it (cut() gates it; the benchmark times it alone).

    Recordings that pause for longer than a microsecond timescale can span (about 35
    minutes) are written again on a coarser video tick (output.py)."""
    tick, own_entry = 1, whole
    while True:
        try:
            return _write_clip(spans, start_us, end_us, path, mode, keep_audio, track, encoder,
                               whole, redactor, tick, own_entry)
        except LongGap as gap:
            tick = tick_for(gap.step_us)
            log.info("a %.0f min gap between recordings: the clip is written again on a %d us "
                     "tick", gap.step_us / 60e6, tick)
        except ParamsChanged:
            own_entry = False
            log.info("the re-encoder's settings changed inside the clip: it is written again "
                     "with them in the stream")


def _write_clip(spans: Sequence[SourceSpan], start_us: int, end_us: int, path: Path, mode: str,
                keep_audio: bool, track: Tracker, encoder: str | None, whole: bool,
                redactor: Redactor | None, tick_us: int, own_entry: bool = False) -> CutResult:
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
            raise MixedCodecs(codec_change_words(sources))
        extradata = {s.params.extradata for s in sources}
        codec = codecs.pop()
        encoder = encoder or DEFAULT_ENCODERS[codec]
        if encoder not in ENCODERS[codec]:
            raise CutError(f"{encoder} cannot re-encode {codec} video "
                           f"(use {' or '.join(ENCODERS[codec])})")
        sound = next((s for s in sources if s.audio is not None), None)
        # One MP4 track holds one sound format: recordings whose sound changes format (a
        # camera's setting changed between them) are converted whole, never copied mixed.
        shapes = list(dict.fromkeys(sound_format(s.audio) for s in sources
                                    if s.audio is not None))
        formats = tuple(map(format_words, shapes)) if len(shapes) > 1 else ()
        # Every frame re-encoded with one encoder's settings: its sets can be the entry's.
        own_entry = own_entry and mode == "exact" and len({_shape(s) for s in sources}) == 1
        out = Output(path, sources[0], mode == "exact" or len(extradata) > 1,
                     sound.audio if sound else None, redactor,
                     sound.first_audio() if sound else None, tick_us, own_entry, formats)
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
    steps = tuple(s.clock_step for s in sources
                  if s.clock_step is not None and s.clock_step.last_us < end_us)
    headless = tuple(HeadlessStart(s.span.path, s.headless_until_us) for s in sources
                     if s.headless_until_us is not None and s.headless_until_us > start_us
                     and s.span.start_us < end_us)
    if not out.frames:
        raise NoFrames(_no_frames_words(mode == "copy" and job.saw_frame_inside, bool(steps))
                       + "".join(f"; {stepped_words(step)}" for step in steps))
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
        audio_formats=(out.sound.facts.formats
                       if out.sound is not None and out.audio_packets else ()),
        first_dropped_us=job.first_dropped_us, ledger=out.ledger.freeze(), clock_steps=steps,
        headless=headless)


def headless_words(head: HeadlessStart) -> str:
    """Why a clip holds nothing of a recording before its first keyframe, for the owner."""
    return (f"the recording {head.path.name} starts partway through a group of pictures: its "
            f"frames before {local_text(head.first_key_us)} need a picture it does not hold, so "
            "no picture can be made of them, in either mode")
