"""Time on the wire: RFC 3339 texts with an offset, read into UTC microseconds since 1970.

Every instant FRP/1 carries (request windows, approvals, receipts) is written this way; the
agent builds its own time handling (zones, camera clocks) on these.
"""
from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

US = 1_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:?\d{2})$",
    re.ASCII,   # digits 0-9 only: int() would also read other scripts' digits
)


# The instants a date can show, 0001-01-01T00:00:00Z up to 9999-12-31T23:59:59.999999Z: a
# time outside them cannot be written back (or compared as a date) anywhere.
FIRST_US = -62_135_596_800 * US
AFTER_LAST_US = 253_402_300_800 * US


class TimeError(ValueError):
    """A time a person or a file gave us that cannot be read."""


class NotRealTime(TimeError):
    """A text written as an RFC 3339 time whose fields are not a real instant (month 13, an
    offset of +25:00, a year past 9999 in UTC); `why` says which, in plain words."""

    def __init__(self, text: str, why: str):
        super().__init__(f"'{text}' is not a real time: {why}")
        self.why = why


def in_calendar(us: int) -> bool:
    """Whether UTC microseconds fall in the years 1 to 9999 (what a date can show)."""
    return FIRST_US <= us < AFTER_LAST_US


def from_datetime(dt: datetime) -> int:
    """Aware datetime -> UTC microseconds (exact integer arithmetic, no float rounding)."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise TimeError(f"time {dt.isoformat()} has no offset")
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * US + delta.microseconds


def to_datetime(us: int) -> datetime:
    """UTC microseconds -> aware UTC datetime."""
    return EPOCH + timedelta(microseconds=us)


# The command's words are English wherever it runs (calendar.month_name follows the locale).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def fields_words(year: int, month: int, day: int, hour: int, minute: int, second: int) -> str:
    """Which of a typed date's fields is not a real one, in plain words ("November 2026 has 30
    days"), for a typo an owner can find; datetime's own words ("day is out of range for
    month") name no field's value."""
    if not 1 <= year <= 9999:
        return "years go from 0001 to 9999"
    if not 1 <= month <= 12:
        return f"there is no month {month}: months go from 01 to 12"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{MONTHS[month - 1]} {year} has {days} days"
    if not 0 <= hour <= 23:
        return "hours go from 00 to 23"
    if not 0 <= minute <= 59:
        return "minutes go from 00 to 59"
    return "seconds go from 00 to 59"


def parse_rfc3339(text: str) -> int:
    """Parse an RFC 3339 time that carries an offset (`...Z` or `...-08:00`) to UTC microseconds."""
    m = _RFC3339.match(text.strip())
    if not m:
        raise TimeError(
            f"'{text}' is not an RFC 3339 time with an offset, e.g. 2026-11-20T14:05:00-08:00"
        )
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    frac = (m.group(7) or ".0")[1:]
    micro = int((frac + "000000")[:6])
    tz = _offset(text, m.group(8))
    try:
        dt = datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        raise NotRealTime(text, fields_words(year, month, day, hour, minute, second)) from None
    us = from_datetime(dt)
    if not in_calendar(us):
        raise NotRealTime(text, "it falls outside the years 1 to 9999 in UTC")
    return us


def window_of(value: object) -> tuple[int, int] | None:
    """A record's or a token's window (`{"start", "end"}`, RFC 3339 with an offset) as UTC
    microseconds, so times written differently compare as instants; None when it is not one
    (not an object, a time missing, null or not RFC 3339)."""
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, str) or not isinstance(end, str):
        return None
    try:
        return parse_rfc3339(start), parse_rfc3339(end)
    except (ValueError, OverflowError):   # TimeError is a ValueError
        return None


def _offset(text: str, tz_text: str) -> timezone:
    """The zone an RFC 3339 offset (`Z`, `+08:00`) names: hours 00-23, minutes 00-59."""
    if tz_text in ("Z", "z"):
        return timezone.utc
    digits = tz_text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise NotRealTime(text, f"its offset {tz_text} is out of range (hours 00 to 23, "
                                "minutes 00 to 59)")
    sign = -1 if tz_text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def format_utc(us: int) -> str:
    """UTC microseconds -> `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (the CLI's JSON form)."""
    dt = to_datetime(us)
    text = f"{dt.year:04d}-{dt:%m-%dT%H:%M:%S}"   # %Y writes year 1 as "1" on some systems
    if dt.microsecond:
        text += f".{dt.microsecond:06d}"
    return text + "Z"


def format_local(us: int, zone_name: str = "UTC") -> str:
    """UTC microseconds as a person reads them on their own clock: `2026-11-20 14:05:00 PST`
    in the IANA zone `zone_name` (milliseconds when it has them), the one form every sentence
    the owner reads uses; in UTC when the zone is unknown or would take the date past the
    year 1 or 9999, and '(not a real date)' for an instant no calendar shows."""
    if not in_calendar(us):
        return "(not a real date)"
    t = to_datetime(us)
    try:
        t = t.astimezone(ZoneInfo(zone_name))
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        pass
    text = f"{t.year:04d}-{t:%m-%d %H:%M:%S}"   # %Y writes year 1 as "1" on some systems
    if t.microsecond >= 1000:
        text += f".{t.microsecond // 1000:03d}"
    return f"{text} {t.strftime('%Z')}"
