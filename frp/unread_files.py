"""A file or folder of a package folder that this computer would not let `verify` read, named
with the system's reason (bagview.read_folder), and on Windows, when its path is longer than
Windows reads, with that reason too.

Windows' classic file calls stop at 259 characters (MAX_PATH) unless long paths are turned on
for the machine: past it, a file listed in its folder is "not found" when opened ("The system
cannot find the path specified"), which alone reads as a file gone. A package's names are kept
short for that limit (agent/export/path_room.py), but a receiver's folder can pass it: Explorer's
"Extract all" puts what it unpacks in a folder of the archive's name, so the package lands in
`pkg\\pkg\\...`, its clip's path one package name longer. Lengths are counted as Windows counts
them, in UTF-16 units.
"""
from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

from frp.text import one_line

# Windows' path rule, which agent/export/path_room.py weighs exports and holds by too.
WINDOWS_MAX_PATH = 259
EXTENDED_FORMS = ("\\\\?\\", "//?/")   # the `\\?\` form: no MAX_PATH for those paths


def too_long_words(full: str, exc: OSError, windows: bool | None = None,
                   again: str = "check it again") -> str:
    """Why `full` (an absolute path) was not found on Windows when its path is past MAX_PATH,
    as a sentence to add to the system's words, ending with what to do once it is moved
    (`again`: "check it again", or `upload`'s "upload it again"); "" anywhere else and for any
    other error."""
    if not (os.name == "nt" if windows is None else windows):
        return ""
    if not isinstance(exc, FileNotFoundError) or full.startswith(EXTENDED_FORMS):
        return ""
    length = len(str(PureWindowsPath(full)).encode("utf-16-le", "surrogatepass")) // 2
    if length <= WINDOWS_MAX_PATH:
        return ""
    return (f" Its path here is {length} characters, and Windows reads at most "
            f"{WINDOWS_MAX_PATH} unless long paths are turned on: move the package folder "
            f"to a shorter path, such as directly on the drive (C:\\packages), and {again}. "
            "Explorer's 'Extract all' puts a package in a folder of its own name "
            "(pkg\\pkg), one more name in every path: move the inner folder out.")


def unread_file(bag, rel: str, full: str, exc: OSError, windows: bool | None = None) -> None:
    """A file of the package not read (`full`: its absolute path): a problem naming it and
    why, never also called missing (`bag.unread`)."""
    bag.problems.append(f"{one_line(rel)} could not be read on this computer ({exc.strerror}), "
                        "so it was not checked." + too_long_words(full, exc, windows))
    bag.unread.add(rel)


def unread_folder(bag, root: Path, exc: OSError) -> None:
    """A folder of the package not read (os.walk's onerror under `root`, an absolute path):
    named, and what is in it said as not checked, never as missing (`bag.unread`); the
    package folder itself, as nothing checked."""
    rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
    hint = too_long_words(str(exc.filename or root), exc)
    if rel == ".":
        bag.problems.append(f"The package folder could not be read on this computer "
                            f"({exc.strerror}), so nothing in it was checked." + hint)
        bag.unread.add("")
    else:
        bag.problems.append(f"The folder {one_line(rel)} could not be read on this computer "
                            f"({exc.strerror}), so the files in it were not checked." + hint)
        bag.unread.add(rel + "/")
