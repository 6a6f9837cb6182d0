"""A recorder's zone rules, as the device reports them, turning its wall times into instants.

Hikvision reports a POSIX TZ text (`CET-1CEST,M3.5.0,M10.5.0/3`), Reolink a standard offset in
seconds with the POSIX sign plus a DST rule in fields; Dahua's zone is an index into a table
no public source maps, so for Dahua (and whenever the owner names one) an IANA zone is used.
Repeated fall-back hours give two readings (the earlier is used and the time is marked
ambiguous); skipped spring-forward hours use the offset before the jump, as the device's clock
did not jump yet (agent.timebase.resolve_wall does the same for IANA zones).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from agent.recorders.model import BadAnswer, DeviceTime
from agent.timebase import US, WallReading, naive_us, resolve_wall, to_datetime, zone

_EPOCH = datetime(1970, 1, 1)
_DAY_S = 86400


class DeviceZone(Protocol):
    def resolve(self, wall: datetime) -> WallReading:
        """A wall time the device wrote -> its UTC reading(s)."""

    def wall_at(self, us: int) -> datetime:
        """The device's wall clock (naive) at a UTC instant of its own clock."""

    def describe(self) -> str: ...


@dataclass(frozen=True)
class IanaZone:
    name: str

    def __post_init__(self) -> None:
        zone(self.name)  # an unknown name fails here, with a message a person can act on

    def resolve(self, wall: datetime) -> WallReading:
        return resolve_wall(wall, self.name)

    def wall_at(self, us: int) -> datetime:
        return to_datetime(us).astimezone(zone(self.name)).replace(tzinfo=None)

    def describe(self) -> str:
        return self.name


@dataclass(frozen=True)
class WeekRule:
    """Weekday (0 = Sunday) of week 1..5 (5 = last) of a month, at a local time in seconds."""

    month: int
    week: int
    weekday: int
    at_s: int = 7200

    def wall(self, year: int) -> datetime:
        first = (calendar.weekday(year, self.month, 1) + 1) % 7  # Python's Monday=0 -> Sunday=0
        day = 1 + (self.weekday - first) % 7 + 7 * (min(self.week, 5) - 1)
        last = calendar.monthrange(year, self.month)[1]
        while day > last:
            day -= 7
        return datetime(year, self.month, day) + timedelta(seconds=self.at_s)


@dataclass(frozen=True)
class RuleZone:
    """A standard offset and optionally one DST rule pair (seconds east of UTC)."""

    std_east_s: int
    dst_east_s: int | None = None
    start: WeekRule | None = None
    end: WeekRule | None = None
    label: str = ""

    def _changes(self, year: int) -> list[tuple[float, int]]:
        on = (self.start.wall(year) - _EPOCH).total_seconds() - self.std_east_s
        off = (self.end.wall(year) - _EPOCH).total_seconds() - self.dst_east_s
        return sorted([(on, self.dst_east_s), (off, self.std_east_s)])

    def offset_at(self, utc_s: float) -> int:
        """Seconds east of UTC in force at a UTC instant."""
        if self.dst_east_s is None:
            return self.std_east_s
        year = (_EPOCH + timedelta(seconds=utc_s)).year
        changes = self._changes(year - 1) + self._changes(year) + self._changes(year + 1)
        current = self.std_east_s if changes[0][1] == self.dst_east_s else self.dst_east_s
        for when, east in changes:
            if when <= utc_s:
                current = east
        return current

    def wall_at(self, us: int) -> datetime:
        return _EPOCH + timedelta(microseconds=us + self.offset_at(us / US) * US)

    def resolve(self, wall: datetime) -> WallReading:
        naive = naive_us(wall.replace(tzinfo=None))
        offsets = {self.std_east_s} | ({self.dst_east_s} if self.dst_east_s is not None else set())
        readings = sorted(naive - east * US for east in offsets
                          if self.offset_at((naive - east * US) / US) == east)
        if not readings:  # a skipped hour: the clock still ran on standard time
            return WallReading((naive - self.std_east_s * US,), nonexistent=True)
        return WallReading(tuple(readings))

    def describe(self) -> str:
        return self.label or f"UTC{self.std_east_s / 3600:+g}"


