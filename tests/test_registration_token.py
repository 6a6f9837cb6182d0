"""The registration token and the key proof (frp/registration_token.py): what the agent signs
and the portal reads, every refusal with its FRP/1 code, and the limits on what it says."""
from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from frp import jws
from frp.registration import Camera, Contact, RegistrationError, read_cameras, read_contact
from frp.registration_token import (
    REGISTRATION_TYP,
    make_key_proof,
    make_registration_token,
    read_key_proof,
    read_registration_token,
)

AGENCY = "https://police.example.gov"
NOW = 1_800_000_000
KEY, OTHER = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
JWK, OTHER_JWK = jws.public_jwk(KEY), jws.public_jwk(OTHER)
INVITE = "inv-" + "a2" * 13
CAM = Camera("porch", address="1200 Elm Street", lat=47.61, lon=-122.33, sees="the street",
             retention_days=30)


def token(action="register", key=KEY, jwk=JWK, **kw) -> str:
    if action == "register":
        kw.setdefault("invite", INVITE)
    else:
        kw.setdefault("registration", "reg-1")
    if action in ("register", "update"):
        kw.setdefault("contact", Contact("Ann Owner", "ann@example.com", "+1 206 555 0100"))
        kw.setdefault("cameras", (CAM,))
    return make_registration_token(key.sign, jwk, AGENCY, action, now=NOW, **kw)


def refused(raw, code: str, text: str = "", now: float = NOW) -> None:
    with pytest.raises(RegistrationError) as info:
        read_registration_token(raw, AGENCY, now)
    assert info.value.code == code, info.value.detail
    assert text in info.value.detail


def hand_signed(header: dict, claims: dict, key=KEY) -> str:
    base = {"aud": AGENCY, "action": "unregister", "registration": "reg-1",
            "jti": "j" * 24, "iat": NOW, "iss": JWK["kid"]}
    head = {"alg": "EdDSA", "typ": REGISTRATION_TYP, "kid": JWK["kid"], "jwk": JWK}
    return jws.sign_compact({**head, **header}, {**base, **claims}, key)


def test_each_action_reads_back_what_was_signed():
    read = read_registration_token(token(), AGENCY, NOW)
    assert (read.owner_id, read.action, read.invite, read.registration) == (
        JWK["kid"], "register", INVITE, None)
    assert read.contact == Contact("Ann Owner", "ann@example.com", "+1 206 555 0100")
    assert read.cameras == (CAM,) and read.jwk == JWK and read.iat == NOW
    update = read_registration_token(token("update", cameras=()), AGENCY, NOW)
    assert (update.registration, update.cameras, update.invite) == ("reg-1", (), None)
    gone = read_registration_token(token("unregister"), AGENCY, NOW)
    assert gone.contact is None and gone.cameras is None
    # Every token gets its own jti, so the portal can refuse a replay.
    assert read.jti != read_registration_token(token(), AGENCY, NOW).jti


def test_a_token_not_signed_by_its_own_key_is_refused():
    # Signed by OTHER while carrying KEY's jwk and kid: the stolen-token attacker's attempt.
    refused(hand_signed({}, {}, key=OTHER), "bad_signature")
    head, claims, sig = token().split(".")
    refused(f"{head}.{claims}.{sig[:-4]}AAAA", "bad_signature")
    refused(hand_signed({"kid": OTHER_JWK["kid"]}, {}), "bad_key", "thumbprint")
    refused(hand_signed({}, {"iss": OTHER_JWK["kid"]}), "bad_issuer")
    refused(hand_signed({"jwk": {**JWK, "d": "secret"}}, {}), "bad_key", "private")
    p256 = jws.public_jwk(ec.generate_private_key(ec.SECP256R1()))
    refused(hand_signed({"jwk": p256, "kid": p256["kid"]}, {}), "bad_key", "Ed25519")
    refused(hand_signed({"typ": "frp-decision+jwt"}, {}), "wrong_type")
    unsigned = hand_signed({}, {}).rsplit(".", 1)[0]
    head = json.loads(jws.b64url_decode(unsigned.split(".")[0]))
    none = jws.b64url_encode(json.dumps({**head, "alg": "none"}).encode())
    refused(none + "." + unsigned.split(".")[1] + ".", "bad_signature", "none")
    refused("not a token", "malformed")
    refused(b"\xff" * 10, "malformed")


@pytest.mark.parametrize("claims, code, text", [
    ({"aud": "https://other.example.gov"}, "wrong_audience", "not this agency"),
    ({"action": "delete"}, "malformed", "action"),
    ({"jti": "short"}, "malformed", "jti"),
    ({"jti": "x" * 24 + "/"}, "malformed", "jti"),
    ({"iat": "now"}, "malformed", "iat"),
    ({"iat": NOW - 301}, "stale", "clock"),
    ({"iat": NOW + 301}, "stale", "clock"),
    ({"registration": "reg 1"}, "malformed", "registration"),
    ({"action": "register", "invite": "inv-short"}, "invite_unknown", "invite code"),
    ({"action": "rotate"}, "malformed", "new_key_proof"),
    ({"action": "update"}, "bad_contact", "contact"),
])
def test_claim_refusals(claims, code, text):
    refused(hand_signed({}, claims), code, text)


def test_the_clock_tolerance_is_five_minutes():
    assert read_registration_token(hand_signed({}, {"iat": NOW - 300}), AGENCY, NOW)
    assert read_registration_token(hand_signed({}, {"iat": NOW + 300}), AGENCY, NOW)


LONG = "x" * 1000


