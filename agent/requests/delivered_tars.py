"""A delivered package's tar let go of.

The tar in `<home>/outbox/<request>/` is what travels to the agency; the package folder in
`<home>/packages/<request>/` is the package itself, and the owner's copy of what was sent.
Once the agency's signed receipt is kept, the tar is only a second copy of that folder: packed
again it is the very bytes the receipt names (bagtar writes it reproducibly), so keeping both
would hold every delivered package twice on the owner's disk for good. A tar whose delivery has
no receipt is never touched here: its upload may still be resumed, or its submission asked for.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from agent.requests.records import Delivery, Entry


def let_go_of_tar(home: Path, delivery: Delivery) -> bool:
    """Remove a receipted delivery's tar, and its request's outbox folder once empty; True
    when the tar is gone. Never for a delivery without a receipt, nor a file outside the
    home's `outbox` (an inbox row edited by hand may name any); a tar that cannot be removed
    now (Windows: a virus scanner holding it) is left for the next tidy."""
    if not delivery.receipt or not delivery.tar:
        return False
    tar = Path(delivery.tar)
    try:
        ours = tar.suffix == ".tar" and tar.parent.resolve().is_relative_to(
            (Path(home) / "outbox").resolve())
    except (OSError, RuntimeError):   # a loop of links
        ours = False
    if not ours:
        return False
    try:
        tar.unlink(missing_ok=True)
    except OSError:
        return False
    try:
        os.rmdir(tar.parent)   # only when empty: another camera's tar may still be there
    except OSError:
        pass
    return True


def delivered_tars(entries: Iterable[Entry]) -> list[Delivery]:
    """The receipted deliveries whose tar is still on the disk (a home of an earlier version,
    or a run stopped between keeping the receipt and removing the tar)."""
    return [d for e in entries for d in e.deliveries
            if d.receipt and d.tar and os.path.lexists(d.tar)]
