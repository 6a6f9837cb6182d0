"""A request's status said in a sentence: "request 'x' was declined; ...", not "is declined".

The inbox keeps a status as a key (new, held, approved, exporting, ...): right for `--json` and
the list's column, but a refusal that puts the key after "is" reads like a form ("is failed",
"is exporting") and does not tell an owner where the request stands.
"""
from __future__ import annotations

__all__ = ["status_said", "not_declinable"]

_SAID = {
    "new": "is not answered yet",
    "held": "is not answered yet (its recordings are held)",
    "approved": "is approved and not delivered yet",
    "declined": "was declined",
    "expired": "has expired",
    "exporting": "is being packaged for the agency",
    "uploading": "is being sent to the agency",
    "delivered": "was delivered",
    "failed": "is approved, but its delivery stopped before the end",
}


def status_said(status: str) -> str:
    """What follows "request 'x'" for a request of `status`: 'was declined'."""
    return _SAID.get(status, f"is {status}")


def not_declinable(jti: str, status: str) -> str:
    """Why a request of `status` cannot be declined (the app may offer Decline on a request
    read before it expired, or was answered from a terminal)."""
    return (f"request '{jti}' {status_said(status)}; only a new or held request, or an "
            "approved one not delivered, can be declined")
