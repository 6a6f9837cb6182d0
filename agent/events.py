"""Events the agent reports to whoever holds it (the CLI, the GUI's bridge).

Plain frozen dataclasses, delivered through callbacks on the agent's own threads. The GUI's
bridge module is the only place they become Qt signals.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScanFinished:
    """A folder scanned, or a recorder refreshed: `recorder_state` is how the refresh left a
    recorder (recorder_book.STATES; its problem, in `problems`, said as its state words), None
    for a folder."""

    source: str
    seen: int
    added: int
    updated: int
    removed: int
    problems: tuple[str, ...]
    recorder_state: str | None = None


@dataclass(frozen=True)
class ScanFailed:
    source: str
    message: str
    other_disk: bool = False   # another disk in its place: the owner may say it is a new one


@dataclass(frozen=True)
class RequestsArrived:
    """New verified requests reached the inbox (from a poll of an agency's portal)."""

    count: int


@dataclass(frozen=True)
class PortalsUnreachable:
    """The agencies' portals the poll thread cannot reach changed: one has failed long enough
    to tell the owner, or answers again (RequestDesk.unreachable says which now)."""

    count: int   # how many now


@dataclass(frozen=True)
class JobProgress:
    job: str
    stage: str
    fraction: float


@dataclass(frozen=True)
class JobFinished:
    job: str
    ok: bool
    message: str
