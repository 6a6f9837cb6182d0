"""A request arriving while the owner has one chosen in the list leaves the choice on it
(events hunt). Seen: with CASE-B and CASE-A listed, the owner chose CASE-A (the second row) with
the arrow key; a background check brought CASE-C, listed first, and the choice stayed on the
second row, now CASE-B: Enter opened CASE-B, not the request the owner picked. The choice now
follows its request. Real signed requests, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import footage, import_request, open_window, settle  # noqa: E402,F401


@pytest.fixture
def world_win(qtbot, footage, tmp_path):  # noqa: F811
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    yield win, world
    win.shutdown()
    agent.close()


def case(number: str) -> dict:
    return {"number": number, "incident": "Package theft"}


def test_a_request_arriving_keeps_the_choice_on_the_request_picked(qtbot, world_win):
    win, world = world_win
    import_request(qtbot, win, world, "req-a", world.end_us, case=case("CASE-A"))
    import_request(qtbot, win, world, "req-b", world.end_us, case=case("CASE-B"))
    inbox, table = win.inbox, win.inbox.table
    assert [v.case for v in inbox.views] == ["CASE-B", "CASE-A"]
    table.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(table, Qt.Key_Down)
    assert inbox.views[table.currentRow()].case == "CASE-A"
    # as a background check brings it: the agent adds it, the list is read again
    import_request(qtbot, win, world, "req-c", world.end_us, case=case("CASE-C"))
    assert [v.case for v in inbox.views] == ["CASE-C", "CASE-B", "CASE-A"]
    assert inbox.views[table.currentRow()].case == "CASE-A"
    assert table.selectedItems() and inbox.open_button.isEnabled()
    qtbot.keyClick(table, Qt.Key_Return)
    settle(qtbot, win)
    assert win.pages.currentWidget() is win.request
    assert win.request.view.case == "CASE-A"
