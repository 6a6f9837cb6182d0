"""The steps behind an approval: cut and seal each camera's package, tar it, send the signed
decision, upload over tus, and check the portal's receipt.

Each step records its result in the inbox as soon as it is done, so running approve again after
a failure skips finished packages and uploads (an unfinished upload resumes where it stopped).
"""
from __future__ import annotations

import logging
import random
import ssl
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import httpx

from agent.audit.log import AuditLog
from agent.callbacks import call_safely
from agent.delivery.sums import ChunkSums, compute_sums
from agent.delivery.wire import DEFAULT_TIMEOUT, UploadCancelled, UploadError
from agent.export.bagtar import tar_package
from agent.export.evidence import RequestContext, export_evidence
from agent.export.masks import MaskError
from agent.export.redact import Redaction, owner_redaction
from agent.identity.keys import OwnerKey
from agent.index.mirror import Connect, connector
from agent.index.remote_window import local_window
from agent.index.store import Store
from agent.os_words import plain_os_error
from agent.recorders.credentials import CredentialStore
from agent.requests.agencies import TrustStore
from agent.requests.clip_signing import signing_chain
from agent.requests.inbox import Inbox
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.records import Approval, Delivery, Entry
from agent.timebase import US, compact_utc, format_utc
from frp.agency import Agency
from frp.decision import Approved, ReceiptError, make_decision, verify_receipt
from frp.jws import JWSError, parse_compact
from frp.request import Request
from frp.verify import verify_package

Progress = Callable[[str, float], None]


MODES = ("copy", "exact")


class DeliveryError(Exception):
    """A delivery step failed; the message says what happened and what to do."""


class ApprovalRefused(DeliveryError):
    """An approval wider than the request, or otherwise against the owner's rules."""


class PackageAltered(DeliveryError):
    """A package folder from an earlier run no longer verifies against its own seal."""


@dataclass(frozen=True)
class Step:
    """Everything one approval's steps need."""

    home: Path
    store: Store
    key: OwnerKey
    inbox: Inbox
    audit: AuditLog
    portal: PortalClient
    agency: Agency
    request: Request
    bearer: str
    verify: bool | ssl.SSLContext = True
    progress: Progress | None = None
    cancel: threading.Event | None = None
    accept_dropped: bool = False    # the owner accepts frames lost to damaged recordings
    connect: Connect | None = None  # how a recorder camera's footage is reached

    def entry(self) -> Entry:
        return self.inbox.get(self.request.id, self.agency.id)

    def report(self, stage: str, fraction: float) -> None:
        call_safely(self.progress, stage, fraction)

    def log(self, event: str, **data) -> None:
        self.audit.append(event, id=self.request.id, agency=self.agency.id, **data)


def new_approval(entry: Entry, indexed_cameras: list[str], cameras, start_us: int | None,
                 end_us: int | None, mode: str | None, keep_audio: bool | None,
                 blur_faces: bool | None = None, masks: bool | None = None,
                 current: Callable[[str], str | None] | None = None) -> Approval:
    """The owner's choices, checked: never wider than the request; unset ones default to it.

    The approval names cameras as the request does (the signed decision must): a camera the
    owner renamed since is chosen by either name. `current` gives a camera's current name."""
    start = entry.window_start_us if start_us is None else start_us
    end = entry.window_end_us if end_us is None else end_us
    now_called = (lambda c: current(c) or c) if current else (lambda c: c)
    as_asked = {now_called(a): a for a in entry.cameras}
    chosen = tuple(dict.fromkeys(c if c in entry.cameras else as_asked.get(now_called(c), c)
                                 for c in cameras)) if cameras else entry.cameras
    if not chosen:
        raise ApprovalRefused("this request does not name cameras; choose which to share")
    if start >= end:
        raise ApprovalRefused("the approved window must start before it ends")
    if start < entry.window_start_us or end > entry.window_end_us:
        raise ApprovalRefused(f"refused: the approved window is wider than the request's "
                              f"({format_utc(entry.window_start_us)} to "
                              f"{format_utc(entry.window_end_us)}); it may only be narrower")
    outside = [c for c in chosen if entry.cameras and c not in entry.cameras]
    if outside:
        raise ApprovalRefused(f"refused: the request did not ask for {', '.join(outside)} "
                              f"(it asked for {', '.join(entry.cameras)})")
    missing = [c for c in chosen if now_called(c) not in set(indexed_cameras)]
    if missing:
        raise ApprovalRefused(f"no recordings of {', '.join(missing)} are indexed (known "
                              f"cameras: {', '.join(sorted(indexed_cameras)) or 'none'})")
    if (mode or "copy") not in MODES:
        raise ApprovalRefused(f"the cut mode must be one of {', '.join(MODES)}")
    return Approval(start, end, chosen, mode or "copy", bool(keep_audio), bool(blur_faces),
                    masks is not False)


