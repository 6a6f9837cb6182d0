"""Receipts owed after a decline the portal refused as already delivered (owed_receipts.py),
for a delivery of two cameras, against the real reference portal and its tus server behind the
fault proxy (tests/fault_proxy.py)."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.requests import portal_retries
from demo.samples import make_recordings
from portal.server import PortalServer
from portal.state import Portal
from tests.fault_proxy import FaultProxy, Rule
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.registering import invite
from tests.test_delivery_faults import AGENCY_ID, T0, World
from tests.test_requests_e2e import Run
from agent.timebase import US

BUSY = b'{"error": "busy", "detail": "try later"}'
CAMERAS = ("porch", "yard")


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec")
    for camera in CAMERAS:
        make_recordings(root / camera, "blue-iris", camera, T0, 2, 4.0, fps=10, gop_s=1.0)
    return root


class TwoCameras(World):
    """test_delivery_faults' World with a request for two cameras, porch and yard."""

    def __init__(self, tmp_path: Path, footage: Path, capsys) -> None:   # World.__init__ not run
        self.portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                                  "+1-206-555-0100")
        self.server = PortalServer(self.portal.state_dir).start()
        self.proxy = FaultProxy(self.server.origin)
        self.run = Run(tmp_path / "home", capsys)
        doc = tmp_path / "agency.json"
        doc.write_text(json.dumps(self.portal.trust_document(self.proxy.origin)))
        folders = [str(footage / c) for c in CAMERAS]
        assert self.run("scan", *folders, "--tz", "UTC")[0] == 0
        assert self.run("agencies", "add", str(doc))[0] == 0
        code, out, err = self.run("agencies", "register", AGENCY_ID, "--invite",
                                  invite(self.portal), "--name", "Ann Owner", "--camera",
                                  "porch", "--camera", "yard", "--address", "1200 Elm Street",
                                  "--json")
        assert code == 0, err
        self.reg = json.loads(out)["registration"]
        self.portal.create_request(self.reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe",
                                   cameras=CAMERAS, origin=self.proxy.origin)
        assert self.run("inbox", "sync")[0] == 0
        self.jti = self.run.json("inbox")[0]["id"]


@pytest.fixture
def two(tmp_path, footage, capsys, monkeypatch):
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = TwoCameras(tmp_path, footage, capsys)
    try:
        yield w
    finally:
        w.close()


def porch_stored_yard_not_sent(w: TwoCameras) -> str:
    """An approval of both cameras whose first package (porch) the portal stored with its
    answer lost on the way, so the run stopped before yard was sent; then a decline while the
    portal's API is busy, which keeps porch's package (the agency may have it) and is sent by
    the next sync. Returns porch's stored SHA-256."""
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    code, _, err = w.approve()
    assert code == 1, err
    (stored,) = w.portal.submissions()
    w.proxy.rules[:] = [Rule(m, p, times=None, status=503, headers={"Retry-After": "3600"},
                             body=BUSY) for m, p in (("POST", "/submissions"),
                                                     ("POST", "/decision"))]
    code, _, err = w.run("decline", "--reason", "changed my mind", "--", w.jti)
    assert code == 0, err
    assert w.show()["status"] == "declined"
    w.proxy.rules.clear()   # the portal answers again
    return stored["sha256"]


