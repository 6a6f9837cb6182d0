"""The bottom of the review pages (a request, a manual export): what the chosen cameras, the
selection and the options would send, and the always-visible bar that says it above the
buttons that do it."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from gui.views import summary
from gui.widgets.camera_strip import CameraStrip
from gui.widgets.labels import plain_label
from gui.widgets.options import Options


def outgoing(strip: CameraStrip, options: Options) -> summary.Outgoing:
    """What the strip's selection and the options would send (shared with manual export)."""
    start, end = strip.selection()
    chosen = strip.chosen()
    options.set_chosen(chosen)
    return summary.outgoing(strip.chosen_coverages(), start, end, options.mode,
                            options.audio.isChecked(), strip.keyframes,
                            options.redactions(chosen))


def action_bar(title: str, summary_label, notice, controls: list[QWidget]) -> QFrame:
    """The always-visible bottom of a page: what would happen, and the buttons that do it."""
    bar = QFrame()
    bar.setObjectName("leaves")
    line = QHBoxLayout(bar)
    text = QVBoxLayout()
    text.addWidget(plain_label(title, "sectionTitle"))
    text.addWidget(summary_label)
    if notice is not None:
        text.addWidget(notice)
    line.addLayout(text, 1)
    side = QVBoxLayout()
    side.addStretch(1)
    for w in controls:
        side.addWidget(w)
    line.addLayout(side)
    return bar
