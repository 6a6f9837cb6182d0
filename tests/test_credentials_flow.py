"""Content Credentials through the whole request flow: an owner registered through the
reference portal answers a request, and the delivered clip is signed with the certificate the
agency's registration CA issued: the C2PA library's Reader calls it trusted with that CA as
anchor (and only then), the portal records it as trusted, and `verify` says so."""
from __future__ import annotations

import json
from pathlib import Path

from agent.timebase import US, format_utc
from portal import cli as portal_cli
from tests.credentials_support import read
from tests.test_requests_e2e import T0, flow, footage, new_request, only_request  # noqa: F401


def test_a_clip_answering_a_registered_agency_is_trusted_by_its_ca(flow, capsys):
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, out, err = run("approve", "--camera", "porch", "--from", format_utc(T0 + US),
                         "--to", format_utc(T0 + 6 * US), "--yes", "--json", "--", jti)
    assert code == 0, err
    (delivery,) = json.loads(out)["deliveries"]
    package = Path(delivery["package"])
    (clip,) = (package / "data").glob("*.mp4")
    ca = portal.ca().pem

    state, codes, manifest = read(clip, ca)
    assert state == "Trusted" and codes == [], codes
    state, codes, _m = read(clip)
    assert state == "Valid" and codes == ["signingCredential.untrusted"]
    capture = next(a["data"] for a in manifest["assertions"]
                   if a["label"] == "org.footage-agent.capture")
    assert capture["request"]["id"] == jti and capture["request"]["agency"] == portal.agency_id
    record = json.loads((package / "data" / "provenance.json").read_text())
    assert record["content_credentials"]["signed_by"] == "agency"
    assert record["content_credentials"]["agency"] == portal.agency_id

    (sub,) = portal.submissions()
    (check,) = [c for c in sub["checks"] if c["name"] == "content_credentials"]
    assert sub["ok"] and check["ok"], check
    # "given anchor" read as programmers' words, and wrong where no --ca was given
    assert check["detail"].startswith(f"data/{clip.name}: trusted: the signing certificate "
                                      "chains to a CA trusted here (")
    capsys.readouterr()
    assert portal_cli.main(["submissions", str(portal.state_dir)]) == 0
    assert "[ok] content_credentials: data/" in capsys.readouterr().out

    # The owner's own verify trusts the registration CAs of the agencies it trusts.
    code, _out, err = run("verify", str(package))
    assert code == 0 and "Content Credentials valid" in err and "trusted: the signing" in err
    assert "not trusted" not in err
