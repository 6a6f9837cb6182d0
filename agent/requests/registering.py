"""Registering with an agency, changing what was registered, and unregistering (protocol.md,
"Registration"), each signed by the owner key and sent to the agency's portal.

A registration is kept only once the portal answered and its certificate checked out (signed
by the agency's registration CA, for this owner's key). If the answer cannot be kept, the new
registration is withdrawn at the portal again, so neither side keeps half of one. Every change
and every refusal goes to the activity log; invite codes and tokens never do.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from typing import Callable

from agent.audit.log import AuditLog
from agent.errors import AgentError, Refusal
from agent.identity.keys import OwnerKey
from agent.requests import registration_client as calls
from agent.requests.agencies import TrustStore, TrustStoreError
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.registrations import Registration, check_registration_id, check_secret
from agent.timebase import US, format_utc
from frp.agency import Agency
from frp.certificates import CertificateError, check_owner_certificate
from frp.registration import Camera, Contact, RegistrationError
from frp.registration_token import make_registration_token

KeyFor = Callable[[str | None], OwnerKey]   # owner id -> the key with that id (current or
#                                             next); None -> the current owner key


class KeyNotHeld(Refusal):
    """A registration is pinned to an owner key this home does not hold (lost with its
    passphrase or its disk, or replaced from another copy of the home): nothing here can sign
    for it."""


def stamp(now: float) -> str:
    """A time as kept in the registrations file (RFC 3339, UTC)."""
    return format_utc(int(now) * US)


def registrable(trust: TrustStore, agency_id: str) -> Agency:
    """The agency, if its file allows registering; Refusal saying why not."""
    agency = trust.get(agency_id)
    if agency is None:
        raise Refusal(f"no agency '{agency_id}' is in your trust store; add its file first")
    if agency.registration_ca is None:
        raise Refusal(f"the agency file of {agency.name} has no registration CA "
                      "('registration_ca'), so the app cannot register with it; ask the agency "
                      "for its current agency file and add it again")
    return agency


def portal_failure(exc: PortalError, doing: str) -> AgentError:
    """A portal's refusal (4xx) is a Refusal; no answer or a 5xx is a plain failure."""
    kind = Refusal if exc.status is not None and 400 <= exc.status < 500 else AgentError
    return kind(f"{doing}: {exc}")


def _token(key: OwnerKey, agency: Agency, action: str, **claims) -> str:
    try:
        return make_registration_token(key.sign, key.public.jwk(), agency.id, action, **claims)
    except RegistrationError as exc:
        raise Refusal(f"cannot {action}: {exc.detail}") from None


def checked_certificate(agency: Agency, pem: str, key: OwnerKey, now: float) -> None:
    """Refusal unless `pem` certifies `key` and comes from the agency's registration CA."""
    try:
        check_owner_certificate(pem, agency.registration_ca, key.public.raw, now)
    except CertificateError as exc:
        raise Refusal(f"{agency.name}'s portal sent a certificate that cannot be used: {exc}")


def usable_password(agency: Agency, token: str) -> None:
    """Refusal unless the portal's bearer token for the new registration can be kept and sent
    (check_secret): one it cannot carry would be kept, and every later call fail."""
    try:
        check_secret(token, "portal password")
    except ValueError as exc:
        raise Refusal(f"{agency.name}'s portal sent a portal password that cannot be used: "
                      f"{exc}") from None


