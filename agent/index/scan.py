"""Walking a source and indexing what changed.

A scan only reads: it lists folders, stats files and reads container headers. Unchanged files
(same path, size and mtime) are skipped. Nothing a scan meets stops it: unreadable folders,
empty or damaged files and names no recorder writes all become rows with a status and a reason.
"""
from __future__ import annotations

import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from agent.callbacks import call_safely
from agent.index.clock_repeats import repeat_words, source_repeats
from agent.index.describe import UNREAD, describe, recent
from agent.index.frigate_db import load_frigate_times
from agent.index.layouts import looks_like_recording, parse_path
from agent.index.local_times import card_offset_now
from agent.index.other_disk import same_disk
from agent.index.ring_files import RingFolders, is_ring_name
from agent.index.rows import FileRow, Source
from agent.index.store import Store
from agent.index.walk import walk

_BATCH = 5000
PROGRESS_EVERY = 200   # files looked at between two progress calls


@dataclass(frozen=True)
class ScanReport:
    """What one scan of one source did."""

    source: str
    seen: int
    added: int
    updated: int
    unchanged: int
    removed: int
    statuses: dict = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()   # worth telling the owner, not a problem (a recorder's clock)


def scan_source(store: Store, source: Source, cancel: threading.Event | None = None,
                now: float | None = None, within: list[str] | None = None,
                files: dict[str, set[str]] | None = None,
                progress: Callable[[int], None] | None = None,
                new_disk: bool = False) -> ScanReport:
    """Index one source incrementally; returns counts and the problems it met.

    `within`: only these folders of it, and what is inside them (walk.subfolders gives them),
    and `files`: these files, by the folder holding them (walk.walked_files): the watcher's
    rescan of what changed, so a folder of weeks of recordings costs a look at the file being
    written, or a walk of the day it is in, not a walk of every day before it. A folder or a
    file of them that is gone takes its rows with it. `progress` is told how many files the
    walk has looked at, every PROGRESS_EVERY and at the end (a share of tens of thousands
    takes minutes the first time: the owner sees it move). OtherDisk, before anything is
    written, when the folder now holds another disk than the one indexed (other_disk.py),
    unless `new_disk`: the owner said it is a new disk of the same camera."""
    if files and within is None:
        within = []
    root = Path(source.root)
    if not root.is_dir():
        raise FileNotFoundError(f"the recordings folder {root} is missing: connect the drive it "
                                "is on, or forget it with `footage-agent sources remove`")
    try:
        with os.scandir(root) as listing:
            empty = next(listing, None) is None
    except OSError as exc:  # checked first: a drive that cannot be read is one problem, not one per file
        why = (exc.strerror or type(exc).__name__).lower()
        raise OSError(f"the recordings folder {root} cannot be read ({why}): check that the drive "
                      "is connected and that your user account may open that folder") from None
    known = store.file_stats(source.id)
    if empty and known:
        raise FileNotFoundError(empty_words(root))
    same_disk(store, source.id, root, known, new_disk)
    if within is not None:
        tops = tuple(os.path.join(f, "") for f in within)
        named = set().union(*(files or {}).values())
        known = {p: v for p, v in known.items() if p.startswith(tops) or p in named}
        within = [f for f in within if os.path.isdir(f)]
    frigate = load_frigate_times(root)
    now = time.time() if now is None else now
    layout = None if source.layout in ("", "auto") else source.layout
    names = CameraNames(store, source)
    cameras = names.known   # channel -> camera name, filled as the walk meets channels
    rings = RingFolders(source, lambda mtime_ns: recent(mtime_ns, now))
    card = card_offset_now(str(root), now)   # asked once: the folder's drive, as it is read now
    seen: set[str] = set()
    blocked: list[str] = []
    problems: list[str] = []
    batch: list[FileRow] = []
    replaced: list[str] = []   # ring files whose rows are written anew
    statuses: Counter = Counter()
    added = updated = 0
    looked = -1
    try:
        for looked, (path, rel, st, error, link) in enumerate(_walked(root, within, files)):
            if cancel is not None and cancel.is_set():
                break
            if (looked + 1) % PROGRESS_EVERY == 0:   # counting the one looked at now
                call_safely(progress, looked + 1)
            if error is not None:
                if rel is None:
                    blocked.append(path + os.sep)
                problems.append(f"{path}: {error}")
                if path not in known and path not in seen:
                    added += 1   # new to the index, as any file met for the first time
                seen.add(path)
                batch.append(_unreadable(source, names.camera(""), path, error, folder=rel is None))
                continue
            mtime = st.st_mtime_ns
            ring = "hiv" in rel and is_ring_name(rel[rel.rfind("/") + 1:])
            if ring:   # its rows come from the index beside it: they change when it does
                mtime = max(mtime, rings.index_mtime(os.path.dirname(path)))
            old = known.get(path)
            if old == (st.st_size, mtime, True) and not recent(st.st_mtime_ns, now):
                seen.add(path)
                continue
            facts = parse_path(rel, layout)
            if facts is None and not looks_like_recording(rel):
                continue
            seen.add(path)
            if old is None:
                added += 1
            elif old[1] != UNREAD:   # one that could not be read is looked at, not changed
                updated += 1
            if ring and facts is not None and facts.layout == "hikvision":
                rows = rings.rows(path, st.st_size, mtime, names.camera)
                replaced.append(path)
                statuses.update(r.status for r in rows)
                batch.extend(rows)
            else:
                channel = (facts.camera or "") if facts else ""
                row = describe(source, cameras.get(channel) or names.camera(channel), path, rel,
                               st.st_size, mtime, facts, now, frigate, link, channel, card)
                statuses[row.status] += 1
                if row.mtime_ns == UNREAD:   # said at every scan until it can be read
                    problems.append(f"{path}: {row.reason}")
                elif old is not None and old[1] == UNREAD:
                    updated += 1   # readable now
                batch.append(row)
            if len(batch) >= _BATCH:
                store.upsert(batch, replaced)
                batch.clear()
                replaced.clear()
        store.upsert(batch, replaced)
        call_safely(progress, looked + 1)
    finally:
        names.settle(walked=within is None and (cancel is None or not cancel.is_set()))
    problems += rings.left_out()   # said at each scan that meets its ring files
    gone = [p for p in known if p not in seen and not any(p.startswith(b) for b in blocked)]
    if cancel is None or not cancel.is_set():
        store.delete_paths(gone)
    else:
        gone = []
    # A whole folder's scan says, each time, what no single file shows: a camera's clock set
    # back after its recordings, so two clocks' recordings share its times (clock_repeats).
    whole = within is None and (cancel is None or not cancel.is_set())
    notes = () if not whole else tuple(
        repeat_words(r, source.tz) for r in source_repeats(store, source.id))
    return ScanReport(source.root, len(seen), added, updated, len(seen) - added - updated,
                      len(gone), dict(statuses), tuple(problems), notes)


