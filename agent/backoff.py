"""How long to wait before asking a server or a device again: one rule for every such retry.

A wait grows from `base_s` by `factor` with each failure in a row, is spread by +/- `jitter`
(a fraction) so that many agents failing together do not come back together, and is then cut
at `cap_s`, so the cap holds whatever the draw. A server's Retry-After is a floor: never try
again before it said, but a wait longer than `retry_after_cap_s` is not taken from it.

Each caller names its own numbers, as a Backoff beside its code: the portal poll
(portal_client.PollPolicy), a portal call during an approval (portal_retries.PORTAL_BACKOFF),
the tus upload (tus_setbacks.UPLOAD_BACKOFF) and a recorder that failed (mirror.RETRY).
"""
from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from typing import Callable

MAX_RETRY_AFTER_S = 24 * 3600   # the longest wait any server may ask of this agent
_DELTA_SECONDS = re.compile(r"[0-9]+")   # ASCII only: str.isdigit() also takes '٣' and '²'
_LONGEST = 15   # digits (leading zeros aside) beyond which a wait is taken as endless


@dataclass(frozen=True)
class Backoff:
    """A retry schedule: `base_s * factor ** (attempt - 1)`, +/- `jitter`, at most `cap_s`;
    never sooner than a Retry-After (itself at most `retry_after_cap_s`)."""

    base_s: float
    factor: float = 2.0
    cap_s: float = math.inf
    jitter: float = 0.0
    retry_after_cap_s: float = MAX_RETRY_AFTER_S

    def __post_init__(self) -> None:
        if not (math.isfinite(self.base_s) and self.base_s >= 0):
            raise ValueError("base_s must be a finite number of seconds, 0 or more")
        if not (math.isfinite(self.factor) and self.factor >= 1):
            raise ValueError("factor must be 1 or more (a wait never shrinks)")
        # A wait that grows must stop somewhere, or a long run of failures waits for ever.
        if not (self.cap_s >= 0 and (math.isfinite(self.cap_s) or self.factor == 1)):
            raise ValueError("cap_s must be 0 or more, and finite when the wait grows")
        if not 0 <= self.jitter < 1:   # 1 would allow a wait of nothing
            raise ValueError("jitter must be a fraction from 0 up to (not including) 1")
        if not (math.isfinite(self.retry_after_cap_s) and self.retry_after_cap_s >= 0):
            raise ValueError("retry_after_cap_s must be a finite number of seconds, 0 or more")

    def delay(self, attempt: int, retry_after: float | None = None,
              rng: Callable[[], float] | None = None) -> float:
        """Seconds to wait after the `attempt`-th failure in a row (1: the first).

        `retry_after` is the server's Retry-After in seconds, if it sent one. `rng` draws the
        jitter, a number from 0 to 1 (random.random when None; 0 is the shortest wait, 1 the
        longest), so a schedule is testable as data.
        """
        draw = min(max((rng or random.random)(), 0.0), 1.0)
        spread = 1.0 + self.jitter * (2.0 * draw - 1.0)
        wait = min(self.cap_s, self._grown(attempt) * spread)
        if retry_after is not None and not math.isnan(retry_after):
            wait = max(wait, min(max(retry_after, 0.0), self.retry_after_cap_s))
        return wait

    def _grown(self, attempt: int) -> float:
        """base_s * factor ** (attempt - 1), infinite rather than an overflow."""
        if self.base_s == 0:
            return 0.0   # 0 * inf would be nan
        try:
            return self.base_s * self.factor ** (max(int(attempt), 1) - 1)
        except OverflowError:   # a count in the thousands: the cap decides
            return math.inf


def parse_retry_after(value: str | None) -> float | None:
    """A Retry-After header's delta-seconds as seconds; None for anything else.

    Only ASCII digits count (an HTTP date, '1e3', '-1', '٣' are None), with the optional
    spaces or tabs around a header value allowed. A number too long to mean anything but "a
    very long time" is infinite; each caller caps the wait it takes (Backoff.retry_after_cap_s).
    """
    if not isinstance(value, str):
        return None
    digits = value.strip(" \t")
    if not _DELTA_SECONDS.fullmatch(digits):
        return None
    digits = digits.lstrip("0") or "0"
    # int() of thousands of digits is slow, and refused past 4300 (a ValueError).
    return math.inf if len(digits) > _LONGEST else float(int(digits))
