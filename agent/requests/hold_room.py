"""Whether a hold's recordings may be copied, checked before anything is: none swapped for a
link since the scan, room for them on the home folder's disk, and on Windows paths short enough
for them (path_problem); and one hold's room check and copies at a time in a home (room_turn)."""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
from pathlib import Path
from typing import Callable

from agent import file_locks
from agent.export.naming import utf16_units
from agent.export.path_room import (WINDOWS_MAX_PATH, clip_path_length, long_paths_enabled,
                                    windows_room_problem)
from agent.file_locks import Busy, open_lock
from agent.index.disk_identity import volume_identity
from agent.index.links import links_out
from agent.index.other_disk import OtherDisk, judge
from agent.index.ring_files import INDEX_NAMES, SQLITE_INDEX
from agent.requests.hold_copies import CopyCancelled, copy_names
from agent.requests.hold_names import unique_name
from agent.index.store import Store
from agent.storage import distinct_name
from frp.count_words import counted

# What a hold leaves free on the disk of the home folder: the log, the index and the inbox
# go on writing there.
SPARE_BYTES = 1 << 30
# The home-wide turn of holds' copying (room_turn), in the home's `locks/`.
ROOM_LOCK = "holds-room.lock"
_TRY_EVERY_S = 0.05   # between tries while another hold copies: a stop is heard at once
# The longest name a recorder's piece has in its camera's folder of the hold as it arrives:
# named only then, by the recorder's own name made safe (storage.safe_name: 64 characters at
# most), numbered apart from another (`-2`), hidden while written (recorders/fetch.py).
_PIECE_ARRIVING = f".{'n' * 64}-2.partial-{'0' * 8}"


@contextlib.contextmanager
def room_turn(home: Path, cancel: threading.Event | None = None,
              on_wait: Callable[[], None] | None = None):
    """`with room_turn(home, cancel):` the room check and copies of one hold, whatever its
    request, in this home at a time, across the app's threads and other processes. A hold of
    each of two requests at once (the poll thread's and the owner's, or the app's and a
    terminal's) each found the room for its own copies alone, and together filled the disk.
    Waits for a hold copying now; CopyCancelled once `cancel` is set meanwhile; OSError
    when the lock file cannot be opened (`locks/` is made by the caller). `on_wait` is called
    once as it starts to wait, only when it does (the app says so)."""
    fd = open_lock(Path(home) / "locks" / ROOM_LOCK)
    try:
        waiting = cancel or threading.Event()
        while True:
            try:
                file_locks.lock_file(fd, wait=False)
                break
            except Busy:
                if on_wait is not None:
                    on_wait()
                    on_wait = None
                # waited in tries, not blocked in the lock, so the owner's stop is heard
                if waiting.wait(_TRY_EVERY_S):
                    raise CopyCancelled() from None
        try:
            yield
        finally:
            file_locks.unlock_file(fd)
    finally:
        os.close(fd)


def copy_problem(home: Path, store: Store, rows: list, start_us: int, end_us: int,
                 folder: str = "", taken: set[str] | None = None) -> str | None:
    """Why the recordings `rows` may not be copied into the hold `folder` (None when they may):
    one is now a link out of its recordings folder, which is never read, path_problem or
    room_problem. `taken`: the names the hold has already (an addition's: hold_top_up)."""
    for path in links_out(store.sources(), rows):  # swapped for a link since the scan
        return (f"{path} is now a link to a file outside its recordings folder, which is never "
                "read; scan the folder again")
    return (disk_problem(store, rows) or path_problem(home, folder, rows, taken)
            or room_problem(home, rows, start_us, end_us))


def disk_problem(store: Store, rows: list) -> str | None:
    """Why nothing may be copied when a recordings folder of `rows` now holds another disk than
    the one its recordings were indexed from (another camera's card in the reader slot: the
    scan's own judgement, index/other_disk.py), or None. Its files under the indexed names
    were copied as the window's recordings; those it lacks were said deleted to make room,
    while they were on the card out of the slot."""
    for source in store.sources():
        if not any(r.source_id == source.id and r.status != "remote" for r in rows):
            continue
        root = Path(source.root)
        try:
            with os.scandir(root) as listing:
                if next(listing, None) is None:
                    continue   # nothing there: its copy says to connect the drive
        except OSError:
            continue
        try:
            judge(root, store.file_stats(source.id), store.disk(source.id),
                  volume_identity(str(root)), lambda: store.ranges(source.id))
        except OtherDisk:
            return (f"the recordings folder {root} now holds another disk than the one its "
                    "recordings were indexed from (another card or drive in the same slot?), "
                    "so nothing was copied: put its own card or drive back, then hold it again")
    return None


