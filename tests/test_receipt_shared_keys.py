"""A receipt signed with a key two trusted agencies list (trust hunt 9). A home an older version
filled may trust two agencies listing one key (tests/test_agency_shared_keys.py): a request
signed with it is refused (rule 2), since its holder could sign as either agency, but a receipt
was checked only against the keys of the agency it names. So the sheriff, holding a key the
police's file lists too, signed a receipt `verify --receipt` called "Example Police Department
received this tar ... its signature checks out", `inbox show` said a stored receipt signed with
such a key "checks out", and a delivery took one as the police's. Each now says the receipt
does not prove who signed it, naming both agencies. Against the real reference portal and its
tus server (tests/test_delivery_faults.py's world, its proxy in front)."""
from __future__ import annotations

import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.export.bagtar import tar_package
from agent.requests import agencies
from frp.jws import parse_compact, public_jwk
from portal.signers import sign_receipt
from tests.fault_proxy import Rule
from tests.test_agencies import agency_doc
from tests.test_delivery_faults import AGENCY_ID, footage, world  # noqa: F401 - fixtures
from tests.test_requests_e2e import Run

SHERIFF = "https://sheriff.example.gov"
SHERIFF_KEY = Ed25519PrivateKey.generate()
SHERIFF_JWK = public_jwk(SHERIFF_KEY)


def _as_an_older_version_did(run: Run, monkeypatch, *files: Path, replace=False) -> None:
    """Import each file as a version without the shared-key check did."""
    with monkeypatch.context() as m:
        m.setattr(agencies, "shared_key", lambda agency, trusted: None)
        for path in files:
            code, out, err = run("agencies", "add", str(path), *(("--replace",) if replace
                                                                 else ()))
            assert code == 0, err


def _sheriff_file(tmp_path: Path, *jwks: dict) -> Path:
    path = tmp_path / "sheriff.json"
    path.write_text(json.dumps(agency_doc(
        id=SHERIFF, name="Example County Sheriff", phone="+1-206-555-0111",
        portal="https://frp.sheriff.example.gov/v1",
        upload_origins=["https://upload.sheriff.example.gov"], keys={"keys": list(jwks)})))
    return path


def _police_file_with_the_sheriffs_key(w, tmp_path: Path) -> Path:
    doc = w.portal.trust_document(w.proxy.origin)
    doc["keys"]["keys"].append(dict(SHERIFF_JWK))
    path = tmp_path / "police-and-sheriff-key.json"
    path.write_text(json.dumps(doc))
    return path


def _signed_by_the_sheriff_as_the_police(claims: dict) -> str:
    return sign_receipt({**claims, "iss": AGENCY_ID}, SHERIFF_KEY, SHERIFF_JWK["kid"])


def test_verify_receipt_refuses_one_signed_with_a_key_another_trusted_agency_lists(
        world, tmp_path, capsys, monkeypatch):
    """The detective's computer trusts the police and the sheriff, an older version having
    imported a police file listing the sheriff's key: the sheriff signs a receipt as the
    police for the tar, which the police never gave."""
    w = world
    d = w.delivery()
    tar = tar_package(Path(d["package"]), tmp_path / "yard.tar")
    assert tar.sha256 == d["sha256"]
    genuine = w.show()["deliveries"][0]["receipt_token"]
    claims = parse_compact(genuine).claims
    forged = tmp_path / "forged.receipt"
    forged.write_text(_signed_by_the_sheriff_as_the_police(claims))
    own = tmp_path / "own.receipt"
    own.write_text(genuine)

    checker = Run(tmp_path / "detective", capsys)
    _as_an_older_version_did(checker, monkeypatch, _police_file_with_the_sheriffs_key(w, tmp_path),
                             _sheriff_file(tmp_path, SHERIFF_JWK))
    code, out, err = checker("verify", str(tmp_path / "yard.tar"), "--receipt", str(forged),
                             "--json")
    report = json.loads(out)
    assert code == 3 and report["receipt"] is False, (code, out, err)
    (problem,) = report["problems"]
    assert "The receipt does not vouch for this package" in problem, problem
    assert (f"the key that signed it (fingerprint {SHERIFF_JWK['kid']}) is also listed by "
            f"Example County Sheriff ({SHERIFF}), which you trust too") in problem, problem
    # The police's own receipt, signed with a key no other agency lists, still vouches.
    code, out, err = checker("verify", str(tmp_path / "yard.tar"), "--receipt", str(own))
    assert code == 0 and "receipt: Example Police Department received this tar" in err, err


def test_inbox_show_says_a_stored_receipt_signed_with_a_shared_key_proves_nothing(
        world, tmp_path, monkeypatch):
    """The receipt checked out when it came; since, an older version added the sheriff with
    the police's key: the receipt is read again against today's trust store."""
    w = world
    w.delivery()
    code, out, _ = w.run("inbox", "show", "--", w.jti)
    assert "its signed receipt checks out" in out
    _as_an_older_version_did(w.run, monkeypatch, _sheriff_file(tmp_path, dict(w.portal.jwk)))
    code, out, err = w.run("inbox", "show", "--", w.jti)
    assert code == 0 and "checks out" not in out, out
    assert "yard: delivered, but its stored receipt does not check out: " in out, out
    assert "is also listed by Example County Sheriff" in out, out
    (shown,) = w.show()["deliveries"]
    assert shown["received_at"] is None and "Example County Sheriff" in shown["receipt_problem"]


def test_a_delivery_takes_no_receipt_signed_with_a_shared_key(world, tmp_path, monkeypatch):
    """The police's file lists the sheriff's key too (an older version took both): a receipt
    signed with it as the police's is not the delivery's; once the owner removed the sheriff,
    as the refusal says, the police's own receipt is."""
    w = world
    _as_an_older_version_did(w.run, monkeypatch, _police_file_with_the_sheriffs_key(w, tmp_path),
                             replace=True)
    _as_an_older_version_did(w.run, monkeypatch, _sheriff_file(tmp_path, SHERIFF_JWK))

    def forged(status, headers, body):
        doc = json.loads(body)
        doc["receipt"] = _signed_by_the_sheriff_as_the_police(parse_compact(doc["receipt"]).claims)
        return status, headers, json.dumps(doc).encode()

    rule = Rule("POST", "/submissions", after=forged)
    w.proxy.rules.append(rule)
    code, _, err = w.approve()
    assert code == 1, err
    assert "portal took the package for yard, but its receipt cannot be trusted (the key " \
           f"that signed it (fingerprint {SHERIFF_JWK['kid']}) is also listed by Example " \
           "County Sheriff" in err, err
    assert w.show()["status"] == "failed" and w.audit("receipt") == []

    w.proxy.rules.remove(rule)
    assert w.run("agencies", "remove", SHERIFF)[0] == 0
    code, _, err = w.approve()
    assert code == 0, err
    assert w.show()["status"] == "delivered"
    assert [r["camera"] for r in w.audit("receipt") if "camera" in r] == ["yard"]
