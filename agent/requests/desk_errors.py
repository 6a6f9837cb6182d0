"""The request desk's two failures: what it could not do (`DeskError`) and what it refused
(`DeskRefusal`: exit code 3), each in plain words."""
from __future__ import annotations

from agent.errors import AgentError, DeliveredAfterAll, Refusal


class DeskError(AgentError):
    """Something the desk could not do; the message says why in plain words."""


class DeskRefusal(DeskError, Refusal):
    """Refused: the request failed verification, or the owner's rules forbid the action."""


class ReceiptFetched(DeskRefusal, DeliveredAfterAll):
    """A decline refused: the receipt it asked the portal for came, the agency has the footage."""
