"""The one object the GUI and the CLI hold.

`Agent` owns the home folder, the index and its threads (watch now; poll and jobs as they
arrive). Callers subscribe to events, which are frozen dataclasses from agent.events delivered
on the agent's threads; nothing here knows about Qt. What it returns are the frozen view types
of agent/views.py. Its exports and redaction live in agent/owner_exports.py, its trust store
and activity log in agent/owner_records.py, its registrations and key rotation in
agent/owner_registrations.py, camera names and renames in agent/owner_cameras.py, recorders
on the network in agent/owner_recorders.py (mixins: they are Agent methods all the same).
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from agent import timebase
from agent.callbacks import call_safely
from agent.config import ensure_home, load_settings, resolve_home, save_settings
from agent.errors import AgentError, NotFound, Refusal, UsageProblem
from agent.events import RequestsArrived, ScanFailed, ScanFinished
from agent.index.cameras import CameraNameError
from agent.index.coverage import USABLE, Coverage, coverage
from agent.index.first_look import FolderFacts, look_at_folder
from agent.index.layouts import LAYOUTS
from agent.index.rows import FileRow, Source
from agent.index.scan import ScanReport, scan_source
from agent.index.store import Store
from agent.jobs import Job
from agent.owner_cameras import OwnerCameras
from agent.owner_exports import ENV_PASSPHRASE, OwnerExports
from agent.owner_recorders import OwnerRecorders, is_url
from agent.owner_records import OwnerRecords
from agent.owner_registrations import OwnerRegistrations

if TYPE_CHECKING:
    from agent.requests.desk import RequestDesk

__all__ = ["Agent", "AgentError", "NotFound", "NotScanned", "Refusal", "UsageProblem",
           "ENV_PASSPHRASE"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotScanned(ScanReport):
    """The report of a folder that could not be scanned at all (its drive missing or
    unreadable): `problems` says why, the counts are zero."""


class Agent(OwnerCameras, OwnerExports, OwnerRecords, OwnerRegistrations, OwnerRecorders):
    """Recordings index, requests and exports for one home folder."""

    def __init__(self, home: str | Path | None = None):
        self.home = ensure_home(resolve_home(home))
        self.settings = load_settings(self.home)
        self._store: Store | None = None
        self._previews = None
        self._pieces = None
        self._listeners: list[Callable[[object], None]] = []
        self._lock = threading.Lock()
        self._requests = None
        self._left_busy = False   # set by `run` when a thread outlived it (see close)

    @property
    def requests(self) -> RequestDesk:
        """The request desk (agent.requests.desk.RequestDesk), made on first use: it opens the
        inbox and an HTTP client and loads the export stack, which `scan` or `verify` never need."""
        with self._lock:
            if self._requests is None:
                from agent.requests.desk import RequestDesk
                self._requests = RequestDesk(self.home, lambda: self.store, self.owner_key,
                                             settings=self.settings,
                                             on_arrived=lambda n: self.emit(RequestsArrived(n)),
                                             signing_key=self.signing_key,
                                             recorders=self.recorder_connector)
            return self._requests

    def set_settings(self, settings) -> None:
        """Save the owner's settings (agent.config.Settings) and use them at once, in the
        request desk too."""
        before = self.settings
        save_settings(self.home, settings)
        self.settings = settings
        changed = {name: {"from": getattr(before, name), "to": getattr(settings, name)}
                   for name in before.__dataclass_fields__
                   if getattr(before, name) != getattr(settings, name)}
        if changed:
            self._log_change("settings", changed=changed)
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

    @property
    def index_rebuilt(self) -> bool:
        """True when the index was made by an older version and its rows were dropped on
        opening it (camera names are kept differently now); a scan fills it again."""
        return self.store.rebuilt

    def subscribe(self, callback: Callable[[object], None]) -> None:
        """Receive every event; a callback that raises is logged and never stops the agent."""
        self._listeners.append(callback)

    def emit(self, event: object) -> None:
        for cb in list(self._listeners):
            call_safely(cb, event)

    def close(self) -> None:
        """Close the index, the inbox and the previews. After a `run` that left a thread busy
        (a call that cannot be cut short) nothing is closed under it: the process ends it, and
        SQLite keeps every transaction whole."""
        if self._left_busy:
            return
        if not self._lock.acquire(timeout=2.0):
            log.warning("the agent was busy when asked to close; leaving it to the process")
            return
        try:
            if self._requests is not None:
                self._requests.close()
                self._requests = None
            if self._previews is not None:
                self._previews.close()
                self._previews = None
            if self._store is not None:
                self._store.close()
                self._store = None
        finally:
            self._lock.release()

    # sources -------------------------------------------------------------------------------
    def add_source(self, path: str | Path, camera: str | None = None, tz: str | None = None,
                   layout: str | None = None, clock_offset_s: float | None = None) -> Source:
        """Register a recordings folder (or update its settings). `camera` is the owner's name
        for it (default: the folder's name); a registered folder given a new name is renamed
        as `rename_camera` would. A zone, layout or clock offset not given keeps what a
        registered folder has (else: this PC's zone, auto, 0): re-adding a folder to rename
        its camera must not move its recordings in time. TimeError for an unknown zone or an
        unusable clock offset."""
        root = Path(path).expanduser().absolute()
        if not root.is_dir():
            raise AgentError(f"{root} is not a folder: check the path, or connect the drive it is on")
        before = self.store.source(str(root))
        if layout is None:
            layout = before.layout if before is not None else "auto"
        if layout != "auto" and layout not in LAYOUTS:
            raise AgentError(f"unknown layout '{layout}'; known: auto, {', '.join(LAYOUTS)}")
        tz = tz or (before.tz if before is not None else timebase.system_zone_name())
        timebase.zone(tz)
        if clock_offset_s is None:
            clock_offset_s = before.clock_offset_s if before is not None else 0.0
        clock_offset_s = timebase.check_clock_offset(clock_offset_s)
        try:
            src = self.store.add_source(str(root), camera or root.name or "camera", tz, layout,
                                        clock_offset_s, explicit=camera is not None)
        except CameraNameError as exc:
            raise Refusal(str(exc)) from None
        if before is not None and camera is not None and camera != before.camera:
            self.rename_camera(before.camera, camera)
            src = self.store.source(str(root))
        if before is not None and (before.tz, before.layout, before.clock_offset_s) != (
                src.tz, src.layout, src.clock_offset_s):
            self.store.invalidate(src.id)  # indexed times depend on these: place them again
        if before != src:
            self._log_change("source-added" if before is None else "source-changed",
                             folder=src.root, camera=src.camera, tz=src.tz, layout=src.layout,
                             clock_offset_s=src.clock_offset_s)
        return src

    def sources(self) -> list[Source]:
        return self.store.sources()

    def remove_source(self, path: str | Path) -> None:
        """Forget a recordings folder (or a recorder, by its address) and its index rows."""
        if is_url(path):
            self.remove_recorder(str(path))
            return
        root = str(Path(path).expanduser().absolute())
        if not self.store.remove_source(root):
            raise NotFound(f"{root} is not a registered recordings folder")
        self._log_change("source-removed", folder=root)

    def source_for(self, path: str | Path) -> Source | None:
        """The source of a folder path, or of a recorder's address."""
        if is_url(path):
            return self.store.source(str(path).strip().rstrip("/"))
        return self.store.source(str(Path(path).expanduser().absolute()))

    def look_at_folder(self, path: str | Path) -> FolderFacts:
        """What a recordings folder seems to hold, before it is added: how many recordings,
        the recorder layout, the cameras, whether names are in UTC. Reads names only."""
        try:
            return look_at_folder(path)
        except NotADirectoryError as exc:
            raise AgentError(str(exc)) from None

    @staticmethod
    def layouts() -> tuple[str, ...]:
        """The recorder layouts a source can name (besides "auto")."""
        return tuple(LAYOUTS)

    @staticmethod
    def local_zone() -> str:
        """This PC's IANA time zone (times are shown to the owner in it); "UTC" when unknown."""
        return timebase.system_zone_name()

    # index ---------------------------------------------------------------------------------
    def scan(self, paths: list[str] | None = None, tz: str | None = None,
             cancel: threading.Event | None = None) -> list[ScanReport]:
        """Index the given folders (registering new ones) or every registered source.

        A named folder that cannot be scanned (its drive unplugged) raises AgentError. Without
        `paths`, one such folder is a problem in its own report and the others are scanned
        all the same, as a recorder that does not answer is."""
        if paths:
            targets = [self.source_for(p) or self._new_folder(p, tz) for p in paths]
        else:
            targets = self.sources()
        recorders = {r.source_id: r for r in self.store.recorders.all()}
        reports = []
        for src in targets:
            if src.id in recorders:   # a recorder: mirror its search (never raises for it)
                reports.append(self._refresh(recorders[src.id], cancel))
                continue
            try:
                report = self._scan_folder(src, cancel)
            except AgentError as exc:
                if paths:
                    raise
                report = NotScanned(src.root, 0, 0, 0, 0, 0, problems=(str(exc),))
            reports.append(report)
        return reports

    def _scan_folder(self, src: Source, cancel: threading.Event | None) -> ScanReport:
        """Scan one registered folder; AgentError (and a ScanFailed event) when it cannot be."""
        try:
            timebase.check_clock_offset(src.clock_offset_s)
        except timebase.TimeError:   # kept by an older version: every time would be wrong
            why = (f"the clock offset kept for {src.root} ({src.clock_offset_s} s) is not usable: "
                   f"set it again with `footage-agent sources add {src.root} --clock-offset S`")
            self.emit(ScanFailed(src.root, why))
            raise AgentError(why) from None
        try:
            report = scan_source(self.store, src, cancel=cancel)
        except OSError as exc:
            self.emit(ScanFailed(src.root, str(exc)))
            raise AgentError(str(exc)) from None
        if cancel is None or not cancel.is_set():
            self._adopt_legacy_names(src.id)
        self.emit(ScanFinished(src.root, report.seen, report.added, report.updated,
                               report.removed, report.problems))
        return report

    def _new_folder(self, path: str | Path, tz: str | None) -> Source:
        if is_url(path):
            raise NotFound(f"{path} is not a recorder source: add it with "
                           "`footage-agent sources add-recorder`")
        return self.add_source(path, tz=tz)

    def recordings(self, camera: str | None = None, start_us: int | None = None,
                   end_us: int | None = None) -> list[FileRow]:
        """Indexed recordings, optionally one camera's (a former name finds it too) and only
        those overlapping a window."""
        return self.store.files(camera, start_us, end_us)

    def usable_recordings(self, camera: str, start_us: int, end_us: int) -> list[FileRow]:
        """The readable recordings of `camera` overlapping the window (what previews show).
        Recordings inside ring files are left out until previews can read a byte range; a
        recorder's are downloaded a few seconds at a time and cached (call it off the GUI
        thread: previews do)."""
        local = [r for r in self.store.files(camera, start_us, end_us)
                 if r.status in USABLE and r.status != "remote" and not r.ranged]
        with self._lock:
            if self._pieces is None:
                from agent.index.remote_pieces import PreviewPieces
                self._pieces = PreviewPieces(self.home, lambda: self.store, self.recorder_connector)
            pieces = self._pieces
        return local + pieces.rows(camera, start_us, end_us)

    def cameras(self) -> list[str]:
        """Every camera with indexed files, by its current name."""
        return self.store.cameras()

    @property
    def previews(self):
        """Frame previews and thumbnails, decoded here (never on the GUI thread), cached."""
        with self._lock:
            if self._previews is None:
                from agent.media.preview import Previewer

                self._previews = Previewer(self.usable_recordings)
            return self._previews

    def coverage(self, camera: str, start_us: int, end_us: int) -> Coverage:
        """Spans and gaps of one camera inside a window."""
        if start_us >= end_us:
            raise AgentError("the window's start must be before its end")
        name = self.store.names.current(camera)
        if name is None or name not in self.store.cameras():
            raise NotFound(f"no recordings of a camera named '{camera}' are indexed "
                           f"(known: {', '.join(self.store.cameras()) or 'none'})")
        return coverage(name, self.store.files(name, start_us, end_us), start_us, end_us)

    def start_job(self, name: str, work) -> Job:
        """Run `work(progress, cancel)` on its own thread; events report its progress and end."""
        return Job(name, work, self.emit).start()

    # service -------------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> bool:
        """Headless service: index, keep the index live and poll portals until `stop` is set;
        back within 2 s of it (agent/service_loop.py). False when a thread was still inside a
        call that cannot be cut short: `close` then leaves what it uses open, for the process
        to end it.

        Opens no listening socket: watching is local, the agencies' portals are polled
        outbound, and recorders on the network are asked outbound at a polite interval. A key
        rotation left unfinished is resumed first.
        """
        from agent.service_loop import ServiceRun

        service = ServiceRun(self, stop)
        service.start()
        ended = service.wait_and_stop()
        self._left_busy = not ended
        return ended

    def rescan_root(self, root: str, cancel: threading.Event | None = None) -> bool:
        """Rescan one registered folder (the watcher's call); True while a file in it is still
        being written."""
        src = self.store.source(root)
        if src is None:
            return False
        self.scan([root], cancel=cancel)
        return self.store.has_status(src.id, "in-progress")
