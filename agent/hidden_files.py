"""Folders kept out of sight in file browsers while the app builds them.

A leading dot hides a folder on macOS and Linux; Windows Explorer shows it unless the folder
also has the hidden attribute. A package being built on a USB stick (`.package.partial-...`)
must not look, to an owner watching the stick or to whoever gets a stick pulled out too early,
like a folder to hand over.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

FILE_ATTRIBUTE_HIDDEN = 0x2
SYSTEM = os.name   # the system whose branch is taken (the tests take Windows' here)


def hide_folder(path: Path, os_name: str | None = None,
                set_attributes: Callable[[str, int], int] | None = None) -> bool:
    """Give `path` Windows' hidden attribute (elsewhere its leading dot does it); True when it
    was set. Failing is not an error: this only tidies what a file browser shows."""
    if (os_name or SYSTEM) != "nt":
        return False
    try:
        return bool((set_attributes or _set_file_attributes)(str(path), FILE_ATTRIBUTE_HIDDEN))
    except (OSError, AttributeError, ImportError):
        return False


def _set_file_attributes(path: str, attributes: int) -> int:
    import ctypes   # Windows only: kernel32's own call
    return ctypes.WinDLL("kernel32", use_last_error=True).SetFileAttributesW(path, attributes)
