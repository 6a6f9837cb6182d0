"""One scan of a recordings folder at a time.

The app's first-run step scans the folder it adds while the service's watcher scans the same
new folder on its own, and `footage-agent scan` may run beside `run`. Two scans of one folder
at once each read what was indexed before either wrote, so both reported the same new files
as added and the same vanished files as gone. Scans of one folder therefore take turns: within
a process by a lock per folder, across processes by file_locks.FileLock's lock on a file per folder
in the home (flock, or msvcrt on Windows). Scans of different folders never wait for each other.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from agent.os_words import plain_home_error
from agent.permissions import make_folder
from agent.file_locks import Busy, lock_file, open_lock, unlock_file

TURNS_DIR = "scan-turns"
_TRY_EVERY_S = 0.1   # how often a waiting scan looks again, and so how soon it sees a cancel


class TurnsUnusable(Exception):
    """The turns' file or folder in the home cannot be used; the message says why, plainly."""


class ScanTurns:
    """The turns of the scans of each folder (by its source id) of one home."""

    def __init__(self, home: Path):
        self._folder = Path(home) / TURNS_DIR
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}
        self._waiting: dict[int, int] = {}

    def waiting(self, source_id: int) -> int:
        """How many scans of this folder in this process wait for their turn."""
        with self._guard:
            return self._waiting.get(source_id, 0)

    @contextmanager
    def turn(self, source_id: int, cancel: threading.Event | None = None) -> Iterator[bool]:
        """Hold the folder's turn for the block: True once it is this scan's, False when
        `cancel` was set while it waited (the block must then scan nothing)."""
        cancel = cancel or threading.Event()
        with self._guard:
            lock = self._locks.setdefault(source_id, threading.Lock())
            self._waiting[source_id] = self._waiting.get(source_id, 0) + 1
        held, fd, locked = False, None, False
        try:
            try:   # waiting counts until both locks are this scan's
                held = _acquired(lock, cancel)
                if held:
                    fd = self._open(source_id)
                    locked = _file_locked(fd, cancel)
            finally:
                with self._guard:
                    self._waiting[source_id] -= 1
            yield locked
        finally:
            try:
                if fd is not None:
                    try:
                        if locked:
                            unlock_file(fd)
                    finally:
                        os.close(fd)
            finally:
                if held:
                    lock.release()

    def _open(self, source_id: int) -> int:
        path = self._folder / f"{source_id}.lock"
        try:
            make_folder(self._folder)
            return open_lock(path)
        except OSError as exc:   # a sync tool or a restore left them so: not the folder's fault
            raise TurnsUnusable("cannot keep the scans' turns in footage-agent's folder: "
                                + plain_home_error(exc)) from None


def _acquired(lock: threading.Lock, cancel: threading.Event) -> bool:
    """Take `lock`, looking again every moment so a cancel (a stopping service) is seen."""
    while not lock.acquire(timeout=_TRY_EVERY_S):
        if cancel.is_set():
            return False
    return True


def _file_locked(fd: int, cancel: threading.Event) -> bool:
    """Take the file lock on `fd`, in tries, so a cancel is seen while another process scans."""
    while True:
        try:
            lock_file(fd, wait=False)
            return True
        except Busy:
            if cancel.wait(_TRY_EVERY_S):
                return False