def test_a_receipt_of_part_of_the_approval_fetched_after_a_refused_decline_says_it_stands(
        two, spanish):
    """Seen: the decline refused (the agency had porch), porch's receipt fetched after, and
    the request still said `declined`, "nothing leaves this PC", while the agency held porch
    and the approval stood (its portal took no decline). It is `failed` now, as the same facts
    found before the decline leave it: saying the agency has porch and the decline was not
    taken, and approving it again sends yard."""
    w = two
    stored = porch_stored_yard_not_sent(w)
    code, _, err = w.run("inbox", "sync")
    shown = w.show()
    porch = [d for d in shown["deliveries"] if d["camera"] == "porch"]
    assert porch and porch[0]["receipt"] and porch[0]["sha256"] == stored
    assert w.portal.decision(w.jti).withdrawn is None   # the agency holds the approval
    assert shown["status"] == "failed", shown
    assert "already has the footage of porch" in shown["reason"], shown["reason"]
    assert "your decline was not taken" in shown["reason"]
    assert "approve it again to send the other cameras' footage" in shown["reason"]
    assert w.audit("receipt")[-1]["status"] == "failed"
    from gui.views.core_words import in_owner_language   # the app's request page says it
    said = in_owner_language(shown["reason"])
    assert "porch" in said and "already has" not in said and "approve it" not in said, said

    code, _, err = w.approve()   # the owner sends the rest after all
    assert code == 0, err
    shown = w.show()
    assert shown["status"] == "delivered", shown
    assert {d["camera"] for d in shown["deliveries"] if d["receipt"]} == set(CAMERAS)


def test_a_receipt_owed_is_still_asked_for_once_the_agency_file_renames_the_agency(
        tmp_path, footage, capsys, monkeypatch):
    """Seen: whether a decline was refused as already delivered was told by comparing the
    inbox's stored words with today's, which name the agency: the agency's file imported
    again under a new name (checked with the agency by phone, `agencies add --replace`) and
    the receipt owed was never asked for again, the request `declined` for good while the
    agency held the footage. The refusal is kept as the portal's own code now."""
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = World(tmp_path, footage, capsys)   # yard alone
    try:
        w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                                  after=lambda status, headers, body: (502, [], b"Bad Gateway")))
        assert w.approve()[0] == 1
        busy = Rule("POST", "/submissions", times=None, status=503,
                    headers={"Retry-After": "3600"}, body=BUSY)
        w.proxy.rules[:] = [busy, Rule("POST", "/decision", times=None, status=503,
                                       headers={"Retry-After": "3600"}, body=BUSY)]
        assert w.run("decline", "--", w.jti)[0] == 0
        w.proxy.rules[:] = [busy]   # the decline is refused (already delivered), its receipt owed
        w.run("inbox", "sync")
        shown = w.show()
        assert shown["status"] == "declined" and "already received footage" in \
            shown["decision"]["error"], shown
        doc = w.portal.trust_document(w.proxy.origin)
        renamed = tmp_path / "renamed.json"
        renamed.write_text(json.dumps({**doc, "name": "Example Police Dept."}))
        code, _, err = w.run("agencies", "add", str(renamed), "--replace")
        assert code == 0, err

        w.proxy.rules.clear()
        w.run("inbox", "sync")
        shown = w.show()
        (d,) = shown["deliveries"]
        assert shown["status"] == "delivered" and d["receipt"], shown
    finally:
        w.close()


def test_an_inbox_of_version_1_keeps_its_refused_declines_owed(tmp_path):
    """Version 1 kept a decline refused as already delivered as words only: opened by this
    version, it is marked by the portal's code, so its owed receipt is still asked for."""
    from agent.requests.inbox import Inbox
    from agent.requests.inbox_file import SCHEMA, VERSION
    from agent.requests.owed_receipts import delivered_elsewhere, owes
    from agent.requests.records import DELIVERED_ELSEWHERE
    old = sqlite3.connect(str(tmp_path / "inbox.db"))
    old.executescript(SCHEMA.replace(" decision_refusal TEXT,", ""))
    for jti, error in (("refused", delivered_elsewhere("Example Police Department")),
                       ("other", "HTTP 403: wrong_key")):
        old.execute("INSERT INTO requests VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    ("https://police.example.gov", jti, "r", "t", "ab" * 32, "c", 0, 1, "[]",
                     "declined", 0, 1, 0, None, jti, "portal", None, "d", None, error))
        old.execute("INSERT INTO deliveries VALUES (?,?,?,?,?,?,?,?,?)",
                    ("https://police.example.gov", jti, "yard", "p", "t", "ab" * 32, 1,
                     "http://127.0.0.1:1/files/x", None))
    old.execute("PRAGMA user_version=1")
    old.commit()
    old.close()
    inbox = Inbox(tmp_path / "inbox.db")
    try:
        refused, other = inbox.get("refused"), inbox.get("other")
    finally:
        inbox.close()
    assert refused.decision_refusal == DELIVERED_ELSEWHERE and owes(refused)
    assert other.decision_refusal is None and not owes(other)
    check = sqlite3.connect(str(tmp_path / "inbox.db"))
    assert check.execute("PRAGMA user_version").fetchone()[0] == VERSION
    check.close()


