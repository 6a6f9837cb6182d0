"""FRP/1 request verification: one test per rule, the attack cases, fuzzing; decisions, receipts."""
from __future__ import annotations

import copy
import hashlib
import hmac
import json
from datetime import datetime, timezone

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.requests.agencies import TrustStore
from agent.requests.registrations import Registration
from agent.timebase import parse_rfc3339
from frp import jws
from frp.decision import (Approved, DecisionError, ReceiptError, RequestRef, make_decision,
                          verify_receipt)
from frp.claims import Rejected
from frp.request import Request, verify_request
from portal.signers import sign_receipt, sign_request

NOW = 1_790_000_000  # 2026-09-21 14:13:20 UTC
A_KEY = Ed25519PrivateKey.generate()
B_KEY = ec.generate_private_key(ec.SECP256R1())
A_JWK, B_JWK = jws.public_jwk(A_KEY), jws.public_jwk(B_KEY)
A_ID, B_ID = "https://police.example.gov", "http://127.0.0.1:8443"
OWNER = Ed25519PrivateKey.generate()
OWNER_JWK = jws.public_jwk(OWNER)


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_store(home, tmp_path) -> TrustStore:
    store = TrustStore(home)
    docs = [
        {"frp": 1, "id": A_ID, "name": "Example Police Department", "phone": "+1-206-555-0100",
         "portal": "https://frp.police.example.gov/v1",
         "upload_origins": ["https://upload.police.example.gov"], "keys": {"keys": [A_JWK]}},
        {"frp": 1, "id": B_ID, "name": "Demo Sheriff", "phone": "+1-206-555-0199",
         "portal": "http://127.0.0.1:8443/v1", "upload_origins": ["http://127.0.0.1:9000"],
         "keys": {"keys": [B_JWK]}, "max_window_s": 7200},
    ]
    for n, doc in enumerate(docs):
        path = tmp_path / f"agency{n}.json"
        path.write_text(json.dumps(doc))
        store.add(path)
    return store


@pytest.fixture
def store(home, tmp_path) -> TrustStore:
    return make_store(home, tmp_path)


def claims(**changes) -> dict:
    base = {
        "iss": A_ID, "aud": "reg-1", "jti": "req-0001", "iat": NOW - 10, "exp": NOW + 3600,
        "case": {"number": "2026-001234", "incident": "burglary on 5th Ave"},
        "window": {"start": iso(NOW - 7200), "end": iso(NOW - 3600)},
        "cameras": ["Front door"],
        "location": {"lat": 47.6, "lon": -122.3, "radius_m": 150, "address": "500 5th Ave"},
        "requester": {"name": "Det. Jane Roe", "badge": "1234", "unit": "Burglary"},
        "legal_basis": "voluntary", "message": "Please share the front door camera.",
        "upload": {"protocol": "tus", "endpoint": "https://upload.police.example.gov/files/",
                   "max_bytes": 2_000_000_000},
    }
    for name, value in changes.items():
        if value is ...:
            base.pop(name, None)
        else:
            base[name] = value
    return base


def signed(c: dict | None = None, key=A_KEY, kid=A_JWK["kid"], alg="EdDSA") -> str:
    return sign_request(claims() if c is None else c, key, kid, alg)


def raw_token(header: dict, body: dict, signature: bytes = b"") -> str:
    part = lambda obj: jws.b64url_encode(json.dumps(obj).encode())  # noqa: E731
    return f"{part(header)}.{part(body)}.{jws.b64url_encode(signature)}"


def check(store, token, seen=lambda iss, jti: False, regs=("reg-1",), now=NOW) -> Request:
    return verify_request(token, store, regs, seen, now=now)


def rejected(store, token, rule: int, text: str, **kw) -> Rejected:
    with pytest.raises(Rejected) as info:
        check(store, token, **kw)
    assert info.value.rule == rule, str(info.value)
    assert text in info.value.reason, info.value.reason
    assert str(info.value).startswith(f"rule {rule}: ")
    return info.value


