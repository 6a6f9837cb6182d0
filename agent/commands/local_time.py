"""Time as the owner reads and types it on the command line: their own clock, with its zone.

The one place that decides how an instant reads for a person (`shown`, `window`) and how a
time a person typed is read (`read_time`). The zone is the camera's where one camera's
recordings are concerned (its recordings folder's zone, the clock its owner knows), else this
PC's. JSON output stays RFC 3339 UTC (the contract); only what a person reads changes.

A time typed without an offset (`2026-11-20T14:05`, `2026-11-20 14:05:00`, or as shown,
`2026-11-20 14:05:00 PST`, or on a 12-hour clock, `2026-11-20 2:05 PM`) is read in that zone;
one shown with a zone's numeric abbreviation (`2026-11-20 19:05:00 -03`) at that offset.
In the hour a fall-back repeats it is refused, naming both readings, unless the zone's
abbreviation says which; in a spring-forward gap (a time that never happened) it is read with
the offset before the change, and said so.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Callable, Iterable

from agent.timebase import (NotRealTime, TimeError, format_local, in_calendar, parse_rfc3339,
                            resolve_wall, to_datetime, zone)
from frp.times import fields_words

# A wall time may be on a 12-hour clock (`2026-11-20 2:05 PM`, as Windows and a US phone show
# the time): AM or PM, a word of its own, was otherwise read as a zone's abbreviation, and the
# owner was told the clocks "read PST then, not PM".
_WALL = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?"
    r"(?:\s*([AaPp][Mm])(?![A-Za-z]))?(?:\s*([A-Za-z]{2,6}|[+-]\d{2}(?::?\d{2})?))?$")
# A zone with no letters for its clocks shows its offset where PST would be (`-03` for São
# Paulo, `+0545` for Kathmandu, `-08` for Etc/GMT+8, the zone a camera on winter time all
# year is given): a time copied from the listings is read with that offset.
_NUMERIC = re.compile(r"^([+-])(\d{2}):?(\d{2})?$")
# A time with an offset but no seconds (`2026-11-20T14:05Z`, `...14:05-08:00`): RFC 3339 wants
# them, but a wall time may leave them out, and an owner adding Z or an offset to one would
# otherwise be told it is not a time.
_NO_SECONDS = re.compile(r"^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2})([Zz]|[+-]\d{2}:\d{2})$")
_UNIVERSAL = ("UTC", "GMT")
EXAMPLE = "2026-11-20T14:05:00 (your camera's time) or 2026-11-20T14:05:00-08:00"
CAMERA_HELP = "the camera's name, as `footage-agent cameras` lists it"


def time_help(what: str, clock: str = "the camera's clock") -> str:
    """`--help` words for an option taking a time: `what` it is, read on `clock`, with an
    example of each form read_time takes."""
    return (f"{what}, on {clock}: 2026-11-20T14:05 (or with the offset, "
            "2026-11-20T14:05:00-08:00)")


def shown(us: int | None, zone_name: str) -> str:
    """An instant as a person reads it: `2026-11-20 14:05:00 PST` (milliseconds when it has
    them); '-' for none. The core's own sentences write times the same way (format_local)."""
    return "-" if us is None else format_local(us, zone_name)


def window(start_us: int, end_us: int, zone_name: str) -> str:
    """Two instants as `2026-11-20 14:05:00 PST to 14:15:00 PST` (the day once when shared)."""
    a, b = shown(start_us, zone_name), shown(end_us, zone_name)
    if a[:10] == b[:10]:
        b = b[11:]
    return f"{a} to {b}"


