"""The read-only tables Settings lists things in (folders, cameras, trusted agencies): whole
rows selected, nothing edited in place, short enough that the page's other sections show; and
the row of buttons under each."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableWidget, QWidget

from gui.widgets.labels import cell


def list_table(headers: tuple[str, ...]) -> QTableWidget:
    """An empty table with these column headers."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setTabKeyNavigation(False)   # Tab leaves the table (the arrows move in it)
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


def button_row(*widgets: QWidget) -> QHBoxLayout:
    """`widgets` side by side from the left (the buttons under a table)."""
    line = QHBoxLayout()
    for w in widgets:
        line.addWidget(w)
    line.addStretch(1)
    return line
