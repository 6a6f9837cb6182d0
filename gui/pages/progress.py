"""Progress of an export or a delivery, with Cancel, then what came of it (the receipt).

The page follows one job by its id through the bridge's signals; it never waits on the job.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from gui.views import display
from gui.widgets.labels import plain_label

STAGES = {
    "planning": "Finding the recordings",
    "cutting": "Cutting the footage",
    "checking": "Checking every frame is inside the approved time",
    "hashing sources": "Fingerprinting the original recordings",
    "sealing": "Sealing and signing the package",
    "uploading": "Sending",
    "done": "Finished",
}


def stage_text(stage: str) -> str:
    """A job stage in plain words ('porch: cutting' -> 'porch: Cutting the footage')."""
    camera, _, rest = stage.rpartition(": ")
    words = STAGES.get(rest, rest[:1].upper() + rest[1:])
    return f"{camera}: {words}" if camera else words


def result_text(result) -> str:
    """What the finished job produced, in a few lines."""
    if hasattr(result, "deliveries"):   # a request answered through the desk
        return delivery_text(result)
    items = result if isinstance(result, (list, tuple)) else [result]
    lines = []
    for item in items:
        package = getattr(item, "package", None)
        path = getattr(package, "path", None) or package
        if path:
            lines.append(f"Sealed and signed package: {path}")
        receipt = getattr(item, "receipt", None)
        if receipt:
            lines.append("The agency's signed receipt was checked and saved.")
        sha = getattr(item, "clip_sha256", None) or getattr(item, "sha256", None)
        if sha:
            lines.append(f"Fingerprint (SHA-256): {sha}")
    return "\n".join(lines) or "Done."


def delivery_text(view) -> str:
    """What was delivered for a request, camera by camera."""
    lines = []
    for d in view.deliveries:
        state = ("sent; the agency's signed receipt matches what was sent" if d.receipt
                 else "sent" if d.upload_url else "packaged, not sent yet")
        lines.append(f"{d.camera}: {display.size(d.size)} {state}.\n  Package: {d.package}"
                     f"\n  Fingerprint (SHA-256): {d.sha256}")
    head = {"delivered": "Delivered.", "failed": "Not finished: " + view.reason}.get(
        view.status, display.STATUS.get(view.status, view.status) + ".")
    return "\n".join([head] + lines)


class ProgressPage(QWidget):
    """Follows one job; `closed` when the owner leaves the page after it ended."""

    closed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.finished_ok: bool | None = None
        self.title = plain_label(name="pageTitle")
        self.stage = plain_label()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.result = plain_label(name="receipt")
        self.cancel_button = QPushButton("Cancel")
        self.done_button = QPushButton("Back")
        self.done_button.setObjectName("primary")
        self.cancel_button.clicked.connect(self.cancel)
        self.done_button.clicked.connect(self.closed.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
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
        box.addStretch(1)
        box.addLayout(buttons)
        ctx.bridge.jobProgress.connect(self._progress)
        ctx.bridge.jobFinished.connect(self._finished)

    def track(self, job, title: str) -> None:
        """Follow `job` (an agent Job) from now on."""
        self.job, self.finished_ok = job, None
        self.title.setText(title)
        self.stage.setText("Starting\u2026")
        self.bar.setValue(0)
        self.result.setText("You can cancel at any time; nothing is sent until the end.")
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.done_button.hide()

    def cancel(self) -> None:
        if self.job is not None and self.finished_ok is None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.stage.setText("Stopping\u2026")

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
        if ok:
            self.bar.setValue(1000)
            self.stage.setText("Finished")
            self.result.setText(result_text(self.job.result))
        elif self.job.cancelled:
            self.stage.setText("Cancelled")
            self.result.setText("Stopped. Nothing was sent, and no partial package was kept.")
        else:
            self.stage.setText("It did not work")
            self.result.setText(message)
