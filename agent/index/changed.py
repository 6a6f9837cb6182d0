"""Whether a recording is still the file the scan indexed.

A row's times came from the file as the scan saw it (its name, its container's creation time or
duration, its modification time). A recorder that writes over a file, or an owner who copies a
newer card over the folder, leaves the row describing bytes that are no longer there; a cut
from it would put the new file's footage at the old file's times. The scan keeps each file's
size and modification time, and the export compares them before it cuts and again before it
seals, so such a file is never cut as if it were the one indexed.

A recording inside a Hikvision ring file cannot be told so: the camera writes its other
recordings into the same file and its index all the time. When the ring comes round it records
over the oldest, and a range of bytes the scan placed last week then holds today's footage,
which a cut would seal at last week's times. Such a recording is looked up in the card's index
as it is now instead: it must still be listed at the same bytes, at the same times, with its
bytes still starting a pack.

On a card that keeps local times (FAT32, exFAT: local_times.py) Windows moves every file's
time by the clocks' step when they change (an hour, in most zones: local_times.py). A file
there of the same size whose time moved by exactly such a step is read again as the scan read
it (its name, its container, its time as the system reads it now, which on a FAT card gives
the wall time the scan read): the same times, codec, size of picture and rate, it is the
recording indexed.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable, Mapping

from agent.index.frigate_db import load_frigate_times
from agent.index.layouts import parse_path
from agent.index.local_times import LocalTimeDisks, clock_change_apart
from agent.index.ring_files import RingFolders
from agent.index.rows import FileRow, Source
from agent.index.describe import describe


def changed_since_scan(rows: Iterable[FileRow], sources: Mapping[int, Source]) -> list[str]:
    """Paths of these rows whose file is no longer as the scan saw it (another size or
    modification time). A file still being written (`in-progress`) may have grown since, and
    nothing else. A file that cannot be reached is left to the reader, which says why.
    A recording inside a Hikvision ring file is asked of the card's index as it is now
    (recorded_over); `sources` are the recordings folders by id (their zone and clock
    offset place its times). A recorder's rows (no file here) are left out. On a card
    keeping local times, a time moved by exactly a clock change's step is one when the file
    still reads as it was indexed (read_as_indexed)."""
    out, ranged = [], []
    local = LocalTimeDisks()
    for row in rows:
        if row.status == "remote":
            continue
        if row.ranged:
            ranged.append(row)
            continue
        try:
            st = os.stat(row.path)
        except OSError:
            continue
        if not same_recording(row, st.st_size, st.st_mtime_ns, sources, local) \
                and row.path not in out:
            out.append(row.path)
    out.extend(p for p in recorded_over(ranged, sources) if p not in out)
    return out


def same_recording(row: FileRow, size: int, mtime_ns: int, sources: Mapping[int, Source],
                   local: LocalTimeDisks) -> bool:
    """Whether `row`'s file, now `size` bytes written last at `mtime_ns`, is still the
    recording indexed: the same size and time; one still being written then may have grown,
    and nothing else; on a card keeping local times, a time a clock change moved by its step
    (this PC's zone's or the camera's), when the file still reads as it was indexed
    (read_as_indexed)."""
    if row.status == "in-progress":
        return size >= row.size and mtime_ns >= row.mtime_ns
    if (size, mtime_ns) == (row.size, row.mtime_ns):
        return True
    source = sources.get(row.source_id)
    return (source is not None
            and clock_change_apart(size, mtime_ns, row.size, row.mtime_ns,
                                   local.steps_ns(source.tz))
            and local(source.root)
            and read_as_indexed(row, source, mtime_ns, local.offset_s(source.root)))


def read_as_indexed(row: FileRow, source: Source, mtime_ns: int,
                    card_offset_s: int | None) -> bool:
    """The file of `row` (in `source`) described again as the scan described it, with the
    size the scan saw and its time now (`mtime_ns`, read with `card_offset_s` as the system
    reads it now: local_times.card_offset_s), gives the same times and picture: what it
    holds is what was indexed. A file that cannot be read is not."""
    try:
        rel = os.path.relpath(row.path, source.root).replace(os.sep, "/")
    except ValueError:   # Windows: on another drive than its folder, so not as indexed
        return False
    facts = parse_path(rel, None if source.layout in ("", "auto") else source.layout)
    frigate = load_frigate_times(Path(source.root)) if row.time_source == "frigate.db" else None
    again = describe(source, row.camera, row.path, rel, row.size, mtime_ns, facts,
                     time.time(), frigate, channel=row.channel, card_offset_s=card_offset_s)
    return _read(again) == _read(row)


def _read(row: FileRow) -> tuple:
    return (row.status, row.start_us, row.end_us, row.alt_start_us, row.time_source,
            row.codec, row.width, row.height, row.fps, row.audio, row.layout)


def recorded_over(rows: Iterable[FileRow], sources: Mapping[int, Source]) -> list[str]:
    """Paths of these ring-file rows whose recording the card's index no longer lists as the
    scan placed it: gone from the index, another end, other times, or its first bytes no
    longer a pack. A recording still being recorded at the scan may have ended since."""
    out: list[str] = []
    rings: dict[int, RingFolders] = {}
    for row in rows:
        source = sources.get(row.source_id)
        if source is None:
            continue
        if source.id not in rings:   # an open recording counts as still being recorded
            rings[source.id] = RingFolders(source, lambda _mtime_ns: True)
        try:
            now = rings[source.id].listed_now(row)
        except OSError:
            continue   # left to the reader, which says why
        if not _same_recording(row, now) and row.path not in out:
            out.append(row.path)
    return out


def _same_recording(row: FileRow, now: FileRow | None) -> bool:
    if now is None or now.start_us != row.start_us:
        return False
    if row.status == "in-progress":   # finished since, or still going: the same start
        return now.status in ("ok", "in-progress")
    return (now.status, now.end_us, now.byte_end) == (row.status, row.end_us, row.byte_end)


def changed_words(paths: list[str]) -> str:
    """What the owner is told when `paths` (at least one) changed since they were indexed."""
    more = f" (and {len(paths) - 1} more)" if len(paths) > 1 else ""
    return (f"the recording {paths[0]}{more} changed after it was indexed (a recorder wrote over "
            "it, or it was replaced), so its times in the index may not be its footage's; "
            "nothing was cut from it: scan the folder again, then export again")


def gone_since_scan(rows: Iterable[FileRow], sources: Mapping[int, Source]) -> list[str]:
    """Paths of these rows whose file is no longer there at all (a recorder's rows left out):
    a recorder deleting its oldest recordings to make room deletes them while they are read.
    A row whose recordings folder (`sources`, by id) is gone too is left out: its drive was
    taken out or its share lost, which the folder's own error says, with what to do."""
    return list(dict.fromkeys(
        r.path for r in rows if r.status != "remote" and not os.path.lexists(r.path)
        and r.source_id in sources and os.path.isdir(sources[r.source_id].root)))


def since_scan_words(rows: Iterable[FileRow], sources: Mapping[int, Source]) -> str | None:
    """What the owner is told when some of these rows' recordings changed, or went away,
    since the scan (changed_words, gone_words); None when each is as it was."""
    rows = list(rows)
    changed = changed_since_scan(rows, sources)
    if changed:
        return changed_words(changed)
    gone = gone_since_scan(rows, sources)
    return gone_words(gone) if gone else None


def gone_words(paths: list[str]) -> str:
    """What the owner is told when `paths` (at least one) went away before or while they were
    cut: not a broken clip, and nothing to repair."""
    more = f" (and {len(paths) - 1} more)" if len(paths) > 1 else ""
    return (f"the recording {paths[0]}{more} is no longer there (a recorder deletes its oldest "
            "recordings to make room for new ones; or it was moved, or its drive was taken "
            "out), so nothing was made: scan the folder again, then export again what is still "
            "recorded")
