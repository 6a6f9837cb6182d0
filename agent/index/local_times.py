"""Recordings on a disk that keeps local times: an SD card or USB stick formatted FAT32 or exFAT.

FAT keeps a file's modification time as the wall clock read it, with no zone (exFAT has a
field for the offset, which cameras writing their cards leave unset). Windows turns it into
true time with the offset in force now, not the one in force when the file was written: on
the night the clocks change, every file on the card moves by an hour. The index keeps each
recording's size and modification time to tell a file written over since the scan
(index/changed.py), and to know its card again (other_disk.py, moved_folder.py); a whole card
would then look written over, or be taken for another card.

So on such a disk a file of the same size whose time moved by exactly an hour is not taken for
another file on the strength of its date alone: whether it is still the recording indexed is
checked by what it holds (changed.py), and a card is known again by it.
"""
from __future__ import annotations

from typing import Callable

from agent.file_systems import fat_family, file_system

HOUR_NS = 3600 * 10**9


def keeps_local_time(file_system_name: str | None) -> bool:
    """True for a file system that keeps local times (FAT, exFAT), by any name the system
    gives it; False for NTFS, ext4 ... or one that cannot be told."""
    return fat_family(file_system_name)   # exFAT too: cameras leave its offset unset


def an_hour_apart(size: int, mtime_ns: int, was_size: int, was_mtime_ns: int) -> bool:
    """The same size, the time exactly an hour later or earlier: what a clock change does to
    a file on such a disk. A time kept below zero (a row to be looked at again) is not one."""
    return (size == was_size and was_mtime_ns >= 0
            and abs(mtime_ns - was_mtime_ns) == HOUR_NS)


class LocalTimeDisks:
    """Whether a folder is on a disk that keeps local times, asked once per folder: the
    system is asked (file_systems.file_system, or `ask`) only when a file moved by an hour."""

    def __init__(self, ask: Callable[[str], str | None] | None = None) -> None:
        self._ask = ask or file_system
        self._known: dict[str, bool] = {}

    def __call__(self, folder: str) -> bool:
        if folder not in self._known:
            self._known[folder] = keeps_local_time(self._ask(folder))
        return self._known[folder]


def as_it_was(size: int, mtime_ns: int, was_size: int, was_mtime_ns: int, folder: str,
              local: LocalTimeDisks) -> bool:
    """The same size and time, or, on a disk keeping local times (`folder` is the one it
    lies in), the same size and a time a clock change moved: the same file, as a card is
    known again by its files. Not enough for a cut, which checks what it holds."""
    if (size, mtime_ns) == (was_size, was_mtime_ns):
        return True
    return an_hour_apart(size, mtime_ns, was_size, was_mtime_ns) and local(folder)
