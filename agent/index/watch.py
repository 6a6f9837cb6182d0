"""Keeping the index live while `footage-agent run` (or the app) is open.

watchdog reports changes under each source; a single worker thread rescans the touched sources
after changes settle, and re-checks files still marked `in-progress` until their size holds
still. Rescans are incremental, so a touched source costs a walk, not a re-probe of every file,
and only of what changed in it: the file a recorder writes (or made, removed, renamed) is
looked at alone, a folder made or removed is walked, and weeks of recordings beside them,
in folders of days or all in one, are not walked again every few seconds. A change the system failed to
report is not missed for long: a source is walked whole again at least every WHOLE_EVERY_S
while it changes.

Changes settle when a second passes without one, or at the latest SETTLE_AT_MOST_S after the
first: a recorder writes its current file many times a second for as long as it records, so a
folder it writes in never falls quiet, and waiting for that alone left every recording it
finished out of the index for as long as the agent ran.

What the system reports is not all that changes: on a NAS share (SMB, NFS) a recorder writing
from another machine is not reported to this PC on Linux or macOS. So every folder is also
walked whole every RESCAN_S, whether or not anything was reported. Nor does Linux report a card
or share unmounted, or mounted again over the folder watched: its watch goes on, on a folder no
longer there, so `follow` (every few seconds) compares the folder watched with the one at its
path, and watches and rescans the one there when they differ.
"""
from __future__ import annotations

import os
import threading
import time
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from agent.index.describe import IN_PROGRESS_S

SETTLE_S = 1.0
SETTLE_AT_MOST_S = float(IN_PROGRESS_S)
MAX_CHANGES = 256   # folders and files changed at once beyond which the source is walked whole
WHOLE_EVERY_S = 3600.0
RESCAN_S = 300.0   # a walk of 30,000 unchanged files takes a few seconds


class _Handler(FileSystemEventHandler):
    def __init__(self, root: str, mark: Callable[..., None]):
        self._root = root
        self._mark = mark

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        folders, files = changed(event)
        for folder in folders:
            self._mark(self._root, folder=folder)
        for path in files:
            self._mark(self._root, file=path)


def changed(event: FileSystemEvent) -> tuple[list[str], list[str]]:
    """(folders to walk again, files to look at again) after an event: a file made, written,
    removed or moved is itself (both ends of a move); a folder made, removed or moved is the
    folder holding it (walked with what is inside), and a folder's own change (a file made or
    removed in it) nothing, as that file's own event says it."""
    paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
    paths = [os.fsdecode(p) for p in paths]
    if not event.is_directory:
        return [], paths
    if event.event_type == "modified":
        return [], []
    return [os.path.dirname(p) for p in paths], []


