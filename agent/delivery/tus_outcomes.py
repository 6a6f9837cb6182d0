"""What one step of the tus loop (tus_loop.py) can come to, besides going on: the finished
upload, a passing problem to wait out, or an upload that cannot be used and is started afresh."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UploadResult:
    """A finished upload: tus URL, size, SHA-256 of the bytes the server holds, where this run
    began, and how many chunks went out more than once."""

    url: str
    size: int
    sha256: str
    resumed_from: int
    chunks_resent: int


class Retry(Exception):
    """A passing problem (network, 5xx, timeout): wait, then ask the server where it stands."""

    def __init__(self, reason: str, retry_after: float | None = None, status: int | None = None,
                 unanswered: bool = False) -> None:
        super().__init__(reason)
        self.retry_after, self.status = retry_after, status
        # The request left, and its answer was lost (not a connection never made): the server
        # may have done what it asked.
        self.unanswered = unanswered


class Restart(Exception):
    """This tus upload is unusable (expired, or the server's account of it is false)."""

    def __init__(self, reason: str, terminate: bool) -> None:
        super().__init__(reason)
        self.terminate = terminate