def same_approval(entry: Entry, cameras, start_us: int | None, end_us: int | None,
                  mode: str | None, keep_audio: bool | None, blur_faces: bool | None = None,
                  masks: bool | None = None) -> Approval:
    """The approval kept for a failed delivery; refuses choices that differ from it."""
    a = entry.approval
    asked = (tuple(dict.fromkeys(cameras)) if cameras else None, start_us, end_us, mode,
             keep_audio)
    kept = (a.cameras, a.start_us, a.end_us, a.mode, a.keep_audio)
    if any(x is not None and x != y for x, y in zip(asked, kept)):
        raise ApprovalRefused("this request was already approved with other choices; run "
                              "approve again without changing them to finish the delivery")
    if (blur_faces is not None and blur_faces != a.blur_faces) or \
            (masks is not None and masks != a.masks):
        raise ApprovalRefused("this request was already approved with other redaction choices "
                              f"({hidden_words(a)}); run approve again without changing them to "
                              "finish the delivery")
    return a


def hidden_words(approval: Approval) -> str:
    """What the approval hides, as the confirmation and the audit log say it."""
    parts = (["privacy masks"] if approval.masks else []) + (["faces blurred"]
                                                             if approval.blur_faces else [])
    return ", ".join(parts) or "nothing"


def redactions(home: Path, approval: Approval,
               current: Callable[[str], str | None] | None = None) -> dict[str, Redaction | None]:
    """Each camera's redaction, its masks found by its current name (`current`: a camera
    renamed since the approval keeps them); a damaged mask file refuses the approval rather
    than export the camera unmasked."""
    now_called = (lambda c: current(c) or c) if current else (lambda c: c)
    try:
        return {c: owner_redaction(home, now_called(c), masks=approval.masks,
                                   blur_faces=approval.blur_faces) for c in approval.cameras}
    except MaskError as exc:
        raise ApprovalRefused(str(exc)) from None


def export_packages(step: Step, approval: Approval) -> dict[str, ChunkSums]:
    """Cut, seal and tar a package per approved camera (those already made are kept).

    A tar kept from an earlier run is used only while it is the one recorded (its SHA-256 and
    size); a package folder from an earlier run is tarred again only once it verifies against
    its own seal. Returns the upload digests of the tars checked or written now, by camera."""
    entry = step.entry()
    done = {d.camera: d for d in entry.deliveries}
    out_dir = step.home / "packages" / entry.folder
    outbox = step.home / "outbox" / entry.folder
    context = RequestContext(entry.token.encode("ascii"), entry.jti, entry.iss, entry.case,
                             entry.window_start_us, entry.window_end_us, True)
    redacted = redactions(step.home, approval, step.store.names.current)
    sums: dict[str, ChunkSums] = {}
    for n, camera in enumerate(approval.cameras):
        record = done.get(camera)
        if record is not None and record.receipt:
            continue   # delivered: its tar is no longer needed
        if record is not None and record.tar and Path(record.tar).is_file():
            kept = _recorded_tar(step, record)
            if kept is not None:
                sums[camera] = kept
                continue
        if record is None or not Path(record.package).is_dir():
            record = _export_one(step, approval, camera, context, out_dir, n, redacted[camera])
        else:
            _check_seal(step, record)
            # A tar made again starts a fresh upload: bytes of the one it replaces may already
            # be on the server (a copy that changed, or one a portal holds against the limit).
            _withdraw(step, record)
        outbox.mkdir(parents=True, exist_ok=True, mode=0o700)
        tar_path = outbox / f"{Path(record.package).name}.tar"
        # The tar is reproducible: one left by an interrupted run is remade byte for byte.
        tar_path.unlink(missing_ok=True)
        packed = tar_package(Path(record.package), tar_path)
        record = Delivery(camera, record.package, str(packed.path), packed.sha256, packed.size)
        step.inbox.save_delivery(entry.iss, entry.jti, record)
        sums[camera] = packed.sums
    return sums


