"""The app's own folder refused as the app starts (on a USB stick or SD card formatted FAT32 or
exFAT, which keeps no permissions; a file where the folder should be): said in a box before any
main window, in the owner's language, with what to do, and the command's exit code. Said on
stderr alone it reached nobody: the app opened from the Start menu (pythonw, or the frozen
windowed build) or a desktop entry has no console to say it in.

The stick is simulated as tests/test_home_on_a_stick.py does (a mountinfo naming its file
system); the command, the home and the Qt event loop (offscreen) are real.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from agent import file_systems
from agent.cli import main

pytest.importorskip("PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui_support import spanish  # noqa: E402,F401


def _stick(monkeypatch, tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    info = tmp_path / "mountinfo"
    info.write_text(f"99 22 8:17 / {stick.resolve()} rw - vfat /dev/sdb1 rw\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)
    return stick


def _open_app(argv: list[str], command=main) -> tuple[int, list[tuple[str, str]], list[str]]:
    """`footage-agent gui` in this process; its exit code, the boxes shown (title, text),
    read as the owner reads them before pressing OK, and the windows seen beside them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    shown, beside = [], []

    def read_and_close():
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        boxes = [w for w in visible if isinstance(w, QMessageBox)]
        shown.extend((b.windowTitle(), b.text()) for b in boxes)
        beside.extend(type(w).__name__ for w in visible if not isinstance(w, QMessageBox))
        for box in boxes:
            box.accept()

    looking = QTimer()   # runs in whatever event loop the command runs: the box's
    looking.timeout.connect(read_and_close)
    looking.start(20)
    try:
        code = command(argv)
    finally:
        looking.stop()
    return code, shown, beside


def _entry():
    """packaging/entry.py: the frozen app's entry point (its windowed twin on Windows)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "entry", Path(__file__).resolve().parent.parent / "packaging" / "entry.py")
    entry = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(entry)
    return entry


def test_a_home_on_a_stick_is_refused_in_a_box_in_the_owners_language(qapp, spanish, tmp_path,
                                                                      monkeypatch, capsys):
    stick = _stick(monkeypatch, tmp_path)
    home = stick / "footage"
    code, shown, beside = _open_app(["--home", str(home), "gui"])
    assert code == 1
    assert len(shown) == 1 and beside == [], (shown, beside)   # before any main window
    title, text = shown[0]
    assert str(home) in text and "FAT32" in text and "NTFS" in text and text[:1].isupper()
    for english in ("cannot use", "keeps no permissions", "owner key", "Use a folder",
                    "Footage requests"):
        assert english not in title + text, (title, text)
    assert list(stick.iterdir()) == []   # nothing made there
    assert "footage-agent: cannot use" in capsys.readouterr().err   # and said on stderr too


def test_a_file_where_the_home_should_be_is_said_in_a_box(qapp, tmp_path):
    home = tmp_path / "footage"
    home.write_text("not a folder")
    code, shown, beside = _open_app(["--home", str(home), "gui"])
    assert code == 1 and beside == []
    assert len(shown) == 1 and str(home) in shown[0][1] and "already exists" in shown[0][1]
    assert home.read_text() == "not a folder"


def test_the_windowed_program_shows_the_apps_box_and_not_a_second_one(qapp, tmp_path,
                                                                     monkeypatch):
    """The frozen app's windowed twin (no console) said a failed start in Windows' own box in
    English: where Qt can open a window the app's box says it, and the twin shows no other."""
    entry = _entry()
    home = tmp_path / "footage"
    home.write_text("not a folder")
    monkeypatch.setattr(sys, "stdout", None)     # as Python leaves them without a console
    monkeypatch.setattr(sys, "stderr", None)
    windows_box: list[str] = []
    code, shown, _beside = _open_app(
        ["--home", str(home)], lambda argv: entry.run("footage-agent-gui.exe", argv,
                                                      show=windows_box.append))
    assert code == 1 and len(shown) == 1 and str(home) in shown[0][1]
    assert windows_box == []


