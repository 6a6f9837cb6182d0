"""Choices the owner made that the app keeps for the next time, in `gui.ini` in the agent's
home beside the window's place (gui.shell.geometry): the folder exports were last saved in,
so a USB stick's or a shared folder is offered again, after the app was closed too.

QSettings may be used from any thread (each call makes its own): the export job keeps the
folder, the page reads it while it loads, neither on the GUI thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILE = "gui.ini"
EXPORT_FOLDER = "export/folder"


def _settings(home: Path) -> QSettings:
    return QSettings(str(Path(home) / SETTINGS_FILE), QSettings.IniFormat)


def export_folder(home: Path) -> str | None:
    """The folder the last export by hand was saved in, or None."""
    value = _settings(home).value(EXPORT_FOLDER)
    return value if isinstance(value, str) and value else None


def keep_export_folder(home: Path, folder: str) -> None:
    """Offer `folder` to the next export by hand."""
    settings = _settings(home)
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
