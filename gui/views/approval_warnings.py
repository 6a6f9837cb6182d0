"""What the owner is warned of before approving a request: the cameras it names that were never
registered with its agency (in its facts, and again in the summary above Approve, ticked and
left out apart), and footage chosen beyond what the agency takes for it. The agency's camera
names pass through the display sanitiser, as everything on the request's page does, and each is
then isolated (gui.views.shown): a Hebrew or Arabic name keeps its own direction and the line
the app's (GUI hunt: "<Hebrew name>: never registered with this agency..." was laid out from the
right, the colon and the app's words left of the name)."""
from __future__ import annotations

from agent.views import RequestView
from gui.views import display
from gui.views.requests import agency_name
from gui.views.shown import Shown, shown, shown_names
from gui.views.summary import camera_names
from gui.views.words import translate


def unregistered(v: RequestView) -> Shown | str:
    """The cameras a request names that the owner never registered with its agency, said as a
    warning ("" for none): the page leaves them unticked."""
    if not v.unregistered:
        return ""
    return shown(translate("requests", "It also names cameras you never registered with this "
                                       "agency: {cameras}. They start unticked; call the agency "
                                       "back before you share one it should not know of."),
                 cameras=shown_names(list(v.unregistered)))


def unregistered_lines(v: RequestView, chosen: list[str]) -> list[str]:
    """For the summary above Approve (always in view, unlike the facts' warning, which may be
    scrolled away): the cameras the agency was never told of, ticked ones on one line and
    those left out on another, so a request naming many of them keeps the bar low."""
    ticked = [c for c in v.unregistered if c in chosen]
    left = [c for c in v.unregistered if c not in chosen]
    rows = []
    if ticked:
        said = (translate("requests", "{camera}: never registered with this agency: call the "
                                      "agency back before you share it") if len(ticked) == 1
                else translate("requests", "{cameras}: never registered with this agency: call "
                                           "the agency back before you share them"))
        rows.append(_said(said, ticked))
    if left:
        said = (translate("requests", "{camera}: asked for, but never registered with this "
                                      "agency: not sent unless you tick it") if len(left) == 1
                else translate("requests", "{cameras}: asked for, but never registered with "
                                           "this agency: not sent unless you tick them"))
        rows.append(_said(said, left))
    return rows


def over_limit_lines(v: RequestView, size_bytes: int) -> list[str]:
    """For the summary above Approve: the footage chosen is more than the agency takes for
    this request (`upload.max_bytes`, all its packages together), said before anything is
    cut, since a delivery over it is refused (an estimate: said only when it is over)."""
    limit = v.upload_max_bytes
    if limit is None or size_bytes <= limit:
        return []
    return [translate("requests", "{agency} takes at most {limit} for this request, and this is "
                                  "about {size}: choose fewer cameras or a shorter time, or it "
                                  "will not be sent").format(
        agency=agency_name(v), limit=display.size(limit), size=display.size(size_bytes))]


def _said(said: str, cameras: list[str]) -> Shown:
    """One of the lines above, its camera (or cameras) each sanitised and isolated."""
    if len(cameras) == 1:
        return shown(said, camera=cameras[0])
    return shown(said, cameras=Shown(camera_names(cameras)))
