"""A folder the owner typed (`sources add PATH`, `scan PATH`, `--out`, `--home`, a folder box
of the app) as the whole path they mean.

On Windows `E:` alone names no folder but "the folder E: was last at", a relative path:
Python 3.11's `Path("E:").absolute()` keeps it `E:`, so an SD card added as `E:` was stored
relative, its files indexed as `E:DCIM\\...`, and `Path.as_uri()` (the audit seal opens the
log so) raised on a home given as `E:`. An owner typing a drive letter means the drive, its
root `E:\\`. A computer on the network with no shared folder (`\\\\nas`) is no folder at all
(Python 3.11 read it as `C:\\nas`, a folder on this PC): it is refused, saying what to add.
"""
from __future__ import annotations

import ntpath
import os
import posixpath
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from agent.errors import UsageProblem

SYSTEM = os.name   # the system whose rules `owner_path` takes (the tests take Windows' too)

_DRIVE_ALONE = re.compile(r"[A-Za-z]:(?![\\/])")
# \\server\share: a leading pair of slashes, the server, then the share. \\?\ and \\.\ are
# Windows' own prefixes (a long path, a device), never a server.
_SERVER = re.compile(r"[\\/]{2}(?![?.][\\/])([^\\/]*)[\\/]*([^\\/]*)")


class NotAFolderPath(UsageProblem):
    """The owner typed what names no folder (a network computer without its shared folder)."""


def owner_path(text: str | os.PathLike) -> Path:
    """The whole path `text` names on this computer (`~` expanded, a relative one under the
    current folder, `E:` the drive's root); NotAFolderPath for `\\\\server` alone."""
    return Path(absolute_text(os.fspath(text), SYSTEM, os.getcwd()))


def drive_rooted(text: str, system: str | None = None) -> str:
    """`text` with `~` expanded and, by Windows' rules, a drive letter with no backslash after
    it read from the drive's root (`E:` -> `E:\\`, `E:DCIM` -> `E:\\DCIM`), as an owner means
    it; NotAFolderPath for a network computer named without its shared folder. Otherwise
    unchanged: a relative path stays relative."""
    if (system or SYSTEM) != "nt":
        return posixpath.expanduser(text)
    text = ntpath.expanduser(text)
    server = _SERVER.match(text)
    if server is not None and not (server.group(1) and server.group(2)):
        raise NotAFolderPath(_no_share_words(text, server.group(1)))
    if _DRIVE_ALONE.match(text):
        return f"{text[:2]}\\{text[2:]}"
    return text


def absolute_text(text: str, system: str, cwd: str) -> str:
    """`text` as a whole path by `system`'s rules ("nt" or "posix"): `drive_rooted`, then a
    path still relative is taken under `cwd` (`\\Cams` on Windows is on `cwd`'s drive)."""
    flavour = PureWindowsPath if system == "nt" else PurePosixPath
    path = flavour(drive_rooted(text, system))
    return str(path if path.is_absolute() else flavour(cwd, path))


def _no_share_words(text: str, server: str) -> str:
    """Why `\\\\server` is no folder, and what to type instead (each part a sentence the app
    translates: gui/views/core_templates.py)."""
    what = "a computer on your network, not one of its shared folders" if server else "no computer"
    example = f"\\\\{server or 'nas'}\\Recordings"
    return (f"{text} names {what}: give the whole shared folder, such as {example} (File "
            "Explorer shows a computer's shared folders when you open it)")