def path_problem(home: Path, folder: str, rows: list, taken: set[str] | None = None, *,
                 windows: bool | None = None, probe=None) -> str | None:
    """Why the copies of `rows` cannot be made in the hold `folder` of `home` on Windows, or
    None (always None but on Windows): the longest copy's path, in its hidden folder
    (`holds/.<folder>.partial-XXXXXXXX/<camera>/<name>`), past the 259 characters Windows
    takes unless long paths are turned on (agent/export/path_room.py). The names are short
    (hold_names), so only a deep home passes it; the copy failed part way, its words a bare
    "No such file or directory". An addition's copies are named apart from the names the
    hold has already (`taken`, lower case), as copy_recordings names them: a recording grown
    since it was held is copied again as `name-2.mp4`. A recorder's pieces are named only as
    they arrive: weighed by the longest name one can have then."""
    if not (os.name == "nt" if windows is None else windows):
        return None
    inside = longest_inside(folder, rows, taken)
    if windows_room_problem(str(home), inside, long_paths=False) is None \
            or long_paths_enabled(probe):
        return None
    return (f"footage-agent's own folder {home} is too deep for Windows to hold this request's "
            f"safe copy: its longest copy's path would be {clip_path_length(str(home), inside)} "
            f"characters, and Windows allows {WINDOWS_MAX_PATH} unless long paths are turned on. "
            "Ask whoever looks after this computer to turn them on (as an administrator, "
            "'Enable Win32 long paths' in the Local Group Policy Editor, or LongPathsEnabled set "
            "to 1 in the registry), then start the app again; nothing was copied")


def longest_inside(folder: str, rows: list, taken: set[str] | None = None) -> int:
    """UTF-16 units the longest copy of `rows` adds to the home's path, in the hold's hidden
    folder, named as hold_copies.copy_names names them (apart from `taken`); a recorder
    camera's piece, in the folder its download gets (holds._download_all, or an addition's
    hold_downloads.download_missing), by the longest name it can have as it arrives."""
    longest = []
    for _row, name, ring_folder in copy_names([r for r in rows if r.status != "remote"],
                                              taken):
        if ring_folder is not None:
            longest += [f"{ring_folder}/{n}" for n in (*INDEX_NAMES, SQLITE_INDEX)]
        longest.append(name)
    folders = set(taken or ())
    for camera in dict.fromkeys(r.camera for r in rows if r.status == "remote"):
        folder = distinct_name(camera) if taken is None else unique_name(
            distinct_name(camera), folders)
        longest.append(f"{folder}/{_PIECE_ARRIVING}")
    staged = f"\\holds\\.{folder}.partial-{'0' * 8}\\"
    return max((utf16_units(staged + n.replace("/", "\\")) for n in longest), default=0)


def room_problem(home: Path, rows: list, start_us: int, end_us: int) -> str | None:
    """Why nothing may be copied, when the copies would leave less than SPARE_BYTES free on
    the home folder's disk (None when they leave enough): a request's window (up to seven days of every camera it
    names) filled the disk, and the log, index and inbox with it. A recorder's recording is
    weighed by the window's share of the size its listing gave (one it gave none for, 0, is
    known only as it arrives)."""
    need = sum(_share(r, start_us, end_us) for r in rows)
    try:
        free = shutil.disk_usage(home).free
    except OSError:
        return None   # cannot tell: a copy the disk cannot take still fails, leaving nothing
    if need + SPARE_BYTES > free:
        what = counted(len(rows), "recording covering the window takes",
                       "recordings covering the window take")
        return (f"the {what} {need:,} bytes and the disk of {home} has {free:,} bytes free; a "
                f"hold leaves {SPARE_BYTES:,} free, so nothing was copied. Free some space "
                "there, then hold it again")
    return None


def _share(row, start_us: int, end_us: int) -> int:
    """The bytes a hold of [start, end) takes of a recording: a file's whole size (it is copied
    whole); a recorder's, the part of its listed size the window overlaps (downloaded cut to
    the window, give or take a keyframe's worth)."""
    if row.status != "remote":
        return row.size
    if row.start_us is None or row.end_us is None or row.end_us <= row.start_us:
        return row.size
    inside = min(end_us, row.end_us) - max(start_us, row.start_us)
    return row.size * max(0, min(inside, row.end_us - row.start_us)) // (row.end_us - row.start_us)
