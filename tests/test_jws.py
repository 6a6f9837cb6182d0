"""JWS compact sign/verify, base64url and RFC 7638 thumbprints, with the RFCs' own vectors."""
from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from frp import jws
from frp.jws import JWSError

# RFC 8037 appendix A.1 (Ed25519 key), A.3 (its thumbprint), A.4 (a signature made with it).
RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
RFC8037_JWK = {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
RFC8037_JWS = ("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
               "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg")


def _rfc_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(jws.b64url_decode(RFC8037_D))


def test_rfc8037_thumbprint():
    assert jws.jwk_thumbprint(RFC8037_JWK) == RFC8037_THUMBPRINT
    # Members outside the required set do not change it.
    assert jws.jwk_thumbprint({**RFC8037_JWK, "kid": "x", "use": "sig"}) == RFC8037_THUMBPRINT


def test_rfc8037_signature_vector():
    key = _rfc_key()
    assert jws.public_jwk(key) == {**RFC8037_JWK, "kid": RFC8037_THUMBPRINT}
    signing_input, signature = RFC8037_JWS.rsplit(".", 1)
    # Ed25519 is deterministic: our key handling must reproduce the RFC's exact bytes.
    assert jws.b64url_encode(key.sign(signing_input.encode())) == signature
    # The vector's payload is plain text, which an FRP token may never be.
    with pytest.raises(JWSError, match="payload is not valid JSON"):
        jws.parse_compact(RFC8037_JWS)


def test_ed25519_round_trip_and_tamper():
    key = Ed25519PrivateKey.generate()
    jwk = jws.public_jwk(key)
    token = jws.sign_compact({"typ": "x"}, {"a": 1, "b": "ü"}, key)
    parsed = jws.parse_compact(token)
    assert parsed.header == {"typ": "x", "alg": "EdDSA"}
    assert parsed.claims == {"a": 1, "b": "ü"}
    jws.verify_signature(parsed, jwk)
    head, body, sig = token.split(".")
    forged = jws.b64url_encode(json.dumps({"a": 2, "b": "ü"}).encode())
    with pytest.raises(JWSError, match="signature does not match"):
        jws.verify_signature(jws.parse_compact(f"{head}.{forged}.{sig}"), jwk)
    other = jws.public_jwk(Ed25519PrivateKey.generate())
    with pytest.raises(JWSError, match="signature does not match"):
        jws.verify_signature(parsed, other)


def test_ed25519_alg_name_accepted():
    key = Ed25519PrivateKey.generate()
    token = jws.sign_compact({"alg": "Ed25519"}, {"a": 1}, key)
    jws.verify_signature(jws.parse_compact(token), jws.public_jwk(key))


def test_es256_round_trip_raw_signature():
    key = ec.generate_private_key(ec.SECP256R1())
    jwk = jws.public_jwk(key)
    assert jwk["kty"] == "EC" and jwk["crv"] == "P-256" and set(jwk) == {"kty", "crv", "x", "y", "kid"}
    token = jws.sign_compact({}, {"hello": "world"}, key)
    parsed = jws.parse_compact(token)
    assert parsed.header["alg"] == "ES256"
    assert len(parsed.signature) == 64  # raw r||s, not DER
    jws.verify_signature(parsed, jwk)
    bad = jws.Parsed(parsed.header, parsed.claims, parsed.signing_input + b"x", parsed.signature)
    with pytest.raises(JWSError, match="signature does not match"):
        jws.verify_signature(bad, jwk)
    short = jws.Parsed(parsed.header, parsed.claims, parsed.signing_input, parsed.signature[:63])
    with pytest.raises(JWSError, match="64 bytes"):
        jws.verify_signature(short, jwk)


P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def test_es256_has_one_signature_per_token_low_s_signed_high_s_refused():
    """(r, n-s) verifies as well as (r, s): a second token from a signed one. Ours are low-S
    (64 in a row; a random s is high half the time) and the high twin is refused."""
    key = ec.generate_private_key(ec.SECP256R1())
    jwk = jws.public_jwk(key)
    tokens = [jws.sign_compact({}, {"n": n}, key) for n in range(64)]
    sigs = [jws.parse_compact(t).signature for t in tokens]
    assert all(int.from_bytes(s[32:], "big") <= P256_N // 2 for s in sigs)
    parsed = jws.parse_compact(tokens[0])
    jws.verify_signature(parsed, jwk)
    s = int.from_bytes(parsed.signature[32:], "big")
    twin = jws.Parsed(parsed.header, parsed.claims, parsed.signing_input,
                      parsed.signature[:32] + (P256_N - s).to_bytes(32, "big"))
    with pytest.raises(JWSError, match="low-S"):
        jws.verify_signature(twin, jwk)


def test_unserializable_claims_are_an_error():
    with pytest.raises(JWSError, match="cannot put this value"):
        jws.sign_compact({}, {"x": float("inf")}, Ed25519PrivateKey.generate())


def test_sign_with_callable_matches_key():
    key = Ed25519PrivateKey.generate()
    token = jws.sign_compact({"alg": "EdDSA"}, {"a": 1}, key.sign)
    jws.verify_signature(jws.parse_compact(token), jws.public_jwk(key))


def test_alg_confusion_refused():
    ed = Ed25519PrivateKey.generate()
    p256 = ec.generate_private_key(ec.SECP256R1())
    token = jws.sign_compact({"alg": "EdDSA"}, {"a": 1}, ed)
    head = jws.b64url_encode(b'{"alg":"ES256"}')
    relabelled = jws.parse_compact(head + token[token.index("."):])
    with pytest.raises(JWSError, match="needs a P-256 key"):
        jws.verify_signature(relabelled, jws.public_jwk(ed))
    with pytest.raises(JWSError, match="needs an Ed25519 key"):
        jws.verify_signature(jws.parse_compact(token), jws.public_jwk(p256))
    with pytest.raises(JWSError, match="cannot sign alg ES256"):
        jws.sign_compact({"alg": "ES256"}, {}, ed)


@pytest.mark.parametrize("alg, reason", [
    ("none", "unsigned"), ("None", "unsigned"), ("HS256", "HMAC"), ("HS512", "HMAC"),
    ("RS256", "not supported"), ("ES384", "not supported"), (None, "not supported"), (5, "not supported"),
])
def test_refused_algs(alg, reason):
    with pytest.raises(JWSError, match=reason):
        jws.check_alg(alg)
    parsed = jws.Parsed({"alg": alg}, {}, b"a.b", b"")
    with pytest.raises(JWSError, match=reason):
        jws.verify_signature(parsed, RFC8037_JWK)


@pytest.mark.parametrize("text, reason", [
    ("YQ==", "padding"), ("a+b", "characters"), ("a/b", "characters"), ("a b", "characters"),
    ("abcde", "impossible length"), ("YR", "canonical"), ("é", "characters"),
])
def test_b64url_strict(text, reason):
    with pytest.raises(JWSError, match=reason):
        jws.b64url_decode(text)


def test_b64url_round_trip():
    for n in range(40):
        data = bytes(range(256))[:n]
        assert jws.b64url_decode(jws.b64url_encode(data)) == data
    assert jws.b64url_encode(b"\xfb\xff") == "-_8"


DUPLICATE = b'{"a":1,"a":2}'
NAN = b'{"x":NaN}'
NOT_UTF8 = b"\xff"


def _part(obj) -> str:
    return jws.b64url_encode(obj if isinstance(obj, bytes) else json.dumps(obj).encode())


@pytest.mark.parametrize("token, reason", [
    ("a.b", "three parts"), ("a.b.c.d", "three parts"), ("", "three parts"),
    (f"{_part({'alg': 'EdDSA'})}..{_part(b'sig')}", "payload part is empty"),
    (f"{_part([1])}.{_part({})}.{_part(b's')}", "header is not a JSON object"),
    (f"{_part({})}.{_part('text')}.{_part(b's')}", "payload is not a JSON object"),
    (_part(DUPLICATE) + "." + _part({}) + "." + _part(b"s"), "repeats the member 'a'"),
    (_part({}) + "." + _part(NAN) + "." + _part(b"s"), "NaN"),
    (_part(NOT_UTF8) + "." + _part({}) + "." + _part(b"s"), "not UTF-8"),
    (f"{_part({'crit': ['b64']})}.{_part({})}.{_part(b's')}", "critical extensions"),
    ("é.b.c", "cannot appear"),
])
def test_parse_refusals(token, reason):
    with pytest.raises(JWSError, match=reason):
        jws.parse_compact(token)


def test_size_cap():
    key = Ed25519PrivateKey.generate()
    token = jws.sign_compact({}, {"pad": "x" * 40000}, key)
    assert len(token) <= jws.MAX_TOKEN_BYTES
    jws.parse_compact(token)
    big = jws.sign_compact({}, {"pad": "x" * 50000}, key)
    assert len(big) > jws.MAX_TOKEN_BYTES
    with pytest.raises(JWSError, match="64 KiB"):
        jws.parse_compact(big.encode())


def test_deep_nesting_is_an_error_not_a_crash():
    deep = _part(b"[" * 5000 + b"]" * 5000)   # well under the size limit, past any parser depth
    with pytest.raises(JWSError, match="nests too deeply"):
        jws.parse_compact(f"{_part({})}.{deep}.{_part(b's')}")


@pytest.mark.parametrize("jwk, reason", [
    ({"kty": "RSA", "n": "x", "e": "AQAB"}, "not supported"),
    ({"kty": "OKP", "crv": "X25519", "x": RFC8037_JWK["x"]}, "not supported"),
    ({"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"}, "not supported"),
    ({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}, "32 bytes"),
    ({"kty": "OKP", "crv": "Ed25519"}, "no 'x'"),
    ({"kty": "EC", "crv": "P-256", "x": "A" * 43, "y": "A" * 43}, "not a point"),
    ("not a dict", "JSON object"),
])
def test_bad_jwks(jwk, reason):
    with pytest.raises(JWSError, match=reason):
        jws.public_key_from_jwk(jwk)


def test_thumbprint_refuses_unsupported():
    with pytest.raises(JWSError, match="not supported"):
        jws.jwk_thumbprint({"kty": "oct", "k": "abc"})
    with pytest.raises(JWSError, match="no 'y'"):
        jws.jwk_thumbprint({"kty": "EC", "crv": "P-256", "x": "abc"})
