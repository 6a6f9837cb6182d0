"""Folders kept out of sight in file browsers while the app builds them.

A leading dot hides a folder on macOS and Linux; Windows Explorer shows it unless the folder
also has the hidden attribute. A package being built on a USB stick (`.package.partial-...`)
must not look, to an owner watching the stick or to whoever gets a stick pulled out too early,
like a folder to hand over. Once finished, it is shown, and opened to others as a folder made
there would be (`open_as_made`).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_ATTRIBUTE_HIDDEN = 0x2
INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF
SYSTEM = os.name   # the system whose branch is taken (the tests take Windows' here)


def hide_folder(path: Path, hidden: bool = True, os_name: str | None = None,
                attributes: "Attributes | None" = None) -> bool:
    """Give `path` Windows' hidden attribute, or with `hidden` False take it away again
    (a folder renamed keeps its attributes: a finished package must show); elsewhere its
    leading dot does it. True when the attribute was changed. Failing is not an error: this
    only tidies what a file browser shows."""
    if (os_name or SYSTEM) != "nt":
        return False
    try:
        calls = attributes or Attributes()
        now = calls.get(str(path))
        if now == INVALID_FILE_ATTRIBUTES:
            return False
        wanted = now | FILE_ATTRIBUTE_HIDDEN if hidden else now & ~FILE_ATTRIBUTE_HIDDEN
        return wanted != now and bool(calls.set(str(path), wanted))
    except (OSError, AttributeError, ImportError):
        return False


class Attributes:
    """kernel32's GetFileAttributesW and SetFileAttributesW (Windows only)."""

    def get(self, path: str) -> int:
        return self._kernel32().GetFileAttributesW(path) & 0xFFFFFFFF

    def set(self, path: str, value: int) -> int:
        return self._kernel32().SetFileAttributesW(path, value)

    @staticmethod
    def _kernel32():
        import ctypes   # Windows only
        return ctypes.WinDLL("kernel32", use_last_error=True)


def open_as_made(folder: Path, made_there: Path, os_name: str | None = None) -> bool:
    """Give `folder` the access `made_there`, a folder made with the system's default (the
    umask's), has: a temporary folder is made 0700, and a finished package in it would stay
    so, its files readable by other accounts and a share's users but its folder not to be
    opened. On Windows the mode means nothing (a folder takes its parent's access list), so
    nothing is done there. True when the mode was set; failing is not an error (FAT32 on
    Linux refuses any chmod, its folders' access being the mount's)."""
    if (os_name or SYSTEM) == "nt":
        return False
    try:
        os.chmod(folder, stat.S_IMODE(os.stat(made_there).st_mode))
    except OSError:
        return False
    return True
