"""How a request reads on the app's screens, from the agent's RequestView (agent.views).

Who asks and how to call them back come from the trust store (the view's agency name and
phone), never from the request's text. Every string the request or the trust store gave is
passed through the display sanitiser here (one line, or the message's lines), so a screen never
shows a control, bidirectional or zero-width character, nor a line a field started. Also here:
the words for a request's status and legal basis, and `in_owner_words`, which runs a request
action and words its refusal the way the screens show it.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from agent.service import AgentError, Refusal
from agent.views import RequestView, multi_line, one_line

UNKNOWN_AGENCY = "Unknown agency (no longer in your trust list)"
UNDECIDED = ("new", "held")

LEGAL_BASIS = {
    "voluntary": "Voluntary request (no warrant: you may say no)",
    "warrant": "Search warrant",
    "court_order": "Court order",
}

STATUS = {
    "new": "Waiting for you",
    "held": "Footage kept safe, waiting for you",
    "approved": "Approved",
    "declined": "Declined",
    "expired": "Expired",
    "exporting": "Preparing footage",
    "uploading": "Sending",
    "delivered": "Delivered",
    "failed": "Needs attention",
}


def badge(v: RequestView) -> str:
    """Whether the request verifies today, in a word or two: it stops saying "Verified" once
    its agency is removed from the trust list or the key that signed it is rotated out."""
    if v.verified:
        return "\u2714 Verified"
    if v.agency_name is None:
        return "\u2718 Agency removed"
    return "\u2718 No longer verifies"


def agency_name(v: RequestView) -> str:
    """The agency as the owner's trust list names it."""
    return one_line(v.agency_name) if v.agency_name is not None else UNKNOWN_AGENCY


def agency_phone(v: RequestView) -> str:
    """The call-back number from the trust list ("" when the agency is no longer there)."""
    return one_line(v.agency_phone or "")


def requester(v: RequestView) -> str:
    """Name, unit and badge as the request states them: 'Det. Jane Roe, North Precinct
    (badge 4471)'."""
    people = v.requester
    who = ", ".join(p for p in (people.get("name"), people.get("unit")) if p)
    if people.get("badge"):
        who += f" (badge {people['badge']})"
    return one_line(who)


def case(v: RequestView, incident: bool = False) -> str:
    """The case number, with the incident when asked: '2026-0042: burglary on 5th Ave'."""
    text = v.case + (f": {v.incident}" if incident and v.incident else "")
    return one_line(text)


def message(v: RequestView) -> str:
    """The agency's message, its own line breaks kept."""
    return multi_line(v.message) if v.message else "(no message)"


def place(v: RequestView) -> str:
    """The address and radius the request names: '1200 Elm Street (within 150 m)'."""
    where = v.location or {}
    text = where.get("address") or ""
    if isinstance(where.get("radius_m"), (int, float)):
        text = (text + f" (within {int(where['radius_m'])} m)").strip()
    return one_line(text)


def upload_host(v: RequestView) -> str:
    """Where the footage would be sent: the upload address's host."""
    try:
        return one_line(urlsplit(v.upload_endpoint or "").netloc)
    except ValueError:
        return ""


def reason(v: RequestView) -> str:
    """Why the request is where it is: why it no longer verifies, the decline reason, a failed
    delivery, or a decision the portal did not take."""
    return one_line(v.problem or v.reason or v.decision_error or "")


def status(v: RequestView) -> str:
    """The request's status in words."""
    return STATUS.get(v.status, one_line(v.status))


def legal_basis(v: RequestView) -> str:
    """The legal basis in words."""
    return LEGAL_BASIS.get(v.legal_basis, one_line(v.legal_basis or "not given"))


def in_owner_words(action, *args, **kwargs):
    """Run a request action of the agent (inside a job); a refusal reads 'Not accepted: ...'
    and any other failure starts with a capital letter, as the screens show them."""
    try:
        return action(*args, **kwargs)
    except Refusal as exc:
        raise Refusal(f"Not accepted: {_capital(exc)}") from None
    except AgentError as exc:
        raise AgentError(_capital(exc)) from None


def _capital(exc: Exception) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:]
