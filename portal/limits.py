"""How often one registration may call the API (issue 15, finding 9): a sliding window per
registration, answered with 429 and Retry-After when exceeded. Upload counts and sizes are
limited in portal/submissions.py, where they are stored.
"""
from __future__ import annotations

import collections
import math
import threading
import time
from typing import Callable

from portal.errors import ApiError


class CallLimiter:
    """At most `per_minute` calls per registration in any 60 seconds (kept in memory: a
    restart forgets it, which only ever lets a client in sooner)."""

    def __init__(self, per_minute: int = 120, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self._clock = clock
        self._calls: dict[str, collections.deque] = {}
        self._lock = threading.Lock()

    def take(self, registration: str) -> None:
        """Count one call, or ApiError 429 with Retry-After when the window is full."""
        now = self._clock()
        with self._lock:
            calls = self._calls.setdefault(registration, collections.deque())
            while calls and calls[0] <= now - 60:
                calls.popleft()
            if len(calls) >= self.per_minute:
                wait = max(1, math.ceil(calls[0] + 60 - now))
                raise ApiError(429, "too_many_calls", f"this registration made "
                               f"{self.per_minute} calls in the last minute; wait {wait} s",
                               {"Retry-After": str(wait)})
            calls.append(now)
            if len(self._calls) > 100_000:  # forget idle registrations rather than grow
                self._calls = {k: v for k, v in self._calls.items() if v and v[-1] > now - 60}
