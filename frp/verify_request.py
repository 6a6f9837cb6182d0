"""The request a package answers, held against the token it carries: data/request.jws must be
the request provenance.json names (id, agency, case, window), and so must bag-info.txt's
External-Identifier; the approved window lies inside the one asked for, and a package exported
by hand carries neither. Whether the agency signed the token is the agency's to check with its own key
(protocol.md, "Request token"); what is checked here is that it belongs to this package."""
from __future__ import annotations

from frp.bagit import PROVENANCE, REQUEST
from frp.bagview import Bag
from frp.jws import parse_compact
from frp.jws_encoding import JWSError
from frp.text import one_line, quoted
from frp.times import window_of
from frp.verify_bagit import tag_fields


def check_request(bag: Bag, record: dict) -> None:
    """Problems, in `bag`, when the token, bag-info.txt's External-Identifier and the record's
    `request` do not agree."""
    request = record.get("request")
    held = bag.files.get(REQUEST)
    _check_identifier(bag, request)
    if request is None:
        if held is not None:
            bag.problems.append(f"{REQUEST} is a request token, but {PROVENANCE} says the "
                                "package was exported by hand, for no request: the token does "
                                "not belong to it.")
        return
    if not isinstance(request, dict):   # a record that names no request in its own form
        if held is not None:
            bag.problems.append(f"{REQUEST} is a request token, but {PROVENANCE} does not say "
                                "which request the package answers.")
        return
    _check_approved(bag, record, request)
    if held is None:
        if bag.not_read(REQUEST):   # said as not read here, not as left out
            return
        bag.problems.append(f"{PROVENANCE} says the package answers request "
                            f"{quoted(request.get('id'), 100)}, but it holds no {REQUEST}.")
        return
    claims = _claims(held.content)
    if claims is None:
        bag.problems.append(f"{REQUEST} is not a readable request token.")
        return
    case = claims.get("case") if isinstance(claims.get("case"), dict) else {}
    token = (claims.get("jti"), claims.get("iss"), case.get("number"))
    said = (request.get("id"), request.get("agency"), request.get("case"))
    if token != said:
        bag.problems.append(f"{REQUEST} is {_named(*token)}, but {PROVENANCE} says the package "
                            f"answers {_named(*said)}: the request token does not belong to "
                            "this package.")
    elif window_of(claims.get("window")) != window_of(request.get("window")):
        bag.problems.append(f"{REQUEST} asks for {_shown(claims.get('window'))}, but "
                            f"{PROVENANCE} says the request asked for "
                            f"{_shown(request.get('window'))}.")


def _check_identifier(bag: Bag, request: object) -> None:
    """bag-info.txt's External-Identifier, the request a records system files the bag under,
    is `<agency id> <request id>` of the request the record names, and absent from a package
    exported by hand (package-format.md, "Layout")."""
    # A missing bag-info.txt, or a record naming no request in its own form, is named elsewhere.
    if "bag-info.txt" not in bag.files or not (request is None or isinstance(request, dict)):
        return
    text = bag.text("bag-info.txt")
    if text is None:
        return
    given = tag_fields(bag, "bag-info.txt", text).get("External-Identifier")
    said = (f"gives External-Identifier {quoted(given, 200)}" if given is not None
            else "gives no External-Identifier")
    if request is None:
        if given is not None:
            bag.problems.append(f"bag-info.txt {said}, but {PROVENANCE} says the package was "
                                "exported by hand, for no request.")
        return
    agency, request_id = request.get("agency"), request.get("id")
    if given != f"{agency} {request_id}":
        bag.problems.append(f"bag-info.txt {said}, but {PROVENANCE} says the package answers "
                            f"request {quoted(request_id, 100)} of {quoted(agency, 200)}, so it "
                            f"should be {quoted(f'{agency} {request_id}', 300)}: the two do not "
                            "name the same request.")


def _check_approved(bag: Bag, record: dict, request: dict) -> None:
    """The owner's approval lies inside the window the request asked for (package-format.md:
    never wider)."""
    asked, approved = window_of(request.get("window")), window_of(record.get("approved"))
    if asked and approved and (approved[0] < asked[0] or approved[1] > asked[1]):
        bag.problems.append(f"{PROVENANCE} says the owner approved "
                            f"{_shown(record.get('approved'))}, wider than the request's window, "
                            f"{_shown(request.get('window'))}: an approval is never wider than "
                            "what was asked.")


def _claims(content: bytes | None) -> dict | None:
    if content is None:
        return None
    try:
        claims = parse_compact(content.strip()).claims
    except (JWSError, ValueError):
        return None
    return claims if isinstance(claims, dict) else None


def _named(request_id, agency, case) -> str:
    return (f"request {quoted(request_id, 100)} of {quoted(agency, 200)} "
            f"(case {quoted(case, 100)})")


def _shown(window) -> str:
    if not isinstance(window, dict):
        return "no window"
    return f"{one_line(window.get('start'), 40)} to {one_line(window.get('end'), 40)}"
