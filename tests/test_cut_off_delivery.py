"""A delivery cut off by `kill -9` (the PC losing power, the app ended from the task manager):
the request must not go on saying "Sending" with nothing sending it, where the app offers no
"Try sending again" (only a `failed` request has it). Against the real portal behind the fault
proxy (tests/test_delivery_faults.py's World), the approval a real `footage-agent approve`
process killed while its upload waits on the upload server."""
from __future__ import annotations

import threading

from agent.requests.running_deliveries import delivery_lock
from agent.requests.inbox import Inbox
from tests.fault_proxy import Rule
from tests.test_delivery_faults import footage, world  # noqa: F401
from tests.test_safety_crash import AGENT, kill9, start


def _cut_off(w) -> None:
    """A real approve process killed while the upload server holds its first PATCH."""
    reached, release = threading.Event(), threading.Event()

    def held(body: bytes) -> None:
        reached.set()
        release.wait(30)
    w.proxy.rules.append(Rule("PATCH", before=held))
    proc = start(AGENT + ["--home", str(w.run.home), "approve", "--yes", "--progress", "none",
                          "--", w.jti])
    try:
        assert reached.wait(60), "the approval never reached its upload"
        assert kill9(proc)
    finally:
        release.set()


def test_a_delivery_cut_off_by_kill_9_is_shown_failed_and_can_be_sent_again(world):
    w = world
    _cut_off(w)
    shown = w.show()
    assert shown["status"] == "failed", shown["status"]   # before: "uploading", for good
    assert "stopped before the footage was sent" in shown["reason"]
    assert "approve it again" in shown["reason"]
    (listed,) = w.run.json("inbox")
    assert listed["status"] == "failed"
    code, _, err = w.approve()   # what it says to do
    assert code == 0, err
    assert w.show()["status"] == "delivered" and len(w.portal.submissions()) == 1


def test_a_delivery_another_footage_agent_is_running_is_left_sending(world):
    w = world
    _cut_off(w)
    inbox = Inbox(w.run.home / "inbox.db")
    try:
        with delivery_lock(w.run.home, inbox.get(w.jti)):   # the app delivers it meanwhile
            assert w.show()["status"] == "uploading"
    finally:
        inbox.close()
