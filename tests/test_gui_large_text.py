"""Large text (accessibility hunt): an owner with poor sight who made the system's text larger
(Windows' "Make text bigger", a desktop's font size) got the app's text at 10.5 pt all the
same: the style sheet fixed every size. Now the app's sizes grow with the system's font, and
what the app paints itself makes room for the larger text."""
from __future__ import annotations

import contextlib
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from tests.gui_support import footage, open_window, open_world_request, settle  # noqa: E402,F401
from tests.test_gui_fit import app_window  # noqa: E402,F401

LARGE_PT = 20.0   # a 9-pt system font made twice as large, and more


@contextlib.contextmanager
def system_font(qapp, points: float):
    """The system's font at `points` inside (the app styled for it), then as it was."""
    from gui.shell.app import application
    before = qapp.font()
    large = QFont(before)
    large.setPointSizeF(points)
    qapp.setFont(large)
    application()
    try:
        yield
    finally:
        qapp.setFont(before)
        application()


def request_on_a_small_screen(qtbot, request):
    """The fit tests' window (made now, in the font set) at a 1024x600 screen's size, its new
    request's page opened: (window, that size)."""
    from demo.screenshots import SMALL_SCREENS, window_size
    win, _world = request.getfixturevalue("app_window")
    screen = window_size(SMALL_SCREENS[0])
    win.resize(screen)
    win.open_request(next(v for v in win.inbox.views if v.status == "new"))
    settle(qtbot, win)
    return win, screen


@pytest.fixture
def large_text(qapp):
    """The system's font at LARGE_PT while the test runs (the app styled for it)."""
    with system_font(qapp, LARGE_PT):
        yield


@pytest.fixture
def big_win(qtbot, tmp_path, footage, large_text):  # noqa: F811
    from demo.gui_data import make_world
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    yield window
    window.shutdown()
    agent.close()


def test_the_apps_text_grows_with_the_systems(qtbot, big_win):
    win = big_win
    win.show_page("inbox")
    settle(qtbot, win)
    labels = [w for w in win.findChildren(QLabel) if w.isVisible() and w.text()]
    title = next(w for w in labels if w.objectName() == "pageTitle")
    body = next(w for w in labels if w.objectName() in ("", "hint", "caption"))
    assert body.font().pointSizeF() >= LARGE_PT
    assert title.font().pointSizeF() > body.font().pointSizeF()
    assert win.nav.font().pointSizeF() >= LARGE_PT


def test_a_timelines_times_stand_under_its_track_in_large_text(qtbot, big_win):
    """The times under a timeline stood 16 pixels under its track whatever the font: in large
    text they were painted over the track and the handles, and a short timeline cut them."""
    from gui.widgets.timeline_paint import TRACK_H
    win = big_win
    open_world_request(qtbot, win)
    win.show_page("export")
    settle(qtbot, win)
    timelines = list(win.request.strip.timelines.values()) + list(win.export.strip.timelines.values())
    assert timelines
    for timeline in timelines:
        fm = timeline.fontMetrics()
        assert fm.height() >= LARGE_PT   # the large font reached it
        handles_end = timeline.track_top() + TRACK_H + 2
        assert timeline.words_baseline() - fm.ascent() >= handles_end
        assert timeline.words_baseline() + fm.descent() <= timeline.height()


def test_the_sidebar_shows_its_entries_whole_in_large_text(qtbot, big_win):
    """The sidebar, kept narrow for small screens, grew a horizontal scroll bar in large text
    (its entries passed its width), and "Export a clip" was cut. Its width now grows with the
    text, and it has no scroll bar."""
    win = big_win
    win.resize(1024, 560)
    settle(qtbot, win)
    assert win.nav.sizeHintForColumn(0) <= win.nav.viewport().width()
    assert not win.nav.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("points", [14.0, LARGE_PT])
def test_large_text_on_a_small_screen_keeps_every_page_in_the_window(qtbot, qapp, points,
                                                                     request):
    """With text at 150 % (14 pt) the window could not be made narrower than 1057 pixels, at
    200 % 1252: on a 1024x600 screen Approve and send, Export and Next lay beyond its edge.
    Pages larger than the window now scroll inside it, and Tab brings each control into view."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtWidgets import QApplication

    with system_font(qapp, points):
        win, screen = request_on_a_small_screen(qtbot, request)
        for page, button in ((win.request, win.request.approve_button),
                             (win.inbox, win.inbox.export_button)):
            if page is win.inbox:
                win.show_page("inbox")
                settle(qtbot, win)
            hint = win.minimumSizeHint()
            assert hint.width() <= screen.width() and hint.height() <= screen.height()
            assert win.size() == QSize(screen)
            button.setFocus(Qt.TabFocusReason)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)   # as Tab reaches it
            assert QApplication.focusWidget() is button
            corner = button.mapTo(win, button.rect().bottomRight())
            assert win.rect().contains(corner), (button.text(), corner)


def test_the_request_page_scrolls_rather_than_squeeze_its_parts_in_large_text(qtbot, qapp,
                                                                              request):
    """At 200 % text in a 1024x600 window the request page was given the height its layout
    reported, yet its wrapped words took more at that width: the choices (Original quality
    and the rest) got 102 pixels of the 164 they need and were drawn over each other. The page
    is now as tall as its parts need at its width, and scrolls."""
    with system_font(qapp, LARGE_PT):
        win, _screen = request_on_a_small_screen(qtbot, request)
        page = win.request
        for part in (page.options, page.preview, page.strip_scroll):
            assert part.height() >= part.minimumSizeHint().height(), part
