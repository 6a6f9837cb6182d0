"""Registration at the reference portal (protocol.md, "Registration"): invites, refused tokens
leaving nothing behind, signed changes, retiring, and which cameras are near an incident."""
from __future__ import annotations

import json
import time

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.identity.keys import OwnerKey
from frp import jws
from frp.certificates import check_owner_certificate
from frp.registration import Camera, Contact
from frp.registration_token import (
    REGISTRATION_TYP,
    make_key_proof,
    make_registration_token,
)
from portal import cli, db
from portal.errors import PortalError
from portal.invites import create_invite
from portal.nearby import distance_m
from portal.server import PortalServer
from portal.state import Portal
from tests.portal_support import JOSE, auth, register_http
from tests.registering import cameras, invite

AGENCY_ID = "https://police.example.gov"


def key() -> OwnerKey:
    return OwnerKey(Ed25519PrivateKey.generate())


@pytest.fixture
def world(tmp_path):
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
        yield portal, server.origin, client


def post(client, origin, body, headers=JOSE):
    return client.post(origin + "/v1/registrations", content=body, headers=headers)


def register_token(owner: OwnerKey, code: str, names=("Front door",), **kw) -> str:
    return make_registration_token(owner.sign, owner.public.jwk(), AGENCY_ID, "register",
                                   invite=code, contact=Contact("Ann"), cameras=cameras(*names),
                                   **kw)


def hand_signed(owner: OwnerKey, claims: dict, signer=None) -> str:
    jwk = owner.public.jwk()
    base = {"aud": AGENCY_ID, "action": "register", "jti": "j" * 24, "iat": int(time.time()),
            "iss": jwk["kid"], "contact": {"name": "Ann"}, "cameras": []}
    return jws.sign_compact({"alg": "EdDSA", "typ": REGISTRATION_TYP, "kid": jwk["kid"],
                             "jwk": jwk}, {**base, **claims}, (signer or owner).sign)


