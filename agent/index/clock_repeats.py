"""A camera whose clock was set back after it recorded (reset again by a power cut, to 2000 or
1970, after the owner had set its clock difference once): what it records next gets times it
gave earlier recordings. A folder keeps one clock difference, which places one of those clocks
right and the other at the wrong time, on top of the footage it first recorded there.

Nothing in the files tells which clock is which, so this only finds it and says so: two
recordings of one camera and stream whose times overlap by more than a camera's recordings
ever do (a pre-recording buffer, a segment's last second), other than a copy of the same file
(same size), are two clocks. The scan says it in its notes.
"""
from __future__ import annotations

from dataclasses import dataclass

from agent.index.rows import FileRow
from agent.index.store import Store
from agent.timebase import US, local_text

# Event clips may start a few seconds before the last one ended (a pre-recording buffer);
# a clock set back repeats minutes or more.
OVERLAP_US = 30 * US
# Evidence of the camera's own clock; a file date or a recorder's mirrored row is not.
_CLOCK_SOURCES = ("name", "container", "index00.bin")


@dataclass(frozen=True)
class Repeat:
    """Recordings of `camera` made at times its clock had given others: how many, and the
    first such time (true UTC, as placed)."""

    camera: str
    count: int
    first_us: int


def repeated_times(rows: list[FileRow]) -> list[Repeat]:
    """The cameras among `rows` (one folder's, any order) whose recordings of one stream
    overlap by more than OVERLAP_US, a copy of a file (the same size and times) aside."""
    found: dict[str, list[int]] = {}
    usable = sorted((r for r in rows if r.status == "ok" and r.time_source in _CLOCK_SOURCES
                     and r.start_us is not None and r.end_us is not None),
                    key=lambda r: (*_kind(r), r.start_us, r.end_us))
    last: FileRow | None = None
    for row in usable:
        if last is not None and _kind(last) == _kind(row):
            copy = (row.size, row.start_us, row.end_us) == (last.size, last.start_us,
                                                            last.end_us)
            if not copy and min(row.end_us, last.end_us) - row.start_us > OVERLAP_US:
                found.setdefault(row.camera, []).append(row.start_us)
            if row.end_us <= last.end_us:
                continue   # the one reaching furthest is what the next is held to
        last = row
    return [Repeat(camera, len(starts), min(starts)) for camera, starts in sorted(found.items())]


def _kind(row: FileRow) -> tuple[str, str, str, str, str]:
    """What one recorder writes one after another: a camera's stream, as one layout names
    it, placed by one kind of evidence (an export or a clip copied beside the recordings,
    placed by its container, repeats their times without any clock having gone back)."""
    return (row.camera, row.channel, row.stream or "", row.layout or "", row.time_source or "")


def source_repeats(store: Store, source_id: int) -> list[Repeat]:
    """repeated_times of a registered folder's recordings, as indexed now."""
    return repeated_times([row for camera in set(store.names.for_source(source_id).values())
                           for row in store.files(camera)])


def repeat_words(repeat: Repeat, zone_name: str) -> str:
    """What the owner is told of a camera's repeated times."""
    many = f"{repeat.count} recordings" if repeat.count != 1 else "1 recording"
    verb = "overlap" if repeat.count != 1 else "overlaps"
    return (f"{many} of {repeat.camera} (the first at {local_text(repeat.first_us, zone_name)}) "
            f"{verb} others at the same times by its clock: the camera's clock was set back "
            "between them (a power cut resets many cameras to 2000 or 1970), and "
            "the one clock difference this folder keeps places only one of those clocks "
            "right, so some of these recordings are shown at the wrong time; check the "
            "camera's times before sending or exporting any of them")
