"""Timelines for several cameras over one window, kept in step (same position, same handles).

Coverage (with its sums for the summary: camera_sums), thumbnails (for the rows in view:
strip_thumbnails) and the copy-mode start keyframe are fetched by agent jobs; a newer window
or selection makes older answers stale (they are dropped by a load number, and thumbnail
decodes by a preview ticket). A drag's moves are followed by the other timelines, and
`changed` fires, once the moves queued are handled (and when the drag ends), not once per
move: 64 cameras follow each turn of the loop.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from agent.views import one_line
from gui.views.camera_sums import CameraSums
from gui.views.coverage import timeline_parts
from gui.widgets.labels import ElidedCheckBox
from gui.widgets.strip_thumbnails import StripThumbnails
from gui.widgets.strip_ticks import StripTicks
from gui.widgets.timeline import Timeline

CHECK_NARROW, CHECK_WIDE = 120, 200   # the camera's check box beside its timeline
ALL_FROM = 3   # from this many cameras one box ticks or unticks them all (an NVR's channels)


class CameraStrip(StripTicks, QWidget):
    """One checkable timeline per camera; `changed` fires when what would be cut changes."""

    changed = Signal()
    positionChanged = Signal(str, object)   # camera, instant (UTC microseconds)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.timelines: dict[str, Timeline] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.coverages: dict = {}
        self.sums: dict[str, CameraSums] = {}   # of each camera with recordings here
        self.keyframes: dict[str, int | None] = {}
        self.start_us = self.end_us = 0
        self.tab_anchor: QWidget = self   # what the cameras follow in Tab's order
        self.all_box: QCheckBox | None = None
        self.held_back: set[str] = set()   # cameras the all box leaves unticked
        # A request's (id, agency id): a camera its approval would cut from the request's
        # safe copy, its recordings gone, shows what the copies hold.
        self.request = None
        self._quiet = False   # ticking many at once: one `changed` for all of them
        self._load = 0
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._keyframe_timer = QTimer(self, singleShot=True, interval=200)
        self._keyframe_timer.timeout.connect(self._load_keyframes)
        self._moved: tuple[str, int, int] | None = None   # a selection not yet followed
        self._moved_to: tuple[str, int] | None = None   # a position not yet followed
        self._follow_timer = QTimer(self, singleShot=True, interval=0)   # after queued moves
        self._follow_timer.timeout.connect(self._follow_drag)
        self.thumbnails = StripThumbnails(self)

    # building ----------------------------------------------------------------------------
    def set_cameras(self, cameras: list[str], start_us: int, end_us: int,
                    checked: bool = True) -> None:
        """Show these cameras over [start, end) and load their coverage and thumbnails."""
        self._load += 1
        while self._box.count():
            item = self._box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.timelines.clear()
        self.checks.clear()
        self.held_back = set()
        self.coverages, self.sums, self.keyframes = {}, {}, {}
        self._moved = self._moved_to = None
        self.start_us, self.end_us = start_us, end_us
        self.all_box = self._all_row() if len(cameras) >= ALL_FROM else None
        for camera in cameras:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            # A request names cameras in its own words: shown inert, with '&' kept literal
            # (Qt would make a keyboard shortcut of it); the raw name stays the key. A long
            # name ends in "…" rather than squeezing its timeline.
            label = one_line(camera)
            check = ElidedCheckBox(label)
            check.setChecked(checked)
            check.toggled.connect(self._toggled)
            tl = Timeline(label, self.ctx.zone)   # the name it shows
            tl.set_window(start_us, end_us)
            tl.set_coverage([], self.tr("loading"))
            tl.selectionChanged.connect(lambda a, b, cam=camera: self._sync_selection(cam, a, b))
            tl.positionChanged.connect(lambda us, cam=camera: self._sync_position(cam, us))
            tl.released.connect(self._follow_drag)   # in step when the drag ends
            line.addWidget(check)
            line.addWidget(tl, 1)
            self._box.addWidget(row)
            self.timelines[camera], self.checks[camera] = tl, check
        # Rows made now would come last in Tab's order, after the page's Approve or Export:
        # each camera's box and timeline follow the strip, as they are seen.
        previous = self.tab_anchor
        if self.all_box is not None:
            QWidget.setTabOrder(previous, self.all_box)
            previous = self.all_box
        for camera in cameras:
            QWidget.setTabOrder(previous, self.checks[camera])
            QWidget.setTabOrder(self.checks[camera], self.timelines[camera])
            previous = self.timelines[camera]
        # One width for every check box: the timelines line up, an instant under an instant.
        width = max([CHECK_NARROW] + [c.sizeHint().width() for c in self.checks.values()])
        for check in [*self.checks.values(), *([self.all_box] if self.all_box else [])]:
            check.setFixedWidth(min(width, CHECK_WIDE))
        self._sync_all_box()
        self._fetch_coverage(list(cameras), start_us, end_us, self._load)

    def _all_row(self) -> QCheckBox:
        """The row above the cameras with one box for all of them: many channels are ticked
        or unticked with one click, not one by one."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        box = ElidedCheckBox(self.tr("All cameras"))
        box.setTristate(True)   # shows "some of them"; a click ticks all or none
        box.clicked.connect(self._tick_all)
        line.addWidget(box)
        line.addStretch(1)
        self._box.addWidget(row)
        return box

    def _fetch_coverage(self, cameras, start_us, end_us, load) -> None:
        agent, request = self.ctx.agent, self.request

        def work():
            out = {}
            try:
                hold = agent.requests.held(*request) if request else None
            except Exception:   # no safe copy to show: the request's page says why
                hold = None
            for cam in cameras:
                try:
                    cov = agent.coverage(cam, start_us, end_us, hold=hold)
                except Exception:   # an unknown camera simply has no recordings here
                    out[cam] = None
                else:   # summed and worded here, once, not on the GUI thread
                    out[cam] = (cov, CameraSums.of(cov), timeline_parts(cov))
            return out
        self.ctx.bridge.call("coverage", work, lambda result: self._got_coverage(result, load))

    def ask_unknown_again(self) -> None:
        """Ask again for the coverage of the cameras the index did not know when the strip was
        loaded, once a scan has finished: a request opened while the app's first scan was
        still indexing its cameras said "no recordings of this camera" until it was opened
        again, and nothing of it could be approved."""
        unknown = [cam for cam, cov in self.coverages.items() if cov is None]
        if unknown:
            self._fetch_coverage(unknown, self.start_us, self.end_us, self._load)

    def _got_coverage(self, result: dict, load: int) -> None:
        if load != self._load:
            return
        again = bool(self.coverages)   # ask_unknown_again's: only cameras known now change
        if again:
            result = {cam: got for cam, got in result.items()
                      if got is not None and self.coverages.get(cam) is None}
            if not result:
                return
        self.coverages.update({cam: got and got[0] for cam, got in result.items()})
        self.sums.update({cam: got[1] for cam, got in result.items() if got})
        for cam, got in result.items():
            tl = self.timelines[cam]
            if got is None:
                tl.set_coverage([], self.tr("no recordings of this camera"))
                self.checks[cam].setChecked(False)
            else:
                spans, marks, guessed, note = got[2]
                tl.set_coverage(spans, note, marks, guessed)
                if not spans:
                    self.checks[cam].setChecked(False)
                elif again and self.checks[cam].isEnabled() and cam not in self.held_back:
                    self.checks[cam].setChecked(True)   # unticked for want of recordings
        self._sync_all_box()
        self.thumbnails.reset(load)
        self.thumbnails.load_in_view()
        self._load_keyframes()
        self.changed.emit()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.thumbnails.load_in_view()   # loaded while its page was hidden

    def preview_name(self, camera: str) -> str:
        """The name previews read `camera` by: its safe copy's when that is what is shown."""
        return getattr(self.coverages.get(camera), "shown_as", "") or camera

    def _load_keyframes(self) -> None:
        previewer, load = self.ctx.previewer, self._load
        start, end = self.selection()
        covs = {c: v for c, v in self.coverages.items() if v and v.spans}

        def work():
            return {cam: previewer.keyframe_at_or_after(cov.shown_as or cam,
                                                        _first_covered(cov, start), end)
                    for cam, cov in covs.items()}
        self.ctx.bridge.call("keyframes", work, lambda result: self._got_keyframes(result, load,
                                                                                    start))

    def _got_keyframes(self, result: dict, load: int, start: int) -> None:
        if load != self._load or start != self.selection()[0]:
            return
        self.keyframes = result
        self.changed.emit()

    # state -------------------------------------------------------------------------------
    def selection(self) -> tuple[int, int]:
        if self._moved is not None:   # a drag the other timelines follow in a moment
            return self._moved[1], self._moved[2]
        tl = next(iter(self.timelines.values()), None)
        return (tl.in_us, tl.out_us) if tl else (self.start_us, self.end_us)

    def chosen(self) -> list[str]:
        """Cameras ticked that have recordings in the window."""
        return [c for c, box in self.checks.items() if box.isChecked() and self.coverages.get(c)]

    def pending(self) -> bool:
        """True while a move is queued for the other timelines or a keyframe lookup waits for
        its timer: `changed` will fire again (tests wait for this and the bridge's jobs)."""
        return self._follow_timer.isActive() or self._keyframe_timer.isActive()

    def chosen_sums(self) -> list[CameraSums]:
        """The sums of the chosen cameras' coverage, in the strip's order."""
        return [self.sums[c] for c in self.chosen() if c in self.sums]

    def _sync_selection(self, camera: str, in_us: int, out_us: int) -> None:
        # A drag sends a move per mouse event: the other timelines, the keyframe and whoever
        # listens to `changed` (the summary) follow once the moves queued are all handled.
        self._moved = (camera, in_us, out_us)
        self._follow_timer.start()

    def _follow_drag(self) -> None:
        moved_to, self._moved_to = self._moved_to, None
        if moved_to is not None:
            for cam, tl in self.timelines.items():
                if cam != moved_to[0]:
                    tl.set_position(moved_to[1], emit=False)
        if self._moved is None:
            return
        camera, in_us, out_us = self._moved
        self._moved = None
        for cam, tl in self.timelines.items():
            if cam != camera:
                tl.set_selection(in_us, out_us, emit=False)
        self._keyframe_timer.start()
        self.changed.emit()

    def _sync_position(self, camera: str, us: int) -> None:
        self._moved_to = (camera, us)   # the others follow as the selection does
        self._follow_timer.start()
        self.positionChanged.emit(camera, us)   # the preview keeps only the newest anyway


def _first_covered(cov, start_us: int) -> int:
    for s in cov.spans:
        if s.end_us > start_us:
            return max(s.start_us, start_us)
    return start_us
