"""The agencies the owner accepted, pinned with the owner key (agent/requests/trust_pins.py): an
agency file changed in place (by another program, a sync program putting an old file back, or
anyone who can write the home but cannot sign with the owner key) is not trusted until the
owner accepts it again."""
from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.audit.log import AuditLog
from agent.identity.keys import OwnerKey
from agent.requests.agencies import TrustStore, TrustStoreError
from agent.requests.key_rotation import rotate_key
from agent.requests.trust_pins import pins_path
from frp import jws
from frp.jws_encoding import b64url_decode
from portal.signers import sign_request
from tests.test_agencies import agency_doc, own_keys, write
from tests.test_requests_e2e import flow, footage, new_request, only_request  # noqa: F401

AGENCY_ID = "https://police.example.gov"


def _kept(home):
    (path,) = (home / "agencies").glob("*.json")
    return path


def _edit(path, **changes) -> None:
    doc = json.loads(path.read_text())
    doc.update(changes)
    path.write_text(json.dumps(doc))


def test_a_key_added_to_the_agency_file_in_place_verifies_nothing_until_accepted_again(
        flow, tmp_path):
    """The hunt: a key written into the trusted agency's file in place (by anything that can
    write the home) was trusted silently, so a request the writer signed with it was
    imported as the agency's, verified. Now the file is listed as changed, with the
    fingerprints to compare, and nothing verifies by it until the owner accepts it again."""
    portal, _server, run, reg = flow
    claims = json.loads(b64url_decode(new_request(portal, reg).split(".")[1]))
    attacker = Ed25519PrivateKey.generate()
    jwk = jws.public_jwk(attacker)
    kept = _kept(run.home)
    _edit(kept, keys={"keys": json.loads(kept.read_text())["keys"]["keys"] + [jwk]})
    forged = tmp_path / "forged.jwt"
    forged.write_text(sign_request({**claims, "jti": "forged-1"}, attacker, jwk["kid"]))

    code, _, err = run("import-request", str(forged))
    assert code == 3, err
    assert run.json("inbox") == []
    code, out, _ = run("agencies", "list")
    assert code == 0 and f"DAMAGED\t{kept.name}" in out
    assert "changed since you accepted it (keys)" in out and jwk["kid"] in out
    assert "+1-206-555-0100" in out   # the number the owner accepted, to call

    # The owner puts back the agency's own file: trusted again as accepted, the forged key not.
    code, out, _ = run("agencies", "add", str(portal.state_dir / "agency.json"))
    assert code == 0 and "put back" in out
    assert run("import-request", str(forged))[0] == 3
    assert run("inbox", "sync")[0] == 0
    assert only_request(run)["id"] == claims["jti"]
    (put_back,) = [r for r in AuditLog(run.home).entries() if r["event"] == "agency-replaced"]
    assert put_back["data"]["restored"] is True


def test_a_changed_file_accepted_again_is_trusted_and_a_missing_one_never_accepted_is_not(
        tmp_path, home):
    """Accepting a changed file in place (`agencies add FILE --replace`, as the listing says)
    shows what changed and trusts it; a file nobody imported is named as never accepted."""
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    kept = _kept(home)
    _edit(kept, phone="+1-900-555-0199")
    assert store.list() == [] and store.get(AGENCY_ID) is None
    ((name, problem),) = store.damaged()
    assert name == kept.name and "changed since you accepted it (phone)" in problem
    try:
        store.add(kept)
        raise AssertionError("a changed file was accepted without the owner's say-so")
    except TrustStoreError as exc:
        assert "phone" in str(exc)
    assert store.add(kept, replace=True).phone == "+1-900-555-0199"
    assert store.get(AGENCY_ID).phone == "+1-900-555-0199" and store.damaged() == []

    stranger = agency_doc(id="https://sheriff.example.gov", name="Example Sheriff")
    other = TrustStore(tmp_path / "other")
    other.add(write(tmp_path, stranger, "sheriff.json"))
    (planted,) = (tmp_path / "other" / "agencies").glob("*.json")
    (home / "agencies" / planted.name).write_bytes(planted.read_bytes())
    assert [a.id for a in store.list()] == [AGENCY_ID]
    assert "you never accepted it" in dict(store.damaged())[planted.name]


def test_pins_forged_deleted_or_signed_by_another_key_trust_nothing(tmp_path, home):
    """Whoever changes the file and writes pins of their own (or deletes the pins) without
    the owner key gets nothing trusted."""
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    kept, pins = _kept(home), pins_path(home)
    _edit(kept, portal="https://frp.attacker.example.net/v1")
    other = tmp_path / "other"
    TrustStore(other).add(kept)   # the changed file, pinned by another home's key
    pins.write_bytes(pins_path(other).read_bytes())
    assert store.list() == []
    assert "not signed by your owner key" in store.damaged()[0][1]
    pins.unlink()
    assert store.list() == []
    assert "someone deleted it" in store.damaged()[0][1]


def test_a_home_of_an_earlier_version_is_pinned_as_its_log_says_and_a_key_rotation_keeps_it(
        tmp_path, home):
    """An owner upgrading keeps the agencies the activity log shows they imported (pinned
    at once); a file changed before the upgrade is not among them. A key rotation signs the
    pins again with the new key."""
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    store.add(write(tmp_path, agency_doc(id="https://sheriff.example.gov",
                                         name="Example Sheriff", keys=own_keys()),
                    "sheriff.json"))
    pins_path(home).unlink()
    lines = (home / "audit.log").read_text().replace(',"pinned":true', "")
    (home / "audit.log").write_text(lines)  # as an earlier version wrote it (chain aside)
    (sheriff,) = [p for p in (home / "agencies").glob("*.json") if "sheriff" in p.name]
    _edit(sheriff, phone="+1-900-555-0199")
    assert [a.id for a in store.list()] == [AGENCY_ID]
    assert pins_path(home).is_file()
    assert AuditLog(home).entries()[-1]["event"] == "agencies-pinned"
    assert [a.id for a in TrustStore(home).list()] == [AGENCY_ID]

    rotated = rotate_key(home, store, None, AuditLog(home), None)
    assert rotated.finished and OwnerKey.load(home).public.owner_id() == rotated.new_owner_id
    assert [a.id for a in TrustStore(home).list()] == [AGENCY_ID]
