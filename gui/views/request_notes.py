"""Notes the request page adds to a request's facts when they matter to the decision: a request
that names no camera (none starts ticked), and one for a case the owner declined before.
Qt-free, as the rest of gui/views/."""
from __future__ import annotations

from agent.views import RequestView
from gui.views import display
from gui.views.requests import UNDECIDED
from gui.views.words import translate


def declined_before(v: RequestView, zone: str) -> str:
    """An open request for a case the owner declined before (asked again under a new id), said
    as a warning ("" for none)."""
    if not v.declined_before or v.status not in UNDECIDED:
        return ""
    when = display.day_time(v.declined_before[-1][1], zone)
    if len(v.declined_before) == 1:
        return translate("requests", "You declined a request of this agency for this case on "
                                     "{when}: this one asks again. You may decline it too."
                         ).format(when=when)
    return translate("requests", "You declined {count} requests of this agency for this case, "
                                 "the last on {when}: this one asks again. You may decline it "
                                 "too.").format(count=len(v.declined_before), when=when)


def unnamed_lines(v: RequestView) -> list[str]:
    """For the summary above Approve: a request that names no camera leaves the choice to the
    owner, so none starts ticked (as `approve` asks which to share); said while it is open."""
    if v.cameras:
        return []
    return [translate("requests", "The request names no camera: none is sent unless you tick "
                                  "it")]
