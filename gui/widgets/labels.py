"""Labels for text the app did not write itself (a request's message, a file name, an error):
plain text only, never rich text, never a link that opens by itself, and whatever they are
given passes the display sanitiser (agent.views.multi_line) so no control, bidirectional or
zero-width character reaches the screen. One-line fields are made one line where they are
worded (gui/views/), so a newline in a name cannot start a line of its own."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem

from agent.views import multi_line, one_line


class PlainLabel(QLabel):
    """A QLabel whose text always passes the display sanitiser."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(multi_line(text))


def cell(text: str) -> QTableWidgetItem:
    """A table cell: one line, sanitised."""
    return QTableWidgetItem(one_line(text))


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that never interprets its text as rich text or opens links."""
    label = PlainLabel()
    label.setTextFormat(Qt.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label