@pytest.mark.parametrize("cameras, code, text", [
    ([dict(name=f"cam{i}", address="here") for i in range(65)], "too_many_cameras", "at most 64"),
    ([dict(name="c" * 65, address="here")], "bad_camera", "at most 64"),
    ([dict(name="porch", address="a" * 401)], "bad_camera", "at most 400"),
    ([dict(name="porch", address="here", sees="s" * 401)], "bad_camera", "at most 400"),
    ([dict(name="porch")], "bad_camera", "where it is"),
    ([dict(name="porch", lat=47.6)], "bad_camera", "both lat and lon"),
    ([dict(name="porch", lat=91, lon=0)], "bad_camera", "lat"),
    ([dict(name="porch", lat=0, lon=-180.5)], "bad_camera", "lon"),
    ([dict(name="porch", lat=True, lon=0)], "bad_camera", "lat"),
    ([dict(name="porch", address="here", retention_days=3651)], "bad_camera", "retention"),
    ([dict(name="porch", address="here", retention_days=1.5)], "bad_camera", "retention"),
    ([dict(name="porch", address="here"), dict(name="porch", address="there")], "bad_camera",
     "twice"),
    ([dict(name="por\u0007ch", address="here")], "bad_camera", "control"),
    ([dict(name=" ", address="here")], "bad_camera", "non-empty"),
    ("porch", "bad_camera", "list"),
])
def test_camera_limits(cameras, code, text):
    refused(hand_signed({}, {"action": "update", "contact": {"name": "Ann"},
                             "cameras": cameras}), code, text)


@pytest.mark.parametrize("contact, text", [
    ({"name": "n" * 201}, "at most 200"),
    ({"name": "Ann", "email": "e" * 255}, "at most 254"),
    ({"name": "Ann", "phone": "1" * 41}, "at most 40"),
    ({"name": "Ann", "phone": "call me"}, "no digits"),
    ({"name": "Ann\nEvil"}, "control"),
    ({"email": "ann@example.com"}, "name"),
    ("Ann", "object"),
])
def test_contact_limits(contact, text):
    refused(hand_signed({}, {"action": "update", "contact": contact, "cameras": []}),
            "bad_contact", text)


def test_the_limits_themselves_are_allowed():
    cameras = [dict(name=f"{i:064d}", address=f"{i} Elm Street", lat=-90, lon=180,
                    retention_days=3650) for i in range(63)]
    cameras.append(dict(name="last", address="a" * 400, sees="s" * 400, retention_days=0))
    contact = {"name": "n" * 200, "email": "e" * 254, "phone": "1" * 40}
    assert len(read_cameras(cameras)) == 64 and read_contact(contact).phone == "1" * 40
    read = read_registration_token(hand_signed({}, {"action": "update", "contact": contact,
                                                    "cameras": cameras}), AGENCY, NOW)
    assert len(read.cameras) == 64 and read.cameras[-1].sees == "s" * 400


def test_a_registration_too_large_for_a_token_is_refused_before_signing():
    # 64 cameras with the longest address and description each do not fit in 64 KiB.
    full = tuple(Camera(f"camera {i}", address="a" * 400, sees="s" * 400) for i in range(64))
    with pytest.raises(RegistrationError, match="at most 64 KiB") as info:
        token("update", cameras=full)
    assert info.value.code == "too_large"


def test_the_agent_never_signs_what_the_portal_must_refuse():
    for kw in ({"cameras": (Camera("porch"),)}, {"contact": Contact("")},
               {"invite": "not-an-invite"},
               {"cameras": tuple(Camera(f"c{i}", address="x") for i in range(65))}):
        with pytest.raises(RegistrationError):
            token(**kw)
    with pytest.raises(RegistrationError, match="does not match"):
        token(key=OTHER)   # a sign function for another key


def test_key_proof():
    proof = make_key_proof(OTHER.sign, OTHER_JWK, "reg-1", JWK["kid"], NOW)
    assert read_key_proof(proof, "reg-1", JWK["kid"], NOW) == (OTHER_JWK["kid"], OTHER_JWK)
    rotate = read_registration_token(token("rotate", new_key_proof=proof), AGENCY, NOW)
    assert rotate.new_key_proof == proof and rotate.owner_id == JWK["kid"]
    for args, text in [(("reg-2", JWK["kid"], NOW), "another registration"),
                       (("reg-1", "someone", NOW), "another old key"),
                       (("reg-1", JWK["kid"], NOW + 1000), "clock")]:
        with pytest.raises(RegistrationError, match=text) as info:
            read_key_proof(proof, *args)
        assert info.value.code in ("bad_key_proof", "stale")
    same = make_key_proof(KEY.sign, JWK, "reg-1", JWK["kid"], NOW)
    with pytest.raises(RegistrationError, match="the old key"):
        read_key_proof(same, "reg-1", JWK["kid"], NOW)
    with pytest.raises(RegistrationError, match="does not match"):
        make_key_proof(KEY.sign, OTHER_JWK, "reg-1", JWK["kid"], NOW)
    with pytest.raises(RegistrationError) as info:
        read_key_proof(token(), "reg-1", JWK["kid"], NOW)   # a registration token is no proof
    assert info.value.code == "bad_key_proof"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400)))
def test_arbitrary_input_is_only_ever_refused(raw):
    with pytest.raises(RegistrationError):
        read_registration_token(raw, AGENCY, NOW)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["aud", "action", "jti", "iat", "invite", "registration",
                                        "contact", "cameras", "new_key_proof"]),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                                 st.text(max_size=30), st.lists(st.integers(), max_size=3),
                                 st.dictionaries(st.text(max_size=5), st.text(max_size=5),
                                                 max_size=3))))
def test_signed_claims_of_any_type_are_read_or_refused_never_raise_otherwise(claims):
    try:
        read_registration_token(hand_signed({}, claims), AGENCY, NOW)
    except RegistrationError:
        pass
