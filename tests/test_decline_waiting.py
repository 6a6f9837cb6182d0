"""Declining in the app a request whose package was sent whole without a receipt: the agent
asks the portal for the receipt first (package_delivery.receipt_before_withdrawal), which
waits on the portal's retries. Real reference portal behind the fault proxy
(test_delivery_faults' World), the real app on an offscreen Qt event loop."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from agent.requests import portal_retries  # noqa: E402
from tests.fault_proxy import Rule  # noqa: E402
from tests.gui_support import answers, open_window, settle  # noqa: E402,F401
from tests.test_delivery_faults import ROOT, footage, world  # noqa: E402,F401
from agent.timebase import US  # noqa: E402
from frp.jws import parse_compact  # noqa: E402
from tests.test_delivery_faults import T0  # noqa: E402
from tests.test_withdraw_approval import built_files  # noqa: E402

BUSY = b'{"error": "unavailable", "detail": "busy"}'


def open_row(qtbot, window, jti: str, settled: bool = True) -> None:
    """Open request `jti` from the inbox, as a double click does (settled: every job ended)."""
    inbox = window.inbox
    (row,) = [r for r, view in enumerate(inbox.views) if view.id == jti]
    inbox.open_row(row)
    if settled:
        settle(qtbot, window)
    else:
        qtbot.waitUntil(lambda: window.request.view is not None
                        and window.request.view.id == jti, timeout=5000)


def test_a_decline_waiting_for_a_busy_portal_says_so_stops_and_later_finds_it_delivered(
        qtbot, world, answers, monkeypatch):
    """Seen: the app's Decline sat on 'Working...' for as long as the portal's retries took
    (up to about 3 minutes), with no way to stop it, and closing the app could not end it."""
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,   # stored, its answer lost
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    assert w.approve()[0] == 1
    (before,) = w.show()["deliveries"]
    files = sorted(built_files(w))
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, status=503,
                             headers={"Retry-After": "50"}, body=BUSY)]
    asked = w.proxy.count("POST", "/submissions")
    other = w.portal.create_request(w.reg, T0, T0 + 4 * US, "2026-78", "Det. Jane Roe",
                                    cameras=("yard",), origin=w.proxy.origin)
    assert w.run("inbox", "sync")[0] == 0
    window, agent = open_window(qtbot, w.run.home)
    try:
        page = window.request
        open_row(qtbot, window, w.jti)
        queue, _asked = answers
        queue.append(QMessageBox.Yes)
        qtbot.mouseClick(page.decline_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: w.proxy.count("POST", "/submissions") > asked, timeout=30000)
        qtbot.waitUntil(lambda: "portal" in page.status.text(), timeout=5000)
        assert "Example Police Department" in page.status.text()
        assert page.decline_button.isEnabled() and page.decline_button.text() == "Stop"
        # Another request opened meanwhile offers nothing until the decline ends, and its
        # page never reads the other's wait; back on the first, "Stop" is there.
        window.show_page("inbox")
        open_row(qtbot, window, parse_compact(other).claims["jti"], settled=False)
        assert page.view.case == "2026-78" and page.decline_button.text() == "Decline"
        assert not page.decline_button.isEnabled() and not page.approve_button.isEnabled()
        assert "portal" not in page.status.text()
        window.show_page("inbox")
        open_row(qtbot, window, w.jti, settled=False)
        assert page.decline_button.isEnabled() and page.decline_button.text() == "Stop"
        qtbot.mouseClick(page.decline_button, Qt.LeftButton)
        settle(qtbot, window, timeout=5000)   # well before the portal's 50 s
        assert "nothing was declined" in page.status.text(), page.status.text()
        assert page.decline_button.text() == "Decline" and page.decline_button.isEnabled()
        shown = w.show()
        assert shown["status"] == "failed", shown
        (after,) = shown["deliveries"]
        assert after["upload_url"] == before["upload_url"] and sorted(built_files(w)) == files
        assert w.portal.decision(w.jti).withdrawn is None and not w.audit("decline")

        # The portal answers again: it had the package, so the request is delivered at once
        # and the page says so (before: `failed` until approved again, sending nothing).
        w.proxy.rules.clear()
        queue.append(QMessageBox.Yes)
        qtbot.mouseClick(page.decline_button, Qt.LeftButton)
        settle(qtbot, window)
        assert page.view.status == "delivered", page.view.status
        assert "already has the footage of yard" in page.status.text(), page.status.text()
        # Said as what it is, not as a failure (before: "That did not work: Not accepted: ...").
        assert page.status.text().startswith("Not declined: "), page.status.text()
        assert "did not work" not in page.status.text()
        assert "Not accepted" not in page.status.text()
        assert not page.decline_button.isEnabled() and page.decline_button.text() == "Decline"
    finally:
        window.shutdown()
        agent.close()
    assert w.show()["status"] == "delivered" and not w.audit("decline")


def test_a_decline_killed_while_it_asks_for_the_receipt_keeps_the_upload_on_record(
        world, monkeypatch):
    """The power cut, or the process ended from the task manager, while the portal is asked:
    the upload stayed off the record (taken back first), so the next decline took the package
    for one the portal never stored and removed the owner's copy of what the agency holds."""
    w = world
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    assert w.approve()[0] == 1
    (before,) = w.show()["deliveries"]
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, status=503,
                             headers={"Retry-After": "50"}, body=BUSY)]
    asked = w.proxy.count("POST", "/submissions")
    child = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(w.run.home),
                              "decline", "--", w.jti], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while w.proxy.count("POST", "/submissions") == asked and child.poll() is None:
            assert time.monotonic() < deadline, "never asked"
            time.sleep(0.05)
    finally:
        child.kill()
        child.wait()
    (after,) = w.show()["deliveries"]
    assert after["upload_url"] == before["upload_url"], after


