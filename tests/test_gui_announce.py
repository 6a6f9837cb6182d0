"""What a screen reader hears when a job runs and ends (accessibility hunt). The focus goes
to Cancel while it runs, but the progress bar had no name, and when the job ended the focus
moved to Back, which said "Back" and nothing of how it ended: an owner who cannot see the page
did not learn that their footage was sent, or why not. Now the bar is named for the job, and
Back carries the outcome (finished, or what went wrong) as its description, so the screen
reader says it as the focus arrives."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.gui_support import footage, settle, win  # noqa: E402,F401


def test_a_jobs_end_is_said_where_the_focus_goes(qtbot, win):  # noqa: F811
    from agent.errors import AgentError
    win.show_page("export")
    settle(qtbot, win)
    win.export.export_button.setFocus()
    qtbot.waitUntil(win.export.export_button.hasFocus)
    go = threading.Event()

    def work():
        go.wait(30)
        raise AgentError("the folder for the packages is gone: choose another one")

    page = win.progress
    win.follow(win.ctx.bridge.call("export", work), "Exporting 2 cameras")
    try:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.cancel_button)
        assert "Exporting 2 cameras" in page.bar.accessibleName()
    finally:
        go.set()
        settle(qtbot, win)
    assert QApplication.focusWidget() is page.done_button
    said = page.done_button.accessibleDescription()
    assert page.stage.text() in said and "the folder for the packages is gone" in said.lower()