def register(trust: TrustStore, portal: PortalClient, audit: AuditLog, key: OwnerKey,
             agency_id: str, invite: str, contact: Contact, cameras: tuple[Camera, ...],
             now: float | None = None) -> Registration:
    """Register the owner key, contact and cameras with an agency using its invite code."""
    agency = registrable(trust, agency_id)
    when = time.time() if now is None else now
    token = _token(key, agency, "register", invite=invite, contact=contact, cameras=cameras,
                   now=when)
    invite_sha256 = hashlib.sha256(invite.strip().lower().encode()).hexdigest()
    lost = answer_lost(audit, agency.id, invite_sha256)
    # Said before it is sent: a crash before the answer is kept leaves the invite used up at
    # the portal, and this record is how the next try knows why.
    audit.append("invite-sent", agency=agency.id, invite_sha256=invite_sha256)
    try:
        answer = calls.register(portal, agency, token)
    except PortalError as exc:
        reason = str(exc)
        failure = portal_failure(exc, f"registering with {agency.name} failed")
        if lost and (exc.status, exc.error) == (403, "invite_used"):
            reason = lost_words(agency.name)
            failure = Refusal(f"registering with {agency.name} failed: {reason}")
        audit.append("registration-refused", agency=agency.id, action="register",
                     reason=reason, invite_sha256=invite_sha256)
        raise failure from None
    record = Registration(agency.id, answer.registration, answer.token, key.public.owner_id(),
                          contact, tuple(cameras), answer.certificate, stamp(when), stamp(when))
    if trust.registration(agency.id, answer.registration) is not None:
        # Kept, it would replace the one held (its token lost for good); withdrawn, it would
        # end it. Neither: the agency retires whatever the invite made.
        reason = (f"{agency.name}'s portal answered with registration {answer.registration}, "
                  "which you hold already")
        audit.append("registration-refused", agency=agency.id, action="register",
                     registration=answer.registration, reason=reason,
                     invite_sha256=invite_sha256, withdrawn=False)
        raise Refusal(f"{reason}; nothing was changed and it was not withdrawn (that would end "
                      f"the one you hold): ask {agency.name} to retire the registration made "
                      "with this invite code")
    try:
        check_registration_id(answer.registration)
        usable_password(agency, answer.token)
        checked_certificate(agency, answer.certificate, key, time.time())
        trust.keep_registration(record)
    except (ValueError, Refusal, TrustStoreError) as exc:
        withdrawn = _withdraw(portal, agency, key, answer)
        audit.append("registration-refused", agency=agency.id, action="register",
                     registration=answer.registration, reason=str(exc),
                     invite_sha256=invite_sha256, withdrawn=withdrawn)
        after = ("it was withdrawn at the portal again; nothing was kept" if withdrawn else
                 f"withdrawing it at the portal failed too: ask {agency.name} to retire "
                 f"registration {answer.registration}")
        raise Refusal(f"{exc}; {after}") from None
    audit.append("registered", agency=agency.id, registration=record.id,
                 owner_id=record.owner_id, cameras=[c.name for c in cameras],
                 invite_sha256=invite_sha256)
    return record


def key_lost(agency: str, registration: str) -> str:
    """Why a registration pinned to a key this home does not hold cannot be ended from here,
    while the agency still holds it, and what to do."""
    return (f"registration {registration} with {agency} is pinned to an owner key this PC no "
            "longer holds (lost with its passphrase or its disk, or replaced from another copy "
            "of this app's folder), so it cannot be ended from here and was kept. Ask the "
            "agency to retire it (and for a new invite code, to register again), then "
            "unregister it here again")


def answer_lost(audit: AuditLog, agency_id: str, invite_sha256: str) -> bool:
    """Whether this home sent this invite code to the agency before and never kept what came
    back: the portal may have registered it (the invite is used up) while footage-agent was
    stopped, or the connection broke, before its answer arrived."""
    sent = kept = False
    for record in audit.entries():
        data = record["data"]
        if data.get("agency") != agency_id or data.get("invite_sha256") != invite_sha256:
            continue
        sent = sent or record["event"] == "invite-sent"
        kept = kept or record["event"] == "registered"
    return sent and not kept


def lost_words(agency: str) -> str:
    """What an invite used up by a registration whose answer never arrived means."""
    return (f"this invite code was used by this PC already, and the portal's answer never "
            f"arrived (footage-agent was stopped, or the connection broke), so {agency} holds a "
            "registration nobody here has. Ask the agency to retire the registration made "
            "with this invite code, and for a new invite code")


