"""One demo at a time in a --dir folder: a second demo given the folder of one still running
emptied it under the first (its agent home, footage and portal) and made its own there, the
first's printed commands then naming a request no longer there. The demo holds a lock on a
file in its folder for as long as it runs (agent.app_lock's, as the app's: flock or msvcrt, released
by the system however the demo ends); a second finds it taken."""
from __future__ import annotations

from pathlib import Path

from agent.app_lock import hold_lock, release as release_lock

LOCK = "footage-agent-demo.lock"
_HELD: dict[Path, int] = {}   # folder -> the descriptor holding its lock


def hold(folder: Path) -> bool:
    """Take `folder`'s demo lock for this process; False when a running demo holds it."""
    fd = hold_lock(folder / LOCK)
    if fd is None:
        return False
    _HELD[folder] = fd
    return True


def release(folder: Path) -> None:
    """Let the next demo have `folder` (nothing when this process does not hold it)."""
    fd = _HELD.pop(folder, None)
    if fd is not None:
        release_lock(fd)
