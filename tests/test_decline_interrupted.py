"""`footage-agent decline` cut short: by Ctrl+C while it sends the decline it recorded, or while
a withdrawal asks the portal (the command run as a child process, so the signal is a real
one), or by the inbox failing to record it; against the real reference portal behind the
fault proxy (test_delivery_faults' World)."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace

from agent.delivery.wire import DEFAULT_TIMEOUT
from agent.requests import portal_retries

from tests.fault_proxy import Rule
from tests.test_delivery_faults import (ROOT, WITHIN_PART, _stop_when, footage,  # noqa: F401
                                        world)


def _decline(w) -> subprocess.Popen:
    """`decline` in a child; its `started_at` is taken before it starts."""
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(w.run.home),
                              "decline", "--reason", "not my street", "--", w.jti], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    child.started_at = started
    return child


def _before_the_call_ends(child, took: float, sent: float) -> bool:
    """Out before a part of what was left of the hung call's read timeout (the call began
    after the child started), so the stop did not wait for the call: not a wall-clock
    promise, which bench/stop.py measures."""
    return took < (DEFAULT_TIMEOUT.read - (sent - child.started_at)) / WITHIN_PART


def test_ctrl_c_while_a_decline_is_sent_keeps_it_says_so_and_exits_130(world):
    w = world
    w.proxy.rules.append(Rule("POST", "/decision", times=None, hang=True))
    child = _decline(w)
    code, took, sent, err = _stop_when(w, child, "POST", "/decision", signal.SIGINT)
    assert code == 130 and _before_the_call_ends(child, took, sent), (code, took, err)
    assert "Traceback" not in err
    # Said as it stands (before: only "interrupted; nothing half-made was left behind")
    assert "declined " + w.jti in err and "kept and sent at the next `inbox sync`" in err, err
    assert "nothing half-made" not in err, err   # said once, as it stands: not twice
    shown = w.show()
    assert shown["status"] == "declined" and shown["reason"] == "not my street", shown
    assert shown["decision"]["sent_at"] is None and shown["decision"]["error"] is None
    w.proxy.rules.clear()
    assert w.run("inbox", "sync")[0] == 0
    (decision,) = w.portal.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == "not my street"


def test_ctrl_c_while_a_withdrawal_asks_the_portal_declines_nothing_and_exits_130(
        world, monkeypatch):
    """The decline of a failed delivery asks a busy portal for a receipt lost on the way:
    Ctrl+C ends the wait, nothing declined, the upload still on record, said so."""
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,   # stored, its answer lost
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    assert w.approve()[0] == 1
    (before,) = w.show()["deliveries"]
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, hang=True)]
    asked = w.proxy.count("POST", "/submissions")
    child = _decline(w)
    code, took, sent, err = _stop_when(w, child, "POST", "/submissions", signal.SIGINT,
                                       after=asked)
    assert code == 130 and _before_the_call_ends(child, took, sent), (code, took, err)
    assert "Traceback" not in err and "nothing was declined" in err, err
    assert "nothing half-made" not in err and err.count("footage-agent:") == 1, err
    shown = w.show()
    assert shown["status"] == "failed", shown
    (after,) = shown["deliveries"]
    assert after["upload_url"] == before["upload_url"] and not w.audit("decline")


def test_a_decline_the_inbox_could_not_record_leaves_no_decline_to_send(world, monkeypatch):
    """A decline was stored in two writes, its signed token and then the request's status:
    one cut between them (the disk failing, the PC losing power) left a `new` request holding
    a decline token not sent, which the next check sent to the agency while the inbox still
    offered the request to approve. Both are now one write."""
    from agent.requests import inbox
    w = world
    real = inbox.check_transition

    def failing(old, new):   # the write of the status fails, as a failing disk's would
        if new == "declined":
            raise sqlite3.OperationalError("disk I/O error")
        real(old, new)
    monkeypatch.setattr(inbox, "check_transition", failing)
    code, _, err = w.run("decline", "--", w.jti)
    assert code == 1 and "Traceback" not in err, err
    monkeypatch.setattr(inbox, "check_transition", real)
    assert w.run("inbox", "sync")[0] == 0
    assert w.portal.decisions() == [] and w.show()["status"] == "new"


def test_ctrl_c_as_the_lost_receipt_arrives_says_the_agency_has_the_footage(world, monkeypatch):
    """Ctrl+C landing just as the portal answers the receipt a withdrawal asked for: the
    receipt is kept and the request delivered, so "nothing was declined ... decline it again
    to withdraw it" (or "stopped before it was recorded") told the owner of a withdrawal that
    is refused from then on. Whichever the command saw first, the stop or the refusal, it says
    the agency has the footage."""
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", times=None,   # stored, its answer lost
                              after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    assert w.approve()[0] == 1
    children: list[subprocess.Popen] = []

    def ctrl_c_as_it_comes(status, headers, body):
        children[0].send_signal(signal.SIGINT)
        return status, headers, body
    w.proxy.rules[:] = [Rule("POST", "/submissions", times=None, after=ctrl_c_as_it_comes)]
    children.append(_decline(w))
    _, err = children[0].communicate(timeout=120)
    assert children[0].returncode in (3, 130), err
    assert "Traceback" not in err and err.count("footage-agent:") == 1, err
    assert "already has the footage of yard" in err, err
    assert "nothing was declined" not in err and "withdraw it" not in err, err
    assert w.show()["status"] == "delivered" and not w.audit("decline")


def test_a_stop_landing_once_the_portal_took_the_decline_keeps_it_sent(world, monkeypatch):
    """Attacker's hunt: a plain decline stopped just as the portal's 204 came in was taken as
    never sent (the portal client dropped a whole answer once the call was cancelled): the
    request read "not sent yet" until the next check sent it again. An answer that came whole
    before the stop is the portal's answer: the decline is recorded as sent."""
    from agent import deadline
    from agent.requests import portal_client
    from agent.service import Agent

    w = world
    stop, real = __import__("threading").Event(), portal_client.read_capped

    def stopped_once_read(response, cap, agency):
        body = real(response, cap, agency)   # the portal's whole answer, read
        if response.request.url.path.endswith("/decision"):
            stop.set()   # the owner's Stop, landing now
            call = deadline.current()
            while not call.cancelled:   # as the call's watcher sees it
                stop.wait(deadline.CANCEL_LOOK_S)
        return body
    monkeypatch.setattr(portal_client, "read_capped", stopped_once_read)
    agent = Agent(w.run.home)
    try:
        done = agent.requests.decline(w.jti, "not my street", cancel=stop)
    finally:
        agent.close()
    assert stop.is_set() and done.status == "declined"
    assert done.decision_sent_at_us is not None and done.decision_error is None, done
    (decision,) = w.portal.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == "not my street"
    assert w.show()["decision"]["sent_at"] is not None
