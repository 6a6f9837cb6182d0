"""A hold's copies placed in time by their folder's clock as the owner set it now.

A hold records each copy's times as the index placed its original then, by its folder's time
zone and clock offset then (hold_placement.py). An owner who finds later that the camera's
clock was off (a frame showing a known time) corrects the folder's clock offset, or its zone:
the index places every recording of the folder again by it, and a cut of the recordings
themselves uses it. A cut of the copies must too, or the same approved seconds in true time
would be other footage depending on whether the recordings were still there; so each copy is
placed again as a scan would place its original now, and provenance's `hold.clock_changed`
names the clock it was held under. The hold's own record is never rewritten: its times stay
those of the clock it was made under, which `clock_changed` lets anyone reproduce.

Placed again, by what placed it: a camera's clock offset is taken off its own times last
(index/placement.py), so a new offset moves every copy by the difference; a new zone reads a
ring file's recordings from the card's index copied with it (index/ring_files.py), and a
whole file again from its original's name and its copy's container, as a scan does, once that
read by the old clock gives back the times held (else it is refused: its time came from
something the copy does not keep, a card's file date). Times a camera's clock never gave are
kept: frigate.db's, and a recorder's download (its own clock, read from the device).
"""
from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from agent.index.changed import recorded_over
from agent.index.describe import describe
from agent.index.layouts import parse_path
from agent.index.recorder_book import RECORDER_LAYOUT
from agent.index.ring_files import RingFolders
from agent.index.rows import FileRow, Source
from agent.requests.hold_placement import HeldCamera
from agent.requests.holds import HoldError
from agent.timebase import US

# What a clock's zone can move a wall time by, at most (UTC-12 to UTC+14): how far from the
# window a re-timed recording of it may now be listed.
_ZONES_APART_US = 26 * 3600 * US


def folder_source(sources: list[Source], original: str, camera: str,
                  current: Callable[[str], str | None] = lambda c: c) -> Source | None:
    """The recordings folder the original `original` (its full path, as indexed) is in now;
    else the camera's only folder on this PC (its card given another drive letter); None when
    neither is known (its folder removed): its copies keep the clock they were held under.
    `camera` is the name the hold recorded, which a rename since has made a former name: the
    camera's folders are those whose camera it means now (`current`: the index's current name
    of a camera, store.names.current)."""
    path = Path(original)
    inside = [s for s in sources if s.layout != RECORDER_LAYOUT and path.is_relative_to(s.root)]
    if inside:
        return max(inside, key=lambda s: len(s.root))
    now = current(camera) or camera
    own = [s for s in sources
           if (current(s.camera) or s.camera) == now and s.layout != RECORDER_LAYOUT]
    return own[0] if len(own) == 1 else None


def placed_now(sources: list[Source], folder: Path, held: HeldCamera,
               current: Callable[[str], str | None] = lambda c: c) -> HeldCamera:
    """`held` with each copy placed by its folder's clock now (unchanged where that is the one
    it was held under; its folder: folder_source, `current` its names): `replaced` names each
    copy moved and the clock it was held under. HoldError for a copy a new zone cannot place
    again."""
    if held.recorder is not None:
        return held   # the recorder's own clock, as it answered: the owner sets none
    now: dict[str, tuple[str, float]] = {}
    for copy, original in zip(held.recordings, held.indexed):
        source = folder_source(sources, original.path, held.camera, current)
        now[copy.path] = ((source.tz, source.clock_offset_s) if source is not None
                          else held.clock_of(copy.path))
    recordings, moved = [], {}
    for row in held.recordings:
        was, new = held.clock_of(row.path), now[row.path]
        placed = row if was == new else _placed(row, was, new, folder, held)
        if placed is not row:
            moved[row.path] = was
        recordings.append(placed)
    if not moved:
        return held
    zone, offset = next(iter(now.values()), (held.zone, held.clock_offset_s))
    clocks = tuple((name, *clock) for name, clock in now.items() if clock != (zone, offset))
    return replace(held, zone=zone, clock_offset_s=offset, recordings=tuple(recordings),
                   clocks=clocks, replaced=tuple((n, *c) for n, c in moved.items()))


def reach_us(sources: list[Source], held: HeldCamera,
             current: Callable[[str], str | None] = lambda c: c) -> int:
    """How far from its held times a recording of `held` may be listed now its folder's clock
    changed (0 while it has not; its folder: folder_source, `current` its names): the index is
    asked that much around a window for them."""
    reach = 0
    for copy, original in zip(held.recordings, held.indexed):
        source = folder_source(sources, original.path, held.camera, current)
        if source is None:
            continue
        zone, offset = held.clock_of(copy.path)
        reach = max(reach, abs(round((offset - source.clock_offset_s) * US))
                    + (_ZONES_APART_US if zone != source.tz else 0))
    return reach