def _withdraw(portal: PortalClient, agency: Agency, key: OwnerKey, answer) -> bool:
    try:
        calls.unregister(portal, agency, answer.token, answer.registration,
                         _token(key, agency, "unregister", registration=answer.registration))
    except (PortalError, Refusal):
        return False
    return True


def _pinned(trust: TrustStore, agency_id: str, registration_id: str | None) -> Registration:
    held = [r for r in trust.registration_records() if r.agency_id == agency_id]
    if registration_id is not None:
        held = [r for r in held if r.id == registration_id]
    pinned = [r for r in held if r.pinned and r.token]
    if not pinned:
        what = f"registration '{registration_id}'" if registration_id else "registration"
        raise Refusal(f"you hold no {what} with {agency_id} made from this app (only those can "
                      "be changed: register with an invite code first)")
    if len(pinned) > 1:
        raise Refusal(f"you hold several registrations with {agency_id}: name one "
                      f"({', '.join(r.id for r in pinned)})")
    return pinned[0]


def update(trust: TrustStore, portal: PortalClient, audit: AuditLog, key_for: KeyFor,
           agency_id: str, registration_id: str | None, contact: Contact,
           cameras: tuple[Camera, ...], now: float | None = None) -> Registration:
    """Replace the contact and cameras of a registration, signed by its pinned key."""
    record = _pinned(trust, agency_id, registration_id)
    agency = registrable(trust, agency_id)
    when = time.time() if now is None else now
    token = _token(key_for(record.owner_id), agency, "update", registration=record.id,
                   contact=contact, cameras=cameras, now=when)
    try:
        calls.update(portal, agency, record.token, record.id, token)
    except PortalError as exc:
        audit.append("registration-refused", agency=agency.id, action="update",
                     registration=record.id, reason=str(exc))
        raise portal_failure(exc, f"updating your registration with {agency.name} failed") \
            from None
    changed = replace(record, contact=contact, cameras=tuple(cameras), updated_at=stamp(when))
    trust.keep_registration(changed)
    audit.append("registration-updated", agency=agency.id, registration=record.id,
                 cameras=[c.name for c in cameras])
    return changed


def unregister(trust: TrustStore, portal: PortalClient, audit: AuditLog, key_for: KeyFor,
               agency_id: str, registration_id: str | None) -> Registration:
    """Ask the portal to forget a registration, then forget it here. A registration the
    portal no longer knows (its token fails: the agency retired it) is forgotten here too."""
    record = _pinned(trust, agency_id, registration_id)
    agency = registrable(trust, agency_id)
    try:
        key, held = key_for(record.owner_id), True
    except KeyNotHeld:
        # Nothing can sign for a lost key, but the portal still says whether the agency retired
        # the registration (the owner's way after losing it, protocol.md): the bearer token is
        # checked first, so an unregister signed by the key held here is answered 401 once it
        # is retired, and refused (403 wrong_key) while it stands.
        key, held = key_for(None), False
    token = _token(key, agency, "unregister", registration=record.id)
    gone_already = False
    try:
        calls.unregister(portal, agency, record.token, record.id, token)
    except PortalError as exc:
        if exc.status not in (401, 404):
            lost = not held and exc.status == 403   # the agency still holds it
            reason = key_lost(agency.name, record.id) if lost else str(exc)
            audit.append("registration-refused", agency=agency.id, action="unregister",
                         registration=record.id, reason=reason)
            if lost:
                raise Refusal(reason) from None
            raise portal_failure(exc, f"unregistering from {agency.name} failed") from None
        gone_already = True
    trust.forget_registration(agency.id, record.id)
    audit.append("unregistered", agency=agency.id, registration=record.id,
                 portal="already gone" if gone_already else "forgotten")
    return record
