"""A row of buttons that goes on to a second row where the page is too narrow for it whole,
rather than making the page wider than the window. At 200 % scaling on a 1920x1080 screen (a
960x480 window) the Spanish inbox's four buttons ("Abrir", "Buscar solicitudes ahora", "Abrir
un archivo de solicitud…", "Exportar un clip a mano…", 742 px with their spacing) made the page
scroll sideways by 10 px. The last button stands at the right end of its row, as it did beside
a stretch."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (QApplication, QLayout, QLayoutItem, QSizePolicy, QStyle,
                               QWidget)


class ButtonFlow(QLayout):
    """Widgets left to right, each whole, starting a new row where the next does not fit; the
    last one at the right end of its row. Its height for a width counts its rows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 (Qt's name)
        return QSizePolicy().expandingDirections()   # neither: it takes the width it is given

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """All on one row."""
        shown = [i.sizeHint() for i in self._shown()]
        gaps = self._gap() * max(0, len(shown) - 1)
        return QSize(sum(s.width() for s in shown) + gaps, max((s.height() for s in shown),
                                                               default=0))

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as its widest button, one to a row."""
        shown = [i.minimumSize().expandedTo(i.sizeHint()) for i in self._shown()]
        return QSize(max((s.width() for s in shown), default=0),
                     max((s.height() for s in shown), default=0))

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        """The room between two buttons: the layout's spacing, or the style's, as a row's."""
        if self.spacing() >= 0:
            return self.spacing()
        widget = self.parentWidget()
        style = widget.style() if widget is not None else QApplication.style()
        return max(0, style.pixelMetric(QStyle.PM_LayoutHorizontalSpacing))

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (only measured unless `move`); the height they take."""
        gap, items = self._gap(), self._shown()
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in items:
            size = item.sizeHint()
            if rows[-1] and used + gap + size.width() > rect.width():
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + size.width()
            rows[-1].append((item, size))
        y = rect.y()
        for at, row in enumerate(rows):
            height = max((s.height() for _i, s in row), default=0)
            x = rect.x()
            for index, (item, size) in enumerate(row):
                last = at == len(rows) - 1 and index == len(row) - 1 and item is items[-1]
                left = rect.right() + 1 - size.width() if last and len(items) > 1 else x
                if move:
                    # centred on its row, as a row of buttons sets them
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(max(x, left), top, size.width(), size.height()))
                x += size.width() + gap
            y += height + (gap if at < len(rows) - 1 else 0)
        return y - rect.y()
