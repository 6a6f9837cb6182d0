"""Tooltips holding text the app did not write (GUI hunt): Qt draws a tooltip that looks like
HTML as rich text, so a case number, an agency's or a camera's name such as "<b>x</b>" was
drawn in bold with its tags gone, and "<img src=...>" asked for a picture. The activity log
escaped its tooltips; the inbox's cut cells, the request page's title and case, Settings'
registrations, the camera check boxes and timelines did not. Each now shows the text as
written (gui.views.shown.plain_tip). `drawn` (tests.gui_support) reads a tooltip as Qt's
tooltip label draws it (rich text when Qt.mightBeRichText says so); the hovers are real
tooltip events, the app offscreen on the demo world."""
from __future__ import annotations

import os
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint  # noqa: E402

from agent.timebase import US  # noqa: E402
from agent.views import Camera  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import (  # noqa: E402,F401
    drawn, footage, import_request, open_request, open_window, settle)
from tests.test_gui_long_names import tip_of  # noqa: E402  (a real hover, as drawn)
from tests.test_gui_registration_views import VIEW  # noqa: E402

BOLD = "<b>BOLD</b><img src='x.png'>"
CASE = BOLD + "-2026-" + "Q" * 300     # long enough to be cut everywhere it is shown
CAMERA = BOLD + " back garden by the shed, looking over the fence towards the drive"


def test_a_case_number_that_looks_like_markup_is_shown_as_written_in_its_tooltips(
        qtbot, tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        win.resize(1024, 600)
        import_request(qtbot, win, world, "req-markup", world.start_us + 4 * US,
                       case={"number": CASE})
        settle(qtbot, win)
        table = win.inbox.table
        row = next(r for r in range(table.rowCount()) if table.item(r, 2).text() == CASE)
        assert drawn(table.item(row, 2).toolTip()) == CASE   # the cut cell, whole on hovering
        page = open_request(qtbot, win, "req-markup")
        assert tip_of(page.title, QPoint(5, 5)) == f"Request {CASE} from " \
            "Example City Police Department"
        case = page.info.case
        assert drawn(case.toolTip()).startswith(CASE)
    finally:
        win.shutdown()
        agent.close()


def test_a_camera_name_that_looks_like_markup_is_shown_as_written_in_its_tooltips(
        qtbot, tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        win.resize(1024, 600)
        win.show_page("export")
        settle(qtbot, win)
        strip = win.export.strip
        strip.set_cameras([CAMERA, "porch"], footage[1], footage[1] + 8 * US)
        settle(qtbot, win)
        qtbot.wait(10)   # the rows laid out
        assert tip_of(strip.checks[CAMERA], QPoint(5, 5)) == CAMERA
        assert tip_of(strip.timelines[CAMERA], QPoint(20, 20)).startswith(CAMERA)
    finally:
        win.shutdown()
        agent.close()


def test_settings_registrations_show_an_agency_and_cameras_that_look_like_markup_as_written(
        qtbot, tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        panel = win.settings.registrations
        view = replace(VIEW, agency_name=BOLD + " Police", cameras=(Camera(BOLD),))
        panel._show([view], False)
        tips = [drawn(panel.table.item(0, c).toolTip())
                for c in range(panel.table.columnCount())]
        assert BOLD + " Police" in tips and BOLD in tips, tips
        assert not any("BOLD" in t and "<b>" not in t for t in tips), tips
    finally:
        win.shutdown()
        agent.close()
