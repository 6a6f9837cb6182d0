"""Time inside the agent: UTC instants as integer microseconds since the epoch.

Local time exists only at the edges: a recorder's file name (resolved here with the source's
IANA zone) and a time shown to a person. Camera clock offsets (camera clock minus true time)
are applied here too, so every caller gets true UTC.
"""
from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The protocol's instants (UTC microseconds, RFC 3339 texts) are the agent's instants too.
from frp.times import (US, NotRealTime, TimeError, format_local, format_utc, from_datetime,
                       in_calendar, parse_rfc3339, to_datetime)

__all__ = ["US", "TimeError", "NotRealTime", "in_calendar", "format_utc", "format_local", "from_datetime", "parse_rfc3339", "to_datetime",
           "compact_utc", "zone", "system_zone_name", "WallReading", "resolve_wall", "naive_us",
           "apply_clock_offset", "check_clock_offset", "MAX_CLOCK_OFFSET_S",
           "usable_clock_offset", "unusable_offset_words",
           "local_text"]


def compact_utc(us: int) -> str:
    """UTC microseconds -> `YYYYmmddTHHMMSSZ`, safe in file names on every OS."""
    dt = to_datetime(us)
    return f"{dt.year:04d}{dt:%m%dT%H%M%SZ}"   # %Y writes year 1 as "1" on some systems


# A region's name ("Pacific", "America") is a folder of the zone database: opening it is an
# OSError (IsADirectoryError here, PermissionError on Windows), not ZoneInfoNotFoundError.
_NOT_A_ZONE = (ZoneInfoNotFoundError, ValueError, OSError)


def zone(name: str) -> ZoneInfo:
    """Look up an IANA zone by name, with a message a person can act on."""
    try:
        return ZoneInfo(name)
    except _NOT_A_ZONE:
        raise TimeError(f"unknown time zone '{name}' (use an IANA name such as America/Los_Angeles)") from None


