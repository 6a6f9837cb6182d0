"""`upload` by hand against the real reference portal: it is a plain tus client, so an
agency's upload server, which takes uploads only with a registration's token and for a
request, refuses it; the owner is told what sends footage to an agency instead."""
from __future__ import annotations

from tests.test_requests_e2e import T0, flow, footage  # noqa: F401 - fixtures
from agent.timebase import US, format_utc


def test_an_upload_by_hand_to_an_agencys_server_says_approve_sends_its_footage(flow, tmp_path):
    """The docs hunt: cli.md said only that `upload` delivers a package to a tus endpoint;
    to an agency's endpoint it failed with 'Retrying will not help; check the request with
    the agency', though there was no request, and nothing said `approve` is what delivers."""
    _portal, server, run, _reg = flow
    code, out, err = run("export", "--camera", "porch", "--from", format_utc(T0),
                         "--to", format_utc(T0 + 4 * US), "--out", str(tmp_path))
    assert code == 0, err
    code, out, err = run("upload", out.strip(), "--endpoint", f"{server.origin}/files")
    assert code == 1 and out == ""
    assert "sends none and names no request" in err and "footage-agent approve ID" in err
    assert "check the request" not in err
