"""Index rows for the recordings inside Hikvision ring files (`datadir<N>/hiv<NNNNN>.mp4`).

A ring file is not one recording: index00.bin beside it (hikvision.py reads it) lists the
recordings it holds, each a byte range with a start and an end. Each becomes a row: the ring
file's path, the range, the times from the index (the camera's wall clock, placed with the
source's zone and clock offset like a name), `time_source` "index00.bin", and the facts of the
footage from a probe of the ring file's first recording (one per file: the camera records them
all alike). A range whose bytes no longer start an MPEG-PS pack was recorded over since: it is
listed as damaged, never read as footage. Without a readable index the ring file is listed with
what to do, never placed by its modification time (which means nothing in a ring buffer).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from agent.index.hikvision import (
    PS_PACK,
    RingIndex,
    RingIndexError,
    Segment,
    read_index,
    read_sqlite_index,
)
from agent.index.layouts import NameFacts, NameTime
from agent.index.placement import place
from agent.index.probe import ContainerFacts, ProbeError, probe_range
from agent.index.rows import FileRow, Source

INDEX_NAMES = ("index00.bin", "index01.bin")   # index01.bin is the camera's copy
SQLITE_INDEX = "record_db_index00"              # newer firmware: the same facts in SQLite
_MAX_INDEX = 64 << 20                           # the real image is 16 MiB
TIME_SOURCE = "index00.bin"   # also for record_db_index00: the camera's index either way
# Slots of a card's index that break its rules (hikvision.py: an open slot in a file no longer
# written, times or bytes going back, a slot outside its file's range) are not indexed: their
# footage may be in the ring files all the same, which only the camera's own app can tell.
# Before, they were counted (RingIndex.skipped) and never said: the coverage showed a gap.
LEFT_OUT = ("the camera's index here lists recordings that could not be placed in time "
            "({count}: their times or places in the ring files contradict the rest of the "
            "index, as a recording cut off by a power cut leaves them), so they are not "
            "indexed: if you need them, export them with the camera's own app")


def is_ring_name(name: str) -> bool:
    """Cheap test for `hiv<5 digits>.mp4`, done for every file a scan meets."""
    return len(name) == 12 and name[:3].lower() == "hiv" and name[3:8].isdigit() \
        and name[8:].lower() == ".mp4"


class RingFolders:
    """The ring folders one scan meets: each folder's index is read once."""

    def __init__(self, source: Source, recent: Callable[[int], bool]):
        self._source = source
        self._recent = recent
        self._folders: dict[str, tuple[RingIndex | None, str | None, int]] = {}

    def index_mtime(self, folder: str) -> int:
        """Newest mtime of the folder's index files (0: none): a ring file's rows change when
        its index does, so this counts as the file's own mtime."""
        return self._folder(folder)[2]

    def rows(self, path: str, size: int, mtime_ns: int, camera: Callable[[str], str]) -> list[FileRow]:
        """The rows for one ring file (none for a file the index lists nothing in)."""
        index, problem, _ = self._folder(os.path.dirname(path))
        if index is None:
            return [self._unindexed(path, size, mtime_ns, camera(""), problem)]
        name = os.path.basename(path).lower()
        segments = [s for s in index.segments if s.ring_name == name]
        rows, facts = [], None
        for seg in segments:
            row = self._row(path, size, mtime_ns, camera(f"ch{seg.channel}"), seg)
            if row.status in ("ok", "ambiguous") and facts is None:
                facts = _footage(path, seg)
            rows.append(row)
        if facts is not None:
            rows = [r._replace(codec=facts.codec, width=facts.width, height=facts.height,
                               fps=facts.fps, audio=bool(facts.has_audio))
                    if r.status not in ("damaged", "unsupported") else r for r in rows]
        return rows

    def listed_now(self, row: FileRow) -> FileRow | None:
        """The row a scan would make now for `row`'s recording (the same ring file, first byte
        and channel, as the folder's index lists it today), or None when the index no longer
        lists one there: the camera recorded over it, or its index went."""
        size = os.path.getsize(row.path)   # OSError when it cannot be reached: not "changed"
        index = self._folder(os.path.dirname(row.path))[0]
        if index is None:
            return None
        name = os.path.basename(row.path).lower()
        for seg in index.segments:
            if seg.ring_name == name and seg.byte_start == row.byte_start \
                    and f"ch{seg.channel}" == row.channel:
                return self._row(row.path, size, row.mtime_ns, row.camera, seg)
        return None

    def left_out(self) -> list[str]:
        """A scan problem for each ring folder read in this scan whose index lists recordings
        it could not place (RingIndex.skipped): LEFT_OUT, after the folder."""
        return [f"{folder}: {LEFT_OUT.format(count=index.skipped)}"
                for folder, (index, _problem, _mtime) in sorted(self._folders.items())
                if index is not None and index.skipped]

    # internals ---------------------------------------------------------------------------
    def _folder(self, folder: str) -> tuple[RingIndex | None, str | None, int]:
        if folder not in self._folders:
            self._folders[folder] = _load(folder)
        return self._folders[folder]

    def _row(self, path: str, size: int, mtime_ns: int, camera: str, seg: Segment) -> FileRow:
        end = seg.byte_end if seg.byte_end is not None else size
        status, reasons = "ok", []
        if seg.end is None:
            reasons.append("the camera was still recording this when the card was read: "
                           f"{TIME_SOURCE} gives its start but not its end")
            status = "in-progress" if self._recent(mtime_ns) else "damaged"
        elif end > size:
            status = "damaged"
            reasons.append(f"{TIME_SOURCE} places this recording at bytes {seg.byte_start}-{end}, "
                           f"past the end of the {size}-byte ring file (copied only in part?)")
        elif not _starts_a_pack(path, seg.byte_start):
            status = "damaged"
            reasons.append(f"{TIME_SOURCE} lists a recording at byte {seg.byte_start}, but no "
                           "MPEG-PS pack starts there: the camera has recorded over it since")
        # A slot after its file's clock went back is the repeated hour's second pass: winter
        # time (dst False), as a Reolink name without its DST marker says.
        dst = False if seg.repeated else None
        facts = NameFacts("hikvision", None, NameTime(seg.start, dst),
                          NameTime(seg.end, dst) if seg.end is not None else None)
        placed = place(facts, None, self._source.tz, self._source.clock_offset_s, mtime_ns)
        reasons.extend(placed.notes)
        if status == "ok" and placed.ambiguous:
            status = "ambiguous"
        return FileRow(
            source_id=self._source.id, path=path, camera=camera, start_us=placed.start_us,
            end_us=placed.end_us, size=size, mtime_ns=mtime_ns, layout="hikvision",
            status=status, reason="; ".join(reasons) or None, alt_start_us=placed.alt_start_us,
            channel=f"ch{seg.channel}", time_source=TIME_SOURCE, byte_start=seg.byte_start,
            byte_end=end)

    def _unindexed(self, path: str, size: int, mtime_ns: int, camera: str,
                   problem: str | None) -> FileRow:
        return FileRow(
            source_id=self._source.id, path=path, camera=camera, start_us=None, end_us=None,
            size=size, mtime_ns=mtime_ns, layout="hikvision", status="unsupported",
            reason=f"a Hikvision ring file: the times of the recordings in it are in "
                   f"{INDEX_NAMES[0]}, which {problem}; copy the card's whole datadir folder "
                   "(index files included), or export the clips with the camera's own app",
            channel="")


