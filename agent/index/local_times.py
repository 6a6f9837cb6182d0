"""Recordings on a disk that keeps local times: an SD card or USB stick formatted FAT32 or exFAT.

FAT keeps a file's modification time as the wall clock read it, with no zone (exFAT has a
field for the offset, which cameras writing their cards leave unset: their FatFs, sdfat or own
code writes the wall clock, as on FAT). Windows turns it into
true time with the offset in force now, not the one in force when the file was written: on
the night the clocks change, every file on the card moves by their step (an hour, in most
zones). The index keeps each recording's size and modification time to tell a file written
over since the scan (index/changed.py), and to know its card again (other_disk.py,
moved_folder.py); a whole card would then look written over, or be taken for another card.

So on such a disk a file of the same size whose time moved by a clock change's step is not
taken for another file on the strength of its date alone: whether it is still the recording
indexed is checked by what it holds (changed.py), and a card is known again by it. The step is
the one this PC's zone takes (Windows reads by it), or the camera's: an hour nearly everywhere,
30 minutes on Lord Howe Island (Australia/Lord_Howe), two hours at Troll station; an hour is
always forgiven, as before zones were asked.

A recording placed by its modification time alone (placement.py) is placed from the wall time
the card holds, read in the camera's zone, as a name is: on FAT the system reports that wall
time less an offset of its own (`card_offset_s`), which is added back. Windows takes off the
offset in force on the PC now, whatever the file's date (LocalFileTimeToFileTime's rule: "uses
the current settings for the time zone and daylight saving time ... even if the time you are
converting is in standard time"; a card left in the PC across a clock change keeps the offset
it was read with until it is put in again). Linux's FAT driver takes off the mount's
`time_offset=` minutes (`tz=UTC`: none), and without either the kernel's own zone, which
systemd sets to the PC's offset at boot when the hardware clock keeps local time and to none
otherwise; it is asked of the kernel (gettimeofday), none where that cannot be. exFAT alike, as
its specification says a time whose offset field is unset is read ("the same UTC offset as the
current local time"): Windows with the PC's offset now, Linux's exfat driver with the mount's
`time_offset=`, `sys_tz` the kernel's zone, and otherwise none (fs/exfat/misc.c). Whether a
file's field was set cannot be asked of either system: a camera that sets it (Linux's own
exFAT driver writes UTC so) is read as if it had not, which docs/nvr-layouts.md says. macOS
is not asked.
"""
from __future__ import annotations

import os
import platform
import sys
import time
from datetime import datetime
from typing import Callable, Iterable

from agent.file_systems import Volume, fat_family, file_system, volume
from agent.timebase import TimeError, zone

HOUR_NS = 3600 * 10**9
# The clocks' changes looked for: each month of the two years before now.
_MONTHS_LOOKED = 25
_MONTH_S = 30 * 86400
# Linux's gettimeofday system call by machine: the only way left to read the kernel's zone
# (glibc's gettimeofday has given zeros since 2.31).
_GETTIMEOFDAY = {"x86_64": 96, "aarch64": 169, "riscv64": 169, "i386": 78, "i686": 78,
                 "armv7l": 78, "armv6l": 78}


def keeps_local_time(file_system_name: str | None) -> bool:
    """True for a file system that keeps local times (FAT, exFAT), by any name the system
    gives it; False for NTFS, ext4 ... or one that cannot be told."""
    return fat_family(file_system_name)   # exFAT too: cameras leave its offset unset


def clock_change_apart(size: int, mtime_ns: int, was_size: int, was_mtime_ns: int,
                       steps_ns: Iterable[int] = (HOUR_NS,)) -> bool:
    """The same size, the time later or earlier by exactly one of `steps_ns` (clock_steps_ns):
    what a clock change does to a file on such a disk. A time kept below zero (a row to be
    looked at again) is not one."""
    return (size == was_size and was_mtime_ns >= 0
            and abs(mtime_ns - was_mtime_ns) in set(steps_ns))


def clock_steps_ns(zone_name: str | None, now: float | None = None) -> set[int]:
    """How far the clocks of `zone_name` (None: this PC's zone) moved at their changes in the
    two years before `now`, in nanoseconds: {HOUR_NS} for most zones with summer time, a half
    hour for Lord Howe Island, none for a zone without; none for a zone not known."""
    now = time.time() if now is None else now
    try:
        rules = None if zone_name is None else zone(zone_name)
    except TimeError:
        return set()
    offsets = set()
    for month in range(_MONTHS_LOOKED):   # a change never lasts less than a month
        when = now - month * _MONTH_S
        offsets.add(time.localtime(when).tm_gmtoff if rules is None else
                    int(datetime.fromtimestamp(when, rules).utcoffset().total_seconds()))
    return {abs(a - b) * 10**9 for a in offsets for b in offsets if a != b}


