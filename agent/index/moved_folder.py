"""Whether a folder being added holds the recordings of a registered folder that is not there
now: the same card or drive at another drive letter (Windows gives a drive the first free
letter, so with a phone or another stick plugged in first, the card that was E: is F:), the
same disk mounted elsewhere, or a copy of it.

Added as it is, it became a second camera over the same footage (the folder's name, numbered:
`DCIM-2`), while the first kept its rows, so the footage was indexed twice, under two names,
and the camera the owner registered with an agency had none to scan once the card was back
at its letter. Judged by the recordings alone, as other_disk.py judges a disk with no name:
one indexed from the folder is at the same place below the new one, the same size and date
(on a card keeping local times, a date a clock change moved by an hour is the same:
local_times.py). A registered folder is not there when it is gone, empty (a mount point left
by the card taken out, as Linux leaves one of /etc/fstab or made by hand) or holding another
disk (other_disk.py: another camera's card put in that slot): its card read in a second reader
is that card, not a camera of its own.
"""
from __future__ import annotations

import os
from pathlib import Path

from agent.index.disk_identity import volume_identity
from agent.index.local_times import LocalTimeDisks, as_it_was
from agent.index.other_disk import OtherDisk, judge
from agent.index.ring_files import is_ring_name

SAMPLE = 64   # recordings looked for at most: a moved card has them all, a stranger none


def moved_here(root: Path, old_root: str, known: dict[str, tuple[int, int, bool]]) -> bool:
    """True when a finished recording indexed from `old_root` (`known`: path -> size,
    mtime_ns, settled, as Store.file_stats gives) is in `root` at the same place below it, of
    the same size and date. A ring file (one size on every card, its date moving as the camera
    records on) and a row to be looked at again (a date below zero) say nothing."""
    looked, local = 0, LocalTimeDisks()
    for path, (size, mtime_ns, settled) in known.items():
        if not settled or size <= 0 or mtime_ns < 0 or is_ring_name(os.path.basename(path)):
            continue
        try:
            rel = Path(path).relative_to(old_root)
        except ValueError:
            continue
        looked += 1
        if looked > SAMPLE:
            return False
        try:
            st = os.stat(root / rel)
        except (OSError, ValueError):
            continue
        if as_it_was(st.st_size, st.st_mtime_ns, size, mtime_ns, str(root), local):
            return True
    return False


def in_its_place(root: str, known: dict[str, tuple[int, int, bool]], kept: str | None,
                 ranges) -> bool:
    """Whether the registered folder `root` is there with its own disk: a folder holding
    something, and not another disk than the one its rows (`known`, Store.file_stats; `kept`
    its disk's identity, `ranges` Store.ranges for it) were indexed from."""
    try:
        with os.scandir(root) as listing:
            if next(listing, None) is None:
                return False
    except OSError:
        return False
    try:
        judge(Path(root), known, kept, volume_identity(root), ranges)
    except OtherDisk:
        return False
    return True
