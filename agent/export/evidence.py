"""One evidence export: plan the window, cut it, and seal the clip in a signed package.

The clip is cut into the package's own staging folder, so a cancelled or failed export leaves
no folder that looks finished (PackageBuilder removes its partial folder).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from agent import __version__
from agent.callbacks import call_safely
from agent.export.background import Background
from agent.export.credentials import CredentialsError, make_credentials
from agent.export.drive_limit import (disk_full, file_system, largest_file, limit_hit,
                                      size_problem, too_big_words)
from agent.export.cut import CutError, CutResult, cut
from agent.export.naming import clip_name, free_name, package_name
from agent.export.path_room import clip_path_length, longest_inside, room_problem
from agent.export.package import PackageBuilder, PackageError, SealedPackage
from agent.export.package_inputs import outputs_record
from agent.export.mask_pictures import misplaced
from agent.export.plan import ExportPlan, plan_export
from agent.export.provenance import (RequestContext, credentials_record, hashed_sources,
                                     provenance_facts, source_digests)
from agent.export.readme import readme_text, video_entry
from agent.export.reencode_size import clip_weight
from agent.export.redact import Redaction
from agent.identity.certificates import SigningChain, self_issued_chain
from agent.identity.keys import OwnerKey
from agent.index.changed import changed_since_scan, changed_words, since_scan_words
from agent.index.store import Store
from frp.clip_claims import manifest_definition

Progress = Callable[[str, float], None]
# One bar for the whole export: cutting and checking, then hashing sources, then sealing.
_CUT_SHARE, _HASH_SHARE = 0.85, 0.95


class FolderTooDeep(PackageError):
    """The chosen folder's path is too long for the package's files (Windows' 259 characters);
    `length`: how long the clip's path would have been."""

    def __init__(self, message: str, length: int = 0) -> None:
        super().__init__(message)
        self.length = length


class DriveTooSmall(PackageError):
    """The chosen folder's drive holds no file as big as the clip (FAT32's 4 GiB)."""


@dataclass(frozen=True)
class ExportResult:
    package: SealedPackage
    clip: Path
    clip_sha256: str
    cut: CutResult
    plan: ExportPlan
    credentials: SigningChain | None = None   # the chain the clip's credentials are signed with
    owner_id: str = ""   # the key that sealed it, as its README names it for the receiver


def export_evidence(store: Store, key: OwnerKey, camera: str, start_us: int, end_us: int,
                    out_dir: Path, *, mode: str = "copy", keep_audio: bool = False,
                    request: RequestContext | None = None, progress: Progress | None = None,
                    cancel: threading.Event | None = None,
                    redaction: Redaction | None = None,
                    accept_dropped: bool = False,
                    chain: SigningChain | None = None,
                    provenance_extra: dict | None = None) -> ExportResult:
    """Cut [start, end) of one camera and seal it as a package folder under `out_dir`.

    `redaction` (masks, faces, muted sound; see redact.owner_redaction) is applied to the clip
    and recorded in provenance.json. Frames that cannot be decoded stop the export
    (cut.DroppedFrames) unless `accept_dropped`; their count goes into provenance.json. A full
    disk is reported as such, whichever step ran out of space. `provenance_extra` adds
    sections to provenance.json (a recorder's: where the recordings were downloaded from).

    The clip carries Content Credentials made from the same facts as provenance.json, signed
    with `chain` (the agency's certificate for the owner key, or by default a self-issued one).
    """
    kind = None   # the file system the package goes onto, once asked
    try:
        plan = plan_export(store, camera, start_us, end_us)
        prefix = request.case if request else "manual"
        masks = bool(redaction and redaction.masks and redaction.masks.polygons)
        elsewhere = masks and misplaced(plan.coverage, redaction.masks)
        if elsewhere:
            raise elsewhere
        named = _namer(out_dir, prefix, camera, start_us, end_us, redaction)
        # Until the cut says whether there was sound to keep; the clip's credentials and the
        # seal carry the final name.
        name = named(mode, False)
        chosen = {"name": name}
        clip = clip_name(camera, start_us, end_us)
        check_room(out_dir, camera, start_us, end_us, prefix, redaction, keep_audio)
        kind = file_system(out_dir)
        # A clip re-encoded whole is weighed by stretches of it cut first (reencode_size.py).
        size, allowance = clip_weight(plan, redaction, keep_audio, largest_file(kind), cancel,
                                      _scaled(progress, 0.0, _CUT_SHARE))
        problem = size_problem(out_dir, size, kind, allowance)
        if problem is not None:
            raise DriveTooSmall(problem)
        out_dir.mkdir(parents=True, exist_ok=True)
        bag_info = ({"External-Identifier": f"{request.agency} {request.request_id}"}
                    if request else {})
        chain = chain or self_issued_chain(key)
        with PackageBuilder(out_dir, name, bag_info) as builder:
            staged = builder.staging / clip
            # The recordings are hashed while the cut reads them (a thread beside it).
            digests = Background(source_digests, plan.spans, cancel)
            facts: dict = {}

            def seal(path: Path, cut_result: CutResult) -> bytes:
                """provenance.json's facts, and the clip's credentials made from them."""
                sources = hashed_sources(plan, cut_result.sources_used, digests.result())
                # Replaced while it was cut or hashed: the clip and its hash may be of two files.
                changed = changed_since_scan(plan.coverage.files, plan.by_id())
                if changed:
                    raise CutError(changed_words(changed))
                facts.update(provenance_facts(plan, cut_result, sources, request, redaction,
                                    (provenance_extra or {}).get("recorder"),
                                    (provenance_extra or {}).get("hold")))
                chosen["name"] = named(cut_result.mode, cut_result.audio)
                try:
                    return make_credentials(path, manifest_definition(
                        facts, clip, __version__, package=chosen["name"]), key, chain)
                except CredentialsError as exc:
                    raise CutError(str(exc)) from None

            result = cut(plan.spans, start_us, end_us, staged, mode=mode, keep_audio=keep_audio,
                         progress=_scaled(progress, 0.0, _CUT_SHARE), cancel=cancel,
                         redaction=redaction, accept_dropped=accept_dropped, seal=seal)
            call_safely(progress, "hashing sources", _CUT_SHARE)
            hashed = (result.sha256, result.size) if result.sha256 else None
            entry = video_entry(staged)   # what plays it, for the README
            added = builder.add_file(f"data/{clip}", staged, hashed)
            if request is not None:
                builder.add_bytes("data/request.jws", request.token)
            call_safely(progress, "sealing", _HASH_SHARE)
            builder.name_as(chosen["name"])
            sealed = builder.seal(key, lambda files: {
                **facts, **(provenance_extra or {}),
                "content_credentials": credentials_record(added.name, chain),
                "outputs": outputs_record(files)}, cancel=cancel,
                readme=lambda record, day: readme_text(record, chosen["name"],
                                                       key.public.owner_id(), entry, day))
        call_safely(progress, "done", 1.0)
        return ExportResult(sealed, sealed.path / added.name, added.sha256, result, plan, chain,
                            key.public.owner_id())
    except (FolderTooDeep, DriveTooSmall):
        # Refused before the folder was made (a request's, in the app's own folder, is made
        # only now): not a folder that went away meanwhile.
        raise
    except (CutError, PackageError) as exc:
        # The check that failed saw a recording changed or gone since the scan (deleted by its
        # recorder to make room), not a broken cut: the recordings as they are now say so.
        why = since_scan_words(plan.coverage.files, plan.by_id()) \
            if isinstance(exc, CutError) else None
        if why:
            raise CutError(why) from None
        if limit_hit(str(exc), out_dir, kind):
            raise DriveTooSmall(too_big_words(out_dir, kind)) from None
        if disk_full(str(exc)):
            raise PackageError(f"the disk holding {out_dir} is full: free some space there, or "
                               "choose another folder for the package") from None
        if not out_dir.is_dir():   # whichever step noticed first: one cause, said once
            raise PackageError(went_away(out_dir)) from None
        raise


def _namer(out_dir: Path, prefix: str, camera: str, start_us: int, end_us: int,
           redaction: Redaction | None) -> Callable[[str, bool], str]:
    """named(cut_mode, audio): the package folder's name for what the clip holds, free in
    `out_dir`: a window without sound has no `_sound`, nor `_muted`, however the owner asked;
    masks make it exact."""
    masks = bool(redaction and redaction.masks and redaction.masks.polygons)
    faces, muted = bool(redaction and redaction.faces), bool(redaction and redaction.mute)

    def named(cut_mode: str, audio: bool) -> str:
        return free_name(out_dir, package_name(prefix, camera, start_us, end_us, cut_mode,
                                               audio=audio, masks=masks, faces=faces,
                                               muted=muted and audio))
    return named


def check_room(out_dir: Path, camera: str, start_us: int, end_us: int, prefix: str,
               redaction: Redaction | None, keep_audio: bool) -> None:
    """FolderTooDeep when the longest path this export's package may end with (its clip's,
    with sound and exact, as masks force) is past what Windows takes under `out_dir`
    (path_room). Asked before anything is cut, and of a recorder's camera before its window
    is downloaded. Weighed as the path Windows opens: `--out clips` in a deep working folder
    is that folder's path and more, not five characters."""
    longest = _namer(out_dir, prefix, camera, start_us, end_us, redaction)("exact", keep_audio)
    inside = longest_inside(longest, clip_name(camera, start_us, end_us))
    whole = os.path.abspath(out_dir)
    problem = room_problem(whole, inside)
    if problem is not None:
        raise FolderTooDeep(problem, clip_path_length(whole, inside))


def went_away(out_dir: Path) -> str:
    """The folder a package was being written into is gone: a USB stick pulled out, a share
    lost. The build folder went with it, so nothing of the package is left there."""
    return (f"the folder {out_dir} went away while the package was written (was the USB stick "
            "or drive taken out?): connect it again, then export again; no package was made")


def _scaled(progress: Progress | None, low: float, high: float) -> Progress | None:
    """Map a step's own 0..1 progress onto its share of the export's bar."""
    if progress is None:
        return None
    return lambda stage, fraction: call_safely(progress, stage, low + (high - low) * fraction)
