"""What the commands on the request desk share: the desk's and the trust store's errors as the
CLI's exit codes (`mapped`, which wraps every command that calls the desk, the trust store or
the activity log), the `--agency` option, and a request as `inbox --json` shows it."""
from __future__ import annotations

import functools

from agent.audit.log import AuditError
from agent.commands.common import Refused, utc
from agent.requests.agencies import TrustStoreError
from agent.requests.agency_changes import TrustStoreFailure
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.requests.view import RequestView
from agent.service import AgentError


def mapped(handler):
    """Desk and trust-store errors as the CLI's exit codes (refused 3, failure 1: what the
    trust store could not write, or a change the activity log could not record, is a failure,
    as it is for every other change)."""
    @functools.wraps(handler)
    def run(agent, args):
        try:
            return handler(agent, args)
        except TrustStoreFailure as exc:
            raise AgentError(str(exc)) from None
        except (DeskRefusal, TrustStoreError) as exc:
            raise Refused(str(exc)) from None
        except (DeskError, AuditError) as exc:
            raise AgentError(str(exc)) from None
    return run


def add_agency_option(p) -> None:
    # FRP/1 makes a request id unique per agency only: two agencies may both send '0001'.
    p.add_argument("--agency", metavar="AGENCY_ID",
                   help="the agency that sent the request (its id, as `agencies list` shows "
                        "it); needed only when two agencies used the same request id")


def entry_json(view: RequestView) -> dict:
    """The cli.md `inbox --json` object for one request; `agency_name` is the trust store's
    name, null once the agency is no longer trusted (`agency` still names it)."""
    return {"id": view.id, "agency": view.agency_id, "case": view.case,
            "window": {"start": utc(view.window_start_us), "end": utc(view.window_end_us)},
            "status": view.status, "received_at": utc(view.received_at_us),
            "expires_at": utc(view.expires_at_us), "agency_name": view.agency_name,
            "cameras": list(view.cameras), "unregistered": list(view.unregistered),
            "reason": view.reason, "verified": view.verified, "problem": view.problem}


def agency_name(view: RequestView) -> str:
    """The trusted agency's name, or its id when it is no longer in the trust store."""
    return view.agency_name if view.agency_name is not None else view.agency_id
