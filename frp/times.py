"""Time on the wire: RFC 3339 texts with an offset, read into UTC microseconds since 1970.

Every instant FRP/1 carries (request windows, approvals, receipts) is written this way; the
agent builds its own time handling (zones, camera clocks) on these.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

US = 1_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:?\d{2})$"
)


class TimeError(ValueError):
    """A time a person or a file gave us that cannot be read."""


def from_datetime(dt: datetime) -> int:
    """Aware datetime -> UTC microseconds (exact integer arithmetic, no float rounding)."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise TimeError(f"time {dt.isoformat()} has no offset")
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * US + delta.microseconds


def to_datetime(us: int) -> datetime:
    """UTC microseconds -> aware UTC datetime."""
    return EPOCH + timedelta(microseconds=us)


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
    tz_text = m.group(8)
    if tz_text in ("Z", "z"):
        tz = timezone.utc
    else:
        sign = -1 if tz_text[0] == "-" else 1
        digits = tz_text[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        dt = datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError as exc:
        raise TimeError(f"'{text}' is not a real time: {exc}") from None
    return from_datetime(dt)


def format_utc(us: int) -> str:
    """UTC microseconds -> `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (the CLI's JSON form)."""
    dt = to_datetime(us)
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if dt.microsecond:
        text += f".{dt.microsecond:06d}"
    return text + "Z"
