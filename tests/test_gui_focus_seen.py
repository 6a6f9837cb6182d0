"""Where the keyboard is, is seen (accessibility hunt): an owner with poor sight who uses Tab
must see which control it reached. The styled buttons showed it as a pale fill barely darker
than the button (on the blue "Approve and send", "Export" and "Next" nothing could be told
apart), the sidebar not at all. Every control Tab reaches on the request page, and the sidebar,
now changes where it has the focus with a contrast of 3:1 at least (WCAG 2.2's focus
appearance), over at least a line round it. And every scroll area Tab stops on (the request's
facts, its camera strip, the Export and Settings pages' areas: frameless, they drew nothing for
the focus) shows a ring while it has it, taking no room (the Spanish request page at 1024x520
has none to spare: tests/test_gui_fit.py)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QApplication,  # noqa: E402
                               QWidget)

from tests.gui_support import footage, open_world_request, settle, win  # noqa: E402,F401
from tests.test_gui_focus_names import tab_stops  # noqa: E402
from tests.test_gui_keyboard import tab_order  # noqa: E402


def luminance(rgb: int) -> float:
    """WCAG's relative luminance of a pixel."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    colour = QColor(rgb)
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(a: int, b: int) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def strongly_changed(before: QImage, after: QImage) -> int:
    """How many pixels the focus changed with a contrast of 3:1 at least."""
    return sum(1 for y in range(min(before.height(), after.height()))
               for x in range(min(before.width(), after.width()))
               if before.pixel(x, y) != after.pixel(x, y)
               and contrast(before.pixel(x, y), after.pixel(x, y)) >= 3)


def unseen_focus(widgets: list[QWidget], reach) -> list[str]:
    """The widgets whose look hardly changes when `reach(widget)` gives them the focus."""
    before = {id(w): w.grab().toImage() for w in widgets}
    unseen = []
    for w in widgets:
        reach(w)
        # a list shows the focus on its current entry
        marked = (w.visualRect(w.currentIndex()) if isinstance(w, QAbstractItemView) else w.rect())
        perimeter = 2 * (marked.width() + marked.height())
        if strongly_changed(before[id(w)], w.grab().toImage()) < perimeter:
            unseen.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}")
    return unseen


def test_tab_shows_where_it_is_on_the_request_page(qtbot, win):  # noqa: F811
    page = open_world_request(qtbot, win)
    order = [w for w in tab_order(qtbot, page.strip_scroll, page.approve_button)[1:]
             if w.isVisible() and w.isEnabled()]
    assert page.approve_button in order and page.strip.timelines
    win.nav.setFocus(Qt.TabFocusReason)        # the focus away from them all

    def tab_to(widget):
        while QApplication.focusWidget() is not widget:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)

    assert unseen_focus(order, tab_to) == []


def test_tab_shows_where_it_is_in_the_sidebar(qtbot, win):  # noqa: F811
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.show_page("inbox")
    settle(qtbot, win)
    win.inbox.table.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(win.inbox.table.hasFocus)
    assert win.nav.currentItem().text() == "Requests"

    def backtab_to(widget):
        while QApplication.focusWidget() is not widget:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab)

    assert unseen_focus([win.nav], backtab_to) == []


def test_tab_shows_where_it_is_in_every_list(qtbot, win):  # noqa: F811
    """Keyboard hunt: Tab into the requests, the activity log or one of Settings' lists
    changed nothing on screen (the row chosen is lit whether or not the list has the focus),
    so an owner tabbing from "Export a clip by hand…" saw the ring leave it and go nowhere.
    A list with the focus now has the dark ring round it, and its rows do not move."""
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    tables = {"inbox": [win.inbox.table], "log": [win.log.table],
              "settings": [win.settings.sources, win.settings.cameras]}
    unseen, moved = {}, []

    def tab_to(widget):
        while QApplication.focusWidget() is not widget:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)

    for page, lists in tables.items():
        win.show_page(page)
        settle(qtbot, win)
        win.nav.setFocus(Qt.TabFocusReason)
        places = [t.viewport().geometry() for t in lists]
        unseen[page] = unseen_focus(lists, tab_to)
        moved += [t for t, place in zip(lists, places) if t.viewport().geometry() != place]
    assert {page: u for page, u in unseen.items() if u} == {}
    assert moved == []


def areas_without_a_seen_focus(qtbot, win) -> list[str]:  # noqa: F811
    """The scroll areas Tab stops on that look the same with the focus as without it."""
    unseen = []
    for area in [w for w in tab_stops(qtbot, win) if isinstance(w, QAbstractScrollArea)]:
        area.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(area.hasFocus)
        qtbot.wait(20)
        focused = area.grab().toImage()
        win.nav.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(lambda: not area.hasFocus())
        qtbot.wait(20)
        if area.grab().toImage() == focused:
            unseen.append(area.accessibleName() or type(area).__name__)
    return unseen


def test_every_scroll_area_tab_stops_on_shows_its_focus(qtbot, win):  # noqa: F811
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.inbox.refresh()
    settle(qtbot, win)
    unseen, seen_stops = {}, 0
    for page in ("export", "settings"):
        win.show_page(page)
        settle(qtbot, win)
        unseen[page] = areas_without_a_seen_focus(qtbot, win)
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    unseen["request"] = areas_without_a_seen_focus(qtbot, win)
    seen_stops = sum(isinstance(w, QAbstractScrollArea) for w in tab_stops(qtbot, win))
    assert seen_stops >= 2   # the facts and the cameras, at least
    assert {page: names for page, names in unseen.items() if names} == {}
