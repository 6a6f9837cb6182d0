"""An export by hand of two cameras stopped after the first (GUI hunt finding 11): it said
"Nothing was sent, and no partial package was kept" while the first camera's sealed package
stayed in the folder. Now it names the package kept, and says nothing else was written."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from frp.verify import verify_package  # noqa: E402
from tests.gui_support import (answers, choose_window, footage, open_window,  # noqa: E402,F401
                               settle)


@pytest.fixture
def win(qtbot, tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    window.world = world
    yield window
    window.shutdown()
    agent.close()


def export_both(qtbot, win, out):
    """The export page with both cameras, 1 s to 7 s of the footage, into `out`."""
    page = choose_window(qtbot, win, win.world.start_us + US, win.world.start_us + 7 * US)
    for check in page.strip.checks.values():
        check.setChecked(True)
    page.folder.setText(str(out))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)


def pause_after_first_camera(monkeypatch, agent):
    """The first camera's export returns only once the test let it go: (sealed, go, made)."""
    real, sealed, go, made = agent.export, threading.Event(), threading.Event(), []

    def export(camera, *args, **kwargs):
        result = real(camera, *args, **kwargs)
        if not made:
            made.append(result)
            sealed.set()
            go.wait(30)
        return result
    monkeypatch.setattr(agent, "export", export)
    return sealed, go, made


def test_cancelling_after_the_first_camera_names_the_package_kept(qtbot, win, tmp_path,
                                                                  monkeypatch):
    sealed, go, made = pause_after_first_camera(monkeypatch, win.ctx.agent)
    out = tmp_path / "usb stick"
    export_both(qtbot, win, out)
    qtbot.waitUntil(sealed.is_set, timeout=60000)
    qtbot.mouseClick(win.progress.cancel_button, Qt.LeftButton)   # the owner cancels now
    go.set()
    settle(qtbot, win, timeout=60000)
    progress = win.progress
    assert progress.stage.text() == "Cancelled"
    (kept,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert verify_package(kept).ok
    said = progress.result.text()
    assert "finished before you cancelled and are kept" in said and str(kept) in said
    assert "Nothing of the other cameras was written" in said
    assert "no partial package was kept" not in said and "Nothing was sent" not in said


def test_cancelling_before_any_camera_finished_says_no_package_was_written(qtbot, win,
                                                                           tmp_path, monkeypatch):
    agent, go = win.ctx.agent, threading.Event()
    real = agent.export

    def export(camera, *args, **kwargs):
        go.wait(30)   # the first camera starts once the owner has pressed Cancel
        return real(camera, *args, **kwargs)
    monkeypatch.setattr(agent, "export", export)
    out = tmp_path / "out"
    export_both(qtbot, win, out)
    qtbot.mouseClick(win.progress.cancel_button, Qt.LeftButton)
    go.set()
    settle(qtbot, win, timeout=60000)
    assert win.progress.stage.text() == "Cancelled"
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]
    assert win.progress.result.text() == "Stopped. No package was written."


def test_a_failure_after_the_first_camera_names_the_package_kept(qtbot, win, tmp_path,
                                                                 monkeypatch):
    agent, calls = win.ctx.agent, []
    real = agent.export

    def export(camera, *args, **kwargs):
        calls.append(camera)
        if len(calls) == 2:   # the second camera's recordings went away meanwhile
            from agent.service import AgentError
            raise AgentError("the recordings folder is missing: connect the drive it is on")
        return real(camera, *args, **kwargs)
    monkeypatch.setattr(agent, "export", export)
    out = tmp_path / "out"
    export_both(qtbot, win, out)
    settle(qtbot, win, timeout=60000)
    said = win.progress.result.text()
    assert win.progress.stage.text() == "It did not work"
    (kept,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert said.startswith("The recordings folder is missing")
    assert "finished before it stopped and are kept" in said and str(kept) in said


def test_a_failed_export_goes_back_to_its_page_with_the_choices_kept(qtbot, win, tmp_path):
    """New-user hunt: a failed export says "choose another folder", but its Back went to the
    requests, and a keyboard user had no focus on it at all (the Cancel button that held it
    was hidden). Enter now goes back to the export page, the cameras and time as they were."""
    out = tmp_path / "usb stick" / "clips"   # the stick is not plugged in
    export_both(qtbot, win, out)
    settle(qtbot, win, timeout=60000)
    assert win.progress.stage.text() == "It did not work"
    assert win.progress.done_button.hasFocus()
    qtbot.keyClick(win.progress.done_button, Qt.Key_Return)
    settle(qtbot, win)
    page = win.export
    assert win.pages.currentWidget() is page
    assert page.folder.text() == str(out) and all(c.isChecked() for c in page.strip.checks.values())
    assert page.time_of(page.start_edit) == win.world.start_us + US


def test_a_finished_export_goes_back_to_the_requests(qtbot, win, tmp_path):
    export_both(qtbot, win, tmp_path / "exports")
    settle(qtbot, win, timeout=60000)
    assert win.progress.stage.text() == "Finished" and win.progress.done_button.hasFocus()
    qtbot.keyClick(win.progress.done_button, Qt.Key_Space)
    settle(qtbot, win)
    assert win.pages.currentWidget() is win.inbox


@pytest.mark.parametrize("typed", ["", "   ", "clips"])
def test_an_empty_or_partial_folder_is_refused_not_the_folder_the_app_started_in(
        qtbot, win, tmp_path, monkeypatch, typed):
    """New-user hunt: with "Save in" emptied (or a bare "clips"), Export wrote the packages
    into whatever folder the app had been started in, and said where only afterwards."""
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    export_both(qtbot, win, typed)
    settle(qtbot, win)
    assert win.pages.currentWidget() is win.export
    assert "Choose the folder to save the packages in" in win.export.status.text()
    assert list(started_in.iterdir()) == []


def test_quitting_while_an_export_runs_asks_first_and_says_what_stopping_keeps(
        qtbot, win, tmp_path, monkeypatch, answers):
    """Export hunt: the tray's Quit (or closing the window where the app does not keep
    running in the tray) while an export ran ended the app at once, the export cancelled
    without a word: the owner found no package for the camera being cut and was never told.
    Now it asks; Keep exporting stays, Stop it and quit says what stopping keeps."""
    from PySide6.QtWidgets import QMessageBox

    from gui.shell.tray import Tray

    queue, asked = answers
    monkeypatch.setattr(Tray, "available", property(lambda self: True))
    sealed, go, made = pause_after_first_camera(monkeypatch, win.ctx.agent)
    out = tmp_path / "usb stick"
    export_both(qtbot, win, out)
    qtbot.waitUntil(sealed.is_set, timeout=60000)
    try:
        win.close()                           # to the tray: the export goes on, nothing asked
        assert not win.isVisible() and asked == []
        queue.append(QMessageBox.Cancel)      # the tray's Quit: the window comes up and asks
        win.quit()
        assert len(asked) == 1 and "An export is still running" in asked[0]
        assert "packages already finished stay in their folder" in asked[0]
        assert win.isVisible() and win.ctx.bridge.running("export")   # Keep exporting

        queue.append(QMessageBox.Yes)         # Stop it and quit
        win.quit()
        assert len(asked) == 2 and not win.isVisible()
    finally:
        win.ctx.bridge.cancel_all()           # what quitting does next (shutdown)
        go.set()
    settle(qtbot, win, timeout=60000)
    (kept,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert kept == made[0].package.path and verify_package(kept).ok   # the finished one


def test_quitting_asks_nothing_when_no_export_runs(qtbot, win, answers):
    _queue, asked = answers
    win.quit()
    assert asked == [] and not win.isVisible()
