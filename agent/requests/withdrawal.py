"""Withdrawing an approval that was never delivered (the owner declines an `approved` or
`failed` request): what refuses it, the uploads taken back from the agency's upload server,
and the files built for the agency removed from this PC.

The recordings themselves and any hold are never touched here: the hold is released as for
any declined request (`inbox release`).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from agent.os_words import plain_os_error
from agent.requests.approval_step import Step
from agent.requests.package_delivery import receipt_before_withdrawal
from agent.requests.records import Entry
from agent.requests.tus_uploads import withdraw
from agent.storage import remove_stale_partials

# What may be withdrawn: approved and never delivered. `exporting` and `uploading` only when
# no job runs for it any more (an earlier run was cut off), which the desk checks.
WITHDRAWABLE = ("approved", "failed", "exporting", "uploading")


@dataclass(frozen=True)
class Withdrawal:
    """What withdrawing did: cameras whose upload the server could not be asked to delete now
    (the portal deletes them when it takes the withdrawal), the files and folders removed,
    those that could not be (with why), and the cameras whose package was kept, with its
    delivery record, because the agency may have it (`kept`)."""

    uploads_left: tuple[str, ...]
    removed: tuple[str, ...]
    not_removed: tuple[str, ...]
    kept: tuple[str, ...] = ()


def delivered_refusal(entry: Entry, agency_name: str) -> str | None:
    """Why the approval can no longer be withdrawn (a camera's package has a receipt: the
    agency has it), or None."""
    delivered = [d.camera for d in entry.deliveries if d.receipt]
    if not delivered:
        return None
    return (f"{agency_name} already received the footage of {', '.join(delivered)} for request "
            f"'{entry.jti}' (a receipt is stored), so the approval cannot be withdrawn: the "
            "agency has it. Ask the agency directly if you want it deleted")


def receipts_asked(step: Step, entry: Entry) -> Entry:
    """`entry` once the portal was asked for the receipt of each package sent whole without
    one (receipt_before_withdrawal), reporting the wait (a busy portal's retries take minutes).
    A receipt it had is kept, and a request every approved camera of which now has one is
    recorded as delivered at once: nothing is left to send. A stop while waiting
    (step.cancel) raises UploadCancelled, the upload still on record to ask again."""
    for d in entry.deliveries:
        if d.kept_on_withdrawal:
            step.report(asking_words(step.agency.name, d.camera), 0.0)
            receipt_before_withdrawal(step, d)
    entry = step.entry()
    receipted = {d.camera for d in entry.deliveries if d.receipt}
    if entry.status == "failed" and entry.approval is not None \
            and set(entry.approval.cameras) <= receipted:
        entry = step.inbox.transition(entry.iss, entry.jti, "delivered")
        step.log("receipt", status="delivered")
    return entry


def asking_words(agency_name: str, camera: str) -> str:
    """What a decline waits for while it asks for a lost receipt."""
    return (f"asking {agency_name}'s portal whether it received the footage of {camera} "
            "before withdrawing the approval")


def fetched_refusal(entry: Entry, agency_name: str) -> str:
    """Why a decline is refused once the receipts it asked for came (entry as it is then)."""
    cameras = ", ".join(d.camera for d in entry.deliveries if d.receipt)
    words = (f"{agency_name} already has the footage of {cameras} for request '{entry.jti}': "
             "its receipt had been lost on the way and was fetched just now, so the request "
             "cannot be declined. Ask the agency directly if you want it deleted")
    if entry.status != "delivered":
        words += "; approve it again to send the other cameras' footage"
    return words


def withdraw_all(step: Step, entry: Entry) -> Withdrawal:
    """Take back each camera's upload (tus termination) and remove its package folder and
    tar, then forget the camera's delivery. An upload server that cannot be reached does not
    stop it: the portal ends the request's uploads when the decline reaches it.

    A package whose upload finished is kept, with its delivery record
    (Delivery.kept_on_withdrawal)."""
    left, removed, not_removed, kept = [], [], [], []
    roots = (step.home / "packages", step.home / "outbox")
    for record in entry.deliveries:
        if withdraw(step, record):
            left.append(record.camera)
        if record.kept_on_withdrawal:
            step.inbox.save_delivery(entry.iss, entry.jti, record)   # as it was: uploaded
            kept.append(record.camera)
            continue
        for path in (p for p in (record.tar, record.package) if p and Path(p).exists()):
            problem = remove_built(Path(path), roots)
            if problem:
                not_removed.append(problem)
            elif not Path(path).exists():
                removed.append(path)
        step.inbox.drop_delivery(entry.iss, entry.jti, record.camera)
    for root in roots:   # the request's own folders, once empty
        # What a build killed part way left (a clip cut so far): removed by the next build in
        # the same folder only, and none comes for a withdrawn approval. None can be running:
        # a decline is refused while a delivery of the request runs.
        remove_stale_partials(root / entry.folder, older_than_s=0)
        _remove_if_empty(root / entry.folder)
    return Withdrawal(tuple(left), tuple(removed), tuple(not_removed), tuple(kept))


def remove_built(path: Path, roots: tuple[Path, ...]) -> str | None:
    """Remove a package folder or tar this agent made (only ever under `roots`); what went
    wrong in plain words, or None."""
    if not any(path.resolve().is_relative_to(r.resolve()) for r in roots):
        return None   # not ours to remove (an inbox row edited by hand)
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError as exc:
        return f"{plain_os_error(exc, str(path))}; delete {path} yourself"
    return None


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass   # missing, or holding something the agent did not make: left as it is
