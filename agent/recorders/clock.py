"""Reading a recorder's clock against this PC's: the device's time is asked for, the PC's clock
is read before and after, and the midpoint is taken as the moment the device answered (the
round trip bounds the error); and the words for how far it is off."""
from __future__ import annotations

import time
from datetime import datetime
from typing import Callable

from agent.recorders.model import ClockReading, DeviceTime
from agent.recorders.zones import DeviceZone, device_time
from agent.timebase import US, from_datetime, local_text

# Further from this PC's clock than any clock left to drift: one reset (a power cut with a flat
# clock battery leaves many recorders at 2000-01-01 or 1970). Asked for the last weeks by it, a
# recorder finds none of the recordings it made before, and mirroring that answer would take
# them all away. What it records meanwhile is dated more than a year back, where no refresh by
# the clock set right looks (the last 62 days): the owner is told so while it can still be
# exported by the recorder's own app.
RESET_AFTER_S = 366 * 86400
CLOCK_RESET = ("The recorder's clock reads {reading}, more than a year from this computer's: it "
               "was most likely reset (a power cut, or a flat clock battery), so its recordings "
               "were not read again, and those found before are kept as they were. Set the "
               "recorder's clock right, or turn on its time synchronisation (NTP), on its own "
               "screen or web page (if this computer's own clock is wrong, set that right "
               "instead). What it records until then is dated by the wrong clock, so the app "
               "will not show it even once the clock is right: export any of it you need with "
               "the recorder's own app or web page.")

CLOCK_WAS_RESET = ("the recorder's clock is more than a year from this computer's, so it was "
                   "most likely reset: nothing is mirrored from it until its clock is set right")


# A clock put right comes closer to this PC's; one reset (to a firmware's build date, a date
# saved before a long power cut) or set wrong does not: it goes further from it, or to its
# other side (two days ahead to two behind). Moved by more than the day a refresh asks for
# past its now, a whole re-read by it would miss the newest recordings made by the clock
# before (mirror.refresh), and take their rows away.
JUMP_AWAY_S = 86400
# Two readings of one unchanged clock differ by the request's own time (fractions of a second,
# seconds on a loaded PC): a clock two days ahead set to two behind must not read as "closer".
CLOSER_BY_S = 60.0
CLOCK_JUMPED = ("The recorder's clock reads {reading} where this computer's reads {now}: since "
                "its last refresh it has moved by more than a day without coming closer to "
                "this computer's, so it was most likely reset (a power cut, or a flat clock "
                "battery) or set wrong, and its recordings were not read again: those found "
                "before are kept as they were. Set the recorder's clock right, or turn on its "
                "time synchronisation (NTP), on its own screen or web page (if this computer's "
                "own clock is wrong, set that right instead).")


def pc_now_us() -> int:
    return time.time_ns() // 1000


