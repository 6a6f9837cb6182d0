"""Exporting by hand (for a detective at the door, an insurer, a USB stick): pick cameras and a
time on the same timelines as a request, choose a folder, get signed packages there."""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agent.views import NotAFolderPath, drive_rooted
from gui.views import display, shown, summary
from gui.views.core_words import said_once
from gui.views.outcomes import PartlyExported
from gui.views.times import US, wall_us
from gui.views.typed_paths import typed_path
from gui.views.words import sentence_start
from gui.widgets import kept_choices
from gui.widgets.camera_strip import CameraStrip
from gui.widgets.labels import plain_label
from gui.widgets.options import Options
from gui.widgets.preview_pane import PreviewPane
from gui.widgets.sending import action_bar, outgoing
from gui.widgets.spoken import status_label
from gui.widgets.strip_area import StripArea
from gui.widgets.time_pass import TimePass


def recent_range(agent, cameras: list[str], now_us: int) -> tuple[int, int] | None:
    """The last five recorded minutes of the past week (less when less was recorded)."""
    rows = [r for cam in cameras for r in agent.recordings(cam, now_us - 7 * 86400 * US,
                                                           now_us + 86400 * US)
            if r.start_us is not None and r.end_us is not None]
    if not rows:
        return None
    end = max(r.end_us for r in rows)
    return max(end - 300 * US, min(r.start_us for r in rows)), end