class Watcher:
    """Watches source roots and calls `rescan(root, folders, files)` on its own thread when
    they change: the folders of it to walk again and the files to look at again (folders None:
    any part of it may have changed; both empty: nothing did, but files of it were still being
    written when it was last rescanned)."""

    def __init__(self, roots: list[str], rescan: Callable[..., bool],
                 on_error: Callable[[str, Exception], None] | None = None,
                 every_s: float = RESCAN_S):
        self._roots = list(roots)
        self._every_s = every_s
        self._followed = list(roots)               # rescanned every `every_s`, watched or not
        self._scanned: dict[str, float] = {}      # root -> when it was last rescanned
        self._rescan = rescan
        self._on_error = on_error
        self._watches: dict[str, object] = {}   # root -> watchdog's ObservedWatch
        self._watched: dict[str, tuple[int, int]] = {}   # root -> the folder watched (dev, inode)
        self._unwatchable: set[str] = set()       # said once; tried again by follow()
        # root -> (first change, last change, the (folders, files) changed; None: any of it)
        self._dirty: dict[str, tuple[float, float, tuple[set[str], set[str]] | None]] = {}
        self._recheck: dict[str, float] = {}
        self._whole: dict[str, float] = {}   # root -> when it was last walked whole
        self._cond = threading.Condition()
        self._stop = False
        self._observer = Observer()
        self._thread = threading.Thread(target=self._loop, name="footage-agent-watch", daemon=True)

    def start(self) -> None:
        # The observer first: a folder scheduled on a running one that cannot be watched (its
        # drive out) fails alone, at once; scheduled before, it failed the observer's start,
        # and with it the watch of every other folder.
        self._observer.start()
        for root in self._roots:
            self._watch(root)
        self._thread.start()

    def follow(self, roots: list[str]) -> list[str]:
        """Watch exactly `roots` from now on: a folder added since, or one that could not be
        watched before (its drive was out, or pulled out since) and can now, is watched and
        marked for a rescan,
        as its recordings may be new to the index; one no longer listed is let go. The roots
        newly watched."""
        with self._cond:
            self._followed = list(roots)
        for gone in set(self._watches) - set(roots):
            self._observer.unschedule(self._watches.pop(gone))
        for ended in self._ended():
            # Its folder went away (a drive pulled out, a share dropped): the system's watch of
            # it is over for good. Watched anew once the folder is back; its going is said by
            # the rescan its last event asked for, so not again here.
            self._observer.unschedule(self._watches.pop(ended))
            self._unwatchable.add(ended)
        for lost in self._lost():
            # Its watch goes on, but on a folder no longer at its path: a card or drive
            # unmounted (Linux reports nothing of it and never ends the watch), or mounted
            # again over it, or the folder moved away and another put there. Nothing would
            # report the recordings there now until the walk every RESCAN_S: watched anew
            # below once a folder is there, and rescanned now, which also says one gone.
            self._observer.unschedule(self._watches.pop(lost))
            self._unwatchable.add(lost)
            self.mark(lost)
        self._unwatchable &= set(roots)
        new = [r for r in roots if r not in self._watches and self._watch(r)]
        for root in new:
            self.mark(root)
        return new

    def _ended(self) -> list[str]:
        """The roots whose watch has stopped by itself (watchdog ends a folder's watcher when
        the folder is deleted or its drive removed, and nothing watches it again)."""
        ended = {emitter.watch for emitter in self._observer.emitters if not emitter.is_alive()}
        return [root for root, watch in self._watches.items() if watch in ended]

    def _lost(self) -> list[str]:
        """The roots watched whose path holds no folder now, or another folder than the one
        watched (told by its device and inode, which a watch keeps the system from reusing)."""
        lost = []
        for root in self._watches:
            try:
                now = os.stat(root)
                if (now.st_dev, now.st_ino) == self._watched.get(root):
                    continue
            except (OSError, ValueError):
                pass
            lost.append(root)
        return lost

    def _watch(self, root: str) -> bool:
        try:
            # Which folder is watched, taken before: one put in its place meanwhile is found
            # by _lost() and watched anew, never taken for the one watched.
            folder = os.stat(root)
            self._watches[root] = self._observer.schedule(_Handler(root, self.mark), root,
                                                          recursive=True)
            self._watched[root] = (folder.st_dev, folder.st_ino)
        except OSError as exc:
            # A folder not there (its drive or share not connected yet, at login say) is the
            # scans' to say, in their words: the start's, the one every `every_s`, and the
            # one follow() asks for when it is back. The system's bare 'No such file or
            # directory', naming no folder, replaced them above every page of the app.
            if self._on_error and root not in self._unwatchable and os.path.isdir(root):
                self._on_error(root, exc)
            self._unwatchable.add(root)
            return False
        self._unwatchable.discard(root)
        return True

    def mark(self, root: str, folder: str | None = None, file: str | None = None) -> None:
        """Note that `folder` (with what is inside) or `file` of `root` changed (neither:
        anything in it may have; called from watchdog's thread)."""
        with self._cond:
            now = time.monotonic()
            first, _last, seen = self._dirty.get(root, (now, now, (set(), set())))
            if seen is None or (folder is None and file is None) or \
                    len(seen[0]) + len(seen[1]) >= MAX_CHANGES:
                seen = None   # many at once (a card copied in): one walk of the whole
            else:
                (seen[0] if folder is not None else seen[1]).add(folder or file)
            self._dirty[root] = (first, now, seen)
            self._cond.notify()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop watching and join both threads, waiting `timeout` seconds at most in all (a
        rescan under way ends with its cancel flag, which is the caller's to set)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._observer.stop()
        self._observer.join(timeout=max(0.0, deadline - time.monotonic()))
        self._thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def threads(self) -> list[threading.Thread]:
        """The threads watching (for a caller that must know they ended)."""
        return [self._observer, self._thread]

    def _loop(self) -> None:
        while True:
            with self._cond:
                if self._stop:
                    return
                due = self._due(time.monotonic())
                if not due:
                    self._cond.wait(timeout=0.25)
                    continue
            for root, seen in due:
                with self._cond:
                    self._scanned[root] = time.monotonic()
                try:
                    pending = self._rescan(root, *((None, ()) if seen is None else seen))
                except Exception as exc:  # a failing rescan must not end the watch
                    pending = False
                    if self._on_error:
                        self._on_error(root, exc)
                if pending:
                    with self._cond:
                        self._recheck[root] = time.monotonic() + IN_PROGRESS_S / 2

    def _due(self, now: float) -> list[tuple[str, tuple[frozenset[str], frozenset[str]] | None]]:
        """(root, (its folders, its files) to rescan, None: all of it) for each root due; a
        root due only to look at its files still being written again names none, and one
        not rescanned for RESCAN_S is walked whole."""
        due = {r: None if seen is None else (frozenset(seen[0]), frozenset(seen[1]))
               for r, (first, last, seen) in self._dirty.items()
               if now - last >= SETTLE_S or now - first >= SETTLE_AT_MOST_S}
        due.update({r: (frozenset(), frozenset()) for r, t in self._recheck.items()
                    if now >= t and r not in due})
        due.update({r: None for r in rescan_due(self._followed, self._scanned, now,
                                                 self._every_s)})
        for r in due:
            if due[r] is None or now - self._whole.setdefault(r, now) >= WHOLE_EVERY_S:
                due[r], self._whole[r] = None, now
            self._dirty.pop(r, None)
            self._recheck.pop(r, None)
        return list(due.items())


def rescan_due(roots, scanned: dict[str, float], now: float, every_s: float) -> list[str]:
    """The roots not rescanned for `every_s` seconds (a root never rescanned yet counts from
    when it was first seen here: `scanned` is filled in for it)."""
    for root in roots:
        scanned.setdefault(root, now)
    return [r for r in roots if now - scanned[r] >= every_s]
