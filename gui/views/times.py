"""The app's few time conversions, with the standard library only: the agent's instants are
integer UTC microseconds since 1970; the owner reads and types wall time in a zone."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

US = 1_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def zone(name: str) -> ZoneInfo:
    """An IANA zone by name (the agent checked the names it hands out)."""
    return ZoneInfo(name)


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
    """A UTC instant as an aware datetime in the owner's zone."""
    return to_datetime(us).astimezone(zone(zone_name))


def wall_us(year: int, month: int, day: int, hour: int, minute: int, second: int,
            zone_name: str) -> int:
    """A wall time the owner typed, in a zone, as UTC microseconds."""
    return from_datetime(datetime(year, month, day, hour, minute, second,
                                  tzinfo=zone(zone_name)))
