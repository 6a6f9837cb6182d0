"""A request from an agency named in Arabic, as the tray's notification announces it (GUI
hunt). Seen: "شرطة المدينة asks for your footage of …" with the name written bare at the
line's start, so the notification took the name's direction and was laid out from the right,
the app's words left of the name. The agency's name and the case are now set apart from the
app's words (gui.views.shown), the line starting in the app's direction. Real portal on
127.0.0.1, the agent's own poll, the app offscreen; the line laid out by its first strong
letter, as a system's notification lays it out (tests/test_gui_rtl_names.py xs)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402

from agent.requests.agencies import TrustStore  # noqa: E402
from agent.timebase import US  # noqa: E402
from demo.gui_data import AGENCY_ID, index_footage  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import footage, open_window, spanish  # noqa: E402,F401
from tests.registering import enrol  # noqa: E402
from tests.test_gui_rtl_names import xs  # noqa: E402

ARABIC = "\u0634\u0631\u0637\u0629 \u0627\u0644\u0645\u062f\u064a\u0646\u0629"   # شرطة المدينة


def announced(qtbot, tmp_path, footage) -> str:  # noqa: F811
    """The tray's text for a request the poll brings from the Arabic-named agency."""
    home = tmp_path / "home"
    index_footage(home, footage[0])
    portal = Portal.init(tmp_path / "portal", ARABIC, AGENCY_ID, "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        TrustStore(home).add(portal.state_dir / "agency.json")
        reg = enrol(home, portal, ("driveway", "porch")).registration
        window, agent = open_window(qtbot, home)
        try:
            portal.create_request(reg, footage[1], footage[1] + 8 * US, "2026-118999",
                                  "Det. Jane Roe", cameras=("driveway",))
            with qtbot.waitSignal(window.ctx.bridge.requestsArrived, timeout=20000):
                agent.requests.sync()   # what the service's poll thread does
            qtbot.waitUntil(lambda: bool(window.tray.notifications), timeout=20000)
            (_title, text), = window.tray.notifications
            return text
        finally:
            window.shutdown()
            agent.close()


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_an_arabic_agency_name_keeps_the_notification_in_order(qtbot, tmp_path, footage,
                                                               language, request):
    if language == "Spanish":
        request.getfixturevalue("spanish")
    text = announced(qtbot, tmp_path, footage)
    words = {"English": " asks for your footage", "Spanish": " le pide sus grabaciones"}[language]
    places = xs(text, QFont())
    name = [places[text.index(ARABIC) + i] for i, ch in enumerate(ARABIC) if ch != " "]
    after = text.index(words) + 1
    assert max(name) < places[after] < places[text.index("2026-118999")], (text, places)
    assert f"\u2068{ARABIC}\u2069{words}" in text and "\\u2068" not in text, text