def indexed_ranges(folder: str) -> set[tuple[str, int, int]]:
    """(ring file name, first byte, end byte) of each finished recording the folder's index
    lists now (none when it has no index that can be read)."""
    index = _load(folder)[0]
    if index is None:
        return set()
    return {(seg.ring_name, seg.byte_start, seg.byte_end) for seg in index.segments
            if seg.byte_end is not None}


def _load(folder: str) -> tuple[RingIndex | None, str | None, int]:
    """(the index, None) or (None, what is wrong), with the index files' newest mtime."""
    problem, newest = "is missing from this folder", 0
    for name in INDEX_NAMES:
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
            newest = max(newest, st.st_mtime_ns)
            with open(path, "rb") as f:
                data = f.read(_MAX_INDEX)
            return read_index(data), None, max(newest, _other_mtimes(folder, name))
        except FileNotFoundError:
            continue
        except OSError as exc:
            problem = f"cannot be read ({(exc.strerror or str(exc)).lower()})"
        except RingIndexError as exc:
            problem = f"is not a readable index ({exc})"
    db = os.path.join(folder, SQLITE_INDEX)
    if problem == "is missing from this folder" and os.path.isfile(db):
        try:
            return read_sqlite_index(Path(db)), None, os.stat(db).st_mtime_ns
        except (RingIndexError, OSError) as exc:
            problem = f"is missing, and {SQLITE_INDEX} cannot be read ({exc})"
    return None, problem, newest


def _other_mtimes(folder: str, used: str) -> int:
    newest = 0
    for name in INDEX_NAMES:
        if name != used:
            try:
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
            except OSError:
                pass
    return newest


def _starts_a_pack(path: str, offset: int) -> bool:
    try:
        with open(path, "rb", buffering=0) as f:
            f.seek(offset)
            return f.read(4) == PS_PACK
    except OSError:
        return False


def _footage(path: str, seg: Segment) -> ContainerFacts | None:
    """Codec, size, rate and sound of a ring file's footage, from one of its recordings."""
    try:
        facts = probe_range(path, seg.byte_start, seg.byte_end)
    except ProbeError:
        return None
    return facts if facts.status == "ok" else None
