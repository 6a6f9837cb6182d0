"""What file system a folder is on: what the system calls the drive holding it.

On Windows GetVolumeInformationW's name ("FAT32", "exFAT", "NTFS"), on Linux the mount's type
in /proc/self/mountinfo ("vfat", "exfat") and its options there. Elsewhere (macOS) it is not
asked (None). An export asks it for FAT32's 4 GiB limit (export/drive_limit.py), the index for
the disks that keep local times and how this system reads their times (index/local_times.py),
the home for the drives that keep no permissions (permissions.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MOUNTINFO = Path("/proc/self/mountinfo")
# FAT by Linux's and Windows' names, and exFAT: what USB sticks and SD cards come formatted
# with. They keep no permissions, and local times rather than true ones.
_FAT_FAMILY = {"vfat", "msdos", "fat", "fat12", "fat16", "fat32", "exfat"}


def fat_family(file_system_name: str | None) -> bool:
    """True for FAT (FAT32, FAT16 ...) or exFAT, by any name the system gives it."""
    return (file_system_name or "").lower() in _FAT_FAMILY


def owners_name(file_system_name: str) -> str:
    """A FAT-family file system as owners know it: Linux says "vfat" for FAT32."""
    return "exFAT" if file_system_name.lower() == "exfat" else "FAT32"


@dataclass(frozen=True)
class Volume:
    """The drive a folder is on, as the system names it: its file system (None when it
    cannot be told) and, on Linux, the options it is mounted with ("tz=UTC",
    "time_offset=-480": how the kernel reads a FAT drive's local times)."""

    file_system: str | None
    options: tuple[str, ...] = ()


def file_system(folder: Path, *, windows: bool | None = None,
                mountinfo: Path | None = None) -> str | None:
    """The name of the file system `folder` is on, or None when it cannot be told."""
    return volume(folder, windows=windows, mountinfo=mountinfo).file_system


def volume(folder: Path | str, *, windows: bool | None = None,
           mountinfo: Path | None = None) -> Volume:
    """The drive `folder` is on (Volume(None) when it cannot be told)."""
    if os.name == "nt" if windows is None else windows:
        try:
            return Volume(_windows_file_system(str(folder)))
        except (OSError, AttributeError, ValueError):   # no answer: as if not asked
            return Volume(None)
    try:
        text = (mountinfo or MOUNTINFO).read_text("utf-8", "replace")
        where = os.path.realpath(folder)
    except (OSError, ValueError):   # no /proc (macOS), or a path it will not take
        return Volume(None)
    return mount_volume(where, text)


def mount_type(path: str, mountinfo_text: str) -> str | None:
    """The type of the mount holding the absolute `path`, from /proc/self/mountinfo's text."""
    return mount_volume(path, mountinfo_text).file_system


def mount_volume(path: str, mountinfo_text: str) -> Volume:
    """The type and options of the mount holding the absolute `path`, from
    /proc/self/mountinfo's text: the deepest mount point it lies under (mounts over mounts:
    the last listed wins). Its options are the file system's own (after the type and the
    source) with the mount's (before the '-')."""
    best, found = -1, Volume(None)
    for line in mountinfo_text.splitlines():
        fields = line.split(" ")
        if "-" not in fields or len(fields) < 5:
            continue
        point = _unescaped(fields[4])
        after = fields[fields.index("-") + 1:]
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and after and len(point) >= best:
            options = ",".join(fields[5:6] + after[2:3]).split(",")
            best, found = len(point), Volume(after[0], tuple(_unescaped(o) for o in options if o))
    return found


def _unescaped(field: str) -> str:
    """A mountinfo path: a space, tab, newline or backslash in it is written as \\ooo."""
    out, i = [], 0
    while i < len(field):
        code = field[i + 1:i + 4]
        if field[i] == "\\" and len(code) == 3 and code.isdigit():
            out.append(chr(int(code, 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _windows_file_system(folder: str) -> str | None:   # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)
    root = ctypes.create_unicode_buffer(1024)
    if not kernel.GetVolumePathNameW(ctypes.c_wchar_p(os.path.abspath(folder)), root, 1024):
        return None
    name = ctypes.create_unicode_buffer(64)
    volume = root.value if root.value.endswith("\\") else root.value + "\\"
    if not kernel.GetVolumeInformationW(ctypes.c_wchar_p(volume), None, 0, None, None, None,
                                        name, 64):
        return None
    return name.value or None
