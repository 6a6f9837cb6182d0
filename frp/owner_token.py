"""Tokens the owner signs and that carry the owner's key: the decision, the registration token
and the key proof (protocol.md). A JWS with header `alg` EdDSA, `typ`, `kid` = the owner id and
`jwk` = the owner's public Ed25519 JWK, and claim `iss` = the owner id.

The agent signs them with `sign_owner_token`, the portal reads them with `read_owner_token`.
Reading proves only that the token is whole and signed by the key it carries; which key that
must be is the reader's business (the portal compares it with the key it pinned).
"""
from __future__ import annotations

from dataclasses import dataclass

from frp.jws import (
    MAX_TOKEN_BYTES,
    JWSError,
    Signer,
    is_type,
    jwk_thumbprint,
    parse_compact,
    public_key_from_jwk,
    sign_compact,
    verify_signature,
)


class OwnerTokenError(ValueError):
    """An owner-signed token that cannot be used: `code` is the FRP/1 error code (malformed,
    wrong_type, bad_key, bad_issuer, bad_signature), `detail` says what is wrong."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class OwnerToken:
    """A token whose signature verified with the key it carries."""

    owner_id: str       # RFC 7638 thumbprint of `jwk` (= kid = iss)
    jwk: dict           # the owner's public key: kty, crv, x, kid
    header: dict
    claims: dict
    token: str          # the compact form exactly as read


def owner_jwk(jwk: object, what: str = "the owner key") -> dict:
    """The public Ed25519 JWK (kty, crv, x, kid) of `jwk`; OwnerTokenError('bad_key') for any
    other key, a private one, or one whose `kid` is not its thumbprint."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise OwnerTokenError("bad_key", f"{what} must be Ed25519 (a public JWK: kty OKP, "
                                         "crv Ed25519)")
    if "d" in jwk:
        raise OwnerTokenError("bad_key", f"{what} contains a private key")
    try:
        public_key_from_jwk(jwk)
        owner_id = jwk_thumbprint(jwk)
    except JWSError as exc:
        raise OwnerTokenError("bad_key", f"{what} cannot be used: {exc}") from None
    if "kid" in jwk and jwk["kid"] != owner_id:
        raise OwnerTokenError("bad_key", f"{what}'s kid is not its thumbprint")
    return {"kty": "OKP", "crv": "Ed25519", "x": jwk["x"], "kid": owner_id}


def sign_owner_token(typ: str, claims: dict, sign: Signer, jwk: dict) -> str:
    """Sign `claims` (iss is set to the owner id) as a `typ` token carrying `jwk`.

    OwnerTokenError('bad_key') when `sign` is not the private half of `jwk`: a token the
    reader must refuse is never handed out.
    """
    public = owner_jwk(jwk)
    owner_id = public["kid"]
    header = {"alg": "EdDSA", "typ": typ, "kid": owner_id, "jwk": public}
    try:
        token = sign_compact(header, {**claims, "iss": owner_id}, sign)
    except JWSError as exc:
        raise OwnerTokenError("malformed", str(exc)) from None
    if len(token) > MAX_TOKEN_BYTES:  # every FRP/1 token is at most 64 KiB (rule 1)
        raise OwnerTokenError("too_large", f"the token would be {len(token) // 1024} KiB; at "
                                           "most 64 KiB can be sent")
    try:
        verify_signature(parse_compact(token), public)
    except JWSError:
        raise OwnerTokenError("bad_key", "the signing key does not match the owner's public "
                                         "key") from None
    return token


def read_owner_token(token: str | bytes, typ: str) -> OwnerToken:
    """Parse a `typ` token and check that its own key signed it (kid = iss = thumbprint)."""
    try:
        if isinstance(token, (bytes, bytearray)):
            token = bytes(token).decode("ascii")
        if not isinstance(token, str):
            raise JWSError("the token is not text")
        token = token.strip()
        parsed = parse_compact(token)
    except (UnicodeDecodeError, JWSError) as exc:
        detail = exc if isinstance(exc, JWSError) else "it contains non-ASCII bytes"
        raise OwnerTokenError("malformed", f"the body is not a compact JWS: {detail}") from None
    header, claims = parsed.header, parsed.claims
    if not is_type(header.get("typ"), typ):
        raise OwnerTokenError("wrong_type", f"the token's typ must be {typ}")
    public = owner_jwk(header.get("jwk"), "the token's 'jwk' header")
    owner_id = public["kid"]
    if header.get("kid") != owner_id:
        raise OwnerTokenError("bad_key", "the token's kid is not the thumbprint of its key")
    if claims.get("iss") != owner_id:
        raise OwnerTokenError("bad_issuer", "the token's iss is not the owner id of its key")
    try:
        verify_signature(parsed, public)
    except JWSError as exc:
        raise OwnerTokenError("bad_signature", str(exc)) from None
    return OwnerToken(owner_id, public, dict(header), dict(claims), token)
