"""The portal's 409 to a posted decision means "a decision is held already" only when it says
so (`already_decided`, protocol.md). Any other refusal, such as a request that expired at the
portal, stops the approval there: it was taken as the portal holding the decision, the
footage was cut and packed, and the upload then refused in other words."""
from __future__ import annotations

from agent.requests.inbox import Inbox
from tests.fault_proxy import Rule
from tests.test_delivery_faults import footage, world  # noqa: F401

EXPIRED = b'{"error": "request_expired", "detail": "this request has expired"}'
DECIDED = b'{"error": "already_decided", "detail": "this request already has a decision"}'


def test_a_decision_the_portal_refuses_as_expired_stops_the_approval_before_any_upload(world):
    w = world
    w.proxy.rules.append(Rule("POST", "/decision", times=None, status=409, body=EXPIRED))
    code, _, err = w.approve()
    assert code != 0 and "this request has expired" in err
    assert w.proxy.count("POST", "/files") == 0 and w.portal.submissions() == []
    inbox = Inbox(w.run.home / "inbox.db")
    try:
        assert inbox.get(w.jti).decision_sent_at_us is None   # never taken as held
    finally:
        inbox.close()


def test_a_decision_the_portal_holds_already_goes_on_to_the_delivery(world):
    w = world   # an interrupted run's decision, or a retry whose first answer was lost
    w.proxy.rules.append(Rule("POST", "/decision", times=1, status=409, body=DECIDED))
    assert w.portal.decision(w.jti) is None
    _code, _, err = w.approve()
    assert w.proxy.count("POST", "/decision") == 1
    assert w.proxy.count("POST", "/files") > 0, err   # went on to deliver
