"""The app at 200 % scaling on a 1920x1080 screen: a 960x480 window in logical pixels (GUI
hunt). Seen in Spanish: the request page scrolled sideways by 45 px, Approve and send partly
outside the window, since the options' "Continuar aunque haya que omitir imágenes dañadas"
(406 px, one line) made the page 796 px wide where it had 750; and the inbox scrolled
sideways by 10 px, its four buttons (742 px with their spacing) on one row. English fitted.
Now the choice reads "Omitir imágenes dañadas si hace falta" (no wider than the options'
other rows), and the inbox's buttons go on to a second row where the page is narrow
(gui/widgets/button_flow.py). Real agent and index, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QScrollArea  # noqa: E402

from demo.screenshots import window_size  # noqa: E402
from gui.shell.page_area import PageHolder  # noqa: E402
from tests.gui_support import footage, settle, spanish  # noqa: E402,F401
from tests.test_gui_fit import app_window, inside  # noqa: E402,F401

SCALED = window_size((960, 540))   # 1920x1080 at 200 %: 960x480


def sideways(win) -> int:
    """How far the pages' area scrolls sideways (0: the page fits the window's width)."""
    (area,) = [a for a in win.findChildren(QScrollArea) if isinstance(a.widget(), PageHolder)]
    return area.horizontalScrollBar().maximum()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_request_page_fits_the_width_at_200_percent(qtbot, request, language):
    if language == "es":
        request.getfixturevalue("spanish")
    win, _world = request.getfixturevalue("app_window")
    assert SCALED.toTuple() == (960, 480)
    win.resize(SCALED)
    win.open_request(next(v for v in win.inbox.views if v.status == "new"))
    settle(qtbot, win)
    page = win.request
    assert sideways(win) == 0
    parts = (page.approve_button, page.decline_button, page.reason, page.notice,
             page.options.damaged, page.options.faces)
    # the action bar chooses its notice's width once it knows its own
    qtbot.waitUntil(lambda: all(inside(w, win) for w in parts), timeout=5000)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_inbox_fits_the_width_at_200_percent(qtbot, request, language):
    if language == "es":
        request.getfixturevalue("spanish")
    win, _world = request.getfixturevalue("app_window")
    win.resize(SCALED)
    win.show_page("inbox")
    settle(qtbot, win)
    inbox = win.inbox
    buttons = (inbox.open_button, inbox.sync_button, inbox.import_button, inbox.export_button)
    assert sideways(win) == 0
    qtbot.waitUntil(lambda: all(inside(b, win) for b in buttons), timeout=5000)
    places = [b.geometry() for b in buttons]
    assert not any(a.intersects(b) for i, a in enumerate(places) for b in places[i + 1:])
    # the last stands at the right end of its row, as beside a stretch
    margin = places[0].left()
    assert places[-1].right() == inbox.width() - margin - 1


def test_the_inbox_buttons_stay_on_one_row_where_there_is_room(qtbot, app_window):
    win, _world = app_window
    win.resize(window_size((1366, 768)))
    win.show_page("inbox")
    settle(qtbot, win)
    inbox = win.inbox
    buttons = (inbox.open_button, inbox.sync_button, inbox.import_button, inbox.export_button)
    assert len({b.geometry().center().y() for b in buttons}) == 1   # one row
    assert inbox.import_button.geometry().right() + 50 < inbox.export_button.geometry().left()
    margin = inbox.open_button.geometry().left()
    assert inbox.export_button.geometry().right() == inbox.width() - margin - 1
