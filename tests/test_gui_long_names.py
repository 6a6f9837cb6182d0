"""Long names the app did not choose (GUI hunt): a long camera name was painted over its
timeline's times and its check box squeezed the timeline; a long agency name pushed the inbox's
columns off the window. Each now ends in "…" in the room it has, the whole name its tooltip."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QHelpEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QCheckBox, QToolTip  # noqa: E402

from agent.timebase import US  # noqa: E402
from gui.views import display  # noqa: E402
from demo.gui_data import AGENCY_ID, index_footage, make_world  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import drawn, footage, open_window, settle  # noqa: E402,F401
from tests.registering import enrol  # noqa: E402

LONG_CAMERA = "Back garden by the shed, looking over the fence towards the neighbours' drive"
LONG_AGENCY = ("Example City Police Department, Northern District Investigations Bureau, "
               "Digital Evidence and Video Recovery Unit")


def tip_of(widget, at: QPoint) -> str:
    """What hovering at `at` shows: the widget gets a real tooltip event."""
    QApplication.sendEvent(widget, QHelpEvent(QEvent.ToolTip, at, widget.mapToGlobal(at)))
    return drawn(QToolTip.text()) if QToolTip.isVisible() else ""


def painted_width(widget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text)


@pytest.fixture
def win(qtbot, tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    window.resize(1024, 600)
    window.show_page("export")
    settle(qtbot, window)
    yield window
    window.shutdown()
    agent.close()


def test_a_long_camera_name_is_cut_beside_and_under_its_timeline(qtbot, win, footage):
    strip = win.export.strip
    strip.set_cameras([LONG_CAMERA, "porch"], footage[1], footage[1] + 8 * US)
    settle(qtbot, win)
    qtbot.wait(10)   # the rows laid out
    long_tl, porch_tl = strip.timelines[LONG_CAMERA], strip.timelines["porch"]
    assert abs(long_tl.width() - porch_tl.width()) <= 1   # the name squeezes no timeline

    check = strip.checks[LONG_CAMERA]
    shown = QCheckBox.text(check)
    assert shown.endswith("\u2026") and painted_width(check, shown) <= check.text_room()
    assert check.text() == LONG_CAMERA and check.accessibleName() == LONG_CAMERA
    assert tip_of(check, QPoint(5, 5)) == LONG_CAMERA

    start, mid, end = long_tl.labels()
    left, right = 14, long_tl.width() - 14   # the track's ends, where the times are painted
    centre, half = (left + right) / 2, painted_width(long_tl, mid) / 2
    assert left + painted_width(long_tl, start) < centre - half      # clear of the start time
    assert centre + half < right - painted_width(long_tl, end)       # and of the end time
    assert mid.startswith("Back garden") and "\u2026" in mid
    assert display.clock(long_tl.position_us, long_tl.zone) in mid   # the time stays whole
    assert tip_of(long_tl, QPoint(20, 20)).startswith(LONG_CAMERA)
    assert porch_tl.labels()[1].startswith("porch: ") and porch_tl.tip() == ""


@pytest.fixture
def long_agency(tmp_path, footage):
    home = tmp_path / "home"
    index_footage(home, footage[0])
    portal = Portal.init(tmp_path / "portal", LONG_AGENCY, AGENCY_ID, "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        from agent.requests.agencies import TrustStore

        TrustStore(home).add(portal.state_dir / "agency.json")
        reg = enrol(home, portal, ("driveway", "porch")).registration
        portal.create_request(reg, footage[1], footage[1] + 8 * US, "2026-118842",
                              "Det. Jane Roe", cameras=("driveway",))
        yield home


def test_a_long_agency_name_is_cut_in_its_column_and_the_columns_stay_on_screen(
        qtbot, long_agency):
    win, agent = open_window(qtbot, long_agency)
    try:
        win.resize(1024, 600)
        qtbot.mouseClick(win.inbox.sync_button, Qt.LeftButton)
        settle(qtbot, win)
        table = win.inbox.table
        assert table.rowCount() == 1 and table.item(0, 1).text() == LONG_AGENCY
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width()   # nothing beyond the right edge
        for col in range(table.columnCount()):
            if col != 1:   # every other column still shows its whole text
                text = table.item(0, col).text()
                assert painted_width(table, text) <= table.columnWidth(col), (col, text)
        assert table.columnWidth(1) < painted_width(table, LONG_AGENCY)
        assert drawn(table.item(0, 1).toolTip()) == LONG_AGENCY

        win.resize(1800, 700)   # room enough: the whole name, no tooltip needed
        settle(qtbot, win)
        assert table.columnWidth(1) >= painted_width(table, LONG_AGENCY)
        assert table.item(0, 1).toolTip() == ""
    finally:
        win.shutdown()
        agent.close()


@pytest.fixture
def world_win(qtbot, tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    yield window, world
    window.shutdown()
    agent.close()


def test_a_long_case_number_never_hides_the_agency_in_the_request_pages_title(qtbot, world_win):
    """Words hunt 1: the title 'Request {case} from {agency}' ended in "…" at the right, so a
    long case number (up to 400 characters, the agency's own words) hid the agency's name,
    which is what tells the owner who asks. Now the case number alone is cut."""
    from PySide6.QtWidgets import QLabel

    from tests.gui_support import import_request, open_request

    win, world = world_win
    win.resize(1024, 600)
    long_case = "2026-119002-" + "ABCDEFGHIJ" * 38
    import_request(qtbot, win, world, "req-long-case", world.start_us + 4 * US,
                   case={"number": long_case})
    page = open_request(qtbot, win, "req-long-case")
    title = page.title
    painted = QLabel.text(title)
    agency = "Example City Police Department"
    head, _, tail = painted.partition("\u2026")
    assert tail == f" from {agency}"   # whole, and the words before it
    assert head.startswith("Request 2026-") and long_case.startswith(head[len("Request "):])
    assert painted_width(title, painted) <= title.contentsRect().width()
    assert title.text() == f"Request {long_case} from {agency}"
    assert drawn(title.toolTip()) == title.text()   # the whole case number on hovering


def test_a_camera_renamed_since_the_request_is_one_timeline_not_two(qtbot, world_win):
    """Words hunt: driveway renamed in Settings after the agency registered it, a request
    naming driveway showed it twice: 'driveway' (ticked, the request's name) and the new name
    (unticked, as a camera the request did not ask for), the same recordings under two names,
    while 'What will leave this PC' named the new one. It is one timeline now."""
    win, world = world_win
    agent = win.ctx.agent
    agent.rename_camera("driveway", LONG_CAMERA)
    agent.requests.import_request(world.request_file)
    win.inbox.refresh()
    settle(qtbot, win)
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    page = win.request
    assert list(page.strip.timelines) == ["driveway", "porch"]
    assert all(page.strip.checks[c].isChecked() for c in ("driveway", "porch"))


def test_a_long_case_number_cuts_none_of_the_apps_own_words_beside_it(qtbot, world_win):
    """Words hunt: a case number with no space to wrap at (up to 400 characters) widened the
    request's facts past their column, so every fact was cut at its right edge, the legal
    basis too: "Voluntary request (no warrant: you may say n". Only that text is cut now."""
    from tests.gui_support import import_request, open_request

    win, world = world_win
    win.resize(1366, 728)
    import_request(qtbot, win, world, "req-long-word", world.start_us + 4 * US,
                   case={"number": "2026-119002-" + "ABCDEFGHIJ" * 38})
    page = open_request(qtbot, win, "req-long-word")
    room = page.info_scroll.viewport().width()
    assert page.info.width() <= room
    basis = page.info.basis
    assert basis.text() == "Voluntary request (no warrant: you may say no)"
    assert basis.heightForWidth(basis.width()) <= basis.height()   # whole, wrapped in its room
    assert basis.mapTo(page.info, basis.rect().topRight()).x() <= room