def _recorded_tar(step: Step, record: Delivery) -> ChunkSums | None:
    """The digests of an earlier run's tar while it is still the one recorded; else None, the
    tar removed (it is made again from the package folder, once that verifies)."""
    try:
        sums = compute_sums(Path(record.tar), cancel=step.cancel)
    except UploadCancelled:
        raise
    except UploadError:
        sums = None   # unreadable: made again like a changed one
    if sums is not None and (sums.sha256, sums.size) == (record.sha256, record.size):
        return sums
    step.log("export", camera=record.camera, tar=record.tar, status="tar-changed",
             sha256=sums.sha256 if sums else None, expected_sha256=record.sha256)
    Path(record.tar).unlink(missing_ok=True)
    return None


def _check_seal(step: Step, record: Delivery) -> None:
    """Refuse an earlier run's package folder that no longer verifies against its own seal
    (manifests, owner signature, clips' credentials): what leaves is what was sealed. Such a
    folder is set aside, kept for a look, and the camera's delivery forgotten, so the next
    approve exports the approved footage again."""
    package = Path(record.package)
    report = verify_package(package, expected_owner=step.key.public)
    if report.ok:
        return
    aside = package.with_name(f"{package.name}.changed-{compact_utc(int(time.time()) * US)}")
    try:
        package.rename(aside)
    except OSError as exc:
        raise PackageAltered(
            f"the package for {record.camera} ({package}) changed after it was sealed "
            f"({report.problems[0].rstrip('.')}), so it was not sent. It could not be set aside "
            f"({plain_os_error(exc, package)}): move that folder away, then run approve again "
            "to export the approved footage again") from None
    if record.tar:
        Path(record.tar).unlink(missing_ok=True)
    _withdraw(step, record)
    step.inbox.drop_delivery(step.agency.id, step.request.id, record.camera)
    step.log("export", camera=record.camera, package=str(package), status="refused",
             problems=list(report.problems[:5]), set_aside=str(aside))
    raise PackageAltered(
        f"the package for {record.camera} changed after it was sealed ({report.problems[0].rstrip('.')}), so "
        f"it was not sent. It was set aside as {aside}; run approve again to export the "
        "approved footage again from your recordings")


def _withdraw(step: Step, record: Delivery) -> None:
    """Forget the camera's upload (saved progress, and a finished one not receipted), asking
    the upload server to delete it, so its next upload starts afresh."""
    from agent.delivery.upload import withdraw_upload

    if not record.sha256 and not record.upload_url:
        return
    client = _tus_client(step)
    try:
        asked = withdraw_upload(step.request.upload_endpoint, state_dir=step.home / "uploads",
                                sha256=record.sha256, size=record.size, url=record.upload_url,
                                client=client, headers=_bearer(step))
    finally:
        if client is not None:
            client.close()
    if record.upload_url:
        step.inbox.save_delivery(step.agency.id, step.request.id,
                                 replace(record, upload_url=None, receipt=None))
    if asked or record.upload_url:
        step.log("upload", camera=record.camera, status="withdrawn", urls=asked or
                 [record.upload_url])


def _tus_client(step: Step) -> httpx.Client | None:
    """The client for the upload server when this step trusts its own CA (tests, a private
    CA); None: the delivery code makes its own."""
    return None if step.verify is True else httpx.Client(
        verify=step.verify, follow_redirects=False, timeout=DEFAULT_TIMEOUT, trust_env=False)


def _bearer(step: Step) -> dict[str, str]:
    return {"Authorization": f"Bearer {step.bearer}"}


def _export_one(step: Step, approval: Approval, camera: str, context: RequestContext,
                out_dir: Path, n: int, redaction: Redaction | None) -> Delivery:
    count = len(approval.cameras)
    stage = f"exporting {camera}"
    chain = signing_chain(TrustStore(step.home), step.key, step.agency.id,
                          step.request.registration_id)
    connect = step.connect or connector(CredentialStore(step.home))
    # A recorder's camera: its window is downloaded first, and exported from there.
    with local_window(step.home, step.store, camera, approval.start_us, approval.end_us,
                      connect, cancel=step.cancel) as (index, extra):
        done = export_evidence(
            index, step.key, camera, approval.start_us, approval.end_us, out_dir,
            mode=approval.mode, keep_audio=approval.keep_audio, request=context,
            progress=lambda s, f: step.report(stage, (n + max(0.0, min(1.0, f))) / count),
            cancel=step.cancel, redaction=redaction, accept_dropped=step.accept_dropped,
            chain=chain, provenance_extra=extra)
    cut = done.cut
    step.log("export", camera=camera, package=str(done.package.path), clip_sha256=done.clip_sha256,
             mode=cut.mode, audio=cut.audio, credentials=chain.kind,
             redactions=_kinds(redaction), dropped_frames=cut.dropped_frames,
             dropped_audio_packets=cut.dropped_audio_packets,
             delivered={"start": format_utc(cut.delivered_start_us),
                        "end": format_utc(cut.delivered_end_us)})
    record = Delivery(camera, str(done.package.path), "", "", 0)
    step.inbox.save_delivery(step.agency.id, step.request.id, record)
    return record


