"""FRP/1 request verification (protocol.md rules 1-8); decisions and receipts are in decision.py.

Rules run in the protocol's order and the first one broken is reported, with its number and a
reason an owner can read. Claims are only trusted after rule 2 (the signature) has passed; `iss`
and `kid` are read before that solely to pick the key to check against.
"""
from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol

from frp.agency import Agency, AgencyError, listed_elsewhere
from frp.claims import (
    MAX_EPOCH_S, MAX_UPLOAD_BYTES, TOLERANCE_S, Rejected, is_int, request_content,
)
from frp.jws import (
    MAX_TOKEN_BYTES,
    JWSError,
    check_alg,
    is_type,
    parse_compact,
    verify_signature,
)
from frp.origins import web_origin
from frp.text import one_line, quoted
from frp.times import US, TimeError, format_local, in_calendar, parse_rfc3339

REQUEST_TYP = "frp-request+jwt"
_JTI = re.compile(r"[A-Za-z0-9._-]{1,128}")


class Agencies(Protocol):
    """The agencies a receiver trusts (the agent's trust store is one): lookup by id, all of
    them, and the registration ids each gave (raising AgencyError when they cannot be read)."""

    def get(self, agency_id: str) -> Agency | None: ...

    def list(self) -> list[Agency]: ...

    def registrations(self) -> dict[str, list[str]]: ...


@dataclass(frozen=True)
class Request:
    """A verified request: everything the GUI and CLI show about it."""

    id: str
    agency_id: str
    registration_id: str
    case_number: str
    incident: str | None
    window_start_us: int
    window_end_us: int
    cameras: tuple[str, ...]
    location: dict | None
    requester: dict
    legal_basis: str
    message: str | None
    upload_endpoint: str
    upload_max_bytes: int | None
    emergency: bool
    issued_at: int
    expires_at: int
    raw: str
    sha256: str


def _when(seconds: int, zone_name: str) -> str:
    """An instant a request names, as the person told of it reads it: on their own clock."""
    if not in_calendar(seconds * US):
        return f"{seconds} seconds after 1970"
    return format_local(seconds * US, zone_name)