def unused(portal: Portal) -> int:
    with db.connect(portal.db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM invites WHERE used_at IS NULL").fetchone()[0]


def test_a_registration_pins_the_key_and_its_certificate_is_the_cas(world):
    portal, origin, client = world
    owner = key()
    answer = register_http(client, origin, portal, owner, ("porch", "garage"))
    agency = json.loads((portal.state_dir / "agency.json").read_text())
    facts = check_owner_certificate(answer["certificate"], agency["registration_ca"],
                                    owner.public.raw, time.time())
    assert facts.owner_id == owner.public.owner_id()
    (row,) = portal.registry.rows()
    assert (row["registration"], row["owner_id"]) == (answer["registration"],
                                                      owner.public.owner_id())
    assert [c["name"] for c in row["cameras"]] == ["porch", "garage"]
    assert portal.registry.pinned(answer["registration"]) == owner.public.owner_id()
    # Only hashes of the bearer token are kept.
    assert answer["token"].encode() not in portal.db_path.read_bytes()


def test_unknown_used_and_expired_invites_are_refused_and_nothing_is_kept(world):
    portal, origin, client = world
    owner = key()
    code = invite(portal)
    expired = create_invite(portal.db_path, "Bob", "bob@example.com", 1,
                            now=time.time() - 2 * 86400).code
    cases = [("inv-" + "a" * 26, "invite_unknown"), ("inv-nope", "invite_unknown"),
             (expired, "invite_expired")]
    for bad, error in cases:
        token = hand_signed(owner, {"invite": bad})
        r = post(client, origin, token)
        assert r.status_code == 403 and r.json()["error"] == error, r.text
    assert portal.registry.rows() == [] and unused(portal) == 2
    assert post(client, origin, register_token(owner, code)).status_code == 201
    r = post(client, origin, register_token(key(), code))
    assert r.status_code == 403 and r.json()["error"] == "invite_used"
    assert len(portal.registry.rows()) == 1 and unused(portal) == 1


def test_bad_registration_tokens_are_refused_and_the_invite_stays_unused(world):
    portal, origin, client = world
    owner, other = key(), key()
    code = invite(portal)
    too_many = [{"name": f"c{i}", "address": "1 Elm St"} for i in range(65)]
    cases = [
        (hand_signed(owner, {"invite": code}, signer=other), 400, "bad_signature"),
        (hand_signed(owner, {"invite": code, "cameras": too_many}), 400, "too_many_cameras"),
        (hand_signed(owner, {"invite": code, "cameras": [{"name": "p", "address": "a" * 401}]}),
         400, "bad_camera"),
        (hand_signed(owner, {"invite": code, "contact": {"name": "n" * 201}}), 400,
         "bad_contact"),
        (hand_signed(owner, {"invite": code, "iat": int(time.time()) - 3600}), 400, "stale"),
        (hand_signed(owner, {"invite": code, "aud": "https://other.example"}), 400,
         "wrong_audience"),
        (hand_signed(owner, {"invite": code, "action": "update", "registration": "r"}), 400,
         "wrong_action"),
        ("garbage", 400, "malformed"),
    ]
    for body, status, error in cases:
        r = post(client, origin, body)
        assert (r.status_code, r.json()["error"]) == (status, error), r.text
    r = post(client, origin, register_token(owner, code), {"Content-Type": "application/json"})
    assert r.status_code == 415
    r = post(client, origin, b"x" * (64 * 1024 + 1))
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    assert portal.registry.rows() == [] and unused(portal) == 1
    with db.connect(portal.db_path) as conn:   # no jti of a refused token is remembered
        assert conn.execute("SELECT COUNT(*) FROM owner_jtis").fetchone()[0] == 0
    assert post(client, origin, register_token(owner, code)).status_code == 201


def change(client, origin, answer, method, path, token, bearer=None):
    return client.request(method, f"{origin}/v1/registrations/{answer['registration']}{path}",
                          content=token, headers=auth(bearer or answer["token"], **JOSE))


def test_changes_are_signed_by_the_pinned_key_and_unregistering_ends_the_token(world):
    portal, origin, client = world
    owner, other = key(), key()
    mine = register_http(client, origin, portal, owner, ("porch",))
    theirs = register_http(client, origin, portal, other, ("yard",))
    reg = mine["registration"]

    def update(signer, names, **kw):
        return make_registration_token(signer.sign, signer.public.jwk(), AGENCY_ID, "update",
                                       registration=kw.pop("registration", reg),
                                       contact=Contact("Ann B", phone="555 0100"),
                                       cameras=cameras(*names))

    r = change(client, origin, mine, "PUT", "", update(other, ("x",)))
    assert r.status_code == 403 and r.json()["error"] == "wrong_key"
    r = change(client, origin, mine, "PUT", "", update(owner, ("x",)), bearer=theirs["token"])
    assert r.status_code == 404   # another registration's token does not reach this one
    r = change(client, origin, mine, "PUT", "", update(owner, ("x",), registration="reg-other"))
    assert r.status_code == 400 and r.json()["error"] == "wrong_registration"
    token = update(owner, ("porch", "garage"))
    r = change(client, origin, mine, "PUT", "", token)
    assert r.status_code == 200 and r.json() == {"registration": reg}
    r = change(client, origin, mine, "PUT", "", token)
    assert r.status_code == 400 and r.json()["error"] == "replayed"
    rows = {row["registration"]: row for row in portal.registry.rows()}
    assert rows[reg]["contact"] == {"name": "Ann B", "phone": "555 0100"}
    assert [c["name"] for c in rows[reg]["cameras"]] == ["porch", "garage"]

    new = key()
    proof = make_key_proof(new.sign, new.public.jwk(), reg, other.public.owner_id())
    bad = make_registration_token(owner.sign, owner.public.jwk(), AGENCY_ID, "rotate",
                                  registration=reg, new_key_proof=proof)
    r = change(client, origin, mine, "POST", "/key", bad)
    assert r.status_code == 400 and r.json()["error"] == "bad_key_proof"
    assert portal.registry.pinned(reg) == owner.public.owner_id()

    gone = make_registration_token(other.sign, other.public.jwk(), AGENCY_ID, "unregister",
                                   registration=reg)
    assert change(client, origin, mine, "DELETE", "", gone).status_code == 403
    gone = make_registration_token(owner.sign, owner.public.jwk(), AGENCY_ID, "unregister",
                                   registration=reg)
    r = change(client, origin, mine, "DELETE", "", gone)
    assert r.status_code == 204 and r.content == b""
    r = client.get(origin + "/v1/requests", headers=auth(mine["token"]))
    assert r.status_code == 401
    assert change(client, origin, mine, "PUT", "", update(owner, ())).status_code == 401
    rows = {row["registration"]: row for row in portal.registry.rows()}
    assert rows[reg]["contact"] is None and rows[reg]["cameras"] == []
    assert rows[reg]["ended_by"] == "owner" and rows[theirs["registration"]]["ended_at"] is None
    with pytest.raises(PortalError, match="no active registration"):
        portal.create_request(reg, 0, 1, "C", "R", origin=origin)
    # The agency retires a registration whose owner lost the key.
    assert cli.main(["retire", str(portal.state_dir), theirs["registration"]]) == 0
    assert client.get(origin + "/v1/requests", headers=auth(theirs["token"])).status_code == 401
    assert cli.main(["retire", str(portal.state_dir), theirs["registration"]]) == 1


def offset(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    return lat + north_m / 111_320, lon + east_m / (111_320 * 0.6743)


def test_cameras_near_an_incident_nearest_first(world, capsys):
    portal, origin, client = world
    here = (47.6062, -122.3321)
    homes = {"near": offset(*here, 40, 30), "middle": offset(*here, -250, 100),
             "far": offset(*here, 5000, 0)}
    regs = {}
    for name, (lat, lon) in homes.items():
        owner = key()
        token = make_registration_token(
            owner.sign, owner.public.jwk(), AGENCY_ID, "register", invite=invite(portal),
            contact=Contact(f"Owner {name}", phone="206 555 0100"),
            cameras=(Camera(f"{name}-porch", lat=lat, lon=lon, sees="the street"),
                     Camera(f"{name}-inside", address="somewhere")))
        regs[name] = post(client, origin, token).json()
    assert cli.main(["cameras", "near", str(portal.state_dir), "--lat", str(here[0]), "--lon",
                     str(here[1]), "--radius-m", "500", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["camera"] for c in out["cameras"]] == ["near-porch", "middle-porch"]
    assert out["address_only"] == 3
    first = out["cameras"][0]
    assert first["registration"] == regs["near"]["registration"]
    assert first["contact"]["name"] == "Owner near" and 45 < first["distance_m"] < 55
    assert abs(first["distance_m"] - distance_m(*here, *homes["near"])) < 1
    # An unregistered owner's cameras are no longer found.
    assert cli.main(["retire", str(portal.state_dir), regs["near"]["registration"]]) == 0
    capsys.readouterr()
    assert cli.main(["cameras", "near", str(portal.state_dir), "--lat", str(here[0]), "--lon",
                     str(here[1]), "--radius-m", "500"]) == 0
    text = capsys.readouterr().out
    assert "middle-porch" in text and "near-porch" not in text and "could not be placed" in text
    assert cli.main(["cameras", "near", str(portal.state_dir), "--lat", "91", "--lon", "0",
                     "--radius-m", "5"]) == 1


def test_invite_create_checks_its_input(world):
    portal = world[0]
    for args in (("Ann", "ann@example.com", 0), ("Ann", "ann@example.com", 91),
                 ("", "ann@example.com", 14), ("Ann", "not-an-address", 14)):
        with pytest.raises(PortalError):
            create_invite(portal.db_path, *args)
    made = create_invite(portal.db_path, "Ann", "ann@example.com", 90)
    assert made.expires_at - time.time() == pytest.approx(90 * 86400, abs=5)


def test_an_id_in_a_path_is_read_percent_decoded(world):
    """Attacker's hunt: an agent writes an id of dots as `%2E` (protocol.md: `.` and `..` are
    valid ids and would otherwise be read as path steps), but the portal matched the raw path,
    so such a change or decision was 'no such address' (404 not_found) whatever its id."""
    portal, origin, client = world
    owner = key()
    mine = register_http(client, origin, portal, owner, ("porch",))
    reg = mine["registration"]
    token = make_registration_token(owner.sign, owner.public.jwk(), AGENCY_ID, "update",
                                    registration=reg, contact=Contact("Ann B"),
                                    cameras=cameras("porch"))
    # Every character percent-encoded, as a client may write any of them.
    encoded = "".join(f"%{b:02X}" for b in reg.encode("ascii"))
    conn = httpx.HTTPTransport()
    request = httpx.Request("PUT", origin + "/v1/registrations/x", content=token,
                            headers=auth(mine["token"], **JOSE))
    request.url = request.url.copy_with(raw_path=f"/v1/registrations/{encoded}".encode())
    r = conn.handle_request(request)
    r.read()
    assert r.status_code == 200 and json.loads(r.content) == {"registration": reg}
    request = httpx.Request("POST", origin + "/v1/requests/x/decision", content=b"x.y.z",
                            headers=auth(mine["token"], **JOSE))
    request.url = request.url.copy_with(raw_path=b"/v1/requests/%2E%2E/decision")
    r = conn.handle_request(request)
    r.read()
    assert r.status_code == 404 and json.loads(r.content)["error"] == "unknown_request"
    conn.close()
