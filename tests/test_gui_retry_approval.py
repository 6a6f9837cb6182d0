"""A request whose approved delivery did not complete (cancelled, failed), reopened in the app:
the page shows exactly what "Try sending again" sends, the earlier approval, and keeps it so
once the agency may hold it; until then its choices may be changed.

GUI hunt finding 2: reopening reset the strip to the whole window and every camera and left the
handles and options live, so "What will leave this PC" read 7 min 30 s of two cameras while the
retry sent the 1-minute approval of one camera."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

import pytest  # noqa: E402

from agent.timebase import US, format_utc  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.submissions import UploadLimits  # noqa: E402
from gui.views import display  # noqa: E402
from tests.gui_support import ZONE, answers, footage, settle, spanish  # noqa: E402,F401
from tests.test_gui_review import (  # noqa: E402,F401
    approve_and_cancel,
    ask,
    open_first,
    portal,
    pwin,
    sync_by_click,
    trim,
)


@pytest.fixture
def refusing(portal):
    """The portal served again on its port, taking no upload (409 too_many_uploads): an
    approval's decision reaches it, then its delivery fails, the agency holding the approval."""
    p, server = portal[0], portal[1]
    port = server.port
    server.stop()
    with PortalServer(p.state_dir, port=port, upload_limits=UploadLimits(per_request=0)):
        yield


def test_a_reopened_approval_stopped_before_anything_left_starts_from_it_and_may_change(
        qtbot, pwin, portal, footage):
    """Cancelled while the footage was prepared: nothing left this PC, so the page shows what
    was approved (not the whole window and every camera) and leaves it the owner's to change
    (docs/protocol.md, "Changing an approval"). Before, it was fixed there, and a camera that
    could not be cut could never be left out."""
    p, start = portal[0], footage[1]
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    trim(qtbot, page, 2, 6)
    qtbot.mouseClick(page.strip.checks["porch"], Qt.LeftButton, pos=QPoint(5, 8))
    qtbot.mouseClick(page.options.exact_mode, Qt.LeftButton, pos=QPoint(5, 8))
    settle(qtbot, pwin)
    approved_as = page.summary.text()
    assert "Cameras: driveway\n" in approved_as and "4\u00a0s in all" in approved_as
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    qtbot.mouseClick(pwin.progress.cancel_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is False
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)

    assert pwin.pages.currentWidget() is pwin.request   # Back reopened it
    assert page.approve_button.text() == "Try sending again"
    assert page.summary.text() == approved_as
    assert display.window(start + 2 * US, start + 6 * US, ZONE) in approved_as
    tl, porch = page.strip.timelines["driveway"], page.strip.checks["porch"]
    assert (tl.in_us, tl.out_us) == (start + 2 * US, start + 6 * US)
    assert not porch.isChecked() and porch.isEnabled()
    assert page.options.exact_mode.isChecked() and page.options.copy_mode.isEnabled()
    assert "may still change what you approve" in page.hint.text()
    assert page.decline_button.isEnabled() and "withdraws your approval" in page.hint.text()

    qtbot.mouseClick(page.options.copy_mode, Qt.LeftButton, pos=QPoint(5, 8))   # changed
    settle(qtbot, pwin)
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is True, pwin.progress.result.text()
    (decision,) = p.decisions()
    assert decision["approved"] == {"window": {"start": format_utc(start + 2 * US),
                                               "end": format_utc(start + 6 * US)},
                                    "cameras": ["driveway"]}
    (sub,) = p.submissions()
    assert sub["ok"], sub["checks"]
    assert pwin.ctx.agent.requests.show(page.view.id).approval.mode == "copy"


def test_a_reopened_approval_the_agency_may_hold_shows_and_keeps_what_a_retry_sends(
        qtbot, pwin, portal, footage, refusing):
    """GUI hunt finding 2: reopening reset the strip to the whole window and every camera and
    left the handles and options live, so "What will leave this PC" read 7 min 30 s of two
    cameras while the retry sent the 1-minute approval of one camera. Once the signed decision
    reached the portal (its upload server then taking none), the approval is kept."""
    ask(portal, footage, cameras=("driveway",))
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    qtbot.mouseClick(page.options.exact_mode, Qt.LeftButton, pos=QPoint(5, 8))
    settle(qtbot, pwin)
    approved_as = page.summary.text()
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is False
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert page.view.decision_sent_at_us is not None
    assert page.approve_button.text() == "Try sending again"
    shown = page.summary.text()
    assert shown == approved_as and "Cameras: driveway" in shown
    tl = page.strip.timelines["driveway"]
    held = (tl.in_us, tl.out_us)
    assert not page.strip.checks["driveway"].isEnabled()
    assert page.options.exact_mode.isChecked() and not page.options.copy_mode.isEnabled()
    assert "cannot be changed now" in page.hint.text()
    # The owner can still look at any moment, but the handles spring back to what is sent.
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key_End)
    qtbot.keyClick(tl, Qt.Key_O)
    qtbot.keyClick(tl, Qt.Key_Home)
    qtbot.keyClick(tl, Qt.Key_I)
    settle(qtbot, pwin)
    assert (tl.in_us, tl.out_us) == held
    assert page.summary.text() == shown


