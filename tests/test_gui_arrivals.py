"""A request brought in by the agent's background poll appears in the open inbox by itself."""
from __future__ import annotations

import os

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
