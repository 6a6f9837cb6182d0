"""A request brought in by the agent's background poll appears in the open inbox by itself."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.requests.agencies import TrustStore  # noqa: E402
from agent.timebase import US  # noqa: E402
from demo.gui_data import AGENCY_ID, index_footage  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import footage, open_window  # noqa: E402,F401
from tests.registering import enrol  # noqa: E402


def test_background_poll_refreshes_the_inbox_without_a_click(qtbot, tmp_path, footage):
    home = tmp_path / "home"
    index_footage(home, footage[0])
    portal = Portal.init(tmp_path / "portal", "Example City Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        trust = TrustStore(home)
        trust.add(portal.state_dir / "agency.json")
        reg = enrol(home, portal, ("driveway", "porch")).registration
        window, agent = open_window(qtbot, home)
        try:
            assert window.inbox.table.rowCount() == 0
            portal.create_request(reg, footage[1], footage[1] + 8 * US, "2026-118999",
                                  "Det. Jane Roe", cameras=("driveway",))
            with qtbot.waitSignal(window.ctx.bridge.requestsArrived, timeout=20000) as arrival:
                agent.requests.sync()  # what the service's poll thread does, minus the wait
            assert arrival.args == [1]
            qtbot.waitUntil(lambda: window.inbox.table.rowCount() == 1, timeout=20000)
            assert "2026-118999" in {window.inbox.table.item(0, c).text()
                                     for c in range(window.inbox.table.columnCount())
                                     if window.inbox.table.item(0, c)}
        finally:
            window.shutdown()
            agent.close()


def test_a_portal_the_background_poll_cannot_reach_is_said_above_the_requests(
        qtbot, tmp_path, footage):
    # Days hunt: with the agency's portal down for days, the inbox said "No requests yet" as
    # if all were well, while none could arrive. Once polls keep failing, it says so.
    from agent.requests import poll_thread

    home = tmp_path / "home"
    index_footage(home, footage[0])
    portal = Portal.init(tmp_path / "portal", "Example City Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        TrustStore(home).add(portal.state_dir / "agency.json")
        enrol(home, portal, ("driveway", "porch"))
    window, agent = open_window(qtbot, home)   # the portal is down from now on
    try:
        assert window.inbox.portals.isHidden()
        due: dict = {}
        with qtbot.waitSignal(window.ctx.bridge.portalsUnreachable, timeout=60000) as said:
            while not agent.requests.unreachable():   # the poll thread's passes, minus the waits
                due = {key: (0.0, failures, parked) for key, (_at, failures, parked) in due.items()}
                poll_thread._pass(agent.requests, due, threading.Event())
        assert said.args == [1]
        qtbot.waitUntil(lambda: window.inbox.portals.isVisible(), timeout=20000)
        text = window.inbox.portals.text()
        assert text.startswith("No request can arrive from Example City Police Department since ")
        assert "refused" in text   # why: nothing answers at the portal's address
    finally:
        window.shutdown()
        agent.close()