def _kinds(redaction: Redaction | None) -> list[str]:
    if redaction is None:
        return []
    return ((["privacy-mask"] if redaction.masks and redaction.masks.polygons else [])
            + (["face-blur"] if redaction.faces is not None else []))


def sign_decision(inbox: Inbox, key: OwnerKey, request: Request, decision: str,
                  approval: Approval | None = None, reason: str | None = None,
                  audit: AuditLog | None = None) -> str:
    """Sign the owner's decision and keep it in the inbox (sent later by send_decision). It
    carries the head of the owner's audit log as it stands, a witness the agency keeps."""
    approved = None if approval is None else Approved(approval.start_us, approval.end_us,
                                                      approval.cameras)
    token = make_decision(request, key.sign, key.public.jwk(), decision,
                          reason=reason, approved=approved,
                          log_head=audit.head() if audit is not None else None)
    inbox.set_decision(request.agency_id, request.id, token)
    return token


def send_decision(step: Step) -> None:
    """Post the stored decision unless the portal already has it."""
    entry = step.entry()
    if entry.decision is None or entry.decision_sent_at_us is not None:
        return
    try:
        _portal_call(step, lambda: step.portal.post_decision(step.agency, step.bearer, entry.jti,
                                                             entry.decision))
    except PortalError as exc:
        if exc.status != 409:
            raise
        # 409: the portal holds a decision already; ours from an interrupted run (or a retry
        # whose first answer was lost), or the submission step will be refused and say so.
    step.inbox.decision_sent(entry.iss, entry.jti)


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
    limit = step.request.upload_max_bytes
    for d in pending:
        if limit is not None and d.size > limit:
            raise DeliveryError(f"the package for {d.camera} is {d.size:,} bytes; "
                                f"{step.agency.name} accepts at most {limit:,} bytes per upload. "
                                "Approve a shorter window.")
    client = _tus_client(step)
    try:
        for n, d in enumerate(pending):
            from_before = bool(d.upload_url)
            while True:
                if not d.upload_url:
                    d = _upload(step, d, n, len(pending), client, rate_limit_bps, sums)
                try:
                    _receipt(step, d)
                    break
                except _UploadGone as gone:
                    _withdraw(step, d)
                    d = replace(d, upload_url=None)
                    if not (from_before and gone.again_now):
                        raise DeliveryError(
                            f"{gone} The agent forgot that upload: run approve again to upload "
                            "the package afresh" + ("" if gone.again_now else
                                                    "; if this happens again, tell the agency")
                        ) from None
                    step.log("upload", camera=d.camera, status="gone", reason=str(gone))
                    from_before = False
    finally:
        if client is not None:
            client.close()


def _upload(step: Step, d: Delivery, n: int, count: int, client: httpx.Client | None,
            rate_limit_bps: int | None, sums: dict[str, ChunkSums] | None) -> Delivery:
    """Upload one camera's tar (resuming an unfinished upload) and record where it went."""
    from agent.delivery.upload import upload_file

    entry = step.entry()
    stage = f"uploading {d.camera}"
    try:
        result = upload_file(
            Path(d.tar), step.request.upload_endpoint,
            state_dir=step.home / "uploads", client=client,
            metadata={"filename": Path(d.tar).name, "request": entry.jti, "sha256": d.sha256},
            sums=(sums or {}).get(d.camera), headers=_bearer(step),
            rate_limit_bps=rate_limit_bps, cancel=step.cancel,
            progress=lambda p: step.report(
                stage, (n + (p.sent / p.total if p.total else 1.0)) / count))
    except UploadCancelled:
        raise
    except UploadError as exc:
        raise DeliveryError(str(exc)) from None
    if result.sha256 != d.sha256 or result.size != d.size:
        raise DeliveryError(f"the package for {d.camera} changed on disk while it "
                            "was being sent; run approve again")
    d = Delivery(d.camera, d.package, d.tar, d.sha256, d.size, result.url)
    step.inbox.save_delivery(entry.iss, entry.jti, d)
    step.log("upload", camera=d.camera, url=result.url, sha256=d.sha256, size=d.size,
             resumed_from=result.resumed_from)
    return d