class ExportPage(QWidget):
    started = Signal(object, object, object)   # the job, the page's titles (Shown: not str)
    running = Signal()   # Export pressed while its export runs: its progress is shown

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None   # its export while it runs
        self.cameras: list[str] = []
        self.start_edit, self.end_edit = self._time_edit(), self._time_edit()
        self.start_edit.setAccessibleName(self.tr("From"))
        self.end_edit.setAccessibleName(self.tr("To"))
        for edit in (self.start_edit, self.end_edit):   # Enter, or going on to Export
            edit.editingFinished.connect(self.apply_typed)
        # Which 01:30, where the clocks going back repeat the hour the time typed lies in
        self.start_pass = TimePass(self.start_edit, ctx.zone, self.tr("From"))
        self.end_pass = TimePass(self.end_edit, ctx.zone, self.tr("To"))
        for chooser in (self.start_pass, self.end_pass):
            chooser.activated.connect(lambda _index: self.apply_typed())
        self.show_button = show = QPushButton(self.tr("Show this time"))
        show.clicked.connect(self.show_range)
        self.strip = CameraStrip(ctx)
        self.preview = PreviewPane(ctx)
        self.options = opts = Options(ctx)
        self.audio, self.copy_mode, self.exact_mode = opts.audio, opts.copy_mode, opts.exact_mode
        # The name in the owner's language until the page has looked at the disk (load).
        self._exports_name = self.tr("Footage exports")
        self.default_folder = str(Path.home() / self._exports_name)
        self.folder = QLineEdit(self.default_folder)
        self.folder.setAccessibleName(self.tr("Save in"))
        choose = QPushButton(self.tr("Choose\u2026"))
        choose.setAccessibleName(self.tr("Choose the folder\u2026"))
        choose.clicked.connect(self.choose_folder)
        self.summary = plain_label(name="summary")
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export)
        self.status = status_label()
        self.strip.changed.connect(self.refresh_summary)
        self.strip.positionChanged.connect(self.preview.show_at)
        opts.changed.connect(self.refresh_summary)
        self.folder.textChanged.connect(self.refresh_summary)
        when = QHBoxLayout()
        self.zone = plain_label(name="caption")   # the times are typed in the owner's zone
        # "PST, America/Los_Angeles" on one line where there is room, else two: never wider
        # than the page (a small screen in Spanish scrolled sideways)
        self.zone.setWordWrap(True)
        for label, edit, chooser in ((self.tr("From"), self.start_edit, self.start_pass),
                                     (self.tr("to"), self.end_edit, self.end_pass)):
            when.addWidget(QLabel(label))
            box = QVBoxLayout()   # the choice of a repeated hour under its time: no wider
            box.addWidget(edit)
            box.addWidget(chooser)
            when.addLayout(box)
        when.addWidget(self.zone, 1)   # the room left: it wraps only when there is none
        when.addWidget(show)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Save in")))
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(plain_label(self.tr("Export a clip by hand"), "pageTitle"))
        col.addWidget(plain_label(self.tr("Each camera becomes a sealed, signed evidence package "
                                          "in the folder you choose. Nothing is "
                                          "uploaded."), "hint"))
        col.addWidget(plain_label(self.tr(
            "Each clip carries Content Credentials signed by your own key: validators will "
            "show them as untrusted, since no agency vouches for a clip exported by hand."),
            "hint"))
        col.addLayout(when)
        self.strip_scroll = StripArea(self.strip)   # many cameras: they scroll
        col.addWidget(self.strip_scroll)
        side = QVBoxLayout()   # the preview beside the choices, as on a request's page
        side.addWidget(opts)
        side.addLayout(where)
        side.addStretch(1)
        look = QHBoxLayout()
        look.addWidget(self.preview, 1)
        look.addLayout(side)
        col.addLayout(look, 1)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Export a clip by hand"))   # Tab stops on it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(action_bar(self.tr("What will be written"), self.summary, None,
                                   [self.status, self.export_button]))

    def _time_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setTimeZone(QTimeZone(QTimeZone.UTC))   # holds the owner's wall time as written
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        edit.setCalendarPopup(True)
        return edit

    # times are shown as wall time in the owner's zone -------------------------------------
    def set_time(self, edit: QDateTimeEdit, us: int) -> None:
        t = display.local(us, self.ctx.zone)
        self.zone.setText(display.zone_words(us, self.ctx.zone))
        # Which pass of an hour the clocks going back repeat: a QDateTime holds no such thing.
        edit.setProperty("fold", t.fold)
        edit.setDateTime(QDateTime(QDate(t.year, t.month, t.day),
                                   QTime(t.hour, t.minute, t.second), QTimeZone(QTimeZone.UTC)))
        (self.start_pass if edit is self.start_edit else self.end_pass).follow()   # the same
        # wall time's other pass changes no date or time the box would signal

    def time_of(self, edit: QDateTimeEdit, fold: int | None = None) -> int:
        """The instant `edit` shows; `fold` 1 reads a time the clocks going back repeat as
        its second pass (else the pass shown or chosen beside it: TimePass)."""
        d, t = edit.dateTime().date(), edit.dateTime().time()
        return wall_us(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                       self.ctx.zone, int(edit.property("fold") or 0) if fold is None else fold)

    def typed_window(self) -> tuple[int, int]:
        """From and To as instants. A To that comes before the From read on the first pass of
        the hour the clocks going back repeat, and after it on the second (01:50 PDT to
        01:10), is the second: the only reading in which the window is one, and no other way
        to type a time past the change into that hour."""
        start, end = self.time_of(self.start_edit), self.time_of(self.end_edit)
        if end <= start:
            end = max(end, self.time_of(self.end_edit, fold=1))
        return start, end

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Find the cameras and show the last five recorded minutes, and offer the folder
        the last export was saved in."""
        agent, now, named = self.ctx.agent, int(time.time() * US), self._exports_name

        def work():
            cams = agent.cameras()
            folder = (kept_choices.export_folder(agent.home) or
                      str(kept_choices.default_export_folder(Path.home(), named)))
            return cams, recent_range(agent, cams, now), folder
        self.ctx.bridge.call("cameras", work, lambda r: self._loaded(*r), self._load_failed)

    def _load_failed(self, message: str) -> None:
        """The cameras cannot be listed (an index that cannot be opened): an empty page whose
        Export cannot be pressed, saying why, rather than times of the year 2000."""
        self._loaded([], None)
        self.status.setText(sentence_start(said_once(message)))

    def _loaded(self, cameras: list[str], span: tuple[int, int] | None,
                last_folder: str | None = None) -> None:
        self.cameras = cameras
        if last_folder and self.folder.text() == self.default_folder:   # never what they typed
            self.folder.setText(last_folder)
        now = int(time.time() * US)
        start, end = span or (now - 300 * US, now)
        self.set_time(self.start_edit, start)
        self.set_time(self.end_edit, end)
        self.show_range()
        if not cameras:   # else an empty page, and "no camera chosen" with none to choose
            self.status.setText(self.tr("There are no recordings to export yet: add the folder "
                                        "your recorder writes to under Set up."))
            self.preview.say(self.status.text())   # where the owner looks, not only beside Export

    def show_range(self) -> None:
        start, end = self.typed_window()
        if end <= start:
            self.status.setText(self.tr("The end must come after the start."))
            return
        self.status.setText("")
        for edit, us in ((self.end_edit, end), (self.start_edit, start)):
            self.set_time(edit, us)   # a time the clocks skipped shows as the one it is read as
        self.zone.setText(display.window_zone_words(start, end, self.ctx.zone))   # as read
        self.strip.set_cameras(self.cameras, start, end)
        self.options.load_masks(self.cameras)
        self.refresh_summary()

    def apply_typed(self) -> None:
        """Show the times typed, once the owner presses Enter or leaves the box: what the
        timelines show, the summary says and Export writes is never another window than the
        one beside them. Times left as they were keep the cameras and trims chosen."""
        if self.typed_window() != (self.strip.start_us, self.strip.end_us):
            self.show_range()

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Save the packages in"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)

    def outgoing(self) -> summary.Outgoing:
        return outgoing(self.strip, self.options)

    def refresh_summary(self) -> None:
        out = self.outgoing()
        self.preview.set_redaction(self.options.use_masks, self.options.blur_faces)
        recipient = shown.shown(self.tr("the folder {folder}"),
                                folder=shown.shown_path(typed_path(self.folder.text())))
        said = (summary.lines(out, recipient, self.ctx.zone) if out.parts else
                [self.tr("No camera is chosen, so nothing will be written.")])   # nor sent
        self.summary.setText(shown.shown_lines(said))   # camera names isolated
        self.export_button.setEnabled(out.seconds > 0)

    def _ended(self, _outcome) -> None:
        self.job = None

    def export(self) -> None:
        if self.job is not None:   # one at a time: a second one left the first's unseen
            self.running.emit()
            return
        out = self.outgoing()
        cameras = [p.camera for p in out.parts if p.seconds > 0]
        typed = typed_path(self.folder.text())
        try:   # `E:` is the drive's root; `\\nas` alone is no folder
            folder = Path(drive_rooted(typed))
        except NotAFolderPath:
            folder = None
        if not cameras:
            return
        if not typed or folder is None or not folder.is_absolute():   # not the app's folder
            self.status.setText(self.tr("Choose the folder to save the packages in: press "
                                        "Choose\u2026, or type the whole folder (such as {example})."
                                        ).format(example=self.default_folder))
            return
        agent, faces, masks = self.ctx.agent, self.options.blur_faces, self.options.use_masks
        damaged = self.options.accept_dropped

        def work(progress, cancel):
            results = []
            # Every camera's clip against the drive first: none refused after others were cut.
            agent.check_drive_holds(cameras, out.start_us, out.end_us, folder,
                                    keep_audio=out.keep_audio, masks=masks,
                                    blur_faces=faces, progress=progress, cancel=cancel)
            try:
                for n, cam in enumerate(cameras):
                    part = (lambda stage, f, n=n, cam=cam:   # outcomes.stage_text reads it
                            progress(f"{cam} ({n + 1} of {len(cameras)}): {stage}",
                                     (n + f) / len(cameras)))
                    try:
                        results.append(agent.export(cam, out.start_us, out.end_us, folder,
                                                    mode=out.mode, keep_audio=out.keep_audio,
                                                    progress=part, cancel=cancel,
                                                    blur_faces=faces, masks=masks,
                                                    accept_dropped=damaged))
                    except Exception as exc:   # the packages finished before it stay: say so
                        if not results:
                            raise
                        raise PartlyExported(str(exc), tuple(results)) from exc
            finally:
                if results:   # a folder a package went into is offered next time
                    kept_choices.keep_export_folder(agent.home, str(folder))
            return results
        self.job = job = self.ctx.bridge.run("export", work, self._ended, self._ended)
        took, into = display.duration(out.seconds), shown.shown_path(folder)   # left to right
        self.started.emit(job, shown.shown(self.tr("Exporting {duration} to {folder}"),
                                           duration=took, folder=into),
                          shown.shown(self.tr("Exported {duration} to {folder}"),
                                      duration=took, folder=into))
