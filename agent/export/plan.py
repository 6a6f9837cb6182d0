"""An export plan: a window of one camera mapped onto its source files, in order.

The plan is what the owner is shown before anything is cut (spans, gaps, overlaps), and what
the cutter is given (the files in time order with the UTC instant of each one's first frame).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agent.export.source_span import SourceSpan
from agent.index.coverage import Coverage, coverage
from agent.index.changed import changed_since_scan, changed_words
from agent.index.links import links_out
from agent.index.rows import Source
from agent.index.store import Store
from agent.timebase import US, unusable_offset_words, usable_clock_offset


class PlanError(Exception):
    """Nothing can be exported for this window; the message says why."""


@dataclass(frozen=True)
class ExportPlan:
    camera: str
    start_us: int
    end_us: int
    coverage: Coverage
    spans: tuple[SourceSpan, ...]
    sources: tuple[Source, ...]  # the recordings folders the files come from (zone, clock offset)

    def by_id(self) -> dict[int, Source]:
        """The recordings folders by id (a ring file's recordings are placed by them)."""
        return {s.id: s for s in self.sources}


def plan_export(store: Store, camera: str, start_us: int, end_us: int) -> ExportPlan:
    """Map [start, end) of `camera` onto indexed files; PlanError when none covers any of it."""
    if start_us >= end_us:
        raise PlanError("the window's start must be before its end")
    cov = coverage(camera, store.files(camera, start_us, end_us), start_us, end_us)
    if not cov.files:
        raise PlanError(f"no usable recording of camera '{camera}' covers that window"
                        + _why_not(cov))
    by_id = {s.id: s for s in store.sources()}
    for path in links_out(by_id.values(), cov.files):  # swapped for a link since the scan
        raise PlanError(f"{path} is now a link to a file outside its recordings folder, which "
                        "is never read; scan the folder again")
    # A folder's kept offset an older version saved unusable: which clock its rows' times are
    # on cannot be told, nor written in provenance.json (JSON has no infinity).
    for source in dict.fromkeys(by_id[r.source_id] for r in cov.files
                                if r.source_id in by_id and r.clock_shift_us is None):
        if not usable_clock_offset(source.clock_offset_s):
            raise PlanError(unusable_offset_words(source.root, source.clock_offset_s))
    changed = changed_since_scan(cov.files, by_id)
    if changed:   # its row's times are the old file's: cut, the new footage would take them
        raise PlanError(changed_words(changed))
    # A recording inside a ring file (Hikvision hiv*.mp4) is read as its byte range alone; one
    # still being written, as far as it was indexed (it grows: the rest is the next scan's).
    spans = tuple(SourceSpan(Path(r.path), r.start_us,
                             (r.byte_start, r.byte_end) if r.ranged else None,
                             r.end_us if r.status == "in-progress" else None)
                  for r in cov.files)
    used = tuple(dict.fromkeys(by_id[r.source_id] for r in cov.files if r.source_id in by_id))
    return ExportPlan(camera, start_us, end_us, cov, spans, used)


def _why_not(cov: Coverage, limit: int = 5) -> str:
    """': <file> is damaged (<reason>); ...' for the unusable files over the window."""
    named = list(dict.fromkeys((m.path, m.status, m.reason) for m in cov.marks))
    if not named:
        return ""
    words = [f"{path} is {status}" + (f" ({reason})" if reason else "")
             for path, status, reason in named[:limit]]
    more = f"; and {len(named) - limit} more" if len(named) > limit else ""
    return ": " + "; ".join(words) + more


def recorded_offsets(plan: ExportPlan) -> list[float]:
    """The camera clock offsets the recordings used were placed by: each recorder download's
    own (a window spanning a moment the recorder's clock was put right has two), else its
    folder's."""
    by_id = {s.id: s.clock_offset_s for s in plan.sources}
    return sorted({r.clock_shift_us / US if r.clock_shift_us is not None
                   else by_id.get(r.source_id, 0.0) for r in plan.coverage.files}
                  or set(by_id.values()))


def not_saved_yet(plan: ExportPlan) -> tuple[int, int] | None:
    """The stretch at the window's end that follows a recording still being written (`in-
    progress`) as far as its file held footage when it was read: the camera may well have
    been recording then, its recorder had not saved those seconds yet. None when the window's
    last gap is no such stretch (the recording ended, or another one follows)."""
    gaps = plan.coverage.gaps
    if not gaps or gaps[-1].end_us < plan.end_us:
        return None
    last = gaps[-1]
    growing = any(r.status == "in-progress" and r.end_us == last.start_us
                  for r in plan.coverage.files)
    return (last.start_us, last.end_us) if growing else None
