"""Fetching requests from the portals, and sending decisions that are still waiting.

`sync` is one pass now (the `inbox sync` command); the service's poll thread makes passes of
its own on a schedule (poll_thread.py), with `poll` and `send_pending` from here.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass

from agent.requests.owed_receipts import ask_all_owed, delivered_elsewhere
from agent.requests.portal_client import PortalCancelled, PortalError
from agent.requests.declines_signed_again import signed_again, to_sign_again
from agent.requests.records import DELIVERED_ELSEWHERE, WRONG_KEY, Entry
from agent.requests.trust_snapshot import TrustSnapshot
from frp.agency import Agency
from frp.origins import web_origin

# Request tokens one poll answer may hold (protocol.md; the reference portal sends 200 a page).
MAX_TOKENS_PER_POLL = 200


class NotTrusted(Exception):
    """An address that is not on the portal of any agency in the trust store."""


@dataclass(frozen=True)
class SyncReport:
    """One pass over every registration: requests added, tokens rejected, what went wrong."""

    new: tuple[Entry, ...]
    rejected: tuple[str, ...]
    problems: tuple[str, ...]


def fetch(desk, url: str) -> bytes:
    """A request token at `url`, fetched only from a trusted agency's portal origin."""
    try:
        origin, _ = web_origin(url, "the request address")
    except ValueError as exc:
        raise NotTrusted(str(exc)) from None
    for agency in desk.trust.list():
        if web_origin(agency.portal, "portal")[0] == origin:
            tokens = (desk.trust.portal_token(agency.id, r)
                      for r in desk.trust.registrations().get(agency.id, []))
            return desk.portal.fetch_request(agency, url, next((t for t in tokens if t), None))
    raise NotTrusted(f"{origin} is not the portal of any agency in your trust store; requests "
                     "are only fetched from those (save it as a file to check it)")


def poll(desk, agency: Agency, registration: str, cancel: threading.Event | None = None
         ) -> tuple[list[Entry], list[str]]:
    """Fetch one registration's new requests: (added, rejection reasons). Raises PortalError
    (PortalCancelled once `cancel` is set); the cursor then stays where it was, so nothing is
    skipped. `cancel` stops the safe copy of a request taken too (desk_intake.take)."""
    token = desk.trust.portal_token(agency.id, registration)
    if not token:
        raise PortalError(f"registration '{registration}' of {agency.name} was not made from "
                          "this app, so its portal cannot be asked: register with the agency's "
                          "invite code (`agencies register`)", 401)
    tokens, cursor = desk.portal.poll(agency, registration, token,
                                      desk.inbox.cursor(agency.id, registration), cancel)
    if len(tokens) > MAX_TOKENS_PER_POLL:
        # Refused whole (the cursor stays): each token costs a verification, so an answer of
        # a quarter of a million empty strings took minutes a poll.
        raise PortalError(f"{agency.name}'s portal sent {len(tokens):,} requests in one "
                          f"answer; at most {MAX_TOKENS_PER_POLL} are taken at a time (a portal "
                          "sends the rest after the cursor)")
    added, rejected, refused, refused_tokens = [], [], [], []
    # Read once for the poll: each token's check asks for its agency and for every agency (a
    # key two list is no proof of either), which read the agency files again for each token.
    trust = TrustSnapshot(desk.trust)
    for raw in tokens:
        if _held(desk, agency.id, raw):
            continue   # sent again after a cursor that was not saved: see the docstring
        mine: list[tuple[int, str]] = []
        entry, reason = desk.take(raw, "portal", [registration], mine, agency.id, trust,
                                  cancel)
        if entry is not None:
            added.append(entry)
        elif not _held(desk, agency.id, raw):   # else another footage-agent took it meanwhile
            refused += mine
            rejected.append(reason)
            refused_tokens.append(raw)
    desk.log_poll_rejections(agency.id, registration, refused, _digest(refused_tokens))
    desk.inbox.set_cursor(agency.id, registration, cursor)
    desk.arrived(len(added))
    return added, rejected


def _held(desk, agency_id: str, raw) -> bool:
    """Whether the inbox holds this very token from this agency: its portal sent it again,
    since the cursor past it was never saved (a crash between taking it and saving the
    cursor) or another footage-agent on this home polled the same cursor (the app and `run`).
    It is the agency's own request, kept already: no replay to report."""
    if not isinstance(raw, str) or not raw.strip().isascii():
        return False
    digest = hashlib.sha256(raw.strip().encode("ascii")).hexdigest()
    return desk.inbox.holds(agency_id, digest)


def _digest(tokens: list[str]) -> str:
    """SHA-256 of tokens, one a line: names a poll's refused tokens in the log."""
    return hashlib.sha256("\n".join(tokens).encode("utf-8", "surrogatepass")).hexdigest()


