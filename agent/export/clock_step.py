"""A recording whose timestamps go back partway through: its camera's encoder or clock
restarted while the recorder went on writing the same file. What follows the step cannot be
placed in time, so a cut reads the file only up to it, and says so."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from agent.media.mpeg_clock import HALF_COUNT, MPEG_CLOCK
from agent.timebase import local_text


@dataclass(frozen=True)
class ClockStep:
    """Where a recording's timestamps went back."""

    path: Path
    last_us: int   # capture time of the last frame before the step


class StepWatch:
    """Follows a recording's video packets, in file order, for a step back in time."""

    def __init__(self, container_format: str, time_base: Fraction):
        self._wraps = container_format.split(",")[0] in ("mpegts", "mpeg") \
            and time_base == MPEG_CLOCK
        # A frame's own decode time may come before the latest one read by a reordering's few
        # frames (Matroska gives B-frames their presentation time alone); a second further
        # back, the clock restarted.
        self._slack = max(1, round(1 / time_base)) if time_base else 1
        # The latest own decode time read: kept across a seek forward, so a window sought past
        # a step back is still read as after it.
        self._latest: int | None = None

    def restart(self) -> None:
        """The file is read again from its top."""
        self._latest = None

    def stepped(self, dts: int | None, pts: int | None) -> bool:
        """True when a frame's own time goes back from the latest read (further than a
        reordering does), or forward by what can only be a step back read as a wrap."""
        own = dts if dts is not None else pts
        if own is None:
            return False
        latest = self._latest
        if latest is None or (own >= latest and not (
                self._wraps and own - latest >= HALF_COUNT)):
            self._latest = own if latest is None else max(latest, own)
            return False
        return own > latest or latest - own > self._slack


def stepped_words(step: ClockStep) -> str:
    """What a step back in a recording's timestamps did to the clip, for the owner."""
    return (f"the timestamps of the recording {step.path.name} go back partway through, after "
            f"the frame captured at {local_text(step.last_us)} (the camera restarted while "
            "it was recorded): what it holds after that cannot be placed in time, so it is "
            "left out")