def test_valid_request_fields(store):
    token = signed()
    req = check(store, token + "\n")
    assert req.id == "req-0001" and req.agency_id == A_ID and req.registration_id == "reg-1"
    assert req.case_number == "2026-001234" and req.incident == "burglary on 5th Ave"
    assert (req.window_start_us, req.window_end_us) == ((NOW - 7200) * 10**6, (NOW - 3600) * 10**6)
    assert req.cameras == ("Front door",) and req.legal_basis == "voluntary"
    assert req.location == {"lat": 47.6, "lon": -122.3, "radius_m": 150, "address": "500 5th Ave"}
    assert req.requester == {"name": "Det. Jane Roe", "badge": "1234", "unit": "Burglary"}
    assert req.upload_endpoint == "https://upload.police.example.gov/files/"
    assert req.upload_max_bytes == 2_000_000_000 and req.emergency is False
    assert (req.issued_at, req.expires_at) == (NOW - 10, NOW + 3600)
    assert req.raw == token and req.sha256 == hashlib.sha256(token.encode()).hexdigest()
    assert check(store, token.encode()) == req


def test_es256_agency_and_loopback_upload(store):
    c = claims(iss=B_ID, upload={"protocol": "tus", "endpoint": "http://127.0.0.1:9000/files"})
    req = check(store, signed(c, B_KEY, B_JWK["kid"], "ES256"))
    assert req.agency_id == B_ID and req.upload_max_bytes is None


def test_optional_claims_absent_unknown_ignored_emergency(store):
    c = claims(cameras=..., location=..., message=..., emergency=True, extra={"x": [1]})
    c["case"] = {"number": "7"}
    req = check(store, signed(c))
    assert req.cameras == () and req.location is None and req.message is None
    assert req.incident is None and req.emergency is True


# --- one test per rule: everything valid except that rule ---

def test_rule1_type(store):
    token = sign_request(claims(), A_KEY, A_JWK["kid"]).split(".")
    header = jws.sign_compact({"typ": "frp-decision+jwt", "kid": A_JWK["kid"]}, claims(), A_KEY)
    rejected(store, header, 1, "not an FRP request")
    for other in ("application/frp-decision+jwt", "application/frp-request+jwt+x",
                  "text/frp-request+jwt", "frp-request+jwt/"):
        typed = jws.sign_compact({"typ": other, "kid": A_JWK["kid"]}, claims(), A_KEY)
        rejected(store, typed, 1, "not an FRP request")
    rejected(store, ".".join(token[:2]), 1, "three parts")


def test_rule2_signature_by_unknown_key(store):
    stranger = Ed25519PrivateKey.generate()
    rejected(store, signed(key=stranger), 2, "does not verify")
    rejected(store, signed(key=stranger, kid=jws.public_jwk(stranger)["kid"]), 2,
             "is not one of Example Police Department's keys")


def test_rule3_expired(store):
    rejected(store, signed(claims(exp=NOW - 61)), 3, "expired at 2026-09-21 14:12:19 UTC")


def test_rule4_audience(store):
    rejected(store, signed(claims(aud="reg-9")), 4, "registration 'reg-9'")


def test_rule5_replay(store):
    calls = []

    def seen(iss, jti):
        calls.append((iss, jti))
        return True

    rejected(store, signed(), 5, "already received (a replay)", seen=seen)
    assert calls == [(A_ID, "req-0001")]


def test_rule6_reversed_window(store):
    c = claims(window={"start": iso(NOW - 3600), "end": iso(NOW - 7200)})
    rejected(store, signed(c), 6, "the end must come after the start")


def test_rule7_missing_case_number(store):
    rejected(store, signed(claims(case={"incident": "x"})), 7, "no case number")


def test_rule8_other_origin(store):
    c = claims(upload={"protocol": "tus", "endpoint": "https://evil.example/files"})
    rejected(store, signed(c), 8, "https://evil.example is not one of Example Police")


# --- attacks and edges ---

def test_alg_none_and_hmac(store):
    header = {"alg": "none", "typ": "frp-request+jwt", "kid": A_JWK["kid"]}
    rejected(store, raw_token(header, claims()), 2, "unsigned")
    header["alg"] = "HS256"
    unsigned = raw_token(header, claims()).rsplit(".", 1)[0]
    # The classic confusion: HMAC keyed with the agency's public key.
    mac = hmac.new(A_JWK["x"].encode(), unsigned.encode(), hashlib.sha256).digest()
    rejected(store, raw_token(header, claims(), mac), 2, "HMAC")


