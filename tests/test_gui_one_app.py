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

ROOT = Path(__file__).resolve().parent.parent


def open_app(home: Path) -> subprocess.CompletedProcess:
    """`footage-agent gui` on `home`, offscreen; the timeout only stops a test that failed."""
    return subprocess.run([sys.executable, "-m", "agent.cli", "--home", str(home), "gui"],
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
        said = done.stderr.strip().splitlines()
        assert len(said) == 1 and "already open" in said[0] and "tray" in said[0]
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
