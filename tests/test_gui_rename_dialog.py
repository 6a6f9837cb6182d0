"""Settings' Rename camera… names the camera in its question as plain text, set apart from the
app's words (GUI hunt). Seen: a camera named "<b>drive</b>" (a name its owner or its recorder
gave it) was asked about as "New name for drive:" with "drive" in bold and the tags gone,
Qt's input box reading the question as rich text; a Hebrew name stood bare at the end of the
app's words. The question is now plain text, the name isolated (gui.views.shown). Real agent
and index, the app offscreen; the box is read and cancelled once it is open, as the owner
would."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel  # noqa: E402

from tests.gui_support import footage, settle, win  # noqa: E402,F401
from tests.test_gui_rtl_names import HEBREW  # noqa: E402


def asked_about(qtbot, win, camera: str) -> list[tuple]:  # noqa: F811
    """The labels of the box Rename camera… opens on `camera` (the driveway renamed so)."""
    win.ctx.agent.rename_camera("driveway", camera)
    win.show_page("settings")
    settle(qtbot, win)
    page = win.settings
    seen = []

    def answer():   # as the owner would: reads the box, then presses Cancel
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        seen.extend((label.text(), label.textFormat()) for label in box.findChildren(QLabel)
                    if label.text())
        box.reject()
    QTimer.singleShot(0, answer)
    names = [page.cameras.item(r, 0).text() for r in range(page.cameras.rowCount())]
    page.cameras.selectRow(names.index(camera))
    qtbot.mouseClick(page.rename_button, Qt.LeftButton)
    settle(qtbot, win)
    assert camera in win.ctx.agent.cameras()   # Cancel: nothing renamed
    return seen


def test_a_name_that_looks_like_html_is_asked_about_as_written(qtbot, win):  # noqa: F811
    seen = asked_about(qtbot, win, "<b>drive</b>")
    assert seen == [("New name for <b>drive</b>:", Qt.PlainText)], seen


def test_a_hebrew_name_is_set_apart_in_the_question(qtbot, win):  # noqa: F811
    seen = asked_about(qtbot, win, HEBREW)
    assert seen == [(f"\u200eNew name for \u2068{HEBREW}\u2069:", Qt.PlainText)], seen