def copy_delivered(w, camera: str) -> None:
    """The portal holds a package of `camera` for the request received from another copy of
    this home (put straight into its database: what that copy's delivery leaves there)."""
    conn = sqlite3.connect(str(w.portal.db_path))
    try:
        conn.execute("INSERT INTO submissions (jti, upload_id, file, sha256, size, "
                     "claimed_sha256, claimed_size, ok, checks, receipt, received_at) "
                     "VALUES (?, 'from-a-copy', 'x.tar', ?, 1, ?, 1, 1, '{}', 'r', 0)",
                     (w.jti, "cd" * 32, "cd" * 32))
        conn.execute("INSERT INTO received_cameras VALUES (?, ?, 'from-a-copy')", (w.jti, camera))
        conn.commit()
    finally:
        conn.close()


def test_asking_for_a_receipt_owed_never_delivers_a_package_the_portal_did_not_have(two):
    """Attacker's hunt: porch's upload finished and its submission never reached the portal;
    the owner declined while the upload server could not be reached (the upload not taken
    back), and the portal refused the decline, holding yard from another copy of this home.
    Asking for porch's 'owed' receipt then submitted the upload: the portal stored porch and
    the agency got footage the owner had declined. The upload is now ended before it is
    asked for, as any question about a receipt lost on the way (protocol.md): it delivers
    nothing."""
    w = two
    w.proxy.rules.append(Rule("POST", "/submissions", times=None, status=502,
                              body=b"Bad Gateway"))   # never reaches the portal
    code, _, err = w.approve()
    assert code == 1, err
    assert w.portal.submissions() == []
    copy_delivered(w, "yard")
    w.proxy.rules[:] = [Rule("DELETE", "/files/", times=None, status=503, body=BUSY),
                        Rule("POST", "/submissions", times=None, status=503,
                             headers={"Retry-After": "3600"}, body=BUSY)]
    code, _, err = w.run("decline", "--", w.jti)
    assert code == 0 and "already received footage for this request" in err, err
    w.proxy.rules.clear()   # the portal and its upload server answer again
    w.run("inbox", "sync")
    assert [s["upload_id"] for s in w.portal.submissions()] == ["from-a-copy"]
    shown = w.show()
    assert shown["status"] == "declined", shown
    (porch,) = shown["deliveries"]
    assert not porch["receipt"] and not porch["upload_url"]   # asked once, not again
    assert Path(porch["package"]).is_dir()   # the owner's copy is kept


def test_a_receipt_owed_asked_by_two_footage_agents_at_once_is_kept_once(
        tmp_path, footage, capsys, monkeypatch):
    """Attacker's hunt: the app and `footage-agent run` (or a terminal's `inbox sync`) share a
    home and both ask for owed receipts as they poll. One that read the inbox before the
    other kept the receipt asked again from what it had read: it wrote the delivery back
    without its receipt, and failed on recording `delivered` twice (its whole pass said as
    failed). The asking now takes the request's delivery lock and reads it again inside."""
    from agent.requests.inbox import Inbox
    from agent.requests.owed_receipts import ask_owed
    from agent.service import Agent
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = World(tmp_path, footage, capsys)   # yard alone
    try:
        w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                                  after=lambda status, headers, body: (502, [], b"Bad Gateway")))
        assert w.approve()[0] == 1
        w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, status=503,
                                 headers={"Retry-After": "3600"}, body=BUSY)]
        assert w.run("decline", "--", w.jti)[0] == 0
        inbox = Inbox(w.run.home / "inbox.db")
        try:
            read_before = inbox.get(w.jti)   # what the other footage-agent read
        finally:
            inbox.close()
        assert read_before.status == "declined" and read_before.decision_refusal
        w.proxy.rules.clear()
        said = w.run("inbox", "sync")   # this one keeps the receipt
        assert w.show()["status"] == "delivered", (said, w.show())

        w.proxy.rules.append(Rule("POST", "/submissions", times=None, status=503,
                                  headers={"Retry-After": "3600"}, body=BUSY))
        agent = Agent(w.run.home)
        try:
            done = ask_owed(agent.requests, read_before)
        finally:
            agent.close()
        assert done.status == "delivered"
        shown = w.show()
        (d,) = shown["deliveries"]
        assert shown["status"] == "delivered" and d["receipt"], shown
    finally:
        w.close()


