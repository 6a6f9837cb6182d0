"""What a screen reader is told a part of the window is (GUI hunt). The inbox's first column,
whose cells say "✔ Verified", had an empty header: a screen reader read the column as nothing.
A timeline, which the arrows move and I / O trim like a slider, was a generic "client" (Qt's
role for a plain widget), so a screen reader did not say it could be moved."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402

from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401


def headers(table) -> list[str]:
    """The column headers as a screen reader names them."""
    table_ui = QAccessible.queryAccessibleInterface(table)
    kids = (table_ui.child(k) for k in range(table_ui.childCount()))
    return [k.text(QAccessible.Name) for k in kids if k.role() == QAccessible.Role.ColumnHeader]


def open_the_request(qtbot, win):  # noqa: F811
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.inbox.refresh()
    settle(qtbot, win)


def test_every_inbox_column_has_a_spoken_header(qtbot, win):  # noqa: F811
    open_the_request(qtbot, win)
    said = headers(win.inbox.table)
    assert said[0] == "Verified"
    assert all(s.strip() for s in said), said
    # The eye still sees the badge alone: the header stays as narrow as it.
    assert win.inbox.table.horizontalHeaderItem(0).text() == ""


def test_the_spoken_header_is_in_spanish_too(qtbot, spanish, win):  # noqa: F811
    open_the_request(qtbot, win)
    assert headers(win.inbox.table)[0] == "Verificada"


def test_a_timeline_is_a_slider_to_a_screen_reader(qtbot, win):  # noqa: F811
    open_the_request(qtbot, win)
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    for camera, timeline in win.request.strip.timelines.items():
        ui = QAccessible.queryAccessibleInterface(timeline)
        assert ui.role() == QAccessible.Role.Slider, camera
        assert ui.text(QAccessible.Name) == f"Timeline of {camera}"
        assert "From " in ui.text(QAccessible.Description)


def test_a_timeline_tells_a_screen_reader_where_it_stands_and_where_the_arrows_moved_it(
        qtbot, win, monkeypatch):  # noqa: F811
    """GUI hunt: a timeline was a slider with no value: a screen reader said "slider" and not
    the moment shown, and nothing as Right moved it (the description alone changed, which a
    reader does not read out on its own). Its value is now the moment shown, as the eye reads
    it under the track, and each move sends a value change (Windows' UI Automation raises it
    with that text). The event's delivery to a reader cannot run offscreen: what the timeline
    hands Qt for it is recorded."""
    from gui.views import display
    from gui.widgets import timeline as timeline_module

    open_the_request(qtbot, win)
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    timeline = next(iter(win.request.strip.timelines.values()))
    ui = QAccessible.queryAccessibleInterface(timeline)
    assert ui.text(QAccessible.Value) == display.clock(timeline.position_us, win.ctx.zone)
    sent = []
    monkeypatch.setattr(timeline_module.QAccessible, "updateAccessibility",
                        lambda event: sent.append((event.type(), getattr(event, "value",
                                                                         lambda: None)())))
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    before = timeline.position_us
    qtbot.keyClick(timeline, Qt.Key_Right)
    assert timeline.position_us == before + 1_000_000
    moved = display.clock(timeline.position_us, win.ctx.zone)
    assert ui.text(QAccessible.Value) == moved
    assert (QAccessible.Event.ValueChanged, moved) in sent, sent
