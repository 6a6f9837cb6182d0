"""Keeping the index live while `footage-agent run` (or the app) is open.

watchdog reports changes under each source; a single worker thread rescans the touched sources
after changes settle, and re-checks files still marked `in-progress` until their size holds
still. Rescans are incremental, so a touched source costs a walk, not a re-probe of every file.

What the system reports is not all that changes: on a NAS share (SMB, NFS) a recorder writing
from another machine is not reported to this PC on Linux or macOS, nor is a share or card
mounted again over the folder watched. So every folder is also rescanned every RESCAN_S,
whether or not anything was reported.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from agent.index.scan import IN_PROGRESS_S

SETTLE_S = 1.0
RESCAN_S = 300.0   # a walk of 30,000 unchanged files takes a few seconds


class _Handler(FileSystemEventHandler):
    def __init__(self, root: str, mark: Callable[[str], None]):
        self._root = root
        self._mark = mark

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        self._mark(self._root)


class Watcher:
    """Watches source roots and calls `rescan(root)` on its own thread when they change."""

    def __init__(self, roots: list[str], rescan: Callable[[str], bool],
                 on_error: Callable[[str, Exception], None] | None = None,
                 every_s: float = RESCAN_S):
        self._roots = list(roots)
        self._every_s = every_s
        self._followed = list(roots)               # rescanned every `every_s`, watched or not
        self._scanned: dict[str, float] = {}      # root -> when it was last rescanned
        self._rescan = rescan
        self._on_error = on_error
        self._watches: dict[str, object] = {}   # root -> watchdog's ObservedWatch
        self._unwatchable: set[str] = set()       # said once; tried again by follow()
        self._dirty: dict[str, float] = {}
        self._recheck: dict[str, float] = {}
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
        watched before (its drive was out) and can now, is watched and marked for a rescan,
        as its recordings may be new to the index; one no longer listed is let go. The roots
        newly watched."""
        with self._cond:
            self._followed = list(roots)
        for gone in set(self._watches) - set(roots):
            self._observer.unschedule(self._watches.pop(gone))
        self._unwatchable &= set(roots)
        new = [r for r in roots if r not in self._watches and self._watch(r)]
        for root in new:
            self.mark(root)
        return new

    def _watch(self, root: str) -> bool:
        try:
            self._watches[root] = self._observer.schedule(_Handler(root, self.mark), root,
                                                          recursive=True)
        except OSError as exc:
            if self._on_error and root not in self._unwatchable:
                self._on_error(root, exc)
            self._unwatchable.add(root)
            return False
        self._unwatchable.discard(root)
        return True

    def mark(self, root: str) -> None:
        """Note that something under `root` changed (called from watchdog's thread)."""
        with self._cond:
            self._dirty[root] = time.monotonic()
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
            for root in due:
                with self._cond:
                    self._scanned[root] = time.monotonic()
                try:
                    pending = self._rescan(root)
                except Exception as exc:  # a failing rescan must not end the watch
                    pending = False
                    if self._on_error:
                        self._on_error(root, exc)
                if pending:
                    with self._cond:
                        self._recheck[root] = time.monotonic() + IN_PROGRESS_S / 2

    def _due(self, now: float) -> list[str]:
        due = [r for r, t in self._dirty.items() if now - t >= SETTLE_S]
        due += [r for r, t in self._recheck.items() if now >= t and r not in due]
        due += [r for r in rescan_due(self._followed, self._scanned, now, self._every_s)
                if r not in due]
        for r in due:
            self._dirty.pop(r, None)
            self._recheck.pop(r, None)
        return due


def rescan_due(roots, scanned: dict[str, float], now: float, every_s: float) -> list[str]:
    """The roots not rescanned for `every_s` seconds (a root never rescanned yet counts from
    when it was first seen here: `scanned` is filled in for it)."""
    for root in roots:
        scanned.setdefault(root, now)
    return [r for r in roots if now - scanned[r] >= every_s]
