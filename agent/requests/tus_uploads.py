"""One camera's tar on the agency's upload server (tus): uploaded (resuming an unfinished
upload) and recorded, or withdrawn so that its next upload starts afresh."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from agent.delivery.sums import ChunkSums
from agent.delivery.wire import (UnusableAddress, UploadCancelled, UploadError, check_endpoint,
                                 new_client, origin, other_origin, same_origin_url)
from agent.requests.approval_step import DecidedElsewhere, DeliveryError, OverLimit, Step
from agent.requests.records import Delivery
from frp.text import one_line


# The portal's codes for an upload it takes for no approval (protocol.md): the request's
# decision there is not this approval, or the approval was withdrawn.
NOT_TAKEN = ("not_approved", "approval_withdrawn")


def decided_elsewhere(agency: str) -> str:
    """What the owner is told when the portal holds another decision than the approval made
    here: the portal took the decision as one it had (409 already_decided), so the decision
    on it was made elsewhere, on a copy of this home or before a backup of it was put back."""
    return (f"{agency} holds another decision on this request than the approval made here (it "
            "was decided from another copy of this app's folder, or before this folder was "
            "put back from a backup), so it takes no footage for it and nothing was sent. "
            "Approving again cannot change that. Decline the request here to match, and call "
            "the agency if it still needs the footage")


# The portal's codes for a package the approval it holds does not cover, and for a second
# package of a camera it received one for (protocol.md).
OUTSIDE_APPROVAL = "outside_approval"
ALREADY_RECEIVED = "already_received"


def approved_elsewhere(agency: str, camera: str) -> str:
    """What the owner is told when the portal refused a package as outside the approval it
    holds: that approval was made elsewhere (the portal took this home's approval as one it
    had, 409 already_decided), for other cameras or another window."""
    return (f"{agency} holds an approval of this request other than the one made here (it was "
            "approved from another copy of this app's folder, or before this folder was put "
            f"back from a backup), and it does not cover the package for {camera}, so the agency "
            "refused it and nothing of it was kept. Approving again cannot change that. Call "
            "the agency if it needs more than that approval gave")


def received_elsewhere(agency: str, camera: str) -> str:
    """What the owner is told when the portal refused a package because it received one for
    the same camera already, whose receipt this home does not hold: sent from another copy of
    this app's folder, or before this folder was put back from a backup."""
    return (f"{agency} received a package for {camera} for this request already (sent from "
            "another copy of this app's folder, or before this folder was put back from a "
            "backup, and that copy holds its receipt), so it refused this one and nothing of "
            "it was kept. Approving again cannot change that")


# What the owner is told of each, by code.
ELSEWHERE = {OUTSIDE_APPROVAL: approved_elsewhere, ALREADY_RECEIVED: received_elsewhere}

# The portal's code for a request it takes no more uploads for (protocol.md: the reference
# portal takes 16 per request, however many were made again or withdrawn).
TOO_MANY_UPLOADS = "too_many_uploads"


def no_more_uploads(agency: str, camera: str) -> str:
    """What the owner is told when the portal takes no more uploads for the request: the
    same creation would be refused on every approve."""
    return (f"{agency}'s upload server takes no more uploads for this request (it has taken as "
            f"many as it allows), so the package for {camera} was not sent. Approving again "
            "cannot change that. Tell the agency")


def upload_tar(step: Step, d: Delivery, n: int, count: int, client: httpx.Client | None,
               rate_limit_bps: int | None, sums: dict[str, ChunkSums] | None) -> Delivery:
    """Upload one camera's tar (resuming an unfinished upload) and record where it went
    (before its saved progress is forgotten)."""
    from agent.delivery.source import FileChanged
    from agent.delivery.upload import upload_file

    entry = step.entry()
    stage = f"uploading {d.camera} ({n + 1} of {count})"   # gui/views/outcomes.py reads it
    done: list[Delivery] = []

    def record(result) -> None:
        # Before the upload's saved progress is forgotten (upload_file): a record that fails
        # here (a disk filled meanwhile) leaves it, and the next approve finds the upload
        # whole instead of sending the package again.
        if result.sha256 != d.sha256 or result.size != d.size:
            raise DeliveryError(changed_while_sent(d.camera))
        sent = Delivery(d.camera, d.package, d.tar, d.sha256, d.size, result.url)
        step.inbox.save_delivery(entry.iss, entry.jti, sent)
        done.append(sent)

    try:
        result = upload_file(
            Path(d.tar), step.request.upload_endpoint,
            state_dir=step.home / "uploads", client=client,
            metadata={"filename": Path(d.tar).name, "request": entry.jti, "sha256": d.sha256,
                      "camera": d.camera},
            sums=(sums or {}).get(d.camera), headers=bearer_headers(step),
            rate_limit_bps=rate_limit_bps, cancel=step.cancel, recorded=record,
            progress=lambda p: step.report(
                stage, (n + (p.sent / p.total if p.total else 1.0)) / count))
    except UploadCancelled:
        raise
    except FileChanged:   # its own words say `export` (the upload command's); approve remakes it
        raise DeliveryError(changed_while_sent(d.camera)) from None
    except UnusableAddress as exc:   # the same server answers the same address again
        raise OverLimit(str(exc)) from None
    except UploadError as exc:
        if exc.status in (412, 413):   # too large for the server even in its smallest parts,
            # or another tus version than it speaks: approving again sends the same bytes the
            # same way to the same end
            raise OverLimit(str(exc)) from None
        if exc.status == 409 and exc.code in NOT_TAKEN:
            raise DecidedElsewhere(decided_elsewhere(step.agency.name)) from None
        if exc.status == 409 and exc.code == TOO_MANY_UPLOADS:   # a 429 of it passes in time
            raise OverLimit(no_more_uploads(step.agency.name, d.camera)) from None
        if exc.status == 409 and exc.code in ELSEWHERE:   # before a byte of it was sent
            raise DecidedElsewhere(ELSEWHERE[exc.code](step.agency.name, d.camera)) from None
        raise DeliveryError(str(exc)) from None
    step.log("upload", camera=d.camera, url=result.url, sha256=d.sha256, size=d.size,
             resumed_from=result.resumed_from)
    return done[0]


