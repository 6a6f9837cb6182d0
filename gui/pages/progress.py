"""Progress of an export or a delivery, with Cancel, then what came of it (the receipt).

The page follows one job by its id through the bridge's signals; it never waits on the job.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.views.outcomes import package_path, result_text, stage_text, stopped_text
from gui.views.shown import shown, shown_lines, shown_path
from gui.views.words import sentence_start
from gui.widgets.labels import WrappedText, plain_label


class ProgressPage(QWidget):
    """Follows one job; `closed` when the owner leaves the page after it ended."""

    closed = Signal()
    # (title, text) of a job that ended, as the page shows it: the tray says it when the
    # window is out of sight (gui/shell/main_window.py)
    ended = Signal(str, str)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.done_title = ""
        self.finished_ok: bool | None = None
        self.title = plain_label(name="pageTitle")
        self.stage = plain_label()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.result = WrappedText(name="receipt")   # a package's path is one long word
        self.note = plain_label()   # where a folder the desktop could not open is
        self.note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.note.hide()
        # A folder's path is one long word: the title or a note naming one cuts it at its edge
        # rather than widen the page past the window (the outcome above wraps it whole).
        for label in (self.title, self.note):
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.done_button = QPushButton(self.tr("Back"))
        self.done_button.setObjectName("primary")
        # An export by hand is for handing over: its folder, in the system's file manager.
        self.open_button = QPushButton(self.tr("Open the folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.cancel_button.clicked.connect(self.cancel)
        self.done_button.clicked.connect(self.closed.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.done_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(40, 40, 40, 40)
        box.addWidget(self.title)
        box.addSpacing(16)
        box.addWidget(self.stage)
        box.addWidget(self.bar)
        box.addSpacing(16)
        box.addWidget(self.result)
        box.addWidget(self.note)
        box.addStretch(1)
        box.addLayout(buttons)
        ctx.bridge.jobProgress.connect(self._progress)
        ctx.bridge.jobFinished.connect(self._finished)

    def track(self, job, title: str, done: str = "") -> None:
        """Follow `job` (an agent Job) from now on, the page titled `title` ("Sending 36 s of
        footage to ...") while it runs and `done` ("Sent ...") once it has done it: a title
        still saying "Sending" above "Finished" told a screen reader it was still under way.
        One that stopped keeps `title`, the task it did not finish."""
        self.job, self.finished_ok, self.done_title = job, None, done or title
        self.title.setText(title)
        self.bar.setAccessibleName(title)   # a screen reader says whose progress it is
        self.stage.setText(self.tr("Starting\u2026"))
        self.bar.setValue(0)
        self.result.setText(
            self.tr("You can cancel at any time; a package is kept only once it is complete.")
            if job.name == "export" else   # an export by hand sends nothing at all
            self.tr("You can cancel at any time; nothing is sent until the end."))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.done_button.hide()
        self.open_button.hide()
        self.note.hide()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A button outside a dialog takes Space only: Enter, as the owner expects, leaves too.
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.done_button.isVisible():
            self.done_button.click()
        else:
            super().keyPressEvent(event)

    def cancel(self) -> None:
        if self.job is not None and self.finished_ok is None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.stage.setText(self.tr("Stopping\u2026"))

    def _progress(self, job_id: str, stage: str, fraction: float) -> None:
        if self.job is None or job_id != self.job.id or self.finished_ok is not None:
            return
        self.stage.setText(stage_text(stage))
        self.bar.setValue(int(fraction * 1000))

    def _finished(self, job_id: str, ok: bool, message: str) -> None:
        if self.job is None or job_id != self.job.id:
            return
        self.finished_ok = ok
        self.cancel_button.hide()
        self.done_button.show()
        self._say_outcome(ok, message)
        # The outcome rides on Back, where the focus goes (Enter or Space leaves, as a click):
        # a screen reader says it as the focus arrives.
        self.done_button.setAccessibleDescription(f"{self.stage.text()}. {self.result.text()}")
        self.done_button.setFocus(Qt.OtherFocusReason)
        self.ended.emit(self.title.text(), f"{self.stage.text()}. {self.result.text()}")

    def _say_outcome(self, ok: bool, message: str) -> None:
        """The stage and result lines for a job that ended: finished, cancelled or failed."""
        if ok:
            self.bar.setValue(1000)
            self.stage.setText(self.tr("Finished"))
            if getattr(self.job.result, "status", "delivered") == "delivered":   # sent whole
                self.title.setText(self.done_title)
                self.bar.setAccessibleName(self.done_title)
            self.result.setText(result_text(self.job.result))
            self.open_button.setVisible(self.packages_folder() is not None)
            return
        by_hand = self.job.name == "export"   # an export by hand sends nothing; a request's does
        finished = getattr(self.job.error, "finished", ())
        self.open_button.setVisible(self.packages_folder() is not None)   # the kept ones
        if self.job.cancelled:
            self.stage.setText(self.tr("Cancelled"))
            self.result.setText(stopped_text(by_hand, True, finished))
        else:
            self.stage.setText(self.tr("It did not work"))
            said = sentence_start(message)   # the core's words start in lower case
            self.result.setText(shown_lines([said] + ([stopped_text(by_hand, False, finished)]
                                                      if finished else [])))

    def packages_folder(self) -> Path | None:
        """The folder an export by hand put its packages in (those finished before it
        stopped, for one that did not finish), or None when it wrote none."""
        if self.job is None or self.job.name != "export" or self.finished_ok is None:
            return None
        done = self.job.result if self.finished_ok else getattr(self.job.error, "finished", ())
        items = done if isinstance(done, (list, tuple)) else ()
        paths = [package_path(item) for item in items]
        return Path(paths[0]).parent if paths and paths[0] else None

    def open_folder(self) -> None:
        """Show the packages' folder in the system's file manager (Explorer, Finder, ...)."""
        folder = self.packages_folder()
        if folder is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            # no file manager to open it with (a Linux desktop without one): never a button
            # that does nothing
            self.note.setText(shown(self.tr("This computer could not open the folder; it is "
                                            "{folder}"), folder=shown_path(str(folder))))
            self.note.show()
