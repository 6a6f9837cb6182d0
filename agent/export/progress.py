"""Job control for one cut: progress the GUI can trust, cancel, and the job's two failures.

Shaped after Frigate's export progress: the fraction is clamped to [0, 1] and never goes
backwards across stages, and a progress callback that raises is logged and ignored, because a
broken progress bar must never cost the owner their export.
"""
from __future__ import annotations

import math
import threading
from typing import Callable

from agent.callbacks import call_safely

ProgressCallback = Callable[[str, float], None]

_MIN_STEP = 0.002  # fewer calls than frames: a 1-hour cut would otherwise call back 50 000 times


class Cancelled(Exception):
    """The owner cancelled the job; nothing it was writing is left behind."""


class CutError(Exception):
    """The clip could not be cut; the message says why in plain words."""


class NoFrames(CutError):
    """No frame of the recordings lies inside the window (or, for a copy, none from a
    keyframe on): nothing to cut, as when no recording covers it at all."""


class MixedCodecs(CutError):
    """The camera changed codec inside the window (H.264, then H.265): one clip holds one."""


class UncutCodec(CutError):
    """A recording in a codec the export does not cut (an older DVR's MPEG-4 Part 2): refused
    as the recording is, not a failure of this computer."""


class DroppedFrames(CutError):
    """Frames of the recordings could not be decoded, so the clip would miss them; the owner
    did not accept that. `count` frames (video) and `audio` packets (kept sound) were lost."""

    def __init__(self, message: str, count: int, audio: int = 0) -> None:
        super().__init__(message)
        self.count, self.audio = count, audio


class Tracker:
    """Reports (stage, fraction) for the whole job and checks the cancel flag."""

    def __init__(self, callback: ProgressCallback | None, cancel: threading.Event | None):
        self._callback = callback
        self._cancel = cancel
        self._last = 0.0
        self._stage: str | None = None

    def report(self, stage: str, fraction: float) -> None:
        """Send one update; fractions are clamped and never decrease, errors are swallowed."""
        value = 0.0 if math.isnan(fraction) else min(1.0, max(0.0, float(fraction)))
        value = max(value, self._last)
        if stage == self._stage and value - self._last < _MIN_STEP and value < 1.0:
            return
        self._last, self._stage = value, stage
        call_safely(self._callback, stage, value)

    def part(self, stage: str, low: float, high: float) -> Callable[[float], None]:
        """A callback for one stage that maps its own 0..1 onto [low, high] of the job."""
        def tick(fraction: float) -> None:
            self.check()
            self.report(stage, low + (high - low) * min(1.0, max(0.0, fraction)))
        return tick

    def check(self) -> None:
        """Raise Cancelled when the owner has asked to stop."""
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled("the export was cancelled")
