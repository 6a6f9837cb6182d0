"""The decline reason box had no limit: a reason longer than the protocol allows (2000
characters, frp.claims) was refused only on pressing Decline. Now the box holds at most that
many characters (counted as the agent counts them), and a longer paste is cut there with a
line saying so, keeping what the owner had typed around it."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from frp.claims import MAX_MESSAGE_CHARS  # noqa: E402
from gui.shell.app import application  # noqa: E402
from tests.gui_support import footage, settle  # noqa: E402,F401
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401

EMOJI = "\U0001F600"   # one character to the agent, two UTF-16 units to Qt


def paste(qtbot, box, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(box, Qt.Key_V, Qt.ControlModifier)


def test_a_longer_pasted_reason_is_cut_visibly_and_the_decline_goes_through(
        qtbot, pwin, portal, footage):
    p = portal[0]
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    qtbot.keyClicks(page.reason, "Lens fogged: ")
    paste(qtbot, page.reason, "x" * (MAX_MESSAGE_CHARS + 500))
    reason = page.reason.text()
    assert len(reason) == MAX_MESSAGE_CHARS and reason.startswith("Lens fogged: x")
    assert page.status.isVisible() and str(MAX_MESSAGE_CHARS) in page.status.text()
    assert "cut" in page.status.text()

    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    # A plain decline waits for nothing: no "Stop" a double click's second press would hit.
    assert not page.decline_button.isEnabled() and page.decline_button.text() == "Decline"
    settle(qtbot, pwin)
    (decision,) = p.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == reason


@pytest.fixture
def box(qtbot):
    from gui.widgets.reason_box import ReasonBox

    application()
    made = ReasonBox()
    qtbot.addWidget(made)
    made.show()
    cuts: list[int] = []
    made.cut.connect(cuts.append)
    return made, cuts


def test_a_paste_in_the_middle_keeps_the_text_typed_after_it(qtbot, box):
    made, cuts = box
    typed = "a" * (MAX_MESSAGE_CHARS - 10) + "END"
    made.setText(typed)
    made.setCursorPosition(5)
    paste(qtbot, made, "b" * 50)
    text = made.text()
    assert len(text) == MAX_MESSAGE_CHARS and text.endswith("aaaEND")
    assert text[:5] + text[12:] == typed and text[5:12] == "b" * 7
    assert made.cursorPosition() == 12 and cuts == [MAX_MESSAGE_CHARS]

    qtbot.keyClick(made, Qt.Key_Z)   # full: a key typed is refused, and said so again
    assert made.text() == text and cuts == [MAX_MESSAGE_CHARS] * 2


def test_characters_are_counted_as_the_agent_counts_them(qtbot, box):
    made, cuts = box
    paste(qtbot, made, EMOJI * MAX_MESSAGE_CHARS)          # fits: nothing cut
    assert made.text() == EMOJI * MAX_MESSAGE_CHARS and cuts == []
    made.clear()
    paste(qtbot, made, EMOJI * (MAX_MESSAGE_CHARS + 1))    # one too many: cut, and said
    assert made.text() == EMOJI * MAX_MESSAGE_CHARS and cuts == [MAX_MESSAGE_CHARS]


def test_a_reason_typed_for_one_request_is_not_left_for_the_next(qtbot, pwin, portal, footage):
    """Seen: the box kept what was typed when another request was opened, so Decline there
    would have sent the first request's reason."""
    ask(portal, footage, case="2026-000001")
    ask(portal, footage, case="2026-000002")
    sync_by_click(qtbot, pwin)
    first, second = pwin.inbox.views[:2]
    pwin.open_request(first)
    settle(qtbot, pwin)
    qtbot.keyClicks(pwin.request.reason, "Not my camera's view")
    pwin.open_request(first)            # the same request again (a refresh): kept
    settle(qtbot, pwin)
    assert pwin.request.reason.text() == "Not my camera's view"
    pwin.open_request(second)
    settle(qtbot, pwin)
    assert pwin.request.reason.text() == ""


def test_the_decline_button_declines_a_request_that_no_longer_verifies(
        qtbot, pwin, portal, footage, tmp_path):
    """The hunt: once the agency's file was replaced by one with only a new key, Decline said
    "That did not work: the request no longer verifies" and the request stayed new. It is
    declined and the agency told, as by `decline` (cli.md)."""
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from agent.requests.agencies import TrustStore
    from demo.gui_data import agency_doc

    p, _server, _reg, home = portal
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    doc = json.loads((p.state_dir / "agency.json").read_text())
    rotated = tmp_path / "rotated.json"   # the agency's file again, with only a new key
    rotated.write_text(json.dumps({**doc, "keys": agency_doc(Ed25519PrivateKey.generate())["keys"]}))
    TrustStore(home).add(rotated, replace=True)
    pwin.inbox.refresh()
    settle(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    assert page.decline_button.isEnabled()
    qtbot.keyClicks(page.reason, "Not my street")
    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert "did not work" not in page.status.text()
    (decision,) = p.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == "Not my street"


def test_a_pasted_reason_holding_a_terminal_escape_is_refused_saying_which(
        qtbot, pwin, portal, footage):
    """The decline hunt: a reason holding control characters (a terminal escape, a bell) or
    a right-to-left override was sent to the agency as pasted. The app's Decline is refused
    before anything is signed, naming the character; the request stays undecided."""
    p = portal[0]
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    paste(qtbot, page.reason, "not my street \x1b[31m")
    assert "\x1b" in page.reason.text()   # Qt keeps it: the agent must refuse it
    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    settle(qtbot, pwin)
    said = page.status.text()
    assert "\\x1b" in said and "write the reason again without it" in said, said
    assert p.decisions() == [] and page.view.status == "new"
