"""Why a clip starts after the window it was cut for.

A copy starts at the first keyframe inside the window, so it may start a few seconds late; but
a window that starts where the camera recorded nothing starts late for that alone, in either
mode, and no keyframe or exact cut would give those seconds. The export's notes, the README
and `verify` say the same, from this one rule.
"""
from __future__ import annotations

from typing import Iterable

# Under this, a late start is a recording's first frame a few milliseconds after where its
# file says it begins, not a wait for a keyframe: not worth a note (0.01 s, as notes show it).
_NOTED_US = 5_000


def unrecorded_until(start_us: int, gaps: Iterable[tuple[int, int]]) -> int:
    """The end of the stretch the camera recorded nothing in that `start_us` lies in
    (stretches that touch count as one), or `start_us` when it was recording then."""
    at = start_us
    for gap_start, gap_end in sorted(gaps):
        if gap_start <= at < gap_end:
            at = gap_end
    return at


def keyframe_wait_us(start_us: int, first_us: int, gaps: Iterable[tuple[int, int]]) -> int:
    """How long after the camera was recording in the window the clip's first frame comes:
    a copy's wait for a keyframe; 0 when only an unrecorded stretch (or nothing worth saying)
    lies between the window's start and the first frame."""
    wait = first_us - unrecorded_until(start_us, gaps)
    return wait if wait >= _NOTED_US else 0


def early_end_us(end_us: int, last_us: int, shortfall_end_us: int,
                 gaps: Iterable[tuple[int, int]]) -> int:
    """The seconds before the window's end the clip holds no frame in, when no stretch the
    camera recorded nothing in explains them (one after the last frame, running to the end):
    a recording that ends early, or pauses, inside its file. 0 when there is nothing to say.
    `last_us` is the last frame's capture time; it is shown until `end_us - shortfall_end_us`,
    where a recording's file ends and such a stretch starts."""
    if shortfall_end_us < _NOTED_US:
        return 0
    shown_until = end_us - shortfall_end_us
    if any(gap_end >= end_us and gap_start <= max(last_us, shown_until)
           for gap_start, gap_end in gaps):
        return 0
    return shortfall_end_us
