"""`export --out`: the folder rule of agent/export/destination.py as a usage error (exit 2)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from agent.commands.common import UsageError
from agent.export.destination import NotThere, package_folder


def existing_folder(text: str, option: str = "--out",
                    ismount: Callable[[str], bool] = os.path.ismount) -> tuple[Path, bool]:
    """The folder `text` names, and whether it was made now (a new folder directly inside an
    existing one is); a usage error saying why it cannot take a package."""
    try:
        return package_folder(Path(text), ismount)
    except NotThere as exc:
        raise UsageError(f"{option} {exc}") from None
