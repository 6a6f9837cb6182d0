"""The claims of a request token (protocol.md, "Request token"), checked before signing.

The portal refuses here what an owner's agent would reject anyway (a window too long or in the
future, a missing case number), so the officer learns it at once rather than from a silent owner.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from frp.agency import DEFAULT_MAX_LIFETIME_S
from frp.claims import LEGAL_BASES, MAX_MESSAGE_CHARS, MAX_TEXT_CHARS, MAX_UPLOAD_BYTES
from frp.times import US, format_utc
from portal.errors import PortalError

DEFAULT_EXPIRES_IN = 10 * 24 * 3600
DEFAULT_MAX_BYTES = 4 * 1024 ** 3
_TEXT_LIMIT = MAX_TEXT_CHARS


@dataclass(frozen=True)
class RequestSpec:
    """What an officer asks for; `request_claims` turns it into signed-token claims."""

    registration_id: str
    start_us: int
    end_us: int
    case_number: str
    requester_name: str
    cameras: tuple[str, ...] = ()
    message: str | None = None
    legal_basis: str = "voluntary"
    expires_in: int = DEFAULT_EXPIRES_IN
    emergency: bool = False
    incident: str | None = None
    max_bytes: int | None = None


def _text(value: object, what: str, limit: int = _TEXT_LIMIT) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PortalError(f"The {what} is missing; it must be some text.")
    if len(value) > limit:
        raise PortalError(f"The {what} is {len(value)} characters; at most {limit} are allowed.")
    return value.strip()


def _cameras(names: tuple[str, ...]) -> list[str]:
    """The owner's cameras the request names (registered ones: state.create_request), each
    once, as agents take them (frp.claims)."""
    cameras = [_text(c, "camera name") for c in names]
    twice = next((c for n, c in enumerate(cameras) if c in cameras[:n]), None)
    if twice is not None:
        raise PortalError(f"The request names the camera {twice!r} twice.")
    return cameras


def _window(spec: RequestSpec, max_window_s: int, now: float) -> dict:
    start, end = spec.start_us, spec.end_us
    if type(start) is not int or type(end) is not int:
        raise PortalError("The window's start and end must be times.")
    if start >= end:
        raise PortalError(f"The window starts at {format_utc(start)} but ends at "
                          f"{format_utc(end)}; the end must come after the start.")
    if start > int(now * US):
        raise PortalError(f"The window starts at {format_utc(start)}, in the future; owners' "
                          "agents refuse requests for footage that does not exist yet.")
    if end - start > max_window_s * US:
        raise PortalError(f"The window is {(end - start) // US} s long; this agency may ask for "
                          f"at most {max_window_s} s (max_window_s). Split it into several requests.")
    return {"start": format_utc(start), "end": format_utc(end)}


def request_claims(spec: RequestSpec, agency_id: str, upload_endpoint: str, max_window_s: int,
                   now: float | None = None) -> dict:
    """Claims for a new request token with a fresh random jti; PortalError on bad input."""
    now = time.time() if now is None else now
    if spec.legal_basis not in LEGAL_BASES:
        raise PortalError(f"The legal basis must be one of {', '.join(LEGAL_BASES)}, "
                          f"not {spec.legal_basis!r}.")
    if type(spec.expires_in) is not int or not 60 <= spec.expires_in <= DEFAULT_MAX_LIFETIME_S:
        raise PortalError("The request must expire between 60 seconds and 30 days from now "
                          "(owners' agents refuse requests that stay open longer).")
    if spec.max_bytes is not None and (type(spec.max_bytes) is not int
                                       or not 0 < spec.max_bytes <= MAX_UPLOAD_BYTES):
        raise PortalError(f"The upload size limit must be 1 to {MAX_UPLOAD_BYTES} bytes (1 TiB): "
                          "owners' agents refuse a request allowing more.")
    cameras = _cameras(spec.cameras)
    case = {"number": _text(spec.case_number, "case number")}
    if spec.incident is not None:
        case["incident"] = _text(spec.incident, "incident description", MAX_MESSAGE_CHARS)
    claims = {
        "iss": agency_id, "aud": spec.registration_id,
        "jti": "req-" + secrets.token_urlsafe(18), "iat": int(now), "exp": int(now) + spec.expires_in,
        "case": case, "window": _window(spec, max_window_s, now),
        "requester": {"name": _text(spec.requester_name, "requester's name")},
        "legal_basis": spec.legal_basis,
        "upload": {"protocol": "tus", "endpoint": upload_endpoint,
                   "max_bytes": spec.max_bytes or DEFAULT_MAX_BYTES},
    }
    if cameras:
        claims["cameras"] = cameras
    if spec.message is not None:
        claims["message"] = _text(spec.message, "message", MAX_MESSAGE_CHARS)
    if spec.emergency:
        claims["emergency"] = True
    return claims
