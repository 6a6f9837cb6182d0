"""One desktop app per home folder.

The login entry opens the app in the tray, and an owner who does not see it opens it again
from the Start menu: a second app would show a second window and tray icon, and run the
service twice over the same folders and agencies. The first app holds a lock on
`<home>/app.lock` for as long as it is open (flock, or msvcrt on Windows: file_locks.FileLock's
calls, released by the system when the app ends however it ends); a second finds it taken
and says where the first is. The command line and `run` never take it.
"""
from __future__ import annotations

import os
from pathlib import Path

from agent.file_locks import Busy, lock_file, open_lock, unlock_file

APP_LOCK = "app.lock"
# Windows keeps a new program's tray icon under the ^ arrow until the owner drags it out, so
# "by the clock" alone sends a Windows owner to look where the icon is not.
ALREADY_OPEN = ("the app is already open for {home}: open it from its icon in the tray (by "
                "the clock, at the end of the taskbar or the top bar; on Windows, if it is not "
                "there, under the ^ arrow beside the clock) or from the taskbar")


def claim(home: Path) -> int | None:
    """An open descriptor holding the home's app lock, or None when another app holds it."""
    return hold_lock(Path(home) / APP_LOCK)


def hold_lock(path: Path) -> int | None:
    """An open descriptor holding the lock on the file `path` (made if missing), or None when
    another process holds it; the system lets it go when this process ends, however."""
    fd = open_lock(path)
    try:
        lock_file(fd, wait=False)
    except Busy:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd


def release(fd: int) -> None:
    """Let the next app (or holder of a hold_lock) in: the lock goes with the descriptor."""
    try:
        unlock_file(fd)
    finally:
        os.close(fd)
