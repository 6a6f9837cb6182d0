"""Placing one file in true UTC: name, container and mtime evidence combined.

Order of evidence (design.md): start from the name (vendor grammar), else the container's
creation time (read in the camera's zone where the file's date says the camera wrote its wall
clock there, not UTC), else mtime minus duration; end from the name, else start plus duration. A local
name in the repeated fall-back hour is resolved with the container creation time, then with
the mtime (the moment the recorder closed the file), and otherwise indexed at its earliest
reading and marked `ambiguous` (coverage.py never lets such a file into a clip). The source's
clock offset is applied last.

A name's end is the first moment after the start at which the recorder's clock read it: on the
night the clocks go back, a time-only end written before the start (01:59:50 to 01:00:10) is
the same night's second reading, 20 s later, not the next day's (23 hours), and it tells that
the start was the earlier reading. A name's end is also checked against the container: a file
holding clearly less or more than its name says ends where its frames end, as the cut reads
them, so no second without a frame is claimed as recorded and none with frames as a gap.

On a card formatted FAT (or exFAT, its offset field left unset) the modification time is the
camera's wall clock, kept with no zone, which the system reports less an offset of its own
(`card_offset_s`, local_times.py: on Windows the PC's offset now, whatever the file's date). That offset is added back and the wall
time read in the camera's zone, as a name's is: a file written in summer and read in winter is
not placed an hour off, and in the repeated fall-back hour it is as ambiguous as a name.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from agent.index.layouts import NameFacts, NameTime
from agent.index.probe import ContainerFacts
from agent.timebase import (US, WallReading, apply_clock_offset, in_calendar, naive_us,
                            resolve_wall, to_datetime, zone)

# Two readings of a fall-back name are an hour apart; evidence must sit clearly nearer one.
_DISAMBIGUATE_WITHIN_US = 20 * 60 * US
# Names count whole seconds and a file's last frame ends a moment before its named end; past
# this, a file holding less (or more) than its name says is placed by its frames.
_NAME_END_SLACK_US = 2 * US
_DAY = timedelta(days=1)
# A camera closes a file as its recording ends (its index written within seconds): its date
# and the start plus the footage's length, read on one clock, agree within this. Every zone's
# offset is 30 minutes or more, so the two readings of a creation time never both agree.
_CLOSED_WITHIN_US = 5 * 60 * US
LOCAL_CREATION = ("the container's creation time is the camera's wall clock, not UTC as the "
                  "format says (its file date agrees): read in the folder's zone")
_NAIVE_EPOCH = datetime(1970, 1, 1)


@dataclass(frozen=True)
class Placement:
    """Where a file sits in true UTC, and how sure we are."""

    start_us: int | None
    end_us: int | None
    alt_start_us: int | None  # the other reading of an ambiguous local name
    ambiguous: bool
    notes: tuple[str, ...]
    source: str | None = None  # what gave the start: "name", "container", "mtime"; None: nothing


def place(facts: NameFacts | None, container: ContainerFacts | None, zone_name: str,
          clock_offset_s: float, mtime_ns: int, card_offset_s: int | None = None) -> Placement:
    """Combine the evidence for one file into its UTC start and end. `card_offset_s`: the
    offset the system read the wall time of a FAT card's file with (local_times.py); None
    for a disk keeping true times."""
    notes: list[str] = []
    duration = container.duration_us if container else None
    created = container.creation_us if container else None
    closed = _closed(mtime_ns // 1000, card_offset_s, zone_name)
    start = alt = source = None
    ambiguous = False
    reading = None if facts is None or facts.start is None else _name_reading(facts.start, zone_name)
    if facts is not None and facts.start is not None and reading is None:
        notes.append("the start written in the name is not a real time")
    if reading is not None:
        source = "name"
        if reading.nonexistent:
            notes.append("name time falls in a spring-forward gap; read with the pre-change offset")
        wall = facts.start.wall
        start, alt, ambiguous = _choose(reading, created, closed, duration,
                                        None if wall.tzinfo else naive_us(wall))
        if ambiguous and _back_in_recording(facts, zone_name, start):
            alt, ambiguous = None, False   # only the earlier start reaches its end that night
        if ambiguous:
            settled = _ended_by_name(facts, zone_name, duration, reading)
            if settled is not None:   # an end after the repeated hour, less the footage
                start, alt, ambiguous = settled, None, False
        if ambiguous:
            notes.append(_twice(reading, zone_name, "name time"))
    elif created is not None:
        start, source = _created_start(created, closed, duration, zone_name), "container"
        notes.append("start from the container's creation time")
        if start != created:
            notes.append(LOCAL_CREATION)
    elif duration is not None and closed is not None:
        # The weakest evidence: a copy, a restore or a touch moves it. Said, never silent.
        start, source = closed.earliest - duration, "mtime"
        notes.append("placed in time by the file's modification time alone (minus its "
                     "duration): check this camera's times")
        if closed.nonexistent:
            notes.append("its modification time falls in a spring-forward gap; read with the "
                         "pre-change offset")
        if closed.ambiguous:
            alt, ambiguous = closed.readings[1] - duration, True
            notes.append(_twice(closed, zone_name, "its modification time"))
    end = None
    if start is not None:
        end, short = _end(facts if source == "name" else None, start, zone_name, duration)
        if short:
            notes.append(short)
    if start is not None:
        start = apply_clock_offset(start, clock_offset_s)
        end = None if end is None else apply_clock_offset(end, clock_offset_s)
        alt = None if alt is None else apply_clock_offset(alt, clock_offset_s)
    if end is not None and start is not None and end < start:
        notes.append("end in name is before start; end ignored")
        end = start + duration if duration is not None else None
    return Placement(start, end, alt, ambiguous, tuple(notes), source)


def _name_reading(time: NameTime, zone_name: str) -> WallReading | None:
    """The UTC readings of a wall time from a name, or None when one has no date (9999-12-31
    23:30 in a zone west of UTC is in year 10000): like month 13, not a real time."""
    try:
        reading = resolve_wall(time.wall, zone_name, time.dst)
    except OverflowError:
        return None
    return reading if all(in_calendar(us) for us in reading.readings) else None


def _closed(mtime_us: int, card_offset_s: int | None, zone_name: str) -> WallReading | None:
    """When the file was last written: its modification time, or on a FAT card the wall time
    it holds (the time reported plus `card_offset_s`) read in the camera's zone; None when
    that is no date."""
    if card_offset_s is None:
        return WallReading((mtime_us,))
    try:
        wall = _NAIVE_EPOCH + timedelta(microseconds=mtime_us + card_offset_s * US)
        reading = resolve_wall(wall, zone_name)
    except OverflowError:
        return None
    return reading if all(in_calendar(us) for us in reading.readings) else None


def _created_start(created: int, closed: WallReading | None, duration: int | None,
                   zone_name: str) -> int:
    """The start a container's creation time gives. MP4 says it is UTC, but many cameras
    write their wall clock there: where the file's date agrees with it read in the camera's
    zone, and not with it read as UTC, it is read in the zone. Else (a copy's date, no date,
    one in the repeated hour) it stands as written."""
    if closed is None or duration is None or closed.ambiguous:
        return created
    if abs(created + duration - closed.earliest) <= _CLOSED_WITHIN_US:
        return created
    try:
        wall = resolve_wall(_NAIVE_EPOCH + timedelta(microseconds=created), zone_name)
    except OverflowError:
        return created
    near = [r for r in wall.readings if abs(r + duration - closed.earliest) <= _CLOSED_WITHIN_US]
    return near[0] if len(near) == 1 else created


def _ended_by_name(facts: NameFacts, zone_name: str, duration: int | None,
                   reading: WallReading) -> int | None:
    """The reading of a start in the repeated hour that the name's end, a time the clocks
    read once (after the hour), less the footage's length, names; None when they do not
    tell (no end or length, an end that is in the hour too, or neither reading agrees)."""
    if facts.end is None or duration is None:
        return None
    try:
        ends = resolve_wall(facts.end.wall, zone_name, facts.end.dst).readings
    except OverflowError:
        return None
    if len(ends) != 1:
        return None
    near = [r for r in reading.readings if abs(ends[0] - duration - r) <= _NAME_END_SLACK_US]
    return near[0] if len(near) == 1 else None


def _twice(reading: WallReading, zone_name: str, what: str) -> str:
    first, second = (to_datetime(us).astimezone(zone(zone_name)).strftime("%H:%M:%S %Z")
                     for us in reading.readings)
    return (f"{what} is in the repeated fall-back hour ({first} or {second}) and nothing "
            "tells which; indexed at the earlier reading, and never exported, since its "
            "footage may be from the other")


def _choose(reading: WallReading, created: int | None, closed: WallReading | None,
            duration: int | None, wall_us: int | None = None) -> tuple[int, int | None, bool]:
    """The start of a name's reading, the other one and whether it stays unsure. `wall_us`:
    the name's wall time read as if UTC (timebase.naive_us)."""
    if not reading.ambiguous:
        return reading.earliest, None, False
    # A card's wall time in the repeated hour is as ambiguous as the name: no evidence.
    ended = None if duration is None or closed is None or closed.ambiguous else (
        closed.earliest - duration)
    for evidence in (created, ended):
        if evidence is None:
            continue
        near = [r for r in reading.readings if abs(r - evidence) <= _DISAMBIGUATE_WITHIN_US]
        if evidence == created and near == [wall_us]:
            # The reading at UTC+0 (London's, Lisbon's, Dublin's winter pass; the Azores'
            # summer one) is the wall time itself: a camera writing its wall clock as the
            # creation time (_created_start) writes it in either pass, so it tells none.
            continue
        if len(near) == 1:
            return near[0], None, False
    return reading.readings[0], reading.readings[1], True


