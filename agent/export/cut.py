"""Cutting exactly the approved seconds out of one camera's recordings, and proving the clip.

Copy mode moves packets from source to output untouched (no re-encode): it starts at the first
keyframe at or after the approved start and stops at the last frame before the approved end, so
no stored frame lies outside the window. Exact mode (smartcut.py) re-encodes the partial GOPs,
or every frame when redaction (redact.py) changes them.

Every output is an MP4 with no edit list that hides frames: a frame's pts offset from the first
frame equals its capture-time offset (microsecond timescale, gaps stay gaps), and the gate
(gate.py) decodes every stored frame before the clip is handed back.

The clip is written by clip_writer.py (copy mode there, exact mode in smartcut.py, what their
spans share in cut_job.py); `cut` gates it, seals it and hands it back, or leaves nothing.

When parts of the clip come from different parameter sets (re-encoded GOPs, or files whose
SPS/PPS differ) the sample entry is avc3/hev1 and every keyframe carries its own parameter sets
in-band, so a decoder never applies one encoder's SPS/PPS to another encoder's slices.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from frp.count_words import counted
from agent.export.background import Background
from agent.export.clip_writer import CutResult, write_clip
from agent.export.credentials import CredentialsError, append_credentials
from agent.export.faces import FaceModelError
from agent.export.gate import gate
from agent.export.hashed_files import fsync_file, sha256_of
from agent.export.progress import (Cancelled, CutError, DroppedFrames, MixedCodecs, NoFrames,
                                   Tracker, UncutCodec)
from agent.export.redact import Redaction, Redactor
from agent.export.source_span import SourceSpan
from agent.export.source import why as _why
from agent.storage import replace as replace_file
from agent.timebase import local_text

__all__ = ["SourceSpan", "CutResult", "CutError", "DroppedFrames", "MixedCodecs", "NoFrames", "UncutCodec",
           "Cancelled", "cut"]

log = logging.getLogger(__name__)


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
        replace_file(partial, out_path)   # retried while Windows holds it a moment
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


def _dropped(result: CutResult) -> DroppedFrames:
    """The refusal when decoding lost frames (or sound) the owner did not accept losing."""
    parts = []
    if result.dropped_frames:
        parts.append(counted(result.dropped_frames, "frame")
                     + " of the recordings could not be decoded"
                     + (f" (the first captured at {local_text(result.first_dropped_us)})"
                        if result.first_dropped_us is not None else ""))
    if result.dropped_audio_packets:
        parts.append(counted(result.dropped_audio_packets, "piece")
                     + " of the kept sound could not be decoded")
    return DroppedFrames(
        "; ".join(parts) + ": the recording is damaged there, and the clip would leave that "
        "out. Look at the recording, choose another time, or accept the loss explicitly "
        "(--accept-dropped-frames; in the app, tick 'Go on even if damaged frames must be left "
        "out'); the package then says how much was left out.",
        result.dropped_frames, result.dropped_audio_packets)
