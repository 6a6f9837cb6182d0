"""The portal accepts a decision or a package only when signed by the key pinned to the
registration (issue 14): the stolen-token attack through the real portal, and key rotation."""
from __future__ import annotations

import hashlib
import json
import time

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.identity.keys import OwnerKey
from agent.timebase import US
from frp.registration import Contact
from frp.registration_token import make_key_proof, make_registration_token
from portal import cli
from portal.server import PortalServer
from portal.state import Portal
from tests.portal_support import (
    JOSE,
    auth,
    decision,
    deliver,
    make_clip,
    package_tar,
    post_decision,
    register_http,
    upload,
)
from tests.registering import cameras

AGENCY_ID = "https://police.example.gov"
NOW_US = int(time.time()) * US


def key() -> OwnerKey:
    return OwnerKey(Ed25519PrivateKey.generate())


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clip(tmp_path_factory.mktemp("clip"))


@pytest.fixture
def world(tmp_path):
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
        yield portal, server.origin, client


def ask(portal: Portal, reg: str) -> str:
    return portal.create_request(reg, NOW_US - 7200 * US, NOW_US - 3600 * US, "2026-1",
                                 "Det. Jane Roe")


def nothing_stored(portal: Portal, capsys) -> None:
    assert portal.submissions() == []
    received = portal.state_dir / "received"
    assert not received.exists() or not any(received.iterdir())
    assert cli.main(["submissions", str(portal.state_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_stolen_token_alone_can_neither_decide_nor_deliver(world, clip, tmp_path, capsys):
    """registrations.json copied from the owner's home: the bearer token, no key. A fresh key
    of the attacker's signs a decision and a fabricated package; both are refused with 403
    and nothing is stored, while the owner's own are accepted."""
    portal, origin, client = world
    owner, attacker = key(), key()
    reg = register_http(client, origin, portal, owner)
    stolen = reg["token"]
    request = ask(portal, reg["registration"])
    polled = client.get(origin + "/v1/requests", headers=auth(stolen))
    assert polled.status_code == 200 and polled.json()["requests"] == [request]  # it can read

    jti, forged = decision(portal, request, attacker)
    r = post_decision(client, origin, stolen, jti, forged)
    assert r.status_code == 403 and r.json()["error"] == "wrong_key"
    assert r.headers["content-type"] == "application/json"
    assert portal.decisions() == [] and portal.decision(jti) is None
    # Without an approval nothing can even be uploaded.
    assert upload(client, origin, stolen, jti, b"x" * 10).status_code == 409

    _, approved = decision(portal, request, owner)
    assert post_decision(client, origin, reg["token"], jti, approved).status_code == 204
    fabricated = package_tar(attacker, clip, tmp_path / "fake", request=request).read_bytes()
    created = upload(client, origin, stolen, jti, fabricated)
    r = client.post(f"{origin}/v1/requests/{jti}/submissions", headers=auth(stolen), json={
        "upload_url": created.headers["Location"], "size": len(fabricated),
        "sha256": hashlib.sha256(fabricated).hexdigest(), "package": "case-7_front"})
    assert r.status_code == 403 and r.json()["error"] == "wrong_key", r.text
    nothing_stored(portal, capsys)
    # The refused upload itself is gone too.
    gone = client.head(created.headers["Location"], headers=auth(stolen, **{
        "Tus-Resumable": "1.0.0"}))
    assert gone.status_code == 404

    genuine = package_tar(owner, clip, tmp_path / "real", request=request).read_bytes()
    r = deliver(client, origin, reg["token"], jti, genuine)
    assert r.status_code == 201, r.text
    (row,) = portal.submissions()
    assert row["ok"] and row["signer"] == owner.public.owner_id()
    assert {c["name"]: c["ok"] for c in row["checks"]}["owner_pinned"]


def rotate(client, origin, portal, reg, old: OwnerKey, new: OwnerKey) -> httpx.Response:
    proof = make_key_proof(new.sign, new.public.jwk(), reg["registration"],
                           old.public.owner_id())
    token = make_registration_token(old.sign, old.public.jwk(), AGENCY_ID, "rotate",
                                    registration=reg["registration"], new_key_proof=proof)
    return client.post(f"{origin}/v1/registrations/{reg['registration']}/key", content=token,
                       headers=auth(reg["token"], **JOSE))


def test_after_a_key_rotation_the_old_key_is_refused_and_the_new_one_accepted(world, clip,
                                                                              tmp_path, capsys):
    portal, origin, client = world
    old, new = key(), key()
    reg = register_http(client, origin, portal, old)
    r = rotate(client, origin, portal, reg, old, new)
    assert r.status_code == 200, r.text
    certificate = r.json()["certificate"]
    (row,) = portal.registry.rows()
    assert row["owner_id"] == new.public.owner_id()
    # Asked again (an agent interrupted before it kept the answer): the same certificate.
    again = rotate(client, origin, portal, reg, old, new)
    assert again.status_code == 200 and again.json()["certificate"] == certificate
    # The old key can no longer rotate elsewhere, or change anything.
    r = rotate(client, origin, portal, reg, old, key())
    assert r.status_code == 403 and r.json()["error"] == "wrong_key"
    update = make_registration_token(old.sign, old.public.jwk(), AGENCY_ID, "update",
                                     registration=reg["registration"], contact=Contact("X"),
                                     cameras=cameras("Front door"))
    r = client.put(f"{origin}/v1/registrations/{reg['registration']}", content=update,
                   headers=auth(reg["token"], **JOSE))
    assert r.status_code == 403 and portal.registry.rows()[0]["contact"] == {"name": "Owner"}

    request = ask(portal, reg["registration"])
    jti, by_old = decision(portal, request, old)
    r = post_decision(client, origin, reg["token"], jti, by_old)
    assert r.status_code == 403 and r.json()["error"] == "wrong_key"
    assert portal.decisions() == []
    _, by_new = decision(portal, request, new)
    assert post_decision(client, origin, reg["token"], jti, by_new).status_code == 204

    stale = package_tar(old, clip, tmp_path / "old", request=request).read_bytes()
    r = deliver(client, origin, reg["token"], jti, stale)
    assert r.status_code == 403 and r.json()["error"] == "wrong_key"
    nothing_stored(portal, capsys)
    fresh = package_tar(new, clip, tmp_path / "new", request=request).read_bytes()
    assert deliver(client, origin, reg["token"], jti, fresh).status_code == 201
    assert [s["signer"] for s in portal.submissions()] == [new.public.owner_id()]
