"""A decline the portal refused because it pins another owner key than the one that signed it
(`403 wrong_key`: the key was rotated from a copy of this home, or after the backup put back
here was made), signed anew once this home holds the key the registration is pinned to (the
owner put back the keys folder and registrations.json from that copy, as told), and sent as
any decline not taken yet.

Signed by the same key it would be refused the same (a 4xx is never sent again unchanged), so
nothing happens until the key pinned changed. The portal found nothing else wrong with it (it
checks the key first), and a decline is what the owner decided: its reason is the one they
signed, and the portal still judges it as any decline (`409 already_decided` when the copy
decided it, `already_delivered` when the copy delivered it).
"""
from __future__ import annotations

import hashlib

from agent.errors import AgentError
from agent.identity.keys import OwnerKeyError
from agent.requests.running_deliveries import AlreadyRunning
from agent.requests.decisions import signed_decision
from agent.requests.records import WRONG_KEY, Entry
from agent.requests.agency_changes import TrustStoreError
from frp.jws import JWSError, parse_compact


def to_sign_again(desk, entry: Entry) -> bool:
    """Whether `entry` holds a decline refused as `wrong_key` whose signer is not the key its
    registration is pinned to now (registrations.json)."""
    if entry.status != "declined" or entry.decision_refusal != WRONG_KEY:
        return False
    claims = _claims(entry.decision)
    try:
        record = desk.trust.registration(entry.iss, entry.registration)
    except TrustStoreError:
        return False   # not readable now: `inbox sync` says so as it polls
    return record is not None and claims is not None and claims.get("iss") != record.owner_id


def signed_again(desk, entry: Entry) -> Entry:
    """`entry` with its decline signed anew by the key pinned now, to be sent (its refusal
    cleared); as it was when it cannot be now (the key locked or not held, the agency or the
    registration gone, another footage-agent deciding it), for a later pass to try."""
    try:
        with desk.claim(entry):
            entry = desk.inbox.get(entry.jti, entry.iss)   # as it stands now
            return _signed(desk, entry) if to_sign_again(desk, entry) else entry
    except AlreadyRunning:
        return entry


def _signed(desk, entry: Entry) -> Entry:
    record = desk.trust.registration(entry.iss, entry.registration)
    try:
        key = desk.signing_key(entry.iss, entry.registration)
        request, _problem = desk.to_decline(entry)
    except (AgentError, OwnerKeyError):   # locked, not held; the agency gone
        return entry
    if key.public.owner_id() != record.owner_id:   # the keys folder not put back with it
        return entry
    reason = _claims(entry.decision).get("reason")
    token = signed_decision(key, request, "decline", reason=reason, audit=desk.audit)
    desk.inbox.set_decision(entry.iss, entry.jti, token)
    desk.audit.append("decline", id=entry.jti, agency=entry.iss, status="declined",
                      reason=reason, signed_again=WRONG_KEY,
                      decision_sha256=hashlib.sha256(token.encode("ascii")).hexdigest())
    return desk.inbox.get(entry.jti, entry.iss)


def _claims(token: str | None) -> dict | None:
    try:
        return parse_compact(token).claims if token else None
    except JWSError:
        return None
