"""The read-only tables Settings lists things in (folders, cameras, trusted agencies): whole
rows selected, nothing edited in place, short enough that the page's other sections show."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from gui.widgets.labels import cell


def list_table(headers: tuple[str, ...]) -> QTableWidget:
    """An empty table with these column headers."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setShowGrid(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setMaximumHeight(150)
    return t


def fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Replace the table's rows with these (each cell plain, sanitised text)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, cell(text))
