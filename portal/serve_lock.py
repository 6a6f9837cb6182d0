"""One `serve` per portal folder.

A portal folder is served by one process. A second one started on the same folder rewrote
agency.json with its own origin, so requests signed from then on named its upload endpoint,
which owners who imported the first one's file refuse (protocol.md, request rule 8); and what
one process keeps in memory (the calls each registration made this minute, the lock held while
a submission of an upload is stored) the other would not see. The administrative commands
(`request create`, `invite create`, `submissions`, ...) only use the folder's SQLite database
and run beside the one `serve`.

The claim is an exclusive lock on `serve.lock` in the folder, held while serving: flock on
POSIX, msvcrt on Windows (where a locked byte cannot be read through another handle, so the
lock is a byte far past the origin written in the file, which the refused process reads to
say where the folder is served). The system drops it when the process ends, however it ends.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from portal.errors import PortalError

LOCK_NAME = "serve.lock"
BINARY = getattr(os, "O_BINARY", 0)
# Locking past the end of a file is allowed on Windows; the offset fits the C runtime's long.
_LOCK_BYTE = 2**31 - 2


@dataclass(frozen=True)
class ServeClaim:
    """The lock on a folder held by the process serving it."""

    fd: int
    path: Path


def claim_folder(state_dir: Path, os_name: str = os.name, module=None) -> ServeClaim:
    """Take the folder for this process's `serve`, or PortalError saying which origin serves
    it already. `module`: fcntl or msvcrt (found by `os_name` when None)."""
    path = Path(state_dir) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | BINARY, 0o600)
    except OSError as exc:
        raise PortalError(f"Cannot open {path}: {exc.strerror or exc}.") from None
    if not _try_lock(fd, os_name, module):
        served = _read_origin(fd)
        os.close(fd)
        raise PortalError(already_served(Path(state_dir), served))
    return ServeClaim(fd, path)


def note_origin(claim: ServeClaim, origin: str) -> None:
    """Write the origin served into the lock file, for a second `serve` to name."""
    os.ftruncate(claim.fd, 0)
    os.lseek(claim.fd, 0, os.SEEK_SET)   # Windows has no os.pwrite
    os.write(claim.fd, origin.encode("utf-8"))


def release_folder(claim: ServeClaim, os_name: str = os.name, module=None) -> None:
    """Give the folder up (closing the descriptor drops the lock too)."""
    try:
        if os_name == "nt":
            msvcrt = module or __import__("msvcrt")
            os.lseek(claim.fd, _LOCK_BYTE, os.SEEK_SET)
            msvcrt.locking(claim.fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl = module or __import__("fcntl")
            fcntl.flock(claim.fd, fcntl.LOCK_UN)
    except OSError:
        pass
    finally:
        os.close(claim.fd)


def already_served(state_dir: Path, origin: str | None) -> str:
    """What a second `serve` of a folder is told."""
    where = f" at {origin}" if origin else ""
    return (f"Another footage-portal serve is serving {state_dir}{where} already. A portal "
            "folder is served by one process only (a second would publish its own address in "
            "agency.json, and requests signed after that name an upload address the owners' "
            "agency files do not): stop the other one first, or serve another folder.")


def _try_lock(fd: int, os_name: str, module) -> bool:
    if os_name == "nt":
        msvcrt = module or __import__("msvcrt")
        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    fcntl = module or __import__("fcntl")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_origin(fd: int) -> str | None:
    """The origin the serving process wrote (a short line), if it can be read."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 300).decode("utf-8", "replace").strip()
    except OSError:
        return None
    return text if text.isprintable() and text else None
