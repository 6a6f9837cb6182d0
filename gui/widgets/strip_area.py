"""The area the camera strip scrolls in, when it holds more cameras than the page has room
for (an NVR's channels)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


class StripArea(QScrollArea):
    """A strip that scrolls when it holds more cameras than the page has room for (an NVR's
    eight channels): as tall as all of them when there is room, and never lower than its
    first ROWS rows (the all box's counts: a small screen shows it and one camera), so a page
    keeps its decision in reach whatever a request names."""

    ROWS = 2

    def __init__(self, strip, parent: QWidget | None = None):
        super().__init__(parent)
        self.strip = strip
        strip.tab_anchor = self   # Tab goes from this area to its cameras
        self.setAccessibleName(self.tr("Your cameras at this time"))
        self.setWidget(strip)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)   # the page's background shows through
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        # Rows scrolled into view get their thumbnails then (strip_thumbnails).
        self.verticalScrollBar().valueChanged.connect(lambda _v: strip.thumbnails.load_in_view())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # a taller area shows more rows, and taller ones: tall enough to draw their pictures
        self.strip.thumbnails.load_in_view()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.strip and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()   # other cameras: the page lays out this area anew
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.strip.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        whole = self.strip.minimumSizeHint()
        rows = [self.strip.layout().itemAt(i).widget() for i in range(self.strip.layout().count())]
        if len(rows) <= self.ROWS:
            return whole
        spacing = self.strip.layout().spacing()
        shown = sum(r.minimumSizeHint().height() for r in rows[:self.ROWS])
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(whole.width() + scroll_bar, shown + spacing * (self.ROWS - 1))
