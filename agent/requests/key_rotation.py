"""Rotating the owner key (protocol.md, "Registration"): a new key is made, every registration
is re-pinned to it by a token the old key signs (carrying the new key's proof) and gets a new
certificate, and only when all are moved does the new key become the owner key and the old one
retired (kept, never used to sign again).

Until then both keys are kept and each registration is answered with the key pinned to it, so
an interrupted rotation (a portal down, the app closed) loses nothing: the next run resumes it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from agent.audit.log import AuditLog
from agent.errors import Refusal
from agent.identity.keys import OwnerKey
from agent.identity.rotation import begin_rotation, finish_rotation, rotation_pending
from agent.requests.trust_pins import read_pins, write_pins
from agent.requests import registration_client as calls
from agent.requests.agencies import TrustStore
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.registering import checked_certificate, registrable, stamp
from frp.registration import RegistrationError
from frp.registration_token import make_key_proof, make_registration_token


@dataclass(frozen=True)
class KeyRotation:
    """Where a key rotation stands: the old and new owner ids, the registrations moved to the
    new key in this run, the problems left (each names its registration), and whether it is
    finished (the new key is the owner key)."""

    old_owner_id: str
    new_owner_id: str
    moved: tuple[str, ...]
    problems: tuple[str, ...]
    finished: bool


def _move(trust: TrustStore, portal: PortalClient, audit: AuditLog, old: OwnerKey,
          new: OwnerKey, record, now: float) -> None:
    agency = registrable(trust, record.agency_id)
    try:
        proof = make_key_proof(new.sign, new.public.jwk(), record.id, old.public.owner_id(), now)
        token = make_registration_token(old.sign, old.public.jwk(), agency.id, "rotate",
                                        registration=record.id, new_key_proof=proof, now=now)
    except RegistrationError as exc:
        raise Refusal(f"cannot sign the rotation: {exc.detail}") from None
    certificate = calls.rotate(portal, agency, record.token, record.id, token)
    checked_certificate(agency, certificate, new, time.time())
    trust.keep_registration(replace(record, owner_id=new.public.owner_id(),
                                    certificate=certificate, updated_at=stamp(now)))
    audit.append("registration-rekeyed", agency=agency.id, registration=record.id,
                 old_owner_id=old.public.owner_id(), owner_id=new.public.owner_id())


def rotate_key(home: Path, trust: TrustStore, portal: PortalClient, audit: AuditLog,
               passphrase: bytes | None, now: float | None = None) -> KeyRotation:
    """Start a key rotation, or resume the one under way; see the module docstring."""
    now = time.time() if now is None else now
    old = OwnerKey.load_or_create(home, passphrase)
    resumed = rotation_pending(home)
    new = begin_rotation(home, passphrase)
    old_id, new_id = old.public.owner_id(), new.public.owner_id()
    if not resumed:
        audit.append("key-rotation-started", old_owner_id=old_id, owner_id=new_id)
    moved, problems = [], []
    for record in trust.registration_records():
        if record.owner_id != old_id or not record.token:
            continue
        name = f"{record.agency_id} {record.id}"
        try:
            _move(trust, portal, audit, old, new, record, now)
            moved.append(name)
        except (PortalError, Refusal) as exc:
            problems.append(f"{name}: {exc}")
            audit.append("registration-refused", agency=record.agency_id, action="rotate",
                         registration=record.id, reason=str(exc))
    left = [r for r in trust.registration_records() if r.owner_id == old_id and r.token]
    if left:
        return KeyRotation(old_id, new_id, tuple(moved), tuple(problems), False)
    accepted = read_pins(home)   # signed by the old key: signed again by the new one
    finish_rotation(home, old)
    if not accepted.missing and accepted.problem is None:
        write_pins(home, new, accepted.docs)
    audit.append("key-rotated", old_owner_id=old_id, owner_id=new_id,
                 registrations=len(moved))
    return KeyRotation(old_id, new_id, tuple(moved), tuple(problems), True)
