"""How long a replace Windows refuses is tried again: while a virus scanner reads what is moved.

A virus scanner holds a file just written for as long as it reads it, and a folder holding one
cannot be moved meanwhile: storage.replace tries again for a second, and for a large file (a
package's clip, a hold's copies) as long as reading it at a slow USB stick's speed would take,
but never more than two minutes, after which the refusal is said.
"""
from __future__ import annotations

_LONGEST_PAUSE_S = 0.5   # the pauses double up to this
_SHORT_WAIT_S = 1.0
_SCANNED_BYTES_PER_S = 20_000_000
_LONGEST_WAIT_S = 120.0
_MOST_TRIES = 300    # what ends the tries when a test makes the pauses nothing


def retry_pauses(held_bytes: int = 0, first_s: float = 0.05) -> list[float]:
    """The pauses between tries of a replace Windows refuses (a file another program holds
    open, or a folder holding `held_bytes` of such files): doubling from `first_s` up to
    half a second, together about the time a scanner may take to read them."""
    budget = min(_LONGEST_WAIT_S, _SHORT_WAIT_S + max(held_bytes, 0) / _SCANNED_BYTES_PER_S)
    pause, pauses = first_s, []
    while sum(pauses) < budget and len(pauses) < _MOST_TRIES:
        pauses.append(min(pause, budget - sum(pauses)))
        pause = min(pause * 2, _LONGEST_PAUSE_S)
    return pauses