def ring_as_held(row: FileRow, was: FileRow, clock: tuple[str, float]) -> bool:
    """Whether the ring file recording `was` (as held, placed by `clock`) is still on the card
    as it was: the card's index as it is now (`row` is the index's row of it), read by the
    clock it was held under, lists it at the same bytes and times, its first bytes a pack. A
    new clock offset or zone re-times the index's rows, never the card."""
    source = Source(row.source_id, os.path.dirname(row.path), row.camera, clock[0], "hikvision",
                    clock[1])
    return os.path.isfile(row.path) and not recorded_over(
        [was._replace(source_id=source.id, path=row.path)], {source.id: source})


def clock_changed(held: HeldCamera, used: set[str]) -> dict | None:
    """provenance's `hold.clock_changed`: the clock the copies a clip reads (`used`) were
    placed by, the one they were held under, and which they are; None when none moved."""
    files = list(dict.fromkeys(name for name, _, _ in held.replaced if name in used))
    if not files:
        return None
    under = dict.fromkeys((zone, offset) for name, zone, offset in held.replaced
                          if name in used)
    return {
        "clock": {"zone": held.zone, "clock_offset_s": held.clock_offset_s},
        "held_under": [{"zone": z, "clock_offset_s": o} for z, o in under],
        "files": files,
        "note": "the owner changed the time zone or clock offset of these copies' recordings "
                "folder after the safe copy was made (finding the camera's clock was off), "
                "so they were placed in time by the folder's clock as set now, as its "
                "recordings themselves are; the safe copy's record keeps the times "
                "`held_under` gave them"}


def _placed(row: FileRow, was: tuple[str, float], new: tuple[str, float], folder: Path,
            held: HeldCamera) -> FileRow:
    """The copy `row` (held placed by `was`) placed by `new` as a scan places its original."""
    if row.start_us is None or row.time_source == "frigate.db":
        return row   # no time, or times the camera's clock did not give
    if was[0] == new[0]:   # the offset alone: taken off last, so every time moves alike
        shift = round(was[1] * US) - round(new[1] * US)
        return row._replace(
            start_us=row.start_us + shift,
            end_us=None if row.end_us is None else row.end_us + shift,
            alt_start_us=None if row.alt_start_us is None else row.alt_start_us + shift)
    path = str(folder / row.path)
    if row.ranged:
        source = Source(0, os.path.dirname(path), row.camera, new[0], "hikvision", new[1])
        try:
            again = RingFolders(source, lambda _mtime_ns: True).listed_now(
                row._replace(path=path))
        except OSError:
            again = None
        if again is None:
            raise HoldError(_not_placed(held.camera, row.path))
        return row._replace(start_us=again.start_us, end_us=again.end_us,
                            alt_start_us=again.alt_start_us,
                            status=_status(row.status, again.status))
    then, again = (_described(row, clock, path, held) for clock in (was, new))
    if then is None or again is None or (then.start_us, then.end_us, then.alt_start_us) != (
            row.start_us, row.end_us, row.alt_start_us):
        raise HoldError(_not_placed(held.camera, row.path))
    return row._replace(start_us=again.start_us, end_us=again.end_us,
                        alt_start_us=again.alt_start_us,
                        status=_status(row.status, again.status))


def _described(row: FileRow, clock: tuple[str, float], path: str,
               held: HeldCamera) -> FileRow | None:
    """The copy at `path` described as a scan describes its original, by `clock`: its name's
    times read from the original's path, its container's from the copy (the same bytes)."""
    rel = dict(held.originals).get(row.path)
    if rel is None:
        return None
    source = Source(0, os.path.dirname(path), row.camera, clock[0], row.layout or "auto",
                    clock[1])
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    return describe(source, row.camera, path, rel, size, row.mtime_ns,
                    parse_path(rel, row.layout), time.time(), channel=row.channel)


def _status(held: str, now: str) -> str:
    """A copy's status placed again: a name's hour the new zone repeats is as unsure as a
    scan finds it (never cut), one it no longer repeats is sure."""
    if held in ("ok", "ambiguous") and now in ("ok", "ambiguous"):
        return now
    return held


def _not_placed(camera: str, name: str) -> str:
    return (f"the time zone of {camera}'s recordings folder was changed after its safe copy "
            f"was made, and the copy {name} cannot be placed in time by the new one (its time "
            "came from something the safe copy does not keep, such as a memory card's file "
            "date): set the zone back to send it")
