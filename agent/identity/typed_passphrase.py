"""The owner key's passphrase as the owner typed it in the app, by home folder.

The command line reads the passphrase from FOOTAGE_AGENT_PASSPHRASE; an owner who starts the
app from a menu has no way to set that, so the app asks and hands the answer here. It is kept
in memory only, for this run, and goes before the environment's. It is looked up by home
folder, because the activity log is sealed from many places of the core that know only the
home, and two homes in one process (the tests, the demo) must not share one.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from agent.identity.keys import passphrase_from_env

_typed: dict[str, bytes] = {}
_guard = threading.Lock()


def _where(home: str | Path) -> str:
    return os.path.normcase(os.path.abspath(str(home)))


def use_passphrase(home: str | Path, passphrase: bytes | None) -> None:
    """Keep `passphrase` for `home`'s key for the rest of this run (None forgets it)."""
    with _guard:
        if passphrase:
            _typed[_where(home)] = passphrase
        else:
            _typed.pop(_where(home), None)


def passphrase_for(home: str | Path) -> bytes | None:
    """The passphrase to unlock `home`'s key with: the one typed in the app, else
    FOOTAGE_AGENT_PASSPHRASE; None when neither."""
    with _guard:
        typed = _typed.get(_where(home))
    return typed if typed is not None else passphrase_from_env()
