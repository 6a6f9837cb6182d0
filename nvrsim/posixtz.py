"""POSIX TZ rules (`CET-1CEST,M3.5.0,M10.5.0/3`), the form Hikvision reports its zone in and the
form the simulator is configured with; Reolink's and Dahua's DST fields are made from it.

Offsets in the text have the POSIX sign (positive = west of UTC); everything here keeps
seconds *east* of UTC, the sign people and datetime use.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

_EPOCH = datetime(1970, 1, 1)
_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+\-]+>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{1,2}(?::\d{1,2})?)?"
_RULE = r"M\d{1,2}\.\d\.\d(?:/[+-]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?)?"
_TZ = re.compile(rf"^({_NAME})({_OFFSET})(?:({_NAME})({_OFFSET})?(?:,({_RULE}),({_RULE}))?)?$")


class ZoneError(ValueError):
    """A POSIX TZ text this module cannot read."""


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


@dataclass(frozen=True)
class Rule:
    """`Mm.w.d/time`: weekday d (0 = Sunday) of week w (5 = last) of month m, at local time."""

    month: int
    week: int
    weekday: int
    at_s: int = 7200

    @classmethod
    def parse(cls, text: str) -> "Rule":
        date, _, at = text[1:].partition("/")
        month, week, weekday = (int(p) for p in date.split("."))
        if not (1 <= month <= 12 and 1 <= week <= 5 and 0 <= weekday <= 6):
            raise ZoneError(f"bad rule {text!r}")
        return cls(month, week, weekday, _seconds(at) if at else 7200)

    def wall(self, year: int) -> datetime:
        """The local wall time this rule names in `year`."""
        first_weekday = (calendar.weekday(year, self.month, 1) + 1) % 7  # 0 = Sunday
        day = 1 + (self.weekday - first_weekday) % 7 + 7 * (self.week - 1)
        days_in_month = calendar.monthrange(year, self.month)[1]
        while day > days_in_month:
            day -= 7
        return datetime(year, self.month, day) + timedelta(seconds=self.at_s)

    def text(self) -> str:
        h, rest = divmod(self.at_s, 3600)
        at = "" if self.at_s == 7200 else f"/{h}" + (f":{rest // 60:02d}" if rest else "")
        return f"M{self.month}.{self.week}.{self.weekday}{at}"


@dataclass(frozen=True)
class PosixZone:
    """A zone with a standard offset and, optionally, one summer-time rule pair."""

    std_name: str
    std_east_s: int
    dst_name: str | None = None
    dst_east_s: int | None = None
    start: Rule | None = None
    end: Rule | None = None

    @classmethod
    def parse(cls, text: str) -> "PosixZone":
        m = _TZ.match(text.strip())
        if not m:
            raise ZoneError(f"not a POSIX TZ string: {text!r}")
        std, off, dst, dst_off, start, end = m.groups()
        std_east = -_seconds(off)
        if dst is None:
            return cls(std, std_east)
        dst_east = -_seconds(dst_off) if dst_off else std_east + 3600
        start_rule = Rule.parse(start) if start else Rule(3, 2, 0)
        end_rule = Rule.parse(end) if end else Rule(11, 1, 0)
        return cls(std, std_east, dst, dst_east, start_rule, end_rule)

    @property
    def has_dst(self) -> bool:
        return self.dst_east_s is not None

    def text(self) -> str:
        """The zone as POSIX TZ text again (Hikvision's `timeZone`)."""
        def off(east: int) -> str:
            west = -east
            sign = "-" if west < 0 else ""
            h, rest = divmod(abs(west), 3600)
            m, s = divmod(rest, 60)
            return f"{sign}{h}" + (f":{m:02d}" if m or s else "") + (f":{s:02d}" if s else "")
        out = f"{self.std_name}{off(self.std_east_s)}"
        if self.has_dst:
            dst_off = "" if self.dst_east_s == self.std_east_s + 3600 else off(self.dst_east_s)
            out += f"{self.dst_name}{dst_off},{self.start.text()},{self.end.text()}"
        return out

    def _transitions(self, year: int) -> list[tuple[float, int]]:
        """(UTC seconds, offset east from then on) for the DST changes of one year."""
        start = (self.start.wall(year) - _EPOCH).total_seconds() - self.std_east_s
        end = (self.end.wall(year) - _EPOCH).total_seconds() - self.dst_east_s
        return sorted([(start, self.dst_east_s), (end, self.std_east_s)])

    def offset_at(self, utc_s: float) -> int:
        """Seconds east of UTC in force at a UTC instant."""
        if not self.has_dst:
            return self.std_east_s
        year = (_EPOCH + timedelta(seconds=utc_s)).year
        changes = self._transitions(year - 1) + self._transitions(year) + self._transitions(year + 1)
        # Before the first change listed, the other offset held.
        current = self.std_east_s if changes[0][1] == self.dst_east_s else self.dst_east_s
        for when, east in changes:
            if when <= utc_s:
                current = east
        return current

    def to_wall(self, utc_s: float) -> datetime:
        """The wall clock (naive) at a UTC instant."""
        return _EPOCH + timedelta(seconds=utc_s + self.offset_at(utc_s))

    def from_wall(self, wall: datetime) -> float:
        """A wall time as UTC seconds: the earlier reading in a repeated hour, the standard
        offset inside a skipped one (as a device's clock behaves before it jumps)."""
        naive = (wall.replace(tzinfo=None) - _EPOCH).total_seconds()
        offsets = [self.std_east_s] + ([self.dst_east_s] if self.has_dst else [])
        readings = sorted(naive - east for east in offsets if self.offset_at(naive - east) == east)
        return readings[0] if readings else naive - self.std_east_s

    def is_dst(self, utc_s: float) -> bool:
        return self.has_dst and self.offset_at(utc_s) == self.dst_east_s
