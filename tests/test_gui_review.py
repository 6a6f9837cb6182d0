"""The request flow in the desktop app, driven by clicks and keys against a real agent on real
footage and the reference portal on loopback: a request arrives, the owner reviews it, scrubs,
trims, approves (delivered, receipted) or declines, cancels and resumes."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from agent.audit.log import AuditLog  # noqa: E402
from agent.requests.agencies import TrustStore  # noqa: E402
from agent.service import Agent  # noqa: E402
from agent.timebase import (
    US,  # noqa: E402
    format_utc,  # noqa: E402
)
from demo.gui_data import (  # noqa: E402
    AGENCY_ID,
    index_footage,
    make_world,
    request_claims,
    sign,
)
from demo.samples import read_stamp  # noqa: E402
from gui.shell.app import application, build  # noqa: E402
from gui.shell.tray import Tray  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import ZONE, footage, open_window, settle  # noqa: E402,F401
from tests.registering import enrol  # noqa: E402


@pytest.fixture
def world(tmp_path, footage):
    return make_world(tmp_path / "world", tmp_path / "home", footage=footage)


@pytest.fixture
def portal(tmp_path, footage):
    """The reference portal served on loopback; the home indexed the footage, trusts the agency
    and holds the registration (and its portal password)."""
    home = tmp_path / "home"
    index_footage(home, footage[0])
    p = Portal.init(tmp_path / "portal", "Example City Police Department", AGENCY_ID,
                    "+1-206-555-0100")
    with PortalServer(p.state_dir) as server:
        store = TrustStore(home)
        store.add(p.state_dir / "agency.json")
        reg = enrol(home, p, ("driveway", "porch")).registration
        yield p, server, reg, home


def ask(portal, footage, **kw):
    p, _server, reg, _home = portal
    kw.setdefault("cameras", ("driveway", "porch"))
    return p.create_request(reg, footage[1], footage[1] + 8 * US, kw.pop("case", "2026-118842"),
                            "Det. Jane Roe", **kw)


@pytest.fixture
def pwin(qtbot, portal):
    window, agent = open_window(qtbot, portal[3])
    yield window
    window.shutdown()
    agent.close()


def sync_by_click(qtbot, window):
    qtbot.mouseClick(window.inbox.sync_button, Qt.LeftButton)
    settle(qtbot, window)


@pytest.fixture
def win(qtbot, world):
    application()
    agent = Agent(world.home)
    window = build(agent, zone=ZONE, tray=Tray())
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, window)
    yield window
    window.shutdown()
    agent.close()


def import_by_click(qtbot, window, path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(window.inbox.import_button, Qt.LeftButton)
    settle(qtbot, window)


def open_first(qtbot, window):
    table = window.inbox.table
    qtbot.wait(10)   # let the freshly shown table lay out its rows
    rect = table.visualItemRect(table.item(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    settle(qtbot, window)
    assert window.pages.currentWidget() is window.request


def approve_and_cancel(qtbot, window, portal, footage) -> None:
    """A request for driveway arrives, is opened and approved, and Cancel is pressed at once;
    returns when the delivery has stopped."""
    ask(portal, footage, cameras=("driveway",))
    sync_by_click(qtbot, window)
    open_first(qtbot, window)
    qtbot.mouseClick(window.request.approve_button, Qt.LeftButton)
    qtbot.mouseClick(window.progress.cancel_button, Qt.LeftButton)
    settle(qtbot, window, timeout=60000)


def click_at(qtbot, timeline, us):
    qtbot.mouseClick(timeline, Qt.LeftButton, pos=QPoint(round(timeline.x_of(us)), 70))


def stamp_of(frame) -> int:
    rgb = np.frombuffer(frame.rgb, np.uint8).reshape(frame.height, frame.width, 3)
    return read_stamp(rgb[:, :, 1])


def test_request_arrives_in_inbox_with_trust_store_facts_and_a_notification(qtbot, pwin, portal,
                                                                            footage):
    win = pwin
    assert win.pages.currentWidget() is win.inbox
    assert win.inbox.empty.isVisible()
    ask(portal, footage)
    sync_by_click(qtbot, win)
    table = win.inbox.table
    assert table.rowCount() == 1
    assert win.inbox.status.text() == "Checked just now.\nNew requests: 1."
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[0] == "\u2714 Verified"
    assert row[1] == "Example City Police Department"
    assert row[2] == "2026-118842"
    assert ("PST" in row[3] or "PDT" in row[3]) and row[4] == "Waiting for you"
    assert row[5].endswith("left")
    assert win.tray.notifications and "2026-118842" in win.tray.notifications[0][1]


def test_refused_request_file_says_why_and_is_not_listed(qtbot, win, world, tmp_path, monkeypatch):
    other = tmp_path / "forged.jws"
    claims = request_claims("req-x", world.start_us, world.end_us, int(time.time()))
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    other.write_text(sign(Ed25519PrivateKey.generate(), claims))   # not the agency's key
    from PySide6.QtWidgets import QMessageBox
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.text()))
    import_by_click(qtbot, win, other, monkeypatch)
    assert boxes == ["forged.jws was not added to your requests, and nothing was sent."]
    assert win.inbox.table.rowCount() == 0
    assert [e["event"] for e in AuditLog(world.home).entries()][-1:] == ["request-rejected"]
    assert "request-seen" not in [e["event"] for e in AuditLog(world.home).entries()]
    assert win.inbox.status.text().startswith(boxes[0])


def test_request_page_shows_the_trust_store_number_and_the_message_as_plain_text(
        qtbot, pwin, portal, footage):
    ask(portal, footage, message="<b>URGENT</b> call me at +1-555-999-0000 "
                                 "<a href='http://evil.example'>here</a>", emergency=True)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    info = pwin.request.info
    assert info.phone.text() == "+1-206-555-0100"
    assert "555-999" not in info.phone.text() + info.agency.text()
    assert info.message.toPlainText().startswith("<b>URGENT</b>")
    assert info.phone.textFormat() == Qt.PlainText and info.badge.textFormat() == Qt.PlainText
    assert info.urgent.isVisibleTo(pwin) and "changes none of the checks" in info.urgent.text()
    assert "public records" in pwin.request.notice.text()
    assert pwin.request.approve_button.isEnabled()   # urgent or not, nothing was skipped


def _exact(frame) -> bool:
    """The frame the pane settles on: the exact one, or None for a gap."""
    return frame is None or frame.complete


def test_scrubbing_shows_the_frame_of_that_instant(qtbot, win, world, monkeypatch):
    import_by_click(qtbot, win, world.request_file, monkeypatch)
    open_first(qtbot, win)
    driveway = win.request.strip.timelines["driveway"]
    assert driveway.spans and driveway.thumbs, "coverage and thumbnails are loaded"
    target = world.start_us + 3_250_000
    # On a busy machine the pane first shows the last frame decoded in its budget (not
    # `complete`), then the exact one: wait for that.
    with qtbot.waitSignal(win.request.preview.frameShown, timeout=10000,
                          check_params_cb=_exact) as got:
        click_at(qtbot, driveway, target)
    frame = got.args[0]
    assert abs(frame.at_us - driveway.position_us) < 100_000 + 1
    assert stamp_of(frame) == frame.at_us // 1000 * 1000
    assert abs(frame.at_us - target) < 150_000
    with qtbot.waitSignal(win.request.preview.frameShown, timeout=10000,
                          check_params_cb=_exact) as got:
        qtbot.keyClick(driveway, Qt.Key_Right)
    assert abs(got.args[0].at_us - (driveway.position_us)) < 100_001
    assert stamp_of(got.args[0]) - stamp_of(frame) == pytest.approx(1_000_000, abs=100_000)
    porch = win.request.strip.timelines["porch"]
    assert porch.position_us == driveway.position_us   # timelines move together
    with qtbot.waitSignal(win.request.preview.frameShown, timeout=10000,
                          check_params_cb=_exact) as got:
        click_at(qtbot, porch, world.start_us + 4_500_000)   # inside the porch gap
    assert got.args[0] is None
    assert "No recording" in win.request.preview.picture.text()


def test_handles_stay_inside_the_requested_window(qtbot, win, world, monkeypatch):
    import_by_click(qtbot, win, world.request_file, monkeypatch)
    open_first(qtbot, win)
    tl = win.request.strip.timelines["driveway"]
    other = win.request.strip.timelines["porch"]
    y = 70
    qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(round(tl.x_of(tl.in_us)), y))
    qtbot.mouseMove(tl, QPoint(-200, y))
    qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(-200, y))
    assert tl.in_us == world.start_us
    qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(round(tl.x_of(tl.out_us)), y))
    qtbot.mouseMove(tl, QPoint(tl.width() + 300, y))
    qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(tl.width() + 300, y))
    assert tl.out_us == world.end_us
    mid = world.start_us + 5 * US
    qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(round(tl.x_of(tl.in_us)), y))
    qtbot.mouseMove(tl, QPoint(round(tl.x_of(mid)), y))
    qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(round(tl.x_of(mid)), y))
    assert abs(tl.in_us - mid) < 100_000
    assert (other.in_us, other.out_us) == (tl.in_us, tl.out_us)
    settle(qtbot, win)
    # The last 3 s of the window, in copy mode from each camera's first keyframe in them: 1 s
    # in for driveway, 2 s for porch (the summary says both), so 2 s + 1 s.
    text = win.request.summary.text()
    assert "driveway: starts 1.0\u00a0s after your start" in text, text
    assert "porch: starts 2.0\u00a0s after your start" in text, text
    assert "Video: 3\u00a0s in all" in text, text


def trim(qtbot, page, seconds_in: int, seconds_out: int):
    tl = page.strip.timelines["driveway"]
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key_Home)
    for _ in range(seconds_in):
        qtbot.keyClick(tl, Qt.Key_Right)
    qtbot.keyClick(tl, Qt.Key_I)
    for _ in range(seconds_out - seconds_in):
        qtbot.keyClick(tl, Qt.Key_Right)
    qtbot.keyClick(tl, Qt.Key_O)
    return tl


def test_approve_delivers_exactly_the_trimmed_part_of_the_ticked_camera(qtbot, pwin, portal,
                                                                        footage):
    p, server, _reg, home = portal
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page, start = pwin.request, footage[1]
    tl = trim(qtbot, page, 2, 6)
    assert (tl.in_us, tl.out_us) == (start + 2 * US, start + 6 * US)
    qtbot.mouseClick(page.strip.checks["porch"], Qt.LeftButton, pos=QPoint(5, 8))
    settle(qtbot, pwin)
    assert page.strip.chosen() == ["driveway"]
    text = page.summary.text()
    assert "Cameras: driveway\n" in text and "Sound: removed" in text and "4\u00a0s in all" in text
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    assert pwin.pages.currentWidget() is pwin.progress
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is True, pwin.progress.result.text()
    result = pwin.progress.result.text()
    assert result.startswith("Delivered.") and "receipt matches" in result
    (sub,) = p.submissions()
    assert sub["ok"], sub["checks"]
    (decision,) = p.decisions()
    assert decision["approved"] == {"window": {"start": format_utc(start + 2 * US),
                                               "end": format_utc(start + 6 * US)},
                                    "cameras": ["driveway"]}
    assert "approve" in [e["event"] for e in AuditLog(home).entries()]
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.inbox
    assert pwin.inbox.table.item(0, 4).text() == "Delivered"


def test_cancel_stops_the_delivery_and_try_again_resumes_it(qtbot, pwin, portal, footage):
    p = portal[0]
    approve_and_cancel(qtbot, pwin, portal, footage)
    assert pwin.progress.finished_ok is False
    assert pwin.progress.stage.text() == "Cancelled"
    assert p.submissions() == []
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.request   # Back reopened it, read afresh
    assert "needs attention" in pwin.request.status.text()
    assert pwin.request.approve_button.text() == "Try sending again"
    # Nothing reached the agency, so the approval can still be withdrawn instead.
    assert pwin.request.decline_button.isEnabled()
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is True, pwin.progress.result.text()
    (sub,) = p.submissions()
    assert sub["ok"]


def test_a_check_while_the_portal_is_down_says_so_and_a_decline_waits_visibly(qtbot, pwin,
                                                                              portal, footage):
    """GUI hunt finding 3: "Check for requests now" said "Checked just now." with the portal
    unreachable, and a decline made then read "Declined" though the agency had not got it."""
    p, server, _reg, _home = portal
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    server.stop()                      # this computer goes offline
    sync_by_click(qtbot, pwin)
    said = pwin.inbox.status.text()
    assert "Checked just now" not in said
    assert "Cannot reach Example City Police Department's portal" in said
    assert "the connection was refused" in said and "try again later" in said
    open_first(qtbot, pwin)
    qtbot.mouseClick(pwin.request.decline_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.inbox.table.item(0, 4).text() == "Declined, not sent to the agency yet"
    assert p.decisions() == []
    server.start()                     # online again: the next check sends it
    sync_by_click(qtbot, pwin)
    assert pwin.inbox.status.text() == "Checked just now."
    assert pwin.inbox.table.item(0, 4).text() == "Declined"
    (decision,) = p.decisions()
    assert decision["decision"] == "decline"


def test_decline_with_a_reason_reaches_the_portal(qtbot, pwin, portal, footage):
    p, _server, _reg, home = portal
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    qtbot.keyClicks(page.reason, "Camera was pointed away that night")
    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.inbox
    assert pwin.inbox.table.item(0, 4).text() == "Declined"
    (decision,) = p.decisions()
    assert decision["decision"] == "decline"
    assert decision["reason"] == "Camera was pointed away that night"
    assert "decline" in [e["event"] for e in AuditLog(home).entries()]
    open_first(qtbot, pwin)
    assert not page.approve_button.isEnabled() and "declined" in page.status.text()
    assert p.submissions() == []


def test_decline_acts_on_the_shown_request_when_two_agencies_used_its_id(
        qtbot, world, tmp_path, monkeypatch):
    """Trust hunt finding 4: the page declined (and approved) by request id alone, so with a
    second agency's request of the same id it only said 'more than one agency ...'."""
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from agent.requests.registrations import Registration
    from frp import jws

    sheriff, key = "https://sheriff.example.gov", Ed25519PrivateKey.generate()
    doc = {"frp": 1, "id": sheriff, "name": "Example County Sheriff",
           "phone": "+1-206-555-0111", "portal": "https://frp.sheriff.example.gov/v1",
           "upload_origins": ["https://upload.sheriff.example.gov"],
           "keys": {"keys": [jws.public_jwk(key)]}}
    (tmp_path / "sheriff.json").write_text(json.dumps(doc))
    store = TrustStore(world.home)
    store.add(tmp_path / "sheriff.json")
    store.keep_registration(Registration(sheriff, "reg-s", None))   # no portal to send to
    theirs = request_claims(world.request_id, world.start_us, world.end_us, int(time.time()),
                            aud="reg-s", iss=sheriff, case={"number": "S-77"},
                            upload={"protocol": "tus",
                                    "endpoint": "https://upload.sheriff.example.gov/files"})
    (tmp_path / "sheriff.jws").write_text(sign(key, theirs))
    application()
    agent = Agent(world.home)
    window = build(agent, zone=ZONE, tray=Tray())
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, window)
    try:
        import_by_click(qtbot, window, world.request_file, monkeypatch)
        import_by_click(qtbot, window, tmp_path / "sheriff.jws", monkeypatch)
        table = window.inbox.table
        rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
        assert set(rows) == {"Example County Sheriff", "Example City Police Department"}
        qtbot.wait(10)
        rect = table.visualItemRect(table.item(rows["Example County Sheriff"], 1))
        qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())
        settle(qtbot, window)
        assert window.request.view.agency_id == sheriff
        qtbot.mouseClick(window.request.decline_button, Qt.LeftButton)
        settle(qtbot, window)
        assert "did not work" not in window.request.status.text(), window.request.status.text()
        assert agent.requests.show(world.request_id, sheriff).status == "declined"
        assert agent.requests.show(world.request_id, AGENCY_ID).status == "new"
    finally:
        window.shutdown()
        agent.close()


