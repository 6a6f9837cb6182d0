"""What a screen reader hears without looking (accessibility hunt): a job's end, a status
line, a new request. The focus goes
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


def said_aloud(monkeypatch) -> list[str]:
    """The announcements the app hands to the platform's screen reader (none listens here:
    what reaches Qt's door is what a reader would say)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    heard = []
    real = QAccessible.updateAccessibility

    def update(event):
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())
        real(event)
    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    return heard


def test_a_status_line_and_a_new_request_are_said_aloud(qtbot, win, monkeypatch):  # noqa: F811
    """A page's status line (a check that found nothing, masks saved, a folder that could not
    be read) and a request that just came in were shown only: nothing was said to an owner
    who cannot see them, since the focus does not move."""
    from PySide6.QtCore import Qt
    heard = said_aloud(monkeypatch)
    win.show_page("settings")
    settle(qtbot, win)
    qtbot.mouseClick(win.settings.masks_button, Qt.LeftButton)
    settle(qtbot, win)
    qtbot.mouseClick(win.masks.close_button, Qt.LeftButton)   # no corners yet
    assert win.masks.status.text() and win.masks.status.text() in heard
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.inbox.refresh()
    settle(qtbot, win)
    case = win.inbox.views[0].case
    assert case and any("New footage request" in words and case in words for words in heard)
