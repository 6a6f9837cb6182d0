"""Labels for text the app did not write itself (a request's message, a file name, an error):
plain text only, never rich text, never a link that opens by itself."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that never interprets its text as rich text or opens links."""
    label = QLabel()
    label.setTextFormat(Qt.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label
