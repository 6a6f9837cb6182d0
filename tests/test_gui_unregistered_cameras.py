"""A request naming a camera the owner never registered with its agency (asked for before the
owner took it off the registration): the page says so beside who asks, the camera starts
unticked, and approving as shown sends only the registered camera."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from agent.service import Agent  # noqa: E402
from frp.registration import Contact  # noqa: E402
from tests.gui_support import ZONE, answers, footage, settle  # noqa: E402,F401
from tests.registering import cameras  # noqa: E402
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401


def test_an_unregistered_camera_is_said_and_starts_unticked(qtbot, portal, footage, request):
    p, _server, reg, home = portal
    ask(portal, footage)                                   # driveway and porch
    agent = Agent(home)
    try:
        agent.update_registration(p.agency_id, reg, Contact("Owner"), cameras("driveway"))
    finally:
        agent.close()
    pwin = request.getfixturevalue("pwin")
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    warning = page.info.unregistered
    assert warning.isVisibleTo(pwin) and "never registered with this agency: porch." in \
        warning.text()
    assert page.strip.checks["driveway"].isChecked()
    assert not page.strip.checks["porch"].isChecked()
    assert "Cameras: driveway\n" in page.summary.text()

    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is True, pwin.progress.result.text()
    (decision,) = p.decisions()
    assert decision["approved"]["cameras"] == ["driveway"]


def test_a_request_for_registered_cameras_shows_no_warning(qtbot, pwin, portal, footage):
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    assert not pwin.request.info.unregistered.isVisibleTo(pwin)
    assert all(box.isChecked() for box in pwin.request.strip.checks.values())
