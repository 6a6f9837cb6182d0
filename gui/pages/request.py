"""Reviewing one request: who asks, the footage for their window, trimming, and the answer.

Nothing is sent until the owner presses Approve, and the page says, right above that button,
exactly what would leave the PC and that shared footage can become a public record.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from agent.views import RequestView
from gui.pages.declining import Declining
from gui.pages.request_summary import RequestSummary
from gui.views import display, requests, summary
from gui.views.requests import UNDECIDED, in_owner_words
from gui.views.words import translate
from gui.widgets.camera_strip import CameraStrip
from gui.widgets.kept_copy import KeptCopy
from gui.widgets.labels import PartlyElidedLabel, QuietLabel, plain_label
from gui.widgets.options import Options
from gui.widgets.preview_pane import PreviewPane
from gui.widgets.reason_box import ReasonBox
from gui.widgets.registrations_panel import confirm
from gui.widgets.request_info import RequestInfo
from gui.widgets.sending import action_bar
from gui.widgets.strip_area import StripArea


class FactsArea(QScrollArea):
    """The request's facts: WIDE when the page has room, down to NARROW on a small screen
    (they scroll on their own there)."""

    WIDE, NARROW = 340, 200

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.WIDE, super().sizeHint().height())


class RequestPage(RequestSummary, QWidget):
    """One request under review; emits `started(job, title)` on approve, `decided()` once the
    request it shows was decided."""

    started = Signal(object, str, str)   # the job, the progress page's title, and once sent
    decided = Signal()
    back = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view: RequestView | None = None
        # One line (a small screen needs the room), in which a long case number is cut short
        # before the agency's name, which tells the owner who asks.
        self.title = PartlyElidedLabel(name="pageTitle")
        back = QPushButton(self.tr("\u2190 All requests"))
        back.setObjectName("flat")
        back.clicked.connect(self.back.emit)
        # The lines about the request's safe copy (to delete once it has ended, what it holds
        # not) are among its facts, which scroll, so they leave the timelines their room.
        self.kept = KeptCopy(ctx)
        self.info = RequestInfo(ctx.zone, self.kept)
        self.strip = CameraStrip(ctx)
        self.preview = PreviewPane(ctx)
        self.options = opts = Options(ctx)
        self.audio, self.copy_mode, self.exact_mode = opts.audio, opts.copy_mode, opts.exact_mode
        self.summary = plain_label(name="summary")
        self.notice = plain_label(translate("summary", summary.PUBLIC_RECORD), "notice")
        self.approve_button = QPushButton(self.tr("Approve and send"))
        self.approve_button.setObjectName("primary")
        self.reason = ReasonBox()
        self.reason.setPlaceholderText(self.tr("Reason for saying no (optional)"))
        self.reason.setMinimumWidth(260)
        self.reason.setAccessibleName(self.tr("Reason for saying no (optional)"))
        self.decline_button = QPushButton(self.tr("Decline"))
        self.status = QuietLabel(name="caption")
        self.hint = plain_label(name="hint")
        self.approved = None   # the approval a retry would resume (shown, not changeable)
        self.rechoosing = False   # a failed approval nothing of which left: changeable
        self.sending: tuple[str, str] | None = None   # the request whose approval runs
        self.sending_job = None                           # and that approval's job
        self.declining = Declining(self)   # Decline reads "Stop" while it runs
        self.reason.cut.connect(lambda limit: self.status.setText(self.tr(
            "The reason was cut to {n} characters, the most an agency accepts.").format(n=limit)))
        self.approve_button.clicked.connect(self.approve)
        self.decline_button.clicked.connect(self.decline)
        self.strip.changed.connect(self.refresh_summary)
        self.strip.positionChanged.connect(self.preview.show_at)
        self.preview.reads = self.strip.preview_name   # a held camera's safe copy's pictures
        opts.changed.connect(self.refresh_summary)
        self._layout(back, opts)
        self._show_approval("new")

    def _layout(self, back: QPushButton, opts: QWidget) -> None:
        """Everything the decision needs on one screen, without scrolling, down to 1366x768:
        who asks on the left (scrolling on its own when their message is long), the
        timelines across the right, the preview beside the choices under them, and what
        will leave this PC above the buttons at the bottom."""
        info = FactsArea()
        info.setAccessibleName(self.tr("Who asks and why"))   # Tab stops on it
        info.setObjectName("card")
        info.viewport().setAutoFillBackground(False)   # the card's white shows through
        self.info.setObjectName("cardBody")
        info.setWidgetResizable(True)
        info.setFrameShape(QFrame.NoFrame)
        info.setMinimumWidth(FactsArea.NARROW)
        info.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        info.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        info.setWidget(self.info)
        self.info_scroll = info
        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.hint)
        self.strip_scroll = StripArea(self.strip)   # many cameras: they scroll
        col.addWidget(self.strip_scroll)
        look = QHBoxLayout()
        look.addWidget(self.preview, 1)
        look.addWidget(opts, 0, Qt.AlignTop)
        col.addLayout(look, 1)
        body = QHBoxLayout()
        body.addWidget(info)
        body.addWidget(right, 1)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        outer.addWidget(action_bar(self.tr("What will leave this PC"), self.summary, self.notice,
                                   [self.reason, self.decline_button, self.approve_button]))
        outer.addWidget(self.status)

    # showing -----------------------------------------------------------------------------
    def open(self, view: RequestView, known_cameras: list[str] | None = None,
             now_called: dict[str, str] | None = None) -> None:
        """Show a request; the cameras it names (or all indexed ones) get a timeline.
        `now_called`: what each camera the request names is called now; a camera renamed
        since is its timeline under the request's name, never a second one under its own."""
        if self.view is None or (self.view.id, self.view.agency_id) != (view.id, view.agency_id):
            self.reason.clear()   # a reason typed for one request is never another's
        self.view = view
        self.title.set_parts(self.tr("Request {case} from {agency}"), "case",
                             case=requests.case(view), agency=requests.agency_name(view))
        self.info.show_request(view)
        self.kept.show_for(view)
        cameras = list(view.cameras) or list(known_cameras or [])
        asked = set((now_called or {}).values())
        for cam in known_cameras or []:
            if view.cameras and cam not in cameras and cam not in asked:
                cameras.append(cam)
        # Once approved, the approval is what leaves the PC (a retry resumes it unchanged),
        # unless its delivery stopped before anything of it left: then it may be changed.
        self.rechoosing = view.status == "failed" and view.approval_changeable
        self.approved = None if view.status in UNDECIDED or self.rechoosing else view.approval
        if self.approved is not None:
            cameras += [c for c in self.approved.cameras if c not in cameras]
        self.strip.request = (view.id, view.agency_id)   # its safe copy, recordings gone
        self.strip.set_cameras(cameras, view.window_start_us, view.window_end_us)
        self.options.load_masks(cameras)
        if view.cameras:   # cameras not asked for, or never registered with it, start unticked
            self.strip.start_ticked({c for c in view.cameras if c not in view.unregistered})
        elif view.status in UNDECIDED:   # naming none is no say-so for all: the owner picks
            self.strip.start_ticked(set())
        if self.rechoosing:   # from what was approved, to change
            self.strip.start_from(view.approval)
            self.options.start_from(view.approval)
        self._show_approval(view.status)
        resumable = view.status == "failed"
        self._offer()
        self.approve_button.setText(self.tr("Try sending again") if resumable
                                    else self.tr("Approve and send"))
        self.declining.hold()
        self.status.setText(requests.page_status(view))
        self.refresh_summary()

    # deciding ----------------------------------------------------------------------------
    def approve(self) -> None:
        if self.view is None:
            return
        # The agency as well as the id: two agencies may use the same request id.
        agent, rid, iss, out = self.ctx.agent, self.view.id, self.view.agency_id, self.outgoing()
        name = requests.agency_name(self.view)
        damaged = self.options.accept_dropped
        if self.approved is not None:   # resume exactly what was approved before
            def work(progress, cancel):
                return in_owner_words(agent.requests.approve, rid, progress=progress,
                                      cancel=cancel, accept_dropped=damaged, iss=iss)
            title = self.tr("Sending the approved footage to {agency} again").format(agency=name)
            done = self.tr("Sent the approved footage to {agency} again").format(agency=name)
        else:
            cameras = [p.camera for p in out.parts if p.seconds > 0]
            if not cameras:
                return
            faces, masks = self.options.blur_faces, self.options.use_masks

            def work(progress, cancel):
                return in_owner_words(agent.requests.approve, rid, cameras, out.start_us,
                                      out.end_us, out.mode, out.keep_audio, progress, cancel,
                                      blur_faces=faces, masks=masks, accept_dropped=damaged,
                                      iss=iss)
            title = self.tr("Sending {duration} of footage to {agency}").format(
                duration=display.duration(out.seconds), agency=name)
            done = self.tr("Sent {duration} of footage to {agency}").format(
                duration=display.duration(out.seconds), agency=name)
        self._busy(True)
        self.sending = (rid, iss)

        def sent(result) -> None:
            self.sending = None
            self.finished((rid, iss))

        def not_sent(message: str) -> None:
            self.sending = None
            self.failed(message)
        self.sending_job = job = self.ctx.bridge.run("approve", work, sent, not_sent)
        self.started.emit(job, title, done)

    def decline(self) -> None:
        if self.declining.job is not None:
            return self.declining.stop()
        if self.view is None:
            return
        reason = self.reason.text().strip()
        if self.view.status not in UNDECIDED and not confirm(
                self, self.tr("Withdraw your approval?"), self.tr(
                    "You approved sending footage to {agency}, but it has not all arrived. "
                    "If you decline now, your approval is withdrawn and nothing more will be "
                    "sent: what was already uploaded is taken back, and the copies made for "
                    "the agency are removed from this PC. Your recordings are kept.").format(
                    agency=requests.agency_name(self.view))
                + (" " + requests.kept_when_withdrawn(self.view)).rstrip()):
            return
        self._busy(True)
        self.declining.start(self.view, reason or None)

    def _busy(self, busy: bool) -> None:
        for w in (self.approve_button, self.decline_button, self.reason):
            w.setEnabled(False)
        if not busy:
            self.declining.ended()
            self.decline_button.setText(self.tr("Decline"))
        if not busy and self.view is not None:
            self._offer()
            self.refresh_summary()
        self.status.setText(self.tr("Working\u2026") if busy else "")

    def idle(self) -> None:
        """No job of the page runs any more: the request shown offers what it may."""
        self._busy(False)

    def shows(self, request: tuple[str, str]) -> bool:
        """Whether the page shows `request` (its id and agency id)."""
        return self.view is not None and (self.view.id, self.view.agency_id) == request

    def finished(self, request: tuple[str, str]) -> None:
        """`request` was decided: `decided` only while the page still shows it, since the
        owner may have opened another request meanwhile (a withdrawal waits for the portal)."""
        self._busy(False)
        if self.shows(request):
            self.decided.emit()

    def failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(self.tr("That did not work: {problem}").format(problem=message))
