"""Folders kept out of sight in file browsers while the app builds them.

A leading dot hides a folder on macOS and Linux; Windows Explorer shows it unless the folder
also has the hidden attribute. A package being built on a USB stick (`.package.partial-...`)
must not look, to an owner watching the stick or to whoever gets a stick pulled out too early,
like a folder to hand over.
"""
from __future__ import annotations

import os
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
