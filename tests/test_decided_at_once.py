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


class DeclinedMeanwhile:
    """The hold's cancel flag, looked at once per chunk copied: the first look runs a real
    `footage-agent decline` of the request (the owner, in another footage-agent, says no
    while the safe copy is made)."""

    def __init__(self, w) -> None:
        self.w, self.done = w, []

    def is_set(self) -> bool:
        if not self.done:
            proc = start(AGENT + ["--home", str(self.w.run.home), "decline", "--", self.w.jti])
            _, err = proc.communicate(timeout=120)
            self.done.append((proc.returncode, err.decode()))
        return False


def test_a_safe_copy_of_a_request_declined_while_it_is_made_is_kept_and_logged(world):
    """The copy of a week of footage takes minutes; the request was read as new before it and
    made `held` after it, which a request declined (or approved) meanwhile cannot become: the
    hold failed with 'a request that is declined cannot become held', its copy kept but not
    logged (and, made by the poll thread for a request just arrived, that poll ended with the
    error, the requests after it left for the next)."""
    w = world
    meanwhile = DeclinedMeanwhile(w)
    agent = Agent(w.run.home)
    try:
        made = agent.requests.hold(w.jti, cancel=meanwhile)
    finally:
        agent.close()
    ((code, err),) = meanwhile.done
    assert code == 0, err
    assert made.path.is_dir() and made.files
    assert w.show()["status"] == "declined"
    held = [r for r in w.run.json("log") if r["event"] == "hold"]
    assert [(r["data"]["status"], r["data"]["files"]) for r in held] == \
        [("declined", len(made.files))]
