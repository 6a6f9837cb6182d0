"""Evidence the owner makes, as Agent methods: exports (sealed, signed packages of one
camera's window) and the redaction they choose (privacy masks drawn per camera, faces blurred,
sound muted), with a redacted preview frame that shows it. The key they are signed with is in
owner_keys.py.

A mixin of `agent.service.Agent`, which provides `home`, `store` and `start_job`. The export
stack is imported on first use: `scan` or `verify` never load it.
"""
from __future__ import annotations

import os
import shutil
import threading
from dataclasses import replace
from pathlib import Path

from agent.errors import AgentError, NotFound, Refusal, UsageProblem
from agent.audit.log import AuditLog
from agent.jobs import Job
from agent.os_words import plain_home_error
from agent.owner_export_room import OwnerExportRoom
from agent.owner_paths import drive_rooted

# Room an export by hand needs on the home's disk, wherever its package goes: the index is
# opened there (SQLite makes a 32 KiB shared-memory file beside it) and every export is
# recorded in the activity log there. A full home disk is said before anything is cut, not
# as "the index is full" nor after a long cut whose package the log could not record.
EXPORT_ROOM_BYTES = 256 * 1024


class OwnerExports(OwnerExportRoom):
    """Export and redaction methods of the Agent."""

    def start_export(self, camera: str, start_us: int, end_us: int, out_dir: Path, **options) -> Job:
        """`export` as a job (for the GUI): the result is the ExportResult."""
        return self.start_job("export", lambda progress, cancel: self.export(
            camera, start_us, end_us, out_dir, progress=progress, cancel=cancel, **options))

    def export(self, camera: str, start_us: int, end_us: int, out_dir: Path, *, mode: str = "copy",
               keep_audio: bool = False, request_token: bytes | None = None,
               progress=None, cancel: threading.Event | None = None, blur_faces: bool = False,
               masks: bool = True, mute: tuple[tuple[int, int], ...] = (),
               accept_dropped: bool = False):
        """Cut, seal and sign one camera's window into a package folder under `out_dir` (made
        only when it is new inside an existing folder, and never where a drive should be
        mounted but is not: agent/export/destination.py). The package's name says the window,
        the mode and the redaction; an export made twice gets a numbered name, never an
        overwrite.

        The camera's privacy masks apply unless `masks` is False; `blur_faces` blurs the faces found;
        `mute` silences ranges of kept sound. Redaction re-encodes what it touches. A former
        name of a renamed camera finds it (its masks too).
        Frames of the recordings that cannot be decoded stop the export (a Refusal naming how
        many) unless `accept_dropped`; an accepted loss is counted in the package and the log.
        A recorder's camera is downloaded first (only the window, hashed as received) and its
        package's provenance names the recorder, the queries and what they returned.
        """
        from agent.export.destination import NotThere, made_for_this, package_folder
        from agent.index.remote_window import is_remote

        out_dir = Path(drive_rooted(os.fspath(out_dir)))   # `E:` is the drive's root
        self.check_room_to_export(out_dir)
        camera = self.indexed_camera(camera)
        self.look_again_at_growing(camera, cancel)
        self._check_not_home(Path(out_dir))
        try:   # never a folder on a drive that is not there (destination.py)
            out_dir, made = package_folder(Path(out_dir))
        except NotThere as exc:
            raise AgentError(str(exc)) from None
        with made_for_this(out_dir, made):   # refused or stopped: no empty folder of ours left
            if is_remote(self.store, camera):   # weighed by the sizes listed, before its download
                self._recorder_window_fits(camera, start_us, end_us, out_dir, keep_audio, masks,
                                           blur_faces, request_token is None)
            return self._export_into(camera, start_us, end_us, out_dir, mode=mode,
                                     keep_audio=keep_audio, request_token=request_token,
                                     progress=progress, cancel=cancel, blur_faces=blur_faces,
                                     masks=masks, mute=mute, accept_dropped=accept_dropped)

    def _export_into(self, camera: str, start_us: int, end_us: int, out_dir: Path, *,
                     mode: str, keep_audio: bool, request_token: bytes | None, progress,
                     cancel: threading.Event | None, blur_faces: bool, masks: bool,
                     mute: tuple[tuple[int, int], ...], accept_dropped: bool):
        """export, once its folder is there."""
        from agent.export.cut import CutError, DroppedFrames, MixedCodecs, NoFrames, UncutCodec
        from agent.export.evidence import DriveTooSmall, FolderTooDeep, export_evidence
        from agent.export.mask_pictures import MasksElsewhere, drawn_on, for_the_page
        from agent.export.masks import MaskError, masks_left_off
        from agent.export.package import PackageError
        from agent.export.plan import PlanError
        from agent.export.redact import owner_redaction
        from agent.identity.certificates import self_issued_chain
        from agent.index.remote_window import local_window
        from agent.requests.clip_signing import signing_chain
        from agent.requests.context import NotARequest, request_context

        request = None
        if request_token is not None:
            try:
                request = request_context(self.home, request_token)
            except NotARequest as exc:
                raise Refusal(str(exc)) from None
            if start_us < request.window_start_us or end_us > request.window_end_us:
                raise Refusal("the export window is wider than the request's window; "
                               "an export for a request may only be narrower")
        try:
            redaction = owner_redaction(self.home, camera, masks=masks, blur_faces=blur_faces,
                                        mute=mute)
        except MaskError as exc:
            raise AgentError(str(exc)) from None
        key = self.owner_key()
        # By hand: signed by the owner's own key, and the request desk (its inbox) is not
        # opened, so an inbox that cannot be used never keeps a clip from being exported.
        chain = (signing_chain(self.requests.trust, key, request.agency) if request
                 else self_issued_chain(key))
        try:
            # A recorder's camera: the window is downloaded first, and exported from there.
            with local_window(self.home, self.store, camera, start_us, end_us,
                              self.recorder_connector(), progress, cancel) as (index, extra):
                done = export_evidence(index, key, camera, start_us, end_us,
                                       out_dir, mode=mode, keep_audio=keep_audio, request=request,
                                       progress=progress, cancel=cancel, redaction=redaction,
                                       accept_dropped=accept_dropped, chain=chain,
                                       provenance_extra=extra)
        except (PlanError, NoFrames) as exc:   # nothing to cut: as nothing matched
            raise NotFound(str(exc)) from None
        except MasksElsewhere as exc:   # its advice for what the masks page shows
            raise Refusal(str(for_the_page(exc, drawn_on(self.store.files(camera))))) from None
        except (DroppedFrames, MixedCodecs, UncutCodec) as exc:
            raise Refusal(str(exc)) from None
        except (FolderTooDeep, DriveTooSmall) as exc:
            raise UsageProblem(str(exc)) from None
        except (CutError, PackageError) as exc:
            raise AgentError(str(exc)) from None
        self._log_export(done, camera, start_us, end_us, request, redaction,
                         0 if masks else masks_left_off(self.home, camera))
        return done

    def check_room_to_export(self, out_dir: Path) -> None:
        """AgentError when the home's disk has less than EXPORT_ROOM_BYTES free: an export
        into `out_dir` would fail there whatever disk `out_dir` is on. `export` checks it
        first; a caller that opens the index before (the command line reads the camera's zone
        from it) checks it before that."""
        try:
            free = shutil.disk_usage(self.home).free
        except OSError:
            return   # cannot tell: the index or the log says what is wrong, if anything
        if free < EXPORT_ROOM_BYTES:
            raise AgentError(f"the disk holding footage-agent's own folder {self.home} is "
                             "full: free some space there first; an export goes to "
                             f"{out_dir}, but it reads the index and is recorded in the "
                             "activity log, both in that folder")

    def _check_not_home(self, out_dir: Path) -> None:
        """A package never goes into this app's own folder: it holds the owner's signing key,
        and a folder an owner copies for someone must never hold it."""
        home = self.home.resolve()
        try:
            target = out_dir.expanduser().resolve()
        except (OSError, RuntimeError):   # a loop of links: package_folder says what is wrong
            return
        if target == home or home in target.parents:
            raise UsageProblem(
                f"{out_dir} is inside footage-agent's own folder {self.home}, which holds your "
                "signing key: a folder you copy or hand over must never hold it. Choose another "
                f"folder, such as {Path.home() / 'Footage exports'}")

    def _log_export(self, done, camera: str, start_us: int, end_us: int, request,
                    redaction, left_off: int) -> None:
        """Every export goes in the log, by hand as for a request (the user guide says so),
        with the privacy masks the owner chose to leave off (`left_off`), when there were any."""
        from agent.audit.log import AuditError
        from agent.export.redaction_records import redaction_records
        from agent.timebase import format_utc

        cut = done.cut
        kinds = [r["kind"] for r in redaction_records(redaction, cut.redaction,
                                                      (start_us, end_us), audio_kept=cut.audio)]
        try:
            AuditLog(self.home).append(
                "export", via="manual", camera=camera, package=str(done.package.path),
                clip_sha256=done.clip_sha256, mode=cut.mode, audio=cut.audio,
                window={"start": format_utc(start_us), "end": format_utc(end_us)},
                delivered={"start": format_utc(cut.delivered_start_us),
                           "end": format_utc(cut.delivered_end_us)},
                redactions=kinds, dropped_frames=cut.dropped_frames,
                dropped_audio_packets=cut.dropped_audio_packets,
                credentials=done.credentials.kind if done.credentials else None,
                owner=done.owner_id or None,   # the key its README names: Activity shows it
                request=request.request_id if request else None,
                agency=request.agency if request else None,
                **({"masks_left_off": left_off} if left_off else {}))
        except AuditError as exc:
            raise AgentError(f"the package {done.package.path} was made, but the activity log "
                             f"could not record it: {exc}") from None

    # redaction -----------------------------------------------------------------------------
    def masks(self, camera: str):
        """A camera's saved privacy masks (CameraMasks; no polygons when none are drawn); a
        former name of a renamed camera finds them."""
        from agent.export.masks import MaskError, load_masks

        try:
            return load_masks(self.home, self.store.names.current(camera) or camera)
        except MaskError as exc:
            raise AgentError(str(exc)) from None

    def set_masks(self, masks) -> None:
        """Keep a camera's privacy masks (CameraMasks); no polygons removes them."""
        from agent.export.mask_bitmap import smaller_than_a_pixel
        from agent.export.mask_pictures import drawn_on
        from agent.export.masks import MaskError, load_masks, parse_masks, save_masks

        camera = self.store.names.current(masks.camera) or masks.camera
        try:  # the same checks as a mask file the owner gives
            checked = parse_masks(camera, {**masks.to_json(), "camera": camera})
        except MaskError as exc:
            raise AgentError(f"these masks cannot be kept: {exc}") from None
        if checked.picture is None and checked.polygons:   # the picture they were drawn on
            checked = replace(checked, picture=drawn_on(self.store.files(camera)))
        try:
            kept = load_masks(self.home, camera).polygons
        except MaskError:
            kept = ()
        speck = smaller_than_a_pixel(checked, kept)
        if speck:
            raise AgentError(f"these masks cannot be kept: {speck}")
        try:
            save_masks(self.home, checked)
        except OSError as exc:   # a full disk, say: the masks kept are as they were
            raise AgentError(f"the masks of {camera} cannot be saved: "
                             + plain_home_error(exc, str(self.home / "masks"))) from None
        self._log_change("masks", camera=checked.camera, areas=len(checked.polygons))

    def redact_preview(self, rgb, camera: str, masks: bool = True, faces: bool = False):
        """A preview frame (RGB array) as the export would redact it: the camera's saved masks
        when `masks`, faces blurred when `faces`; a former name of a renamed camera finds its
        masks (as an export does). Decodes nothing; call it off the GUI thread."""
        from agent.export.faces import FaceModelError
        from agent.export.redact import redact_frame

        camera = self.store.names.current(camera) or camera
        saved = self.masks(camera) if masks else None
        try:
            return redact_frame(rgb, camera, saved, faces)
        except FaceModelError as exc:
            raise AgentError(str(exc)) from None
