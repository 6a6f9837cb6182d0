"""One request as the owner's side sees it: `RequestView`, what `inbox show` prints and what the
app's request screens show, built by the request desk (agent/requests/desk.py).

The agency's name and phone come from the trust store, never from the request's text. What the
request itself says (requester, legal basis, message, place, upload address) comes from the
verified request when it verifies; otherwise it is read, leniently, from the stored token's
claims so the owner can still see what was asked, with `verified` False and `problem` saying why.
"""
from __future__ import annotations

from dataclasses import dataclass

from agent.requests.approval_change import changeable
from agent.requests.holds import Hold
from agent.requests.records import Approval, Delivery, Entry
from frp.agency import Agency
from frp.jws import JWSError, parse_compact
from frp.request import Request

REQUESTER_FIELDS = ("name", "unit", "badge", "email", "phone")


@dataclass(frozen=True)
class RequestView:
    """One request in the inbox: its record, the agency from the trust store, what it asks.

    `verified` is True when the token passes every check again against today's trust store,
    for the desk's `list()` and `show()` and the actions alike (`list()` does not read holds,
    so `hold` is None there).
    """

    id: str                          # the request id (jti)
    agency_id: str                   # iss
    agency_name: str | None          # from the trust store; None when no longer trusted
    agency_phone: str | None         # from the trust store: the number to call back
    registration: str                # the owner's registration the request is addressed to
    status: str                      # new, held, approved, declined, expired, exporting, ...
    case: str
    incident: str | None
    requester: dict[str, str]        # name, unit, badge, email, phone as the request states
    legal_basis: str | None          # voluntary, warrant or court_order
    message: str | None              # plain text from the agency, shown as such
    location: dict | None            # lat, lon, radius_m, address as the request states
    emergency: bool
    upload_endpoint: str | None
    window_start_us: int
    window_end_us: int
    cameras: tuple[str, ...]
    unregistered: tuple[str, ...]    # named, never registered with this agency
    received_at_us: int
    expires_at_us: int
    reason: str | None               # the decline reason, or why a delivery failed
    decision_sent_at_us: int | None  # when the decision reached the portal
    decision_error: str | None       # why it has not (yet)
    approval: Approval | None        # what the owner approved, kept so a retry resumes it
    deliveries: tuple[Delivery, ...]
    verified: bool
    problem: str | None              # why it no longer verifies, or why its hold is unreadable
    hold: Hold | None
    upload_max_bytes: int | None = None   # the most the portal takes for it, all together
    hold_problem: str | None = None   # why its safe copy's record cannot be read (`show`)
    # Why the last try to make its safe copy failed (its log's `hold` record), while it has
    # none and is undecided: with "keep a safe copy" on, the one made as it arrived (`show`).
    hold_failed: str | None = None
    # Where its safe copy was, made (the log says) and gone since while it is open: deleted
    # or moved out of the app's folder by hand (`show`).
    hold_gone: str | None = None
    # Earlier requests of the agency for the same case that the owner declined: (id, when).
    declined_before: tuple[tuple[str, int], ...] = ()
    # Whether the approval may still be changed: nothing of it left this PC (approval_change).
    approval_changeable: bool = False
    # The portal's code for the decision it refused (records.WRONG_KEY: sent again once the
    # key it pins is held here), or None.
    decision_refusal: str | None = None


def request_view(entry: Entry, agency: Agency | None, request: Request | None, *,
                 verified: bool, problem: str | None = None, hold: Hold | None = None,
                 on_file: tuple[str, ...] | None = None,
                 hold_problem: str | None = None, hold_failed: str | None = None,
                 hold_gone: str | None = None,
                 declined_before: tuple[tuple[str, int], ...] = ()) -> RequestView:
    """The view of an inbox entry; `request` is its re-verified form, None when not checked
    again (the claims are then read from the stored token). `on_file` is the cameras the owner
    registered with the agency (None: not known, for a registration not made in this app)."""
    said = _from_request(request) if request is not None else _from_claims(entry.token)
    return RequestView(
        id=entry.jti, agency_id=entry.iss,
        agency_name=agency.name if agency else None, agency_phone=agency.phone if agency else None,
        registration=entry.registration, status=entry.status, case=entry.case,
        window_start_us=entry.window_start_us, window_end_us=entry.window_end_us,
        cameras=tuple(entry.cameras), unregistered=unregistered(entry, on_file),
        received_at_us=entry.received_at_us,
        expires_at_us=entry.expires_at_us, reason=entry.reason,
        decision_sent_at_us=entry.decision_sent_at_us, decision_error=entry.decision_error,
        approval=entry.approval, deliveries=tuple(entry.deliveries), verified=verified,
        problem=problem, hold=hold, hold_problem=hold_problem, hold_failed=hold_failed,
        hold_gone=hold_gone,
        declined_before=declined_before, approval_changeable=changeable(entry),
        decision_refusal=entry.decision_refusal, **said)


def declined_before(entry: Entry, entries: list[Entry]) -> tuple[tuple[str, int], ...]:
    """The requests of `entry`'s agency for its case (its number as the owner reads it) that
    the owner declined before it arrived, oldest first, as (id, when declined): a request
    asked again under a new id is otherwise new in every way (the same token is a replay)."""
    case = " ".join(entry.case.casefold().split())
    return tuple(sorted(((e.jti, e.decided_at_us) for e in entries
                         if e.iss == entry.iss and e.jti != entry.jti
                         and e.status == "declined" and e.decided_at_us is not None
                         and e.received_at_us <= entry.received_at_us
                         and " ".join(e.case.casefold().split()) == case),
                        key=lambda pair: pair[1]))


def unregistered(entry: Entry, on_file: tuple[str, ...] | None) -> tuple[str, ...]:
    """The cameras a request names that its registration does not: the agency was never told
    of them (a guess, or a name learnt elsewhere), so none is shared unless the owner picks it."""
    if on_file is None:
        return ()
    return tuple(c for c in entry.cameras if c not in on_file)


def _from_request(req: Request) -> dict:
    return {"incident": req.incident, "requester": dict(req.requester),
            "legal_basis": req.legal_basis, "message": req.message,
            "location": dict(req.location) if req.location is not None else None,
            "emergency": req.emergency, "upload_endpoint": req.upload_endpoint,
            "upload_max_bytes": req.upload_max_bytes}


def _from_claims(token: str) -> dict:
    """What the token's claims say, taking only values of the right type (the shapes match a
    verified Request's, so a view reads the same whichever way it was built)."""
    try:
        claims = parse_compact(token).claims
    except JWSError:
        claims = {}
    case = _obj(claims.get("case"))
    people = _obj(claims.get("requester"))
    place = claims.get("location")
    upload = _obj(claims.get("upload"))
    return {"incident": _text(case.get("incident")),
            "requester": {k: people[k] for k in REQUESTER_FIELDS
                          if _text(people.get(k)) is not None},
            "legal_basis": _text(claims.get("legal_basis")),
            "message": _text(claims.get("message")),
            "location": _location(place) if isinstance(place, dict) else None,
            "emergency": claims.get("emergency") is True,
            "upload_endpoint": _text(upload.get("endpoint")),
            "upload_max_bytes": limit if type(limit := upload.get("max_bytes")) is int else None}


def _location(place: dict) -> dict:
    out = {k: place[k] for k in ("lat", "lon", "radius_m")
           if type(place.get(k)) in (int, float)}
    if _text(place.get("address")) is not None:
        out["address"] = place["address"]
    return out


def _obj(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
