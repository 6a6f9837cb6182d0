"""`export --out` and `--home`: the folder rule of agent/export/destination.py as a usage error
(exit 2)."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from agent.commands.common import UsageError
from agent.config import ENV_HOME, resolve_home
from agent.errors import AgentError
from agent.export.destination import NotThere, package_folder, where_it_cannot_be
from agent.os_words import plain_os_error
from agent.owner_paths import NotAFolderPath, drive_rooted, owner_path
from frp.text import one_line


def existing_folder(text: str, option: str = "--out",
                    ismount: Callable[[str], bool] = os.path.ismount) -> tuple[Path, bool]:
    """The folder `text` names, and whether it was made now (a new folder directly inside an
    existing one is); a usage error saying why it cannot take a package. `E:` is the drive's
    root (owner_paths.py)."""
    try:
        return package_folder(Path(drive_rooted(text)), ismount)
    except (NotThere, NotAFolderPath) as exc:
        raise UsageError(f"{option} {exc}") from None


def check_new_home(explicit: str | None, ismount: Callable[[str], bool] = os.path.ismount) -> None:
    """A usage error when the home chosen (`explicit` --home, else FOOTAGE_AGENT_HOME) is new
    and not directly inside an existing folder, or on a drive's empty mount point: a typo or an
    unplugged stick would otherwise get a new, empty home (no folders, agencies or key) made
    there, every missing folder with it. The default home is the system's, made as needed.
    An empty or blank --home (`--home "$DIR"` with DIR not set), or a blank FOOTAGE_AGENT_HOME,
    is refused too: it would be the owner's own home, or a new one named with spaces."""
    _not_blank(explicit)
    text, option = (explicit, "--home") if explicit else (os.environ.get(ENV_HOME), ENV_HOME)
    if not text:
        return
    try:
        home = owner_path(text)
    except NotAFolderPath as exc:
        raise UsageError(f"{option} {exc}") from None
    if home.exists():
        return   # ensure_home says what is wrong with one that is there (a file, read-only)
    problem = where_it_cannot_be(home, ismount)
    if problem is not None:
        raise UsageError(f"{option} {home}{problem}")


def home_to_read(explicit: str | None) -> Path:
    """The home a command only reads from (`verify`: the agencies trusted there), made by
    nothing: a detective or an expert checking a package on their own computer has no owner's
    home, and none is made for them. Blank or no folder at all is a usage error, as for
    check_new_home; one that is not there is read as holding nothing. A file, or a folder this
    account cannot read, is said (exit 2, exit 1): it was read as trusting no agency, and
    every clip's signer then as not trusted, with no word of why."""
    _not_blank(explicit)
    option = "--home" if explicit else ENV_HOME
    try:
        home = resolve_home(explicit)
    except NotAFolderPath as exc:
        raise UsageError(f"{option} {exc}") from None
    named = f"{option} {one_line(str(home))}" if explicit or os.environ.get(ENV_HOME) \
        else f"footage-agent's folder {one_line(str(home))}"
    try:   # a home whose parent this account may not enter is not "not there"
        folder = stat.S_ISDIR(os.stat(home).st_mode)
        if folder:   # the agencies trusted there are read from it
            os.scandir(home).close()
    except FileNotFoundError:
        return home
    except OSError as exc:
        raise AgentError(f"cannot read the agencies trusted in {named}: "
                         f"{plain_os_error(exc, str(home))}") from None
    if not folder:
        raise UsageError(f"{named} is a file, not a folder: give the folder footage-agent "
                         "keeps its files in (the agencies trusted there are read from it)"
                         + (", or leave --home out" if explicit else ""))
    return home


def _not_blank(explicit: str | None) -> None:
    """A usage error for an empty or blank --home, or a blank FOOTAGE_AGENT_HOME (an empty one
    is taken as not set, as variables usually are)."""
    if explicit is not None and not explicit.strip():
        raise UsageError("--home is empty: give the folder footage-agent keeps its files in, or "
                         f"leave --home out to use {ENV_HOME} or the usual folder")
    env = os.environ.get(ENV_HOME)
    if explicit is None and env and not env.strip():
        raise UsageError(f"{ENV_HOME} is blank: set it to the folder footage-agent keeps its "
                         "files in, or unset it to use the usual folder")