def test_a_ctrl_c_while_the_box_is_open_waits_for_it(qapp, tmp_path):
    """`footage-agent gui` from a terminal, Ctrl-C pressed while the box is open: the signal,
    handled as Qt's loop gave Python control again, raised through the box's code and ended
    the command with a traceback."""
    import signal

    from PySide6.QtCore import QTimer

    home = tmp_path / "footage"
    home.write_text("not a folder")
    pressed = []

    def ctrl_c_first(argv):
        def press():
            pressed.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        QTimer.singleShot(0, press)   # runs inside the box's loop, before the owner's OK
        return main(argv)

    code, shown, _beside = _open_app(["--home", str(home), "gui"], ctrl_c_first)
    assert pressed and code == 1 and len(shown) == 1


def test_the_windowed_program_opened_again_shows_one_box_only(qapp, tmp_path, monkeypatch):
    """The app in the tray since login, opened again from the Start menu (the frozen windowed
    twin): the second said the app is open already in its box, then the twin said it again in
    Windows' own, in English."""
    from agent.service import Agent

    entry = _entry()
    first = Agent(tmp_path / "home")
    try:
        assert first.claim_app() is None
        monkeypatch.setattr(sys, "stdout", None)
        monkeypatch.setattr(sys, "stderr", None)
        windows_box: list[str] = []
        code, shown, _beside = _open_app(
            ["--home", str(tmp_path / "home")],
            lambda argv: entry.run("footage-agent-gui.exe", argv, show=windows_box.append))
    finally:
        first.close()
    assert code == 1 and len(shown) == 1 and windows_box == []


def test_a_home_on_a_drive_not_plugged_in_at_login_is_said_in_the_owners_language(
        qapp, spanish, tmp_path, monkeypatch):
    """The home on a USB disk (FOOTAGE_AGENT_HOME), the disk not plugged in as the app starts
    at login: its mount point is there, empty, on this PC's own disk. The box said it in
    English."""
    from agent.export import destination

    media = tmp_path / "media"
    (media / "usbdisk").mkdir(parents=True)   # the mount point, no disk mounted on it
    monkeypatch.setattr(destination, "REMOVABLE_ROOTS", (str(media),))
    monkeypatch.setenv("FOOTAGE_AGENT_HOME", str(media / "usbdisk" / "footage"))
    code, shown, beside = _open_app(["gui", "--tray"])
    assert code == 2 and len(shown) == 1 and beside == [], (code, shown, beside)
    text = shown[0][1]
    assert str(media / "usbdisk" / "footage") in text
    for english in ("no drive is mounted", "connect the drive", "try again"):
        assert english not in text, text
    assert not (media / "usbdisk" / "footage").exists()


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:   # argparse's refusal ends the command so (exit 2)
        return exc.code


@pytest.mark.parametrize("argv", [["gui", "--bogus"], ["gui", "--home"],
                                  ["--home", "h", "gui", "--home", "a", "--home", "b"]])
def test_options_the_app_does_not_take_are_said_in_a_box_in_the_owners_language(
        qapp, spanish, tmp_path, capsys, argv):
    """A shortcut or login entry starting `footage-agent gui` with an option it does not take:
    argparse's refusal (exit 2) went to stderr alone, which an app with no console has nobody
    to read it; the box now says it, in Spanish, with no command to type."""
    code, shown, beside = _open_app([str(tmp_path / w) if w in "hab" else w for w in argv],
                                    command=_exit_code)
    assert code == 2 and beside == []
    assert len(shown) == 1, shown
    text = shown[0][1]
    assert "opciones que no admite" in text and "--help" not in text, text
    assert "unrecognized" not in text and "expected" not in text and "twice" not in text, text
    assert "error:" in capsys.readouterr().err   # stderr says it as before


def test_an_unexpected_failure_of_the_app_is_said_in_a_box_in_the_owners_language(
        qapp, spanish, tmp_path, monkeypatch):
    """A fault nobody foresaw as the app starts (here its run raising: nothing real here does)
    reached the box in English with an environment variable to set."""
    from gui.shell import app

    def broken(*_args, **_kwargs):
        raise RuntimeError("the screen went away")
    monkeypatch.setattr(app, "run", broken)
    code, shown, _ = _open_app(["--home", str(tmp_path / "home"), "gui"])
    assert code == 1 and len(shown) == 1, shown
    text = shown[0][1]
    assert "RuntimeError: the screen went away" in text and "FOOTAGE_AGENT_DEBUG" not in text
    assert "unexpected failure" not in text and "Iníciela de nuevo" in text, text
