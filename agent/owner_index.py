"""The owner's index as Agent methods: scanning folders (and refreshing recorders), the
recordings and cameras it holds, a camera's coverage of a window, and frame previews.

A mixin of `agent.service.Agent`, which provides `home`, `store`, `emit`, `_lock`,
`_scan_turns`, `sources`, `source_for`, `add_source`, `recorder_connector`, `_refresh`,
`_adopt_legacy_names` and `_log_change`.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from agent import timebase
from agent.audit.log import AuditError, AuditLog
from agent.errors import AgentError, FolderRemoved, NotFound, OtherDiskFound, UsageProblem
from agent.events import ScanFailed, ScanFinished
from agent.index.camera_names import meant_name
from agent.index.clock_repeats import Repeat, source_repeats
from agent.index.coverage import USABLE, Coverage, coverage
from agent.index.other_disk import OtherDisk
from agent.index.rows import FileRow, Source
from agent.index.scan import ScanReport, scan_source
from agent.index.store_errors import SourceGone
from agent.index.scan_turns import TurnsUnusable
from agent.index.walk import subfolders, walked_files
from agent.owner_recorders import is_url

# What an index without a single recording says to whoever asks it for a camera or a listing:
# the step to take first (README's quick start), since no name could be right yet.
NOTHING_INDEXED_YET = "no recordings are indexed yet: run `footage-agent scan`"
NO_FOLDERS_YET = ("no recordings are indexed: add your recordings folder with "
                  "`footage-agent sources add PATH`, then run `footage-agent scan`")


@dataclass(frozen=True)
class NotScanned(ScanReport):
    """The report of a folder that could not be scanned at all (its drive missing or
    unreadable, or another disk in its place: `other_disk`): `problems` says why, the counts
    are zero."""

    other_disk: bool = False


class OwnerIndex:
    """Index methods of the Agent."""

    def scan(self, paths: list[str] | None = None, tz: str | None = None,
             cancel: threading.Event | None = None,
             progress: Callable[[str, int], None] | None = None,
             new_disk: bool = False) -> list[ScanReport]:
        """Index the given folders (registering new ones) or every registered source;
        `progress(folder, files looked at)` as each folder's walk goes on. `new_disk`: the
        owner says each of `paths` holds a new disk of its camera (a new card in the reader),
        which is scanned even though none of what was indexed from it is there (other_disk.py).

        A named folder that cannot be scanned (its drive unplugged) raises AgentError. Without
        `paths`, one such folder is a problem in its own report and the others are scanned
        all the same, as a recorder that does not answer is."""
        if new_disk and not paths:
            raise UsageProblem("a new disk is said of a folder: name the recordings folder that "
                               "holds it (`footage-agent scan PATH --new-disk`)")
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
                report = self._scan_folder(src, cancel, progress=None if progress is None else
                                           lambda n, root=src.root: progress(root, n),
                                           new_disk=new_disk)
                if new_disk:   # whose footage a folder's rows are is the owner's word now
                    self._log_change("source-changed", folder=src.root, camera=src.camera,
                                     new_disk=True, disk=self.store.disk(src.id))
            except AgentError as exc:
                if paths:
                    raise
                report = NotScanned(src.root, 0, 0, 0, 0, 0, problems=(str(exc),),
                                    other_disk=isinstance(exc, OtherDiskFound))
            reports.append(report)
        return reports

    def _scan_folder(self, src: Source, cancel: threading.Event | None,
                     within: list[str] | None = None,
                     files: dict[str, set[str]] | None = None,
                     progress: Callable[[int], None] | None = None,
                     new_disk: bool = False) -> ScanReport:
        """Scan one registered folder (only the folders of it `within`, when given: see
        scan_source); AgentError (and a ScanFailed event) when it cannot be, OtherDiskFound
        when it holds another disk than the one indexed."""
        try:
            timebase.check_clock_offset(src.clock_offset_s)
        except timebase.TimeError:   # kept by an older version: every time would be wrong
            why = timebase.unusable_offset_words(src.root, src.clock_offset_s)
            self.emit(ScanFailed(src.root, why))
            raise AgentError(why) from None
        try:
            # Another scan of this folder (the app's, the watcher's, another process's) reads
            # and writes its rows too: each waits its turn, so each report is true.
            with self._scan_turns.turn(src.id, cancel) as ours:
                if not ours:   # cancelled while waiting: nothing looked at, nothing changed
                    return ScanReport(src.root, 0, 0, 0, 0, 0)
                report = scan_source(self.store, src, cancel=cancel, within=within,
                                     files=files, progress=progress, new_disk=new_disk)
        except OtherDisk as exc:
            self.emit(ScanFailed(src.root, str(exc), other_disk=True))
            raise OtherDiskFound(str(exc)) from None
        except SourceGone:   # the owner's doing, not the folder's: no problem to show on it
            raise FolderRemoved(removed_words(src.root)) from None
        except TurnsUnusable as exc:
            self.emit(ScanFailed(src.root, str(exc)))
            raise AgentError(str(exc)) from None
        except OSError as exc:
            self.emit(ScanFailed(src.root, str(exc)))
            raise AgentError(str(exc)) from None
        if within is None and (cancel is None or not cancel.is_set()):
            self._adopt_legacy_names(src.id)
        self.emit(ScanFinished(src.root, report.seen, report.added, report.updated,
                               report.removed, report.problems))
        return report

    def scans_waiting(self, root: str) -> int:
        """How many scans of this registered folder wait here for another one to end (its
        scans take turns: scan_turns.py); 0 for a folder not registered."""
        src = self.source_for(root)
        return 0 if src is None else self._scan_turns.waiting(src.id)

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

    def newest_recording(self, source_id: int) -> FileRow | None:
        """The recordings folder's usable recording that starts last, however long ago."""
        return self.store.newest(source_id)

    def repeated_times(self, source_id: int) -> list[Repeat]:
        """The cameras of a recordings folder whose clock was set back after recording, so
        that some of their recordings share times with others (index/clock_repeats.py)."""
        return source_repeats(self.store, source_id)

    def usable_recordings(self, camera: str, start_us: int, end_us: int) -> list[FileRow]:
        """The readable recordings of `camera` overlapping the window (what previews show).
        Recordings inside ring files are left out until previews can read a byte range; a
        recorder's are downloaded a few seconds at a time and cached (call it off the GUI
        thread: previews do)."""
        with self._lock:
            if self._held is None:
                from agent.requests.held_previews import HeldCopies
                self._held = HeldCopies(self.home)
        held = self._held.rows(self.store, camera, start_us, end_us)
        if held is not None:   # a camera its request's approval cuts from the safe copy
            return held
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

    def let_go_of_idle_recordings(self) -> int:
        """Close the recordings previews hold open that none has read for a while
        (agent/media/preview.py IDLE_S), so a recorder can delete them; the number closed."""
        with self._lock:
            previews = self._previews
        return 0 if previews is None else previews.let_go_of_idle()

    def coverage(self, camera: str, start_us: int, end_us: int, hold=None) -> Coverage:
        """Spans and gaps of one camera inside a window. `hold`: a request's (its view's
        `hold`): where an approval would cut the camera from it, its copies' coverage
        (`held` set) instead."""
        if start_us >= end_us:
            raise AgentError("the window's start must be before its end")
        if hold is not None:
            from agent.requests.held_window import held_coverage
            from agent.requests.holds import HoldError

            try:
                held = held_coverage(self.store, hold, camera, start_us, end_us)
            except HoldError:   # a copy a new zone cannot place: approving it says why
                held = None
            if held is not None:   # its pictures read from the copies too
                from agent.requests.held_previews import preview_name
                return replace(held, shown_as=preview_name(camera, hold))
        name = self.indexed_camera(camera)
        return coverage(name, self.store.files(name, start_us, end_us), start_us, end_us)

    def indexed_camera(self, camera: str) -> str:
        """The current name of the camera `camera` means (a former name finds it too), or
        NotFound naming the indexed cameras, and the one meant when only capitals differ or it
        is spelled nearly alike (a letter left out)."""
        name = self.store.names.current(camera)
        known = self.store.cameras()
        if name is not None and name in known:
            return name
        if name is not None:   # a registered folder's camera: nothing of it indexed yet
            raise NotFound(f"the camera '{name}' has no recordings in the index yet: run "
                           "`footage-agent scan` to index its folder (a scan that finds none "
                           "there means the folder holds no video the app recognises)")
        if not known:   # nothing indexed at all: say what to run first, not "known: none"
            raise NotFound(NOTHING_INDEXED_YET if self.store.sources() else NO_FOLDERS_YET)
        meant = meant_name(camera, known)
        raise NotFound(f"no recordings of a camera named '{camera}' are indexed (known: "
                       f"{', '.join(known) or 'none'})"
                       + (f"; did you mean '{meant}'?" if meant else ""))

    def look_again_at_growing(self, camera: str, cancel: threading.Event | None = None) -> None:
        """Read again the recordings of `camera` that were still being written when indexed,
        before they are exported: the watcher does so while `run` or the app runs, but an
        export typed at the command line would take such a recording only as long as it was
        at the last scan, and the seconds recorded since as a gap. A folder that cannot be
        read now is left to the export to say so."""
        growing: dict[int, list[str]] = {}
        for row in self.store.files(camera):
            if row.status == "in-progress":
                growing.setdefault(row.source_id, []).append(row.path)
        recorders = {r.source_id for r in self.store.recorders.all()}
        for src in self.store.sources():
            if src.id in growing and src.id not in recorders:
                try:
                    self.rescan_root(src.root, cancel, folders=(), files=growing[src.id])
                except AgentError:
                    pass

    def rescan_root(self, root: str, cancel: threading.Event | None = None,
                    folders: Iterable[str] | None = None, files: Iterable[str] = ()) -> bool:
        """Rescan one registered folder (the watcher's call); True while a file in it is still
        being written. `folders`: only these folders of it changed (None: any part of it may
        have), which are walked, and `files`, looked at with those still being written."""
        src = self.store.source(root)
        if src is None:
            return False
        within = None if folders is None else subfolders(root, set(folders))
        try:
            if within is None:
                self.scan([root], cancel=cancel)
            else:
                growing = self.store.paths_with_status(src.id, "in-progress")
                named = walked_files(root, set(files) | set(growing), within)
                if within or named:
                    self._scan_folder(src, cancel, within, named)
                    if self.store.names.unsettled(src.id):   # a first channel met: named once
                        self.scan([root], cancel=cancel)     # the whole folder is known
        except FolderRemoved:
            return False   # removed meanwhile: no longer watched either
        return self.store.has_status(src.id, "in-progress")


def removed_words(root: str) -> str:
    """Why a scan of `root` stopped: the owner removed the folder while it ran."""
    return (f"the recordings folder {root} was removed while it was scanned (in the app, or by "
            "another footage-agent command): nothing more of it was indexed, and what was went "
            "with it")


def lost_index(home: Path) -> str | None:
    """Why the index must not be opened as a new one: it is there but cut to nothing (0 bytes)
    while the activity log shows recordings folders were added (a copy or restore that failed,
    a disk that filled). SQLite would take it for a new index, and the folders and camera
    names would be gone without a word. None when it is whole, or new."""
    path = Path(home) / "index.db"
    try:
        if not path.is_file() or path.stat().st_size:
            return None
        added = any(r["event"] == "source-added" for r in AuditLog(home).entries())
    except (OSError, AuditError):
        return None
    if not added:
        return None
    return (f"the index {path} is empty (0 bytes), but your activity log shows recordings "
            "folders were added: it was cut short (a copy or restore that failed, a disk that "
            "filled). It held your recordings folders and camera names, so do not delete it: "
            "put back a copy from a backup, or move it aside (keep it) and add your recordings "
            "folders again with the same camera names, then scan")
