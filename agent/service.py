"""The one object the GUI and the CLI hold.

`Agent` owns the home folder, the index and its threads (watch now; poll and jobs as they
arrive). Callers subscribe to events, which are frozen dataclasses from agent.events delivered
on the agent's threads; nothing here knows about Qt.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from agent import timebase
from agent.callbacks import call_safely
from agent.config import ensure_home, load_settings, resolve_home, save_settings
from agent.errors import AgentError, NotFound, Refusal
from agent.events import RequestsArrived, ScanFailed, ScanFinished
from agent.identity.keys import OwnerKey, OwnerKeyError
from agent.index.coverage import Coverage, coverage
from agent.index.layouts import LAYOUTS
from agent.index.scan import ScanReport, scan_source
from agent.index.store import FileRow, Source, Store
from agent.index.watch import Watcher
from agent.jobs import Job

if TYPE_CHECKING:
    from agent.requests.desk import RequestDesk

__all__ = ["Agent", "AgentError", "NotFound", "Refusal", "ENV_PASSPHRASE"]

log = logging.getLogger(__name__)
ENV_PASSPHRASE = "FOOTAGE_AGENT_PASSPHRASE"


class Agent:
    """Recordings index, requests and exports for one home folder."""

    def __init__(self, home: str | Path | None = None):
        self.home = ensure_home(resolve_home(home))
        self.settings = load_settings(self.home)
        self._store: Store | None = None
        self._previews = None
        self._listeners: list[Callable[[object], None]] = []
        self._lock = threading.Lock()
        self._requests = None

    @property
    def requests(self) -> RequestDesk:
        """The request desk (agent.requests.desk.RequestDesk), made on first use: it opens the
        inbox and an HTTP client and loads the export stack, which `scan` or `verify` never need."""
        with self._lock:
            if self._requests is None:
                from agent.requests.desk import RequestDesk
                self._requests = RequestDesk(self.home, lambda: self.store, self.owner_key,
                                             settings=self.settings,
                                             on_arrived=lambda n: self.emit(RequestsArrived(n)))
            return self._requests

    def set_settings(self, settings) -> None:
        """Save the owner's settings (agent.config.Settings) and use them at once, in the
        request desk too."""
        save_settings(self.home, settings)
        self.settings = settings
        with self._lock:
            desk = self._requests
        if desk is not None:
            desk.apply_settings(settings)

    # plumbing ------------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = Store(self.home / "index.db")
            return self._store

    def subscribe(self, callback: Callable[[object], None]) -> None:
        """Receive every event; a callback that raises is logged and never stops the agent."""
        self._listeners.append(callback)

    def emit(self, event: object) -> None:
        for cb in list(self._listeners):
            call_safely(cb, event)

    def close(self) -> None:
        with self._lock:
            if self._requests is not None:
                self._requests.close()
                self._requests = None
            if self._previews is not None:
                self._previews.close()
                self._previews = None
            if self._store is not None:
                self._store.close()
                self._store = None

    # sources -------------------------------------------------------------------------------
    def add_source(self, path: str | Path, camera: str | None = None, tz: str | None = None,
                   layout: str = "auto", clock_offset_s: float = 0.0) -> Source:
        """Register a recordings folder (or update its settings)."""
        root = Path(path).expanduser().absolute()
        if not root.is_dir():
            raise AgentError(f"{root} is not a folder: check the path, or connect the drive it is on")
        if layout != "auto" and layout not in LAYOUTS:
            raise AgentError(f"unknown layout '{layout}'; known: auto, {', '.join(LAYOUTS)}")
        tz = tz or timebase.system_zone_name()
        timebase.zone(tz)
        name = camera or root.name or "camera"
        before = self.store.source(str(root))
        src = self.store.add_source(str(root), name, tz, layout, float(clock_offset_s))
        if before is not None and before != src:
            self.store.invalidate(src.id)  # indexed times depend on these: place them again
        return src

    def sources(self) -> list[Source]:
        return self.store.sources()

    def remove_source(self, path: str | Path) -> None:
        root = str(Path(path).expanduser().absolute())
        if not self.store.remove_source(root):
            raise NotFound(f"{root} is not a registered recordings folder")

    def source_for(self, path: str | Path) -> Source | None:
        return self.store.source(str(Path(path).expanduser().absolute()))

    # index ---------------------------------------------------------------------------------
    def scan(self, paths: list[str] | None = None, tz: str | None = None,
             cancel: threading.Event | None = None) -> list[ScanReport]:
        """Index the given folders (registering new ones) or every registered source."""
        if paths:
            targets = [self.source_for(p) or self.add_source(p, tz=tz) for p in paths]
        else:
            targets = self.sources()
        reports = []
        for src in targets:
            try:
                report = scan_source(self.store, src, cancel=cancel)
            except OSError as exc:
                self.emit(ScanFailed(src.root, str(exc)))
                raise AgentError(str(exc)) from None
            reports.append(report)
            self.emit(ScanFinished(src.root, report.seen, report.added, report.updated,
                                   report.removed, report.problems))
        return reports

    def recordings(self, camera: str | None = None, start_us: int | None = None,
                   end_us: int | None = None) -> list[FileRow]:
        return self.store.files(camera, start_us, end_us)

    def cameras(self) -> list[str]:
        """Every camera with indexed files."""
        return self.store.cameras()

    @property
    def previews(self):
        """Frame previews and thumbnails, decoded here (never on the GUI thread), cached."""
        with self._lock:
            if self._previews is None:
                from agent.media.preview import Previewer

                self._previews = Previewer(self.recordings)
            return self._previews

    def coverage(self, camera: str, start_us: int, end_us: int) -> Coverage:
        """Spans and gaps of one camera inside a window."""
        if start_us >= end_us:
            raise AgentError("the window's start must be before its end")
        if camera not in self.store.cameras():
            raise NotFound(f"no recordings of a camera named '{camera}' are indexed "
                           f"(known: {', '.join(self.store.cameras()) or 'none'})")
        return coverage(camera, self.store.files(camera, start_us, end_us), start_us, end_us)

    def start_job(self, name: str, work) -> Job:
        """Run `work(progress, cancel)` on its own thread; events report its progress and end."""
        return Job(name, work, self.emit).start()

    def start_export(self, camera: str, start_us: int, end_us: int, out_dir: Path, **options) -> Job:
        """`export` as a job (for the GUI): the result is the ExportResult."""
        return self.start_job("export", lambda progress, cancel: self.export(
            camera, start_us, end_us, out_dir, progress=progress, cancel=cancel, **options))

    # evidence ------------------------------------------------------------------------------
    def owner_key(self) -> OwnerKey:
        """The owner's signing key, made on first use (0600 in the home folder).

        With FOOTAGE_AGENT_PASSPHRASE set, a new key is saved passphrase-protected (scrypt) and a
        protected one is unlocked with it.
        """
        secret = os.environ.get(ENV_PASSPHRASE)
        try:
            return OwnerKey.load_or_create(self.home, secret.encode("utf-8") if secret else None)
        except OwnerKeyError as exc:
            hint = (f" (set {ENV_PASSPHRASE} to give it)"
                    if "protected by a passphrase" in str(exc) else "")
            raise AgentError(f"{exc}{hint}") from None

    def export(self, camera: str, start_us: int, end_us: int, out_dir: Path, *, mode: str = "copy",
               keep_audio: bool = False, request_token: bytes | None = None,
               progress=None, cancel: threading.Event | None = None, blur_faces: bool = False,
               masks: bool = True, mute: tuple[tuple[int, int], ...] = ()):
        """Cut, seal and sign one camera's window into a package folder under `out_dir`.

        The camera's privacy masks apply unless `masks` is False; `blur_faces` blurs every face;
        `mute` silences ranges of kept sound. Redaction re-encodes what it touches.
        """
        from agent.export.cut import CutError
        from agent.export.evidence import export_evidence
        from agent.export.masks import MaskError
        from agent.export.package import PackageError
        from agent.export.plan import PlanError
        from agent.export.redact import owner_redaction
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
        try:
            return export_evidence(self.store, self.owner_key(), camera, start_us, end_us, out_dir,
                                   mode=mode, keep_audio=keep_audio, request=request,
                                   progress=progress, cancel=cancel, redaction=redaction)
        except PlanError as exc:
            raise NotFound(str(exc)) from None
        except (CutError, PackageError) as exc:
            raise AgentError(str(exc)) from None

    # redaction -----------------------------------------------------------------------------
    def masks(self, camera: str):
        """A camera's saved privacy masks (CameraMasks; no polygons when none are drawn)."""
        from agent.export.masks import MaskError, load_masks

        try:
            return load_masks(self.home, camera)
        except MaskError as exc:
            raise AgentError(str(exc)) from None

    def set_masks(self, masks) -> None:
        """Keep a camera's privacy masks (CameraMasks); no polygons removes them."""
        from agent.export.masks import MaskError, parse_masks, save_masks

        try:  # the same checks as a mask file the owner gives
            checked = parse_masks(masks.camera, masks.to_json())
        except MaskError as exc:
            raise AgentError(f"these masks cannot be kept: {exc}") from None
        save_masks(self.home, checked)

    def redact_preview(self, rgb, camera: str, masks: bool = True, faces: bool = False):
        """A preview frame (RGB array) as the export would redact it: the camera's saved masks
        when `masks`, faces blurred when `faces`. Decodes nothing; call it off the GUI thread."""
        from agent.export.faces import FaceModelError
        from agent.export.redact import redact_frame

        saved = self.masks(camera) if masks else None
        try:
            return redact_frame(rgb, camera, saved, faces)
        except FaceModelError as exc:
            raise AgentError(str(exc)) from None

    # service -------------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Headless service: index, keep the index live and poll portals until `stop` is set.

        Opens no listening socket: watching is local, and the agencies' portals are polled
        outbound.
        """
        for src in self.sources():
            try:
                self.scan([src.root])
            except AgentError as exc:
                log.warning("%s", exc)
        watcher = Watcher([s.root for s in self.sources()], self._rescan_root,
                          on_error=lambda root, exc: self.emit(ScanFailed(root, str(exc))))
        watcher.start()
        poller = threading.Thread(target=self.requests.run_polling, args=(stop,),
                                  name="footage-agent-poll", daemon=True)
        poller.start()
        try:
            stop.wait()
        finally:
            watcher.stop()
            poller.join(timeout=30)

    def _rescan_root(self, root: str) -> bool:
        src = self.store.source(root)
        if src is None:
            return False
        self.scan([root])
        return self.store.has_status(src.id, "in-progress")
