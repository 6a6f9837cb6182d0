"""Where the pages are shown: a page wider or taller than the window (large system text on a
small screen) scrolls inside it, rather than making the window larger than the screen, which
put Approve and send, Export or Next beyond its edge."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QFrame, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
                               QWidgetItem)


class PageStack(QStackedWidget):
    """The pages, one at a time, asking for the room the page shown needs (a stack asks for
    its largest page's, and a page not shown should never make the window scroll)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        # as a layout reads it (its own minimum size and size policy counted)
        return QWidgetItem(page).minimumSize() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        # A scroll area would make the page as tall as its wrapped text asks at that width,
        # scrolling what a window shares out among its parts (the request's facts scroll on
        # their own): the page takes the window's height, as it did without the area.
        return False

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # the area around takes the new page's needs
        self.currentChanged.connect(lambda _index: self.updateGeometry())


def page_area(stack: PageStack) -> QScrollArea:
    """`stack` filling a frameless area that scrolls only when the window is smaller than the
    page shown needs. The area takes no focus itself: Tab goes on to the page's controls, and
    the area scrolls to each one Tab reaches."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setFocusPolicy(Qt.NoFocus)
    area.viewport().setAutoFillBackground(False)   # the pages' own background shows
    # The area asks its widget's layout whether height follows width: a plain holder's layout
    # asks the stack, which says no.
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(stack)
    area.setWidget(holder)
    return area
