"""The records that cross module boundaries: a stored request, a decision (and the
withdrawal of an approval), a submission."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoredRequest:
    """A request the portal signed and queued, as the API needs it."""

    jti: str
    registration: str
    token: str
    token_sha256: str
    case_number: str
    start_us: int
    end_us: int
    cameras: tuple[str, ...]
    max_bytes: int | None
    issued_at: int
    expires_at: int


@dataclass(frozen=True)
class Withdrawal:
    """The owner's decline that withdrew an approval, kept beside it."""

    token: str
    owner_id: str
    reason: str | None
    received_at: int


@dataclass(frozen=True)
class Decision:
    """An owner's verified decision on one request (and, for an approval, its withdrawal)."""

    jti: str
    token: str
    owner_id: str
    decision: str
    reason: str | None
    approved: dict | None
    withdrawn: Withdrawal | None = None


@dataclass(frozen=True)
class Submission:
    """A received package: where it is kept, what the portal computed and the owner claimed."""

    jti: str
    upload_id: str
    file: Path
    sha256: str
    size: int
    claimed_sha256: str
    claimed_size: int
    package: str | None
