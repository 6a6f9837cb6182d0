"""Keyboard-only use of the request and export pages (new-user hunt): each camera's tick box
and timeline were made after the page and so came last in Tab's order, after "Approve and
send" and "Export": an owner using the keyboard met the choices and the button before the
cameras they choose. Now Tab goes through the cameras where they are seen, between the
timelines' area and the options."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.gui_support import footage, open_world_request, settle, win  # noqa: E402,F401


def tab_order(qtbot, start, stop, limit=60) -> list:
    """The widgets Tab gives the focus to, from `start` until `stop`."""
    start.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = [start]
    while seen[-1] is not stop and len(seen) < limit:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_reaches_each_camera_before_the_options_and_approve(qtbot, win):  # noqa: F811
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.show_page("inbox")
    settle(qtbot, win)
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    page = win.request
    order = tab_order(qtbot, page.strip_scroll, page.approve_button)
    expected = []
    for camera in page.strip.checks:
        expected += [page.strip.checks[camera], page.strip.timelines[camera]]
    assert order[1:1 + len(expected)] == expected
    assert order.index(page.options.copy_mode) > len(expected)


def test_tab_reaches_each_camera_before_the_folder_and_export(qtbot, win):  # noqa: F811
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    order = tab_order(qtbot, page.strip_scroll, page.export_button)
    expected = []
    for camera in page.strip.checks:
        expected += [page.strip.checks[camera], page.strip.timelines[camera]]
    assert expected and order[1:1 + len(expected)] == expected
    assert order.index(page.folder) > len(expected)


def test_tab_leaves_every_table(qtbot, win):  # noqa: F811
    """Tab went from cell to cell of a table, round and round: a keyboard user who tabbed into
    Settings' list of folders (or the requests, the log, the registrations) could not get out
    to the buttons under it."""
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    tables = {"inbox": [win.inbox.table], "log": [win.log.table],
              "settings": [win.settings.sources, win.settings.cameras,
                           win.settings.agencies.table, win.settings.registrations.table]}
    for page, found in tables.items():
        win.show_page(page)
        settle(qtbot, win)
        for table in found:
            assert table.rowCount() > 0, page
            table.setCurrentCell(0, 0)
            table.setFocus(Qt.TabFocusReason)
            qtbot.waitUntil(table.hasFocus)
            qtbot.keyClick(table, Qt.Key_Tab)
            assert not table.hasFocus(), (page, table.accessibleName())


def test_tab_reaches_each_camera_to_register_before_next(qtbot, win):  # noqa: F811
    """The registration's camera cards, made when the page opens, came after Next in Tab's
    order: a keyboard user left the page before reaching the cameras to tick."""
    from agent.views import Contact
    win.show_page("settings")
    settle(qtbot, win)
    qtbot.mouseClick(win.settings.registrations.register_button, Qt.LeftButton)
    settle(qtbot, win)
    flow = win.register.flow
    flow.invite.invite.setText("inv-" + "q" * 26)
    flow.next()
    flow.contact.fill(Contact("Sam Sample", "sam@example.com", ""))
    flow.next()
    settle(qtbot, win)
    cards = list(flow.cameras.cards.values())
    assert len(cards) == 2
    cards[0].tick.setChecked(True)   # its fields open for typing
    order = tab_order(qtbot, flow.cameras.scroll, flow.next_button)
    first = cards[0]
    assert order[1:7] == [first.tick, first.address, first.point, first.sees, first.retention,
                          cards[1].tick]


def test_privacy_masks_are_drawn_and_saved_by_keyboard_alone(qtbot, win):  # noqa: F811
    """Masks could be drawn only by clicking corners on the picture: an owner without a mouse
    reached the picture with Tab and nothing they pressed put a corner there. Now the arrows
    move a cross, Space puts a corner, Enter closes the shape, and Tab goes on to Save."""
    from tests.test_gui_masks_unsaved import open_masks, saved
    page = open_masks(qtbot, win, "driveway")
    canvas = page.canvas
    order = tab_order(qtbot, page.cameras, page.save_button)
    assert canvas in order
    assert canvas.accessibleName() and "Space" in canvas.accessibleDescription()
    canvas.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    for keys in ([], [Qt.Key_Right] * 5, [Qt.Key_Down] * 5):
        for key in keys:
            qtbot.keyClick(canvas, key, Qt.ShiftModifier)
        qtbot.keyClick(canvas, Qt.Key_Space)
    assert page.count.text() == "0 areas blacked out; 3 corners of a new area"
    qtbot.keyClick(canvas, Qt.Key_Return)
    corners = canvas.shapes[0]
    assert corners[0] == (0.5, 0.5) and corners[1][0] > 0.9 and corners[2][1] > 0.9
    order = tab_order(qtbot, canvas, page.save_button)
    qtbot.keyClick(page.save_button, Qt.Key_Space)
    settle(qtbot, win)
    assert saved(win, "driveway") == 1 and page.count.text() == "1 area blacked out"


def test_a_screen_reader_hears_what_a_timeline_holds_and_its_keys(qtbot, win):  # noqa: F811
    """A timeline said only "Timeline of driveway": a screen reader's owner heard neither the
    minutes chosen nor the moment shown, nor that keys trim it. Its description now says them
    and follows each key."""
    from gui.views import display
    page = open_world_request(qtbot, win)
    timeline = next(iter(page.strip.timelines.values()))
    assert timeline in tab_order(qtbot, page.strip_scroll, page.approve_button)
    timeline.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(timeline.hasFocus)
    for key in (Qt.Key_Right, Qt.Key_Right, Qt.Key_I):
        qtbot.keyClick(timeline, key)
    said = timeline.accessibleDescription()
    start = display.clock(timeline.in_us, win.ctx.zone)
    assert timeline.in_us > timeline.limit_start and start in said
    assert display.clock(timeline.out_us, win.ctx.zone) in said
    assert "I makes it the start" in said
