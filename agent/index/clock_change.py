"""A recorder's recording made while its clock was put right: where its end lies.

A recorder writes a recording's start when it begins and its end when it ends, each by its
clock then. Its clock put right in between (by its owner, or NTP), the two were written by
two clocks: put back, the end comes before the start; put forward, the recording seems that
much longer, running into those recorded after. The start is placed by the offset its row
keeps (mirror.kept_rows), the end by the clock as it is now where the first cannot be its
end. Such a recording's own times name no part of it, so it is fetched whole
(remote_window), its frames timing the rest. A clock put back also gives the recordings made
after it the times those made before were written at: a part of one asked for by those times
could bring the other (`times_shared`), so it is asked for by its name.
"""
from __future__ import annotations

import bisect

from agent.recorders.model import Recording
from agent.timebase import US

# Offsets this close are one clock drifting (or a reading near half a second rounded either
# way), not one put right: the 2 s a clock is not worth showing for (ClockReading).
ONE_CLOCK_US = 2 * US
UNPLACED_END = ("the recorder's clock was put back while it recorded this, so it wrote the end "
                "by another clock than the start, and how long it runs is not known here; it "
                "is not counted as recorded and cannot be exported by time (the recorder's own "
                "app can still play and export it)")
SPANS_CHANGE = ("the recorder's clock was put right while it recorded this: its start is "
                "placed by the clock it had then, its end by the clock as it is now; it is "
                "fetched whole, and its footage's own timing places each frame")


def across_clock_change(rec: Recording) -> bool:
    """Whether the recorder wrote this recording's end before its start: its clock was put
    back while it recorded."""
    return rec.end_us < rec.start_us


def another_clock(shift: int, current: int) -> bool:
    """Whether two offsets (µs) are two clocks, one put right since, not one drifting."""
    return abs(shift - current) > ONE_CLOCK_US


def true_end(rec: Recording, shift: int, current: int) -> int | None:
    """A recording's end in true time: by `shift`, the clock its start was placed by; for
    one whose clock was put back while it recorded, by the clock as it is now (`current`),
    when that is another one and ends it after its start. None: nothing places its end."""
    if not across_clock_change(rec):
        return rec.end_us - shift
    end = rec.end_us - current
    return end if current != shift and end > rec.start_us - shift else None


def placed_ends(placed: list[tuple[Recording, int]], current: int) -> list[int | None]:
    """Each recording's end in true time, given the offset (µs) its start is placed by.
    One placed by an earlier clock whose end by that clock runs past the start of the next
    recording placed by the current clock (a channel records one thing at a time: the clock
    was put forward while it recorded, and wrote the end by the new one) ends by the current
    clock, where that ends it after its start and by that next start."""
    ends = [true_end(rec, shift, current) for rec, shift in placed]
    later = sorted(rec.start_us - shift for rec, shift in placed
                   if not another_clock(shift, current))
    for i, (rec, shift) in enumerate(placed):
        if not another_clock(shift, current) or ends[i] is None or across_clock_change(rec):
            continue
        start = rec.start_us - shift
        k = bisect.bisect_right(later, start)
        if k < len(later) and ends[i] > later[k]:
            end = rec.end_us - current
            if start < end <= later[k]:
                ends[i] = end
    return ends


def times_shared(recording: Recording, shift: int, first: int, last: int,
                 others: list[tuple[Recording, int]]) -> bool:
    """Whether the part of `recording` in [first, last) (its clock's times) has times another
    recording found was written at by another clock: one put back since, or before, so the
    device holds both at those times. A device's own overlap of two recordings by one clock
    is no matter: either holds footage of the same moment."""
    lo, hi = max(first, recording.start_us), min(last, max(recording.end_us, recording.start_us))
    return any(other is not recording and another_clock(other_shift, shift)
               and other.start_us < hi and max(other.end_us, other.start_us) > lo
               for other, other_shift in others)
