"""What a disk calls itself, read where the system offers it: so that another card put in the
same reader slot (the same drive letter, the same mount point) is told from the one a folder's
recordings were indexed from.

Windows gives a volume's serial number (GetVolumeInformationW: the number `dir` shows, written
when the card or disk is formatted). Linux names each formatted device by its file system's
UUID in /dev/disk/by-uuid (a FAT card's UUID is that same serial). Neither the device number
nor statvfs' f_fsid will do: a reader's slot is one device whichever card is in it, and FAT's
f_fsid is that device's number. A disk that has no such name (tmpfs, a network share, macOS,
where nothing here asks) is None: other_disk.py then judges by what the folder holds alone.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

BY_UUID = Path("/dev/disk/by-uuid")


def volume_identity(folder: str) -> str | None:
    """The identity of the disk holding `folder` ("win:1234-ABCD", "uuid:..."), or None when
    the system names none for it (or it cannot be read)."""
    try:
        if sys.platform == "win32":
            serial = _windows_serial(folder)
            return None if serial is None else "win:" + serial_words(serial)
        if sys.platform.startswith("linux"):
            found = linux_uuid(os.stat(folder).st_dev, BY_UUID, lambda p: os.stat(p).st_rdev)
            return None if found is None else "uuid:" + found
    except (OSError, ValueError):
        return None
    return None


def linux_uuid(device: int, links: Path, device_of: Callable[[str], int]) -> str | None:
    """The UUID in `links` (/dev/disk/by-uuid) whose device is `device` (a folder's st_dev),
    `device_of` reading a link's device number; None when none is."""
    try:
        names = sorted(os.listdir(links))
    except OSError:
        return None
    for name in names:
        try:
            if device_of(str(links / name)) == device:
                return name
        except OSError:   # a link to a device gone meanwhile
            continue
    return None


def volume_root_argument(root: str) -> str:
    """The volume root as GetVolumeInformationW takes it: with its trailing backslash
    ("E:" -> "E:\\"; a share "\\\\nas\\cams" -> "\\\\nas\\cams\\")."""
    return root if root.endswith("\\") else root + "\\"


def serial_words(serial: int) -> str:
    """A volume serial number as Windows shows it: "1234-ABCD"."""
    return f"{serial >> 16 & 0xFFFF:04X}-{serial & 0xFFFF:04X}"


def _windows_serial(folder: str) -> int | None:   # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)
    root = ctypes.create_unicode_buffer(1024)
    if not kernel.GetVolumePathNameW(ctypes.c_wchar_p(os.path.abspath(folder)), root, 1024):
        return None
    serial = wintypes.DWORD()
    if not kernel.GetVolumeInformationW(ctypes.c_wchar_p(volume_root_argument(root.value)), None,
                                        0, ctypes.byref(serial), None, None, None, 0):
        return None
    return serial.value or None   # some network shares say 0: no serial
