"""The app's few time conversions, with the standard library only: the agent's instants are
integer UTC microseconds since 1970; the owner reads and types wall time in a zone."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

US = 1_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def zone(name: str) -> ZoneInfo:
    """An IANA zone by name (the agent checked the names it hands out)."""
    return ZoneInfo(name)


# UTC by every name the zone database gives it: the zone of a recorder that names its files in
# UTC (Frigate), which no clock on a wall or a phone shows.
_UTC_NAMES = {"UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich"}


def is_utc(zone_name: str) -> bool:
    """Whether `zone_name` is UTC itself ('UTC', 'Etc/UTC', 'GMT', ...), not a place's zone."""
    return zone_name.removeprefix("Etc/") in _UTC_NAMES


def to_datetime(us: int) -> datetime:
    """UTC microseconds -> aware UTC datetime (exact: no float)."""
    return EPOCH + timedelta(microseconds=us)


def from_datetime(dt: datetime) -> int:
    """Aware datetime -> UTC microseconds (exact integer arithmetic)."""
    if dt.utcoffset() is None:
        raise ValueError(f"time {dt.isoformat()} has no zone")
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * US + delta.microseconds


def local(us: int, zone_name: str) -> datetime:
    """A UTC instant as an aware datetime in the owner's zone; in UTC when the zone would
    take it past what a datetime holds (the year 1 west of Greenwich, 9999 east of it: a
    request's window may be any time from the year 1), as the command line shows it."""
    utc = to_datetime(us)
    try:
        return utc.astimezone(zone(zone_name))
    except OverflowError:
        return utc


def wall_us(year: int, month: int, day: int, hour: int, minute: int, second: int,
            zone_name: str, fold: int = 0) -> int:
    """A wall time the owner typed, in a zone, as UTC microseconds. A time the clocks going
    back make happen twice is its first reading, or its second with `fold` 1 (as the instant
    it was shown from was: local(...).fold); `fold` changes no other time."""
    first = datetime(year, month, day, hour, minute, second, tzinfo=zone(zone_name))
    second_reading = first.replace(fold=1)
    if fold and _happens(second_reading) and second_reading.utcoffset() != first.utcoffset():
        return from_datetime(second_reading)
    return from_datetime(first)


def passes(year: int, month: int, day: int, hour: int, minute: int, second: int,
           zone_name: str) -> tuple[str, str] | None:
    """How the zone names the two readings of a wall time the clocks going back make happen
    twice, first and second ('PDT', 'PST'; their UTC offsets, '-03:00', where both readings
    share a name); None for a time that happens once."""
    first = datetime(year, month, day, hour, minute, second, tzinfo=zone(zone_name))
    second_reading = first.replace(fold=1)
    if second_reading.utcoffset() == first.utcoffset() or not _happens(second_reading):
        return None
    names = (first.strftime("%Z"), second_reading.strftime("%Z"))
    if names[0] == names[1]:
        names = tuple(f"{t:%z}"[:3] + ":" + f"{t:%z}"[3:] for t in (first, second_reading))
    return names


def _happens(wall: datetime) -> bool:
    """True when the clock shows `wall` at the instant it stands for (not a skipped time)."""
    back = wall.astimezone(timezone.utc).astimezone(wall.tzinfo)
    return back.replace(tzinfo=None, fold=0) == wall.replace(tzinfo=None, fold=0)


# A time as the core writes it in a sentence (frp.times.format_local): wall time, abbreviation.
_SHOWN = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))? (\S+)",
                    re.ASCII)


def read_shown(text: str, zone_name: str) -> int | None:
    """The instant the core wrote as `text` on `zone_name`'s clock ("2026-11-20 14:05:00 PST",
    frp.times.format_local), as UTC microseconds; None when `text` is not one. The abbreviation
    says which reading of an hour the clocks go back through it is; UTC is read too, as the
    core writes a date the zone would take past the year 1 or 9999 in UTC."""
    found = _SHOWN.fullmatch(text)
    if found is None:
        return None
    *fields, millis, abbreviation = found.groups()
    try:
        wall = datetime(*(int(f) for f in fields), int(millis or 0) * 1000)
    except ValueError:
        return None
    for name in dict.fromkeys((zone_name, "UTC")):
        for fold in (0, 1):
            reading = wall.replace(tzinfo=zone(name), fold=fold)
            try:
                if reading.strftime("%Z") == abbreviation and _happens(reading):
                    return from_datetime(reading)
            except OverflowError:
                continue
    return None


# The year around now is looked at, a month apart: a zone's summer time lasts months.
_MONTHS = 13
_MONTH = timedelta(days=30)


def fixed_zone(zone_name: str, now_us: int) -> str | None:
    """The zone of a clock that keeps `zone_name`'s winter time all year, as a camera that
    ignores summer time does: 'Etc/GMT+8' for America/Los_Angeles (the zone database's sign
    is POSIX's: +8 is 8 hours behind UTC). None for a zone without summer time in the year
    before `now_us`, one not known, or one whose winter time is not a whole hour from UTC
    (no such fixed zone is named)."""
    try:
        rules = zone(zone_name)
    except (ValueError, OSError, LookupError):   # not a name of the zone database
        return None
    now = to_datetime(now_us)
    offsets = {(now - month * _MONTH).astimezone(rules).utcoffset() for month in range(_MONTHS)}
    if len(offsets) < 2:
        return None
    hours, rest = divmod(int(min(offsets).total_seconds()), 3600)   # winter time: the lesser
    if rest or not -12 <= hours <= 14:
        return None
    return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"
