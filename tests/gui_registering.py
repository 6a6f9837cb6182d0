"""What the registration tests of the app share (tests/test_gui_registration*.py): the
reference portal served on 127.0.0.1 beside an agent home with the sample footage indexed, the
app window on that home, clicking and typing, and the check that every visible control has a
name a screen reader can announce."""
from __future__ import annotations

import os
import socket

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from agent.service import Agent  # noqa: E402
from agent.views import Camera, Contact  # noqa: E402
from demo.gui_data import AGENCY_ID, AGENCY_NAME, index_footage  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import settle  # noqa: E402
from tests.gui_support import open_window as open_app_window  # noqa: E402
from tests.registering import invite  # noqa: E402

ADDRESS = "1200 Elm Street, Seattle"
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def free_port() -> int:
    """A port nothing listens on now (the portal is restarted on it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class World:
    """A portal served on 127.0.0.1, and an agent home with the sample footage indexed."""

    def __init__(self, root, footage) -> None:
        self.portal = Portal.init(root / "portal", AGENCY_NAME, AGENCY_ID, "+1-206-555-0100")
        self.port = free_port()
        self.server = PortalServer(self.portal.state_dir, port=self.port).start()
        self.agency_file = self.portal.state_dir / "agency.json"
        self.home = root / "home"
        index_footage(self.home, footage[0])

    def restart(self) -> None:
        """Serve again on the same port (the agency file names it)."""
        self.server = PortalServer(self.portal.state_dir, port=self.port).start()

    def register_here(self, cameras=(Camera("porch", address=ADDRESS),)) -> str:
        """Register the home through the portal (the agent's own call), before the app opens."""
        agent = Agent(self.home)
        try:
            agent.add_agency(self.agency_file)
            return agent.register(AGENCY_ID, invite(self.portal), Contact("Ann Owner"),
                                  cameras).id
        finally:
            agent.close()


@pytest.fixture
def world(tmp_path, footage):
    made = World(tmp_path, footage)
    yield made
    made.server.stop()


@pytest.fixture
def open_window(qtbot):
    made = []

    def make(home):
        window, agent = open_app_window(qtbot, home)
        made.append((window, agent))
        return window
    yield make
    for window, agent in made:
        window.shutdown()
        agent.close()


def click(qtbot, widget):
    """A left click in the middle of a widget."""
    qtbot.mouseClick(widget, Qt.LeftButton)


def nav(qtbot, window, title):
    """Click a sidebar entry and let the page load."""
    row = [window.nav.item(i).text() for i in range(window.nav.count())].index(title)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton, pos=rect.center())
    settle(qtbot, window)


def tick(qtbot, box):
    """Click a tick box on its box (a wide one's middle is empty space, not the box)."""
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))


def type_into(qtbot, field, text):
    """Replace a field's text by typing."""
    field.clear()
    qtbot.keyClicks(field, text)


def unnamed(root: QWidget) -> list[str]:
    """The visible controls under `root` a screen reader would announce without a name (the
    parts inside a control, such as a spin box's text field, belong to it)."""
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisibleTo(root):
            continue
        up = w.parentWidget()
        while up is not None and up is not root and not isinstance(up, CONTROLS):
            up = up.parentWidget()
        if up is not None and up is not root:
            continue
        name = QAccessible.queryAccessibleInterface(w).text(QAccessible.Name)
        if not name.strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r}")
    return missing


def all_labels(root: QWidget) -> str:
    """Every label's text under `root`."""
    return "\n".join(label.text() for label in root.findChildren(QLabel))


def open_flow_from_settings(qtbot, win):
    """Settings, "Register with an agency...": the register page's flow."""
    nav(qtbot, win, "Settings")
    click(qtbot, win.settings.registrations.register_button)
    settle(qtbot, win)
    assert win.pages.currentWidget() is win.register
    return win.register.flow


def fill_and_review(qtbot, win, flow, code, sees="the porch and the sidewalk"):
    """Invite, contact and the porch camera typed; the review page reached."""
    type_into(qtbot, flow.invite.invite, code)
    click(qtbot, flow.next_button)
    type_into(qtbot, flow.contact.name, "Ann Owner")
    click(qtbot, flow.next_button)
    porch = flow.cameras.cards["porch"]
    tick(qtbot, porch.tick)
    type_into(qtbot, porch.address, ADDRESS)
    type_into(qtbot, porch.sees, sees)
    click(qtbot, flow.next_button)
    assert flow.pages.currentWidget() is flow.review, flow.status.text()