def test_kid_of_another_agency(store):
    rejected(store, signed(key=B_KEY, kid=B_JWK["kid"], alg="ES256"), 2,
             "signed with a key of Demo Sheriff")


def test_unknown_issuer_and_missing_kid(store):
    rejected(store, signed(claims(iss="https://fake.example")), 2, "not in your trust store")
    rejected(store, jws.sign_compact({"typ": "frp-request+jwt"}, claims(), A_KEY), 2, "(kid)")


def test_tampered_claims(store):
    head, _body, sig = signed().split(".")
    body = jws.b64url_encode(json.dumps(claims(aud="reg-1", jti="req-0002")).encode())
    rejected(store, f"{head}.{body}.{sig}", 2, "does not verify")


@pytest.mark.parametrize("exp, iat, ok", [
    (NOW - 60, NOW - 100, True), (NOW - 61, NOW - 100, False),
    (NOW + 600, NOW + 60, True), (NOW + 600, NOW + 61, False),
])
def test_time_tolerance_edges(store, exp, iat, ok):
    token = signed(claims(exp=exp, iat=iat))
    if ok:
        assert check(store, token).expires_at == exp
    else:
        rejected(store, token, 3, "expired" if exp < NOW else "in the future")


@pytest.mark.parametrize("value", ["1790003600", 1790003600.0, True, None])
def test_times_must_be_integers(store, value):
    rejected(store, signed(claims(exp=value)), 3, "'exp' must be a whole number")


@pytest.mark.parametrize("iat, exp, text", [
    (NOW - 10, 10**13, "'exp' must be a whole number of seconds since 1970 (up to the year 9999)"),
    (-1, NOW + 60, "'iat' must be a whole number"),
    (NOW - 10, NOW - 10, "expires (2026-09-21 14:13:10 UTC) before it was issued"),
    (NOW - 10, NOW - 10 + 30 * 86400 + 1,
     "stay open for 720 h 00 min 01 s; Example Police Department's requests may stay open for "
     "at most 720 h 00 min"),
])
def test_every_time_is_bounded_before_use(store, iat, exp, text):
    rejected(store, signed(claims(iat=iat, exp=exp)), 3, text)
    assert check(store, signed(claims(iat=NOW - 10, exp=NOW - 10 + 30 * 86400))).expires_at


def test_an_agency_file_may_allow_longer_lived_requests(home, tmp_path):
    doc = {"frp": 1, "id": A_ID, "name": "Patient PD", "phone": "+1-206-555-0100",
           "portal": "https://frp.police.example.gov/v1", "max_lifetime_s": 90 * 86400,
           "upload_origins": ["https://upload.police.example.gov"], "keys": {"keys": [A_JWK]}}
    (tmp_path / "agency.json").write_text(json.dumps(doc))
    store = TrustStore(home)
    assert store.add(tmp_path / "agency.json").max_lifetime_s == 90 * 86400
    assert check(store, signed(claims(exp=NOW + 89 * 86400))).expires_at == NOW + 89 * 86400
    rejected(store, signed(claims(exp=NOW + 91 * 86400)), 3, "at most 2160 h")


@pytest.mark.parametrize("start, end, text", [
    (NOW + 10, NOW + 3600, "in the future"),
    (NOW - 43202, NOW - 1,
     "is 12 h 00 min 01 s long; Example Police Department may ask for at most 12 h 00 min"),
    (NOW - 100, NOW - 100, "the end must come after the start"),
])
def test_bad_windows(store, start, end, text):
    rejected(store, signed(claims(window={"start": iso(start), "end": iso(end)})), 6, text)