def test_a_new_request_after_it_has_live_choices_again(qtbot, pwin, portal, footage, refusing):
    ask(portal, footage, cameras=("driveway",))
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.request   # Back reopened it
    assert not page.options.audio.isEnabled()
    ask(portal, footage, case="2026-118843")
    sync_by_click(qtbot, pwin)
    row = next(r for r, v in enumerate(pwin.inbox.views) if v.case == "2026-118843")
    pwin.inbox.open_row(row)
    settle(qtbot, pwin)
    assert page.approve_button.text() == "Approve and send"
    assert page.options.audio.isEnabled() and page.strip.checks["driveway"].isEnabled()
    assert "Drag the blue handles" in page.hint.text()


def test_decline_on_a_failed_delivery_asks_then_withdraws_the_approval(qtbot, pwin, portal,
                                                                      footage, answers, refusing):
    p = portal[0]
    queue, asked = answers
    # The approval reaches the portal, then the delivery fails: no upload is taken.
    ask(portal, footage, cameras=("driveway",))
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is False
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.request   # Back reopened it
    assert page.view.status == "failed" and page.reason.isEnabled()
    assert p.decision(page.view.id).decision == "approve"
    page.reason.setText("I changed my mind")

    queue.append(QMessageBox.Cancel)   # asked first; "Cancel" leaves it as it was
    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert "withdrawn" in asked[0] and "nothing more will be sent" in asked[0]
    assert pwin.ctx.agent.requests.show(page.view.id).status == "failed"

    queue.append(QMessageBox.Yes)
    qtbot.mouseClick(page.decline_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert len(asked) == 2
    done = pwin.ctx.agent.requests.show(page.view.id)
    assert done.status == "declined" and done.reason == "I changed my mind"
    assert p.decision(done.id).withdrawn.reason == "I changed my mind"
    open_first(qtbot, pwin)
    assert "withdrew your approval" in page.hint.text() and not page.decline_button.isEnabled()


def test_back_after_a_stopped_approval_reopens_its_request_ready_to_try_again(
        qtbot, pwin, portal, footage):
    """New-user hunt: after a delivery that stopped, the page said to open the request and press
    "Try sending again", but Back went to the list, where the owner had to find it again."""
    approve_and_cancel(qtbot, pwin, portal, footage)
    assert pwin.progress.finished_ok is False
    qtbot.keyClick(pwin.progress.done_button, Qt.Key_Return)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.request
    assert pwin.request.approve_button.text() == "Try sending again"


def stop_an_approval(qtbot, pwin, portal, footage) -> str:
    """Approve, press Cancel at once, go back: the reopened request's status line."""
    approve_and_cancel(qtbot, pwin, portal, footage)
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    return pwin.request.status.text()


def test_a_cancelled_delivery_says_what_to_press_not_the_cores_words(qtbot, pwin, portal,
                                                                     footage):
    """Owner hunt: the reopened request read "This request: needs attention. cancelled: the
    export was cancelled", the core's words twice over, English in the Spanish app too."""
    said = stop_an_approval(qtbot, pwin, portal, footage)
    assert "cancelled: " not in said, said
    assert "Try sending again" in said, said


def test_a_cancelled_delivery_reads_in_spanish(qtbot, pwin, portal, footage,
                                               spanish):  # noqa: F811
    said = stop_an_approval(qtbot, pwin, portal, footage)
    assert "Intentar enviar de nuevo" in said, said
    for english in ("cancelled", "the export", "upload"):
        assert english not in said, said


def test_back_after_a_failed_approval_reopens_that_request_not_one_opened_meanwhile(
        qtbot, pwin, portal, footage, refusing, monkeypatch):
    """GUI hunt: while an approval was sending, the owner opened another request to read it,
    then came back to the sending one (its progress); when the delivery failed, Back reopened
    the request looked at meanwhile, offering its "Approve and send", not the failed one's
    "Try sending again". The approval is held (a gate before the real approve) only so that
    the owner's clicks surely come while it runs."""
    import threading

    ask(portal, footage, cameras=("driveway",))
    ask(portal, footage, cameras=("driveway",), case="2026-118843")
    sync_by_click(qtbot, pwin)
    gate, requests = threading.Event(), pwin.ctx.agent.requests
    real = requests.approve

    def held(*a, **kw):
        gate.wait(60)
        return real(*a, **kw)
    monkeypatch.setattr(requests, "approve", held)

    def open_case(case: str) -> None:
        pwin.show_page("inbox")
        qtbot.waitUntil(lambda: any(v.case == case for v in pwin.inbox.views))
        pwin.inbox.open_row(next(r for r, v in enumerate(pwin.inbox.views) if v.case == case))

    open_case("2026-118842")
    settle(qtbot, pwin)
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    assert pwin.pages.currentWidget() is pwin.progress
    open_case("2026-118843")   # read the other one meanwhile
    qtbot.waitUntil(lambda: pwin.pages.currentWidget() is pwin.request)
    assert pwin.request.view.case == "2026-118843"
    open_case("2026-118842")   # back to the one being sent: its progress
    assert pwin.pages.currentWidget() is pwin.progress
    gate.set()
    settle(qtbot, pwin, timeout=60000)
    assert pwin.progress.finished_ok is False
    qtbot.mouseClick(pwin.progress.done_button, Qt.LeftButton)
    settle(qtbot, pwin)
    assert pwin.pages.currentWidget() is pwin.request
    assert pwin.request.view.case == "2026-118842"
    assert pwin.request.approve_button.text() == "Try sending again"
