"""Large text (accessibility hunt): an owner with poor sight who made the system's text larger
(Windows' "Make text bigger", a desktop's font size) got the app's text at 10.5 pt all the
same: the style sheet fixed every size. Now the app's sizes grow with the system's font, and
what the app paints itself makes room for the larger text."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from tests.gui_support import footage, open_window, settle  # noqa: E402,F401

LARGE_PT = 20.0   # a 9-pt system font made twice as large, and more


@pytest.fixture
def large_text(qapp):
    """The system's font at LARGE_PT while the test runs (the app styled for it)."""
    from gui.shell.app import application
    before = qapp.font()
    large = QFont(before)
    large.setPointSizeF(LARGE_PT)
    qapp.setFont(large)
    application()
    yield
    qapp.setFont(before)
    application()


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
    from gui.widgets.timeline import _TRACK_H
    win = big_win
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.inbox.refresh()
    settle(qtbot, win)
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    win.show_page("export")
    settle(qtbot, win)
    timelines = list(win.request.strip.timelines.values()) + list(win.export.strip.timelines.values())
    assert timelines
    for timeline in timelines:
        fm = timeline.fontMetrics()
        assert fm.height() >= LARGE_PT   # the large font reached it
        handles_end = timeline.track_top() + _TRACK_H + 2
        assert timeline.words_baseline() - fm.ascent() >= handles_end
        assert timeline.words_baseline() + fm.descent() <= timeline.height()


def test_the_sidebar_has_no_scroll_bar_in_large_text(qtbot, big_win):
    """The sidebar, kept narrow for small screens, grew a horizontal scroll bar in large text
    (its entries' padding passed its width), a control with nothing to show."""
    win = big_win
    win.resize(1024, 560)
    settle(qtbot, win)
    assert win.nav.sizeHintForColumn(0) > win.nav.viewport().width()   # wider than its room
    assert not win.nav.horizontalScrollBar().isVisible()
