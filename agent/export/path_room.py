"""Whether a package fits in the folder chosen for it on Windows.

Windows' classic file calls stop at 259 characters (MAX_PATH, 260 with the closing NUL) unless
long paths are turned on for the machine and the program says it can use them; past it, a
file of the package cannot be written, or later read, there. Names are kept short
(naming.PART_MAX), so only a deep folder can pass it: that is refused before anything is cut,
saying how long a folder may be. Elsewhere paths are limited far beyond any package's.
Lengths are counted as Windows counts them, in UTF-16 units: a character past U+FFFF (an
emoji, a rarer CJK character) in a folder's or a name's path is two.

The package is not written through Windows' `\\\\?\\` form instead, which takes paths past the
limit on any Windows: a package is made to be read by hand, and Explorer and most programs an
owner or a receiver opens or copies it with (a media player, a USB copy, the receiver's own
verifier) take no path past 259 characters unless long paths are turned on and they say they
can; a package written so would be one its owner could neither open nor copy. And every call
that touches it would need the form (PyAV's writer, the C2PA signer, tar, the partial folder's
rename and hidden attribute, a hold's links, the upload, `verify`, the app opening its folder),
while Python's realpath drops it again from a path short enough: one call missed fails after the
cut has run, where the refusal here comes before anything is cut. A folder given in that form
by the owner (`\\\\?\\E:\\...`) is taken as their choice.
"""
from __future__ import annotations

import os
from pathlib import PureWindowsPath
from typing import Callable

from agent.export.naming import utf16_units
from frp.unread_files import EXTENDED_FORMS, WINDOWS_MAX_PATH


def longest_inside(name: str, clip: str) -> int:
    """UTF-16 units a package named `name` adds to its folder's path at most: its clip,
    `<name>/data/<clip>` (its tag files and build folder, `.package.partial-XXXXXXXX/...`,
    are shorter than any package name with its clip)."""
    return utf16_units(os.sep + name + os.sep + "data" + os.sep + clip)


def clip_path_length(folder: str, inside: int) -> int:
    """How long Windows counts the longest path of a package adding `inside` to `folder`."""
    return utf16_units(str(PureWindowsPath(folder))) + inside


def windows_room_problem(folder: str, inside: int, long_paths: bool) -> str | None:
    """Why `inside` more characters under `folder` would not work on Windows, or None."""
    if long_paths or folder.startswith(EXTENDED_FORMS):
        return None
    length = clip_path_length(folder, inside)
    if length <= WINDOWS_MAX_PATH:
        return None
    most = WINDOWS_MAX_PATH - inside
    return (f"the folder {folder} is too deep for Windows to hold this package: its clip's "
            f"path would be {length} characters, and Windows allows {WINDOWS_MAX_PATH} unless "
            f"long paths are turned on. Choose a folder whose own path has at most {most} "
            "characters, such as a folder directly on the drive (E:\\clips)")


def home_too_deep(home: str, length: int) -> str:
    """Why a request's package cannot be made in the app's own folder `home` on Windows, its
    clip's path `length` characters long. The owner chooses no other folder for it (it is where
    the app keeps what it delivers), so the advice is what lets Windows take longer paths; the
    app reads that setting as it starts."""
    return (f"footage-agent's own folder {home} is too deep for Windows to hold this request's "
            f"package: its clip's path would be {length} characters, and Windows allows "
            f"{WINDOWS_MAX_PATH} unless long paths are turned on. Ask whoever looks after this "
            "computer to turn them on (as an administrator, 'Enable Win32 long paths' in the "
            "Local Group Policy Editor, or LongPathsEnabled set to 1 in the registry), then "
            "start the app again; nothing was cut or sent")


def long_paths_enabled(probe: Callable[[], int] | None = None) -> bool:
    """True when Windows lets this program use paths past MAX_PATH: the machine's
    LongPathsEnabled setting is on and the program declares it can (RtlAreLongPathsEnabled
    answers both). False when it cannot be told."""
    try:
        return bool((probe or _rtl_are_long_paths_enabled)())
    except (OSError, AttributeError, ImportError):
        return False


def _rtl_are_long_paths_enabled(ntdll=None) -> int:
    import ctypes   # Windows only: ntdll's own answer
    call = (ntdll or ctypes.WinDLL("ntdll")).RtlAreLongPathsEnabled
    # It returns a BOOLEAN: one byte. Read as ctypes' default int, the bits above it, which
    # the call leaves as they were, would say "on" when it said FALSE.
    call.restype, call.argtypes = ctypes.c_ubyte, ()
    return call()


def room_problem(folder: str, inside: int, *, windows: bool | None = None,
                 probe: Callable[[], int] | None = None) -> str | None:
    """Why a package adding `inside` characters cannot be made under `folder` on this
    computer, or None (always None but on Windows)."""
    if not (os.name == "nt" if windows is None else windows):
        return None
    problem = windows_room_problem(folder, inside, long_paths=False)
    if problem is None or long_paths_enabled(probe):
        return None
    return problem
