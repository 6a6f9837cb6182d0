"""The owner's decisions on a request at the desk: approving it (cut, sealed, delivered and
receipted by approval_run.py) and declining it (holds are desk_holds.py's).

A mixin of `agent.requests.desk.RequestDesk`, which provides `home`, `inbox`, `audit`,
`settings`, `_entry`, `_reverify`, `_bearer`, `_view`, `_log` and the rest of a desk.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Callable

from agent.callbacks import call_safely
from agent.delivery.wire import UploadCancelled
from agent.requests import approval_run, polling, running_deliveries
from agent.requests.approval_step import DeliveryError, Step
from agent.requests.decisions import signed_decision
from agent.requests.desk_errors import DeskError, DeskRefusal, ReceiptFetched
from agent.requests.statuses import UNDECIDED
from agent.requests.owed_receipts import ask_owed, owes
from agent.requests.portal_client import PortalCancelled
from agent.requests.records import Approval, Entry
from agent.requests.status_words import not_declinable
from agent.requests.view import RequestView
from agent.requests.withdrawal import (
    WITHDRAWABLE,
    Withdrawal,
    delivered_refusal,
    fetched_refusal,
    receipts_asked,
    withdraw_all,
)
from frp.claims import MAX_MESSAGE_CHARS, reason_problem
from frp.decision import RequestRef
from frp.request import Request

Progress = Callable[[str, float], None]


class DeskDecisions:
    """The desk's approve and decline methods."""

    # decisions ---------------------------------------------------------------------------
    def approve(self, jti: str, cameras: list[str] | tuple[str, ...] | None = None,
                start_us: int | None = None, end_us: int | None = None, mode: str | None = None,
                keep_audio: bool | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None, *, blur_faces: bool | None = None,
                masks: bool | None = None, accept_dropped: bool = False,
                iss: str | None = None) -> RequestView:
        """Export, deliver and receipt what the owner approves (never wider than the request).

        Unset choices default to the whole request (the cameras it names that the owner
        registered with the agency; copy mode; no audio; each camera's saved privacy masks
        applied, faces not blurred), or to what was approved before when resuming a failed
        delivery; choices given then change that approval while nothing of it has left this
        PC (approval_change.py), and are refused once its decision is signed. Frames of the
        recordings that cannot be
        decoded stop it (refused, the request left `failed`) unless `accept_dropped`.
        """
        entry = self._entry(jti, iss)
        try:
            with self._running.claim(entry):
                # As it stands now that nothing else decides it: a decline, or another
                # approval, may have come in since it was read.
                done = self._approve(self._entry(entry.jti, entry.iss), cameras, start_us,
                                     end_us, mode, keep_audio, progress, cancel, blur_faces,
                                     masks, accept_dropped)
        except running_deliveries.AlreadyRunning as exc:
            raise DeskRefusal(str(exc)) from None
        return self._view(done)

    def check_approval(self, jti: str, cameras: list[str] | tuple[str, ...] | None = None,
                       start_us: int | None = None, end_us: int | None = None,
                       mode: str | None = None, keep_audio: bool | None = None, *,
                       blur_faces: bool | None = None, masks: bool | None = None,
                       iss: str | None = None) -> Approval:
        """What `approve` with these choices would send (defaults filled in), or DeskRefusal
        saying why it would be refused; nothing is recorded, so it can be asked before the
        owner confirms."""
        entry, store = self._entry(jti, iss), self._store()
        try:
            approval = approval_run.chosen_approval(store, self.home, entry, cameras,
                                                    start_us, end_us, mode, keep_audio,
                                                    blur_faces, masks, self._on_file(entry))
            approval_run.checked_resume(store, self.home, entry, approval)
            return approval
        except DeliveryError as exc:
            raise DeskRefusal(str(exc)) from None

    def _approve(self, entry: Entry, cameras, start_us, end_us, mode, keep_audio, progress,
                 cancel, blur_faces, masks, accept_dropped) -> Entry:
        agency, request = self._reverify(entry)
        bearer = self._bearer(entry, agency)
        try:
            entry, approval = approval_run.approval_to_run(
                self.inbox, self._store, self.home, self._log, entry, cameras, start_us, end_us,
                mode, keep_audio, blur_faces, masks, self._on_file(entry))
        except DeliveryError as exc:  # refused
            raise DeskRefusal(str(exc)) from None
        step = Step(self.home, self._store(), self.signing_key(entry.iss, entry.registration),
                    self.inbox, self.audit, self.portal, agency, request, bearer, self._verify,
                    progress, cancel, accept_dropped, self._recorders(),
                    tuple(self.trust.list()))
        try:
            return approval_run.run_steps(step, entry, approval,
                                          self.settings.upload_rate_limit_bps,
                                          lambda why: self._running.unrecorded(entry, why))
        except approval_run.RunFailed as exc:
            if exc.refused:
                raise DeskRefusal(str(exc)) from None
            raise DeskError(resumable(str(exc))) from None

    def decline(self, jti: str, reason: str | None = None, *, iss: str | None = None,
                progress: Progress | None = None,
                cancel: threading.Event | None = None) -> RequestView:
        """Decline: signed, kept, and sent to the portal (now, or by the next sync). A request
        approved but never delivered (`approved`, `failed`) may be declined too: that
        withdraws the approval (withdrawal.py), refused once any camera's package was
        delivered or while its delivery runs. Withdrawing may first wait for the portal
        (`progress` says so); `cancel` ends that wait, nothing declined. Sending the decline
        once recorded is reported as the SENDING_DECLINE stage; `cancel` then ends the send
        only: the decline is kept, and sent by the next sync."""
        entry = self._owed_asked(self._entry(jti, iss), cancel)
        self._may_decline(entry, reason)
        try:
            # Decided by one footage-agent at a time: an approval started meanwhile (the app
            # and a terminal's command share the home) would otherwise send this decline's
            # token as its decision, or have its own overwritten.
            with self._running.claim(entry):
                entry = self._entry(entry.jti, entry.iss)   # as it stands now
                self._may_decline(entry, reason)
                if entry.status in UNDECIDED:
                    request, problem = self.to_decline(entry)
                    return self._decline(entry, request, reason, unverified=problem,
                                         progress=progress, cancel=cancel)
                return self._withdraw(entry, reason, progress, cancel)
        except running_deliveries.AlreadyRunning as exc:
            raise DeskRefusal(f"{exc}; cancel it first to decline") from None

    def _owed_asked(self, entry: Entry, cancel: threading.Event | None) -> Entry:
        """`entry`, its owed receipt asked for first when it has one (owed_receipts.py: its
        decline refused as already delivered), so that declining it again says what it is."""
        return ask_owed(self, entry, cancel) if owes(entry) else entry

    def _may_decline(self, entry: Entry, reason: str | None) -> None:
        """DeskRefusal saying why `entry` cannot be declined (with `reason`) as it stands."""
        agency = self.trust.get(entry.iss)
        refusal = delivered_refusal(entry, agency.name if agency else entry.iss)
        if refusal is not None:
            raise DeskRefusal(refusal)
        if entry.status not in UNDECIDED + WITHDRAWABLE:
            raise DeskRefusal(not_declinable(entry.jti, entry.status))
        if reason is not None and (len(reason) > MAX_MESSAGE_CHARS or not reason.strip()):
            raise DeskRefusal(f"the reason must be 1 to {MAX_MESSAGE_CHARS} characters of text")
        if reason is not None and (problem := reason_problem(reason)):
            raise DeskRefusal(unsendable_reason(problem))

    def to_decline(self, entry: Entry) -> tuple[Request | RequestRef, str | None]:
        """The request a decline of an undecided request names, and why it no longer verifies
        (None when it does): verified against today's trust store, or, when it no longer
        verifies but its agency and registration are still held (the agency's key that signed
        it since replaced), named by its id and token hash. A decline sends nothing of the
        footage and the owner can always say no; an approval stays refused."""
        try:
            return self._reverify(entry)[1], None
        except DeskRefusal as exc:
            if self.trust.get(entry.iss) is None \
                    or not self.trust.portal_token(entry.iss, entry.registration):
                raise
            return RequestRef(entry.jti, entry.iss, entry.sha256), str(exc)

    def _withdraw(self, entry: Entry, reason: str | None, progress: Progress | None,
                  cancel: threading.Event | None) -> RequestView:
        """Decline an approved request no job is delivering: its uploads taken back and the
        files built for the agency removed, then the decline signed and sent."""
        agency, request = self._reverify(entry)
        refusal = delivered_refusal(entry, agency.name)   # receipted while we waited
        if refusal is not None:
            raise DeskRefusal(refusal)
        if entry.status not in ("approved", "failed"):   # an earlier run was cut off
            entry = self.inbox.transition(entry.iss, entry.jti, "failed", "interrupted")
        step = Step(self.home, self._store(), self.signing_key(entry.iss, entry.registration),
                    self.inbox, self.audit, self.portal, agency, request,
                    self._bearer(entry, agency), self._verify, progress, cancel,
                    trusted=tuple(self.trust.list()))
        stopped = False
        try:   # sent whole, its receipt lost: the agency may have it
            entry = receipts_asked(step, entry)
        except UploadCancelled:
            stopped, entry = True, step.entry()   # a receipt kept before the stop is said
        # A receipt that came is said whether or not a stop landed with it: "nothing was
        # declined, decline it again to withdraw it" would offer what is refused from now on.
        if delivered_refusal(entry, agency.name) is not None:   # it had, its receipt now kept
            raise ReceiptFetched(fetched_refusal(entry, agency.name))
        if stopped or (cancel is not None and cancel.is_set()):   # during the asking, or as
            raise DeskError(DECLINE_STOPPED)                       # it ended: nothing declined
        done = withdraw_all(step, entry)
        return self._decline(entry, request, reason, withdraws=entry.decision, done=done,
                             progress=progress, cancel=cancel)

    def _decline(self, entry: Entry, request, reason: str | None, withdraws: str | None = None,
                 done: Withdrawal | None = None, unverified: str | None = None,
                 progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> RequestView:
        token = signed_decision(self.signing_key(entry.iss, entry.registration), request,
                                "decline", reason=reason, audit=self.audit)
        declined = self.inbox.decline(entry.iss, entry.jti, token, reason)
        extra = {} if done is None else {
            "withdrawn": True, "approval_sha256": _sha(withdraws) if withdraws else None,
            "removed": list(done.removed), "not_removed": list(done.not_removed),
            "uploads_left": list(done.uploads_left), "kept": list(done.kept)}
        if unverified is not None:   # the log says the owner declined what no longer verified
            extra["unverified"] = unverified
        self._log("decline", entry, status="declined", reason=reason,
                  decision_sha256=_sha(token), **extra)
        call_safely(progress, SENDING_DECLINE, 0.0)
        try:   # a portal that never answers holds the owner up to its timeouts: `cancel` ends it
            polling.send_decision(self, declined, cancel)
        except PortalCancelled:
            pass   # declined and kept: sent by the next sync, as one the portal did not take
        return self._view(self.inbox.get(entry.jti, entry.iss))


# The stage a decline reports while it sends the decision it recorded (the app offers Stop then).
SENDING_DECLINE = "sending the decline"
DECLINE_STOPPED = ("the decline was stopped while waiting for the agency's portal: nothing was "
                   "declined and your approval stands; decline it again to withdraw it")


def unsendable_reason(problem: str) -> str:
    """Why a decline's reason is refused before anything is signed (frp.claims.reason_problem):
    the agency would receive it as typed, and an owner never means an escape to act there."""
    return (f"the reason holds {problem}, which the agency would receive as typed (it can "
            "change what the agency's screens show): write the reason again without it")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def resumable(reason: str) -> str:
    """A failed delivery's reason with the way to resume it, unless the reason says it
    already (a busy portal says when to approve again, a forgotten upload what that does, a
    receipt that cannot be trusted what to do if approving it again brings the same)."""
    if "approve it again" in reason or "approving it again" in reason:
        return reason
    return f"{reason} (approve it again to resume)"
