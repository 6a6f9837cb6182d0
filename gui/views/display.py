"""How times, sizes and durations are written for the owner (plain words, their own time zone).

Pure functions, no Qt: the agent keeps UTC microseconds; only here do they become local text.
"""
from __future__ import annotations

from gui.views.times import US, local

__all__ = ["local", "clock", "day_time", "window", "duration", "time_left", "size",
           "offset_words", "zone_words"]


def clock(us: int, zone_name: str, seconds: bool = True) -> str:
    """14:05:09 PST (or 14:05 PST) in the owner's zone: a time is never shown without it."""
    return local(us, zone_name).strftime("%H:%M:%S %Z" if seconds else "%H:%M %Z")


def zone_words(us: int, zone_name: str) -> str:
    """The zone that times typed or shown near `us` are in: 'PST, America/Los_Angeles'."""
    abbreviation = local(us, zone_name).strftime("%Z")
    return abbreviation if abbreviation == zone_name else f"{abbreviation}, {zone_name}"


def day_time(us: int, zone_name: str) -> str:
    """Fri 20 Nov 2026, 14:05:09 PST."""
    t = local(us, zone_name)
    return f"{t:%a} {t.day} {t:%b %Y}, {t:%H:%M:%S %Z}"


def window(start_us: int, end_us: int, zone_name: str) -> str:
    """A window as one line; the day is written once when both ends fall on the same day."""
    s, e = local(start_us, zone_name), local(end_us, zone_name)
    head = f"{s:%a} {s.day} {s:%b %Y}, {s:%H:%M:%S}"
    if s.date() == e.date():
        return f"{head} to {e:%H:%M:%S %Z}"
    return f"{head} to {e:%a} {e.day} {e:%b}, {e:%H:%M:%S %Z}"


def duration(seconds: float) -> str:
    """1 h 05 min, 4 min 30 s, 12 s."""
    total = max(0, int(round(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    return f"{secs} s"


def time_left(expires_us: int, now_us: int) -> str:
    """'3 days left', '5 h left', 'ended'."""
    left = (expires_us - now_us) / US
    if left <= 0:
        return "ended"
    if left >= 2 * 86400:
        return f"{int(left // 86400)} days left"
    if left >= 3600:
        return f"{int(left // 3600)} h left"
    return f"{max(1, int(left // 60))} min left"


def size(n: int | float) -> str:
    """1.2 MB, 640 KB (decimal units, as file managers show)."""
    n = float(max(0, n))
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{int(n)} bytes"


def offset_words(seconds: float) -> str:
    """A clock offset as a sentence: 'runs 12 s fast', 'runs 3 s slow', 'is right'."""
    if abs(seconds) < 0.5:
        return "is right"
    way = "fast" if seconds > 0 else "slow"
    return f"runs {duration(abs(seconds))} {way}"
