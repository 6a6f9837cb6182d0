"""Checking an owner's decision token (protocol.md, `frp-decision+jwt`) against the request.

The token carries its own key (frp.owner_token checks that it signed it); it counts only when
that key is the one pinned to the request's registration, and when it answers exactly the token
this portal issued (request_sha256).
"""
from __future__ import annotations

import re

from frp.claims import MAX_MESSAGE_CHARS, reason_problem
from frp.decision import DECISION_TYP
from frp.owner_token import OwnerTokenError, read_owner_token
from frp.times import TimeError, format_utc, parse_rfc3339
from portal.errors import ApiError, wrong_key
from portal.records import Decision, StoredRequest

_SHA256_HEX = re.compile(r"[0-9a-fA-F]{64}")


def _refuse(code: str, detail: str) -> ApiError:
    return ApiError(400, code, detail)


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
    # Kept in UTC, as the portal writes every time: the owner may write it with any offset,
    # and the agency's listing puts it beside the requested window.
    return {"window": {"start": format_utc(start), "end": format_utc(end)}, "cameras": cameras}


def require_approval(decision: Decision | None) -> None:
    """ApiError 409 unless the request's approval stands: none given (`not_approved`), or
    the owner withdrew it (`approval_withdrawn`); no upload or submission is taken then."""
    if decision is None or decision.decision != "approve":
        raise ApiError(409, "not_approved", "this request has not been approved; post the "
                                            "decision first")
    if decision.withdrawn is not None:
        raise ApiError(409, "approval_withdrawn", "the owner withdrew their approval of this "
                                                  "request; nothing more is taken for it")


def verify_decision(body: bytes, req: StoredRequest, agency_id: str,
                    pinned_owner_id: str | None) -> Decision:
    """The Decision a token states about `req`: ApiError 400 naming what is wrong, 403 when
    it is not signed by `pinned_owner_id`, the key pinned to the request's registration."""
    try:
        owner = read_owner_token(body, DECISION_TYP)
    except OwnerTokenError as exc:
        raise _refuse(exc.code, exc.detail) from None
    if pinned_owner_id is None or owner.owner_id != pinned_owner_id:
        raise wrong_key("the decision")
    token, claims, owner_id = owner.token, owner.claims, owner.owner_id
    if claims.get("aud") != agency_id:
        raise _refuse("wrong_audience", f"the decision is addressed to {claims.get('aud')!r}, "
                                        f"not this agency ({agency_id})")
    if claims.get("request") != req.jti:
        raise _refuse("wrong_request", "the decision is for another request")
    sha = claims.get("request_sha256")
    if not isinstance(sha, str) or not _SHA256_HEX.fullmatch(sha):
        raise _refuse("wrong_request", "request_sha256 must be the hex SHA-256 of the request")
    if sha.lower() != req.token_sha256:
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
    if reason is not None and reason_problem(reason):   # escapes, bidi overrides (protocol.md)
        raise _refuse("bad_decision", f"reason holds {reason_problem(reason)}: only text, line "
                                      "feeds and tabs")
    if decision == "decline" and claims.get("approved") is not None:
        raise _refuse("bad_decision", "a decline cannot carry an approved window")
    approved = _approved(claims, req) if decision == "approve" else None
    return Decision(req.jti, token, owner_id, decision, reason, approved)