def test_good_windows(store):
    ongoing = claims(window={"start": iso(NOW - 10), "end": iso(NOW + 3600)})
    assert check(store, signed(ongoing)).window_end_us == (NOW + 3600) * 10**6
    exactly_12h = claims(window={"start": iso(NOW - 43201), "end": iso(NOW - 1)})
    assert check(store, signed(exactly_12h)).window_start_us == (NOW - 43201) * 10**6
    full = claims(window={"start": "2026-09-21T00:13:20-02:00", "end": iso(NOW - 1)})
    assert check(store, signed(full)).window_start_us == parse_rfc3339("2026-09-21T02:13:20Z")
    short_limit = claims(iss=B_ID, window={"start": iso(NOW - 7202), "end": iso(NOW - 1)},
                         upload={"protocol": "tus", "endpoint": "http://127.0.0.1:9000/"})
    rejected(store, signed(short_limit, B_KEY, B_JWK["kid"], "ES256"), 6, "at most 2 h 00 min")


@pytest.mark.parametrize("window, text", [
    ({"start": "yesterday", "end": iso(NOW)}, "'yesterday' is not a time"),
    ({"start": "2026-09-21T10:00:00", "end": iso(NOW)}, "not a time with an offset"),
    ({"start": NOW - 100, "end": iso(NOW)}, "'start' is missing or not text"),
    # RFC 3339 minutes are 00-59: +00:99 was once read as +01:39
    ({"start": iso(NOW - 100).replace("Z", "+00:99"), "end": iso(NOW)}, "is not a time"),
    ([iso(NOW - 100), iso(NOW)], "no time window"),
])
def test_window_format(store, window, text):
    rejected(store, signed(claims(window=window)), 6, text)


@pytest.mark.parametrize("changes, text", [
    ({"case": ...}, "no case number"),
    ({"case": {"number": "  "}}, "no case number"),
    ({"case": {"number": 1234}}, "no case number"),
    ({"requester": {"badge": "1"}}, "requester.name"),
    ({"requester": "Det. Roe"}, "requester.name"),
    ({"requester": {"name": "Roe", "email": 5}}, "requester 'email' must be text"),
    ({"legal_basis": "because"}, "legal basis because"),
    ({"legal_basis": ...}, "legal basis None"),
    ({"message": "x" * 2001}, "2001 characters"),
    ({"message": ["x"]}, "'message' must be text"),
    ({"cameras": "Front door"}, "'cameras' must be a list"),
    ({"emergency": "yes"}, "'emergency' must be true or false"),
    ({"location": {"lat": "47.6"}}, "location 'lat' must be a number"),
    ({"location": {"lat": 91}}, "location 'lat'"),
])
def test_rule7_content(store, changes, text):
    rejected(store, signed(claims(**changes)), 7, text)


@pytest.mark.parametrize("changes, text", [
    ({"cameras": ["Front door", "Back yard", "Front door"]}, "names 'Front door' twice"),
    ({"cameras": [f"cam {n}" for n in range(65)]}, "names 65 cameras"),
    ({"cameras": ["C" * 65]}, "longer than 64 characters"),
    ({"case": {"number": "X" * 401}}, "case number is 401 characters"),
    ({"case": {"number": "X", "incident": "i" * 2001}}, "case 'incident' is 2001 characters"),
    ({"requester": {"name": "R" * 401}}, "requester 'name' is 401 characters"),
    ({"requester": {"name": "R", "email": "e" * 401}}, "requester 'email' is 401 characters"),
    ({"location": {"address": "A" * 401}}, "location 'address' is 401 characters"),
])
def test_rule7_bounds_what_the_owner_is_shown(store, changes, text):
    """Trust hunt 2: nothing bounded a request's camera list or its one-line texts. A
    request naming 6,000 cameras held the app's request page for nearly three minutes (a
    timeline each), one naming a camera twice showed it twice (one checked, one 'no
    recordings'), and a 40,000-character case number filled the command line's inbox line
    and pushed every request's window out of the app's list. A request names at most the 64
    cameras a registration holds, each once and at most 64 characters (a registered name),
    and its case number, requester and address are at most 400 characters, the incident at
    most 2000, as the reference portal signs them."""
    rejected(store, signed(claims(**changes)), 7, text)


def test_rule7_bounds_are_inclusive(store):
    names = [f"{n:02d}" + "c" * 62 for n in range(64)]
    req = check(store, signed(claims(cameras=names, case={"number": "X" * 400,
                                                          "incident": "i" * 2000},
                                     requester={"name": "R" * 400, "phone": "5" * 400},
                                     location={"address": "A" * 400})))
    assert req.cameras == tuple(names) and len(req.case_number) == 400


