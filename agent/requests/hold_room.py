"""Whether a hold's recordings may be copied, checked before anything is: none swapped for a
link since the scan, and room for them on the home folder's disk."""
from __future__ import annotations

import shutil
from pathlib import Path

from agent.index.links import links_out
from agent.index.store import Store
from frp.count_words import counted

# What a hold leaves free on the disk of the home folder: the log, the index and the inbox
# go on writing there.
SPARE_BYTES = 1 << 30


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
