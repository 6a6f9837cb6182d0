"""Pacing and progress for an upload: the owner's rate cap, how big each PATCH is, and bytes /
rate / time left.

Rates are in bytes per second.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterator

from agent.callbacks import call_safely

_BURST_S = 0.25  # time spent waiting for the server earns at most this much catch-up burst
_RATE_WINDOW_S = 5.0
_REPORT_EVERY_S = 0.1
# A PATCH holds about this many seconds of data at the rate the last one went: an interruption
# then costs seconds on a slow home uplink, and a fast link still sends few, large PATCHes.
PATCH_SECONDS = 8.0
MIN_PATCH = 1 << 20
FIRST_PATCH = 4 << 20
_MEASURABLE = 256 * 1024  # a PATCH smaller than this (a file's tail) says little about the link


@dataclass(frozen=True)
class UploadProgress:
    """Where an upload stands: bytes the server has or is receiving, of total; rate; time left.

    `sent` never goes down within one upload_file call (a re-sent chunk holds it still).
    """

    sent: int
    total: int
    rate_bps: float
    eta_s: float | None


class Pacer:
    """Spaces out the bytes of a body so the average stays under the cap."""

    def __init__(self, rate_bps: int | None, wait: Callable[[float], None]) -> None:
        self.rate = rate_bps
        self._wait = wait
        self._t0: float | None = None
        self._sent = 0
        # Small slices under a cap keep the household link smooth; big ones otherwise are cheap.
        self.step = 256 * 1024 if not rate_bps else max(4096, min(64 * 1024, rate_bps // 16))

    def pieces(self, block: bytes) -> Iterator[bytes]:
        """block in the slices it goes out in: whole when there is no cap (httpcore copies what
        one send() leaves over, so slicing, itself a copy, only pays off where it smooths a cap)."""
        if not self.rate:
            yield block
            return
        for start in range(0, len(block), self.step):
            yield block[start:start + self.step]

    def reset(self) -> None:
        """Forget the past (after a pause, so it is not followed by a burst)."""
        self._t0 = None

    def before(self, nbytes: int) -> None:
        """Block until sending nbytes more keeps the average at or under the cap."""
        if not self.rate:
            return
        now = time.monotonic()
        if self._t0 is None:
            self._t0, self._sent = now, 0
        due = self._t0 + self._sent / self.rate
        if due < now - _BURST_S:
            self._t0 += (now - _BURST_S) - due
            due = now - _BURST_S
        if due > now:
            self._wait(due - now)
        self._sent += nbytes


class Sizer:
    """How many bytes the next PATCH carries: about PATCH_SECONDS of data at the rate the last
    measurable one went, in whole MiB, from MIN_PATCH to `largest` (the sealed chunk size)."""

    def __init__(self, largest: int, seconds: float = PATCH_SECONDS) -> None:
        self.largest, self.seconds = largest, seconds
        self.size = max(1, min(FIRST_PATCH, largest))

    def refused(self, nbytes: int, smallest: int) -> None:
        """The server refused a PATCH of nbytes as too large: from now on parts are at most
        half of it (never under `smallest`), whatever the link could carry."""
        self.largest = max(smallest, min(self.largest, nbytes // 2))
        self.size = min(self.size, self.largest)

    def sent(self, nbytes: int, elapsed_s: float) -> None:
        """A PATCH of nbytes went through in elapsed_s (its waits under the owner's cap too)."""
        if nbytes < _MEASURABLE or elapsed_s <= 0:
            return
        want = int(nbytes / elapsed_s * self.seconds) // MIN_PATCH * MIN_PATCH
        self.size = max(1, min(self.largest, max(MIN_PATCH, want)))


class Meter:
    """Turns positions into UploadProgress calls; a callback that raises is ignored."""

    def __init__(self, total: int, callback: Callable[[UploadProgress], None] | None) -> None:
        self.total = total
        self._callback = callback
        self._shown = 0
        self._moved = 0  # bytes actually put on the wire this call (for the rate)
        self._window: deque[tuple[float, int]] = deque()
        self._last_call = float("-inf")

    def moved(self, position: int, nbytes: int) -> None:
        """nbytes went out; the upload now stands at position."""
        self._moved += nbytes
        self.show(position)

    def show(self, position: int, force: bool = False) -> None:
        """Report position (clamped so it never goes down); rate-limited unless forced or done."""
        now = time.monotonic()
        self._shown = max(self._shown, min(position, self.total))
        self._window.append((now, self._moved))
        while len(self._window) > 2 and now - self._window[0][0] > _RATE_WINDOW_S:
            self._window.popleft()
        if self._callback is None:
            return
        if not force and self._shown < self.total and now - self._last_call < _REPORT_EVERY_S:
            return
        self._last_call = now
        t0, moved0 = self._window[0]
        rate = (self._moved - moved0) / (now - t0) if now > t0 else 0.0
        left = self.total - self._shown
        eta = 0.0 if left == 0 else (left / rate if rate > 0 else None)
        call_safely(self._callback, UploadProgress(self._shown, self.total, rate, eta))
