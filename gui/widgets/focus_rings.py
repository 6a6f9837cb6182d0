"""The focus shown on the parts Tab stops on that the style sheet draws no focus for: the
frameless scroll areas (a page's body, the request's facts, the camera strip) and the
read-only text boxes (the agency's message). A ring is drawn over such a part while it has
the focus, as a child on top of it, so it takes no room: the Spanish request page at 1024x520
has none to spare (tests/test_gui_fit.py). GUI hunt: Tab went to them and the focus seemed
to vanish."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QWidget

RING_PX = 2


def ringed(widget: QWidget | None) -> bool:
    """Whether `widget` gets a ring when it has the focus (the style sheet draws none)."""
    return isinstance(widget, QScrollArea) or (isinstance(widget, QPlainTextEdit)
                                               and widget.isReadOnly())


class _Ring(QWidget):
    """A ring over its parent, the size of it, shown while the parent has the focus; clicks
    go through it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.NoFocus)
        parent.installEventFilter(self)
        self.hide()

    def follow(self) -> None:
        """Over the whole parent, on top of its children; seen only while it has the focus."""
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        self.raise_()
        self.setVisible(parent.hasFocus())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Resize and watched is self.parentWidget():
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        # The colour of the other focus borders (the style sheet's #1d4f86 is the light
        # palette's link colour); with high contrast, the system's.
        painter.setPen(QPen(self.palette().color(QPalette.Link), RING_PX))
        half = RING_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


class FocusRings(QObject):
    """Follows the focus through the app (QApplication.focusChanged, no event filter on every
    event) and shows the ring of the part that has it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        QApplication.instance().focusChanged.connect(self._moved)

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        for widget in (old, new):
            if ringed(widget):
                ring = widget.findChild(_Ring, options=Qt.FindDirectChildrenOnly) or _Ring(widget)
                ring.follow()
