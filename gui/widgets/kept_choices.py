"""Choices the owner made that the app keeps for the next time, in `gui.ini` in the agent's
home beside the window's place (gui.shell.geometry): the folder exports were last saved in,
so a USB stick's or a shared folder is offered again, after the app was closed too.

QSettings may be used from any thread (each call makes its own): the export job keeps the
folder, the page reads it while it loads, neither on the GUI thread.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILE = "gui.ini"
EXPORT_FOLDER = "export/folder"


def kept_settings(home: Path) -> QSettings | None:
    """The app's kept choices (`gui.ini`), or None when something other than an ordinary file
    stands in its place, as a sync program or anyone who can write the home may leave: a named
    pipe, which QSettings read waiting for a writer for ever (the app never opened its window),
    a device, a folder. Nothing is read or kept then: the window opens at a fitted size, and
    exports are offered their default folder."""
    path = Path(home) / SETTINGS_FILE
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):   # a stat: a pipe is never opened
            return None
    except FileNotFoundError:
        pass   # made by the first choice kept
    except OSError:
        return None
    return QSettings(str(path), QSettings.IniFormat)


def export_folder(home: Path) -> str | None:
    """The folder the last export by hand was saved in, or None."""
    settings = kept_settings(home)
    value = None if settings is None else settings.value(EXPORT_FOLDER)
    return value if isinstance(value, str) and value else None


def keep_export_folder(home: Path, folder: str) -> None:
    """Offer `folder` to the next export by hand."""
    settings = kept_settings(home)
    if settings is not None:
        settings.setValue(EXPORT_FOLDER, folder)
        settings.sync()


ENGLISH_EXPORTS = "Footage exports"


def default_export_folder(home: Path, named: str) -> Path:
    """Where exports by hand go before the owner chose a folder: `named` (the app's name for
    it in the owner's language) in their home, or "Footage exports" when that folder is
    there already and `named` is not: an owner who exported before, or before changing the
    language, finds their exports where they were (a folder is never renamed)."""
    chosen, english = home / named, home / ENGLISH_EXPORTS
    return english if english.is_dir() and not chosen.is_dir() else chosen
