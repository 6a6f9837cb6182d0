"""`footage-agent verify` and the request token a package carries: data/request.jws must be the
request provenance.json says the package answers (its id, agency, case and window), and a
package exported by hand carries none. A token that does not belong, even resealed by the
owner key, fails with exit 3 and a sentence naming both requests."""
from __future__ import annotations

import json
import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.service import Agent
from agent.timebase import US
from frp.jws import public_jwk
from portal.signers import sign_request
from tests.credentials_support import reseal, rewrite_readme
from tests.test_verify_credentials import T0, key_of, made, verify  # noqa: F401

AGENCY = "https://police.example.gov"
KEY = Ed25519PrivateKey.generate()


def token(jti: str, case: str = "2026-0042", start: str = "2026-11-20T22:00:00Z",
          end: str = "2026-11-20T22:00:08Z") -> str:
    claims = {"iss": AGENCY, "aud": "reg-1", "jti": jti, "iat": 1, "exp": 2,
              "case": {"number": case}, "window": {"start": start, "end": end},
              "requester": {"name": "Det. Jane Roe"}, "legal_basis": "voluntary",
              "upload": {"protocol": "tus", "endpoint": "https://upload.police.example.gov/f"}}
    return sign_request(claims, KEY, public_jwk(KEY)["kid"])


@pytest.fixture(scope="module")
def answered(made, tmp_path_factory):
    """A package exported for request req-7 (its token read, not verified: no trust store)."""
    agent = Agent(made[0])
    try:
        done = agent.export("porch", T0 + US, T0 + 6 * US, tmp_path_factory.mktemp("req"),
                            request_token=token("req-7").encode())
    finally:
        agent.close()
    return done.package.path


@pytest.fixture
def copy(answered, tmp_path):
    out = tmp_path / answered.name
    shutil.copytree(answered, out)
    return out


def test_the_token_of_the_request_answered_verifies(capsys, made, answered):
    code, out = verify(capsys, made[0], answered)
    assert code == 0, out


def test_another_requests_token_resealed_by_the_owner_fails(capsys, made, copy):
    (copy / "data/request.jws").write_text(token("req-8", case="2026-0099"))
    reseal(copy, key_of(made[0]))
    code, out = verify(capsys, made[0], copy)
    assert code == 3
    assert out["problems"] == [
        "data/request.jws is request 'req-8' of 'https://police.example.gov' (case "
        "'2026-0099'), but data/provenance.json says the package answers request 'req-7' of "
        "'https://police.example.gov' (case '2026-0042'): the request token does not belong "
        "to this package."], out


def test_a_token_for_another_window_fails(capsys, made, copy):
    (copy / "data/request.jws").write_text(token("req-7", end="2026-11-20T23:00:00Z"))
    reseal(copy, key_of(made[0]))
    code, out = verify(capsys, made[0], copy)
    assert code == 3
    assert ("data/request.jws asks for 2026-11-20T22:00:00Z to 2026-11-20T23:00:00Z, but "
            "data/provenance.json says the request asked for 2026-11-20T22:00:00Z to "
            "2026-11-20T22:00:08Z.") in out["problems"], out


def test_a_token_slipped_into_a_manual_export_fails(capsys, made, tmp_path):
    package = tmp_path / made[1].name
    shutil.copytree(made[1], package)
    (package / "data/request.jws").write_text(token("req-7"))
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "data/request.jws is a request token, but data/provenance.json says the package was "
        "exported by hand, for no request: the token does not belong to it."], out


def test_a_request_package_without_its_token_fails(capsys, made, copy):
    (copy / "data/request.jws").unlink()
    prov = copy / "data/provenance.json"
    record = json.loads(prov.read_text())
    record["outputs"] = [o for o in record["outputs"] if o["path"] != "data/request.jws"]
    prov.write_text(json.dumps(record))
    reseal(copy, key_of(made[0]))
    code, out = verify(capsys, made[0], copy)
    assert code == 3
    assert ("data/provenance.json says the package answers request 'req-7', but it holds no "
            "data/request.jws.") in out["problems"], out


def test_an_approved_window_wider_than_the_request_fails(capsys, made, copy):
    from tests.test_verify_credentials import _resign
    prov = copy / "data/provenance.json"
    record = json.loads(prov.read_text())
    record["approved"]["start"] = "2026-11-20T21:59:00Z"
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    rewrite_readme(copy, key_of(made[0]))
    made_like = (made[0], copy, record["content_credentials"]["clip"].split("/", 1)[1])
    _resign(copy, made_like, key_of(made[0]), lambda r: None)
    code, out = verify(capsys, made[0], copy)
    assert code == 3
    assert out["problems"] == [
        "data/provenance.json says the owner approved 2026-11-20T21:59:00Z to "
        "2026-11-20T22:00:06Z, wider than the request's window, 2026-11-20T22:00:00Z to "
        "2026-11-20T22:00:08Z: an approval is never wider than what was asked."], out


def _external_identifier(package, value: str | None) -> None:
    """bag-info.txt's External-Identifier line set to `value` (None: taken out)."""
    info = package / "bag-info.txt"
    lines = [ln for ln in info.read_text().splitlines()
             if not ln.startswith("External-Identifier:")]
    if value is not None:
        lines.insert(0, f"External-Identifier: {value}")
    info.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("value, said", [
    ("https://police.example.gov req-8", "gives External-Identifier 'https://police.example.gov "
                                         "req-8'"),
    (None, "gives no External-Identifier"),
])
def test_bag_info_naming_another_request_fails_though_resealed(capsys, made, copy, value,
                                                               said):
    """package-format.md: External-Identifier is `<agency id> <request id>`. bag-info.txt
    naming another request (a records system files the bag by it) verified OK."""
    _external_identifier(copy, value)
    reseal(copy, key_of(made[0]))
    code, out = verify(capsys, made[0], copy)
    assert code == 3
    assert out["problems"] == [
        f"bag-info.txt {said}, but data/provenance.json says the package answers request "
        "'req-7' of 'https://police.example.gov', so it should be 'https://police.example.gov "
        "req-7': the two do not name the same request."], out


def test_bag_info_naming_a_request_in_a_manual_export_fails(capsys, made, tmp_path):
    package = tmp_path / made[1].name
    shutil.copytree(made[1], package)
    _external_identifier(package, "https://police.example.gov req-7")
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "bag-info.txt gives External-Identifier 'https://police.example.gov req-7', but "
        "data/provenance.json says the package was exported by hand, for no request."], out
