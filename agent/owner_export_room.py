"""The drive and folder an export goes to, weighed before anything is cut or downloaded, as
Agent methods: FAT32's largest file for each camera's clip (a clip re-encoded whole weighed
by stretches of it cut first: export/reencode_size.py), and for a recorder's camera the path
Windows takes too, before its window is downloaded.

A mixin of `agent.service.Agent` (through `OwnerExports`), which provides `home`, `store` and
`indexed_camera`.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from agent.errors import AgentError, UsageProblem
from agent.owner_paths import drive_rooted


class OwnerExportRoom:
    """Where an export goes, weighed first."""

    def check_drive_holds(self, cameras: list[str], start_us: int, end_us: int,
                          out_dir: Path, *, keep_audio: bool = False, masks: bool = True,
                          blur_faces: bool = False, progress=None,
                          cancel: threading.Event | None = None) -> None:
        """Before an export of several cameras cuts any: UsageProblem naming every camera
        whose clip the drive holding `out_dir` cannot hold (FAT32's 4 GiB). A clip the
        owner's redaction (each camera's masks unless `masks` is False, `blur_faces`)
        re-encodes whole is weighed by stretches of it cut first (export/reencode_size.py,
        said to `progress` as the stage "measuring"). A camera that cannot be planned is left
        to its own export to say why."""
        from agent.export.drive_limit import cameras_too_big

        out_dir = Path(drive_rooted(os.fspath(out_dir)))   # `E:` is the drive's root
        kind, sizes, allowances = self._weighed(cameras, start_us, end_us, out_dir, keep_audio,
                                                masks, blur_faces, progress, cancel)
        problem = cameras_too_big(Path(out_dir), kind, sizes, allowances)
        if problem is not None:
            raise UsageProblem(problem)

    def _weighed(self, cameras: list[str], start_us: int, end_us: int, out_dir: Path,
                 keep_audio: bool, masks: bool, blur_faces: bool, progress, cancel
                 ) -> tuple[str | None, dict[str, int], dict[str, float]]:
        """The file system holding `out_dir`, and each camera's clip as weighed against it
        (reencode_size.clip_weight: its bytes and its allowance past the drive's limit)."""
        from agent.export.drive_limit import file_system, largest_file
        from agent.export.masks import MaskError
        from agent.export.plan import PlanError, plan_export
        from agent.export.redact import owner_redaction
        from agent.export.reencode_size import clip_weight

        kind = file_system(out_dir)
        sizes, allowances = {}, {}
        for camera in cameras:
            try:
                plan = plan_export(self.store, self.indexed_camera(camera), start_us, end_us)
                redaction = owner_redaction(self.home, plan.camera, masks=masks,
                                            blur_faces=blur_faces, mute=())
            except (PlanError, AgentError, MaskError):
                continue
            sizes[camera], allowances[camera] = clip_weight(
                plan, redaction, keep_audio, largest_file(kind), cancel, progress)
        return kind, sizes, allowances

    def _recorder_window_fits(self, camera: str, start_us: int, end_us: int, out_dir: Path,
                              keep_audio: bool, masks: bool, blur_faces: bool,
                              by_hand: bool) -> None:
        """UsageProblem when a recorder's camera's clip, weighed by the sizes its recorder
        listed, cannot go onto the drive holding `out_dir` (FAT32), or an export `by_hand`
        (named "manual_...") would be too deep there for Windows: said before its window is
        downloaded, which can take minutes, not after, as export_evidence would."""
        from agent.export.drive_limit import size_problem
        from agent.export.evidence import FolderTooDeep, check_room
        from agent.export.masks import MaskError
        from agent.export.redact import owner_redaction

        if by_hand:
            try:
                check_room(out_dir, camera, start_us, end_us, "manual", owner_redaction(
                    self.home, camera, masks=masks, blur_faces=blur_faces), keep_audio)
            except FolderTooDeep as exc:
                raise UsageProblem(str(exc)) from None
            except MaskError:
                pass   # the export says so, in its words
        kind, sizes, allowances = self._weighed([camera], start_us, end_us, out_dir,
                                                keep_audio, masks, blur_faces, None, None)
        problem = (size_problem(out_dir, sizes[camera], kind, allowances[camera])
                   if camera in sizes else None)
        if problem is not None:
            raise UsageProblem(problem)