def test_a_plain_decline_whose_send_hangs_can_be_stopped_and_is_sent_later(qtbot, world):
    """Seen: a decline of a request not approved sends its signed decision once; a portal that
    never answered POST /decision held the page on 'Working...' for the client's timeouts
    (about 40 s), nothing to stop it. Once the decline is recorded and being sent, Decline
    reads Stop; stopping ends the send only: the decline is kept and sent by the next sync."""
    w = world
    w.proxy.rules.append(Rule("POST", "/decision", times=None, hang=True))
    window, agent = open_window(qtbot, w.run.home)
    try:
        page = window.request
        open_row(qtbot, window, w.jti)
        qtbot.keyClicks(page.reason, "not my street")
        qtbot.mouseClick(page.decline_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: page.decline_button.text() == "Stop"
                        and page.decline_button.isEnabled(), timeout=10000)
        assert "Sending your decline to Example Police Department" in page.status.text()
        # Seen: a double click on Decline whose second press came once the send had started
        # hit the Stop that Decline had turned into under the cursor. Qt delivers that press
        # as a double click, then its release: it stops nothing.
        centre = QPointF(page.decline_button.rect().center())
        for kind, buttons in ((QEvent.Type.MouseButtonDblClick, Qt.LeftButton),
                              (QEvent.Type.MouseButtonRelease, Qt.NoButton)):
            QApplication.sendEvent(page.decline_button, QMouseEvent(
                kind, centre, page.decline_button.mapToGlobal(centre), Qt.LeftButton, buttons,
                Qt.NoModifier))
        qtbot.wait(0)
        assert not page.declining.job.cancelled and page.decline_button.isEnabled()
        assert "Sending your decline" in page.status.text(), page.status.text()
        qtbot.mouseClick(page.decline_button, Qt.LeftButton)   # a Stop pressed on its own
        settle(qtbot, window, timeout=5000)   # well before the portal client's timeouts
        assert window.inbox.views[0].status == "declined"
    finally:
        window.shutdown()
        agent.close()
    shown = w.show()
    assert shown["status"] == "declined" and shown["decision"]["sent_at"] is None, shown
    assert shown["decision"]["error"] is None and w.portal.decisions() == []
    w.proxy.rules.clear()
    assert w.run("inbox", "sync")[0] == 0
    (decision,) = w.portal.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == "not my street"


def test_a_stopped_withdrawal_that_failed_once_declined_says_the_decline_is_kept(
        qtbot, world, answers, monkeypatch):
    """Attacker's hunt: a stopped decline that failed was always said as "Stopped: nothing
    was declined, and your approval stands", never read from the inbox as the command line
    reads it. A Stop landing as the decline was recorded, and the activity log then failing
    to take its record (a full disk: it cannot be made here, root writes any file), left the
    request declined and its approval withdrawn, the decline kept to send, while the page
    said the approval stood and offered Decline again."""
    from agent.audit.log import AuditError
    from agent.requests.desk import RequestDesk

    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,   # stored, its answer lost
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    assert w.approve()[0] == 1
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, status=503, body=BUSY)]
    window, agent = open_window(qtbot, w.run.home)
    real_log = RequestDesk._log

    def stopped_as_it_is_logged(desk, event, entry, **data):
        if event != "decline":
            return real_log(desk, event, entry, **data)
        window.request.declining.job.cancel()   # the owner's Stop, as the decline is recorded
        raise AuditError("cannot write the audit log: No space left on device")
    monkeypatch.setattr(RequestDesk, "_log", stopped_as_it_is_logged)
    try:
        page = window.request
        open_row(qtbot, window, w.jti)
        queue, _asked = answers
        queue.append(QMessageBox.Yes)
        qtbot.mouseClick(page.decline_button, Qt.LeftButton)
        settle(qtbot, window, timeout=30000)
        qtbot.waitUntil(lambda: page.view.status == "declined", timeout=5000)
        said = page.status.text()
        assert "nothing was declined" not in said and "approval stands" not in said, said
        assert "declined before the stop" in said and "next check" in said, said
        assert "No space left on device" in said, said   # the failure is not hidden
        assert not page.decline_button.isEnabled()
    finally:
        window.shutdown()
        agent.close()
    assert w.show()["status"] == "declined"
