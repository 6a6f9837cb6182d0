"""Settings' Rename camera… and the registrations' Change details… / Unregister… with nothing
chosen in their table (GUI hunt). Seen: Tab into the cameras table (the owner moving through
the page by keyboard) or a row chosen and then unchosen with Ctrl+click left that row Qt's
current one with nothing chosen: nothing was highlighted, yet Rename camera… asked "New name
for driveway:" and renamed that camera. The registrations' buttons acted on the
current row the same way. Now each acts only on a row chosen (highlighted), else says to
choose one, as Remove folder and Remove agency do. Real agent, portal on 127.0.0.1 and index,
the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QInputDialog  # noqa: E402

from agent.views import Camera  # noqa: E402
from tests.gui_registering import (  # noqa: E402,F401 (fixtures)
    ADDRESS,
    click,
    nav,
    open_window,
    settle,
    world,
)
from tests.gui_support import footage  # noqa: E402,F401 (a fixture)


def current_not_chosen(qtbot, table) -> None:
    """The table's first row chosen by a click, then unchosen by Ctrl+click, as the owner
    does: Qt keeps it the current row, with nothing chosen."""
    where = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=where)
    assert table.selectedItems()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, Qt.ControlModifier, pos=where)
    assert table.currentRow() == 0 and table.selectedItems() == []


def test_rename_camera_with_nothing_chosen_asks_for_a_choice(qtbot, open_window, world,
                                                             monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "exec",   # the owner types "renamed" and presses OK
                        lambda box: asked.append(box.labelText()) or box.setTextValue("renamed")
                        or QDialog.Accepted)
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    page = win.settings
    before = sorted(win.ctx.agent.cameras())
    current_not_chosen(qtbot, page.cameras)
    click(qtbot, page.rename_button)
    settle(qtbot, win)
    assert asked == [] and page.status.text() == "Choose a camera in the list first."
    assert sorted(win.ctx.agent.cameras()) == before

    page.cameras.selectRow(0)            # chosen, the rename goes ahead
    chosen = page.cameras.item(0, 0).text()
    click(qtbot, page.rename_button)
    settle(qtbot, win)
    assert asked == [f"New name for {chosen}:"] and "renamed" in win.ctx.agent.cameras()


def test_registration_buttons_with_nothing_chosen_ask_for_a_choice(qtbot, open_window, world):
    world.register_here((Camera("porch", address=ADDRESS, sees="the porch"),))
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    panel = win.settings.registrations
    assert panel.table.rowCount() == 1
    current_not_chosen(qtbot, panel.table)
    for button in (panel.change_button, panel.unregister_button):
        panel.status.setText("")
        click(qtbot, button)
        settle(qtbot, win)
        assert panel.status.text() == "Choose a registration in the list first."
        assert win.pages.currentWidget() is win.settings
    assert len(world.portal.registry.rows()) == 1