def read_clock(ask: Callable[[], tuple[datetime, str, DeviceZone | None]],
               now: Callable[[], int] = pc_now_us) -> ClockReading:
    """`ask` returns the device's time (aware, or a naive wall time), the text it came as, and
    the zone rules a naive one is resolved with."""
    before = now()
    when, text, zone_rules = ask()
    after = now()
    if when.tzinfo is not None:
        reading = DeviceTime(text, from_datetime(when))
        described = when.strftime("UTC%z")
    else:
        reading = device_time(when, text, zone_rules)
        described = zone_rules.describe()
    pc = (before + after) // 2
    # Devices report whole seconds, cut short: the true reading lies in the second after the
    # one shown, so its middle is the best estimate; the round trip adds to the doubt.
    device = reading.us + (US // 2 if reading.us % US == 0 else 0)
    uncertainty = 0.5 + (after - before) / US / 2
    return ClockReading(text, reading.us, pc, (device - pc) / US, described, uncertainty)


def was_reset(offset_s: float) -> bool:
    """Whether a recorder's clock this far from this PC's was reset (RESET_AFTER_S): a recorder
    added while it read so keeps that reading as its offset until a refresh finds it set right,
    and nothing is placed by it."""
    return abs(offset_s) > RESET_AFTER_S


def clock_words(offset_s: float) -> str:
    """A recorder's clock against this PC's, for the owner. One more than a year off was reset
    (RESET_AFTER_S): nothing is placed by it, so its difference is no fact worth saying (it
    read "236112 h 47 min behind ...; its recordings are placed at the true time", beside the
    problem saying none were read)."""
    if was_reset(offset_s):
        return CLOCK_WAS_RESET
    if abs(offset_s) <= 2:
        return "the recorder's clock agrees with this computer's"
    # Read over the network, the offset is good to a second or two: beyond an hour the
    # seconds would be noise ("3 h 1 s"), so it is said to the minute (the clip records it
    # exactly).
    whole = round(abs(offset_s))
    if whole >= 3600:
        whole = round(whole / 60) * 60
    minutes, seconds = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    size = " ".join(f"{n} {unit}" for n, unit in ((hours, "h"), (minutes, "min"), (seconds, "s")) if n)
    return (f"the recorder's clock is {size} {'ahead of' if offset_s > 0 else 'behind'} this "
            "computer's; its recordings are placed at the true time, and the difference is "
            "recorded with every clip")


def reset_words(clock: ClockReading, before_s: float | None = None) -> str | None:
    """What the owner is told of a clock so far off it was reset (CLOCK_RESET), or one that
    moved by more than JUMP_AWAY_S since the offset of the last refresh (`before_s`, None
    before one) without coming closer to this PC's by more than CLOSER_BY_S (CLOCK_JUMPED);
    None for a clock that may just be off, or was put right."""
    reading = " ".join(clock.device_text.split())[:40]
    if abs(clock.offset_s) > RESET_AFTER_S:
        return CLOCK_RESET.format(reading=reading)
    if (before_s is not None and abs(clock.offset_s - before_s) > JUMP_AWAY_S
            and abs(clock.offset_s) > abs(before_s) - CLOSER_BY_S):
        return CLOCK_JUMPED.format(reading=reading, now=local_text(clock.pc_us))
    return None


# Said by the refresh that finds a clock set right after it read a reset date (CLOCK_RESET,
# CLOCK_JUMPED): what it recorded meanwhile is dated by the wrong clock, where no search by the
# right one looks, so it is never mirrored; the timelines show those hours as not recorded.
CLOCK_SET_RIGHT = ("The recorder's clock is right again, but it was reset for a while between "
                   "{since} and {now} (this computer's time): what it recorded meanwhile is "
                   "dated by the wrong clock, so the app does not show it, and those hours "
                   "look unrecorded. If you need any of it, export it with the recorder's own "
                   "app or web page.")
CLOCK_SET_RIGHT_NEW = ("The recorder's clock is right again, but it was reset for a while "
                       "before {now} (this computer's time): what it recorded meanwhile is "
                       "dated by the wrong clock, so the app does not show it, and those hours "
                       "look unrecorded. If you need any of it, export it with the recorder's "
                       "own app or web page.")


def set_right_words(last_mirrored_us: int | None, now_us: int) -> str:
    """CLOCK_SET_RIGHT from the last refresh before the clock read a reset date (None: none
    before, the recorder added while it did) to this one, on this PC's clock."""
    if last_mirrored_us is None:
        return CLOCK_SET_RIGHT_NEW.format(now=local_text(now_us))
    return CLOCK_SET_RIGHT.format(since=local_text(last_mirrored_us), now=local_text(now_us))


def is_reset_words(problem: str | None) -> bool:
    """Whether a recorder's problem is CLOCK_RESET or CLOCK_JUMPED: it answers, so it is not
    'not answering'."""
    return bool(problem) and any(problem.startswith(words.split("{reading}")[0])
                                 for words in (CLOCK_RESET, CLOCK_JUMPED))
