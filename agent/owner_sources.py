"""The owner's recordings folders as Agent methods: adding one (or changing its camera name,
zone, layout or clock offset), listing and forgetting them, and a first look at a folder before
it is added.

A mixin of `agent.service.Agent`, which provides `store`, `rename_camera`, `remove_recorder`
and `_log_change`.
"""
from __future__ import annotations

import ntpath
import os
import re
from dataclasses import replace
from pathlib import Path

from agent import timebase
from agent.errors import AgentError, NotFound, Refusal, UsageProblem
from agent.index import disk_identity
from agent.index.camera_names import CameraNameError, composed, folder_camera_name
from agent.index.first_look import FolderFacts, look_at_folder
from agent.index.layouts import LAYOUTS
from agent.index.moved_folder import in_its_place, moved_here
from agent.index.rows import Source
from agent.owner_paths import owner_path
from agent.owner_recorders import is_url

SYSTEM = os.name   # the system whose rule `_registered` takes (the tests take Windows' too)
_DRIVE_ALONE = re.compile(r"[A-Za-z]:")


class OwnerSources:
    """Recordings folder methods of the Agent."""

    def add_source(self, path: str | Path, camera: str | None = None, tz: str | None = None,
                   layout: str | None = None, clock_offset_s: float | None = None) -> Source:
        """Register a recordings folder (or update its settings). `camera` is the owner's name
        for it (default: the folder's name); a registered folder given a new name is renamed
        as `rename_camera` would. A zone, layout or clock offset not given keeps what a
        registered folder has (else: this PC's zone, auto, 0): re-adding a folder to rename
        its camera must not move its recordings in time. A kept clock offset that cannot be
        used (an older version's, which stops every scan of the folder) is taken as 0, as
        for a new folder: offset_set_aside says so. TimeError for an unknown zone or an
        unusable clock offset given."""
        root = Path(self._registered(str(owner_path(path))))
        if root.exists() and not root.is_dir():   # one recording, dragged in for its folder
            raise UsageProblem(f"{root} is a file, not a folder: give the recordings folder "
                               f"that holds it ({root.parent})")
        if not root.is_dir():
            raise AgentError(f"{root} is not a folder: check the path, or connect the drive it is on")
        before = self.store.source(str(root))
        if before is None:
            self._refuse_own_folder(root)
            self._refuse_overlap(root)
            self._refuse_moved(root)
        if layout is None:
            layout = before.layout if before is not None else "auto"
        if layout != "auto" and layout not in LAYOUTS:
            raise AgentError(f"unknown layout '{layout}'; known: auto, {', '.join(LAYOUTS)}")
        tz = tz or (before.tz if before is not None else timebase.system_zone_name())
        timebase.zone(tz)
        if clock_offset_s is None:
            clock_offset_s = before.clock_offset_s if before is not None else 0.0
            if offset_set_aside(before, None) is not None:
                clock_offset_s = 0.0
        clock_offset_s = timebase.check_clock_offset(clock_offset_s)
        try:
            # a name the app gives is told by the folder's disk too (index/let_go.py)
            disk = None if camera is not None or before is not None else \
                disk_identity.volume_identity(str(root))
            src = self.store.add_source(str(root), camera or folder_camera_name(str(root)) or "camera", tz, layout,
                                        clock_offset_s, explicit=camera is not None, disk=disk)
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

    def _refuse_own_folder(self, root: Path) -> None:
        """Refusal when `root` holds the app's own folder (a whole drive such as C:\\ or /, or
        the owner's user folder: a slip when choosing, never a recorder's folder, whose every
        video, the owner's own and the app's safe copies, would be indexed as one camera's after
        a scan of the whole drive) or lies inside it."""
        home = Path(self.home).absolute()
        identity = folder_identity(root)
        if _comparable(home).is_relative_to(_comparable(root)) or (
                identity is not None and identity in folder_lineage(home)):
            raise Refusal(f"{root} holds footage-agent's own folder {home}: it is a whole "
                          "drive or a folder such as your user folder, not the folder a "
                          "recorder writes to, and indexing it would read every video there, "
                          "your own too. Choose the folder your recorder or camera saves its "
                          "video in (on a memory card often DCIM or Record)")
        if _comparable(root).is_relative_to(_comparable(home)):
            raise Refusal(f"{root} is inside footage-agent's own folder {home}, which holds "
                          "the app's copies, not your recordings. Choose the folder your "
                          "recorder or camera saves its video in")

    def _refuse_overlap(self, root: Path) -> None:
        """Refusal when `root` lies inside a registered folder or holds one: its recordings
        would be indexed twice, under two cameras, and a request for one camera could be
        answered from the other's copy of the same files."""
        mine, lineage = _comparable(root), folder_lineage(root)
        for src in self.store.sources():
            if is_url(src.root):
                continue
            other = _comparable(Path(src.root))
            found = folder_identity(other)
            if found is not None and lineage[:1] == [found]:   # one folder, two paths to it
                raise Refusal(f"{root} is the recordings folder {src.root} reached by another "
                              "path (one drive or share mounted twice), which is added already "
                              f"(camera {src.camera}): adding it would index those recordings "
                              f"twice, under two cameras. Use {src.root}, or remove it first")
            if mine.is_relative_to(other) or (found is not None and found in lineage):
                raise Refusal(f"{root} is inside the recordings folder {src.root}, which is "
                              f"added already (camera {src.camera}): its recordings are indexed "
                              "with that folder's. To give them a name of their own, rename "
                              "the camera instead")
            if other.is_relative_to(mine) or (lineage and lineage[0] in folder_lineage(other)):
                raise Refusal(f"{root} holds the recordings folder {src.root}, which is added "
                              f"already (camera {src.camera}): adding it would index those "
                              "recordings twice, under two cameras. Add its other folders "
                              f"one by one, or remove {src.root} first")

    def _refuse_moved(self, root: Path) -> None:
        """Refusal when `root` holds the recordings of a registered folder that is not there
        now (moved_folder.py: its card at another drive letter, or a copy): added, they would
        be indexed twice, under two cameras, and the registered camera left with none."""
        for src in self.store.sources():
            if is_url(src.root):
                continue
            known = self.store.file_stats(src.id)
            if in_its_place(src.root, known, self.store.disk(src.id),
                            lambda sid=src.id: self.store.ranges(sid)):
                continue
            if moved_here(root, src.root, known):
                raise Refusal(   # each part a sentence the app translates (core_templates)
                    f"{root} holds the recordings of the folder {src.root} (camera "
                    f"{src.camera}), which is not there now: it is that card or drive at "
                    "another drive letter (Windows gives a drive the first free letter, so "
                    "drive E can become drive F) or a copy of it, and adding it would index "
                    "those recordings twice, under two cameras. Give the drive its letter "
                    "back (with Change Drive Letter and Paths in Windows' Disk Management), "
                    "then scan again; or, to use this folder instead, remove that folder and "
                    "add this one with that camera's name")

    def sources(self) -> list[Source]:
        return self.store.sources()

    def remove_source(self, path: str | Path) -> None:
        """Forget a recordings folder (or a recorder, by its address) and its index rows."""
        if is_url(path):
            self.remove_recorder(str(path))
            return
        root = self._named(path)
        if not self.store.remove_source(root):
            known = [s.root for s in self.store.sources() if not is_url(s.root)]
            raise NotFound(f"{root} is not a registered recordings folder ("
                           + (f"registered: {', '.join(known)}" if known else
                              "none is registered") + ")")
        self._log_change("source-removed", folder=root)

    def source_for(self, path: str | Path) -> Source | None:
        """The source of a folder path, or of a recorder's address."""
        if is_url(path):
            return self.store.source(str(path).strip().rstrip("/"))
        return self.store.source(self._named(path))

    def _named(self, path: str | Path) -> str:
        """The registered folder `path` names: as it is listed, first (a home copied from a PC
        of another system lists its folders as that system named them, 'D:\\Cameras' on Linux,
        '/home/ann/cams' on Windows, which this one would make absolute under the current
        folder or drive), else as `path` reads here made absolute (`_registered`)."""
        if isinstance(path, str) and self.store.source(path) is not None:
            return path
        return self._registered(str(owner_path(path)))

    def _registered(self, root: str) -> str:
        """The registered folder `root` names, spelt as it was registered: `root` itself, or
        the one it is once accents are written alike (a Mac names a card's folder 'Café' with
        the accent as a character of its own, a keyboard types one: on a Mac both open the
        same folder), and on Windows capitals too (`c:\\cams` is the folder `C:\\Cams`).
        `root` when none is."""
        if self.store.source(root) is not None:
            return root
        alike = [s.root for s in self.store.sources() if _one_spelling(s.root, root)]
        return alike[0] if len(alike) == 1 else root

    def look_at_folder(self, path: str | Path) -> FolderFacts:
        """What a recordings folder seems to hold, before it is added: how many recordings,
        the recorder layout, the cameras, whether names are in UTC. Reads names only."""
        root = owner_path(path)
        if root.is_dir() and self.store.source(str(root)) is None:   # said before any walk
            self._refuse_own_folder(root)
        try:
            facts = look_at_folder(root)
        except NotADirectoryError as exc:
            raise AgentError(str(exc)) from None
        # A recorder's name for its one camera is a good name; a bare channel number ("001")
        # is not, so the folder's name is offered instead; told by the folder's disk too.
        one = facts.cameras[0] if len(facts.cameras) == 1 else ""
        wanted = one if one and not one.isdigit() else folder_camera_name(str(root)) or "camera"
        return replace(facts, offered=self.store.offered_name(
            wanted, disk_identity.volume_identity(str(root)), str(root)))

    @staticmethod
    def layouts() -> tuple[str, ...]:
        """The recorder layouts a source can name (besides "auto")."""
        return tuple(LAYOUTS)

    @staticmethod
    def local_zone() -> str:
        """This PC's IANA time zone (times are shown to the owner in it); "UTC" when unknown."""
        return timebase.system_zone_name()


