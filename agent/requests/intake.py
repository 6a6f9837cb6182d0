"""Checking a request token as it comes in, with one promise added to the protocol's rules:
whatever a token trips in the checks is a refusal, never a failure that stops polling.
"""
from __future__ import annotations

import logging

from agent.errors import AgentError
from agent.requests.agencies import TrustStore
from agent.timebase import system_zone_name
from frp.claims import Rejected
from frp.request import Request, verify_request

log = logging.getLogger(__name__)


def checked_request(token, trust: TrustStore, registrations, seen, now: float,
                    from_agency: str | None = None) -> Request:
    """verify_request, with anything else it raises turned into a refusal (`registrations`
    are `from_agency`'s, when given).

    Checking a token is a function of its bytes (and the trust store), so whatever else it
    raises is the token's doing: it is refused and recorded like any refusal. Were it let
    through, a poll would stop before its cursor moved and fetch the same token for ever, so
    no later request could arrive. (Storing a request is not covered: a full disk or a locked
    inbox must leave the cursor where it is, so the request is fetched again.)
    """
    try:
        return verify_request(token, trust, registrations, seen=seen, now=now,
                              from_agency=from_agency, zone_name=system_zone_name())
    except (Rejected, AgentError):
        raise
    except Exception:  # noqa: BLE001
        log.warning("a request token could not be checked", exc_info=True)
        # the class name is for whoever reads the log, where it is; the owner reads a reason
        raise Rejected(1, "the request could not be checked: this version of footage-agent "
                          "failed on something in it (the details were logged)") from None
