"""Exclusive locks on a file across processes: flock on POSIX, msvcrt on Windows, where the
lock is a byte far past the file's data, tried again in short tries while another holds it.

For work that must not run twice at once: one app per home, a folder's scan, an approval's
delivery, the audit log's appends.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from agent.storage import BINARY

_TRY_EVERY_S = 0.05   # between tries of a lock another process holds on Windows


class Busy(Exception):
    """Another process holds the lock."""


class FileLock:
    """Exclusive lock on an open file across processes: flock on POSIX, msvcrt on Windows.

    `wait=False` raises Busy instead of waiting: for work that must not run twice at once,
    such as delivering one request from both the app and `footage-agent run`. Waiting is done
    in short tries on Windows (msvcrt's own waiting lock gives up after ten seconds, and an
    error then must never mean "go on unlocked").
    """

    def __init__(self, fd: int, wait: bool = True) -> None:
        self.fd = fd
        self.wait = wait

    def __enter__(self) -> "FileLock":
        lock_file(self.fd, self.wait)
        return self

    def __exit__(self, *exc) -> None:
        unlock_file(self.fd)


# Windows locks are mandatory: a locked byte cannot be read through any other handle, even in
# the same process. The lock is a byte far past any data (the audit log is locked through its
# own descriptor), so `log verify` and the app's log page read while a record is appended.
# Locking past the end of a file is allowed; the offset fits the C runtime's 32-bit `long`.
_LOCK_BYTE = 2**31 - 2


def open_lock(path: Path) -> int:
    """A descriptor on the lock file `path` (made, private, if absent; binary on Windows,
    where the lock is a byte far past its end), for lock_file or FileLock."""
    return os.open(path, os.O_RDWR | os.O_CREAT | BINARY, 0o600)


def lock_file(fd: int, wait: bool, os_name: str = os.name, module=None,
              sleep=time.sleep) -> None:
    """Take the lock on `fd` (`module`: fcntl or msvcrt, found by `os_name` when None)."""
    if os_name == "nt":
        msvcrt = module or __import__("msvcrt")
        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        while True:   # the same byte is the lock in every process
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if not wait:
                    raise Busy() from None
                sleep(_TRY_EVERY_S)
    fcntl = module or __import__("fcntl")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        raise Busy() from None


def unlock_file(fd: int, os_name: str = os.name, module=None) -> None:
    """Release the lock `lock_file` took."""
    if os_name == "nt":
        msvcrt = module or __import__("msvcrt")
        try:
            os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    fcntl = module or __import__("fcntl")
    fcntl.flock(fd, fcntl.LOCK_UN)
