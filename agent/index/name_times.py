"""Times read from the fields of a recording's name (layouts.py matches the name): a start,
an end, a fixed UTC offset. Raises ValueError (and OverflowError, TypeError) for fields that
are no real time; layouts turns those into a note."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_DAY = timedelta(days=1)
# The most any zone's clocks go back by (Antarctica/Troll's two hours).
_CLOCKS_GO_BACK = timedelta(hours=2)
_SECOND = timedelta(seconds=1)
_OFFSET = re.compile(r"([+-])(\d\d)[_:]?(\d\d)?", re.ASCII)
_OFFSETS: dict[str, timezone | None] = {}


def offset(text: str) -> timezone | None:
    """'+0200', '-08_00', '+00:00', '+03' -> a fixed offset; None when it is not a real one."""
    if text in _OFFSETS:
        return _OFFSETS[text]
    tz = None
    m = _OFFSET.fullmatch(text)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours < 24 and minutes < 60:
            delta = timedelta(hours=hours, minutes=minutes)
            tz = timezone(-delta if m.group(1) == "-" else delta)
    if len(_OFFSETS) < 256:  # the set of offsets is tiny; the cap only guards odd input
        _OFFSETS[text] = tz
    return tz


def _clock(Y, M, D, h, m, s, us: int, tz: timezone | None) -> datetime:
    """A wall time from name fields; second 60 (a recorder rounding up, or a leap second) is
    the first second of the next minute."""
    second = int(s)
    if second == 60:
        return datetime(int(Y), int(M), int(D), int(h), int(m), 59, us, tz) + _SECOND
    return datetime(int(Y), int(M), int(D), int(h), int(m), second, us, tz)


def start_time(g: dict, tz: timezone | None) -> datetime:
    """The start a grammar's fields give: epoch milliseconds or seconds, else the date and
    time (12-hour with am/pm too); ValueError when it is no real time."""
    epoch = g.get("epms")
    if epoch:
        return _EPOCH + timedelta(milliseconds=int(epoch))
    epoch = g.get("ep")
    if epoch:
        return _EPOCH + timedelta(seconds=int(epoch))
    hour = int(g["h"])
    ampm = g.get("ap")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("12-hour clock out of range")
        hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
    ms = g.get("ms")
    second = g["s"]
    if second == "60":
        return _clock(g["Y"], g["M"], g["D"], hour, g["m"], second, int(ms) * 1000 if ms else 0, tz)
    return datetime(int(g["Y"]), int(g["M"]), int(g["D"]), hour, int(g["m"]), int(second),
                    int(ms) * 1000 if ms else 0, tz)


def end_time(g: dict, start: datetime, tz: timezone | None) -> datetime | None:
    """The end a grammar's fields give (a full date and time, a time of the start's day or the
    next, or a duration), or None when they give none or one before the start, except a wall
    time within the hours clocks go back by: the recording ran across the fall-back, and
    placement.py reads it on the same night."""
    if g.get("eY"):
        end = _clock(g["eY"], g["eM"], g["eD"], g["eh"], g["em"], g["es"], 0, tz)
        back = tz is None and start - end <= _CLOCKS_GO_BACK
        return end if end >= start or back else None
    if g.get("eh"):
        # A time-only end belongs to the start's day, or the next one when it passed midnight.
        if g["es"] == "60":
            end = _clock(start.year, start.month, start.day, g["eh"], g["em"], "60", 0, tz)
        else:
            end = datetime(start.year, start.month, start.day, int(g["eh"]), int(g["em"]),
                           int(g["es"]), 0, tz)
        return end + _DAY if end < start else end
    duration = g.get("dur")
    if duration:
        return start + timedelta(seconds=int(duration))
    return None