class _UploadGone(Exception):
    """The portal will never give a receipt for this upload: it no longer has it
    (`again_now`: an earlier run's upload is simply made again), or it received other bytes
    than the package's. The message says which."""

    def __init__(self, message: str, again_now: bool = False) -> None:
        super().__init__(message)
        self.again_now = again_now


# The statuses of a submission that mean the upload itself is unusable: 404 no such upload
# (expired, cleaned up), 409 not complete there, or made for another request.
_GONE = (404, 409, 410)


def _receipt(step: Step, d: Delivery) -> None:
    try:
        token = _portal_call(step, lambda: step.portal.post_submission(
            step.agency, step.bearer, step.request.id, d.upload_url, d.sha256, d.size,
            Path(d.package).name))
    except PortalError as exc:
        if exc.status in _GONE:
            raise _UploadGone(f"{exc}.", again_now=True) from None
        raise
    try:
        claims = verify_receipt(token, step.agency, d.sha256, step.request.id)
    except ReceiptError as exc:
        other = _receipt_for_other_bytes(step, token)
        if other is None:
            raise DeliveryError(str(exc)) from None   # untrusted: the next approve asks again
        raise _UploadGone(f"{step.agency.name}'s portal says it received other bytes for "
                          f"{d.camera} (SHA-256 {other['sha256']}, {other['size']:,} bytes) than "
                          f"the package sent (SHA-256 {d.sha256}, {d.size:,} bytes), so it is "
                          "not delivered.") from None
    if claims["size"] != d.size:
        raise _UploadGone(f"{step.agency.name}'s portal says it received {claims['size']:,} "
                          f"bytes of the {d.size:,}-byte package for {d.camera}, so it is not "
                          "delivered.")
    step.inbox.save_delivery(step.agency.id, step.request.id,
                             Delivery(d.camera, d.package, d.tar, d.sha256, d.size,
                                      d.upload_url, token.strip()))
    step.log("receipt", camera=d.camera, sha256=claims["sha256"], size=claims["size"],
             received_at=claims.get("received_at"))


def _receipt_for_other_bytes(step: Step, token: str) -> dict | None:
    """The claims of a receipt that is genuine (the agency's signature, this request) but
    names other bytes than ours; None for one that cannot be trusted at all."""
    try:
        named = parse_compact(token.strip()).claims.get("sha256")
        claims = verify_receipt(token, step.agency, str(named), step.request.id)
    except (JWSError, ReceiptError, ValueError):
        return None
    return claims if isinstance(claims.get("size"), int) else None


# Calls to the portal during an approval are retried on 5xx, 429 and no answer (protocol.md
# "Errors"), never before the portal's Retry-After; a wait it asks for beyond the cap, or
# failures past the budget, end the run with "try again later".
PORTAL_TRIES = 5
PORTAL_BACKOFF_S = 1.0
PORTAL_WAIT_CAP_S = 60.0
PORTAL_BUDGET_S = 180.0
log = logging.getLogger(__name__)


def _portal_call(step: Step, call: Callable[[], object]):
    """call(), retried as above; DeliveryError when the portal stays busy or down."""
    began = time.monotonic()
    for tries in range(1, PORTAL_TRIES + 1):
        try:
            return call()
        except PortalError as exc:
            if not exc.retryable:
                raise
            delay = exc.retry_after_s if exc.retry_after_s is not None else \
                PORTAL_BACKOFF_S * 2 ** (tries - 1) * random.uniform(0.75, 1.0)
            if tries == PORTAL_TRIES or delay > PORTAL_WAIT_CAP_S \
                    or time.monotonic() - began + delay > PORTAL_BUDGET_S:
                raise DeliveryError(_busy_words(step, exc, tries, delay)) from None
            log.info("portal: %s; trying again in %.1f s", exc, delay)
            _pause(step, delay)
    raise AssertionError("unreachable")


def _busy_words(step: Step, exc: PortalError, tries: int, delay: float) -> str:
    if exc.status is None:
        return str(exc)   # no answer: its own words say what to check
    later = (f"it asks to wait {delay:,.0f} s: run approve again after that" if
             delay > PORTAL_WAIT_CAP_S else "nothing is lost: run approve again later")
    return (f"{step.agency.name}'s portal is busy or down (HTTP {exc.status}, "
            f"{tries} {'try' if tries == 1 else 'tries'}); {later}")


def _pause(step: Step, seconds: float) -> None:
    """Wait, ending at once when the approval is cancelled."""
    if step.cancel is None:
        time.sleep(seconds)
    elif step.cancel.wait(seconds):
        raise UploadCancelled("The delivery was cancelled while waiting for the portal; it "
                              "resumes from here next time.")
