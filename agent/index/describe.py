"""One file's index row, as a scan or the watcher describes it: its status (ok, empty, damaged,
unsupported, still being written, a start the repeated hour leaves unsure), why, and its times
from its name, its container, frigate.db or its modification date, with the source's settings.
"""
from __future__ import annotations

from agent.index.frigate_db import FrigateTimes
from agent.index.layouts import NameFacts
from agent.index.placement import place
from agent.index.probe import ContainerFacts, ProbeError, probe
from agent.index.rows import FileRow, Source
from agent.media.mp4box import POWER_LOSS
from agent.timebase import in_calendar

# A file modified this recently may still be growing; the watcher re-checks it.
IN_PROGRESS_S = 10
# The modification time kept for a file that could not be read (permission denied, a read
# error): no file has it, so every scan reads the file again; fixing a file's permissions
# changes neither its size nor its date.
UNREAD = -2
STILL_WRITTEN = ("still being written, so it cannot be read yet; the recorder closes it within "
                 "minutes, and then it can be used")


def describe(source: Source, camera: str, path: str, rel: str, size: int, mtime_ns: int,
             facts: NameFacts | None, now: float, frigate: FrigateTimes | None = None,
             link: str | None = None, channel: str = "",
             card_offset_s: int | None = None) -> FileRow:
    """Build the index row for one file of `camera` (its `channel`) from its name, its
    container and the source settings; `link` is where a link inside the source points
    (relative to the source); `card_offset_s` how the system reads the times of the FAT
    card it is on (local_times.card_offset_s; None for a disk keeping true times)."""
    layout = facts.layout if facts else None
    reasons: list[str] = [f"a link to {link} in this folder"] if link else []
    container: ContainerFacts | None = None
    kept_mtime_ns = mtime_ns
    if size == 0:
        status = "empty"
        reasons.append("zero-byte file")
    else:
        try:
            # Whether the container is finished matters only for a file modified just now.
            container = probe(path, size, judge_complete=recent(mtime_ns, now))
            status, why = container.status, container.reason
        except ProbeError as exc:
            status, why = "damaged", f"cannot read the file: {exc}"
            kept_mtime_ns = UNREAD
        if why:
            reasons.append(why)
    if facts is not None and facts.note:
        reasons.append(facts.note)
    placed = place(facts, container if status == "ok" else None, source.tz,
                   source.clock_offset_s, mtime_ns, card_offset_s)
    start, end, time_source = placed.start_us, placed.end_us, placed.source
    known_times = frigate.lookup(rel) if frigate else None
    if known_times is not None:
        start, end = known_times
        time_source = "frigate.db"
        reasons.append("times from frigate.db")
    reasons.extend(placed.notes)
    if not (showable_us(start) and showable_us(end)):
        start = end = None
        reasons.append("the times worked out for it are not real dates")
    if facts is None:
        reasons.append("name matches no known recorder layout")
    if status == "ok" and placed.ambiguous and known_times is None:
        status = "ambiguous"
    if status in ("ok", "damaged", "empty") and _still_written(facts, container, mtime_ns, now):
        # An MP4 gets its moov when the recorder closes it: not a power cut while it records.
        reasons = [r for r in reasons if r != POWER_LOSS]
        reasons.append("still being written" if status == "ok" else STILL_WRITTEN)
        status = "in-progress"
    if start is None:
        reasons.append("no time in the name or the container")
    reason = "; ".join(reasons) if reasons else None
    stream = facts.stream if facts else None
    if container is None or status in ("damaged", "unsupported"):
        return FileRow(source.id, path, camera, start, end, size, kept_mtime_ns, layout, status,
                       reason, stream, placed.alt_start_us, None, None, None, None, False,
                       channel, time_source)
    return FileRow(source.id, path, camera, start, end, size, mtime_ns, layout, status, reason,
                   stream, placed.alt_start_us, container.codec, container.width,
                   container.height, container.fps, bool(container.has_audio), channel,
                   time_source)


def showable_us(us: int | None) -> bool:
    """True for no time or an instant a date can show (years 1 to 9999): a row outside them
    would break every listing of the index, so times worked out beyond them are dropped."""
    return us is None or in_calendar(us)


def _still_written(facts: NameFacts | None, container: ContainerFacts | None, mtime_ns: int,
                   now: float) -> bool:
    """A recorder's own marker says so; else the container, where it can tell (a finished MP4
    is finished however new its mtime: a card just copied); else a very recent mtime."""
    if facts is not None and facts.in_progress:
        return True
    if container is not None and container.complete is True:
        return False
    return recent(mtime_ns, now)


def recent(mtime_ns: int, now: float) -> bool:
    """Modified within the last few seconds (a future mtime is a wrong clock, not a write)."""
    return 0 <= now - mtime_ns / 1e9 < IN_PROGRESS_S
