"""An addition's new copies: the names they may not take in the hold, moved into it from their
hidden folder, and taken back out when the addition fails (hold_top_up.py): nothing the hold
held is moved, renamed or written over."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path, PurePosixPath

from agent.export.hashed_files import make_folders
from agent.requests.hold_copies import HeldFile
from agent.requests.holds import Hold, HoldError
from agent.storage import fsync_dir, replace


def taken_names(hold: Hold) -> set[str]:
    """Every name in the hold, its folders' too, whatever their capitals: the new copies'
    names are none of them (a file there its record does not list, left by a stop, included)."""
    names = {f.name for f in hold.files}
    for folder, dirs, files in os.walk(hold.path):   # links are not followed
        names |= {Path(folder, n).relative_to(hold.path).as_posix() for n in dirs + files}
    folders = {str(parent) for n in names for parent in PurePosixPath(n).parents}
    return {n.lower() for n in names | folders if n != "."}


def move_in(added: list[HeldFile], staging: Path, hold: Path) -> list[Path]:
    """Move the new copies from `staging` into the hold, never over a file there."""
    moved: list[Path] = []
    try:
        for f in added:
            dest = hold / f.name
            # never the hold's own folder made again: deleted meanwhile, nothing is added
            make_folders(dest.parent, inside=hold)
            if os.path.lexists(dest):
                raise HoldError(f"{dest} appeared meanwhile; it was left untouched")
            # Windows: a scanner may hold the new copy open for as long as it reads it
            replace(staging / f.name, dest, move=os.rename, held_bytes=f.size)
            moved.append(dest)
        for folder in {p.parent for p in moved} | {hold}:
            fsync_dir(folder)
    except BaseException:
        remove_copies(moved)
        raise
    return moved


def remove_copies(paths: list[Path]) -> None:
    """Take the new copies back out of the hold (its record never listed them)."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