def zoneless(file_system_name: str | None) -> bool:
    """True for FAT (FAT32, FAT16 ...), whose times have no zone at all; not exFAT, whose
    times may carry their offset."""
    return fat_family(file_system_name) and (file_system_name or "").lower() != "exfat"


def card_offset_s(disk: Volume, *, windows: bool, pc_offset_s: int,
                  kernel_offset_s: int | None) -> int | None:
    """The UTC offset, in seconds east, this system reads the wall times of a FAT or exFAT
    drive with (modification time = wall time - offset); None for a drive whose times are
    true (NTFS, ext4 ...). `pc_offset_s`: the PC's offset now (Windows' rule);
    `kernel_offset_s`: Linux's kernel zone, for a FAT mount naming no offset and an exFAT
    one mounted `sys_tz`."""
    if not fat_family(disk.file_system):
        return None
    if windows:
        return pc_offset_s
    if not zoneless(disk.file_system):   # exFAT: Linux's driver (fs/exfat/misc.c)
        return _exfat_offset_s(disk.options, kernel_offset_s)
    for option in reversed(disk.options):   # the kernel lists the one it uses once
        if option == "tz=UTC":
            return 0
        if option.startswith("time_offset="):
            try:
                return int(option.partition("=")[2]) * 60
            except ValueError:
                continue
    return kernel_offset_s or 0


def _exfat_offset_s(options: tuple[str, ...], kernel_offset_s: int | None) -> int:
    """How Linux's exfat driver reads a time whose offset field is unset: `sys_tz` the
    kernel's zone, else `time_offset=` minutes, else none (its default is 0, not the
    kernel's zone as the FAT driver's)."""
    if "sys_tz" in options:
        return kernel_offset_s or 0
    for option in reversed(options):
        if option.startswith("time_offset="):
            try:
                return int(option.partition("=")[2]) * 60
            except ValueError:
                continue
    return 0


def card_offset_now(folder: str, now: float | None = None, *,
                    windows: bool | None = None) -> int | None:
    """card_offset_s for the drive `folder` is on, asked of this system at `now`."""
    windows = os.name == "nt" if windows is None else windows
    disk = volume(folder, windows=windows)
    if not fat_family(disk.file_system):
        return None
    return card_offset_s(disk, windows=windows, pc_offset_s=time.localtime(now).tm_gmtoff,
                         kernel_offset_s=None if windows else kernel_offset_s())


def kernel_offset_s(machine: str | None = None) -> int | None:
    """Linux's kernel zone (sys_tz) as an offset in seconds east; None where it cannot be
    asked (another system or machine, no C library)."""
    number = _GETTIMEOFDAY.get(machine or platform.machine())
    if number is None or not sys.platform.startswith("linux"):   # the numbers are Linux's
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        when, zone = (ctypes.c_long * 2)(), (ctypes.c_int * 2)()
        if libc.syscall(number, when, zone) != 0:
            return None
    except (OSError, AttributeError, TypeError):   # no syscall() here (not Linux)
        return None
    return -zone[0] * 60   # the kernel counts minutes west


class LocalTimeDisks:
    """Whether a folder is on a disk that keeps local times, and how this system reads them
    (card_offset_s), asked once per folder: the system is asked (file_systems.file_system,
    or `ask`; card_offset_now, or `offset`) only when a file moved by a clock change's step."""

    def __init__(self, ask: Callable[[str], str | None] | None = None,
                 offset: Callable[[str], int | None] | None = None) -> None:
        self._ask = ask or file_system
        self._offset = offset or card_offset_now
        self._known: dict[str, bool] = {}
        self._offsets: dict[str, int | None] = {}
        self._steps: dict[str | None, set[int]] = {}

    def __call__(self, folder: str) -> bool:
        if folder not in self._known:
            self._known[folder] = keeps_local_time(self._ask(folder))
        return self._known[folder]

    def offset_s(self, folder: str) -> int | None:
        """card_offset_s for the drive `folder` is on, now."""
        if folder not in self._offsets:
            self._offsets[folder] = self._offset(folder)
        return self._offsets[folder]

    def steps_ns(self, zone_name: str | None = None) -> set[int]:
        """The moves a clock change gives a file's time on such a disk: the steps of this
        PC's zone (by which Windows reads the card), of the camera's `zone_name` when given,
        and an hour."""
        for name in (None, zone_name):
            if name not in self._steps:
                self._steps[name] = clock_steps_ns(name)
        return {HOUR_NS, *self._steps[None], *self._steps[zone_name]}


def as_it_was(size: int, mtime_ns: int, was_size: int, was_mtime_ns: int, folder: str,
              local: LocalTimeDisks) -> bool:
    """The same size and time, or, on a disk keeping local times (`folder` is the one it
    lies in), the same size and a time a clock change moved: the same file, as a card is
    known again by its files. Not enough for a cut, which checks what it holds."""
    if (size, mtime_ns) == (was_size, was_mtime_ns):
        return True
    return (clock_change_apart(size, mtime_ns, was_size, was_mtime_ns, local.steps_ns())
            and local(folder))
