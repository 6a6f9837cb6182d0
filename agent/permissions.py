"""Owner-only folders on every system: the home folder holds the owner's key, portal tokens and
what they decided about police requests, so nobody else on the PC may read it.

POSIX: mode 0700 on the folder (and 0600 on each secret file, set where it is written).
Windows: chmod only flips the read-only flag there, so the folder gets an access control list
instead: full control for the owner and SYSTEM (the OS itself, which can read any file anyway;
leaving it out would only break backup and search services), nothing inherited from the
folder above, and no grant to Everyone, Authenticated Users or Users. Its entries are
inherited by every file and folder made inside, so the key and token files are covered the
moment they are created. The ACL is applied with `icacls` (present on every Windows since
Vista), the user's SID read with `whoami`, both run from System32 by their full path; both
command lines are built as data here, so tests on any system check exactly what would run.

A drive formatted FAT32 or exFAT (USB sticks, SD cards) keeps neither: Linux refuses the
chmod (EPERM), Windows' icacls fails in its own words. A home is never made there: the owner
is told why, and where to put it, before anything is written (unprotected_drive_words).
"""
from __future__ import annotations

import csv
import errno
import io
import ntpath
import os
import re
import stat
import subprocess
from pathlib import Path
from typing import Callable, Mapping

from agent.file_systems import fat_family, file_system, owners_name

SYSTEM_SID = "S-1-5-18"
# Groups a new folder may grant rights to through inheritance: Everyone, Authenticated Users,
# Users (well-known SIDs, the same in every language of Windows).
BROAD_SIDS = ("S-1-1-0", "S-1-5-11", "S-1-5-32-545")


def system_program(name: str, env: Mapping[str, str] = os.environ) -> str:
    """Windows' own `name`.exe, in the System32 folder of the Windows folder the system names
    (%SystemRoot%). Never found by name: Windows looks for a program so named in the folder
    the command runs in before System32, and a `whoami.exe` downloaded to the folder an owner
    runs footage-agent in would run in its place."""
    windows = env.get("SystemRoot") or env.get("windir") or "C:\\Windows"
    return ntpath.join(windows, "System32", f"{name}.exe")


WHOAMI = [system_program("whoami"), "/user", "/fo", "csv", "/nh"]
# Windows' console programs write in the console's (OEM) code page, which the ANSI default
# would misread; a byte that decodes to nothing (an account named Müller, "\x81" in page 850)
# must not stop the home being made: only the SID, ASCII, is read.
_CONSOLE_TEXT = {"text": True, "encoding": "oem" if os.name == "nt" else None,
                 "errors": "replace"}
_SID = re.compile(r"^S-1-\d+(-\d+)+$")
_MADE_PRIVATE: set[Path] = set()   # folders given the access list in this run (Windows)


class PermissionsError(OSError):
    """The folder could not be made owner-only; the message says which and why."""


def make_folder(path: Path, mode: int = 0o700) -> None:
    """Make the folder `path` (and those above it) unless it is there. A file in its place (a
    sync tool's or a restore's doing) raises NotADirectoryError, whose words say the path is
    not a folder: mkdir's "already exists" would read as nothing being wrong, and its advice
    ("choose another name") is none for a folder of the home."""
    try:
        path.mkdir(mode=mode, parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from None


def unused_folder(path: Path) -> bool:
    """True when `path` is not there yet or is an empty folder: nothing of the agent's is in
    it, so it is `new` to owner_only_folder. An empty one is a home the owner made for the
    app (in Explorer, for `--home`), or one whose access list could not be set the last time
    (the error stopped the start before anything was written): both are made private now."""
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except FileNotFoundError:
        return True
    except NotADirectoryError:
        return False


def unprotected_drive_words(path: Path,
                            ask: Callable[[Path], str | None] = file_system) -> str | None:
    """Why `path` cannot be the home (what the owner reads), when the drive it is on (`ask`
    names its file system: Windows' GetVolumeInformationW, Linux's mountinfo) keeps no
    permissions; None when it keeps them or cannot be told."""
    name = ask(path)
    if not fat_family(name):
        return None
    return (f"it is on a drive formatted {owners_name(name)} (a USB stick or SD card), which "
            "keeps no permissions: the home holds your owner key, the agencies' sign-in tokens "
            "and your decisions on police requests, and there every account on this computer, "
            "and anyone the drive is handed to, could read them. Nothing was written to it. "
            "Use a folder on this computer's own disk (leave out --home and "
            "FOOTAGE_AGENT_HOME for the usual one), or a drive formatted NTFS")


def owner_only_folder(path: Path, new: bool, os_name: str = os.name) -> None:
    """Make the existing folder `path` readable by its owner alone.

    POSIX: tightened to 0700 whenever it is looser. Windows: the owner-only ACL is applied
    when the folder is `new` (unused_folder, asked before it was made: applying it costs
    three processes; a folder made owner-only stays so unless someone changes it on purpose).
    """
    if os_name == "nt":
        # A home stays empty until something is written, and several parts of one run ask
        # for it: the access list is set once a run (it is inherited by what comes after).
        if new and Path(path) not in _MADE_PRIVATE:
            apply_windows_acl(Path(path))
            _MADE_PRIVATE.add(Path(path))
        return
    if stat.S_IMODE(Path(path).stat().st_mode) != 0o700:
        Path(path).chmod(0o700)


def apply_windows_acl(path: Path, run=subprocess.run) -> None:
    """Run the `icacls` commands that make `path` owner-only (Windows)."""
    sid = current_user_sid(run)
    for argv in owner_only_acl_commands(path, sid):
        done = run(argv, capture_output=True, timeout=30, **_CONSOLE_TEXT)
        if done.returncode != 0:
            raise PermissionsError(f"cannot make {path} private to your account "
                                   f"({' '.join(argv[2:3])} failed: "
                                   f"{(done.stderr or done.stdout).strip()[:200]})")


def owner_only_acl_commands(path: Path, sid: str,
                            env: Mapping[str, str] = os.environ) -> list[list[str]]:
    """The icacls command lines, in order: grant the owner and SYSTEM full control of the
    folder and everything made in it (replacing their earlier grants), stop inheriting the
    entries of the folder above, and remove what broad groups were granted."""
    if not _SID.match(sid):
        raise ValueError(f"{sid!r} is not a Windows security identifier")
    target, icacls = str(path), system_program("icacls", env)
    inherited = "(OI)(CI)F"   # object and container inherit: every file and folder inside
    return [
        [icacls, target, "/grant:r", f"*{sid}:{inherited}", f"*{SYSTEM_SID}:{inherited}",
         "/q"],
        [icacls, target, "/inheritance:r", "/q"],
        [icacls, target, "/remove:g", *(f"*{s}" for s in BROAD_SIDS), "/q"],
    ]


def current_user_sid(run=subprocess.run) -> str:
    """The SID of the account this runs as (Windows), from `whoami /user`."""
    done = run(WHOAMI, capture_output=True, timeout=30, **_CONSOLE_TEXT)
    if done.returncode != 0:
        raise PermissionsError(f"cannot tell which account this is (whoami: "
                               f"{done.stderr.strip()[:200]})")
    return parse_whoami_sid(done.stdout)


def parse_whoami_sid(text: str) -> str:
    """The SID in `whoami /user /fo csv /nh` output: `"pc\\ann","S-1-5-21-..."`."""
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and _SID.match(row[-1].strip()):
            return row[-1].strip()
    raise PermissionsError(f"whoami gave no account SID: {text.strip()[:200]!r}")
