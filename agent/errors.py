"""The agent's one error family: what callers (the CLI, the GUI) catch from anything they ask.

A leaf module (it imports nothing of the agent), so every part of the agent can raise these
without importing the service. The CLI maps `Refusal` to exit 3, `UsageProblem` to exit 2 and
any other `AgentError` to exit 1.
"""
from __future__ import annotations


class AgentError(Exception):
    """A request the agent cannot carry out; the message says why in plain words."""


class Refusal(AgentError):
    """Refused: verification failed, nothing matched, or the owner's rules forbid it (exit 3)."""


class NotFound(Refusal):
    """Nothing matched."""


class DeliveredAfterAll(Refusal):
    """A decline refused because the agency had the footage after all: the receipt lost on
    the way was fetched while declining, and the request now stands as delivered (or partly,
    the rest to approve again). Not a failure: what the owner sees is the request as it is."""


class UsageProblem(AgentError):
    """What the owner chose cannot be used as given, such as a folder too deep for the package
    (the command line's usage error, exit 2)."""


class OtherDiskFound(Refusal):
    """A recordings folder holds another disk than the one its recordings were indexed from
    (another card in the same slot): nothing was scanned, every row kept (exit 3)."""


class FolderRemoved(AgentError):
    """A recordings folder was removed (in the app, or by another command) while it was
    scanned: nothing more of it was indexed."""
