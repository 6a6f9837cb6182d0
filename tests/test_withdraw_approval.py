"""`footage-agent decline` of a request approved but never delivered withdraws the approval,
against the real reference portal and its tus server behind the fault proxy
(tests/test_delivery_faults.py's World): the upload begun is taken back, the files built for
the agency are removed, the portal records the withdrawal and takes nothing more; refused
once the footage was delivered, and while a delivery of it runs."""
from __future__ import annotations

import os
from dataclasses import replace

import httpx
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.requests import portal_retries
from agent.requests.agencies import TrustStore
from agent.requests.running_deliveries import delivery_lock
from agent.requests.desk_errors import DeskRefusal
from agent.requests.inbox import Inbox
from frp.jws import parse_compact
from portal.submissions import open_uploads
from tests.fault_proxy import Rule
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.test_delivery_faults import AGENCY_ID, footage, refuse_one_patch, world  # noqa: F401

BUSY = b'{"error": "unavailable", "detail": "down for maintenance"}'


def built_files(w) -> list:
    return [p for p in (w.run.home / "packages").rglob("*") if p.is_file()] + \
           [p for p in (w.run.home / "outbox").rglob("*") if p.is_file()]


def later_submission(w, url: str) -> httpx.Response:
    """The agent's own registration submitting the upload it had made, after the withdrawal."""
    (reg,) = TrustStore(w.run.home).registrations()[AGENCY_ID]
    bearer = TrustStore(w.run.home).portal_token(AGENCY_ID, reg)
    return httpx.post(f"{w.server.origin}/v1/requests/{w.jti}/submissions",
                      headers={"Authorization": f"Bearer {bearer}"},
                      json={"upload_url": url, "sha256": "0" * 64, "size": 1})


def test_declining_a_failed_delivery_withdraws_the_upload_and_the_approval(world):
    w = world
    refuse_one_patch(w)   # failed: package built, upload begun at the portal
    (upload_id,) = open_uploads(w.portal.db_path, w.jti)
    assert built_files(w)

    code, _, err = w.run("decline", "--reason", "changed my mind", "--", w.jti)
    assert code == 0, err
    assert "sent to the agency" in err and "approval is withdrawn" in err
    assert w.proxy.count("DELETE", "/files/") == 1   # the agent terminated its upload
    shown = w.show()
    assert shown["status"] == "declined" and shown["reason"] == "changed my mind"
    assert shown["deliveries"] == [] and built_files(w) == []
    kept = w.portal.decision(w.jti)
    assert kept.decision == "approve" and kept.withdrawn.reason == "changed my mind"
    assert open_uploads(w.portal.db_path, w.jti) == []
    r = later_submission(w, f"{w.server.origin}/files/{upload_id}")
    assert r.status_code == 409 and r.json()["error"] == "approval_withdrawn"
    (record,) = w.audit("decline")
    assert record["withdrawn"] is True and record["approval_sha256"]
    assert record["uploads_left"] == [] and record["not_removed"] == []
    assert len(record["removed"]) == 2   # the package folder and its tar


def test_a_withdrawal_while_the_portal_is_down_is_recorded_and_sent_by_the_next_sync(world):
    w = world
    refuse_one_patch(w)
    w.proxy.rules += [Rule("DELETE", times=None, status=503, body=BUSY),
                      Rule("POST", "/decision", times=None, status=503, body=BUSY)]
    code, _, err = w.run("decline", "--", w.jti)
    assert code == 0, err
    assert "will be sent at the next `inbox sync`" in err and "deletes anything" in err
    assert w.show()["status"] == "declined" and built_files(w) == []
    assert w.portal.decision(w.jti).withdrawn is None and open_uploads(w.portal.db_path, w.jti)
    (record,) = w.audit("decline")
    assert record["uploads_left"] == ["yard"]

    w.proxy.rules.clear()   # the portal is back
    assert w.run("inbox", "sync")[0] == 0
    assert w.portal.decision(w.jti).withdrawn is not None
    assert open_uploads(w.portal.db_path, w.jti) == []   # the portal ended the upload


