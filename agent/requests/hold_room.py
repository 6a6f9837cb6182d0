"""Whether a hold's recordings may be copied, checked before anything is: none swapped for a
link since the scan, and room for them on the home folder's disk; and one hold's room check
and copies at a time in a home (room_turn)."""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
from pathlib import Path

from agent import file_locks
from agent.file_locks import Busy, open_lock
from agent.index.links import links_out
from agent.requests.hold_copies import CopyCancelled
from agent.index.store import Store
from frp.count_words import counted

# What a hold leaves free on the disk of the home folder: the log, the index and the inbox
# go on writing there.
SPARE_BYTES = 1 << 30
# The home-wide turn of holds' copying (room_turn), in the home's `locks/`.
ROOM_LOCK = "holds-room.lock"
_TRY_EVERY_S = 0.05   # between tries while another hold copies: a stop is heard at once


@contextlib.contextmanager
def room_turn(home: Path, cancel: threading.Event | None = None):
    """`with room_turn(home, cancel):` the room check and copies of one hold, whatever its
    request, in this home at a time, across the app's threads and other processes. A hold of
    each of two requests at once (the poll thread's and the owner's, or the app's and a
    terminal's) each found the room for its own copies alone, and together filled the disk.
    Waits for a hold copying now; CopyCancelled once `cancel` is set meanwhile; OSError
    when the lock file cannot be opened (`locks/` is made by the caller)."""
    fd = open_lock(Path(home) / "locks" / ROOM_LOCK)
    try:
        waiting = cancel or threading.Event()
        while True:
            try:
                file_locks.lock_file(fd, wait=False)
                break
            except Busy:
                # waited in tries, not blocked in the lock, so the owner's stop is heard
                if waiting.wait(_TRY_EVERY_S):
                    raise CopyCancelled() from None
        try:
            yield
        finally:
            file_locks.unlock_file(fd)
    finally:
        os.close(fd)


def copy_problem(home: Path, store: Store, rows: list, start_us: int, end_us: int) -> str | None:
    """Why the recordings `rows` may not be copied into a hold (None when they may): one is now
    a link out of its recordings folder, which is never read, or room_problem."""
    for path in links_out(store.sources(), rows):  # swapped for a link since the scan
        return (f"{path} is now a link to a file outside its recordings folder, which is never "
                "read; scan the folder again")
    return room_problem(home, rows, start_us, end_us)


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
