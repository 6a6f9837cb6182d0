"""Running an approval the owner gave (one delivery of a request at a time:
running_deliveries.py): the approval the request's state allows, and its steps (export ->
decision -> upload -> receipt) with the request's status moved at each one.

The desk (agent/requests/desk.py) verifies the request first and turns this module's
exceptions into its own: AlreadyRunning and a refused approval (approval_step.DeliveryError)
into a refusal, RunFailed into an error. A failed run leaves the request `failed` with the
reason, and running approve again resumes with the same approval, or, while its decision is
not signed (nothing of it left this PC), with other choices the owner gives (approval_change.py).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from agent.export.mask_pictures import MasksElsewhere
from agent.export.progress import DroppedFrames
from agent.index.store import Store
from agent.requests.approval_change import changeable, remove_superseded, superseded
from agent.requests.approval_choices import (asked_otherwise, new_approval, redactions,
                                             same_approval)
from agent.requests.approval_footage import check_footage, check_masks_placed
from agent.requests.approval_step import (
    ApprovalRefused,
    DecidedElsewhere,
    FootageRefused,
    RegistrationChanged,
    OverLimit,
    SubmissionRefused,
    PackageAltered,
    Step,
)
from agent.recorders.model import NothingNamesIt
from agent.requests.held_window import usable_hold
from agent.requests.decisions import send_decision, sign_decision, to_sign
from agent.requests.inbox import Inbox
from agent.requests.statuses import UNDECIDED
from agent.requests.package_delivery import deliver_packages
from agent.requests.package_export import export_packages
from agent.requests.receipts import unchecked_receipts
from agent.requests.tus_uploads import forget_foreign_addresses
from agent.requests.records import Approval, Entry
from agent.requests.running_deliveries import CUT_OFF_STATUSES
from agent.requests.status_words import status_said
from agent.timebase import format_utc, local_text

Log = Callable[..., None]  # the desk's audit line for a request: log(event, entry, **data)


class RunFailed(Exception):
    """A step of the run failed; the request is now `failed` and the message is the reason.
    `refused`: the owner's rules stopped it (frames the owner did not accept losing), or
    approving it again as it is would not help (a package changed, the packages over the
    request's limit, privacy masks that cannot be placed on the approved footage)."""

    def __init__(self, reason: str, refused: bool = False) -> None:
        super().__init__(reason)
        self.refused = refused


def chosen_approval(store: Store, home: Path, entry: Entry, cameras, start_us, end_us, mode,
                    keep_audio, blur_faces, masks, on_file: tuple[str, ...] | None) -> Approval:
    """The approval the owner's choices make for the request as it stands, checked and
    recorded nowhere: the one kept when resuming a failed (or cut off) delivery, else a new
    one (`on_file`: the cameras registered with the agency, None when not known). Raises
    ApprovalRefused saying why it would be refused."""
    resumed = entry.status == "failed" or entry.status in CUT_OFF_STATUSES
    if resumed and changeable(entry) and asked_otherwise(
            entry.approval, cameras, start_us, end_us, mode, keep_audio, blur_faces, masks):
        # Nothing of it left this PC: approved again as a new request is, unset choices kept.
        a = entry.approval
        return _checked(store, home, entry, new_approval(
            entry, store.cameras(), cameras or a.cameras, _given(start_us, a.start_us),
            _given(end_us, a.end_us), mode or a.mode, _given(keep_audio, a.keep_audio),
            _given(blur_faces, a.blur_faces), _given(masks, a.masks),
            current=store.names.current, on_file=on_file))
    if resumed:
        return same_approval(entry, cameras, start_us, end_us, mode, keep_audio, blur_faces,
                             masks)
    if entry.status in UNDECIDED:
        return _checked(store, home, entry, new_approval(
            entry, store.cameras(), cameras, start_us, end_us, mode, keep_audio, blur_faces,
            masks, current=store.names.current, on_file=on_file))
    if entry.status == "expired":
        raise ApprovalRefused(
            f"request '{entry.jti}' expired at {local_text(entry.expires_at_us)} and can no "
            "longer be approved; if the agency still needs footage, it can send a new "
            "request")
    raise ApprovalRefused(f"request '{entry.jti}' {status_said(entry.status)}; it cannot be "
                          "approved now")


def checked_resume(store: Store, home: Path, entry: Entry, approval: Approval) -> None:
    """The check before the kept approval of a failed (or cut off) delivery is run again (a
    new one was checked as it was made): ApprovalRefused, with the run's words, when privacy
    masks saved since cannot be placed on footage it still has to cut. The run itself finds
    it at that camera's cut, and sets aside what an earlier run made with them."""
    if entry.approval is None or approval != entry.approval:
        return
    if entry.status == "failed" or entry.status in CUT_OFF_STATUSES:
        check_masks_placed(store, entry, approval,
                           redactions(home, approval, store.names.current),
                           usable_hold(home, entry.folder, (entry.jti, entry.iss)))


def _given(value, kept):
    return kept if value is None else value


def _checked(store: Store, home: Path, entry: Entry, approval: Approval) -> Approval:
    """A new approval once its masks read and every camera has footage to cut (in its
    recordings, or in the request's hold once they are gone)."""
    redacted = redactions(home, approval, store.names.current)  # masks readable?
    # before any cut
    check_footage(store, approval, redacted,
                  usable_hold(home, entry.folder, (entry.jti, entry.iss)))
    return approval


def approval_to_run(inbox: Inbox, store: Callable[[], Store], home: Path, log: Log,
                    entry: Entry, cameras, start_us, end_us, mode, keep_audio, blur_faces,
                    masks, on_file: tuple[str, ...] | None) -> tuple[Entry, Approval]:
    """The request as it stands and the approval to run: the one kept when resuming a failed
    (or cut off) delivery, else a new one from the owner's choices, recorded as approved.

    Raises ApprovalRefused (a DeliveryError) when the approval is refused."""
    if entry.status in CUT_OFF_STATUSES:  # an earlier run was cut off
        entry = inbox.transition(entry.iss, entry.jti, "failed", "interrupted")
    approval = chosen_approval(store(), home, entry, cameras, start_us, end_us, mode,
                               keep_audio, blur_faces, masks, on_file)
    said = dict(cameras=list(approval.cameras),
                window={"start": format_utc(approval.start_us),
                        "end": format_utc(approval.end_us)},
                mode=approval.mode, audio=approval.keep_audio,
                blur_faces=approval.blur_faces, masks=approval.masks)
    if entry.status in UNDECIDED:
        inbox.set_approval(entry.iss, entry.jti, approval)
        inbox.transition(entry.iss, entry.jti, "approved")
        log("approve", entry, status="approved", **said)
    elif approval != entry.approval:
        entry = _change(inbox, home, log, entry, approval, said)
    return entry, approval


def _change(inbox: Inbox, home: Path, log: Log, entry: Entry, approval: Approval,
            said: dict) -> Entry:
    """Record a changed approval of a request whose delivery failed before anything of it left
    this PC: the packages made for the old one that the new one does not send removed and
    forgotten, the rest kept (approval_change.py)."""
    removed, not_removed = remove_superseded(home, entry, approval)
    if not_removed:
        raise ApprovalRefused("the footage prepared for your earlier choices could not all be "
                              f"removed ({'; '.join(not_removed)}), so nothing was changed: "
                              "approve it again once it can be")
    for d in superseded(entry, approval):
        inbox.drop_delivery(entry.iss, entry.jti, d.camera)
    inbox.set_approval(entry.iss, entry.jti, approval)
    log("approve", entry, status="changed", removed=removed, **said)
    return inbox.get(entry.jti, entry.iss)


def run_steps(step: Step, entry: Entry, approval: Approval,
              upload_rate_limit_bps: int | None,
              unrecorded: Callable[[str], None] | None = None) -> Entry:
    """Export, send the signed decision, upload and receipt; returns the delivered request.

    Raises RunFailed with the reason, the request left `failed`, when any step fails. When
    `failed` cannot be written (the inbox's disk full), `unrecorded(reason)` is told why the
    run failed, and the inbox's own error is raised."""
    inbox = step.inbox
    stage = "export"
    try:
        inbox.transition(entry.iss, entry.jti, "exporting")
        step.log("export", status="exporting")
        # before an earlier run's upload is asked about, withdrawn or submitted
        forget_foreign_addresses(step)
        ask_again_for_unchecked_receipts(step)
        sums = export_packages(step, approval)
        if to_sign(step.entry(), step.key):
            sign_decision(step.inbox, step.key, step.request, "approve", approval,
                          audit=step.audit)
        send_decision(step)
        stage = "upload"
        inbox.transition(entry.iss, entry.jti, "uploading")
        step.log("upload", status="uploading")
        deliver_packages(step, upload_rate_limit_bps, sums)
        done = inbox.transition(entry.iss, entry.jti, "delivered")
        step.log("receipt", status="delivered")
        return done
    except Exception as exc:  # every failure ends as `failed` with a reason, never stuck
        reason = _reason(exc)
        try:
            inbox.transition(entry.iss, entry.jti, "failed", reason)
        except Exception:
            if unrecorded is not None:
                unrecorded(reason)
            raise
        step.log(stage, status="failed", reason=reason)
        refused = isinstance(exc, (DroppedFrames, PackageAltered, OverLimit, DecidedElsewhere,
                                   RegistrationChanged, FootageRefused, NothingNamesIt,
                                   MasksElsewhere, SubmissionRefused))
        raise RunFailed(reason, refused=refused) from None


def ask_again_for_unchecked_receipts(step: Step) -> None:
    """Drop each kept receipt of the request that no longer checks out (its token kept in the
    activity log), its upload kept on record: the delivery asks the portal for it again (a
    portal answers a submission made before with its receipt; one whose upload was forgotten
    is sent again, and a portal that received those bytes already answers with their
    receipt), and checks what comes."""
    for d, problem in unchecked_receipts(step.entry().deliveries, step.agency, step.request.id,
                                         step.trusted):
        # the token kept in the log first: one the agency signed with a key its file no
        # longer lists is still the agency's word, and the portal may answer with it again
        step.log("receipt", camera=d.camera, status="unchecked", reason=problem,
                 token=d.receipt)
        step.inbox.save_delivery(step.agency.id, step.request.id, replace(d, receipt=None))


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    if type(exc).__name__ in ("Cancelled", "UploadCancelled"):
        return f"cancelled: {text}" if text else "cancelled"
    return text or type(exc).__name__
