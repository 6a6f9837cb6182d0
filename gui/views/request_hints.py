"""The line above a request's timelines: what the owner may still do with what it shows.

In the request page's translation context ("RequestPage"), where these words began.
"""
from __future__ import annotations

from gui.views.words import translate


def approval_hint(status: str, approved: bool, rechoosing: bool, received: bool = False,
                  not_taken: bool = False) -> str:
    """The hint for a request of `status`: not yet approved (`approved` False), approved and
    fixed there, or approved with a delivery that stopped before anything of it left this PC
    (`rechoosing`: its choices may still change). `received`: the agency has part of it (a
    receipt is kept), so the approval can no longer be withdrawn; `not_taken`: a decline the
    agency did not take (its portal refused it), so the approval still stands there."""
    if rechoosing:
        return translate(
            "RequestPage",
            "You approved this request, but preparing the footage stopped before anything "
            "was sent, so you may still change what you approve: leave a camera out, move "
            "the blue handles or choose another mode. Footage already prepared that your "
            "choices still include is sent as it is. \"Decline\" withdraws your approval "
            "instead.")
    if not approved and status not in ("new", "held"):   # declined or expired: none is sent
        return translate("RequestPage", "Your footage for this time. Click anywhere to look "
                                        "at that moment.")
    if not approved:
        return translate("RequestPage", "Your footage for this time. Drag the blue handles to "
                                        "send less; click anywhere to look at that moment.")
    if status == "failed" and received:
        return translate(
            "RequestPage",
            "You approved this request, and part of the footage reached the agency (its "
            "receipt is kept), so your approval can no longer be withdrawn. \"Try sending "
            "again\" sends the rest exactly as you approved it, shown below; if you do not "
            "want to send it, leave the request as it is. Click anywhere to look at a "
            "moment.")
    if status == "failed":
        return translate(
            "RequestPage",
            "You approved this request, but the footage did not reach the agency. "
            "\"Try sending again\" sends exactly what you approved, shown below; it cannot "
            "be changed now. \"Decline\" withdraws your approval instead. Click anywhere to "
            "look at a moment.")
    if status == "declined" and not_taken:
        return translate("RequestPage", "You approved this request, then declined it, but "
                                        "the agency did not take your decline, so your "
                                        "approval stands there (the line at the foot of the "
                                        "page says why); nothing more is sent from this PC. "
                                        "What you had approved is shown below.")
    if status == "declined":
        return translate("RequestPage", "You approved this request, then withdrew your "
                                        "approval: nothing more is sent. What you had "
                                        "approved is shown below.")
    return translate("RequestPage", "You approved this request: what you approved is shown "
                                    "below. Click anywhere to look at a moment.")