def offset_set_aside(before: Source | None, given: float | None) -> str | None:
    """What add_source says of a folder registered as `before`, added again with the clock
    offset `given` (None: none), when it sets aside the offset kept for it that cannot be
    used; None when it sets none aside."""
    if before is None or given is not None or timebase.usable_clock_offset(before.clock_offset_s):
        return None
    return (f"the clock offset kept for {before.root} ({before.clock_offset_s} s, saved by an "
            "older version) could not be used, so it is 0 now: the camera's clock is taken "
            "as right. If it is wrong, set it with `footage-agent sources add "
            f"{before.root} --clock-offset S`")


def folder_identity(path: Path) -> tuple[int, int] | None:
    """What the disk calls a folder, whatever the path to it (its device and file number, as
    `os.path.samefile` compares them): one share mounted twice, or a drive reached by its
    letter and by its network name, is one folder. None when it cannot be told (not there,
    or a file system that numbers no file, which says 0)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def folder_lineage(path: Path) -> list[tuple[int, int]]:
    """The identities of `path` and every folder above it, nearest first; empty when the
    folder's own cannot be told."""
    out = []
    for folder in (path, *path.parents):
        found = folder_identity(folder)
        if found is None:
            if not out:
                return []
            continue
        out.append(found)
    return out


def _one_spelling(registered: str, typed: str, os_name: str | None = None) -> bool:
    """Whether `typed` spells the folder path `registered`: alike once accents are written
    alike, and on Windows, whose disks ignore capitals, whatever its capitals; there a drive
    registered by its letter alone (`E:`, which earlier versions kept as typed) is its root."""
    if (os_name or SYSTEM) == "nt":
        if _DRIVE_ALONE.fullmatch(registered):
            registered += "\\"
        return ntpath.normcase(composed(registered)) == ntpath.normcase(composed(typed))
    return composed(registered) == composed(typed)


def _comparable(path: Path) -> Path:
    """`path` as the disk sees it: links resolved, and capitals folded where the system
    folds them (Windows)."""
    return Path(os.path.normcase(os.path.realpath(path)))
