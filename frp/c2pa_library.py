"""The C2PA library (c2pa-python), loaded only from its own package folder.

c2pa-python looks for its native part (`libc2pa_c.so`, `c2pa_c.dll`, `libc2pa_c.dylib`) in the
current directory before its own folder, and loads the first file of that name it finds. Run
from a folder holding such a file (a received package, a Downloads folder), `footage-agent
verify` or the app would run that file's code. Every place it searches is joined with the
name in `C2PA_LIBRARY_NAME`, and joining any folder with an absolute path gives that path, so
naming the installed library absolutely there leaves exactly one file it can load (and an
error if that one cannot be loaded, never a search of other folders).

Import c2pa only through this module: `from frp.c2pa_library import c2pa`.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

ENV = "C2PA_LIBRARY_NAME"
_NAMES = {"win32": "c2pa_c.dll", "darwin": "libc2pa_c.dylib"}


def library_name(platform: str = sys.platform) -> str:
    """The native library's file name on `platform` (a sys.platform value)."""
    return _NAMES.get(platform, "libc2pa_c.so")


def installed_library(platform: str = sys.platform) -> Path:
    """The native library in c2pa-python's own `libs` folder (ImportError if it is not there).

    Found without importing c2pa, so nothing is loaded before the name is pinned."""
    spec = importlib.util.find_spec("c2pa")
    if spec is None or not spec.origin:
        raise ImportError("c2pa-python is not installed (pip install c2pa-python)")
    path = Path(spec.origin).resolve().parent / "libs" / library_name(platform)
    if not path.is_file():
        raise ImportError(f"the C2PA library is missing from c2pa-python ({path} does not "
                          "exist); reinstall c2pa-python")
    return path


def pin_library() -> Path:
    """Name the installed library absolutely in the environment c2pa-python reads (whatever
    the variable held before: a bare name there would be searched for in the current directory
    first as well)."""
    path = installed_library()
    os.environ[ENV] = str(path)
    return path


pin_library()
import c2pa  # noqa: E402  (after the pin: c2pa loads its library when imported)

__all__ = ["c2pa", "installed_library", "library_name", "pin_library"]
