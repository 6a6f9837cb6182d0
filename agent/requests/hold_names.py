"""The names a hold's copies are given inside its folder, apart whatever their capitals, and
whether a name its record gives is one."""
from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from agent.storage import safe_name


def unique_name(name: str, taken: set[str]) -> str:
    """`name` (a safe_name, in ASCII), or `name` numbered (`a-2.mp4`), so that no two names
    given with one `taken` set are alike whatever their capitals, which `taken` then holds:
    NTFS and FAT keep `CH01.mp4` and `ch01.mp4` in one file, so two recordings of one camera
    named so (a case-sensitive NAS or recorder keeps both) stopped the hold at the second
    with "already exists"."""
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}.{ext}" if dot else f"{name}-{n}"
    taken.add(candidate.lower())
    return candidate


def copy_name(name: str) -> str:
    """A recording's file name as its copy is named: safe_name's, which cuts a long name at 64
    characters, its extension with it; cut before the extension instead, so a copy of a long
    name still ends in it (`.mp4`, `.dav`: a player opens it, and a package's sources name it
    so)."""
    safe = safe_name(name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not re.fullmatch(r"[A-Za-z0-9]{1,8}", ext) \
            or safe.endswith("." + ext):
        return safe
    # room left for unique_name's number (`-2`): within 64 still
    return f"{safe_name(stem)[:60 - len(ext)].rstrip('.-') or 'recording'}.{ext}"


def inside_hold(name: object) -> bool:
    """Whether `name`, as a hold's record gives a copy's, names a file inside the hold's folder
    (`camera/file`, as unique_name makes them): a record edited by hand could name any file on
    this PC (`../..`, `/etc`, `C:\\`), which a cut from the hold would then read as its copy."""
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        return False
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    return not (posix.is_absolute() or windows.drive or windows.root
                or ".." in posix.parts or name.startswith("/"))