def sync(desk, cancel: threading.Event | None = None) -> SyncReport:
    """Poll every registration now, send decisions still waiting, expire old requests.
    `cancel` (a stop signal) ends a call in flight: PortalCancelled, nothing of that call
    recorded (the cursor stays), what earlier ones took kept."""
    new, rejected, problems = [], [], []
    polled, untrusted = registrations_to_poll(desk)
    problems += [not_trusted(agency_id) for agency_id, _registration in untrusted]
    for agency, registration in polled:
        try:
            added, bad = poll(desk, agency, registration, cancel)
        except PortalCancelled:
            raise
        except PortalError as exc:
            problems.append(str(exc))
            continue
        new += added
        rejected += bad
    problems += send_pending(desk, cancel=cancel)
    desk.inbox.expire()
    desk.hold_unfinished(cancel)   # a copy the process ended part way ("keep a safe copy")
    return SyncReport(tuple(new), tuple(rejected), tuple(problems))


def registrations_to_poll(desk) -> tuple[list[tuple], list[tuple[str, str]]]:
    """(agency, registration) for every registration of an agency in the trust store, and
    (agency id, registration) for those of an agency not trusted now (its file changed in
    place or deleted, the pins signed by a key this home lost: agencies.py's DAMAGED), whose
    portal is not asked. The registrations file is read once per pass, not once per agency."""
    registrations = desk.trust.registrations()
    trusted = desk.trust.list()
    polled = [(a, r) for a in trusted for r in registrations.get(a.id, [])]
    known = {a.id for a in trusted}
    untrusted = [(aid, r) for aid, regs in sorted(registrations.items()) if aid not in known
                 for r in regs]
    return polled, untrusted


def not_trusted(agency_id: str) -> str:
    """Why a registration's portal is not asked: its agency is not trusted now."""
    return (f"{agency_id} is not trusted now (its file was removed, or is not what you "
            "accepted: see your agencies), so its portal is not asked for requests")


def send_pending(desk, waiting: bool = False, cancel: threading.Event | None = None
                 ) -> list[str]:
    """Send every stored decision the portal has not taken yet, and ask for the receipts a
    decline refused as already delivered left owed (owed_receipts.py); the problems met. `waiting`
    (the poll thread's passes): one that failed before waits until its time (send_decision)
    instead of going again every pass; a sync the owner asks for tries them all now."""
    problems = []
    for entry in desk.inbox.list():
        if entry.decision_error and to_sign_again(desk, entry):   # the keys were put back
            entry = signed_again(desk, entry)
        if not entry.decision or entry.decision_sent_at_us is not None or entry.decision_error:
            continue
        at, _failures = desk.decision_waits.get((entry.iss, entry.jti), (0.0, 0))
        if waiting and time.monotonic() < at:
            continue
        problems += send_decision(desk, entry, cancel)
    ask_all_owed(desk, waiting, cancel)   # receipts of footage a refused decline kept
    return problems


def send_decision(desk, entry: Entry, cancel: threading.Event | None = None) -> list[str]:
    """Try to deliver a stored decision; a 4xx is recorded and never retried unchanged. One
    not sent that may be tried again waits in desk.decision_waits as a poll would: a growing
    wait (the desk's poll policy), never before the portal's Retry-After."""
    said, again, retry_after_s = _send_decision(desk, entry, cancel)
    key = (entry.iss, entry.jti)
    if again:
        failures = desk.decision_waits.get(key, (0.0, 0))[1] + 1
        desk.decision_waits[key] = (
            time.monotonic() + desk.policy.next_delay(failures, retry_after_s), failures)
    else:
        desk.decision_waits.pop(key, None)
    return said


def _send_decision(desk, entry: Entry, cancel: threading.Event | None
                   ) -> tuple[list[str], bool, float | None]:
    """send_decision's problems, whether it may be tried again, and the wait the portal
    asked for before then."""
    agency = desk.trust.get(entry.iss)
    token = desk.trust.portal_token(entry.iss, entry.registration)
    if agency is None or not token:
        return [f"the decision on '{entry.jti}' cannot be sent yet: no agency or portal token "
                "for it in your trust store"], True, None
    try:
        desk.portal.post_decision(agency, token, entry.jti, entry.decision, cancel=cancel)
    except PortalCancelled:   # not the portal's answer: the decision stays to be sent
        raise
    except PortalError as exc:
        if (exc.status, exc.error) == (409, "already_decided"):
            # The portal holds this decision already (protocol.md): an earlier send whose
            # answer was lost, or, for a decline, a no given from a copy of this home.
            desk.inbox.decision_sent(entry.iss, entry.jti)
            return [], False, None
        if (exc.status, exc.error) == (409, DELIVERED_ELSEWHERE):
            words = delivered_elsewhere(agency.name, entry.approval is not None)
            desk.inbox.decision_sent(entry.iss, entry.jti, words, DELIVERED_ELSEWHERE)
            return [f"the decision on '{entry.jti}' was not sent: {words}"], False, None
        if not exc.retryable:   # wrong_key kept: signed anew once the key pinned is held
            desk.inbox.decision_sent(entry.iss, entry.jti, str(exc), WRONG_KEY if (
                exc.status, exc.error) == (403, WRONG_KEY) else None)
        return ([f"the decision on '{entry.jti}' was not sent: {exc}"], exc.retryable,
                exc.retry_after_s)
    desk.inbox.decision_sent(entry.iss, entry.jti)
    return [], False, None