def system_zone_name(os_name: str = os.name) -> str:
    """Best guess at this PC's IANA zone name; 'UTC' when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _is_zone(tz):
        return tz
    if os_name == "nt":
        return windows_zone_name()
    try:
        text = Path("/etc/timezone").read_text().strip()
        if _is_zone(text):
            return text
    except OSError:
        pass
    try:
        target = os.path.realpath("/etc/localtime")
        marker = "zoneinfo/"
        if marker in target:
            name = target.split(marker, 1)[1]
            if _is_zone(name):
                return name
    except OSError:
        pass
    return "UTC"


def windows_zone_name(read_key: Callable[[], str] | None = None) -> str:
    """The IANA name of the zone Windows is set to ('UTC' when it cannot be told): Windows
    names its zones its own way ("Pacific Standard Time"), which CLDR's table, as tzlocal
    keeps it, maps to IANA."""
    from tzlocal.windows_tz import win_tz

    try:
        key = (read_key or _windows_zone_key)()
    except OSError:
        return "UTC"
    name = win_tz.get(key.split("\x00")[0].strip())   # older Windows leave junk after a NUL
    return name if name and _is_zone(name) else "UTC"


def _windows_zone_key() -> str:
    import winreg

    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                        r"SYSTEM\CurrentControlSet\Control\TimeZoneInformation") as key:
        return str(winreg.QueryValueEx(key, "TimeZoneKeyName")[0])


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
        return True
    except _NOT_A_ZONE:
        return False


@dataclass(frozen=True)
class WallReading:
    """What a wall-clock time from a file name means in UTC.

    `readings` holds one instant, or two in the repeated fall-back hour (earliest first).
    `nonexistent` is set for a time inside a spring-forward gap: the camera's clock read a time
    that never happened locally, so the pre-transition offset is used (the clock had not jumped yet).
    """

    readings: tuple[int, ...]
    nonexistent: bool = False

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    @property
    def earliest(self) -> int:
        return self.readings[0]


def resolve_wall(wall: datetime, zone_name: str, dst: bool | None = None) -> WallReading:
    """Resolve a wall time from a name. Aware times (explicit offset, UTC) win over the zone.

    `dst` is a summer-time marker the name carried (Reolink's `DST` prefix): it picks the
    reading in the fall-back hour whose offset is (or is not) daylight time.
    """
    if wall.tzinfo is not None:
        return WallReading((from_datetime(wall),))
    offset = _steady_offset(zone_name, wall.year, wall.month, wall.day, wall.hour)
    if offset is not None:
        return WallReading((naive_us(wall) - offset,))
    tz = zone(zone_name)
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    a, b = from_datetime(first), from_datetime(second)
    if a == b:
        return WallReading((a,))
    # Round-trip tells a gap (the wall time never existed) from a fold (it happened twice).
    back = to_datetime(a).astimezone(tz).replace(tzinfo=None)
    if back != wall:
        return WallReading((a,), nonexistent=True)
    if dst is not None:
        for cand in (first, second):
            if bool(cand.dst()) == dst:
                return WallReading((from_datetime(cand),))
    return WallReading(tuple(sorted((a, b))))


def naive_us(wall: datetime) -> int:
    """A naive wall time read as if it were UTC, in microseconds (offsets are applied by callers)."""
    delta = wall - _NAIVE_EPOCH
    return (delta.days * 86400 + delta.seconds) * US + delta.microseconds


_NAIVE_EPOCH = datetime(1970, 1, 1)


@functools.lru_cache(maxsize=4096)
def _steady_offset(zone_name: str, year: int, month: int, day: int, hour: int) -> int | None:
    """The zone's UTC offset (us) through a whole wall-clock hour, or None if it changes in it.

    Scanning places thousands of local names per second; nearly all fall in hours with no
    transition, where one offset holds for both folds at both ends of the hour. Zones change
    offset at most once in any hour, so equal offsets at both ends mean none in between.
    """
    tz = zone(zone_name)
    try:
        start = datetime(year, month, day, hour)
    except ValueError:
        return None
    end = start.replace(minute=59, second=59, microsecond=999999)
    offsets = {(t.replace(tzinfo=tz, fold=f)).utcoffset() for t in (start, end) for f in (0, 1)}
    if len(offsets) != 1:
        return None
    (offset,) = offsets
    return (offset.days * 86400 + offset.seconds) * US + offset.microseconds


# A camera clock wrong by more than this is not a clock offset: 100 years still covers a clock
# that lost its battery and restarted in 1970.
MAX_CLOCK_OFFSET_S = 100 * 365 * 86400


def check_clock_offset(offset_s: float) -> float:
    """A camera clock offset in seconds as a float, or TimeError naming the allowed range
    (infinite, not-a-number and absurd values would break every time placed with it)."""
    try:
        value = float(offset_s)
    except (TypeError, ValueError):
        value = math.nan
    if not (math.isfinite(value) and abs(value) <= MAX_CLOCK_OFFSET_S):
        raise TimeError(f"the clock offset '{offset_s}' is not usable: give the camera clock "
                        f"minus true time in seconds, between -{MAX_CLOCK_OFFSET_S} and "
                        f"{MAX_CLOCK_OFFSET_S} (100 years)")
    return value


def usable_clock_offset(offset_s: float) -> bool:
    """Whether `offset_s` is a clock offset times can be placed with (check_clock_offset): one
    an older version saved may not be, and the app asks for it again rather than use it."""
    try:
        check_clock_offset(offset_s)
    except TimeError:
        return False
    return True


def unusable_offset_words(root: str, offset_s: object) -> str:
    """Why a folder's recordings are neither read nor cut: the clock offset kept for it (an
    older version saved it) cannot be used. The scan and the export say it alike (the app
    says its own words for it: gui/views/core_clock_offset_words.py)."""
    return (f"the clock offset kept for {root} ({offset_s} s) is not usable: "
            f"set it again with `footage-agent sources add {root} --clock-offset S`")


def apply_clock_offset(camera_us: int, offset_s: float) -> int:
    """Camera clock -> true time. The offset is camera clock minus true time, in seconds."""
    return camera_us - round(offset_s * US)


def local_text(us: int, zone_name: str | None = None) -> str:
    """A UTC instant shown to a person in a zone (this PC's by default), with the zone's
    abbreviation: how every sentence of the core names a time (frp.times.format_local)."""
    return format_local(us, system_zone_name() if zone_name is None else zone_name)
