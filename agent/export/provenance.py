"""provenance.json as the export writes it, but its outputs: the facts of the cut (the
request, windows, gaps, clock, cut, redactions, sound, software), which the clip's Content
Credentials are made from too; each recording the clip was cut from, by size, SHA-256 and
indexed times, hashed while the cut reads it; and who signed the clip's credentials. With the
request an export answers (`RequestContext`), which the record names."""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from agent import __version__
from agent.export.cut import Cancelled, CutResult
from agent.export.plan import ExportPlan, not_saved_yet, recorded_offsets
from agent.export.redact import Redaction
from agent.export.redaction_records import redaction_records, unredacted_original
from agent.export.sound import conversion_record
from agent.export.source_span import SourceSpan
from agent.identity.certificates import SELF_ISSUED, SigningChain
from agent.media.byte_range import RangeFile
from agent.media.ffmpeg import ffmpeg_version
from agent.timebase import format_utc


@dataclass(frozen=True)
class RequestContext:
    """The request an export answers, when there is one (None for a manual export)."""

    token: bytes            # exactly as received
    request_id: str
    agency: str
    case: str
    window_start_us: int
    window_end_us: int
    verified: bool


def provenance_facts(plan: ExportPlan, result: CutResult, sources: list[dict],
                     request: RequestContext | None, redaction: Redaction | None,
                     recorder: dict | None = None, hold: dict | None = None) -> dict:
    """provenance.json but its outputs and credentials: the one source of the clip's manifest.
    `recorder`: provenance's section naming the recorder the sources were downloaded from;
    `hold`: its section saying they are the copies of a request's safe copy."""
    zones = sorted({s.tz for s in plan.sources})
    offsets = recorded_offsets(plan)
    redactions = redaction_records(redaction, result.redaction, (plan.start_us, plan.end_us),
                                   audio_kept=result.audio)
    return {
        "format": "footage-agent provenance 1",
        "request": None if request is None else {
            "id": request.request_id, "agency": request.agency, "case": request.case,
            "window": {"start": format_utc(request.window_start_us),
                       "end": format_utc(request.window_end_us)},
            "verified": request.verified},
        "camera": plan.camera,
        "approved": {"start": format_utc(plan.start_us), "end": format_utc(plan.end_us)},
        "delivered": {"start": format_utc(result.delivered_start_us),
                      "end": format_utc(result.delivered_end_us),
                      "frames": result.frames,
                      "shortfall_start_s": result.shortfall_start_us / 1e6,
                      "shortfall_end_s": result.shortfall_end_us / 1e6},
        "gaps": gaps_record(plan),
        "sources": sources,
        "clock": {"time_zones": zones, "clock_offset_s": offsets,
                  "note": "clock offset = camera clock minus true time; times here are true UTC"},
        "cut": {"mode": result.mode, "codec": result.codec,
                "reencoded_frames": result.reencoded_frames,
                "dropped_frames": result.dropped_frames,
                "dropped_audio_packets": result.dropped_audio_packets,
                "first_dropped": (format_utc(result.first_dropped_us)
                                  if result.first_dropped_us is not None else None)},
        "redactions": redactions,
        "unredacted_original": (None if not redactions
                                else unredacted_original(recorder, hold)),
        "audio": "kept" if result.audio else "removed",
        "audio_conversion": None if not result.audio_converted_to else conversion_record(
            result.audio_codec, result.audio_converted_to, result.audio_formats),
        "software": {"footage-agent": __version__, "ffmpeg": ffmpeg_version()},
    }


def credentials_record(clip: str, chain: SigningChain) -> dict:
    """provenance.json's "content_credentials": which clip carries them and who signed them."""
    return {"clip": clip, "standard": "C2PA (Content Credentials), embedded in the clip",
            "signed_by": chain.kind, "agency": chain.agency, "issuer": chain.issuer,
            "note": chain.note or ("validators show these credentials as untrusted: they are "
                                   "signed by the owner's own key, not certified by an agency"
                                   if chain.kind == SELF_ISSUED else None)}


def source_digests(spans, cancel: threading.Event | None) -> dict[SourceSpan, tuple[int, str]]:
    """Size and SHA-256 of each recording (a whole file, or its byte range of a ring file),
    read once, on a thread while the cut runs."""
    out = {}
    for span in dict.fromkeys(spans):
        if cancel is not None and cancel.is_set():
            raise Cancelled("export cancelled")
        with open(span.path, "rb") as fh:
            if span.byte_range is None:
                size = os.fstat(fh.fileno()).st_size
                out[span] = (size, hashlib.file_digest(fh, "sha256").hexdigest())
            else:
                first, end = span.byte_range
                with RangeFile(span.path, first, end) as part:
                    out[span] = (part.size, hashlib.file_digest(part, "sha256").hexdigest())
    return out


def hashed_sources(plan: ExportPlan, used, digests: dict[SourceSpan, tuple[int, str]]
                   ) -> list[dict]:
    """Size, SHA-256 and indexed times of every recording the clip was cut from.

    Paths are relative to their recordings folder: the folder's own location on this PC (which
    often names the owner's account) is not the receiver's business. A recording inside a ring
    file names its bytes, and its size and SHA-256 are those bytes'.
    """
    rows = {(r.path, r.byte_start if r.ranged else None): r for r in plan.coverage.files}
    roots = [Path(s.root) for s in plan.sources]
    out = []
    for span in used:
        path = span.path
        size, digest = digests[span]
        row = rows.get((str(path), span.byte_range[0] if span.byte_range else None))
        entry = {"path": _relative(Path(path), roots), "size": size, "sha256": digest,
                 "start": format_utc(row.start_us) if row else None,
                 "end": format_utc(row.end_us) if row and row.end_us else None,
                 "layout": row.layout if row else None}
        if span.byte_range is not None:
            entry["bytes"] = {"start": span.byte_range[0], "end": span.byte_range[1]}
        if os.path.islink(path):  # the bytes are the target's: say which file they are
            entry["link_to"] = _relative(Path(os.path.realpath(path)),
                                         [Path(os.path.realpath(r)) for r in roots])
        out.append(entry)
    return out


def _relative(path: Path, roots: list[Path]) -> str:
    for root in roots:
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


def gaps_record(plan) -> list[dict]:
    """provenance.json's `gaps`: the stretch after a recording still being written is marked
    `not_saved_yet`, since the camera was likely recording then (package-format.md)."""
    unsaved = not_saved_yet(plan)
    return [{"start": format_utc(g.start_us), "end": format_utc(g.end_us),
             **({"not_saved_yet": True} if (g.start_us, g.end_us) == unsaved else {})}
            for g in plan.coverage.gaps]
