"""A page part that scrolls when the window is smaller than it (a 1024x600 screen), so the
buttons kept outside it (Back, Next, Save) stay in reach."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolled(widget: QWidget, name: str) -> QScrollArea:
    """`widget` in a frameless vertical scroll area that takes its width and, when there is
    room, its whole height (no scroll bar then). Tab stops on the area (its arrows scroll), so
    it has a `name` for a screen reader to say."""
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
    area.viewport().setAutoFillBackground(False)   # the page's background shows through
    area.setWidget(widget)
    return area


def scrolling_body(owner: QWidget, name: str) -> QWidget:
    """A body for `owner` to lay its contents out on, which scrolls when `owner` is smaller
    than they are (a set-up step above the page's Back and Next); `name` is the area's."""
    body = QWidget()
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolled(body, name))
    return body