_POSIX = re.compile(r"^([A-Za-z]{3,}|<[A-Za-z0-9+\-]+>)([+-]?\d{1,2}(?::\d{1,2}){0,2})"
                    r"(?:([A-Za-z]{3,}|<[A-Za-z0-9+\-]+>)([+-]?\d{1,2}(?::\d{1,2}){0,2})?"
                    r"(?:,(M[\d.]+(?:/[+-]?\d{1,3}(?::\d{1,2}){0,2})?),"
                    r"(M[\d.]+(?:/[+-]?\d{1,3}(?::\d{1,2}){0,2})?))?)?$")


# The most any zone's summer time moves its clock (two hours: Antarctica's Troll; others one,
# or half an hour).
MAX_SHIFT_S = 2 * 3600


def _hms(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _rule(text: str) -> WeekRule:
    date, _, at = text[1:].partition("/")
    try:
        month, week, weekday = (int(p) for p in date.split("."))
    except ValueError:
        raise BadAnswer(f"unreadable DST rule {text!r}") from None
    if not (1 <= month <= 12 and 1 <= week <= 5 and 0 <= weekday <= 6):
        raise BadAnswer(f"unreadable DST rule {text!r}")
    return WeekRule(month, week, weekday, _hms(at) if at else 7200)


def posix_zone(text: str) -> RuleZone:
    """A POSIX TZ text (Hikvision's `timeZone`): the offset's sign is POSIX (positive = west)."""
    m = _POSIX.match(text.strip())
    if not m:
        raise BadAnswer(f"The recorder's time zone {text[:80]!r} is not a POSIX TZ rule.")
    _std, off, dst, dst_off, start, end = m.groups()
    std_east = -_hms(off)
    if dst is None:
        return RuleZone(std_east, label=text.strip())
    dst_east = -_hms(dst_off) if dst_off else std_east + 3600
    if dst_off and not 0 < dst_east - std_east <= MAX_SHIFT_S and 0 < _hms(dst_off) <= MAX_SHIFT_S:
        # Hikvision's own form (`CST-1:00:00DST01:00:00,...`, qb60/hikvision-downloader#5):
        # the value after DST is how far summer time moves the clock. Read as POSIX's offset
        # it would move it backwards, or by hours no zone uses.
        dst_east = std_east + _hms(dst_off)
    return RuleZone(std_east, dst_east, _rule(start) if start else WeekRule(3, 2, 0),
                    _rule(end) if end else WeekRule(11, 1, 0), label=text.strip())


def reolink_zone(time_value: dict, dst: dict) -> RuleZone:
    """Reolink's GetTime: `Time.timeZone` in seconds with the POSIX sign (west positive), and
    `Dst` with enable, offset (hours) and start/end Mon, Week (5 = last), Weekday (0 = Sunday),
    Hour, Min, Sec."""
    try:
        std_east = -int(time_value["timeZone"])
        if abs(std_east) > _DAY_S:   # no zone is a day off UTC: a garbled field
            raise ValueError("offset out of range")
        if not int(dst.get("enable", 0)):
            return RuleZone(std_east, label=f"UTC{std_east / 3600:+g}")

        def rule(key: str) -> WeekRule:
            return WeekRule(int(dst[f"{key}Mon"]), int(dst[f"{key}Week"]), int(dst[f"{key}Weekday"]),
                            int(dst.get(f"{key}Hour", 2)) * 3600 + int(dst.get(f"{key}Min", 0)) * 60
                            + int(dst.get(f"{key}Sec", 0)))

        start, end = rule("start"), rule("end")
        if not (1 <= start.month <= 12 and 1 <= end.month <= 12 and 1 <= start.week <= 5
                and 1 <= end.week <= 5 and 0 <= start.at_s <= _DAY_S and 0 <= end.at_s <= _DAY_S):
            raise ValueError("rule out of range")
        shift = int(dst.get("offset", 1)) * 3600
        if abs(shift) > _DAY_S:
            raise ValueError("shift out of range")
        return RuleZone(std_east, std_east + shift, start, end,
                        label=f"UTC{std_east / 3600:+g} with summer time")
    # Any other shape (a list where the fields belong, a number too large) is as unreadable.
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        raise BadAnswer("The recorder's time zone settings (GetTime) could not be read.") from None


def device_time(wall: datetime, text: str, zone_rules: DeviceZone) -> DeviceTime:
    """A wall time the device wrote, resolved with its zone rules."""
    reading = zone_rules.resolve(wall)
    return DeviceTime(text, reading.earliest, reading.ambiguous, reading.nonexistent,
                      reading.readings[-1] if reading.ambiguous else None)


def steady(zone_rules: DeviceZone, start_us: int, end_us: int) -> bool:
    """True when the device's wall clock runs straight from `start_us` to `end_us`: no change
    of offset between, so a part asked for by its wall times is that stretch and no other."""
    elapsed = zone_rules.wall_at(end_us) - zone_rules.wall_at(start_us)
    return elapsed == timedelta(microseconds=end_us - start_us)


def repeated(zone_rules: DeviceZone, *instants: int) -> bool:
    """True when the device's wall time at any of `instants` is one the hour the clocks repeat
    gives twice: a device asked for it may take either hour."""
    return any(zone_rules.resolve(zone_rules.wall_at(us)).ambiguous for us in instants)


def named_once(zone_rules: DeviceZone, start_us: int, end_us: int) -> bool:
    """True when asking the device for [start, end] by its wall times (the end rounded up to
    its whole second) names that stretch and no other: its clock runs straight between them
    and neither end is in the repeated hour."""
    return steady(zone_rules, start_us, end_us) and not repeated(zone_rules, start_us,
                                                                 end_us + US - 1)


def wall_span(zone_rules: DeviceZone, start_us: int, end_us: int) -> tuple[datetime, datetime]:
    """The wall times to search between for all the device recorded in [start, end]: the
    ends' wall times, widened by any change of offset between them (the night the clocks go
    back, the wall times after the change come before those before it), and an end in the
    repeated hour by that hour, since the device may read it as either."""
    first, last = zone_rules.wall_at(start_us), zone_rules.wall_at(end_us)
    change = abs((last - first) - timedelta(microseconds=end_us - start_us))
    return first - change - _twice(zone_rules, first), last + change + _twice(zone_rules, last)


def _twice(zone_rules: DeviceZone, wall: datetime) -> timedelta:
    """How far apart the two readings of a wall time in the repeated hour are; 0 elsewhere."""
    readings = zone_rules.resolve(wall).readings
    return timedelta(microseconds=readings[-1] - readings[0])


def end_after(wall: datetime, text: str, start_us: int, zone_rules: DeviceZone) -> DeviceTime:
    """A recording's end as the device wrote it: the first moment at or after its start
    (`start_us`) when the device's clock read it. Across the night the clocks go back the
    device writes an end before its start (00:59:40 to 00:00:20): it is the second reading."""
    reading = zone_rules.resolve(wall)
    later = [r for r in reading.readings if r >= start_us]
    return DeviceTime(text, later[0] if later else reading.earliest, len(later) > 1,
                      reading.nonexistent)


def recording_times(start_wall: datetime, start_text: str, end_wall: datetime, end_text: str,
                    zone_rules: DeviceZone) -> tuple[DeviceTime, DeviceTime]:
    """A recording's start and end from the wall times the device wrote. An end written
    before the start is reached only from the earlier reading of a start in the repeated
    hour (the clocks went back inside the recording), which is then no longer ambiguous."""
    start = device_time(start_wall, start_text, zone_rules)
    end = end_after(end_wall, end_text, start.us, zone_rules)
    if start.ambiguous and end_wall < start_wall and end.us >= start.us:
        start = DeviceTime(start_text, start.us, nonexistent=start.nonexistent)
    return start, end
