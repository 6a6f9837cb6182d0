"""The packages of an approval: each approved camera's footage cut, sealed and tarred, or an
earlier run's kept while it is still what was recorded and sealed."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from agent.delivery.sums import ChunkSums
from agent.export.bagtar import tar_package
from agent.export.drive_limit import disk_full
from agent.export.evidence import FolderTooDeep, export_evidence
from agent.export.provenance import RequestContext
from agent.export.mask_pictures import MasksElsewhere, drawn_on, for_the_page
from agent.export.masks import masks_left_off
from agent.export.path_room import home_too_deep
from agent.export.package import PackageError
from agent.export.redact import Redaction
from agent.index.mirror import connector
from agent.recorders.credentials import CredentialStore
from agent.export.progress import NoFrames
from agent.requests.agencies import TrustStore
from agent.requests.approval_change import changeable, left_out_words, masks_way_on
from agent.requests.approval_choices import redactions
from agent.requests.approval_step import Step
from agent.requests.clip_signing import signing_chain
from agent.requests.delivered_tars import let_go_of_tar
from agent.requests.held_window import cut_window, usable_hold
from agent.requests.holds import HoldError
from agent.requests.kept_masks import masked_otherwise
from agent.requests.kept_packages import (check_seal, masks_changed, recorded_tar,
                                          sealed_by_another_key, set_aside)
from agent.requests.package_delivery import receipt_once_withdrawn, within_limit
from agent.requests.records import Approval, Delivery
from agent.requests.tus_uploads import withdraw
from agent.storage import remove_stale_partials
from agent.timebase import format_utc


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
    # Run under the request's delivery lock, so no other run builds in its folders: what one
    # killed part way was building there (a clip cut so far, a tar half packed) is left over,
    # however recent, and would otherwise stay beside the finished package for good.
    for folder in (out_dir, outbox):
        remove_stale_partials(folder, older_than_s=0)
    sums: dict[str, ChunkSums] = {}
    for n, camera in enumerate(approval.cameras):
        _stop_over_limit(step, approval)
        record = done.get(camera)
        if record is not None and record.receipt:
            let_go_of_tar(step.home, record)   # delivered: its folder is the package
            continue
        if record is not None and sealed_by_another_key(step, record):
            if receipt_once_withdrawn(step, record):
                continue   # the portal held it, its answer lost: delivered
            set_aside(step, replace(record, upload_url=None))
            record = None
        masked = record is not None and masked_otherwise(record, redacted[camera])
        if masked:
            if receipt_once_withdrawn(step, record):
                continue   # delivered with the masks it was cut with: the agency has it
            masks_changed(step, replace(record, upload_url=None), masked)
            record = None
        if record is not None and record.tar and Path(record.tar).is_file():
            kept = recorded_tar(step, record)
            if kept is not None:
                sums[camera] = kept
                continue
        if record is None or not Path(record.package).is_dir():
            if record is not None:
                # Its package is gone (deleted by hand): what its finished upload holds can no
                # longer be compared with the camera's masks now, so it is asked for without
                # being delivered by the asking.
                if receipt_once_withdrawn(step, record):
                    continue   # the portal held it, its answer lost: delivered
                # The one made now is other bytes, and an upload begun of the old one would
                # hold the request's room at the portal.
                withdraw(step, replace(record, upload_url=None))
            record = _export_one(step, approval, camera, context, out_dir, n, redacted[camera])
        else:
            if check_seal(step, record):
                continue   # the portal held it as it was sealed, its answer lost: delivered
            if not record.upload_url:
                # An unfinished upload goes afresh: bytes of the tar it replaces may be on a
                # server that checks no digests (a copy that changed).
                withdraw(step, record)
        outbox.mkdir(parents=True, exist_ok=True, mode=0o700)
        tar_path = outbox / f"{Path(record.package).name}.tar"
        # The tar is reproducible: one left by an interrupted run is remade byte for byte.
        tar_path.unlink(missing_ok=True)
        try:
            packed = tar_package(Path(record.package), tar_path)
        except PackageError as exc:
            raise _in_the_home(exc, outbox) from None
        finished = _finished_upload(step, record, packed.sha256, packed.size)
        record = Delivery(camera, record.package, str(packed.path), packed.sha256, packed.size,
                          finished)
        step.inbox.save_delivery(entry.iss, entry.jti, record)
        sums[camera] = packed.sums
    _stop_over_limit(step, approval)   # the last one too, before the decision is signed
    return sums


def _finished_upload(step: Step, record: Delivery, sha256: str, size: int) -> str | None:
    """The URL of the record's finished upload when the tar made again is its very bytes
    (the portal may have stored it, its receipt lost: a new upload of it would count twice
    against the request's room, and be refused 413); else None, that upload withdrawn. The
    receipt asked for it still names the bytes the portal holds (package_delivery)."""
    if not record.upload_url:
        return None
    if (sha256, size) == (record.sha256, record.size):
        return record.upload_url
    withdraw(step, record)
    return None


def _in_the_home(exc: PackageError, folder: Path) -> PackageError:
    """A package or tar the home's disk had no room for, said without the advice to choose
    another folder (an export by hand's): the home's folders are not the owner's to pick."""
    if disk_full(str(exc)):
        return PackageError(f"the disk holding {folder} is full: free some space there")
    return exc


def _stop_over_limit(step: Step, approval: Approval) -> None:
    """OverLimit, before another camera is cut, once the packages made already pass the
    request's `max_bytes` (a resumed run's too): the rest could only add to them. Weighed
    after the last one too, so that a run over the limit stops before its decision is signed
    and the owner may still approve less (approval_change.py)."""
    deliveries = step.entry().deliveries
    made = {d.camera for d in deliveries}
    within_limit(step, deliveries, [d for d in deliveries if not d.receipt],
                 uncut=sum(1 for c in approval.cameras if c not in made),
                 undecided=changeable(step.entry()))


def export_stage(camera: str, n: int, count: int) -> str:
    """The stage a delivery reports while it prepares the `n`th (from 1) of `count` cameras'
    packages; gui/views/outcomes.py reads it."""
    return f"exporting {camera} ({n} of {count})"


def _export_one(step: Step, approval: Approval, camera: str, context: RequestContext,
                out_dir: Path, n: int, redaction: Redaction | None) -> Delivery:
    count = len(approval.cameras)
    stage = export_stage(camera, n + 1, count)
    chain = signing_chain(TrustStore(step.home), step.key, step.agency.id,
                          step.request.registration_id)
    connect = step.connect or connector(CredentialStore(step.home))
    # A recorder's camera: its window is downloaded first, and exported from there; a camera
    # whose recordings are gone or changed since the request's hold copied them: the copies.
    try:
        with cut_window(step.home, step.store, camera, approval.start_us, approval.end_us,
                        connect, usable_hold(step.home, step.entry().folder,
                                    (step.entry().jti, step.entry().iss)),
                        cancel=step.cancel) as (index, extra):
            done = export_evidence(
                index, step.key, camera, approval.start_us, approval.end_us, out_dir,
                mode=approval.mode, keep_audio=approval.keep_audio, request=context,
                progress=lambda s, f: step.report(stage, (n + max(0.0, min(1.0, f))) / count),
                cancel=step.cancel, redaction=redaction, accept_dropped=step.accept_dropped,
                chain=chain, provenance_extra=extra)
    except FolderTooDeep as exc:   # the app's own folder: the owner chooses no other
        raise PackageError(home_too_deep(str(step.home), exc.length)) from None
    except MasksElsewhere as exc:   # a recorder's download, a safe copy, masks saved since
        # the advice for what the masks page shows: the main index's recordings, not the cut's
        found = for_the_page(exc, drawn_on(step.store.files(camera)))
        raise MasksElsewhere(exc.why, masks_way_on(found.advice, changeable(step.entry())),
                             exc.picture) from None
    except NoFrames as exc:   # found only by the cut: no resume gets past it
        if not changeable(step.entry()):
            raise
        raise NoFrames(left_out_words(camera, str(exc))) from None
    except PackageError as exc:
        raise _in_the_home(exc, out_dir) from None
    except HoldError as exc:   # its recordings gone, and its safe copy changed too
        raise PackageError(str(exc)) from None
    cut = done.cut
    step.log("export", camera=camera, package=str(done.package.path), clip_sha256=done.clip_sha256,
             mode=cut.mode, audio=cut.audio, credentials=chain.kind,
             redactions=_kinds(redaction), dropped_frames=cut.dropped_frames,
             **_left_off(step, approval, camera),
             dropped_audio_packets=cut.dropped_audio_packets,
             delivered={"start": format_utc(cut.delivered_start_us),
                        "end": format_utc(cut.delivered_end_us)},
             # cut from the request's safe copy (when it was made), its recordings gone; null
             # says it was not, which a record without the field (a version before it was
             # logged) leaves to the package to say (hold_losses.py)
             safe_copy=extra["hold"]["made"] if extra and "hold" in extra else None)
    record = Delivery(camera, str(done.package.path), "", "", 0)
    step.inbox.save_delivery(step.agency.id, step.request.id, record)
    return record


def _left_off(step: Step, approval: Approval, camera: str) -> dict:
    """The camera's privacy masks the approval left off by the owner's choice, for the log."""
    left = 0 if approval.masks else masks_left_off(
        step.home, step.store.names.current(camera) or camera)
    return {"masks_left_off": left} if left else {}


def _kinds(redaction: Redaction | None) -> list[str]:
    if redaction is None:
        return []
    return ((["privacy-mask"] if redaction.masks and redaction.masks.polygons else [])
            + (["face-blur"] if redaction.faces is not None else []))
