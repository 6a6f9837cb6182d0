"""`export --out`: the folder rule of agent/export/destination.py as a usage error (exit 2)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from agent.commands.common import UsageError
from agent.export.destination import NotThere, package_folder


def existing_folder(text: str, option: str = "--out",
                    ismount: Callable[[str], bool] = os.path.ismount,
                    said: Callable[[str], None] | None = None) -> Path:
    """The folder `text` names, or a usage error saying why it cannot take a package. A new
    folder directly inside an existing one is made, and `said`."""
    try:
        folder, made = package_folder(Path(text), ismount)
    except NotThere as exc:
        raise UsageError(f"{option} {exc}") from None
    if made and said is not None:
        said(f"made the folder {folder}")
    return folder
