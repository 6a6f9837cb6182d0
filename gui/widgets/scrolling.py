"""A page part that scrolls when the window is smaller than it (a 1024x600 screen), so the
buttons kept outside it (Back, Next, Save) stay in reach."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless vertical scroll area that takes its width and, when there is
    room, its whole height (no scroll bar then)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
    area.viewport().setAutoFillBackground(False)   # the page's background shows through
    area.setWidget(widget)
    return area


def scrolling_body(owner: QWidget) -> QWidget:
    """A body for `owner` to lay its contents out on, which scrolls when `owner` is smaller
    than they are (a set-up step above the page's Back and Next)."""
    body = QWidget()
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolled(body))
    return body
