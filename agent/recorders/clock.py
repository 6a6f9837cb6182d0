"""Reading a recorder's clock against this PC's: the device's time is asked for, the PC's clock
is read before and after, and the midpoint is taken as the moment the device answered (the
round trip bounds the error)."""
from __future__ import annotations

import time
from datetime import datetime
from typing import Callable

from agent.recorders.model import ClockReading, DeviceTime
from agent.recorders.zones import DeviceZone, device_time
from agent.timebase import US, from_datetime


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
