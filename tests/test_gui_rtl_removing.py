"""Names the owner or an agency chose, named in Settings' questions and status lines about
removing and unregistering (GUI hunt). Seen: Remove camera… on a folder's camera named
"מצלמה קדמית" said "מצלמה קדמית is the camera of a recordings folder: to remove it, remove its
folder above." with the name bare at the line's start, so the line took the name's direction
and was laid out from the right; Unregister… from an agency named "شرطة المدينة" asked
"شرطة المدينة forgets your contact details …" alike. The names are now set apart from the
app's words (gui.views.shown), as the summaries are. Real agent, index and portal on
127.0.0.1, the app offscreen; the lines laid out as a label lays them out
(tests/test_gui_rtl_names.py label_xs)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from agent.requests.agencies import TrustStore  # noqa: E402
from demo.gui_data import AGENCY_ID, index_footage  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import footage, open_window, settle, spanish, win  # noqa: E402,F401
from tests.registering import enrol  # noqa: E402
from tests.test_gui_rtl_arrival import ARABIC  # noqa: E402
from tests.test_gui_rtl_names import HEBREW, label_xs  # noqa: E402


def name_before(said: str, name: str, after: str, font) -> None:
    """`name` stands left of the app's words `after` it, as a label lays the line out."""
    line = next(li for li in said.split("\n") if name in li)
    places = label_xs(line, font)
    start = line.index(name)
    drawn = [places[start + i] for i, ch in enumerate(name) if ch != " "]
    assert max(drawn) < places[line.index(after) + 1], (line, places)
    assert "\\u2068" not in said and f"\u2068{name}\u2069" in said, said


@pytest.mark.parametrize("language", ["en", "es"])
def test_remove_camera_on_a_hebrew_folder_camera_is_said_in_order(qtbot, request, language):
    if language == "es":
        request.getfixturevalue("spanish")
    win = request.getfixturevalue("win")
    win.ctx.agent.rename_camera("porch", HEBREW)
    win.show_page("settings")
    settle(qtbot, win)
    page = win.settings
    names = [page.cameras.item(r, 0).text() for r in range(page.cameras.rowCount())]
    page.cameras.selectRow(names.index(HEBREW))
    qtbot.mouseClick(page.remove_camera_button, Qt.LeftButton)
    settle(qtbot, win)
    after = {"en": " is the camera", "es": "\u00bb es la c\u00e1mara"}[language]
    name_before(page.status.text(), HEBREW, after, page.status.font())


def test_unregister_from_an_arabic_agency_asks_in_order(qtbot, tmp_path, footage,  # noqa: F811
                                                        monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: asked.append(box.text()) or QMessageBox.Cancel)
    home = tmp_path / "home"
    index_footage(home, footage[0])
    portal = Portal.init(tmp_path / "portal", ARABIC, AGENCY_ID, "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        TrustStore(home).add(portal.state_dir / "agency.json")
        enrol(home, portal, ("driveway", "porch"))
        window, agent = open_window(qtbot, home)
        try:
            window.show_page("settings")
            settle(qtbot, window)
            panel = window.settings.registrations
            panel.table.selectRow(0)
            qtbot.mouseClick(panel.unregister_button, Qt.LeftButton)
            settle(qtbot, window)
        finally:
            window.shutdown()
            agent.close()
    (question,) = asked
    name_before(question, ARABIC, " forgets your contact details", QFont())
