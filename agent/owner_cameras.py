"""The owner's cameras as Agent methods: what each is called, and renaming one so that the new
name holds everywhere (agent/index/cameras.py holds the naming rule).

A mixin of `agent.service.Agent`, which provides `home`, `store` and `requests`.
"""
from __future__ import annotations

import logging

from agent.audit.log import AuditError, AuditLog
from agent.errors import AgentError, NotFound, Refusal
from agent.index.camera_names import CameraNameError, meant_name
from agent.index.camera_renames import Renamed
from agent.index.cameras import IndexedCamera

log = logging.getLogger(__name__)


class OwnerCameras:
    """Camera name methods of the Agent."""

    def camera_list(self) -> list[IndexedCamera]:
        """Every camera the index names: its recordings folder, the recorder's words for it
        (channels) and its former names."""
        return self.store.names.listing()

    def camera_name(self, name: str) -> str | None:
        """The current name of the camera `name` means (a former name finds what it became);
        None when no camera is or was called that."""
        return self.store.names.current(name)

    def camera_zone(self, name: str) -> str | None:
        """The time zone of the recordings folder the camera `name` means (the clock its
        owner reads its times in); None when no camera is or was called that."""
        current = self.store.names.current(name)
        root = next((c.source_root for c in self.camera_list() if c.name == current), None)
        source = self.store.source(root) if root is not None else None
        return source.tz if source is not None else None

    def rename_camera(self, old: str, new: str) -> list[Renamed]:
        """Give a camera a new name that holds: its recordings and privacy masks follow it, the
        old name keeps finding it (requests, approvals still being delivered and commands that
        use it mean the same camera), and the activity log records the rename (earlier lines
        stay as written). Renaming a recordings folder's own camera renames the folder and the
        cameras the rule named after it. Refused when another camera has or had the name: two
        cameras are never merged."""
        from agent.export.masks import MaskError, drop_former_masks, masks_file, rename_masks

        carried: list[str] = []

        def carry(changes: list[Renamed]) -> None:
            """Each renamed camera's masks saved under its new name too, before the rename
            holds: a camera never goes on under a name its masks are not kept by."""
            try:
                for change in changes:
                    if rename_masks(self.home, change.old, change.new, keep_old=True):
                        carried.append(change.new)
            except MaskError as exc:
                for name in carried:
                    masks_file(self.home, name).unlink(missing_ok=True)
                raise AgentError(f"'{change.old}' was not renamed: its privacy masks "
                                 f"could not follow ({exc})") from None

        try:
            done = self.store.names.rename(old, new, carry)
        except KeyError:
            names = [c.name for c in self.camera_list()]
            meant = meant_name(old, names)
            raise NotFound(f"no camera is named '{old}' (known: {', '.join(names) or 'none'})"
                           + (f"; did you mean '{meant}'?" if meant else "")) from None
        except CameraNameError as exc:
            raise Refusal(str(exc)) from None
        unlogged: AuditError | None = None
        for change in done:
            try:   # the masks are kept by the new name now: the old name's copy goes
                drop_former_masks(self.home, change.old, change.new)
            except OSError as exc:   # unused from now on: nothing looks by a former name
                log.warning("the privacy masks kept by the former name '%s' stay: %s",
                            change.old, exc)
            try:
                AuditLog(self.home).append("camera-rename", old=change.old, new=change.new)
            except AuditError as exc:
                unlogged = unlogged or exc   # the masks of the other cameras must follow too
        if unlogged is not None:
            raise AgentError(f"'{old}' is now '{new}', but the activity log could not record "
                             f"the change: {unlogged}") from None
        return done

    def _adopt_legacy_names(self, source_id: int) -> None:
        """After a whole scan of a folder indexed before camera names were kept: the privacy
        masks drawn under an old camera name go on applying to the camera it now is (copied to
        each, when several folders shared the old name), so no export comes out unmasked."""
        adopted = self.store.names.adopt_legacy(source_id)
        if not adopted:   # the usual case: no index from before (and no export stack loaded)
            return
        from agent.export.masks import MaskError, load_masks, rename_masks

        for old, new, shared in adopted:
            if old == new:
                continue
            try:
                if rename_masks(self.home, old, new, keep_old=shared, only_if_none=True):
                    # recorded as the owner's own masks changes are, so the loss of the file
                    # they are now kept in is said rather than read as none (masks_logged)
                    AuditLog(self.home).append("masks", camera=new,
                                               areas=len(load_masks(self.home, new).polygons))
            except MaskError as exc:
                log.warning("the privacy masks of '%s' could not follow it to '%s': %s",
                            old, new, exc)
            except AuditError as exc:
                log.warning("the activity log could not record the privacy masks of '%s': %s",
                            new, exc)
