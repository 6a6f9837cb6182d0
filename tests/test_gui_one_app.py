"""One desktop app per home folder: a second `footage-agent gui` (the login entry's, then the
Start menu's) says the app is open already and where to find it, and ends, instead of opening a
second window and tray icon that would watch the same folders and ask the same agencies twice.
The command line and `run` are not held back."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.service import Agent

pytest.importorskip("PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui_support import spanish  # noqa: E402,F401

ROOT = Path(__file__).resolve().parent.parent


# `footage-agent gui`, with the owner pressing OK on whatever box it shows (offscreen, no one
# else can)
OWNER_PRESSING_OK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from agent import cli
from gui.shell.app import application

application()
def press_ok():
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.accept()
    QTimer.singleShot(50, press_ok)
press_ok()
sys.exit(cli.main(sys.argv[1:]))
"""


def open_app(home: Path) -> subprocess.CompletedProcess:
    """`footage-agent gui` on `home`, offscreen; the timeout only stops a test that failed."""
    return subprocess.run([sys.executable, "-c", OWNER_PRESSING_OK, "--home", str(home), "gui"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_second_app_on_the_same_home_says_where_the_first_is_and_ends(tmp_path):
    """Seen in the code: nothing kept a second app from opening on a home whose app was open:
    on Windows, the app started at login and opened again from the Start menu gave two
    windows and two tray icons, each running the service."""
    first = Agent(tmp_path / "home")
    try:
        assert first.claim_app() is None           # the app that is open
        done = open_app(tmp_path / "home")
        assert done.returncode == 1, done.stderr[-2000:]
        # (the offscreen platform says on stderr too that it sizes no window)
        said = [line for line in done.stderr.splitlines() if line.startswith("footage-agent")]
        assert len(said) == 1 and "already open" in said[0] and "tray" in said[0], done.stderr
        assert "Traceback" not in done.stderr
        commands = subprocess.run([sys.executable, "-m", "agent.cli", "--home",
                                   str(tmp_path / "home"), "cameras"],
                                  cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert commands.returncode == 0, commands.stderr   # the command line is not held back
    finally:
        first.close()
    again = Agent(tmp_path / "home")
    try:
        assert again.claim_app() is None           # closed, the first lets the next one open
        other = Agent(tmp_path / "home")
        assert "already open" in other.claim_app()   # in one process as in two
        other.close()
    finally:
        again.close()


def test_a_second_app_says_it_in_a_box_in_the_owners_language(qapp, spanish, tmp_path):
    """Seen in the code: the second app said where the first is on stderr only, in English; the
    app opened from the Start menu (a windowed program on Windows, with no stderr) or a desktop
    entry has no console, so the owner saw nothing happen at all."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gui.shell import app as gui_app

    first, second = Agent(tmp_path / "home"), Agent(tmp_path / "home")
    shown = []

    def read_and_close():   # the owner reading the box, then pressing OK
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        shown.extend((b.windowTitle(), b.text()) for b in boxes)
        for box in boxes:
            box.accept()

    try:
        assert first.claim_app() is None
        QTimer.singleShot(0, read_and_close)
        assert gui_app.run(second) == 1
    finally:
        second.close()
        first.close()
    assert len(shown) == 1, shown
    title, text = shown[0]
    assert str(tmp_path / "home") in text and text[:1].isupper()
    for english in ("already open", "tray", "taskbar", "Footage requests"):
        assert english not in title + text, (title, text)