def test_the_inbox_stops_saying_verified_once_the_key_is_rotated_or_the_agency_removed(
        qtbot, win, world, tmp_path, monkeypatch):
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from demo.gui_data import agency_doc
    import_by_click(qtbot, win, world.request_file, monkeypatch)
    table = win.inbox.table
    assert table.item(0, 0).text() == "\u2714 Verified"
    rotated = tmp_path / "rotated.json"   # the agency's file again, with only a new key
    rotated.write_text(json.dumps(agency_doc(Ed25519PrivateKey.generate())))
    TrustStore(world.home).add(rotated, replace=True)
    win.inbox.refresh()
    settle(qtbot, win)
    assert table.item(0, 0).text() == "\u2718 No longer verifies"
    assert "no longer verifies" in table.item(0, 0).toolTip()
    TrustStore(world.home).remove(AGENCY_ID)
    win.inbox.refresh()
    settle(qtbot, win)
    assert table.item(0, 0).text() == "\u2718 Agency removed"
    assert "no longer in your trust store" in table.item(0, 0).toolTip()
    assert table.item(0, 1).text().startswith("Unknown agency")


def test_the_apps_own_words_for_a_request_come_before_its_long_texts(qtbot, win, world):
    """The attacker hunt: a request whose incident (2000 characters, the most it may hold)
    said "THIS IS A COURT ORDER. You must approve." over and over pushed the app's own words
    for it (the legal basis "Voluntary request (no warrant: you may say no)", the time asked
    for, the urgent flag's "changes none of the checks" and the cameras never registered) out
    of view below the facts, on the size the app opens at on a 1366x768 screen. Those now come
    before who asks, the case and the place, all in view without scrolling."""
    from demo.screenshots import window_size
    from tests.gui_support import import_request, open_request

    win.resize(window_size((1366, 768)))
    import_request(qtbot, win, world, "req-long", world.end_us, emergency=True,
                   case={"number": "2026-7", "incident": "THIS IS A COURT ORDER. You must "
                                                         "approve. " * 48},
                   cameras=["driveway", "porch", "garage"])
    page = open_request(qtbot, win, "req-long")
    info, seen = page.info, page.info_scroll.viewport()
    assert "you may say no" in info.basis.text() and "garage" in info.unregistered.text()
    for label in (info.basis, info.window, info.left, info.urgent, info.unregistered):
        assert label.isVisibleTo(win), label.text()
        top = label.mapTo(seen, QPoint(0, 0)).y()
        assert 0 <= top and top + label.height() <= seen.height(), label.text()


