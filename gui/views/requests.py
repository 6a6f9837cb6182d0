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
from agent.views import WRONG_KEY, RequestView, multi_line, one_line
from gui.views import display
from gui.views.core_words import in_owner_language, owner_words
from gui.views.shown import LRM, Shown, shown, shown_lines
from gui.views.words import QT_TRANSLATE_NOOP, sentence_start, translate

UNKNOWN_AGENCY = QT_TRANSLATE_NOOP("requests", "Unknown agency (no longer in your trust list)")
UNDECIDED = ("new", "held")

LEGAL_BASIS = {
    "voluntary": QT_TRANSLATE_NOOP("requests", "Voluntary request (no warrant: you may say no)"),
    "warrant": QT_TRANSLATE_NOOP("requests", "Search warrant"),
    "court_order": QT_TRANSLATE_NOOP("requests", "Court order"),
}

STATUS = {
    "new": QT_TRANSLATE_NOOP("requests", "Waiting for you"),
    "held": QT_TRANSLATE_NOOP("requests", "Footage kept safe, waiting for you"),
    "approved": QT_TRANSLATE_NOOP("requests", "Approved"),
    "declined": QT_TRANSLATE_NOOP("requests", "Declined"),
    "expired": QT_TRANSLATE_NOOP("requests", "Expired"),
    "exporting": QT_TRANSLATE_NOOP("requests", "Preparing footage"),
    "uploading": QT_TRANSLATE_NOOP("requests", "Sending"),
    "delivered": QT_TRANSLATE_NOOP("requests", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("requests", "Needs attention"),
}


def withdrawable(v: RequestView) -> bool:
    """Approved but never delivered: declining it withdraws the approval (no camera's package
    has a receipt; the agent refuses it while the delivery runs)."""
    return v.status in ("approved", "failed") and not any(d.receipt for d in v.deliveries)


def approvable(v: RequestView) -> bool:
    """Whether the agent takes an approval (or a retry of one) of the request now: only of one
    that still verifies against today's trust store."""
    return v.verified and (v.status in UNDECIDED or v.status == "failed")


def declinable(v: RequestView) -> bool:
    """Whether the agent takes a decline now: of a request that verifies, new or held, or
    approved and not delivered; of one that no longer verifies, only while new or held and its
    agency is still trusted (the decline names it to that agency's portal)."""
    if v.verified:
        return v.status in UNDECIDED or withdrawable(v)
    return v.status in UNDECIDED and v.agency_name is not None


def not_answerable(v: RequestView) -> str:
    """Why a request still open cannot be approved (or declined) as the agent would refuse it:
    it no longer verifies. "" when it verifies, or is closed."""
    if v.verified or not (v.status in UNDECIDED or withdrawable(v)):
        return ""
    problem = _sentence(shown_reason(v))   # a Hebrew agency's name in it kept apart
    if declinable(v):
        return shown(translate("requests", "{problem}, so it cannot be approved. You can still "
                                           "decline it: the agency is told you said no."),
                     problem=problem)
    if v.status in UNDECIDED:
        return shown(translate("requests", "{problem}, so it can be neither approved nor "
                                           "declined until the agency is trusted again (add "
                                           "its file in Settings); otherwise it stays here, "
                                           "marked not verified, until it expires."),
                     problem=problem)
    return shown(translate("requests", "{problem}, so what you approved can be neither sent "
                                       "nor withdrawn until the agency is trusted again."),
                 problem=problem)


def page_status(v: RequestView) -> str:
    """The line at the foot of a request's page: for an open request why it cannot be
    answered ("" when it can); else its state and why it is there. Made piece by piece
    (shown_reason), so an agency or camera named in Hebrew in the core's words keeps the
    app's direction."""
    blocked = not_answerable(v)
    if v.status in UNDECIDED:
        return blocked
    state = translate("requests", "This request: {state}.").format(state=status(v).lower())
    why = blocked or sentence_start(shown_reason(v))
    return shown("{state} {why}", state=state, why=_inner(why)) if why else state


def kept_when_withdrawn(v: RequestView) -> str:
    """What withdrawing the approval keeps on this PC, as the question before it says it ("" for
    nothing): a package sent whole that has no receipt stays, since the agency may have it
    (its answer may have been lost on the way)."""
    sent = sorted({one_line(d.camera) for d in v.deliveries if d.kept_on_withdrawal})
    if not sent:
        return ""
    return translate("requests", "Only the copy of {cameras} stays on this PC: it was sent "
                                 "whole, so the agency may have it already.").format(
        cameras=", ".join(sent))


def badge(v: RequestView) -> str:
    """Whether the request verifies today, in a word or two: it stops saying "Verified" once
    its agency is removed from the trust list or the key that signed it is rotated out."""
    if v.verified:
        return "\u2714 " + translate("requests", "Verified")
    if v.agency_name is None:
        return "\u2718 " + translate("requests", "Agency removed")
    return "\u2718 " + translate("requests", "No longer verifies")


def agency_name(v: RequestView) -> str:
    """The agency as the owner's trust list names it."""
    if v.agency_name is None:
        return translate("requests", UNKNOWN_AGENCY)
    return one_line(v.agency_name)


def agency_phone(v: RequestView) -> str:
    """The call-back number from the trust list ("" when the agency is no longer there)."""
    return one_line(v.agency_phone or "")


def requester(v: RequestView) -> str:
    """Name, unit and badge as the request states them: 'Det. Jane Roe, North Precinct
    (badge 4471)'."""
    people = v.requester
    who = ", ".join(p for p in (people.get("name"), people.get("unit")) if p)
    if people.get("badge"):
        who += " " + translate("requests", "(badge {badge})").format(badge=people["badge"])
    return one_line(who)


def case(v: RequestView, incident: bool = False) -> str:
    """The case number, with the incident when asked: '2026-0042: burglary on 5th Ave'."""
    text = v.case + (f": {v.incident}" if incident and v.incident else "")
    return one_line(text)


def message(v: RequestView) -> str:
    """The agency's message, its own line breaks kept."""
    return multi_line(v.message) if v.message else translate("requests", "(no message)")


def place(v: RequestView) -> str:
    """The address and radius the request names: '1200 Elm Street (within 150 m)'."""
    where = v.location or {}
    text = where.get("address") or ""
    if isinstance(where.get("radius_m"), (int, float)):
        within = translate("requests", "(within {m} m)").format(m=int(where["radius_m"]))
        text = (text + " " + within).strip()
    return one_line(text)


def upload_host(v: RequestView) -> str:
    """Where the footage would be sent: the upload address's host."""
    try:
        return one_line(urlsplit(v.upload_endpoint or "").netloc)
    except ValueError:
        return ""


def reason(v: RequestView) -> str:
    """Why the request is where it is: why it no longer verifies, the decline reason, a failed
    delivery, or a decision the portal did not take. The core's words are in the owner's
    language; a decline reason the owner typed is shown as typed. A plain str, for words it
    is formatted into (a tooltip, the outcome's); the request's page shows shown_reason."""
    return _reason(v, in_owner_language, lambda template, **values: template.format(**values))


def shown_reason(v: RequestView) -> Shown:
    """`reason` made piece by piece: the core's words by owner_words, so an agency named in
    Hebrew ("משטרה's portal did not answer in time") is set apart and the line keeps the
    app's direction."""
    return _reason(v, owner_words, shown)


def _reason(v: RequestView, said, fill):
    if not v.problem and v.reason and v.status == "declined":
        if v.decision_error:   # "not taken by the agency": why, then what the owner wrote
            why = _sentence(said(one_line(v.decision_error)))
            if _sent_again(v):
                why = why + "." + _sentence(_sent_again(v))
            return fill(translate("requests", "{why}. Your reason: {reason}"), why=why,
                        reason=one_line(v.reason))
        return one_line(v.reason)
    if not v.problem and not v.reason and v.decision_error and _sent_again(v):
        return _sentence(said(one_line(v.decision_error))) + "." + _sent_again(v)
    return said(one_line(v.problem or v.reason or v.decision_error or ""))


def _sent_again(v: RequestView) -> str:
    """What becomes of a decline refused as `403 wrong_key` (as `inbox show` says it): the app
    signs it anew and sends it by itself at its next check, once the keys are put back
    (agent/requests/declines_signed_again.py)."""
    if v.status != "declined" or v.decision_refusal != WRONG_KEY:
        return ""
    return " " + translate("requests", "Once the keys are put back, the app signs this decline "
                                       "again and sends it by itself at its next check for "
                                       "requests.")


def _sentence(said: str) -> str:
    """`said` as the start of a sentence, its final stop left to the words around it (a
    Shown kept one)."""
    out = sentence_start(said)
    return Shown(str.rstrip(_inner(out), ".")) if isinstance(out, Shown) else out.rstrip(".")


def _inner(said: str) -> str:
    """`said` to be put inside other words: a Shown without the left-to-right mark it starts
    with, which the line made of them gets at its own start (gui.views.shown)."""
    return Shown(str.lstrip(said, LRM)) if isinstance(said, Shown) else said


def status(v: RequestView) -> str:
    """The request's status in words; a decline says whether it has reached the agency (the
    app sends it again at each check until the portal takes it)."""
    if v.status == "declined" and v.decision_sent_at_us is None:
        if v.decision_error:
            return translate("requests", "Declined, not taken by the agency")
        return translate("requests", "Declined, not sent to the agency yet")
    return translate("requests", STATUS[v.status]) if v.status in STATUS else one_line(v.status)


def sync_text(report, registered: bool = True) -> str:
    """What "Check for requests now" came to (the agent's SyncReport): new requests, requests
    refused, and every problem met (a portal that cannot be reached, a decision not sent), so
    "Checked just now." is said only when nothing went wrong, and never when there was no
    agency to ask (`registered` False: the owner is registered with none)."""
    lines = []
    if report.new:
        lines.append(translate("requests", "New requests: {count}.").format(
            count=len(report.new)))
    # A problem is a line of its own, often starting with an agency's name ("{agency}'s portal
    # did not answer"): said as a Shown, so a Hebrew or Arabic name keeps the app's direction.
    lines += [shown(translate("requests", "A request was refused and not added: {reason}"),
                    reason=owner_words(one_line(r))) for r in report.rejected]
    lines += [sentence_start(owner_words(one_line(p))) for p in report.problems]
    if not registered:
        lines.insert(0, translate("requests", "There was no agency to ask: requests arrive by "
                                              "themselves once you register with one (Settings, "
                                              "Register with an agency…). A request file "
                                              "the agency sent you can be opened with Open a "
                                              "request file…"))
    elif not report.problems:
        lines.insert(0, translate("requests", "Checked just now."))
    return shown_lines(lines)


def unreachable_text(troubles: list, zone_name: str) -> str:
    """The agencies' portals the app has not reached for a while, or that refused a
    registration (agent.views.PortalTrouble), one line each: that no request can arrive from
    them, since when, and why (the core's words say what to do)."""
    return shown_lines([
        shown(translate("requests", "No request can arrive from {agency} since {when}: "
                                    "{problem}"),
              agency=t.agency, when=display.day_time(t.since_us, zone_name),
              problem=sentence_start(owner_words(one_line(t.problem))))
        for t in troubles])


def legal_basis(v: RequestView) -> str:
    """The legal basis in words."""
    if v.legal_basis in LEGAL_BASIS:
        return translate("requests", LEGAL_BASIS[v.legal_basis])
    return one_line(v.legal_basis) if v.legal_basis else translate("requests", "not given")


def in_owner_words(action, *args, **kwargs):
    """Run a request action of the agent (inside a job); a refusal reads 'Not accepted: ...'
    and any other failure starts with a capital letter, as the screens show them."""
    try:
        return action(*args, **kwargs)
    except Refusal as exc:
        raise Refusal(translate("requests", "Not accepted: {reason}")
                      .format(reason=_capital(exc))) from None
    except AgentError as exc:
        raise AgentError(_capital(exc)) from None



def _capital(exc: Exception | str) -> str:
    return sentence_start(str(exc))
