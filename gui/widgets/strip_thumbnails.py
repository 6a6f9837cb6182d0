"""The pictures along each camera's timeline, decoded only for the cameras in view.

An NVR's 64 cameras asked the agent for 512 decodes each time a request opened, most for rows
scrolled out of sight. Rows are now decoded as they come into view (the strip scrolled, the
window made larger, the page shown), one job at a time, each camera once per window shown.
A timeline too short to draw its thumbnails (a small screen, large text) is not decoded for
until it grows tall enough.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from gui.widgets.preview_pane import to_image

THUMBS = 8   # pictures along a timeline
WIDTH = 120


class StripThumbnails(QObject):
    """Loads thumbnails for the strip's cameras whose rows can be seen."""

    def __init__(self, strip):
        super().__init__(strip)
        self.strip = strip
        self._load = 0
        self._ticket = None
        self._asked: set[str] = set()   # cameras decoded, or being decoded, for this load
        self._running = False

    def reset(self, load: int) -> None:
        """A new window or new cameras: decodes of the last ones give up, none is kept."""
        self._load, self._asked, self._running = load, set(), False
        self._ticket = self.strip.ctx.previewer.ticket(f"thumbs-{id(self.strip)}")

    def in_view(self) -> list[str]:
        """The cameras with recordings here whose timeline shows some of itself on screen, tall
        enough to draw its thumbnails."""
        strip = self.strip
        return [cam for cam, tl in strip.timelines.items()
                if strip.coverages.get(cam) and tl.draws_thumbnails()
                and not tl.visibleRegion().isEmpty()]

    def load_in_view(self) -> None:
        """Decode the thumbnails of the cameras in view not yet asked for (after the job
        running, if one is)."""
        if self._running or self._ticket is None:
            return
        cams = [c for c in self.in_view() if c not in self._asked]
        if not cams:
            return
        self._asked.update(cams)
        self._running = True
        previewer, ticket, load = self.strip.ctx.previewer, self._ticket, self._load
        start, end = self.strip.start_us, self.strip.end_us
        names = {cam: self.strip.preview_name(cam) for cam in cams}   # a safe copy's, maybe

        def work():
            step = (end - start) / THUMBS
            return {cam: [(int(start + step * (i + 0.5)), f) for i, f in
                          enumerate(previewer.thumbnails(names[cam], start, end, THUMBS, WIDTH,
                                                         ticket))]
                    for cam in cams}
        self.strip.ctx.bridge.call("thumbnails", work, lambda result: self._got(result, load),
                                   lambda _message: self._got({}, load))

    def _got(self, result: dict, load: int) -> None:
        if load != self._load:
            return
        self._running = False
        for cam, items in result.items():
            tl = self.strip.timelines.get(cam)
            if tl is not None:
                tl.set_thumbnails([(at, to_image(f)) for at, f in items if f])
        self.load_in_view()   # rows scrolled into view while this job ran