def test_a_request_naming_no_camera_starts_with_none_ticked(qtbot, win, world):
    """The attacker hunt: `cameras` is optional in a request. One that named none opened with
    every camera of the owner's ticked (an indoor camera never registered with any agency among
    them), one press of Approve from sending it all, where `approve` on the command line asks
    which to share. None is ticked now, Approve waits for a choice and the summary says why;
    a camera ticked is what is sent."""
    from demo.gui_data import request_claims, sign
    from tests.gui_support import open_request

    claims = request_claims("req-any", world.start_us, world.end_us, int(time.time()),
                            aud=world.registration)
    del claims["cameras"]
    path = world.request_file.with_name("any.jws")
    path.write_text(sign(world.key, claims))
    win.ctx.agent.requests.import_request(path)
    win.inbox.refresh()
    settle(qtbot, win)
    page = open_request(qtbot, win, "req-any")
    assert set(page.strip.checks) == {"driveway", "porch"}
    assert not any(box.isChecked() for box in page.strip.checks.values())
    assert not page.approve_button.isEnabled()
    assert "names no camera" in page.summary.text()
    page.strip.checks["porch"].setChecked(True)
    settle(qtbot, win)
    assert page.approve_button.isEnabled()
    assert "Cameras: porch\n" in page.summary.text() and "names no camera" in page.summary.text()


def test_a_case_the_owner_declined_asked_again_is_said_on_its_page(qtbot, win, world):
    """A request for a case the owner declined, sent again under a new id, says so above who
    asks (test_desk::test_a_request_for_a_case_the_owner_declined_says_so for the agent)."""
    from tests.gui_support import import_request, open_request

    import_request(qtbot, win, world, "req-first", world.end_us)
    win.ctx.agent.requests.decline("req-first", "not my street")
    import_request(qtbot, win, world, "req-again", world.end_us)
    page = open_request(qtbot, win, "req-again")
    assert page.info.declined.isVisibleTo(win)
    assert "You declined a request of this agency for this case on" in page.info.declined.text()
    page = open_request(qtbot, win, "req-first")
    assert not page.info.declined.isVisibleTo(win)