def test_the_request_page_says_what_a_refused_decline_and_a_part_received_leave(
        two, qtbot):
    """Seen: the request page's line above the timelines said "you approved this request, then
    withdrew your approval: nothing more is sent" of a decline the portal refused (the
    approval standing), and, once part of the footage was received, "the footage did not reach
    the agency ... Decline withdraws your approval instead", though the agency had porch and
    Decline was not offered."""
    from tests.gui_support import open_window, settle
    from tests.test_decline_waiting import open_row
    w = two
    porch_stored_yard_not_sent(w)
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, status=503,
                             headers={"Retry-After": "3600"}, body=BUSY)]
    w.run("inbox", "sync")   # the decline refused, porch's receipt owed
    assert w.show()["decision"]["error"]
    window, agent = open_window(qtbot, w.run.home)
    try:
        page = window.request
        open_row(qtbot, window, w.jti)
        hint = page.hint.text()
        assert "withdrew your approval" not in hint and "did not take" in hint, hint
        w.proxy.rules.clear()
        w.run("inbox", "sync")   # porch's receipt comes: failed, yard to send
        window.show_page("inbox")
        window.inbox.refresh()
        settle(qtbot, window)
        open_row(qtbot, window, w.jti)
        assert page.view.status == "failed"
        hint = page.hint.text()
        assert "did not reach the agency" not in hint and "withdraws" not in hint, hint
        assert "part of" in hint and page.approve_button.isEnabled(), hint
        assert not page.decline_button.isEnabled()
    finally:
        window.shutdown()
        agent.close()


def test_a_decline_refused_for_footage_this_pc_never_approved_does_not_say_it_sent_it(
        tmp_path, footage, capsys, spanish):
    """Seen: a request this PC never approved, approved and delivered from another copy of
    its folder (or from this one before it was put back from a backup), then declined here:
    the portal refused the decline as already delivered, and the owner read that the footage
    was "sent from this PC with the answer lost on the way", which it never was."""
    import httpx

    from agent.requests.decisions import signed_decision
    from agent.requests.records import Approval
    from agent.service import Agent
    w = World(tmp_path, footage, capsys)   # yard alone, the request new here
    try:
        agent = Agent(w.run.home)
        try:   # the other copy, holding the same key and registration, approves and delivers
            step = agent.requests.asking_step(agent.requests.inbox.get(w.jti))
            token = signed_decision(agent.signing_key(AGENCY_ID, w.reg), step.request,
                                    "approve", Approval(T0, T0 + 8 * US, ("yard",), "copy",
                                                        False))
        finally:
            agent.close()
        r = httpx.post(f"{w.server.origin}/v1/requests/{w.jti}/decision", content=token,
                       headers={"Authorization": f"Bearer {step.bearer}",
                                "Content-Type": "application/jose"})
        assert r.status_code == 204, r.text
        copy_delivered(w, "yard")
        code, _, err = w.run("decline", "--", w.jti)
        assert code == 0 and "already received footage for this request" in err, err
        assert "from this PC" not in err and "another copy of this app's folder" in err, err
        from gui.views.core_words import in_owner_language
        said = in_owner_language(w.show()["decision"]["error"])
        assert said != w.show()["decision"]["error"], said   # the app says it in its words
    finally:
        w.close()
