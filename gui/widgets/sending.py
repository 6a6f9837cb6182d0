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
    """The always-visible bottom of a page: what would happen on the left; the notice (shared
    footage can become a public record) above the controls that do it on the right, the last
    control (the main action) beside the one before it."""
    bar = QFrame()
    bar.setObjectName("leaves")
    line = QHBoxLayout(bar)
    text = QVBoxLayout()
    text.addWidget(plain_label(title, "sectionTitle"))
    text.addWidget(summary_label)
    text.addStretch(1)
    line.addLayout(text, 1)
    side = QVBoxLayout()
    if notice is not None:
        notice.setFixedWidth(440)   # three lines, not five: the bar stays low
        side.addWidget(notice)
    side.addStretch(1)
    *first, last = controls
    for w in first[:-1]:
        side.addWidget(w)
    buttons = QHBoxLayout()
    if first:
        buttons.addWidget(first[-1])
    buttons.addWidget(last)
    side.addLayout(buttons)
    line.addLayout(side)
    return bar
