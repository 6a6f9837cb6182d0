"""Whether the drive a package goes onto can hold its clip.

Most USB sticks and SD cards come formatted FAT32, which holds no file of 4 GiB or more. An
owner exporting an hour of 4K footage onto one would otherwise wait for the cut to write 4 GiB
before the write fails, and on Windows be told the disk is full (a write past FAT32's limit
is reported as ERROR_DISK_FULL, as robocopy's "There is not enough space on the disk" for such
a file shows) while it has gigabytes free. So the clip's size is
estimated from the recordings it is cut from and a clip that clearly cannot fit is refused
before anything is cut; a write that still runs into the limit is said as the limit, not as a
full disk.

The file system is what the system calls the drive: on Windows GetVolumeInformationW's name
("FAT32", "exFAT", "NTFS"), on Linux the mount's type in /proc/self/mountinfo ("vfat",
"exfat"). Elsewhere (macOS) it is not asked, and only the write's own error tells.
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Iterable

FAT_LARGEST = 2**32 - 1   # bytes: FAT keeps a file's size in 32 bits
# The names FAT goes by: Linux's mount types, Windows' file system names.
_FAT = {"vfat", "msdos", "fat", "fat12", "fat16", "fat32"}
MOUNTINFO = Path("/proc/self/mountinfo")
# How a full disk reads in an error's text: the C library's words, Windows' own, and
# os_words' plain ones.
_DISK_FULL = (os.strerror(errno.ENOSPC).lower(), "not enough space on the disk",
              " is full: free some space")


def disk_full(error_text: str) -> bool:
    """True when an error's text says the disk is full."""
    text = error_text.lower()
    return any(words in text for words in _DISK_FULL)


def largest_file(file_system: str | None) -> int | None:
    """The largest file a file system named `file_system` holds, or None for no limit worth
    checking (exFAT, NTFS, ext4, APFS ... or not known)."""
    return FAT_LARGEST if (file_system or "").lower() in _FAT else None


def file_system(folder: Path, *, windows: bool | None = None,
                mountinfo: Path | None = None) -> str | None:
    """The name of the file system `folder` is on, or None when it cannot be told."""
    if os.name == "nt" if windows is None else windows:
        try:
            return _windows_file_system(str(folder))
        except (OSError, AttributeError, ValueError):   # no answer: as if not asked
            return None
    try:
        text = (mountinfo or MOUNTINFO).read_text("utf-8", "replace")
        where = os.path.realpath(folder)
    except (OSError, ValueError):   # no /proc (macOS), or a path it will not take
        return None
    return mount_type(where, text)


def mount_type(path: str, mountinfo_text: str) -> str | None:
    """The type of the mount holding the absolute `path`, from /proc/self/mountinfo's text:
    the deepest mount point it lies under (mounts over mounts: the last listed wins)."""
    best, kind = -1, None
    for line in mountinfo_text.splitlines():
        fields = line.split(" ")
        if "-" not in fields or len(fields) < 5:
            continue
        point = _unescaped(fields[4])
        after = fields[fields.index("-") + 1:]
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and after and len(point) >= best:
            best, kind = len(point), after[0]
    return kind


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


def clip_estimate(rows: Iterable, start_us: int, end_us: int) -> int:
    """Bytes a clip of [start_us, end_us) will about hold: each recording's share of the
    window at its own bytes per second (a copy holds those frames as recorded)."""
    total = 0.0
    for row in rows:
        if row.start_us is None or row.end_us is None or row.end_us <= row.start_us:
            continue
        size = (row.byte_end - row.byte_start) if row.byte_end is not None else row.size
        inside = min(end_us, row.end_us) - max(start_us, row.start_us)
        if inside > 0:
            total += size * inside / (row.end_us - row.start_us)
    return round(total)


def gigabytes(size: int) -> str:
    """`5.2 GB`: a size as a file browser shows it, to the tenth."""
    return f"{size / 1e9:.1f} GB"


def shown_name(file_system_name: str | None) -> str:
    """A FAT file system as owners know it (Linux says "vfat" for FAT32); others as named."""
    name = (file_system_name or "").lower()
    if name in ("fat", "fat12", "fat16"):
        return "FAT"
    return "FAT32" if name in _FAT else (file_system_name or "FAT32")


def too_big_words(folder: Path, file_system_name: str | None, size: int | None = None) -> str:
    """Why a clip (about `size` bytes, when known) cannot go onto the drive holding `folder`
    (formatted `file_system_name`, when it is known)."""
    about = f"this clip would be about {gigabytes(size)}, " if size else "the clip is "
    formatted = (f"it is formatted {shown_name(file_system_name)}, which holds"
                 if largest_file(file_system_name) else "it may be formatted FAT32, as most "
                 "USB sticks are, which holds")
    return (f"{about}too big for the drive holding {folder}: {formatted} no file of 4 GB or "
            "more. Choose a folder on a drive formatted exFAT or NTFS (or on this PC's own "
            "disk), or a shorter window")


def size_problem(folder: Path, estimate: int, file_system_name: str | None) -> str | None:
    """Why a clip of about `estimate` bytes cannot be written under `folder`, or None."""
    largest = largest_file(file_system_name)
    if largest is None or estimate <= largest:
        return None
    return too_big_words(folder, file_system_name, estimate)


def cameras_too_big(folder: Path, file_system_name: str | None,
                    sizes: dict[str, int]) -> str | None:
    """Why the clips of an export of several cameras (each camera's estimate, in `sizes`)
    cannot all go onto the drive holding `folder`, naming every camera too big, or None. Asked
    before the first is cut: a camera refused after others were exported leaves the owner
    with part of what they chose and the same choice to make again."""
    largest = largest_file(file_system_name)
    big = {camera: size for camera, size in sizes.items()
           if largest is not None and size > largest}
    if not big:
        return None
    drive = (f"too big for the drive holding {folder}: it is formatted "
             f"{shown_name(file_system_name)}, which holds no file of 4 GB or more, so no "
             "camera was exported. Choose a folder on a drive formatted exFAT or NTFS (or on "
             "this PC's own disk), or a shorter window, or leave ")
    if len(big) == 1:
        ((camera, size),) = big.items()
        return (f"the clip of {camera} would be about {gigabytes(size)}, {drive}that camera "
                "out")
    return (f"the clips of {', '.join(big)} would be about "
            f"{', '.join(gigabytes(s) for s in big.values())}, {drive}those cameras out")


def limit_hit(error_text: str, folder: Path, file_system_name: str | None) -> bool:
    """True when a write under `folder` that failed with `error_text` ran into the largest
    file the drive holds: the system said so (EFBIG, "File too large"), or said the disk is
    full (disk_full) of a FAT drive with room left, as
    Windows does."""
    if os.strerror(errno.EFBIG).lower() in error_text.lower():
        return True
    if not disk_full(error_text) or largest_file(file_system_name) is None:
        return False
    try:
        return shutil.disk_usage(folder).free > 64 * 2**20
    except OSError:
        return False
