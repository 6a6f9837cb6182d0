"""The app left in the tray for days, as owners leave it (started at login): what its window
shows when opened from the tray again is how things stand now, not as they stood when it was
hidden."""
from __future__ import annotations

import time
import types

import pytest

from tests.gui_support import footage, settle, win  # noqa: F401  (fixtures)

pytest.importorskip("PySide6")

DAY_S = 86400


def test_opened_from_the_tray_days_later_the_inbox_shows_a_request_that_expired_since(
        qtbot, win, monkeypatch):  # noqa: F811
    # Days hunt: the inbox was read when the app started and again only when a new request
    # came in or its page was picked in the sidebar. Opened from the tray days later it
    # showed a request that had expired meanwhile as New with '4 days left', and the owner
    # opened it to approve what could no longer be sent.
    import gui.pages.inbox as inbox_page

    agent = win.ctx.agent
    agent.requests.import_request(agent.home.parent / "world" / "request.jws")
    win.show_page("inbox")
    settle(qtbot, win)
    row = lambda: [win.inbox.table.item(0, c).text() for c in range(win.inbox.table.columnCount())]  # noqa: E731
    before = row()
    assert before[-1].endswith("left")                   # '4 days left'
    win.close()                                  # closed to the tray: the app keeps running
    assert not win.isVisible()

    later = time.time() + 6 * DAY_S              # six days on (the request allowed five)
    monkeypatch.setattr(agent.requests.inbox, "_clock", lambda: later)
    monkeypatch.setattr(inbox_page, "time", types.SimpleNamespace(time=lambda: later))
    now = agent.requests.list()                  # the service's poll reads the inbox meanwhile
    assert [v.status for v in now] == ["expired"]
    win.tray.openRequested.emit()                # the owner clicks the tray icon
    settle(qtbot, win)
    assert win.isVisible()
    from gui.views import requests as words
    shown = row()
    assert shown[4] == words.status(now[0]) != before[4]   # no longer 'Waiting for you'
    assert shown[-1] == ""                               # nothing left to answer by
