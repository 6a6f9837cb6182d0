"""Quitting with unsaved privacy masks or settings (GUI hunt, closing the window): leaving the
page asked, but the tray's Quit, or closing the window where there is no tray, dropped them
without a word. Now really quitting asks through the page (Cancel stays with the edits, Save
saves then quits, Discard quits); hiding to the tray keeps the edits and asks nothing; a stop
signal asks nothing either (the app must end within 2 s) and drops them.

The tray is made `available` where a test needs one: the offscreen platform has none."""
from __future__ import annotations

import os
import signal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox  # noqa: E402


from gui.shell.tray import Tray  # noqa: E402
from tests.gui_support import answers, footage, settle, win  # noqa: E402,F401
from tests.test_gui_masks_unsaved import draw_square, open_masks, saved  # noqa: E402


def with_tray(monkeypatch, there: bool) -> None:
    monkeypatch.setattr(Tray, "available", property(lambda self: there))


def test_quit_asks_about_unsaved_masks_cancel_stays_save_saves_and_quits(
        qtbot, win, answers, monkeypatch):
    queue, asked = answers
    with_tray(monkeypatch, True)
    page = open_masks(qtbot, win, "driveway")
    draw_square(qtbot, page.canvas)

    win.close()                                  # to the tray: nothing asked, nothing lost
    assert not win.isVisible() and asked == []
    assert len(page.canvas.shapes) == 1 and page.unsaved()
    hidden = len(win.tray.notifications)
    win.bring_up()

    queue.append(QMessageBox.Cancel)
    win.quit()
    assert len(asked) == 1 and "driveway" in asked[0] and "not saved" in asked[0]
    assert win.isVisible() and win.pages.currentWidget() is page
    assert len(page.canvas.shapes) == 1 and page.unsaved()

    win.close()                                  # after Cancel, closing hides again
    assert not win.isVisible() and len(asked) == 1
    assert len(win.tray.notifications) == hidden + 1
    queue.append(QMessageBox.Cancel)             # Quit from the tray while hidden: the
    win.quit()                                   # window comes up with the question, and
    assert len(asked) == 2 and win.isVisible()   # stays up with the edits after Cancel
    assert len(page.canvas.shapes) == 1 and page.unsaved()

    queue.append(QMessageBox.Save)
    win.quit()
    settle(qtbot, win)
    assert len(asked) == 3 and saved(win, "driveway") == 1
    assert not win.isVisible() and len(win.tray.notifications) == hidden + 1   # quit, not hid


def test_closing_without_a_tray_asks_about_unsaved_settings_and_discard_quits(
        qtbot, win, answers, monkeypatch):
    queue, asked = answers
    with_tray(monkeypatch, False)
    win.show_page("settings")
    settle(qtbot, win)
    before = win.ctx.agent.settings.holds_on_new_request
    win.settings.holds.setChecked(not before)

    queue.append(QMessageBox.Cancel)
    win.close()
    assert len(asked) == 1 and "settings" in asked[0]
    assert win.isVisible() and win.settings.holds.isChecked() is (not before)

    queue.append(QMessageBox.Discard)
    win.close()
    settle(qtbot, win)
    assert len(asked) == 2 and not win.isVisible()
    assert win.ctx.agent.settings.holds_on_new_request is before


def test_a_stop_signal_asks_nothing_and_drops_unsaved_masks(qtbot, win, answers):
    from gui.shell.stopping import SignalStop

    _queue, asked = answers
    page = open_masks(qtbot, win, "porch")
    draw_square(qtbot, page.canvas)
    stopper = SignalStop(win.stop)
    stopper.install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not win.isVisible(), timeout=2000)
    finally:
        stopper.restore()
    assert stopper.signum == signal.SIGTERM and asked == []
    assert saved(win, "porch") == 0