def test_message_limit_exact(store):
    assert len(check(store, signed(claims(message="é" * 2000))).message) == 2000


@pytest.mark.parametrize("endpoint, text", [
    ("http://upload.police.example.gov/files", "plain http"),
    ("https://upload.police.example.gov:8443/files", "upload.police.example.gov:8443 is not one"),
    ("https://upload.police.example.gov@evil.example/", "user name or password"),
    ("https://upload.police.example.gov.evil.example/", "is not one of"),
    ("javascript:alert(1)", "no host name"),
    (42, "must be a web address"),
])
def test_rule8_endpoint(store, endpoint, text):
    rejected(store, signed(claims(upload={"protocol": "tus", "endpoint": endpoint})), 8, text)


def test_rule8_protocol_and_max_bytes(store):
    endpoint = "https://upload.police.example.gov/"
    rejected(store, signed(claims(upload={"protocol": "ftp", "endpoint": endpoint})), 8, "tus")
    bad_max = {"protocol": "tus", "endpoint": endpoint, "max_bytes": "100"}
    rejected(store, signed(claims(upload=bad_max)), 8, "max_bytes")
    huge = {"protocol": "tus", "endpoint": endpoint, "max_bytes": 10**30}
    rejected(store, signed(claims(upload=huge)), 8, "from 1 to 1 TiB")
    ok = claims(upload={"protocol": "tus", "endpoint": "https://UPLOAD.police.example.gov:443/x"})
    assert check(store, signed(ok)).upload_endpoint.endswith(":443/x")


@pytest.mark.parametrize("jti, ok", [("a" * 128, True), ("a" * 129, False), ("r/1", False),
                                     ("", False), (7, False), ("r-1.x_Y", True), ("r1\n", False)])
def test_jti_pattern(store, jti, ok):
    token = signed(claims(jti=jti))
    if ok:
        assert check(store, token).id == jti
    else:
        rejected(store, token, 5, "must be 1-128 characters")


def test_aud_types_and_no_registrations(store):
    rejected(store, signed(claims(aud=["reg-1"])), 4, "does not name the registration")
    rejected(store, signed(), 4, "not one of your registration ids", regs=())
    assert check(store, signed(), regs=iter(["x", "reg-1"])).registration_id == "reg-1"


def test_registrations_from_the_store(store):
    store.keep_registration(Registration(B_ID, "reg-1"))
    rejected(store, signed(), 4, "not one of your registration ids", regs=None)
    store.keep_registration(Registration(A_ID, "reg-1", "portal-token"))
    assert check(store, signed(), regs=None).registration_id == "reg-1"


def test_first_broken_rule_wins(store):
    c = claims(exp=NOW - 1000, upload={"protocol": "tus", "endpoint": "https://evil.example/"})
    rejected(store, signed(c), 3, "expired")


def test_oversized_and_non_text(store):
    rejected(store, signed(claims(message="x" * 70000)), 1, "64 KiB")
    rejected(store, "é" + signed(), 1, "well-formed")
    rejected(store, b"\xff\xfe" + signed().encode(), 1, "non-ASCII")
    rejected(store, None, 1, "not text")


# --- fuzzing: nothing but Rejected ever escapes ---

SLOW = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_input_only_rejected(store, text):
    with pytest.raises(Rejected):
        check(store, text)


@SLOW
@given(st.data())
def test_mutated_tokens_only_rejected(store, data):
    token = list(signed())
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(token) - 1))
        op = data.draw(st.sampled_from(["replace", "delete", "insert", "truncate"]))
        char = data.draw(st.sampled_from(list("AZaz09-_.=+/ \n\x00é")))
        if op == "replace":
            token[i] = char
        elif op == "delete":
            del token[i]
        elif op == "insert":
            token.insert(i, char)
        else:
            del token[i:]
        if not token:
            token = ["."]
    original = signed()
    try:
        accepted = check(store, "".join(token))
    except Rejected:
        return
    # Accepted only when the mutation changed nothing that counts (whitespace around the
    # token, a character replaced by itself): what was accepted is the token as signed.
    assert accepted.raw == original and accepted == check(store, original)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10)
