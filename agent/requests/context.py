"""A request token attached to a manual export: verified when the trust store can, else marked
unverified (requests that arrive by email or file may still be answered by hand)."""
from __future__ import annotations

from pathlib import Path

from agent.export.provenance import RequestContext
from agent.requests.agencies import TrustStore, TrustStoreError
from agent.timebase import TimeError, parse_rfc3339
from frp.claims import Rejected
from frp.jws import JWSError, parse_compact
from frp.request import verify_request


class NotARequest(ValueError):
    """The file is not a request token at all."""


def request_context(home: Path, token: bytes) -> RequestContext:
    """Describe the request an export answers; `verified` only if every FRP/1 rule holds."""
    token = token.strip()
    try:
        store = TrustStore(home)   # addressed to one of the ids its own agency gave (rule 4)
        req = verify_request(token, store, None, seen=lambda iss, jti: False)
        return RequestContext(token, req.id, req.agency_id, req.case_number,
                              req.window_start_us, req.window_end_us, True)
    except (Rejected, TrustStoreError):
        pass
    try:
        claims = parse_compact(token).claims
        window = claims["window"]
        return RequestContext(token, str(claims["jti"]), str(claims["iss"]),
                              str(claims["case"]["number"]), parse_rfc3339(window["start"]),
                              parse_rfc3339(window["end"]), False)
    except (JWSError, KeyError, TypeError, TimeError) as exc:
        raise NotARequest(f"the request file is not a readable request token ({exc})") from None
