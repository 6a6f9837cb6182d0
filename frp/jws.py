"""JWS compact serialization with the two key types FRP/1 allows: Ed25519 and P-256.

Written on `cryptography` directly rather than a JWT library so that every choice a token could
steer (algorithm, key, encoding) is made here, and a hostile token has nothing to negotiate.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable, Union

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from frp.ed25519_points import PointError, check_key
from frp.jws_encoding import JWSError, b64url_decode, b64url_encode, loads_strict
from frp.text import quoted

MAX_TOKEN_BYTES = 64 * 1024
ED_ALGS = ("EdDSA", "Ed25519")
ALLOWED_ALGS = ED_ALGS + ("ES256",)

_P256_BYTES = 32
# The order of P-256. ECDSA's (r, s) and (r, n - s) both verify, which would let anyone make a
# second, different token from a signed one; FRP/1 takes only the low one (s <= n/2).
_P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

Signer = Union[Ed25519PrivateKey, ec.EllipticCurvePrivateKey, Callable[[bytes], bytes]]


@dataclass(frozen=True)
class Parsed:
    """A compact JWS split into its parts; nothing here has been verified yet."""

    header: dict
    claims: dict
    signing_input: bytes
    signature: bytes


def _member(jwk: dict, name: str) -> str:
    value = jwk.get(name)
    if not isinstance(value, str) or not value:
        raise JWSError(f"the key has no '{name}' value")
    return value


def jwk_thumbprint(jwk: dict) -> str:
    """RFC 7638 SHA-256 thumbprint (base64url) of an OKP or EC public JWK."""
    if not isinstance(jwk, dict):
        raise JWSError("a key must be a JSON object (JWK)")
    kty = jwk.get("kty")
    if kty == "OKP":
        names = ("crv", "kty", "x")
    elif kty == "EC":
        names = ("crv", "kty", "x", "y")
    else:
        raise JWSError(f"key type {quoted(kty)} is not supported; FRP/1 keys are OKP (Ed25519) or EC (P-256)")
    # Required members only, lexicographic order, no whitespace (RFC 7638 section 3.2).
    canonical = json.dumps({n: _member(jwk, n) for n in names}, separators=(",", ":"), sort_keys=True)
    return b64url_encode(hashlib.sha256(canonical.encode("utf-8")).digest())


def public_key_from_jwk(jwk: dict) -> Ed25519PublicKey | ec.EllipticCurvePublicKey:
    """An Ed25519 or P-256 public key from its JWK; any other kind of key is refused."""
    if not isinstance(jwk, dict):
        raise JWSError("a key must be a JSON object (JWK)")
    kty, crv = jwk.get("kty"), jwk.get("crv")
    if kty == "OKP" and crv == "Ed25519":
        x = b64url_decode(_member(jwk, "x"))
        if len(x) != 32:
            raise JWSError("the Ed25519 key's 'x' is not 32 bytes")
        try:   # OpenSSL takes any 32 bytes, those anyone can sign for too
            check_key(x)
        except PointError as exc:
            raise JWSError(f"the Ed25519 key's 'x' cannot be used: {exc}") \
                from None
        return Ed25519PublicKey.from_public_bytes(x)
    if kty == "EC" and crv == "P-256":
        x = b64url_decode(_member(jwk, "x"))
        y = b64url_decode(_member(jwk, "y"))
        if len(x) != _P256_BYTES or len(y) != _P256_BYTES:
            raise JWSError("the P-256 key's 'x' and 'y' must be 32 bytes each")
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b"\x04" + x + y)
        except ValueError:
            raise JWSError("the P-256 key is not a point on the curve") from None
    raise JWSError(
        f"key kty={quoted(kty)} crv={quoted(crv)} is not supported; FRP/1 keys are Ed25519 (OKP) or P-256 (EC)"
    )


def public_jwk(key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey | Ed25519PublicKey
               | ec.EllipticCurvePublicKey) -> dict:
    """The public JWK (with its RFC 7638 `kid`) of an Ed25519 or P-256 key."""
    if isinstance(key, (Ed25519PrivateKey, ec.EllipticCurvePrivateKey)):
        key = key.public_key()
    if isinstance(key, Ed25519PublicKey):
        jwk = {"kty": "OKP", "crv": "Ed25519",
               "x": b64url_encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw))}
    elif isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1):
        point = key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        jwk = {"kty": "EC", "crv": "P-256", "x": b64url_encode(point[1:33]),
               "y": b64url_encode(point[33:])}
    else:
        raise JWSError("only Ed25519 and P-256 keys are supported")
    jwk["kid"] = jwk_thumbprint(jwk)
    return jwk


def check_alg(alg: object) -> str:
    """Return alg if FRP/1 allows it; otherwise raise with the reason it is refused."""
    if alg == "none" or (isinstance(alg, str) and alg.lower() == "none"):
        raise JWSError("alg 'none' is refused: an unsigned token could have been written by anyone")
    if isinstance(alg, str) and alg.upper().startswith("HS"):
        raise JWSError(
            f"alg '{alg}' is refused: HMAC uses a shared secret, so it cannot prove the agency signed it"
        )
    if alg not in ALLOWED_ALGS:
        raise JWSError(f"alg {quoted(alg)} is not supported; FRP/1 allows {', '.join(ALLOWED_ALGS)}")
    return alg


def is_type(typ: object, expected: str) -> bool:
    """Whether a header's `typ` names the media type `expected` (as `frp-request+jwt`), read
    as RFC 7515 section 4.1.9 says a recipient must: without regard to case, and with
    `application/` understood in front of a value holding no '/'. A stock JOSE library, or
    an implementer following RFC 8725, may write `application/frp-request+jwt`."""
    if not isinstance(typ, str):
        return False
    typ = typ.lower()
    return (typ if "/" in typ else "application/" + typ) == "application/" + expected.lower()


def parse_compact(token: str | bytes) -> Parsed:
    """Split and decode a compact JWS (at most 64 KiB, three parts, JSON object header/claims)."""
    if isinstance(token, str):
        try:
            token = token.encode("ascii")
        except UnicodeEncodeError:
            raise JWSError("the token contains characters that cannot appear in a JWS") from None
    if not isinstance(token, (bytes, bytearray)):
        raise JWSError("the token is not text")
    token = bytes(token)
    if len(token) > MAX_TOKEN_BYTES:
        raise JWSError(f"the token is {len(token)} bytes; the limit is {MAX_TOKEN_BYTES} (64 KiB)")
    parts = token.split(b".")
    if len(parts) != 3:
        raise JWSError(f"a compact JWS has three parts separated by '.', this one has {len(parts)}")
    header = loads_strict(_decode_part(parts[0], "header"), "header")
    claims = loads_strict(_decode_part(parts[1], "payload"), "payload")
    if not isinstance(header, dict):
        raise JWSError("the header is not a JSON object")
    if not isinstance(claims, dict):
        raise JWSError("the payload is not a JSON object")
    if "crit" in header:
        # RFC 7515 4.1.11: extensions we do not understand make the token unusable.
        raise JWSError("the header lists critical extensions ('crit') that FRP/1 does not use")
    signature = _decode_part(parts[2], "signature")
    return Parsed(header, claims, parts[0] + b"." + parts[1], signature)


def _decode_part(part: bytes, what: str) -> bytes:
    # An empty signature is left for the alg check to refuse with its real reason ("none").
    if not part and what != "signature":
        raise JWSError(f"the token's {what} part is empty")
    try:
        return b64url_decode(part)
    except JWSError as exc:
        raise JWSError(f"the token's {what} part: {exc}") from None


def _default_alg(private_key: Signer) -> str:
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        return "ES256"
    return "EdDSA"


def _sign_bytes(private_key: Signer, alg: str, data: bytes) -> bytes:
    if isinstance(private_key, Ed25519PrivateKey):
        if alg not in ED_ALGS:
            raise JWSError(f"an Ed25519 key cannot sign alg {alg}")
        return private_key.sign(data)
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        if alg != "ES256" or not isinstance(private_key.curve, ec.SECP256R1):
            raise JWSError(f"alg {alg} needs a P-256 key")
        r, s = decode_dss_signature(private_key.sign(data, ec.ECDSA(hashes.SHA256())))
        s = min(s, _P256_N - s)
        # JWS wants fixed-width raw r||s (RFC 7518 3.4), not the DER that cryptography returns.
        return r.to_bytes(_P256_BYTES, "big") + s.to_bytes(_P256_BYTES, "big")
    if callable(private_key):
        return bytes(private_key(data))
    raise JWSError("the signing key must be an Ed25519 or P-256 private key, or a sign function")


def _json_part(obj: dict) -> str:
    try:
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise JWSError("cannot put this value in a token: it holds text that is not valid "
                       "Unicode") from None
    except (TypeError, ValueError) as exc:
        raise JWSError(f"cannot put this value in a token: {exc}") from None
    return b64url_encode(data)


def sign_compact(header: dict, claims: dict, private_key: Signer) -> str:
    """Sign claims into a compact JWS. `alg` defaults from the key type (EdDSA or ES256).

    private_key is an Ed25519/P-256 private key object or a `sign(bytes) -> bytes` callable
    (whose output is used as the signature as-is).
    """
    header = dict(header)
    header.setdefault("alg", _default_alg(private_key))
    check_alg(header["alg"])
    signing_input = (_json_part(header) + "." + _json_part(claims)).encode("ascii")
    signature = _sign_bytes(private_key, header["alg"], signing_input)
    return signing_input.decode("ascii") + "." + b64url_encode(signature)


def verify_signature(parsed: Parsed, jwk: dict) -> None:
    """Raise JWSError unless parsed's signature verifies with jwk under the header's alg."""
    alg = check_alg(parsed.header.get("alg"))
    key = public_key_from_jwk(jwk)
    try:
        if alg in ED_ALGS:
            if not isinstance(key, Ed25519PublicKey):
                raise JWSError(f"alg {alg} needs an Ed25519 key, but the named key is P-256")
            key.verify(parsed.signature, parsed.signing_input)
        else:
            if not isinstance(key, ec.EllipticCurvePublicKey):
                raise JWSError("alg ES256 needs a P-256 key, but the named key is Ed25519")
            if len(parsed.signature) != 2 * _P256_BYTES:
                raise JWSError("an ES256 signature is 64 bytes (r||s); this one is not")
            r = int.from_bytes(parsed.signature[:_P256_BYTES], "big")
            s = int.from_bytes(parsed.signature[_P256_BYTES:], "big")
            if s > _P256_N // 2:
                raise JWSError("the ES256 signature is not in low-S form (s > n/2); FRP/1 "
                               "accepts only that one of its two forms")
            key.verify(encode_dss_signature(r, s), parsed.signing_input, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise JWSError("the signature does not match the key: the token was altered or signed "
                       "by someone else") from None
