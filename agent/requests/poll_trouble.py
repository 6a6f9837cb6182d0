"""Portals the poll thread cannot reach, kept so the owner is told.

A portal down for days used to be silent: the poll thread waited longer after each failure
(up to an hour) and said nothing, in `run`'s output or in the app, while no request could
arrive from it. A registration whose polls keep failing (SAY_AFTER in a row, or one refused
outright, which is not tried again unchanged) is said once, in the log (`run` shows it) and to
the app (`RequestDesk.unreachable`), with since when and why; it is said again once it answers.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from agent.callbacks import call_safely
from agent.timebase import US, local_text

log = logging.getLogger(__name__)

SAY_AFTER = 3   # failed polls in a row (about 3.5 minutes of backing off) before it is said


@dataclass(frozen=True)
class PortalTrouble:
    """An agency's portal that polls of a registration have not reached since `since_us`
    (this PC's clock, UTC microseconds): `problem` is the last failure, in words."""

    agency: str          # the agency's name, from the trust store
    registration: str
    since_us: int
    failures: int        # polls in a row that failed
    problem: str


class PollTroubles:
    """The registrations whose polls fail, by (agency id, registration); thread-safe."""

    def __init__(self, changed: Callable[[int], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._failing: dict[tuple[str, str], PortalTrouble] = {}
        self._changed = changed   # told how many are lasting, when that changes

    def failed(self, key: tuple[str, str], agency: str, problem: str, failures: int,
               retryable: bool) -> None:
        """Note a poll that failed (the `failures`-th in a row); said once it is lasting."""
        with self._lock:
            before = self._failing.get(key)
            since = before.since_us if before else time.time_ns() // 1000
            now = PortalTrouble(agency, key[1], since, failures if retryable else SAY_AFTER,
                                problem)
            self._failing[key] = now
        if _lasting(now) and (before is None or not _lasting(before)):
            log.warning("requests cannot arrive from %s (registration %s) since %s: %s",
                        agency, key[1], local_text(since // US * US), problem)
            self._tell()

    def answered(self, key: tuple[str, str]) -> None:
        """Note a poll that went through."""
        with self._lock:
            before = self._failing.pop(key, None)
        if before is not None and _lasting(before):
            log.warning("%s's portal answers again (registration %s)", before.agency, key[1])
            self._tell()

    def keep_only(self, keys: set[tuple[str, str]]) -> None:
        """Forget registrations no longer kept (unregistered, their agency removed)."""
        with self._lock:
            gone = [self._failing.pop(key) for key in set(self._failing) - keys]
        if any(map(_lasting, gone)):
            self._tell()

    def lasting(self) -> list[PortalTrouble]:
        """The portals that have failed long enough to tell the owner, longest first."""
        with self._lock:
            return sorted((t for t in self._failing.values() if _lasting(t)),
                          key=lambda t: (t.since_us, t.agency, t.registration))


    def _tell(self) -> None:
        call_safely(self._changed, len(self.lasting()))


def _lasting(trouble: PortalTrouble) -> bool:
    return trouble.failures >= SAY_AFTER
