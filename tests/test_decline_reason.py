"""`decline --reason` as cli.md has an option's value typed wrong: a usage error (exit 2) said
before anything is signed or sent, against the real reference portal."""
from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.audit.log import AuditLog
from frp import jws
from frp.claims import MAX_MESSAGE_CHARS
from tests.test_requests_e2e import flow, footage, new_request, only_request  # noqa: F401


def test_a_reason_too_long_or_blank_is_a_usage_error_and_nothing_is_sent(flow):
    """The docs hunt: a reason over 2000 characters, or blank, was 'refused' (exit 3, as for
    a request that failed verification), where cli.md makes a value typed wrong exit 2."""
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    for reason in ("x" * (MAX_MESSAGE_CHARS + 1), "   "):
        code, _, err = run("decline", "--reason", reason, "--", jti)
        assert code == 2 and f"--reason must be 1 to {MAX_MESSAGE_CHARS} characters" in err
    assert only_request(run)["status"] == "new" and portal.decisions() == []
    code, _, err = run("decline", "--reason", "x" * MAX_MESSAGE_CHARS, "--", jti)
    assert code == 0 and "sent to the agency" in err, err
    (decision,) = portal.decisions()
    assert decision["reason"] == "x" * MAX_MESSAGE_CHARS


def test_a_request_signed_with_a_key_the_agency_since_replaced_can_be_declined_not_approved(
        flow, tmp_path):
    """The hunt: once the agency's file was replaced by one with only a new key, `decline`
    exited 3 ("no longer verifies") and the request stayed `new` until it expired, though a
    decline sends nothing of the footage. The decline names the request by id and token hash,
    so the still-trusted agency's portal takes it; approving stays refused."""
    portal, _server, run, reg = flow
    new_request(portal, reg)
    new_request(portal, reg, case="2026-78")
    assert run("inbox", "sync")[0] == 0
    ids = sorted(item["id"] for item in run.json("inbox"))
    doc = json.loads((portal.state_dir / "agency.json").read_text())
    doc["keys"] = {"keys": [jws.public_jwk(Ed25519PrivateKey.generate())]}
    rotated = tmp_path / "rotated.json"
    rotated.write_text(json.dumps(doc))
    assert run("agencies", "add", str(rotated), "--replace")[0] == 0
    code, _, err = run("approve", "--yes", "--", ids[0])
    assert code == 3 and "no longer verifies" in err
    code, _, err = run("decline", "--reason", "not my street", "--", ids[1])
    assert code == 0 and "sent to the agency" in err, err
    statuses = {item["id"]: item["status"] for item in run.json("inbox")}
    assert statuses == {ids[0]: "new", ids[1]: "declined"}
    (decision,) = portal.decisions()
    assert (decision["request"], decision["decision"], decision["reason"]) == (
        ids[1], "decline", "not my street")
    (record,) = [r["data"] for r in AuditLog(run.home).entries() if r["event"] == "decline"]
    assert record["id"] == ids[1] and "no longer verifies" in record["unverified"]


def test_a_reason_holding_bytes_of_another_encoding_is_a_usage_error_saying_so(flow):
    """The decline hunt: a reason typed in a terminal sending Latin-1 to a UTF-8 computer
    ('caf\\xe9', which Python reads as a lone surrogate) exited 1 with 'cannot put this value in
    a token: it holds text that is not valid Unicode', naming no option nor what to do."""
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, _, err = run("decline", "--reason", "caf\udce9 no", "--", jti)
    assert code == 2 and "--reason" in err and "type it again" in err, err
    assert only_request(run)["status"] == "new" and portal.decisions() == []


def test_a_reason_holding_escapes_or_direction_controls_is_refused_before_anything_is_sent(flow):
    """The decline hunt: `decline --reason $'line1\\nline2\\e[31mred\\u202eevil\\a'` exited 0
    and the portal stored the ANSI escape, the bell and the right-to-left override, which act
    on whatever screen shows the reason. Refused now (exit 2, naming the character); a line
    break and a tab are text an owner may mean, and go through."""
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    for reason, named in (("line1\nline2\x1b[31mred\u202eevil\a", "\\x1b"),
                          ("not my \u202estreet", "\\u202e"), ("no\a", "\\x07"),
                          ("over\rwritten", "\\r")):
        code, _, err = run("decline", "--reason", reason, "--", jti)
        assert code == 2 and "--reason holds" in err and named in err, err
        assert "type the reason again" in err and reason not in err
    assert only_request(run)["status"] == "new" and portal.decisions() == []
    code, _, err = run("decline", "--reason", "line1\nline2\tthe street", "--", jti)
    assert code == 0 and "sent to the agency" in err, err
    (decision,) = portal.decisions()
    assert decision["reason"] == "line1\nline2\tthe street"


def test_the_portal_refuses_a_decision_whose_reason_holds_escapes(flow):
    """protocol.md now says what a reason may hold, and the reference portal holds to it: a
    decision signed by another implementation with a terminal escape or a right-to-left
    override in its reason is `400 bad_decision`, and nothing of it is stored."""
    import time

    import httpx

    from agent.identity.keys import OwnerKey
    from agent.requests.agencies import TrustStore
    from frp.owner_token import sign_owner_token
    from tests.portal_support import post_decision, request_of

    portal, server, run, reg = flow
    token = new_request(portal, reg)
    key = OwnerKey.load(run.home)
    (record,) = TrustStore(run.home).registration_records()
    req = request_of(portal, token)
    with httpx.Client() as client:
        for reason in ("red \x1b[31m", "evil \u202e", "ok\r\n"):
            signed = sign_owner_token("frp-decision+jwt", {
                "iss": key.public.owner_id(), "aud": req.agency_id, "request": req.id,
                "request_sha256": req.sha256, "decision": "decline", "reason": reason,
                "iat": int(time.time())}, key.sign, key.public.jwk())
            r = post_decision(client, server.origin, record.token, req.id, signed)
            assert r.status_code == 400 and r.json()["error"] == "bad_decision", r.text
            assert "reason holds" in r.json()["detail"]
    assert portal.decisions() == []
