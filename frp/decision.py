"""The owner's decision token and the portal's receipt (protocol.md, `frp-decision+jwt` and
`frp-receipt+jwt`).

A decision is only signed when it is no wider than the request (window and cameras); a receipt
is only trusted when the agency's key signed it and it names exactly the bytes we sent.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Iterable

from frp.agency import Agency, listed_elsewhere
from frp.claims import MAX_MESSAGE_CHARS, is_int, reason_problem
from frp.jws import JWSError, Signer, check_alg, is_type, parse_compact, verify_signature
from frp.owner_token import OwnerTokenError, read_owner_token, sign_owner_token
from frp.owner_token import owner_jwk as public_owner_jwk
from frp.request import Request
from frp.text import one_line
from frp.times import format_utc

DECISION_TYP = "frp-decision+jwt"
RECEIPT_TYP = "frp-receipt+jwt"
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class DecisionError(ValueError):
    """A decision that cannot be signed as asked (e.g. wider than the request)."""


class ReceiptError(Exception):
    """A portal receipt that does not prove the portal received exactly our package."""


class UntrustedReceipt(ReceiptError):
    """A receipt whose signature proves nothing (not a receipt, not one of the agency's keys,
    or a key another trusted agency lists), as against claims the agency's own key signed
    that do not fit; `why` says what, without the sentence around it."""

    def __init__(self, agency_name: str, why: str) -> None:
        super().__init__(f"the receipt from {agency_name} cannot be trusted: {why}")
        self.why = why


@dataclass(frozen=True)
class Approved:
    """What the owner approved: a window inside the request's and the cameras to share."""

    start_us: int
    end_us: int
    cameras: tuple[str, ...]


@dataclass(frozen=True)
class RequestRef:
    """A request as a decline names it: its id, agency and token hash. A decline needs no
    more, so a request that no longer verifies (the key that signed it since dropped from the
    trust store) can still be declined; an approval needs the verified Request."""

    id: str
    agency_id: str
    sha256: str


@dataclass(frozen=True)
class LogHead:
    """The owner's audit log as it stood when a decision was signed: `count` records, the last
    one's line hashing to `head` (hex SHA-256). Carried in the decision as `audit_log`, so the
    agency keeps a witness of the log that the owner cannot take back."""

    count: int
    head: str


def _log_head_claim(head: LogHead) -> dict:
    if not isinstance(head, LogHead) or not is_int(head.count) or head.count < 0 \
            or not isinstance(head.head, str) or not _SHA256_HEX.fullmatch(head.head):
        raise DecisionError("the audit log head must be a record count and a hex SHA-256")
    return {"count": head.count, "head": head.head}


def decision_log_head(token: str | bytes) -> tuple[str, LogHead | None]:
    """(owner id, the `audit_log` head) of a decision token, once its owner signature checks
    out against the key it carries; DecisionError when it is not a signed decision."""
    try:
        owner = read_owner_token(token, DECISION_TYP)
    except OwnerTokenError as exc:
        raise DecisionError(f"not a signed decision: {exc}") from None
    claim = owner.claims.get("audit_log")
    if claim is None:
        return owner.owner_id, None
    if not isinstance(claim, dict) or not is_int(claim.get("count")) or claim["count"] < 0 \
            or not isinstance(claim.get("head"), str) or not _SHA256_HEX.fullmatch(claim["head"]):
        raise DecisionError("its audit_log claim is not a record count and a hex SHA-256")
    return owner.owner_id, LogHead(claim["count"], claim["head"])


def _approved_claim(request: Request, approved: Approved) -> dict:
    if not isinstance(approved, Approved):
        raise DecisionError("an approval needs the window and cameras approved")
    if not (request.window_start_us <= approved.start_us < approved.end_us
            <= request.window_end_us):
        raise DecisionError("the approved window must lie inside the requested window")
    cameras = tuple(approved.cameras)
    if not cameras or not all(isinstance(c, str) and c for c in cameras):
        raise DecisionError("an approval must name at least one camera")
    if request.cameras and not set(cameras) <= set(request.cameras):
        raise DecisionError("the approval names cameras the request did not ask for")
    return {"window": {"start": format_utc(approved.start_us), "end": format_utc(approved.end_us)},
            "cameras": list(cameras)}


