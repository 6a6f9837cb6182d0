"""Receipts still owed after a decline the portal refused because the agency had the footage.

Withdrawing an approval keeps a package whose upload finished without a receipt when the
portal cannot be asked then (Delivery.kept_on_withdrawal): its submission may have reached the
portal with the answer lost. The decline is sent all the same; when the portal refuses it as
`409 already_delivered` the approval stands and the agency holds the footage, so the package's
receipt is owed to this PC. Each sync (and each of the poll thread's passes, after a growing
wait) asks for it until the portal answers: kept and checked as any receipt. A request every
approved camera of which then has one is recorded as `delivered` (not "declined, nothing
taken"); one the receipts came for only part of (a delivery of several cameras stopped part
way) as `failed`, as the same facts found before the decline leave it (withdrawal.py): the
decline was not taken, the approval stands, and approving it again sends the rest.
"""
from __future__ import annotations

import threading
import time

from agent.delivery.wire import UploadCancelled
from agent.requests.running_deliveries import AlreadyRunning
from agent.requests.approval_step import DeliveryError
from agent.requests.desk_errors import DeskError
from agent.requests.package_delivery import receipt_owed
from agent.requests.portal_client import PortalError
from agent.requests.records import DELIVERED_ELSEWHERE, Entry

# Why a request became delivered, or failed, after its decline (the log's `after`, worded in
# the app).
AFTER_REFUSED_DECLINE = "decline refused as already delivered"


def delivered_elsewhere(agency: str, approved_here: bool = True) -> str:
    """Why a decline the portal answered 409 already_delivered was not taken: the approval's
    footage was received, from this PC (the submission's answer lost on the way) or from a
    copy of this home (or this one before it was put back from a backup); of a request never
    approved here (`approved_here` False), only from such a copy."""
    if not approved_here:
        return (f"{agency} already received footage for this request, approved and sent from "
                "another copy of this app's folder (or from this one before it was put back "
                "from a backup), so that approval stands and your decline was not taken. Ask "
                "the agency if you want that footage deleted")
    return (f"{agency} already received footage for this request (sent from this PC with the "
            "answer lost on the way, or from another copy of this app's folder, or before this "
            "folder was put back from a backup), so the approval stands and cannot be "
            "withdrawn. Ask the agency if you want that footage deleted")


def owes(entry: Entry) -> bool:
    """Whether `entry` waits for a receipt: declined here, the decline refused by the portal
    as already delivered (its code kept in the inbox: `decision_refusal`), and a package kept
    without its receipt."""
    return entry.status == "declined" and entry.decision_refusal == DELIVERED_ELSEWHERE \
        and any(d.kept_on_withdrawal for d in entry.deliveries)


def ask_all_owed(desk, waiting: bool = False, cancel: threading.Event | None = None) -> None:
    """Ask for every owed receipt (ask_owed). `waiting` (the poll thread's passes): a request
    whose portal did not answer is asked again after a growing wait (desk.decision_waits, as a
    decision not sent), not every pass; a sync the owner asks for asks them all now."""
    for entry in desk.inbox.list():
        if not owes(entry):
            continue
        key = (entry.iss, entry.jti)
        at, failures = desk.decision_waits.get(key, (0.0, 0))
        if waiting and time.monotonic() < at:
            continue
        if owes(ask_owed(desk, entry, cancel)):
            desk.decision_waits[key] = (time.monotonic() + desk.policy.next_delay(failures + 1),
                                        failures + 1)
        else:
            desk.decision_waits.pop(key, None)


def ask_owed(desk, entry: Entry, cancel: threading.Event | None = None) -> Entry:
    """`entry` once its portal was asked for each kept package's receipt; a portal that does
    not answer now is asked again next time (nothing recorded). A receipt that comes is
    kept; once every approved camera has one, the request is `delivered`. Asked by one
    footage-agent at a time (the app and `run` poll one home alike), from the request as it
    stands then: one asked from what was read before another kept the receipt would write the
    delivery back without it. A request another decides or asks about now is left to it."""
    try:
        with desk.claim(entry):
            entry = desk.inbox.get(entry.jti, entry.iss)
            return _asked(desk, entry, cancel) if owes(entry) else entry
    except AlreadyRunning:
        return entry


def _asked(desk, entry: Entry, cancel: threading.Event | None) -> Entry:
    """ask_owed's asking, the request claimed and read again."""
    try:
        step = desk.asking_step(entry, cancel)
    except DeskError:
        return entry   # not asked while it cannot be (`inbox show` says why)
    for d in entry.deliveries:
        if d.kept_on_withdrawal:
            try:
                receipt_owed(step, d)
            except (DeliveryError, PortalError, UploadCancelled):
                return entry   # busy, down or stopping: asked again by the next pass
    entry = step.entry()
    receipted = [d.camera for d in entry.deliveries if d.receipt]
    if entry.approval is None or not receipted:
        return entry   # still owed, or the agency's footage came from elsewhere
    if set(entry.approval.cameras) <= set(receipted):
        entry = desk.inbox.transition(entry.iss, entry.jti, "delivered")
        step.log("receipt", status="delivered", after=AFTER_REFUSED_DECLINE)
    elif not any(d.kept_on_withdrawal for d in entry.deliveries):
        why = part_received(step.agency.name, receipted)
        entry = desk.inbox.transition(entry.iss, entry.jti, "failed", why)
        step.log("receipt", status="failed", reason=why, after=AFTER_REFUSED_DECLINE)
    return entry


def part_received(agency: str, cameras: list[str]) -> str:
    """Why a request declined here is `failed` once the receipts its refused decline left owed
    came for part of the approval: the agency has that part and the approval stands."""
    return (f"{agency} already has the footage of {', '.join(cameras)}: its receipt came after "
            "you declined, so your decline was not taken and your approval stands. Ask the "
            "agency directly if you want it deleted; approve it again to send the other "
            "cameras' footage")
