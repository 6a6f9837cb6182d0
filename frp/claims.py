"""The claims of FRP/1 tokens: their limits, and the shape of what a request says (rule 7).

Both sides apply these: the portal before it signs a request, the owner's agent when one
arrives, and the decision checks on either end.
"""
from __future__ import annotations

from frp.registration import CAMERA_NAME_CHARS, MAX_CAMERAS
from frp.text import one_line, quoted

TOLERANCE_S = 60
MAX_MESSAGE_CHARS = 2000
# A case number, a requester's details and an address are one line each on the owner's
# screens (the reference portal signs at most this much of each).
MAX_TEXT_CHARS = 400
LEGAL_BASES = ("voluntary", "warrant", "court_order")
# Every number a token carries is bounded before it is used: seconds since 1970 up to the end
# of year 9999 (what RFC 3339 can write), and at most 1 TiB for an upload.
MAX_EPOCH_S = 253_402_300_799
MAX_UPLOAD_BYTES = 1 << 40

# What a decision's `reason` may hold besides its length (protocol.md): the owner's words, line
# breaks (LF) and tabs. A control character (a terminal escape, a bell, a carriage return that
# prints over a line) or a bidirectional embedding, override or isolate control (which reorders
# what the agency's screens show) is never meant by an owner and acts on whoever reads it.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Rejected(Exception):
    """A request that failed rule `rule` (1-8 of protocol.md); `reason` says what is wrong."""

    def __init__(self, rule: int, reason: str) -> None:
        super().__init__(f"rule {rule}: {reason}")
        self.rule = rule
        self.reason = reason


def is_int(value: object) -> bool:
    """True for a JSON whole number (and not for true/false, which Python counts as ints)."""
    return type(value) is int


def _is_number(value: object) -> bool:
    return type(value) in (int, float)


def _opt_text(obj: dict, name: str, rule: int, where: str,
              limit: int = MAX_TEXT_CHARS) -> str | None:
    value = obj.get(name)
    if value is not None and not isinstance(value, str):
        raise Rejected(rule, f"{where}'{name}' must be text")
    if value is not None and len(value) > limit:
        raise Rejected(rule, f"{where}'{name}' is {len(value)} characters; at most {limit} "
                             "are allowed")
    return value


def _cameras(cameras: object) -> tuple[str, ...]:
    """The cameras a request names: names the agency has on file, so no more than a
    registration holds, each at most as long as a registered name, and none twice."""
    if not isinstance(cameras, list) or not all(isinstance(c, str) and c for c in cameras):
        raise Rejected(7, "'cameras' must be a list of camera names")
    if len(cameras) > MAX_CAMERAS:
        raise Rejected(7, f"'cameras' names {len(cameras)} cameras; a registration holds at "
                          f"most {MAX_CAMERAS}")
    seen: set[str] = set()
    for name in cameras:
        if len(name) > CAMERA_NAME_CHARS:
            raise Rejected(7, f"the camera name {quoted(name)} is longer than "
                              f"{CAMERA_NAME_CHARS} characters")
        if name in seen:
            raise Rejected(7, f"'cameras' names {quoted(name)} twice")
        seen.add(name)
    return tuple(cameras)


def request_content(claims: dict) -> dict:
    """Rule 7: what a request says (case, requester, legal basis, message, cameras, emergency,
    location), checked for shape and limits; Rejected(7) names the first claim that is wrong."""
    case, requester = claims.get("case"), claims.get("requester")
    if not isinstance(case, dict) or not isinstance(case.get("number"), str) \
            or not case["number"].strip():
        raise Rejected(7, "the request has no case number (case.number)")
    if len(case["number"]) > MAX_TEXT_CHARS:
        raise Rejected(7, f"the case number is {len(case['number'])} characters; at most "
                          f"{MAX_TEXT_CHARS} are allowed")
    if not isinstance(requester, dict) or not isinstance(requester.get("name"), str) \
            or not requester["name"].strip():
        raise Rejected(7, "the request does not name the person asking (requester.name)")
    if claims.get("legal_basis") not in LEGAL_BASES:
        raise Rejected(7, f"the legal basis {one_line(claims.get('legal_basis'), 80)} is not one of "
                          f"{', '.join(LEGAL_BASES)}")
    people = {n: _opt_text(requester, n, 7, "requester ")
              for n in ("name", "unit", "badge", "email", "phone")}
    message = _opt_text(claims, "message", 7, "", MAX_MESSAGE_CHARS)
    cameras = _cameras(claims.get("cameras", []))
    emergency = claims.get("emergency", False)
    if not isinstance(emergency, bool):
        raise Rejected(7, "'emergency' must be true or false")
    return {"case_number": case["number"],
            "incident": _opt_text(case, "incident", 7, "case ", MAX_MESSAGE_CHARS),
            "requester": {k: v for k, v in people.items() if v is not None},
            "legal_basis": claims["legal_basis"], "message": message, "cameras": cameras,
            "emergency": emergency, "location": _location(claims.get("location"))}


def _location(location: object) -> dict | None:
    if location is None:
        return None
    if not isinstance(location, dict):
        raise Rejected(7, "'location' must be an object with lat, lon, radius_m, address")
    limits = {"lat": (-90, 90), "lon": (-180, 180), "radius_m": (0, 40_075_000)}
    out = {}
    for name, (low, high) in limits.items():
        value = location.get(name)
        if value is not None and (not _is_number(value) or not low <= value <= high):
            raise Rejected(7, f"location '{name}' must be a number from {low} to {high}")
        if value is not None:
            out[name] = value
    address = _opt_text(location, "address", 7, "location ")
    if address is not None:
        out["address"] = address
    return out


def reason_problem(reason: str) -> str | None:
    """What in a decision's `reason` FRP/1 does not let it carry, in plain words naming the
    first such character as an escape ("a control character (\\x1b)"), or None when it may
    carry all of it. Its length is checked apart (MAX_MESSAGE_CHARS)."""
    for ch in reason:
        if ch in "\n\t":
            continue
        if ch in _BIDI_CONTROLS:
            return f"a text-direction control ({one_line(ch)})"
        if ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f:
            return f"a control character ({one_line(ch)})"
    return None
