"""The bottom of the review pages (a request, a manual export): what the chosen cameras, the
selection and the options would send, and the always-visible bar that says it above the
buttons that do it."""
from __future__ import annotations

from PySide6.QtCore import QEvent
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
    return summary.outgoing(strip.chosen_sums(), start, end, options.mode,
                            options.audio.isChecked(), strip.keyframes,
                            options.redactions(chosen), options.unreadable_masks(chosen),
                            options.masked_cameras(chosen), options.drawn_on(chosen),
                            options.shown_on(chosen))


class ActionBar(QFrame):
    """The always-visible bottom of a page: what would happen on the left; the notice (shared
    footage can become a public record) above the controls that do it on the right, the last
    control (the main action) beside the one before it.

    The notice takes the width, between NOTICE_NARROW and NOTICE_WIDE, that keeps the bar
    lowest: wide (three lines) when there is room, narrower on a small screen, where the
    summary beside it would otherwise wrap onto more lines than the notice gains."""

    NOTICE_WIDE, NOTICE_NARROW, STEP = 440, 280, 20

    def __init__(self, title: str, summary_label, notice, controls: list[QWidget]):
        super().__init__()
        self.setObjectName("leaves")
        self.summary, self.notice = summary_label, notice
        self._fitted_for = None
        self.heading = plain_label(title, "sectionTitle")
        line = QHBoxLayout(self)
        line.setContentsMargins(8, 4, 8, 6)   # low: a small screen needs the room above it
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(summary_label)
        text.addStretch(1)
        line.addLayout(text, 1)
        side = QVBoxLayout()
        if notice is not None:
            notice.setFixedWidth(self.NOTICE_WIDE)   # until the bar knows its width
            side.addWidget(notice)
        side.addStretch(1)
        *first, last = controls
        self.rows = [[w] for w in first[:-1]] + [first[-1:] + [last]]
        for w in first[:-1]:
            side.addWidget(w)
        buttons = QHBoxLayout()
        if first:
            buttons.addWidget(first[-1])
        buttons.addWidget(last)
        side.addLayout(buttons)
        line.addLayout(side)

    def event(self, event) -> bool:
        # A new width, or a new summary (its lines change): the best notice width changes.
        if event.type() in (QEvent.Resize, QEvent.LayoutRequest):
            self._fit_notice()
        return super().event(event)

    def _fit_notice(self) -> None:
        if self.notice is None:
            return
        margins, spacing = self.layout().contentsMargins(), self.layout().spacing()
        room = self.width() - margins.left() - margins.right() - spacing
        # Chosen once per width and summary: a label's height for a width is not always the
        # same after the layout has moved it, and choosing again would make the bar flicker.
        fitted_for = (room, self.summary.text())
        if fitted_for != self._fitted_for:
            self._fitted_for = fitted_for
            self.notice.setFixedWidth(self.notice_width(room))

    def notice_width(self, room: int) -> int:
        """The notice's width (of `room`, shared with the summary) that makes the taller of
        the two columns the lowest; the widest such."""
        spacing = self.layout().spacing()
        right_extra = sum(max(w.sizeHint().height() for w in row) + spacing for row in self.rows)

        def height(width: int) -> int:
            text = room - width
            return max(self.heading.heightForWidth(text) + spacing
                       + self.summary.heightForWidth(text),
                       right_extra + self.notice.heightForWidth(width))
        widths = range(self.NOTICE_WIDE, self.NOTICE_NARROW - 1, -self.STEP)
        return min(widths, key=lambda w: (height(w), -w))


def action_bar(title: str, summary_label, notice, controls: list[QWidget]) -> QFrame:
    """The always-visible bottom of a page (an ActionBar)."""
    return ActionBar(title, summary_label, notice, controls)
