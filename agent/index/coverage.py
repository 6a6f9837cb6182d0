"""Which seconds of a window a camera's files cover, and which they do not.

Shared by `coverage` and the export plan. Main and sub streams of one camera are the same
camera: the main stream is preferred and the sub stream kept as an alternative. Files that lie
wholly inside seconds already covered (a duplicate re-export) are reported as overlaps, not used.
Damaged, empty, unsupported and ambiguous files whose time is known mark the seconds they
would have covered (`marks`), so a gap they explain says why; so does a recording still being written
whose end is not known yet (an MP4 gets its index only when the recorder closes it).
"""
from __future__ import annotations

from dataclasses import dataclass

from agent.index.rows import FileRow
from agent.media.frame_reader import elsewhere_picture, other_picture

# `remote`: mirrored from a recorder on the network. Usable for planning; an export or a hold
# downloads the window first (remote_window.py) and works on those local files.
# Not `ambiguous`: a recording named in the hour the clocks repeat, nothing telling which pass,
# may be from an hour later than it is placed, so it would put footage from outside an approved
# window into a clip; it marks the stretch instead, saying both readings.
USABLE = ("ok", "in-progress", "remote")


@dataclass(frozen=True)
class Span:
    start_us: int
    end_us: int


@dataclass(frozen=True)
class Overlap:
    path: str
    other: str
    start_us: int
    end_us: int


@dataclass(frozen=True)
class Mark:
    """Seconds of the window a file that cannot be used would have covered, and why not.

    `end_known` is False when the file gives no end: the mark then runs to the next recording
    of the camera (nvr-layouts.md's rule for a missing end), or to the window's end."""

    start_us: int
    end_us: int
    status: str
    path: str
    reason: str | None
    end_known: bool = True


@dataclass(frozen=True)
class Coverage:
    """A window of one camera: the files chosen, the covered spans, the gaps, what was set aside."""

    camera: str
    start_us: int
    end_us: int
    files: tuple[FileRow, ...]
    spans: tuple[Span, ...]
    gaps: tuple[Span, ...]
    overlaps: tuple[Overlap, ...]
    alternatives: tuple[FileRow, ...]
    unusable: tuple[FileRow, ...]
    marks: tuple[Mark, ...] = ()
    guessed: tuple[Span, ...] = ()   # covered seconds placed by a file's mtime alone
    held: bool = False   # the request's safe copy, its recordings gone (requests/held_window)
    left_out: tuple[FileRow, ...] = ()   # on disk, not in the safe copy: a held cut leaves out
    shown_as: str = ""   # the name previews read a held camera by (requests/held_previews)


    @property
    def covered_us(self) -> int:
        return sum(s.end_us - s.start_us for s in self.spans)


def coverage(camera: str, rows: list[FileRow], start_us: int, end_us: int) -> Coverage:
    """Work out coverage of [start, end) from a camera's rows that overlap it."""
    timed = [r for r in rows if r.start_us is not None and r.end_us is not None
             and r.start_us < end_us and r.end_us > start_us]
    unusable = tuple(r for r in timed if _status(r) not in USABLE)
    usable = [r for r in timed if _status(r) in USABLE]
    main = [r for r in usable if not other_picture(r)]
    # Without the main picture, its sub stream (the whole picture, smaller, where the privacy
    # masks fall where they were drawn) before a crop or another lens.
    whole = [r for r in usable if not elsewhere_picture(r)]
    chosen_pool = main or whole or usable
    alternatives = tuple(r for r in usable if r not in chosen_pool)
    chosen, overlaps = _choose(sorted(chosen_pool, key=lambda r: (r.start_us, -r.end_us, r.path)))
    spans = _merge([Span(max(r.start_us, start_us), min(r.end_us, end_us)) for r in chosen])
    gaps = _gaps(spans, start_us, end_us)
    guessed = _merge([Span(max(r.start_us, start_us), min(r.end_us, end_us)) for r in chosen
                      if r.time_source == "mtime"])
    return Coverage(camera, start_us, end_us, tuple(chosen), tuple(spans), tuple(gaps),
                    tuple(overlaps), alternatives, unusable, tuple(_marks(rows, gaps, end_us)),
                    tuple(guessed))


def _marks(rows: list[FileRow], gaps: list[Span], end_us: int) -> list[Mark]:
    """The parts of the gaps that unusable files with a known start would have covered, and
    files still being written that cannot be placed to their end yet."""
    starts = sorted({r.start_us for r in rows if r.start_us is not None})
    out = []
    for r in rows:
        if r.start_us is None or (_status(r) in USABLE and (r.end_us is not None
                                                            or r.status != "in-progress")):
            continue
        end, known = r.end_us, r.end_us is not None
        if end is None:
            end = next((s for s in starts if s > r.start_us), end_us)
        for gap in gaps:
            lo, hi = max(gap.start_us, r.start_us), min(gap.end_us, end)
            if lo < hi:
                out.append(Mark(lo, hi, _status(r), r.path, r.reason, known))
    return sorted(out, key=lambda m: (m.start_us, m.path))


def _status(row: FileRow) -> str:
    """A row's status as coverage weighs it: a recorder's recording of the repeated hour (the
    other reading kept) is ambiguous as a local file would be; its download is indexed so."""
    if row.status == "remote" and row.alt_start_us is not None:
        return "ambiguous"
    return row.status


def _choose(rows: list[FileRow]) -> tuple[list[FileRow], list[Overlap]]:
    chosen: list[FileRow] = []
    overlaps: list[Overlap] = []
    reach = None
    last = None
    for r in rows:
        if last is not None and reach is not None and r.start_us < reach:
            overlaps.append(Overlap(r.path, last.path, r.start_us, min(r.end_us, reach)))
            if r.end_us <= reach:
                continue  # nothing new: a duplicate or a shorter copy of covered seconds
        chosen.append(r)
        if reach is None or r.end_us > reach:
            reach, last = r.end_us, r
    return chosen, overlaps


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start_us):
        if out and s.start_us <= out[-1].end_us:
            if s.end_us > out[-1].end_us:
                out[-1] = Span(out[-1].start_us, s.end_us)
        else:
            out.append(s)
    return out


def _gaps(spans: list[Span], start_us: int, end_us: int) -> list[Span]:
    gaps, cursor = [], start_us
    for s in spans:
        if s.start_us > cursor:
            gaps.append(Span(cursor, s.start_us))
        cursor = max(cursor, s.end_us)
    if cursor < end_us:
        gaps.append(Span(cursor, end_us))
    return gaps
