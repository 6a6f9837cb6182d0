"""What `inbox show` says of a request's delivery, camera by camera, against the real reference
portal (through the fault proxy of test_delivery_faults): a package sent whole whose receipt
has not come, then one delivered, with the agency's signed receipt handed out so it can be
checked later by anyone holding the agency's key, and read again against today's trust store."""
from __future__ import annotations

import sqlite3
import time

from agent.commands.local_time import shown as owners_time
from agent.requests.agencies import TrustStore
from frp.decision import verify_receipt
from frp.times import parse_rfc3339
from tests.fault_proxy import Rule
from tests.test_delivery_faults import AGENCY_ID, footage, world  # noqa: F401 - fixtures


def test_inbox_show_says_what_was_delivered_and_hands_out_the_signed_receipt(world, monkeypatch):
    """Seen: `inbox show` of a delivered request said `delivered` and nothing of what was sent
    or of the receipt, whose signed token the owner could not get at (only inbox.db held it),
    and of a request stopped after its upload nothing of the package the agency may have."""
    w = world
    w.proxy.rules.append(Rule("POST", "/submissions", status=503, headers={"Retry-After": "3600"},
                              body=b'{"error": "unavailable", "detail": "maintenance"}'))
    assert w.approve()[0] == 1
    code, out, _ = w.run("inbox", "show", "--", w.jti)
    assert code == 0
    assert "yard: sent whole, no receipt yet; approve it again to ask the agency for it" in out
    (waiting,) = w.show()["deliveries"]
    assert waiting["receipt"] is False and waiting["receipt_token"] is None

    d = w.delivery()
    code, out, _ = w.run("inbox", "show", "--", w.jti)
    (shown,) = w.show()["deliveries"]
    claims = verify_receipt(shown["receipt_token"], TrustStore(w.run.home).get(AGENCY_ID),
                            d["sha256"], w.jti)   # the agency's signature, these bytes
    assert shown["receipt"] is True and shown["received_at"] == claims["received_at"]
    assert shown["receipt_problem"] is None
    # The docs hunt: the receipt's time was printed as the agency signed it, in UTC, where
    # cli.md has every time a person reads in the owner's zone (the app showed it so).
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    code, out, _ = w.run("inbox", "show", "--", w.jti)
    local = owners_time(parse_rfc3339(claims["received_at"]), "America/Los_Angeles")
    assert local.endswith(("PST", "PDT"))
    assert (f"yard: delivered, {d['size']:,} bytes, SHA-256 {d['sha256']}; received by "
            f"Example Police Department at {local} (this computer's clock, America/Los_Angeles)"
            "; its signed receipt checks out") in out   # the camera's clock is UTC

    # A receipt in inbox.db that is not this package's (edited, or restored from another
    # home) is never passed off as checked.
    other = w.portal.sign_receipt(w.jti, "00" * 32, d["size"], int(time.time()))
    with sqlite3.connect(w.run.home / "inbox.db") as db:
        db.execute("UPDATE deliveries SET receipt = ?", (other,))
    db.close()
    code, out, _ = w.run("inbox", "show", "--", w.jti)
    assert "checks out" not in out
    assert "yard: delivered, but its stored receipt does not check out: the portal received " \
           "different bytes" in out
    (shown,) = w.show()["deliveries"]
    assert shown["received_at"] is None and "different bytes" in shown["receipt_problem"]