def make_decision(request: Request | RequestRef, owner_sign: Signer, owner_jwk: dict, decision: str,
                  reason: str | None = None, approved: Approved | None = None,
                  now: float | None = None, log_head: LogHead | None = None) -> str:
    """The owner's signed decision token (protocol.md, `frp-decision+jwt`); `log_head`, the
    owner's audit log as it stands, goes in as `audit_log`."""
    try:
        owner_id = public_owner_jwk(owner_jwk)["kid"]
    except OwnerTokenError as exc:
        raise DecisionError(f"the owner key cannot sign decisions: {exc}") from None
    if decision not in ("approve", "decline"):
        raise DecisionError(f"the decision must be 'approve' or 'decline', not {one_line(decision, 80)}")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_MESSAGE_CHARS):
        raise DecisionError(f"the reason must be text of at most {MAX_MESSAGE_CHARS} characters")
    if reason is not None and reason_problem(reason):
        raise DecisionError(f"the reason holds {reason_problem(reason)}, which FRP/1 does not "
                            "let a reason carry")
    if decision == "decline" and approved is not None:
        raise DecisionError("a decline cannot carry an approved window")
    if decision == "approve" and not isinstance(request, Request):
        raise DecisionError("only a verified request can be approved")
    claims = {"iss": owner_id, "aud": request.agency_id, "request": request.id,
              "request_sha256": request.sha256, "decision": decision,
              "iat": int(time.time() if now is None else now)}
    if reason is not None:
        claims["reason"] = reason
    if decision == "approve":
        claims["approved"] = _approved_claim(request, approved)
    if log_head is not None:
        claims["audit_log"] = _log_head_claim(log_head)
    try:  # a sign function for another key would send the portal a decision it must refuse
        return sign_owner_token(DECISION_TYP, claims, owner_sign, owner_jwk)
    except OwnerTokenError as exc:
        raise DecisionError(str(exc)) from None


# A receipt signed with a key two trusted agencies list (as rule 2 says of a request).
SHARED_KEY = ("the key that signed it (fingerprint {fingerprint}) is also listed by {other} "
              "({other_id}), which you trust too: whoever holds that key could sign as either "
              "agency, so it does not show that {agency} signed it. Remove one of the two "
              "agencies and add its file again, got from the agency itself")


def verify_receipt(token: str | bytes, agency: Agency, expected_sha256: str,
                   request_id: str, trusted: Iterable[Agency] = ()) -> dict:
    """Check a portal receipt: agency signature, this request, and our package's SHA-256.
    `trusted`: the receiver's other trusted agencies, none of which may list the key that
    signed it (whoever holds a key two agencies list signs as either)."""
    try:
        raw = token.strip() if isinstance(token, (str, bytes)) else token
        parsed = parse_compact(raw)
        if not is_type(parsed.header.get("typ"), RECEIPT_TYP):
            raise JWSError(f"its type is {one_line(parsed.header.get('typ'), 80)}, not {RECEIPT_TYP}")
        check_alg(parsed.header.get("alg"))
        jwk = agency.key(parsed.header.get("kid")) if isinstance(parsed.header.get("kid"), str) else None
        if jwk is None:
            raise JWSError(f"it is not signed with one of {agency.name}'s keys")
        verify_signature(parsed, jwk)
        elsewhere = listed_elsewhere((jwk["kid"],), agency.id, trusted)
        if elsewhere:
            other = elsewhere[0][0]
            raise JWSError(SHARED_KEY.format(fingerprint=jwk["kid"], other=other.name,
                                             other_id=other.id, agency=agency.name))
    except JWSError as exc:
        raise UntrustedReceipt(agency.name, str(exc)) from None
    claims = parsed.claims
    if claims.get("iss") != agency.id:
        raise ReceiptError(f"the receipt was issued by {one_line(claims.get('iss'), 80)}, not {agency.id}")
    if claims.get("request") != request_id:
        raise ReceiptError(f"the receipt is for request {one_line(claims.get('request'), 80)}, "
                           f"not {request_id}")
    sha = claims.get("sha256")
    if not isinstance(sha, str) or not _SHA256_HEX.fullmatch(sha.lower()):
        raise ReceiptError("the receipt does not state the SHA-256 of what the portal received")
    if sha.lower() != str(expected_sha256).lower():
        raise ReceiptError(f"the portal received different bytes (SHA-256 {sha.lower()}) from "
                           f"the package sent ({expected_sha256}); upload it again")
    if not is_int(claims.get("size")) or claims["size"] < 0:
        raise ReceiptError("the receipt does not state the size the portal received")
    if "received_at" not in claims:
        raise ReceiptError("the receipt does not say when the portal received the package")
    return dict(claims)
