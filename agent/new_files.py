"""Putting a finished file in place under a name that must be new: the owner key, a retired
key, an outbox tar. Never replacing a file already there, and never showing the name before
every byte is written.

A hard link from a finished temporary file does both in one step, and is what is tried first.
But FAT32 and exFAT (most USB sticks and SD cards) make no hard links, nor do some network
shares: Windows says "Incorrect function" (ERROR_INVALID_FUNCTION) or ERROR_NOT_SUPPORTED,
Linux EPERM, macOS and SMB mounts ENOTSUP, and a home kept on such a drive failed to make its
key ("Could not create the owner key: ... Incorrect function") or its upload tar. There the
file is renamed into place instead: on Windows a rename never replaces (FileExistsError, as a
link), elsewhere the name is first claimed with an exclusive create and the finished file
renamed over that empty claim of our own.
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from agent.storage import BINARY, replace

SYSTEM = os.name   # the system whose branch `place_new` takes (the tests take Windows' too)

# What a drive that makes no hard links says: Windows' codes (ERROR_INVALID_FUNCTION,
# ERROR_NOT_SAME_DEVICE, ERROR_NOT_SUPPORTED, ERROR_INVALID_PARAMETER from some NAS), else the
# errno (Linux's vfat and exfat say EPERM; SMB and macOS ENOTSUP/EOPNOTSUPP).
_WINDOWS_NO_LINK = frozenset({1, 17, 50, 87})
_NO_LINK = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS})


def makes_no_links(exc: OSError) -> bool:
    """True when `exc` says the drive makes no hard links (not that the name is taken)."""
    win = getattr(exc, "winerror", None)
    if win is not None:
        return win in _WINDOWS_NO_LINK
    return exc.errno in _NO_LINK


def place_new(tmp: Path, dest: Path, os_name: str | None = None) -> None:
    """Give the finished, fsync'd file `tmp` (a sibling of `dest`) the name `dest`;
    FileExistsError when `dest` is there, which is never replaced. `tmp` may be left (after
    a link) or gone (after a rename): the caller removes it with missing_ok."""
    try:
        os.link(tmp, dest)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if not makes_no_links(exc):
            raise
    if (os_name or SYSTEM) == "nt":
        replace(tmp, dest, "nt", move=os.rename)   # Windows' rename never replaces a file
        return
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)   # the claim
    os.close(fd)
    try:
        replace(tmp, dest)
    except BaseException:
        os.unlink(dest)   # only ever our own empty claim
        raise


def copy_new(src: Path, dest: Path) -> None:
    """A copy of `src` at `dest`, which must be new (FileExistsError when it is there):
    written to a temporary sibling, fsync'd, then placed (`place_new`); owner-only."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as source:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())
        place_new(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
