"""What a safe copy copies of a request's window, and how: shared by making one (holds.py) and
adding to one (hold_top_up.py), which must choose the window's recordings alike and give
their copies names alike, or an addition would miss what a hold would have taken, or copy it
under a name the hold already has.

Each recording is copied whole, hashed as its bytes pass (the copy is those bytes), under its
own name made safe for file names in a folder named for its camera; a Hikvision card's ring
files go into a folder named for their own, with the card's index, which says where each
recording lies in them. Sources are only ever opened for reading.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Mapping

from agent.callbacks import call_safely
from agent.export.hashed_files import read_chunks, write_hashed
from agent.index.changed import same_recording
from agent.index.coverage import USABLE
from agent.index.local_times import LocalTimeDisks
from agent.index.ring_files import INDEX_NAMES, SQLITE_INDEX
from agent.index.rows import Source
from agent.index.store import Store
from agent.requests.hold_names import copy_name, unique_name
from agent.storage import distinct_name
from agent.timebase import TimeError, format_utc, parse_rfc3339

_KEPT = USABLE + ("ambiguous",)

# The stages a safe copy reports to its job's progress(stage, fraction): opening a request file
# in the app with "keep a safe copy" on copies its window before the job ends, minutes for a big
# one, and the app says which of these it is at (HOLD_COPYING with the share copied).
HOLD_WAITING = "waiting for another request's safe copy"
HOLD_COPYING = "copying into the safe copy"
HOLD_DOWNLOADING = "downloading into the safe copy"


class CopyProgress:
    """A job's `progress` told of a safe copy's bytes as they are copied: HOLD_COPYING with the
    share of `total` (the recordings' sizes) copied so far, once per percent."""

    def __init__(self, progress: Callable[[str, float], None] | None, total: int):
        self.progress, self.total, self.done, self.said = progress, max(total, 1), 0, -1
        self(0)

    def __call__(self, n: int) -> None:
        self.done += n
        percent = min(100, self.done * 100 // self.total)
        if percent != self.said:
            self.said = percent
            call_safely(self.progress, HOLD_COPYING, percent / 100)


class CopyCancelled(Exception):
    """The owner stopped the copy (its caller says what was kept)."""


@dataclass(frozen=True)
class HeldFile:
    """One copied recording: where it came from, its name in the hold, its size and hash."""

    source: str
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class GoneRecording:
    """A recording of the window passed over by a safe copy: deleted from its folder (a
    recorder making room) before its copy began, so the copy does not hold it. Its camera and
    seconds (true UTC, as the index had them) let the request's page say which stretch."""

    source: str
    camera: str
    start_us: int
    end_us: int


def gone_recordings(rows: list) -> tuple[GoneRecording, ...]:
    """The rows copy_recordings passed over (its `gone`), as the hold records them."""
    return tuple(GoneRecording(r.path, r.camera, r.start_us, r.end_us) for r in rows)


def gone_record(gone: tuple[GoneRecording, ...]) -> list[dict]:
    """`gone` as hold.json lists them (`gone`: source, camera, start and end in UTC)."""
    return [{"source": g.source, "camera": g.camera, "start": format_utc(g.start_us),
             "end": format_utc(g.end_us)} for g in gone]


def read_gone(doc: dict) -> tuple[GoneRecording, ...]:
    """The recordings hold.json's `gone` lists. Only said, never cut from: an entry not as
    footage-agent writes it (edited by hand) is left out rather than the hold refused."""
    listed, out = doc.get("gone"), []
    for g in listed if isinstance(listed, list) else ():
        try:
            gone = GoneRecording(g["source"], g["camera"], parse_rfc3339(g["start"]),
                                 parse_rfc3339(g["end"]))
        except (KeyError, TypeError, ValueError, AttributeError, TimeError):
            continue
        if isinstance(gone.source, str) and isinstance(gone.camera, str) \
                and gone.start_us < gone.end_us:
            out.append(gone)
    return tuple(out)


def covering_files(store: Store, start_us: int, end_us: int,
                   cameras: tuple[str, ...] = ()) -> list:
    """Index rows of usable recordings overlapping [start, end) (only these cameras if given),
    and those of the repeated fall-back hour: never exported, but either pass may be the one
    asked for, and a safe copy keeps first. One row per file: what is copied."""
    return one_per_file(window_rows(store, start_us, end_us, cameras))


def one_per_file(rows: list) -> list:
    """The first of `rows` (window_rows') for each file: what is copied."""
    out, seen = [], set()
    for row in rows:
        if row.path not in seen:
            seen.add(row.path)
            out.append(row)
    return out


def window_rows(store: Store, start_us: int, end_us: int, cameras: tuple[str, ...] = ()) -> list:
    """covering_files' rows, each recording of a ring file too (they share its path): what a
    hold's placement records, and what an addition weighs against it."""
    return [row for camera in (cameras or (None,))
            for row in store.files(camera, start_us, end_us) if row.status in _KEPT]


def copy_names(rows: list, taken: set[str] | None = None) -> Iterator[tuple]:
    """Each of `rows` (one row per file) with the name its copy takes in the hold, none of
    `taken` (lower case: the names a hold has already), and, for the first of a ring file's
    folder, that folder's name in the hold (its card's index goes there with it), else None:
    what copy_recordings copies to, and what hold_room weighs before."""
    names, rings = set(taken or ()), {}
    for row in rows:
        first_of_ring = None
        if row.ranged:   # a ring file: in a folder of its own, with its card's index
            ring = str(Path(row.path).parent)
            if ring not in rings:
                rings[ring] = first_of_ring = unique_name(
                    f"{distinct_name(row.camera)}/{distinct_name(Path(ring).name)}", names)
            name = unique_name(f"{rings[ring]}/{copy_name(Path(row.path).name)}", names)
        else:
            name = unique_name(f"{distinct_name(row.camera)}/{copy_name(Path(row.path).name)}",
                               names)
        yield row, name, first_of_ring


def copy_recordings(rows: list, staging: Path, cancel: threading.Event | None = None,
                    taken: set[str] | None = None, gone: list | None = None,
                    sources: Mapping[int, Source] | None = None,
                    progress: Callable[[str, float], None] | None = None) -> list[HeldFile]:
    """Copy the files of `rows` (one row per file) into `staging`, each under the name
    copy_names gives it; CopyCancelled once `cancel` is set. `gone` (given) gets each row
    whose recording is no longer there as its copy begins, which is passed over: a request at
    the edge of what a recorder keeps has its oldest recording deleted to make room (a ring
    file is written over in place, never deleted), and the whole copy failing on it left the
    window's other recordings, the ring's next, uncopied. It gets too each whose file is not
    the recording indexed, as its copy begins or once it is copied (a camera recording over
    its oldest files in a loop, under the same names): the copy would be placed at the indexed
    recording's times, and a cut of it would seal other footage as the window's. `sources`, by
    id, the recordings folders the rows were indexed in (_deleted; a card keeping local
    times: changed.same_recording); `progress(stage, fraction)`, a job's, is told the share of
    the rows' bytes copied (CopyProgress)."""
    held, passed, local = [], ([] if gone is None else gone), LocalTimeDisks()
    sources = sources or {}
    copied = None if progress is None else CopyProgress(progress, sum(r.size for r in rows))
    for row, name, ring_folder in copy_names(rows, taken):
        root = sources[row.source_id].root if row.source_id in sources else None
        if gone is not None and not row.ranged and _deleted(row.path, root):
            gone.append(row)
            continue
        if not row.ranged and not _as_indexed(row, os.stat(row.path), sources, local):
            passed.append(row)
            continue
        if ring_folder is not None:
            held += _copy_ring_index(Path(row.path).parent, staging, ring_folder, cancel)
        dest = staging / name
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        size, digest, after = _copy_hashed(Path(row.path), dest, cancel, copied)
        if not row.ranged and not (_as_indexed(row, after, sources, local)
                                   and (row.status == "in-progress" or size == row.size)):
            dest.unlink()   # written over as it was read: not the recording indexed
            passed.append(row)
            continue
        held.append(HeldFile(row.path, name, size, digest))
    return held


def still_indexed(row, sources: Mapping[int, Source], local: LocalTimeDisks) -> bool:
    """Whether `row`'s file (no ring file's) is there and still the recording indexed: one
    deleted or recorded over since the scan is none a copy could hold (copy_recordings)."""
    try:
        return _as_indexed(row, os.stat(row.path), sources, local)
    except (OSError, ValueError):
        return False


def _as_indexed(row, st: os.stat_result, sources: Mapping[int, Source],
                local: LocalTimeDisks) -> bool:
    """Whether `row`'s file, as `st` says it is now, is still the recording the scan indexed
    (changed.same_recording: the same size and time; one being written may have grown). The
    rows of a ring file are not asked: its date changes with every recording the camera adds,
    and its copy is checked against the card's index copied with it. A row whose date is kept
    below zero is to be placed again by the next scan (its folder's zone or clock offset
    changed since: Store.invalidate), so its size alone is compared, as other_disk does."""
    if row.mtime_ns < 0:
        return st.st_size >= row.size if row.status == "in-progress" else st.st_size == row.size
    return same_recording(row, st.st_size, st.st_mtime_ns, sources, local)


def _deleted(path: str, root: str | None = None) -> bool:
    """Whether the recording at `path` was deleted from a recordings folder still holding others
    (a recorder making room), not out of reach with it (a card or drive taken out, a share not
    connected: its copy fails, saying to connect it). Its recordings folder (`root`, the one it
    was indexed in) still there and holding something says so, its own folder gone or not: a
    recorder keeping a folder a day deletes the day's folder with its last recording."""
    if os.path.lexists(path):
        return False
    for folder in dict.fromkeys((os.path.dirname(path), *((root,) if root else ()))):
        try:
            with os.scandir(folder) as entries:
                if next(entries, None) is not None:
                    return True
        except OSError:
            continue
    return False


def _copy_ring_index(ring: Path, staging: Path, folder: str,
                     cancel: threading.Event | None) -> list[HeldFile]:
    """Copy the index files of a folder of Hikvision ring files: they say which recording
    lies at which bytes, and a cut of the copies checks its rows against them
    (changed.recorded_over) as it does against the card's own."""
    (staging / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
    held = []
    for name in (*INDEX_NAMES, SQLITE_INDEX):
        if (ring / name).is_file():
            size, digest, _st = _copy_hashed(ring / name, staging / folder / name, cancel)
            held.append(HeldFile(str(ring / name), f"{folder}/{name}", size, digest))
    return held


def _copy_hashed(src: Path, dest: Path, cancel: threading.Event | None,
                 copied: Callable[[int], None] | None = None
                 ) -> tuple[int, str, os.stat_result]:
    """Copy src to a new file, hashing the bytes as they pass; returns (size, sha256 hex, and
    src's stat once copied)."""
    def chunks():
        for chunk in read_chunks(src):
            if cancel is not None and cancel.is_set():
                raise CopyCancelled()
            yield chunk
            if copied is not None:
                copied(len(chunk))

    digest, size = write_hashed(dest, chunks())
    st = os.stat(src)
    os.utime(dest, ns=(st.st_atime_ns, st.st_mtime_ns))  # the copy's, never the source's
    return size, digest, st
