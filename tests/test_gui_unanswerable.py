"""The request page offers only what the agent takes: Approve stayed enabled on a request that
no longer verifies (the agent refuses it: "no longer verifies"), and Decline on one whose
agency was removed (refused: no agency to tell), each click ending in "That did not work".
Now neither is offered where the agent would refuse it, and the page says why (the real
reference portal on loopback, offscreen Qt)."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from agent.requests.agencies import TrustStore  # noqa: E402
from agent.requests.desk_errors import DeskRefusal  # noqa: E402
from demo.gui_data import AGENCY_ID, agency_doc  # noqa: E402
from tests.gui_support import footage, settle  # noqa: E402,F401
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401


def _reopen(qtbot, window):
    window.inbox.refresh()
    settle(qtbot, window)
    open_first(qtbot, window)
    return window.request


def test_approve_and_decline_are_offered_only_where_the_agent_takes_them(
        qtbot, pwin, portal, footage, tmp_path):
    p, _server, _reg, home = portal
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    assert page.approve_button.isEnabled() and page.decline_button.isEnabled()
    rid = page.view.id

    # The agency's file replaced by one with only a new key: the request no longer verifies.
    doc = json.loads((p.state_dir / "agency.json").read_text())
    rotated = tmp_path / "rotated.json"
    rotated.write_text(json.dumps({**doc, "keys": agency_doc(Ed25519PrivateKey.generate())["keys"]}))
    TrustStore(home).add(rotated, replace=True)
    page = _reopen(qtbot, pwin)
    page.refresh_summary()   # as any change of the handles or ticks does
    assert not page.approve_button.isEnabled() and page.decline_button.isEnabled()
    said = page.status.text()
    assert "no longer verifies" in said and "cannot be approved" in said and "decline" in said
    with pytest.raises(DeskRefusal, match="no longer verifies"):
        pwin.ctx.agent.requests.approve(rid, iss=AGENCY_ID)   # what the button would have done

    # The agency removed: nobody to tell, so neither is offered.
    TrustStore(home).remove(AGENCY_ID)
    page = _reopen(qtbot, pwin)
    assert not page.approve_button.isEnabled() and not page.decline_button.isEnabled()
    assert not page.reason.isEnabled()
    said = page.status.text()
    assert "no longer in your trust store" in said and "neither approved nor declined" in said
    with pytest.raises(DeskRefusal, match="no longer in your trust store"):
        pwin.ctx.agent.requests.decline(rid, iss=AGENCY_ID)
    assert pwin.ctx.agent.requests.show(rid, AGENCY_ID).status == "new"