def test_a_delivered_request_cannot_be_declined_and_says_the_agency_has_it(world):
    w = world
    code, _, err = w.approve()
    assert code == 0, err
    code, _, err = w.run("decline", "--", w.jti)
    assert code == 3 and "already received the footage of yard" in err
    assert "the agency has it" in err
    assert w.show()["status"] == "delivered" and w.portal.decision(w.jti).withdrawn is None


def test_a_request_being_delivered_cannot_be_declined(world, spanish):
    w = world
    refuse_one_patch(w)
    inbox = Inbox(w.run.home / "inbox.db")
    try:
        with delivery_lock(w.run.home, inbox.get(w.jti)):   # another footage-agent delivers
            code, _, err = w.run("decline", "--", w.jti)
    finally:
        inbox.close()
    assert code == 3 and "being delivered" in err and "cancel it first" in err
    assert w.show()["status"] == "failed" and w.portal.decision(w.jti).withdrawn is None
    # The app's Decline meets a terminal's `approve` alike, and its own approval still running:
    # both were said in English in the Spanish app.
    from agent.service import Agent
    from gui.views.core_words import in_owner_language
    said = [in_owner_language(err.removeprefix("footage-agent: ").strip())]
    agent = Agent(w.run.home)
    try:
        desk = agent.requests
        with desk._running.claim(desk.inbox.get(w.jti)):
            with pytest.raises(DeskRefusal) as refused:
                desk.decline(w.jti)
        said.append(in_owner_language(str(refused.value)))
    finally:
        agent.close()
    for words in said:
        assert w.jti in words and "deliver" not in words and "cancel it" not in words, words


@pytest.mark.parametrize("then", ["sync", "decline"])
def test_a_package_the_portal_may_have_received_is_kept_when_the_approval_is_withdrawn(
        world, then):
    """Attacker's hunt: the portal took the submission but its answer never came (a busy
    portal, a lost connection, a check longer than the call's limit), so the delivery was left
    `failed` without a receipt. Declining it then deleted the package and its tar and forgot
    the delivery, though the portal refused the withdrawal (the agency had the package): the
    owner lost the one copy of what the agency holds. A package whose upload finished is now
    kept with its delivery record; only those that never reached the server are removed."""
    w = world
    busy = b'{"error": "busy", "detail": "try later"}'
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,   # taken; its answer lost
                              after=lambda status, headers, body: (
                                  503, [("Retry-After", "3600")], busy)))
    code, _, err = w.approve()
    assert code == 1 and "busy" in err
    (submitted,) = w.portal.submissions()   # the agency has it
    files = sorted(built_files(w))
    assert files

    code, _, err = w.run("decline", "--reason", "changed my mind", "--", w.jti)
    assert code == 0, err
    assert "already received footage for this request (sent from this PC with the answer " \
           "lost on the way" in err   # the portal's answer, said
    # ... and said as it is: the package was kept, and the agency may have it
    assert "were removed from this PC" not in err and "nothing more will be sent" not in err
    assert "the package for yard was kept on this PC" in err
    # ... and never as withdrawn beside the portal's words that the approval stands (seen:
    # "your approval is withdrawn, but the package for yard was kept")
    assert "approval is withdrawn" not in err, err
    assert sorted(built_files(w)) == files       # the owner's copy of what the agency holds
    shown = w.show()
    (kept,) = shown["deliveries"]
    assert kept["camera"] == "yard" and kept["sha256"] == submitted["sha256"]
    out = w.run("inbox", "show", "--", w.jti)[1]
    assert "yard: sent whole, no receipt came back: the agency may have it, so this package " \
           f"was kept ({kept['package']})" in out and "approve it again" not in out
    (record,) = w.audit("decline")
    assert record["kept"] == ["yard"] and record["removed"] == []

    # The portal answers again: the next sync, or decline, asks for the receipt the refused
    # decline left owed, keeps it and shows the request delivered (before: "declined" for
    # good, the agency holding the footage and this PC no receipt of it).
    w.proxy.rules.clear()
    if then == "sync":
        assert w.run("inbox", "sync")[0] == 0
    else:
        code, _, err = w.run("decline", "--", w.jti)
        assert code == 3 and "already received the footage of yard" in err, err
    shown = w.show()
    (d,) = shown["deliveries"]
    assert shown["status"] == "delivered" and d["receipt_token"], shown
    assert parse_compact(d["receipt_token"]).claims["sha256"] == submitted["sha256"]
    assert w.audit("receipt")[-1]["status"] == "delivered"
    asked = w.proxy.count("POST", "/submissions")
    assert w.run("inbox", "sync")[0] == 0   # owed no more: not asked again
    assert w.proxy.count("POST", "/submissions") == asked