def _when_us(us: int, zone_name: str) -> str:
    return _when(us // US, zone_name)


def _duration(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60:02d} min" + (f" {rest % 60:02d} s" if rest % 60 else "")


def _rule1(token: str | bytes) -> tuple[str, object]:
    if not isinstance(token, (str, bytes, bytearray)):
        raise Rejected(1, "the request is not text")
    if len(token) > MAX_TOKEN_BYTES:
        raise Rejected(1, f"the request is {len(token)} bytes; the limit is 64 KiB")
    try:
        raw = (token.decode("ascii") if not isinstance(token, str) else token).strip()
        parsed = parse_compact(raw)
    except (UnicodeDecodeError, JWSError) as exc:
        detail = exc if isinstance(exc, JWSError) else "it contains non-ASCII bytes"
        raise Rejected(1, f"the request is not a well-formed signed token: {detail}") from None
    if not is_type(parsed.header.get("typ"), REQUEST_TYP):
        raise Rejected(1, f"the token's type is {one_line(parsed.header.get('typ'), 80)}, not an FRP "
                          f"request ({REQUEST_TYP})")
    return raw, parsed


# A request signed with a key two trusted agencies list (protocol.md rule 2).
SHARED_KEY = ("the request says it comes from {agency} ({id}), but the key that signed it "
              "(fingerprint {fingerprint}) is also listed by {other} ({other_id}), which you "
              "trust too: whoever holds that key could sign as either agency, so this request "
              "is not trusted. Remove one of the two agencies and add its file again, got from "
              "the agency itself: an agency signs with keys of its own")


def _rule2(parsed, store: Agencies) -> Agency:
    try:
        check_alg(parsed.header.get("alg"))
    except JWSError as exc:
        raise Rejected(2, str(exc)) from None
    kid, iss = parsed.header.get("kid"), parsed.claims.get("iss")
    if not isinstance(kid, str) or not kid:
        raise Rejected(2, "the token does not name the key that signed it (kid)")
    if not isinstance(iss, str) or not iss:
        raise Rejected(2, "the request does not say which agency sent it (iss)")
    agency = store.get(iss)
    if agency is None:
        # Never "add the agency's file": a phisher's email carries one beside the request.
        raise Rejected(2, f"the request claims to come from {quoted(iss)}, which is not in your "
                          "trust store, so it was not added. Do not add an agency file that "
                          "came with the request (whoever sent it may be posing as the police): "
                          "an agency's file comes from your city's camera program, and you "
                          "compare its fingerprints with the agency by phone")
    jwk = agency.key(kid)
    if jwk is None:
        elsewhere = listed_elsewhere((kid,), agency.id, store.list())
        if elsewhere:
            raise Rejected(2, f"the request claims to come from {agency.name} but is signed with "
                              f"a key of {elsewhere[0][0].name}")
        raise Rejected(2, f"the signing key {one_line(kid, 80)} is not one of {agency.name}'s keys in "
                          "your trust store")
    try:
        verify_signature(parsed, jwk)
    except JWSError as exc:
        raise Rejected(2, f"the signature of {agency.name} does not verify: {exc}") from None
    # Two trusted agencies listing one key (a store filled before importing refused that):
    # its holder signs as either, so the request's `iss` does not say who sent it.
    elsewhere = listed_elsewhere((kid,), agency.id, store.list())
    if elsewhere:
        other = elsewhere[0][0]
        raise Rejected(2, SHARED_KEY.format(agency=agency.name, id=agency.id, other=other.name,
                                            other_id=other.id, fingerprint=kid))
    return agency


def _rule3(claims: dict, agency: Agency, now: float, zone_name: str) -> tuple[int, int]:
    iat, exp = claims.get("iat"), claims.get("exp")
    for name, value in (("iat", iat), ("exp", exp)):
        if not is_int(value) or not 0 <= value <= MAX_EPOCH_S:
            raise Rejected(3, f"'{name}' must be a whole number of seconds since 1970 (up to "
                              f"the year 9999), not {one_line(value, 80)}")
    if now > exp + TOLERANCE_S:
        raise Rejected(3, f"the request expired at {_when(exp, zone_name)}; if the agency still "
                          "needs footage, it can send a new request")
    if iat > now + TOLERANCE_S:
        raise Rejected(3, f"the request says it was issued at {_when(iat, zone_name)}, which is "
                          "in the future (check this computer's clock)")
    if exp <= iat:
        raise Rejected(3, f"the request expires ({_when(exp, zone_name)}) before it was issued "
                          f"({_when(iat, zone_name)})")
    if exp - iat > agency.max_lifetime_s:
        raise Rejected(3, f"the request would stay open for {_duration(exp - iat)}; "
                          f"{agency.name}'s requests may stay open for at most "
                          f"{_duration(agency.max_lifetime_s)}")
    return iat, exp


def _rule4(claims: dict, registration_ids: Iterable[str]) -> str:
    aud = claims.get("aud")
    if not isinstance(aud, str) or not aud:
        raise Rejected(4, "the request does not name the registration it is for (aud)")
    if aud not in {r for r in registration_ids if isinstance(r, str)}:
        raise Rejected(4, f"the request is addressed to registration {quoted(aud)}, which is not "
                          "one of your registration ids")
    return aud


def _rule5(claims: dict, agency: Agency, seen: Callable[[str, str], bool]) -> str:
    jti = claims.get("jti")
    if not isinstance(jti, str) or not _JTI.fullmatch(jti):
        raise Rejected(5, f"the request id (jti) {one_line(jti, 80)} must be 1-128 characters of "
                          "A-Z a-z 0-9 . _ -")
    if seen(agency.id, jti):
        raise Rejected(5, f"request '{jti}' from {agency.name} was already received (a replay)")
    return jti


def _rule6(claims: dict, agency: Agency, now: float, zone_name: str) -> tuple[int, int]:
    window = claims.get("window")
    if not isinstance(window, dict):
        raise Rejected(6, "the request has no time window ('window' with 'start' and 'end')")
    times = []
    for name in ("start", "end"):
        value = window.get(name)
        if not isinstance(value, str):
            raise Rejected(6, f"the window's '{name}' is missing or not text")
        try:
            times.append(parse_rfc3339(value))
        except (TimeError, ValueError, OverflowError):
            raise Rejected(6, f"the window's {name} {quoted(value)} is not a time with an "
                              "offset, e.g. 2026-11-20T14:05:00Z") from None
    start, end = times
    if start >= end:
        raise Rejected(6, f"the window starts at {_when_us(start, zone_name)} but ends at "
                          f"{_when_us(end, zone_name)}: the end must come after the start")
    if start > int(now * US):
        raise Rejected(6, f"the window starts at {_when_us(start, zone_name)}, in the future; "
                          "footage that does not exist yet cannot be requested")
    if end - start > agency.max_window_s * US:
        raise Rejected(6, f"the window is {_duration((end - start) // US)} long; {agency.name} "
                          f"may ask for at most {_duration(agency.max_window_s)}")
    return start, end


def _rule8(claims: dict, agency: Agency) -> tuple[str, int | None]:
    upload = claims.get("upload")
    if not isinstance(upload, dict) or upload.get("protocol") != "tus":
        raise Rejected(8, "the request has no upload address ('upload' with protocol 'tus')")
    endpoint, max_bytes = upload.get("endpoint"), upload.get("max_bytes")
    try:
        origin, _path = web_origin(endpoint, "the upload address")
    except ValueError as exc:
        raise Rejected(8, str(exc)) from None
    if origin not in agency.upload_origins:
        raise Rejected(8, f"the upload address {one_line(origin)} is not one of {agency.name}'s "
                          f"upload origins ({', '.join(agency.upload_origins)})")
    if max_bytes is not None and (not is_int(max_bytes) or not 0 < max_bytes <= MAX_UPLOAD_BYTES):
        raise Rejected(8, "'upload.max_bytes' must be a whole number of bytes from 1 to 1 TiB")
    return endpoint, max_bytes


def verify_request(token: str | bytes, store: Agencies, registration_ids: Iterable[str] | None,
                   seen: Callable[[str, str], bool], now: float | None = None, *,
                   from_agency: str | None = None, zone_name: str = "UTC") -> Request:
    """Apply protocol.md rules 1-8 in order; return the Request or raise Rejected.

    `registration_ids` None means the ids the store holds for the request's (verified) agency;
    `from_agency`, the agency whose ids `registration_ids` are (a portal polled for one of
    its registrations): each agency names its own registrations, so a request another agency
    signed is addressed to none of them, whatever its `aud` says.
    `seen(iss, jti)` is True for a request already received. Surrounding whitespace (a file's
    trailing newline) is not part of the token; `raw` and `sha256` cover the token itself.
    A refusal names times in the IANA zone `zone_name` (the owner's PC's, on the agent's side).
    """
    now = time.time() if now is None else now
    raw, parsed = _rule1(token)
    agency = _rule2(parsed, store)
    claims = parsed.claims
    iat, exp = _rule3(claims, agency, now, zone_name)
    if registration_ids is None:
        try:
            registration_ids = store.registrations().get(agency.id, [])
        except AgencyError as exc:
            raise Rejected(4, f"your registrations cannot be read: {exc}") from None
    elif from_agency is not None and from_agency != agency.id:
        registration_ids = ()
    registration = _rule4(claims, registration_ids)
    jti = _rule5(claims, agency, seen)
    start, end = _rule6(claims, agency, now, zone_name)
    content = request_content(claims)
    endpoint, max_bytes = _rule8(claims, agency)
    return Request(id=jti, agency_id=agency.id, registration_id=registration,
                   window_start_us=start, window_end_us=end, upload_endpoint=endpoint,
                   upload_max_bytes=max_bytes, issued_at=iat, expires_at=exp, raw=raw,
                   sha256=hashlib.sha256(raw.encode("ascii")).hexdigest(), **content)

