"""Invite codes (protocol.md, "Registration", step 1): what the agency's web sign-up mails a
resident, used once to register. Only a code's SHA-256 is kept, with whom it was for.
"""
from __future__ import annotations

import base64
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from frp.origins import CONTROL_CHARS
from frp.registration import EMAIL_CHARS, read_invite
from portal import db
from portal.errors import PortalError
from portal.registry import sha256_hex

DEFAULT_DAYS = 14
MAX_DAYS = 90


@dataclass(frozen=True)
class Invite:
    """A new invite: the code (shown once) and when it expires (seconds since 1970)."""

    code: str
    name: str
    email: str
    expires_at: int


def new_code() -> str:
    """`inv-` and 26 base32 letters (130 random bits)."""
    letters = base64.b32encode(secrets.token_bytes(17)).decode("ascii").lower()[:26]
    return read_invite("inv-" + letters)


def _text(value: object, what: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit \
            or CONTROL_CHARS.search(value):
        raise PortalError(f"The {what} must be 1 to {limit} characters of text.")
    return value.strip()


def create_invite(db_path: Path, name: str, email: str, days: int = DEFAULT_DAYS,
                  now: float | None = None) -> Invite:
    """Issue a one-time invite for a resident, valid `days` days (1-90)."""
    if type(days) is not int or not 1 <= days <= MAX_DAYS:
        raise PortalError(f"An invite is valid for 1 to {MAX_DAYS} days, not {days}.")
    name, email = _text(name, "name", 200), _text(email, "email address", EMAIL_CHARS)
    if "@" not in email:
        raise PortalError(f"{email!r} is not an email address.")
    now = int(time.time() if now is None else now)
    code = new_code()
    invite = Invite(code, name, email, now + days * 86400)
    with db.connect(db_path) as conn:
        conn.execute("INSERT INTO invites (code_sha256, name, email, created_at, expires_at) "
                     "VALUES (?, ?, ?, ?, ?)", (sha256_hex(code), name, email, now,
                                                invite.expires_at))
    return invite
