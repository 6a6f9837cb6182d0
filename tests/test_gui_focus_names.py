"""Every place Tab stops says what it is (accessibility hunt). The scroll areas that take the
focus (a page's, the request's facts, its cameras), the agency's message on the request page,
and the lists to pick from (the masks' camera, a folder's layout and zone, the camera whose
clock is checked) had no name of their own: a screen reader said "scroll area", nothing, or
only the choice shown ("auto", "driveway"), not what is chosen. Every stop now has a name."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLabel  # noqa: E402

from tests.gui_support import footage, settle, win  # noqa: E402,F401


def tab_stops(qtbot, win, limit=150) -> list:
    """The widgets Tab stops at, from the sidebar round to it again (a date field's sections
    are one stop)."""
    win.nav.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(win.nav.hasFocus)
    stops = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is win.nav:
            return stops
        if not stops or stops[-1] is not widget:
            stops.append(widget)
    raise AssertionError(f"Tab never came back to the sidebar: {stops[-5:]}")


def name_of(widget) -> str:
    """What a screen reader calls the widget: its accessible name, else its label's (a label
    whose buddy it is) or a button's text. A list to pick from is called by its choice on
    Linux, so only its own name or its label's counts there."""
    if isinstance(widget, QComboBox):
        labels = [label.text() for label in widget.window().findChildren(QLabel)
                  if label.buddy() is widget]
        return widget.accessibleName() or "".join(labels)
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Name)


def nameless(stops) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in stops if not name_of(w).strip()]


def test_every_tab_stop_has_a_name(qtbot, win):  # noqa: F811
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.inbox.refresh()
    settle(qtbot, win)
    missing = {}
    for page in ("inbox", "export", "log", "settings", "masks"):
        win.show_page(page)
        settle(qtbot, win)
        missing[page] = nameless(tab_stops(qtbot, win))
    win.show_page("first_run")
    for step in range(win.first_run.steps.count()):
        win.first_run.go(step)
        settle(qtbot, win)
        missing[f"first_run {step}"] = nameless(tab_stops(qtbot, win))
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    missing["request"] = nameless(tab_stops(qtbot, win))
    found = {page: found for page, found in missing.items() if found}
    assert found == {}
