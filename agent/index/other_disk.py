"""Whether a recordings folder now holds another disk than the one its recordings were indexed
from: a card reader's drive letter or a mount point holds whichever card is put in it, and
another camera's card scanned as this folder's would have its footage indexed, and one day
sealed, as this camera's.

Judged before a scan writes anything. Where the system names the disk (disk_identity.py: a
file system's own serial or UUID, which no reader or slot changes), the name decides: as before,
the same disk; another, another disk, whatever it holds (a copy of the card on a new one is the
owner's to say). Where it names none, the disk is the same when a recording indexed from the
folder is still there as it was (same path, size and date; inside a ring file, the same bytes
listed by its folder's index), and another when none is and the folder holds recordings all
the same. A camera that recorded over everything indexed while the app was
closed looks like that too: the owner says so once (`scan PATH --new-disk`).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from agent.index.disk_identity import volume_identity
from agent.index.layouts import looks_like_recording, parse_path
from agent.index.local_times import LocalTimeDisks, as_it_was
from agent.index.ring_files import indexed_ranges, is_ring_name
from agent.index.walk import walk


class OtherDisk(Exception):
    """The folder holds another disk than the one indexed: nothing is scanned, nothing lost."""


def same_disk(store, source_id: int, root: Path, known: dict[str, tuple[int, int, bool]],
              new_disk: bool) -> None:
    """OtherDisk unless `root` holds the disk the rows of the source (`known`, in its `store`)
    came from, or the owner said it is a new one (`new_disk`); the disk's identity is kept
    for the next scan."""
    kept, now = store.disk(source_id), volume_identity(str(root))
    if not new_disk:
        judge(root, known, kept, now, lambda: store.ranges(source_id))
    if now is not None and now != kept:
        store.set_disk(source_id, now)


def judge(root: Path, known: dict[str, tuple[int, int, bool]], kept: str | None,
          now: str | None, ranges: Callable[[], dict[str, set[tuple[int, int]]]] = dict) -> None:
    """Raise OtherDisk when `root` holds another disk than the one its `known` rows (path ->
    size, mtime, settled) came from; `kept` is the identity kept for it, `now` the disk's,
    `ranges` gives the byte ranges of the recordings indexed inside ring files."""
    if not known or (kept is not None and kept == now):
        return
    if kept is not None and now is not None:   # a file system's own name: another card's
        raise OtherDisk(other_disk_words(root))
    local = LocalTimeDisks()
    if any(_still_there(p, size, mtime, settled, str(root), local)
           for p, (size, mtime, settled) in known.items()
           if not is_ring_name(os.path.basename(p))):
        return
    if _ring_recording_there(ranges()):
        return
    if _holds_recordings(root):
        raise OtherDisk(other_disk_words(root))


def other_disk_words(root: Path) -> str:
    """What the owner reads: what happened, what was kept, and the two ways on."""
    return (f"the recordings folder {root} now holds another disk than the one its "
            "recordings were indexed from (another card or drive in the same slot?); nothing "
            "was scanned and every recording indexed from it is kept. Put its "
            "own card or drive back; if this is a new card for the same camera, scan it with "
            f"`footage-agent scan {root} --new-disk`; if it is another camera's, copy its "
            "recordings to a folder of their own and add that folder with that camera's name")


def _still_there(path: str, size: int, mtime_ns: int, settled: bool, root: str,
                 local: LocalTimeDisks) -> bool:
    """The indexed file is there as it was: same size and date (a date kept below zero means
    the row is to be looked at again, so only its size is compared; on a card in `root`
    keeping local times, a date a clock change moved counts as the same), or, still being
    written when indexed, there and no smaller. Sizes alone say little: many recorders write files of one fixed size."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    if not settled:
        return st.st_size >= size > 0
    if st.st_size != size or size <= 0:
        return False
    return mtime_ns < 0 or as_it_was(st.st_size, st.st_mtime_ns, size, mtime_ns, root, local)


def _ring_recording_there(ranges: dict[str, set[tuple[int, int]]]) -> bool:
    """A recording indexed inside a ring file is still listed by its folder's index at the
    same bytes. Every Hikvision card has ring files of one size under the same names, and a
    ring file's date changes as the camera records on, so neither says which card it is."""
    folders: dict[str, set[tuple[str, int, int]]] = {}
    for path, spans in ranges.items():
        folder = os.path.dirname(path)
        if folder not in folders:
            folders[folder] = indexed_ranges(folder)
        name = os.path.basename(path)
        if any((name, start, end) in folders[folder] for start, end in spans):
            return True
    return False


def _holds_recordings(root: Path) -> bool:
    """The folder holds at least one file a recorder writes (the walk stops at the first)."""
    for _path, rel, _st, error, _link in walk(root, None):
        if error is None and rel is not None and (
                parse_path(rel, None) is not None or looks_like_recording(rel)):
            return True
    return False