def _walked(root: Path, within: list[str] | None, files: dict[str, set[str]] | None):
    """walk's items for the whole source, or for the folders `within` then the `files`."""
    yield from walk(root, within)
    for folder, paths in sorted((files or {}).items()):
        if os.path.isdir(folder):
            yield from walk(root, [folder], only=paths)


class CameraNames:
    """The camera of each channel a scan of one source meets (cameras.py names them)."""

    def __init__(self, store: Store, source: Source):
        self._book = store.names
        self._source = source.id
        self.known = self._book.for_source(source.id)

    def camera(self, channel: str) -> str:
        """The camera name for files of this channel ('' = the path names none)."""
        name = self.known.get(channel)
        if name is None:
            name = self.known[channel] = self._book.meet(self._source, channel)
        return name

    def settle(self, walked: bool) -> None:
        """After the walk: if the folder turned out to hold several channels, the first one
        met gets its own name too (cameras.py)."""
        self._book.settle(self._source, walked)


def empty_words(root: Path) -> str:
    """Why a folder found empty is not scanned: a network share or card that is not mounted
    leaves its mount point as an empty folder, and scanned, every recording would be gone
    from the index until it is back. Its rows wait until the folder holds anything again."""
    return (f"the recordings folder {root} is empty, but recordings from it are indexed: connect "
            "the drive or network share it is on (one that is not connected leaves an empty "
            "folder); what was indexed from it is kept until the folder holds files again")


def _unreadable(source: Source, camera: str, path: str, error: str, folder: bool) -> FileRow:
    if folder:
        status, reason = "damaged", (f"folder cannot be read ({error}); what was indexed inside it "
                                     "is kept, and the rest waits until it can be read")
    else:
        status, reason = "unsupported", error
    return FileRow(source_id=source.id, path=path, camera=camera, start_us=None,
                   end_us=None, size=0, mtime_ns=0, layout=None, status=status, reason=reason)
