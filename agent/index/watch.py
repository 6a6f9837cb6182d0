"""Keeping the index live while `footage-agent run` (or the app) is open.

watchdog reports changes under each source; a single worker thread rescans the touched sources
after changes settle, and re-checks files still marked `in-progress` until their size holds
still. Rescans are incremental, so a touched source costs a walk, not a re-probe of every file.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from agent.index.scan import IN_PROGRESS_S

SETTLE_S = 1.0


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
                 on_error: Callable[[str, Exception], None] | None = None):
        self._roots = list(roots)
        self._rescan = rescan
        self._on_error = on_error
        self._dirty: dict[str, float] = {}
        self._recheck: dict[str, float] = {}
        self._cond = threading.Condition()
        self._stop = False
        self._observer = Observer()
        self._thread = threading.Thread(target=self._loop, name="footage-agent-watch", daemon=True)

    def start(self) -> None:
        for root in self._roots:
            try:
                self._observer.schedule(_Handler(root, self.mark), root, recursive=True)
            except OSError as exc:
                if self._on_error:
                    self._on_error(root, exc)
        self._observer.start()
        self._thread.start()

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
        for r in due:
            self._dirty.pop(r, None)
            self._recheck.pop(r, None)
        return due
