"""Notes the request page adds to a request's facts when they matter to the decision: a request
that names no camera (none starts ticked), one for a case the owner declined before, and the
stretches of its window its safe copy lacks because their recordings were deleted before they
could be copied. Qt-free, as the rest of gui/views/."""
from __future__ import annotations

from agent.views import RequestView
from gui.views import display
from gui.views.requests import UNDECIDED
from gui.views.shown import Shown, shown, shown_lines, shown_names
from gui.views.words import translate

# Past this many cameras the recordings deleted are said in one sentence naming the cameras,
# not a sentence each: the line sits above the request's facts, on a page with no height spare.
GONE_SAID_APART = 2


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


def gone_lines(gone: tuple, start_us: int, end_us: int, zone: str) -> list[Shown]:
    """The recordings of the window (`start_us`..`end_us`) a safe copy passed over, deleted
    from their folder before their copy began (agent Hold.gone: a recorder making room), as
    sentences for the request's page: which camera, and which stretch of the window (its
    touching recordings joined), on the owner's clock. [] for none."""
    stretches: dict[str, list[list[int]]] = {}
    for g in sorted(gone, key=lambda g: (g.start_us, g.end_us)):
        start, end = max(g.start_us, start_us), min(g.end_us, end_us)
        if start >= end:
            continue
        spans = stretches.setdefault(g.camera, [])
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    if len(stretches) > GONE_SAID_APART:
        return [shown(translate("requests", "Recordings of {count} cameras ({cameras}) were "
                                            "deleted from their folders before the safe copy "
                                            "could keep them."),
                      count=len(stretches), cameras=shown_names(list(stretches)))]
    out = []
    for camera, spans in stretches.items():
        said = [translate("requests", "from {start} to {end}").format(
            start=f"{display.local(s, zone):%H:%M:%S}", end=display.clock(e, zone))
            for s, e in spans]
        out.append(shown(translate("requests", "{camera}: its recordings {stretches} were "
                                               "deleted from its folder before the safe copy "
                                               "could keep them."),
                         camera=camera, stretches=shown_lines(said, ", ")))
    return out