def _end(facts: NameFacts | None, start: int, zone_name: str,
         duration: int | None) -> tuple[int | None, str | None]:
    """The end, and a note when the name's end was set aside for the container's."""
    if facts is not None and facts.end is not None and facts.start is not None:
        try:
            end = _resolve_end(facts.end, facts.start, start, zone_name)
        except OverflowError:   # the end's reading has no date
            end = None
        if end is not None and in_calendar(end):
            if duration is not None and abs(end - start - duration) > _NAME_END_SLACK_US:
                if _other_reading_ends(facts.end, zone_name, start + duration):
                    return start + duration, None   # the end's pass the footage names
                return start + duration, _held_other(facts.end, duration)
            return end, None
    if duration is not None:
        return start + duration, None
    return None, None


def _other_reading_ends(end: NameTime, zone_name: str, footage_end: int) -> bool:
    """Whether an end written in the repeated hour, read in its other pass, is where the
    footage ends: the name was right, only its pass was not known."""
    try:
        readings = resolve_wall(end.wall, zone_name, end.dst).readings
    except OverflowError:
        return False
    return len(readings) > 1 and any(abs(r - footage_end) <= _NAME_END_SLACK_US
                                     for r in readings)


def _held_other(end: NameTime, duration: int) -> str:
    return (f"the name says it runs to {end.wall:%H:%M:%S}, but the file holds "
            f"{duration / US:.0f} s of footage: its end is where the footage ends")


