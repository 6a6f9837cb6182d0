"""The owner's decision on a request: signed and kept in the inbox, then sent to the portal."""
from __future__ import annotations

from agent.audit.log import AuditLog
from agent.identity.keys import OwnerKey
from agent.requests.approval_step import RegistrationChanged, Step
from agent.requests.inbox import Inbox
from agent.requests.portal_client import PortalError
from agent.requests.portal_retries import portal_call
from agent.requests.records import Approval
from frp.decision import Approved, make_decision
from frp.jws import JWSError, parse_compact
from frp.request import Request


def sign_decision(inbox: Inbox, key: OwnerKey, request: Request, decision: str,
                  approval: Approval | None = None, reason: str | None = None,
                  audit: AuditLog | None = None) -> str:
    """Sign the owner's decision and keep it in the inbox (sent later by send_decision)."""
    token = signed_decision(key, request, decision, approval, reason, audit)
    inbox.set_decision(request.agency_id, request.id, token)
    return token


def signed_decision(key: OwnerKey, request: Request, decision: str,
                    approval: Approval | None = None, reason: str | None = None,
                    audit: AuditLog | None = None) -> str:
    """The owner's decision signed (not kept: a decline is kept with its status, in one
    write, Inbox.decline). It carries the head of the owner's audit log as it stands, a
    witness the agency keeps."""
    approved = None if approval is None else Approved(approval.start_us, approval.end_us,
                                                      approval.cameras)
    return make_decision(request, key.sign, key.public.jwk(), decision, reason=reason,
                         approved=approved,
                         log_head=audit.head() if audit is not None else None)


def to_sign(entry, key: OwnerKey) -> bool:
    """Whether the approval's decision is to be signed (again): none is stored, the one stored
    is a decline (the portal refused it as already delivered, the approval standing:
    owed_receipts.py), or the one stored was never sent and another key signed it. That key
    is no longer pinned (the keys folder was put back from the copy that rotated it): sent
    again, it would be refused for good."""
    if entry.decision is None:
        return True
    try:
        claims = parse_compact(entry.decision).claims
    except JWSError:
        return entry.decision_sent_at_us is None
    if claims.get("decision") != "approve":
        return True   # the approval signed again: the portal holds it already_decided
    if entry.decision_sent_at_us is not None:
        return False
    return claims.get("iss") != key.public.owner_id()


def send_decision(step: Step) -> None:
    """Post the stored decision unless the portal already has it."""
    entry = step.entry()
    if entry.decision is None or entry.decision_sent_at_us is not None:
        return
    try:
        portal_call(step, lambda: step.portal.post_decision(step.agency, step.bearer, entry.jti,
                                                            entry.decision, cancel=step.cancel))
    except PortalError as exc:
        if (exc.status, exc.error) == (403, "wrong_key") or exc.status == 401:
            # approving again cannot change the pin, nor bring the registration back
            raise RegistrationChanged(str(exc)) from None
        if exc.status != 409 or exc.error not in (None, "already_decided"):
            raise   # an expired request, for one: nothing is cut or sent for it
        # 409 already_decided (or a portal that gives no code): the portal holds a decision
        # already; ours from an interrupted run (or a retry whose first answer was lost), or
        # the submission step will be refused and say so.
    step.inbox.decision_sent(entry.iss, entry.jti)
