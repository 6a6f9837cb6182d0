"""A request's statuses and the machine they move by (cli.md), written down as data:
which status may follow which. The inbox makes every change through it (inbox.py)."""
from __future__ import annotations

from agent.requests.inbox_file import InboxError

STATUSES = ("new", "held", "approved", "declined", "expired", "exporting", "uploading",
            "delivered", "failed")
# Which status may follow which. `failed` keeps the approval, so running approve again resumes;
# `approved` and `failed` may become `declined`: the owner withdrew an approval never delivered.
# `failed` becomes `delivered` when a decline finds the portal had every package (receipts lost
# on the way, fetched then: withdrawal.receipts_asked), and `declined` does when the portal
# refused the decline as already delivered and the receipt of the package the decline kept is
# fetched after (owed_receipts.py): the approval stood, and the agency has the footage. When
# those receipts cover part of the approval only, `declined` becomes `failed` instead, as the
# same facts found before the decline leave it: the approval stands, the rest to send.
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"held", "approved", "declined", "expired"}),
    "held": frozenset({"approved", "declined", "expired"}),
    "approved": frozenset({"exporting", "failed", "declined"}),
    "exporting": frozenset({"uploading", "failed"}),
    "uploading": frozenset({"delivered", "failed"}),
    "failed": frozenset({"exporting", "declined", "delivered"}),
    "declined": frozenset({"delivered", "failed"}),
    "expired": frozenset(),
    "delivered": frozenset(),
}
UNDECIDED = ("new", "held")
ENDED = ("declined", "expired", "delivered")


class IllegalTransition(InboxError):
    """A status change the status machine does not allow."""


def check_transition(old: str, new: str) -> None:
    """Raise IllegalTransition unless the status machine allows old -> new."""
    if new not in STATUSES:
        raise IllegalTransition(f"'{new}' is not a request status")
    if new not in TRANSITIONS.get(old, frozenset()):
        raise IllegalTransition(f"a request that is {old} cannot become {new}")