FIELDS = ["iss", "aud", "jti", "iat", "exp", "case", "window", "cameras", "location", "requester",
          "legal_basis", "message", "upload", "emergency"]


@SLOW
@given(st.sampled_from(FIELDS), JSON, st.sampled_from([None, "number", "name", "start", "endpoint"]))
def test_signed_claims_of_any_type_only_rejected(store, field, value, inner):
    c = claims()
    if inner and isinstance(c.get(field), dict) and inner in c[field]:
        c[field] = {**c[field], inner: value}
    else:
        c[field] = value
    token = signed(c)
    try:
        accepted = check(store, token)
    except Rejected:
        return
    says_what_was_signed(accepted, c, token)


def says_what_was_signed(req: Request, c: dict, token: str) -> None:
    """An accepted request carries exactly the signed claims: nothing coerced, dropped or
    taken from elsewhere (an oracle written from protocol.md, not from the verifier)."""
    assert req.raw == token
    assert (req.id, req.agency_id, req.registration_id) == (c["jti"], c["iss"], c["aud"])
    assert (req.issued_at, req.expires_at) == (c["iat"], c["exp"])
    assert type(c["iat"]) is int and type(c["exp"]) is int
    assert req.case_number == c["case"]["number"] and req.incident == c["case"].get("incident")
    assert (req.window_start_us, req.window_end_us) == (parse_rfc3339(c["window"]["start"]),
                                                        parse_rfc3339(c["window"]["end"]))
    assert req.cameras == tuple(c.get("cameras", []))
    assert req.requester == {k: v for k, v in c["requester"].items()
                             if k in ("name", "unit", "badge", "email", "phone") and v is not None}
    assert req.legal_basis == c["legal_basis"] and req.message == c.get("message")
    assert req.upload_endpoint == c["upload"]["endpoint"]
    assert req.upload_max_bytes == c["upload"].get("max_bytes")
    assert req.emergency is c.get("emergency", False)
    place = c.get("location")
    assert req.location == (None if place is None else {
        k: v for k, v in place.items() if k in ("lat", "lon", "radius_m", "address")
        and v is not None})


# --- decision and receipt tokens ---

def _request(store) -> Request:
    return check(store, signed())


def test_decision_round_trip(store):
    req = _request(store)
    approved = Approved(req.window_start_us + 60 * 10**6, req.window_end_us, ("Front door",))
    token = make_decision(req, OWNER, OWNER_JWK, "approve", "only the door", approved, now=NOW)
    parsed = jws.parse_compact(token)
    assert parsed.header["typ"] == "frp-decision+jwt"
    assert parsed.header["kid"] == OWNER_JWK["kid"] == jws.jwk_thumbprint(parsed.header["jwk"])
    jws.verify_signature(parsed, parsed.header["jwk"])
    assert parsed.claims == {
        "iss": OWNER_JWK["kid"], "aud": A_ID, "request": "req-0001", "request_sha256": req.sha256,
        "decision": "approve", "reason": "only the door", "iat": NOW,
        "approved": {"window": {"start": iso(NOW - 7140), "end": iso(NOW - 3600)},
                     "cameras": ["Front door"]}}


def test_decline_with_sign_callable(store):
    req = _request(store)
    token = make_decision(req, OWNER.sign, OWNER_JWK, "decline", None, None, now=NOW)
    parsed = jws.parse_compact(token)
    jws.verify_signature(parsed, OWNER_JWK)
    assert parsed.claims["decision"] == "decline" and "approved" not in parsed.claims
    assert "reason" not in parsed.claims


def test_a_request_named_by_id_and_hash_can_be_declined_never_approved(store):
    """A request that no longer verifies is declined by reference (desk_decisions); the decline
    names it as one of the verified request would, and an approval of it is refused."""
    req = _request(store)
    ref = RequestRef(req.id, req.agency_id, req.sha256)
    declined = jws.parse_compact(make_decision(ref, OWNER.sign, OWNER_JWK, "decline", now=NOW))
    verified = jws.parse_compact(make_decision(req, OWNER.sign, OWNER_JWK, "decline", now=NOW))
    assert declined.claims == verified.claims
    approved = Approved(req.window_start_us, req.window_end_us, ("Front door",))
    with pytest.raises(DecisionError, match="only a verified request can be approved"):
        make_decision(ref, OWNER.sign, OWNER_JWK, "approve", approved=approved, now=NOW)


