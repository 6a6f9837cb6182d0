"""The steps behind an approval: cut and seal each camera's package, tar it, send the signed
decision, upload over tus, and check the portal's receipt.

Each step records its result in the inbox as soon as it is done, so running approve again after
a failure skips finished packages and uploads (an unfinished upload resumes where it stopped).
"""
from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import httpx

from agent.audit.log import AuditLog
from agent.callbacks import call_safely
from agent.delivery.sums import ChunkSums
from agent.delivery.wire import DEFAULT_TIMEOUT
from agent.export.bagtar import tar_package
from agent.export.evidence import RequestContext, export_evidence
from agent.export.masks import MaskError
from agent.export.redact import Redaction, owner_redaction
from agent.identity.keys import OwnerKey
from agent.index.mirror import Connect, connector
from agent.index.remote_window import local_window
from agent.index.store import Store
from agent.recorders.credentials import CredentialStore
from agent.requests.agencies import TrustStore
from agent.requests.clip_signing import signing_chain
from agent.requests.inbox import Inbox
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.records import Approval, Delivery, Entry
from agent.timebase import format_utc
from frp.agency import Agency
from frp.decision import Approved, ReceiptError, make_decision, verify_receipt
from frp.request import Request

Progress = Callable[[str, float], None]


MODES = ("copy", "exact")


class DeliveryError(Exception):
    """A delivery step failed; the message says what happened and what to do."""


class ApprovalRefused(DeliveryError):
    """An approval wider than the request, or otherwise against the owner's rules."""


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

    Returns the upload digests of the tars written now, by camera (the others' are taken again
    when they are uploaded)."""
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
        if record is not None and record.tar and Path(record.tar).is_file():
            continue
        if record is None or not Path(record.package).is_dir():
            record = _export_one(step, approval, camera, context, out_dir, n, redacted[camera])
        outbox.mkdir(parents=True, exist_ok=True, mode=0o700)
        tar_path = outbox / f"{Path(record.package).name}.tar"
        # The tar is reproducible: one left by an interrupted run is remade byte for byte.
        tar_path.unlink(missing_ok=True)
        packed = tar_package(Path(record.package), tar_path)
        record = Delivery(camera, record.package, str(packed.path), packed.sha256, packed.size)
        step.inbox.save_delivery(entry.iss, entry.jti, record)
        sums[camera] = packed.sums
    return sums


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
        step.portal.post_decision(step.agency, step.bearer, entry.jti, entry.decision)
    except PortalError as exc:
        if exc.status != 409:
            raise
        # 409: the portal holds a decision already; ours from an interrupted run, or the
        # submission step will be refused and say so.
    step.inbox.decision_sent(entry.iss, entry.jti)


def deliver_packages(step: Step, rate_limit_bps: int | None = None,
                     sums: dict[str, ChunkSums] | None = None) -> None:
    """Upload each package not yet receipted, submit it, and keep the checked receipt.

    sums: digests taken when the tars were written, by camera (export_packages)."""
    from agent.delivery.upload import UploadError, upload_file

    entry = step.entry()
    pending = [d for d in entry.deliveries if not d.receipt]
    limit = step.request.upload_max_bytes
    for d in pending:
        if limit is not None and d.size > limit:
            raise DeliveryError(f"the package for {d.camera} is {d.size:,} bytes; "
                                f"{step.agency.name} accepts at most {limit:,} bytes per upload. "
                                "Approve a shorter window.")
    client = None if step.verify is True else httpx.Client(
        verify=step.verify, follow_redirects=False, timeout=DEFAULT_TIMEOUT, trust_env=False)
    try:
        for n, d in enumerate(pending):
            if not d.upload_url:
                stage = f"uploading {d.camera}"
                try:
                    result = upload_file(
                        Path(d.tar), step.request.upload_endpoint,
                        state_dir=step.home / "uploads", client=client,
                        metadata={"filename": Path(d.tar).name, "request": entry.jti,
                                  "sha256": d.sha256},
                        sums=(sums or {}).get(d.camera),
                        headers={"Authorization": f"Bearer {step.bearer}"},
                        rate_limit_bps=rate_limit_bps, cancel=step.cancel,
                        progress=lambda p: step.report(
                            stage, (n + (p.sent / p.total if p.total else 1.0)) / len(pending)))
                except UploadError as exc:
                    raise DeliveryError(str(exc)) from None
                if result.sha256 != d.sha256 or result.size != d.size:
                    raise DeliveryError(f"the package for {d.camera} changed on disk while it "
                                        "was being sent; run approve again")
                d = Delivery(d.camera, d.package, d.tar, d.sha256, d.size, result.url)
                step.inbox.save_delivery(entry.iss, entry.jti, d)
                step.log("upload", camera=d.camera, url=result.url, sha256=d.sha256, size=d.size,
                         resumed_from=result.resumed_from)
            _receipt(step, d)
    finally:
        if client is not None:
            client.close()


def _receipt(step: Step, d: Delivery) -> None:
    token = step.portal.post_submission(step.agency, step.bearer, step.request.id, d.upload_url,
                                        d.sha256, d.size, Path(d.package).name)
    try:
        claims = verify_receipt(token, step.agency, d.sha256, step.request.id)
    except ReceiptError as exc:
        raise DeliveryError(str(exc)) from None
    if claims["size"] != d.size:
        raise DeliveryError(f"the portal says it received {claims['size']:,} bytes of the "
                            f"{d.size:,}-byte package for {d.camera}; run approve again")
    step.inbox.save_delivery(step.agency.id, step.request.id,
                             Delivery(d.camera, d.package, d.tar, d.sha256, d.size,
                                      d.upload_url, token.strip()))
    step.log("receipt", camera=d.camera, sha256=claims["sha256"], size=claims["size"],
             received_at=claims.get("received_at"))
