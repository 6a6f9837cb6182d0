"""Checking an owner's decision token (protocol.md, `frp-decision+jwt`) against the request.

The owner is not known to the portal in advance: the token carries its own public key, and
what binds it is that kid, iss and the key's thumbprint agree and that it answers exactly the
token this portal issued (request_sha256).
"""
from __future__ import annotations

import re

from frp.decision import DECISION_TYP
from frp.jws import JWSError, jwk_thumbprint, parse_compact, verify_signature
from frp.claims import MAX_MESSAGE_CHARS
from frp.times import TimeError, parse_rfc3339
from portal.errors import ApiError
from portal.records import Decision, StoredRequest

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def _refuse(code: str, detail: str) -> ApiError:
    return ApiError(400, code, detail)


def _owner(header: dict, claims: dict) -> str:
    jwk = header.get("jwk")
    if not isinstance(jwk, dict) or jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise _refuse("bad_key", "the decision must carry the owner's Ed25519 public key "
                                 "in its 'jwk' header")
    if "d" in jwk:
        raise _refuse("bad_key", "the decision's 'jwk' header contains a private key")
    try:
        owner_id = jwk_thumbprint(jwk)
    except JWSError as exc:
        raise _refuse("bad_key", f"the owner key cannot be used: {exc}") from None
    if header.get("kid") != owner_id:
        raise _refuse("bad_key", "the decision's kid is not the thumbprint of its key")
    if claims.get("iss") != owner_id:
        raise _refuse("bad_issuer", "the decision's iss is not the owner id of its key")
    return owner_id


def _approved(claims: dict, req: StoredRequest) -> dict:
    approved = claims.get("approved")
    window = approved.get("window") if isinstance(approved, dict) else None
    if not isinstance(window, dict):
        raise _refuse("bad_approval", "an approval must state the approved window")
    try:
        start, end = parse_rfc3339(window.get("start")), parse_rfc3339(window.get("end"))
    except (TimeError, ValueError, TypeError, OverflowError):
        raise _refuse("bad_approval", "the approved window's start and end must be RFC 3339 "
                                      "times with an offset") from None
    if not req.start_us <= start < end <= req.end_us:
        raise _refuse("window_outside_request",
                      "the approved window must lie inside the requested window")
    cameras = approved.get("cameras")
    if not isinstance(cameras, list) or not cameras \
            or not all(isinstance(c, str) and c for c in cameras):
        raise _refuse("bad_approval", "an approval must name the cameras approved")
    if req.cameras and not set(cameras) <= set(req.cameras):
        raise _refuse("bad_approval", "the approval names cameras the request did not ask for")
    return {"window": {"start": window["start"], "end": window["end"]}, "cameras": cameras}


def verify_decision(body: bytes, req: StoredRequest, agency_id: str) -> Decision:
    """The Decision a token states about `req`, or ApiError(400) naming what is wrong."""
    try:
        token = body.decode("ascii").strip()
        parsed = parse_compact(token)
    except (UnicodeDecodeError, JWSError) as exc:
        detail = exc if isinstance(exc, JWSError) else "it contains non-ASCII bytes"
        raise _refuse("malformed", f"the body is not a compact JWS: {detail}") from None
    header, claims = parsed.header, parsed.claims
    if header.get("typ") != DECISION_TYP:
        raise _refuse("wrong_type", f"the token's typ must be {DECISION_TYP}")
    owner_id = _owner(header, claims)
    try:
        verify_signature(parsed, header["jwk"])
    except JWSError as exc:
        raise _refuse("bad_signature", str(exc)) from None
    if claims.get("aud") != agency_id:
        raise _refuse("wrong_audience", f"the decision is addressed to {claims.get('aud')!r}, "
                                        f"not this agency ({agency_id})")
    if claims.get("request") != req.jti:
        raise _refuse("wrong_request", "the decision is for another request")
    sha = claims.get("request_sha256")
    if not isinstance(sha, str) or not _SHA256_HEX.fullmatch(sha):
        raise _refuse("wrong_request", "request_sha256 must be the hex SHA-256 of the request")
    if sha != req.token_sha256:
        raise _refuse("wrong_request", "request_sha256 does not match the request this portal "
                                       "issued: the owner answered a different token")
    if type(claims.get("iat")) is not int:
        raise _refuse("malformed", "the decision's iat must be whole seconds since 1970")
    decision = claims.get("decision")
    if decision not in ("approve", "decline"):
        raise _refuse("bad_decision", "decision must be 'approve' or 'decline'")
    reason = claims.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_MESSAGE_CHARS):
        raise _refuse("bad_decision", f"reason must be text of at most {MAX_MESSAGE_CHARS} "
                                      "characters")
    if decision == "decline" and claims.get("approved") is not None:
        raise _refuse("bad_decision", "a decline cannot carry an approved window")
    approved = _approved(claims, req) if decision == "approve" else None
    return Decision(req.jti, token, owner_id, decision, reason, approved)
