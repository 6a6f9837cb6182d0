"""Every scroll area Tab stops on shows that it has the focus (GUI hunt). The request's facts,
its camera strip and the Export and Settings pages' areas took the focus (their arrows scroll
them) but, frameless, drew nothing for it: a keyboard user pressing Tab saw the focus vanish.
A ring is now drawn over such an area while it has the focus, taking no room (the Spanish
request page at 1024x520 has none to spare: tests/test_gui_fit.py)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractScrollArea  # noqa: E402

from tests.gui_support import footage, settle, win  # noqa: E402,F401
from tests.test_gui_focus_names import tab_stops  # noqa: E402


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
