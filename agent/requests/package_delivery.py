"""Delivering the packages: each tar uploaded, submitted to the portal, and its receipt
checked and kept; an upload the portal will never receipt is forgotten (and withdrawn)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from agent.delivery.sums import ChunkSums
from agent.requests.approval_step import (DecidedElsewhere, DeliveryError, FootageRefused,
                                          OverLimit, Step, SubmissionRefused)
from agent.requests.delivered_tars import let_go_of_tar
from agent.requests.portal_client import PortalError
from agent.requests.portal_retries import portal_call
from agent.requests.records import Delivery
from agent.requests.tus_uploads import (ALREADY_RECEIVED, OUTSIDE_APPROVAL, approved_elsewhere,
                                        received_elsewhere, upload_client, upload_tar,
                                        withdraw)
from frp.decision import ReceiptError, UntrustedReceipt, verify_receipt
from frp.jws import JWSError, parse_compact
from frp.text import one_line

# The portal read a clip's own frames outside the approved window, or a file that is no part of
# a package (protocol.md, submissions): the package itself is refused, not the upload.
FOOTAGE_OUTSIDE = "footage_outside_approval"


def deliver_packages(step: Step, rate_limit_bps: int | None = None,
                     sums: dict[str, ChunkSums] | None = None) -> None:
    """Upload each package not yet receipted, submit it, and keep the checked receipt.

    An upload from an earlier run that the portal no longer has (404, 409 on the submission)
    is made again at once; one made in this run that it refuses so, or any whose genuine
    receipt names other bytes, is forgotten (and withdrawn), so the next approve uploads the
    package afresh.
    sums: digests taken when the tars were written, by camera (export_packages)."""
    entry = step.entry()
    pending = [d for d in entry.deliveries if not d.receipt]
    within_limit(step, entry.deliveries, pending)
    client = upload_client(step)
    try:
        for n, d in enumerate(pending):
            from_before = bool(d.upload_url)
            while True:
                if not d.upload_url:
                    d = upload_tar(step, d, n, len(pending), client, rate_limit_bps, sums)
                try:
                    _receipt(step, d)
                    break
                except _UploadGone as gone:
                    withdraw(step, d)
                    d = replace(d, upload_url=None)
                    if not (from_before and gone.again_now):   # made in this run, refused
                        raise DeliveryError(forgotten(str(gone))) from None
                    step.log("upload", camera=d.camera, status="gone", reason=str(gone))
                    from_before = False
    finally:
        if client is not None:
            client.close()


def receipt_once_withdrawn(step: Step, d: Delivery) -> bool:
    """Whether the portal had stored d's finished upload, asked before the package is given
    up (cut again with other privacy masks, set aside as signed by another key or changed
    since it was sealed, or deleted by hand) so that nothing the agency holds is sent twice
    and the portal never refuses the one made again (already_received). The upload is ended first (tus termination), so
    the question delivers nothing: a portal that stored it answers its receipt all the same
    (protocol.md, submissions), which is checked and kept (delivered); one that did not has
    no upload left to take (404). When the upload server cannot be asked to end it, or the
    portal gives no answer, the upload is kept on record: approving again asks again."""
    if not d.upload_url:
        return False
    missed = withdraw(step, d)
    # On record until the portal answers: a run stopped or killed while it waits (a busy
    # portal's retries take minutes) asks again next time, never taking the upload for one
    # the portal never stored.
    step.inbox.save_delivery(step.agency.id, step.request.id, d)
    if missed:
        raise DeliveryError(f"{step.agency.name}'s upload server could not be reached to take "
                            f"back the earlier upload of {d.camera}, so nothing was sent "
                            "again; approve it again once it can be reached")
    try:
        _receipt(step, d)
    except _UploadGone:
        # it no longer has the upload, or received other bytes: made again
        step.inbox.save_delivery(step.agency.id, step.request.id, replace(d, upload_url=None))
        return False
    return True


def receipt_before_withdrawal(step: Step, d: Delivery) -> bool | None:
    """Whether the portal stored d's finished upload, asked as receipt_once_withdrawn asks
    before an approval is withdrawn: a decline the portal would refuse (already_delivered)
    must not be taken here for one, nor the package the agency holds be kept without its
    receipt. None when it cannot be told now (the upload server or the portal not answering):
    the package is then kept, as the agency may have it (Delivery.kept_on_withdrawal)."""
    try:
        return receipt_once_withdrawn(step, d)
    except (DeliveryError, PortalError):
        return None


def receipt_owed(step: Step, d: Delivery) -> bool:
    """Whether the portal gave d's receipt (checked and kept, as any receipt) once it refused
    a decline as already delivered (owed_receipts.py), asked as receipt_once_withdrawn asks:
    the upload ended first, so a portal that never stored it has nothing to take (the
    approval stands there, and a submission would deliver what the owner declined). False
    when it never stored this upload (it holds footage sent from elsewhere: a copy of this
    home): the upload is forgotten then, the package kept, so it is not asked again.
    DeliveryError or PortalError when it cannot be told now (the upload server not reached
    to end it, among them)."""
    try:
        return receipt_once_withdrawn(step, d)
    except DecidedElsewhere:
        step.inbox.save_delivery(step.agency.id, step.request.id, replace(d, upload_url=None))
        return False


def within_limit(step: Step, deliveries, pending: list[Delivery], uncut: int = 0,
                 undecided: bool = False) -> None:
    """OverLimit when the packages together are more than the request's `max_bytes`, which
    counts all its uploads together (protocol.md): each fitting alone, the first went in and
    the next was refused, and a request with a package received can no longer have its
    approval withdrawn. Weighed before anything is uploaded, and after each package made
    (`uncut`: how many approved cameras are not cut yet), since a package can only add to the
    total: an approval of many cameras stops at the first package that passes the limit
    rather than cut them all to be refused. `undecided`: nothing of the approval has left
    this PC yet, so the owner may approve less instead (approval_change.py)."""
    limit = step.request.upload_max_bytes
    total = sum(d.size for d in deliveries)
    if limit is None or total <= limit or not pending:
        return
    big = next((d for d in pending if d.size > limit), None)
    what = (f"the package for {big.camera} is {big.size:,} bytes" if big is not None else
            f"the packages for {', '.join(d.camera for d in deliveries)} are {total:,} bytes "
            "together")
    if uncut:
        what += "; " + (f"the {uncut} other camera was not exported" if uncut == 1 else
                        f"the {uncut} other cameras were not exported")
    # A package received before (by a release that weighed each alone) cannot be taken back.
    advice = ("Nothing of it has left this PC yet: approve it again with fewer cameras or a "
              "shorter time, or decline the request." if undecided else
              "Decline the request to withdraw your approval; the agency can send a new "
              "request for a shorter window or fewer cameras." if len(pending) == len(deliveries)
              else f"{step.agency.name} has part of it already: ask the agency what it needs.")
    raise OverLimit(f"{what}; {step.agency.name} accepts at most {limit:,} bytes for this "
                    f"request, all its uploads together, so nothing more was sent. {advice}")


def forgotten(gone: str) -> str:
    """Why an upload made in this run will bring no receipt, and what approving again does."""
    return (f"{gone} The agent forgot that upload: approve it again to upload the package "
            "afresh; if this happens again, tell the agency")


class _UploadGone(Exception):
    """The portal will never give a receipt for this upload: it no longer has it
    (`again_now`: an earlier run's upload is simply made again), or it received other bytes
    than the package's. The message says which."""

    def __init__(self, message: str, again_now: bool = False) -> None:
        super().__init__(message)
        self.again_now = again_now


# The statuses of a submission that mean the upload itself is unusable: 404 no such upload
# (expired, cleaned up), 409 not complete there, or made for another request (but 409 conflict,
# a portal storing another submission at once: retried by portal_call, portal_answers.py).
_GONE = (404, 409, 410)


def _receipt(step: Step, d: Delivery) -> None:
    try:
        token = portal_call(step, lambda: step.portal.post_submission(
            step.agency, step.bearer, step.request.id, d.upload_url, d.sha256, d.size,
            Path(d.package).name, cancel=step.cancel))
    except PortalError as exc:
        if exc.status == 409 and exc.error in (OUTSIDE_APPROVAL, ALREADY_RECEIVED):
            withdraw(step, d)   # the portal kept nothing of it; neither is it resumed here
            words = approved_elsewhere if exc.error == OUTSIDE_APPROVAL else received_elsewhere
            raise DecidedElsewhere(words(step.agency.name, d.camera)) from None
        if (exc.status, exc.error) == (422, FOOTAGE_OUTSIDE):
            withdraw(step, d)   # the portal kept nothing of it
            step.log("upload", camera=d.camera, status="refused", reason=one_line(str(exc), 2000))
            raise FootageRefused(footage_outside(step.agency.name, d.camera)) from None
        if exc.status in _GONE:
            raise _UploadGone(f"{exc}.", again_now=True) from None
        if exc.status == 400:   # malformed, or no upload of its own (bad_upload_url)
            raise SubmissionRefused(submission_refused(str(exc), d.camera)) from None
        raise
    try:
        claims = verify_receipt(token, step.agency, d.sha256, step.request.id, step.trusted)
    except ReceiptError as exc:
        other = _receipt_for_other_bytes(step, token)
        if other is None and isinstance(exc, UntrustedReceipt):   # the next approve asks again
            raise DeliveryError(_untrusted(step.agency.name, d.camera, exc)) from None
        if other is None:   # the agency's own signature on claims that do not fit this package
            raise DeliveryError(_misfit(step.agency.name, d.camera, exc)) from None
        raise _UploadGone(f"{step.agency.name}'s portal says it received other bytes for "
                          f"{d.camera} (SHA-256 {other['sha256']}, {other['size']:,} bytes) than "
                          f"the package sent (SHA-256 {d.sha256}, {d.size:,} bytes), so it is "
                          "not delivered.") from None
    if claims["size"] != d.size:
        raise _UploadGone(f"{step.agency.name}'s portal says it received {claims['size']:,} "
                          f"bytes of the {d.size:,}-byte package for {d.camera}, so it is not "
                          "delivered.")
    delivered = Delivery(d.camera, d.package, d.tar, d.sha256, d.size, d.upload_url,
                         token.strip())
    step.inbox.save_delivery(step.agency.id, step.request.id, delivered)
    step.log("receipt", camera=d.camera, sha256=claims["sha256"], size=claims["size"],
             received_at=claims.get("received_at"))
    let_go_of_tar(step.home, delivered)   # only once the receipt is kept: the folder stays the package


def submission_refused(refusal: str, camera: str) -> str:
    """What the owner is told when the portal refused a finished upload's submission (400):
    asking again would ask the same way, so the agency must put it right; the upload is kept,
    so that asking again then sends nothing again."""
    return (f"{refusal}. The package for {camera} was sent whole, but the agency's portal "
            "does not take it as sent, and asking again would ask the same way: tell the "
            "agency. The upload is kept: once the agency has put it right, approve it again "
            "to ask for its receipt without sending the package again")


def footage_outside(agency: str, camera: str) -> str:
    """What the owner is told when the portal found footage in a package outside the window
    they approved: nothing was kept, and the same package would be refused again."""
    return (f"{agency}'s portal found footage in the package for {camera} outside the window "
            "you approved, so it refused it and nothing of it was kept. This app checks every "
            "clip before sealing it, so this should not happen, and approving again would "
            "send the same package. Tell the agency, and keep the package folder for whoever "
            "looks into it")


def _untrusted(agency: str, camera: str, exc: UntrustedReceipt) -> str:
    """What the owner is told of a receipt that cannot be trusted: the portal took the
    package (the agency may have it), what is wrong, and who to call when approving again
    brings the same: an agency that changed its keys needs its new agency file."""
    return (f"{agency}'s portal took the package for {camera}, but its receipt cannot be "
            f"trusted ({exc.why}), so it is not recorded as delivered. If approving it again "
            f"brings no trusted receipt, call {agency} on the number in your trust store: it "
            "may have changed its keys, and then its new agency file is needed (`footage-agent "
            "agencies add FILE --replace`)")


def _misfit(agency: str, camera: str, exc: ReceiptError) -> str:
    """What the owner is told of a receipt signed with the agency's own key that does not fit
    (another request, another issuer, a claim missing): the trust store is right, so a new
    agency file would not help; the portal is at fault, and approving again asks it again."""
    return (f"{agency}'s portal took the package for {camera}, but the receipt it sent back, "
            f"signed with the agency's own key, does not fit ({exc}), so it is not recorded "
            "as delivered. Your trust store is right, so adding the agency file again will "
            "not help: approve it again to ask for the receipt again, and if that brings the "
            "same, tell the agency: its portal is at fault")


def _receipt_for_other_bytes(step: Step, token: str) -> dict | None:
    """The claims of a receipt that is genuine (the agency's signature, this request) but
    names other bytes than ours; None for one that cannot be trusted at all."""
    try:
        named = parse_compact(token.strip()).claims.get("sha256")
        claims = verify_receipt(token, step.agency, str(named), step.request.id, step.trusted)
    except (JWSError, ReceiptError, ValueError):
        return None
    return claims if isinstance(claims.get("size"), int) else None