def read_time(text: str, what: str, zone_name: str,
              note: Callable[[str], None] | None = None) -> int:
    """A time from the command line as UTC microseconds.

    With an offset it means exactly that. Without one it is read in `zone_name`; a trailing
    abbreviation (PST, PDT, UTC) picks the reading and must be one the zone uses then.
    Raises TimeError naming `what` (the option) when it cannot be read or is ambiguous.
    `note` is told when a time that never happened (a spring-forward gap) was moved.
    """
    raw = text.strip()
    bare = _NO_SECONDS.match(raw)
    try:
        us = parse_rfc3339(f"{bare.group(1)}:00{bare.group(2)}" if bare else raw)
    except NotRealTime as exc:   # written with an offset, but no real instant
        raise TimeError(f"{what} {text!r} is not a time: {exc.why}") from None
    except TimeError:
        pass
    else:
        return _shown_in(us, text, what, zone_name)
    m = _WALL.match(raw)
    if not m:
        raise TimeError(f"{what} {text!r} is not a time: write {EXAMPLE}")
    y, mo, d, h, mi = (int(g) for g in m.groups()[:5])
    sec, frac, abbr = int(m.group(6) or 0), m.group(7), (m.group(9) or "").upper()
    if m.group(8):
        h = _twenty_four(h, m.group(8).upper(), text, what)
    micro = int(((frac or ".")[1:] + "000000")[:6])
    try:
        wall = datetime(y, mo, d, h, mi, sec, micro)
    except ValueError:
        raise TimeError(f"{what} {text!r} is not a real time: "
                        f"{fields_words(y, mo, d, h, mi, sec)}") from None
    if abbr in _UNIVERSAL:
        return _shown_in(resolve_wall(wall, "UTC").earliest, text, what, zone_name)
    numeric = _NUMERIC.match(abbr)
    if numeric:
        return _with_offset(wall, numeric, text, what, zone_name)
    try:
        reading = resolve_wall(wall, zone_name)
    except OverflowError:   # the zone's offset takes it past year 1 or 9999
        reading = None
    if reading is None or not all(in_calendar(us) for us in reading.readings):
        raise _outside(text, what, zone_name)
    readings = reading.readings
    if abbr:
        named = [us for us in readings if _abbreviation(us, zone_name) == abbr]
        if not named:
            used = " or ".join(sorted({_abbreviation(us, zone_name) for us in readings}))
            raise TimeError(f"{what} {text!r}: clocks in {zone_name} read {used} then, not "
                            f"{abbr}; write the offset instead, e.g. {EXAMPLE}")
        readings = tuple(named)
    if len(readings) > 1:
        both = " or ".join(f"{shown(us, zone_name)} ({_offset(us, zone_name)}, "
                           f"{to_datetime(us):%H:%M:%S}Z)" for us in readings)
        raise TimeError(f"{what} {text!r} happened twice in {zone_name} (the clocks went back "
                        f"an hour): it is {both}; add the offset or the abbreviation to say "
                        f"which, e.g. {wall:%Y-%m-%dT%H:%M:%S}{_offset(readings[0], zone_name)}")
    if reading.nonexistent and note is not None:
        note(f"note: {what} {wall:%Y-%m-%d %H:%M:%S} never happened in {zone_name} (the clocks "
             f"went forward an hour); read as {shown(readings[0], zone_name)}")
    return readings[0]


def _with_offset(wall: datetime, numeric: re.Match, text: str, what: str,
                 zone_name: str) -> int:
    """`wall` read at the offset written after it (`-03`, `+0545`, `-08:00`), held to an
    offset's rules: hours 00 to 23, minutes 00 to 59."""
    sign, hours, minutes = numeric.group(1), int(numeric.group(2)), int(numeric.group(3) or 0)
    if hours > 23 or minutes > 59:
        raise TimeError(f"{what} {text!r} is not a time: an offset's hours go from 00 to 23 "
                        "and its minutes from 00 to 59")
    offset_us = (hours * 3600 + minutes * 60) * 1_000_000 * (-1 if sign == "-" else 1)
    us = resolve_wall(wall, "UTC").earliest - offset_us
    if not in_calendar(us):
        raise _outside(text, what, zone_name)
    return _shown_in(us, text, what, zone_name)


def _twenty_four(hour: int, half: str, text: str, what: str) -> int:
    """The hour of a 12-hour clock's `hour` and `half` (AM, PM) on a 24-hour one: 12 AM is
    midnight, 12 PM noon. TimeError for an hour no 12-hour clock shows (0, 13 and on)."""
    if not 1 <= hour <= 12:
        raise TimeError(f"{what} {text!r} is not a time: a 12-hour clock's hours go from 1 to "
                        f"12; write it without {half} on the 24-hour clock, e.g. {EXAMPLE}")
    return hour % 12 + (12 if half == "PM" else 0)


def _shown_in(us: int, text: str, what: str, zone_name: str) -> int:
    """`us`, or TimeError when it has no date in the zone it is shown in (years 1 to 9999)."""
    try:
        to_datetime(us).astimezone(zone(zone_name))
    except OverflowError:
        raise _outside(text, what, zone_name) from None
    return us


def _outside(text: str, what: str, zone_name: str) -> TimeError:
    return TimeError(f"{what} {text!r} is not a time: in {zone_name} it falls outside the "
                     "years 1 to 9999")


def _abbreviation(us: int, zone_name: str) -> str:
    return to_datetime(us).astimezone(zone(zone_name)).strftime("%Z").upper()


def _offset(us: int, zone_name: str) -> str:
    text = to_datetime(us).astimezone(zone(zone_name)).strftime("%z")
    return f"{text[:3]}:{text[3:]}"


def whose_clock_labels(cameras_zone: str, pc_zone: str, cameras: int = 1) -> tuple[str, str]:
    """What to add after the label of a time on the cameras' clock and of one on this PC's,
    when a screen shows both and their zones differ ('' each when they are the same): the
    abbreviations alone (JST, PST, or '+03') never said which clock a time was on."""
    if cameras_zone == pc_zone:
        return "", ""
    whose = "the camera's" if cameras <= 1 else "the cameras'"
    return f" ({whose} clock, {cameras_zone})", f" (this computer's clock, {pc_zone})"


def zone_for(agent, cameras: Iterable[str] = ()) -> str:
    """The zone a person reads these cameras' times in: their recordings folders' zone when
    they share one, else this PC's."""
    zones = {agent.camera_zone(c) for c in cameras if c}
    zones.discard(None)
    if len(zones) == 1:
        return zones.pop()
    return agent.local_zone()