def test_declining_after_a_stored_package_lost_its_receipt_asks_for_it_and_is_refused(
        world, monkeypatch, spanish):
    """Seen: the portal stored the package, its answer lost (502 from the web server in front
    of it); declining ended the upload, declined the request here, and sent the decline, which
    the portal refused (already_delivered): the inbox said 'declined' and 'the agency may have
    it' while the agency held the package and the approval, and its receipt was never asked
    for. The receipt is asked for first: kept, and the decline refused as for a delivery."""
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    code, _, err = w.approve()
    assert code == 1, err
    (stored,) = w.portal.submissions()
    w.proxy.rules.clear()

    code, _, err = w.run("decline", "--reason", "changed my mind", "--", w.jti)
    # Said plainly, and the request shown as it is: delivered (before, it stayed `failed`
    # until the owner approved again, which recorded it delivered sending nothing).
    assert code == 3 and "already has the footage of yard" in err, err
    assert "asking Example Police Department's portal whether it received the footage of yard " \
           "before withdrawing the approval (Ctrl+C stops waiting" in err   # said while asked
    assert "was fetched just now, so the request cannot be declined" in err
    assert "approve it again" not in err
    from gui.views.core_words import in_owner_language   # the app offers Decline here too
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())
    assert "yard" in said and "fetched" not in said and "cannot be declined" not in said, said
    shown = w.show()
    (d,) = shown["deliveries"]
    assert shown["status"] == "delivered" and d["receipt_token"], shown
    assert parse_compact(d["receipt_token"]).claims["sha256"] == stored["sha256"]
    assert w.portal.decision(w.jti).withdrawn is None and not w.audit("decline")
    assert w.audit("receipt")[-1]["status"] == "delivered"


def test_declining_after_an_upload_never_submitted_removes_its_package(world, monkeypatch):
    """The upload finished, its submission never reached the portal: asked, the portal has
    nothing of it, so the package is not kept as one the agency may hold."""
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None, status=502,
                              body=b"Bad Gateway"))
    code, _, err = w.approve()
    assert code == 1, err
    w.proxy.rules.clear()

    code, _, err = w.run("decline", "--", w.jti)
    assert code == 0, err
    assert w.show()["status"] == "declined" and built_files(w) == []
    assert w.portal.submissions() == [] and w.portal.decision(w.jti).withdrawn is not None
    (record,) = w.audit("decline")
    assert record["kept"] == []


def test_a_stop_landing_as_the_lost_receipt_arrives_says_the_agency_has_the_footage(
        world, monkeypatch):
    """Seen: the owner pressed Stop just as the portal's answer to the receipt question came
    back. The receipt was kept and the request recorded `delivered`, but the decline said
    "stopped ... nothing was declined and your approval stands; decline it again to withdraw
    it": a withdrawal the agent then refuses, the agency holding the footage. What the
    question found is said, as for one not stopped."""
    from agent.errors import DeliveredAfterAll
    from agent.service import Agent
    import threading
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    assert w.approve()[0] == 1
    stop = threading.Event()

    def stopped_as_it_came(status, headers, body):   # the owner's Stop, as the answer leaves
        stop.set()
        return status, headers, body
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, after=stopped_as_it_came)]
    agent = Agent(w.run.home)
    try:
        with pytest.raises(DeliveredAfterAll) as refused:
            agent.requests.decline(w.jti, cancel=stop)
    finally:
        agent.close()
    assert stop.is_set()
    said = str(refused.value)
    assert "already has the footage of yard" in said, said
    assert "nothing was declined" not in said and "withdraw it" not in said, said
    assert w.show()["status"] == "delivered" and not w.audit("decline")
