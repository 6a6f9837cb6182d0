"""`decline --reason` as cli.md has an option's value typed wrong: a usage error (exit 2) said
before anything is signed or sent, against the real reference portal."""
from __future__ import annotations

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