@pytest.mark.parametrize("kwargs, text", [
    ({"decision": "maybe"}, "approve' or 'decline"),
    ({"decision": "approve", "approved": None}, "needs the window"),
    ({"decision": "decline", "approved": "A"}, "cannot carry"),
    ({"decision": "approve", "approved": "wide"}, "inside the requested window"),
    ({"decision": "approve", "approved": "camera"}, "did not ask for"),
    ({"decision": "approve", "approved": "none"}, "at least one camera"),
    ({"decision": "decline", "reason": "x" * 2001}, "at most 2000"),
    ({"decision": "decline", "owner_sign": Ed25519PrivateKey.generate()}, "does not match"),
    ({"decision": "decline", "owner_jwk": B_JWK}, "must be Ed25519"),
])
def test_decision_refusals(store, kwargs, text):
    req = _request(store)
    options = {"A": Approved(req.window_start_us, req.window_end_us, ("Front door",)),
               "wide": Approved(req.window_start_us - 1, req.window_end_us, ("Front door",)),
               "camera": Approved(req.window_start_us, req.window_end_us, ("Back yard",)),
               "none": Approved(req.window_start_us, req.window_end_us, ())}
    args = {"owner_sign": OWNER, "owner_jwk": OWNER_JWK, "reason": None, "approved": None, **kwargs}
    args["approved"] = options.get(args["approved"], args["approved"])
    with pytest.raises(DecisionError, match=text):
        make_decision(req, decision=args.pop("decision"), **args)


SHA = hashlib.sha256(b"package bytes").hexdigest()


def receipt_claims(**changes) -> dict:
    base = {"iss": A_ID, "request": "req-0001", "sha256": SHA, "size": 13,
            "received_at": "2026-09-21T14:20:00Z"}
    base.update(changes)
    return base


def test_receipt_round_trip(store):
    agency = store.get(A_ID)
    token = sign_receipt(receipt_claims(), A_KEY, A_JWK["kid"])
    assert verify_receipt(token, agency, SHA.upper(), "req-0001") == receipt_claims()
    # RFC 7515: the type read without regard to case, "application/" understood
    typed = jws.sign_compact({"typ": "Application/FRP-Receipt+JWT", "kid": A_JWK["kid"]},
                             receipt_claims(), A_KEY)
    assert verify_receipt(typed, agency, SHA, "req-0001") == receipt_claims()


@pytest.mark.parametrize("make, text", [
    (lambda: sign_receipt(receipt_claims(sha256="0" * 64), A_KEY, A_JWK["kid"]), "different bytes"),
    (lambda: sign_receipt(receipt_claims(), B_KEY, B_JWK["kid"], "ES256"), "not signed with one of"),
    (lambda: sign_receipt(receipt_claims(), Ed25519PrivateKey.generate(), A_JWK["kid"]), "signature"),
    (lambda: sign_receipt(receipt_claims(request="req-9"), A_KEY, A_JWK["kid"]), "request req-9"),
    (lambda: sign_receipt(receipt_claims(iss=B_ID), A_KEY, A_JWK["kid"]), "issued by"),
    (lambda: sign_receipt(receipt_claims(size="13"), A_KEY, A_JWK["kid"]), "size"),
    (lambda: sign_request(receipt_claims(), A_KEY, A_JWK["kid"]), r"not frp-receipt\+jwt"),
    (lambda: raw_token({"alg": "none", "typ": "frp-receipt+jwt", "kid": A_JWK["kid"]},
                       receipt_claims()), "unsigned"),
    (lambda: "garbage", "cannot be trusted"),
])
def test_receipt_refusals(store, make, text):
    with pytest.raises(ReceiptError, match=text):
        verify_receipt(make(), store.get(A_ID), SHA, "req-0001")


def test_request_is_immutable_copy(store):
    req = _request(store)
    with pytest.raises(Exception):
        req.id = "other"  # type: ignore[misc]
    assert copy.copy(req) == req
