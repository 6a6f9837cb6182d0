"""Choices the owner made that the app keeps for the next time, in `gui.ini` in the agent's
home beside the window's place (gui.shell.geometry): the folder exports were last saved in,
so a USB stick's or a shared folder is offered again, after the app was closed too.

QSettings may be used from any thread (each call makes its own): the export job keeps the
folder, the page reads it while it loads, neither on the GUI thread.
"""
from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

SETTINGS_FILE = "gui.ini"
LOCK_FILE = "gui.ini.lock"   # QSettings' own, taken while it saves (QLockFile), read if left
# gui.ini holds a few hundred bytes and its lock a line: a larger file is none of theirs, and
# QSettings would read it whole at the app's start
KEPT_LIMIT = 64 << 10
EXPORT_FOLDER = "export/folder"
_said: set[str] = set()   # each reason logged once a run, not at every choice


def kept_settings(home: Path) -> QSettings | None:
    """The app's kept choices (`gui.ini`), or None when something other than an ordinary file
    of its size (or none) stands in its place or in its lock's (`gui.ini.lock`, which QSettings
    opens and reads as it saves), as a sync program or anyone who can write the home may
    leave: a named pipe, which QSettings read waiting for a writer for ever (the app never
    opened its window, or, the pipe its lock's, never closed it nor ended an export by hand),
    a device, a folder, a file of gigabytes, which QSettings read whole at start, or a link,
    which QSettings would save through, writing over the file it leads to, wherever that is.
    Nothing is read or kept then (the window opens at a fitted size, exports are offered
    their default folder), what stands there is left as it is, and the log says why, once."""
    path = Path(home) / SETTINGS_FILE
    why = _not_kept(path) or _not_kept(path.with_name(LOCK_FILE))
    if why is None:
        return QSettings(str(path), QSettings.IniFormat)
    if why not in _said:
        _said.add(why)
        log.warning("the window's size and place and the last export folder are not kept: "
                    "%s; it is left as it is (remove it to have them kept again)", why)
    return None


def _not_kept(path: Path) -> str | None:
    """Why what stands at `path` is not read nor written, by an lstat, which never opens a
    pipe nor follows a link; None for an ordinary file within KEPT_LIMIT, or none."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None   # made by the first choice kept
    except OSError as exc:
        return f"{path} cannot be looked at ({exc.strerror})"
    if stat.S_ISLNK(st.st_mode):
        try:
            to = f" to {os.readlink(path)}"
        except OSError:
            to = ""
        return (f"{path} is a link{to}, which is not followed, so that no file outside "
                f"{path.parent} is written over")
    if not stat.S_ISREG(st.st_mode):
        return f"{path} is not an ordinary file (a named pipe, a device or a folder)"
    if st.st_size > KEPT_LIMIT:
        return f"{path} is far larger than any such file ({st.st_size:,} bytes)"
    return None


QT_FOLDER = "qt"   # Qt's own kept state, its file dialogs' (QtProject.conf), in the home
QT_FILE = "QtProject.conf"


def keep_qt_state(home: Path) -> Path:
    """Have Qt keep its own state (each file dialog's last folder and view: QSettings of the
    user's scope, which a QFileDialog reads as it is made and writes as it goes) in the home's
    `qt` folder, not in the owner's `~/.config/QtProject.conf`, where a named pipe kept every
    file dialog of the app from opening (waiting for a writer for ever), a file of gigabytes
    was read whole, and a link was saved through. What stands in the home is looked at as
    gui.ini is: anything but an ordinary file of its size (or none) there or in its lock's
    place is left as it is, the log says why, and Qt keeps its state for this run only, in a
    folder of its own removed at the end. Windows and macOS keep it in the registry and the
    system's preferences, not in a file Qt reads; this changes nothing there. Returns the
    folder used."""
    folder = Path(home) / QT_FOLDER
    conf = folder / QT_FILE
    why = _not_kept(conf) or _not_kept(conf.with_name(QT_FILE + ".lock"))
    if why is not None:
        if why not in _said:
            _said.add(why)
            log.warning("the file dialogs' last folders are kept for this run only: %s; it is "
                        "left as it is (remove it to have them kept again)", why)
        folder = Path(tempfile.mkdtemp(prefix="footage-agent-qt-"))
        atexit.register(shutil.rmtree, folder, True)
    for kind in (QSettings.NativeFormat, QSettings.IniFormat):   # one and the same on Linux
        QSettings.setPath(kind, QSettings.UserScope, str(folder))
    return folder


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
