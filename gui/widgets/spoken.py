"""What a screen reader says without the focus moving: a status line's new words (a check that
found nothing new, a folder that could not be read, masks saved) and a request that just came
in. Qt passes the announcement to the platform's reader (UI Automation's notification on
Windows, AT-SPI on Linux); with no reader listening it does nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from gui.widgets.labels import PlainLabel


def say(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` (politely: after what it is saying now)."""
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


class StatusLabel(PlainLabel):
    """A page's status line: plain text, and each new thing it says is said aloud too (the
    owner who cannot see the line would otherwise never learn of it)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        before = self.text()
        super().setText(text)
        if self.text() != before and self.isVisible():
            say(self, self.text())


def status_label() -> StatusLabel:
    """A status line (a caption) that never reads its text as rich text or opens links."""
    label = StatusLabel()
    label.setTextFormat(Qt.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setObjectName("caption")
    return label
