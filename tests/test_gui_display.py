"""The app shows what a request and the log say through the same display sanitiser as the
command line (issue 15, finding 3): no control, bidirectional or zero-width character reaches a
screen, and a newline in a one-line field starts no line of its own."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from demo.gui_data import make_world, request_claims, sign  # noqa: E402
from tests.gui_support import footage, open_window, settle  # noqa: E402,F401
from tests.test_display import ACTING, FAKE  # noqa: E402

FRAUD = "\nFrom: Fraud Squad, call +1-555-0199"
# Camera names a request may send: a bidi override with a zero-width space (renders "Garage
# call your phone"), and an '&' that Qt would make a keyboard shortcut of.
CAMERAS = ("porch", "Garage\u202eenohp ruoy llac\u200b", "&Approve")


def clean(text: str, newlines: bool = False) -> bool:
    return not any(ch in text for ch in ACTING if not (newlines and ch == "\n"))


@pytest.fixture
def hostile(qtbot, tmp_path, footage, monkeypatch):
    """The app with a request whose signed fields carry escapes, bidi controls and newlines,
    imported by the owner and opened."""
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    claims = request_claims(
        "req-evil", world.start_us, world.end_us, int(time.time()),
        case={"number": "2026-1" + FRAUD + FAKE, "incident": "theft\u202e\u2066" + FRAUD},
        requester={"name": "Det. Roe" + FRAUD, "unit": "North\u200b" + FAKE, "badge": "1\r2"},
        location={"address": "1200 Elm" + FRAUD, "radius_m": 100},
        message="Line one\u202eeno\nLine two" + FAKE, aud=world.registration,
        cameras=list(CAMERAS))
    path = tmp_path / "evil.jws"
    path.write_text(sign(world.key, claims))
    win, agent = open_window(qtbot, world.home)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(win.inbox.import_button, Qt.LeftButton)
    settle(qtbot, win)
    yield win
    win.shutdown()
    agent.close()


def test_inbox_request_page_and_log_show_nothing_that_acts(qtbot, hostile):
    win = hostile
    table = win.inbox.table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert all(clean(c) for c in cells) and "Fraud Squad" in cells[2]
    assert clean(win.inbox.status.text())
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    info = win.request.info
    for label in (info.agency, info.phone, info.requester, info.case, info.location,
                  win.request.title):
        assert clean(label.text()), label.text()
    assert "Fraud Squad" in info.case.text() and "Fraud Squad" in info.requester.text()
    message = info.message.toPlainText()
    assert clean(message, newlines=True) and message.splitlines()[1].startswith("Line two")
    assert win.tray.notifications == [] or all(clean(t) for n in win.tray.notifications
                                                 for t in n)
    win.show_page("log")
    win.log.refresh()
    settle(qtbot, win)
    log = win.log.table
    texts = [log.item(r, c).text() for r in range(log.rowCount()) for c in range(3)]
    assert any("Fraud Squad" in t for t in texts) and all(clean(t) for t in texts)


def test_camera_names_a_request_sends_label_the_check_boxes_inertly(qtbot, hostile):
    """Trust hunt finding 6: the request page put the request's camera names on its check
    boxes and timelines as they came (a bidi override and a zero-width space on screen, '&'
    turned into an Alt shortcut); the raw name stays the key the approval uses."""
    win = hostile
    win.open_request(win.inbox.views[0])
    settle(qtbot, win)
    strip = win.request.strip
    assert list(strip.checks)[:3] == list(CAMERAS)
    for camera in CAMERAS:
        box, timeline = strip.checks[camera], strip.timelines[camera]
        assert clean(box.text()) and clean(timeline.accessibleName()), box.text()
        assert QKeySequence.mnemonic(box.text()).isEmpty(), box.text()
    assert strip.checks["Garage\u202eenohp ruoy llac\u200b"].text() == \
        "Garage\\u202eenohp ruoy llac\\u200b"
    assert strip.checks["&Approve"].text() == "&&Approve"   # shown as "&Approve"
    assert strip.checks["porch"].isChecked()
