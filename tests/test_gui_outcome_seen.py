"""A decision's end moves the owner only from where they made it (events hunt). Seen: a
delivery that went well switched the window to the requests the moment it ended, so the
progress page's "Delivered. ... the agency's signed receipt matches what was sent" (the
packages, their fingerprints) was never on screen, and the focus the page gave its Back button
to say how it ended was on a page no one saw; an owner who had gone to Settings (or the masks,
or another request) while it was sent, or while a decline waited for the portal, was pulled
away to the requests, asked about unsaved settings or losing the handles they had moved. Now
the progress page keeps the outcome until Back, and a decline's end leaves the page only when
its request is the one shown. The reference portal on loopback, real footage, the app
offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from tests.gui_support import footage, settle  # noqa: E402,F401
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401


def test_a_delivery_that_went_well_stays_on_its_outcome_until_back(qtbot, pwin, portal,
                                                                     footage):  # noqa: F811
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    progress = pwin.progress
    assert progress.finished_ok is True, progress.result.text()
    assert pwin.pages.currentWidget() is progress
    assert progress.result.isVisible() and progress.result.text().startswith("Delivered.")
    assert QApplication.focusWidget() is progress.done_button
    qtbot.keyClick(progress.done_button, Qt.Key_Space)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.inbox
    assert pwin.inbox.table.item(0, 4).text() == "Delivered"


def test_an_owner_gone_to_settings_while_it_is_sent_stays_there(qtbot, pwin, portal,
                                                                 footage):  # noqa: F811
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    pwin.show_page("settings")   # before the job can end: its end is queued to this thread
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is True, pwin.progress.result.text()
    assert pwin.pages.currentWidget() is pwin.settings


def test_a_decline_ending_while_another_request_is_trimmed_leaves_it_be(qtbot, pwin, portal,
                                                                        footage):  # noqa: F811
    ask(portal, footage, case="2026-000001")
    ask(portal, footage, case="2026-000002")
    sync_by_click(qtbot, pwin)
    views = {v.case: v for v in pwin.inbox.views}
    pwin.open_request(views["2026-000001"])
    settle(qtbot, pwin)
    page, cameras = pwin.request, pwin.ctx.agent.cameras()
    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    # Before the decline's end can reach this thread (it is queued to it): the other request
    # opened, as the inbox opens it, and its start moved by 3 s with the keys.
    page.open(views["2026-000002"], cameras)
    pwin.show_page("request")
    timeline = page.strip.timelines["driveway"]
    for key in (Qt.Key_Right, Qt.Key_Right, Qt.Key_Right, Qt.Key_I):
        qtbot.keyClick(timeline, key)
    settle(qtbot, pwin)
    declined = [v for v in pwin.ctx.agent.requests.list() if v.case == "2026-000001"]
    assert declined[0].status == "declined"
    assert pwin.pages.currentWidget() is page and page.view.case == "2026-000002"
    assert timeline.in_us == footage[1] + 3_000_000
    assert page.approve_button.isEnabled()   # the decline over, the request shown offers it


def test_a_long_package_path_keeps_the_outcome_and_back_in_the_window(qtbot, tmp_path,
                                                                        footage):  # noqa: F811
    """Its outcome now on screen, a package's path showed it widening the page: a path breaks
    only after a '/' before a letter, nowhere in a Windows path, so its longest piece set the
    page's width; past the window's, the page scrolled sideways, the outcome's lines ran off
    and Back stood half out of the window. The outcome now wraps a long word at its edge and
    is as tall as its lines. An export by hand into a folder of one long name, which the
    title names too."""
    from demo.gui_data import make_world
    from tests.gui_support import export_result, open_window
    from tests.test_gui_fit import inside

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        win.resize(1024, 560)
        win.show_page("export")
        settle(qtbot, win)
        folder = tmp_path / ("porch_camera_for_the_insurance_claim_" * 3)
        result = export_result(qtbot, win, win.export, folder)
        assert win.progress.finished_ok is True, result
        assert folder.name in result and "\u2026" not in result
        settle(qtbot, win)
        assert win.size().toTuple() == (1024, 560)
        page, area = win.progress, win.pages.parentWidget()
        while not isinstance(area, QScrollArea):   # the pages' area (gui.shell.page_area)
            area = area.parentWidget()
        assert area.horizontalScrollBar().maximum() == 0   # no sideways scrolling
        shown = page.result.verticalScrollBar()   # every line of it shown, or scrolled to
        assert shown.maximum() == 0 or shown.isVisible()
        for w in (page.done_button, page.bar, page.result):
            assert inside(w, win), type(w).__name__
    finally:
        win.shutdown()
        agent.close()


def test_the_request_being_sent_opens_on_its_progress(qtbot, pwin, portal, footage):  # noqa: F811
    """An owner who left the progress page while the footage was sent (to look at the
    requests) had no way back to it: the sidebar does not list it, and opening the request
    showed its page with nothing to press, so Cancel and the outcome were out of reach. The
    request being sent now opens on its progress."""
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    view = pwin.request.view
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    pwin.show_page("inbox")   # before the job can end: its end is queued to this thread
    pwin.open_request(view)
    progress = pwin.progress
    assert pwin.pages.currentWidget() is progress
    assert progress.cancel_button.isVisible() and progress.cancel_button.isEnabled()
    settle(qtbot, pwin, timeout=60000)
    assert progress.finished_ok is True, progress.result.text()
    assert pwin.pages.currentWidget() is progress
    pwin.open_request(view)   # sent: its page again, as it now stands
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.request


def test_export_pressed_while_one_runs_shows_it_rather_than_start_another(qtbot, tmp_path,
                                                                          footage):  # noqa: F811
    """An owner who left an export by hand's progress and pressed Export again started a
    second export beside the first: the progress page followed the second, and the first's
    Cancel and outcome were out of reach. Export now shows the one running."""
    from demo.gui_data import make_world
    from tests.gui_support import open_window

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        win.show_page("export")
        settle(qtbot, win)
        page = win.export
        page.folder.setText(str(tmp_path / "usb"))
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
        first = win.progress.job
        win.show_page("export")   # before the job can end: its end is queued to this thread
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
        assert win.pages.currentWidget() is win.progress and win.progress.job is first
        settle(qtbot, win, timeout=60000)
        assert win.progress.finished_ok is True, win.progress.result.text()
        assert len(list((tmp_path / "usb").iterdir())) == 2   # one package per camera, once
        win.show_page("export")
        qtbot.mouseClick(page.export_button, Qt.LeftButton)   # ended: another may start
        assert win.progress.job is not first
        settle(qtbot, win, timeout=60000)
    finally:
        win.shutdown()
        agent.close()