def withdraw(step: Step, record: Delivery) -> tuple[str, ...]:
    """Forget the camera's upload (saved progress, and a finished one not receipted), asking
    the upload server to delete it, so its next upload starts afresh. Returns the upload URLs
    the server could not be asked to delete now (unreachable, or a server error)."""
    from agent.delivery.upload import withdraw_upload

    if not record.sha256 and not record.upload_url:
        return ()
    client = upload_client(step)
    try:
        done = withdraw_upload(step.request.upload_endpoint, state_dir=step.home / "uploads",
                               sha256=record.sha256, size=record.size, url=record.upload_url,
                               client=client, headers=bearer_headers(step),
                               cancel=step.cancel)
    finally:
        if client is not None:
            client.close()
    if record.upload_url:
        step.inbox.save_delivery(step.agency.id, step.request.id,
                                 replace(record, upload_url=None, receipt=None))
    if done.asked or done.missed or done.others or record.upload_url:
        step.log("upload", camera=record.camera, status="withdrawn",
                 urls=list(done.asked) or ([] if done.missed or done.others
                                           else [record.upload_url]),
                 **({"not_deleted": list(done.missed)} if done.missed else {}),
                 # addresses of other packages' uploads: forgotten, never deleted (owned.py)
                 **({"not_this_package": list(done.others)} if done.others else {}))
    return done.missed


def upload_client(step: Step) -> httpx.Client | None:
    """The client for the upload server when this step trusts its own CA (tests, a private
    CA); None: the delivery code makes its own."""
    return None if step.verify is True else new_client(step.verify)


def bearer_headers(step: Step) -> dict[str, str]:
    """The registration's bearer token, as the upload server asks for it."""
    return {"Authorization": f"Bearer {step.bearer}"}


def changed_while_sent(camera: str) -> str:
    """Why a package whose bytes changed under its upload was not delivered."""
    return (f"the package for {camera} changed on disk while it was being sent; approve it "
            "again")


def forget_foreign_addresses(step: Step) -> None:
    """DeliveryError, once it is forgotten, when an upload address on record for a package not
    yet receipted is not on the request's upload server: this app keeps only addresses there
    (the tus creation's Location is refused otherwise), so the inbox was changed since (another
    program, a damaged disk). Its package is not submitted as sent there, nor is anything sent
    to it, and approving again uploads it afresh to the request's own address."""
    base = check_endpoint(step.request.upload_endpoint)
    said = []
    for d in step.entry().deliveries:
        if d.receipt or not d.upload_url or _kept_here(base, d.upload_url):
            continue
        # every one forgotten before the run stops, so one approve again sends them all afresh
        named = other_origin(base, d.upload_url) or one_line(d.upload_url, 120)
        step.inbox.save_delivery(step.agency.id, step.request.id, replace(d, upload_url=None))
        # not `url`, which the activity log says the package was sent to
        step.log("upload", camera=d.camera, status="address_refused",
                 unused_url=one_line(d.upload_url, 2048))
        said.append(foreign_address(d.camera, named, step.agency.name, origin(base)))
    if said:   # the first said (its advice once); the log names each
        raise DeliveryError(said[0])


def _kept_here(base: httpx.URL, url: str) -> bool:
    """Whether `url` is one this app would have kept for an upload to `base`: whole (a
    creation's Location is kept resolved), on its origin, without a user name or password."""
    try:
        return httpx.URL(url).is_absolute_url and bool(same_origin_url(base, url, "on record"))
    except (UploadError, httpx.InvalidURL, TypeError):
        return False


def foreign_address(camera: str, named: str, agency: str, server: str) -> str:
    """Why an upload address on record that is not on the request's upload server was
    forgotten, sending nothing there, and what approving again does."""
    return (f"the upload address on record for the package of {camera} ({named}) is not on "
            f"{agency}'s upload server ({server}), and this app never keeps another, so the "
            "record was changed after it was kept (by another program, or a damaged disk). "
            "Nothing was sent to that address, and it was forgotten: approve it again to "
            "upload the package afresh")
