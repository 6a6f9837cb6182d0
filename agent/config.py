"""Where the agent keeps its state, and the owner's settings.

The home folder (config, index, keys, holds, log) is `--home`, else `FOOTAGE_AGENT_HOME`, else
the platform's user data folder. It is created owner-only (0700; an owner-only ACL on Windows,
agent/permissions.py): it holds the owner's key and what they decided about police requests.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from agent.json_words import json_fault
from agent.os_words import plain_home_error, plain_os_error
from agent.owner_paths import owner_path
from agent.permissions import owner_only_folder, unprotected_drive_words, unused_folder
from agent.storage import read_file_start, write_atomic

ENV_HOME = "FOOTAGE_AGENT_HOME"
# Far past any settings file the app writes (a few hundred bytes): a larger one is no settings,
# and it is read no further (a sync program's 2 GB file, a link to /dev/zero, cost only this).
SETTINGS_LIMIT = 1 << 20


class ConfigError(Exception):
    """The home folder or settings file cannot be used; the message says what to do."""


def resolve_home(explicit: str | os.PathLike | None = None) -> Path:
    """The home folder to use: explicit argument, then the environment, then platformdirs.
    A drive letter alone (`E:`) is the drive's root (owner_paths.py)."""
    if explicit:
        return owner_path(explicit)
    env = os.environ.get(ENV_HOME)
    if env:
        return owner_path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("footage-agent", appauthor=False))


def ensure_home(home: Path) -> Path:
    """Create the home folder 0700 (and tighten an existing one); return it."""
    try:
        new = unused_folder(home)
        # A stick or card keeps no permissions: said before a home is made there, and for
        # one already there when making it private fails (Linux refuses the chmod).
        refused = unprotected_drive_words(home) if new else None
        if refused is None:
            home.mkdir(mode=0o700, parents=True, exist_ok=True)
            owner_only_folder(home, new)   # 0700, or an owner-only ACL on Windows
    except OSError as exc:
        refused = unprotected_drive_words(home) or plain_os_error(exc, str(home))
    if refused is not None:
        raise ConfigError(f"cannot use {home} as the agent's home folder: {refused}")
    if not os.access(home, os.W_OK):
        _writable(home)
    return home


def _writable(home: Path) -> None:
    """ConfigError saying why `home` cannot be written (a read-only disk, permission denied),
    found by trying: os.access only says that it cannot, and on Windows it reads a folder's
    read-only flag, which Windows itself ignores for folders."""
    try:
        with tempfile.TemporaryFile(dir=home):
            return
    except OSError as exc:
        raise ConfigError(f"cannot use {home} as the agent's home folder: "
                          f"{plain_os_error(exc, str(home))}") from None


@dataclass(frozen=True)
class Settings:
    """Owner settings kept in `<home>/settings.json`; unknown keys are kept on rewrite."""

    poll_interval_s: int = 300
    upload_rate_limit_bps: int | None = None
    keep_running_in_tray: bool = True
    holds_on_new_request: bool = False


def load_settings(home: Path) -> Settings:
    """Read settings; a missing file gives the defaults, a broken one a clear error (the file
    left as it is: the owner may want to look at it, or put back a copy)."""
    path = home / "settings.json"
    try:
        data = read_file_start(path, SETTINGS_LIMIT + 1)   # a pipe or device: OSError, unread
        if len(data) > SETTINGS_LIMIT:
            raise _unusable(path, "it is far larger than any settings file (over 1 MiB)")
        # utf-8-sig: Windows Notepad's "UTF-8 with BOM" marks the start, no part of the text
        raw = json.loads(data.decode("utf-8-sig"))
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise ConfigError(f"the settings cannot be read: {plain_home_error(exc, str(path))}") \
            from None
    except (ValueError, RecursionError) as exc:   # not text, or not JSON
        raise _unusable(path, json_fault(exc)) from None
    if not isinstance(raw, dict):
        raise _unusable(path, "it holds no settings")
    for name, (fits, kind) in _KINDS.items():
        if name in raw and not fits(raw[name]):
            shown = json.dumps(raw[name], ensure_ascii=False)[:40]
            raise _unusable(path, f"its {name} is {shown}, where {kind} belongs")
    return replace(Settings(), **{k: raw[k] for k in asdict(Settings()) if k in raw})


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# What each setting may hold, as the app's Settings page writes it. A hand edit that says
# otherwise was read wrong ("no" is true to Python) or failed far from here in Python's words
# ("300" reached the poll, 0 every upload), so it is refused by name when the file is read.
_KINDS = {
    "poll_interval_s": (_whole, "a whole number of seconds"),
    "upload_rate_limit_bps": (lambda v: v is None or (_whole(v) and v >= 1),
                              "null (no limit) or a whole number of bytes per second, 1 or more"),
    "keep_running_in_tray": (lambda v: isinstance(v, bool), "true or false"),
    "holds_on_new_request": (lambda v: isinstance(v, bool), "true or false"),
}


def _unusable(path: Path, why: str) -> ConfigError:
    """The words for a settings file that is there but cannot be used: it holds only the
    owner's preferences, so deleting it is a way out that loses nothing else."""
    return ConfigError(f"the settings file {path} cannot be used: {why}: fix it, or delete it "
                       "to go back to the default settings")


def settings_stamp(home: Path) -> tuple[int, int, int] | None:
    """What tells one saving of `<home>/settings.json` from the next (its modification time,
    size and file number: each save is a new file moved into place), or None without one."""
    try:
        st = os.stat(home / "settings.json")
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def save_settings(home: Path, settings: Settings) -> None:
    """Write settings atomically (a crash leaves the old file, never half a file)."""
    path = home / "settings.json"
    try:
        extra = json.loads(read_file_start(path, SETTINGS_LIMIT).decode("utf-8-sig"))
        if not isinstance(extra, dict):
            extra = {}
    except (OSError, ValueError, RecursionError):
        extra = {}
    extra.update(asdict(settings))
    try:
        write_atomic(path, json.dumps(extra, indent=2, sort_keys=True).encode())
    except OSError as exc:   # a full disk, say: the settings kept are as they were
        raise ConfigError("cannot save the settings: " + plain_home_error(exc, str(path))) \
            from None
