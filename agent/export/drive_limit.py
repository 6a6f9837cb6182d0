"""Whether the drive a package goes onto can hold its clip.

Most USB sticks and SD cards come formatted FAT32, which holds no file of 4 GiB or more. An
owner exporting an hour of 4K footage onto one would otherwise wait for the cut to write 4 GiB
before the write fails, and on Windows be told the disk is full (a write past FAT32's limit
is reported as ERROR_DISK_FULL, as robocopy's "There is not enough space on the disk" for such
a file shows) while it has gigabytes free. So the clip's size is
estimated from the recordings it is cut from and a clip that clearly cannot fit is refused
before anything is cut; a write that still runs into the limit is said as the limit, not as a
full disk.

The file system is what the system calls the drive (agent/file_systems.py); where it cannot
be told (macOS) only the write's own error tells.
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Iterable

from agent.file_systems import file_system, mount_type  # noqa: F401 - the drive's name, asked here

FAT_LARGEST = 2**32 - 1   # bytes: FAT keeps a file's size in 32 bits
# The names FAT goes by: Linux's mount types, Windows' file system names.
_FAT = {"vfat", "msdos", "fat", "fat12", "fat16", "fat32"}
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


def size_problem(folder: Path, estimate: int, file_system_name: str | None,
                 allowance: float = 1.0) -> str | None:
    """Why a clip of about `estimate` bytes cannot be written under `folder`, or None. A
    clip estimated less surely (a re-encode measured on parts of it: reencode_size.py) is
    refused only past the drive's largest file times `allowance`."""
    largest = largest_file(file_system_name)
    if largest is None or estimate <= largest * allowance:
        return None
    return too_big_words(folder, file_system_name, estimate)


def cameras_too_big(folder: Path, file_system_name: str | None, sizes: dict[str, int],
                    allowances: dict[str, float] | None = None) -> str | None:
    """Why the clips of an export of several cameras (each camera's estimate, in `sizes`, and
    how far past the limit it may go, in `allowances`: size_problem) cannot all go onto the
    drive holding `folder`, naming every camera too big, or None. Asked before the first is
    cut: a camera refused after others were exported leaves the owner with part of what they
    chose and the same choice to make again."""
    largest = largest_file(file_system_name)
    allowed = allowances or {}
    big = {camera: size for camera, size in sizes.items()
           if largest is not None and size > largest * allowed.get(camera, 1.0)}
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