def _back_in_recording(facts: NameFacts, zone_name: str, start_us: int) -> bool:
    """True when the end, written before the start, was read again by the recorder's clock
    the same night after `start_us`: the clocks went back inside the recording."""
    same_night = _same_night_end(facts.end, facts.start)
    return same_night is not None and any(
        r > start_us for r in resolve_wall(same_night, zone_name).readings)


def _same_night_end(end: NameTime | None, name_start: NameTime) -> datetime | None:
    """The end's wall time on the start's night when it comes before the start: a full end
    so written (a Hikvision card's index), or a time-only end taken for the next day's only
    because its time of day comes before the start's (name_times.end_time)."""
    if end is None or end.wall.tzinfo is not None or name_start.wall.tzinfo is not None:
        return None
    if end.wall < name_start.wall:
        return end.wall
    if end.wall.date() - name_start.wall.date() != _DAY or end.wall.time() >= name_start.wall.time():
        return None
    return end.wall - _DAY


def _resolve_end(end: NameTime, name_start: NameTime, start_us: int, zone_name: str) -> int | None:
    if name_start.wall.tzinfo is None and end.wall.tzinfo is None:
        same_night = _same_night_end(end, name_start)
        if same_night is not None:
            # Its DST marker (Reolink's) was the start's: the clock went back since.
            later = [r for r in resolve_wall(same_night, zone_name).readings if r >= start_us]
            if later:
                return min(later)
        # Keep the same UTC offset as the start unless the name crosses a DST change: the
        # difference in wall time is what the recorder measured.
        elapsed = end.wall - name_start.wall
        shifted = start_us + int(elapsed.total_seconds()) * US + elapsed.microseconds
        readings = resolve_wall(end.wall, zone_name, end.dst).readings
        plausible = [r for r in readings if r >= start_us]
        if plausible and min(abs(r - shifted) for r in plausible) <= _DISAMBIGUATE_WITHIN_US * 4:
            return min(plausible, key=lambda r: abs(r - shifted))
        return shifted
    reading = resolve_wall(end.wall, zone_name, end.dst)
    later = [r for r in reading.readings if r >= start_us]
    return later[0] if later else None
