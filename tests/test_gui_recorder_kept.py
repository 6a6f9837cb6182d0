"""Closing the recorder steps loses nothing typed (keyboard hunt). Seen: Esc (or the window's
close) in "Add a recorder on your network", after the address, user and password were typed,
the connection tested, the certificate read and the channels named, threw all of it away:
"Add a recorder on your network…" opened an empty window again, and a test still running
answered to the window closed. Now the window opens again as it was left until it has added
its recorder; the next one starts empty. Against the simulator over HTTPS, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import settle  # noqa: E402
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, recent_footage  # noqa: E402,F401
from tests.test_gui_recorders import fill, window  # noqa: E402,F401

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def press(qtbot, button) -> None:
    """Space on the focused button, as a keyboard user presses it."""
    button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(button, Qt.Key_Space)


def test_esc_keeps_what_was_typed_tested_and_named_until_it_is_added(
        qtbot, window, recent_footage):  # noqa: F811
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        win = window()
        win.show_page("settings")
        settle(qtbot, win)
        page = win.settings
        press(qtbot, page.add_recorder_button)
        dialog = page.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, "hikvision")
        press(qtbot, dialog.test_button)
        settle(qtbot, win)
        assert dialog.add_button.isEnabled(), dialog.status.text()
        facts = dialog.facts.text()
        dialog.channels.item(0, 2).setText("drive")
        qtbot.keyClick(dialog.address, Qt.Key_Escape)
        assert not dialog.isVisible()
        press(qtbot, page.add_recorder_button)
        assert page.recorder_dialog is dialog and dialog.isVisible()
        assert dialog.address.text() == sim.url and dialog.password.text() == PASSWORD
        assert dialog.facts.text() == facts and dialog.channels.item(0, 2).text() == "drive"
        assert dialog.add_button.isEnabled()
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        press(qtbot, dialog.add_button)
        settle(qtbot, win)
        assert "\u2714 Added" in dialog.status.text(), dialog.status.text()
        settle(qtbot, win)
        dialog.close()
        press(qtbot, page.add_recorder_button)   # another recorder: an empty window
        fresh = page.recorder_dialog
        assert fresh is not dialog and fresh.address.text() == "" and fresh.isVisible()
        settle(qtbot, win)
        fresh.close()


def test_first_runs_recorder_step_keeps_it_too(qtbot, window):  # noqa: F811
    win = window()
    step = win.first_run.folder
    press(qtbot, step.recorder_button)
    dialog = step.recorder_dialog
    settle(qtbot, win)
    qtbot.keyClicks(dialog.address, "https://192.168.1.20")
    qtbot.keyClicks(dialog.password, "secret")
    dialog.close()   # the window's own close button
    press(qtbot, step.recorder_button)
    assert step.recorder_dialog is dialog and dialog.isVisible()
    assert (dialog.address.text(), dialog.password.text()) == ("https://192.168.1.20", "secret")
    settle(qtbot, win)
    dialog.close()
