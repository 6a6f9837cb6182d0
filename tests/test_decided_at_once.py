"""A request declined in one footage-agent while another approves it (the app and a command
typed in a terminal share the home). The decline of a new request took no lock: it read the
request as new, then signed and stored its token while a real `footage-agent approve`
process delivered it, so the delivered request's decision in the inbox became a decline
never sent (which the poll thread would then send), or, caught while the approval exported,
the approval sent the decline's token to the portal as its own decision. Against the real
portal behind the fault proxy (tests/test_delivery_faults.py's World)."""
from __future__ import annotations

import pytest

from agent.requests.desk_errors import DeskRefusal
from agent.requests.inbox import Inbox
from agent.service import Agent
from frp.jws import parse_compact
from tests.test_delivery_faults import footage, world  # noqa: F401
from tests.test_safety_crash import AGENT, start


def test_a_decline_and_an_approval_at_once_are_never_both_taken(world):
    w = world
    approvals = []
    terminal = Agent(w.run.home)
    desk = terminal.requests
    reverify = desk._reverify

    def approved_meanwhile(entry, trust=None):
        """The app's owner approves while the terminal's decline looks at the request."""
        if not approvals:
            proc = start(AGENT + ["--home", str(w.run.home), "approve", "--yes", "--progress",
                                  "none", "--", w.jti])
            _, err = proc.communicate(timeout=120)
            approvals.append((proc.returncode, err.decode()))
        return reverify(entry, trust)
    desk._reverify = approved_meanwhile
    try:
        desk.decline(w.jti, "not our camera")
    except DeskRefusal:
        pytest.fail("the decline was refused though it came first")
    finally:
        terminal.close()
    ((code, err),) = approvals
    assert code == 3, err   # before: 0, delivered under the decline being made
    assert "declined by another footage-agent" in err
    shown = w.show()
    assert shown["status"] == "declined" and shown["decision"]["sent_at"] is not None
    inbox = Inbox(w.run.home / "inbox.db")
    try:
        kept = inbox.get(w.jti).decision
    finally:
        inbox.close()
    assert parse_compact(kept).claims["decision"] == "decline"
    assert w.portal.decision(w.jti).decision == "decline"
    assert w.portal.submissions() == []
