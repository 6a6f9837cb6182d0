"""The inbox's columns, and the two the agency wrote (its name and the case number), which
share the room the others leave: each as wide as its longest text where that fits, else cut
short with "…" and whole in its tooltip."""
from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from gui.views.shown import plain_tip
from gui.views.words import QT_TRANSLATE_NOOP

COLUMNS = ("", QT_TRANSLATE_NOOP("InboxPage", "Agency"), QT_TRANSLATE_NOOP("InboxPage", "Case"),
           QT_TRANSLATE_NOOP("InboxPage", "Footage from (your time)"),
           QT_TRANSLATE_NOOP("InboxPage", "Status"), QT_TRANSLATE_NOOP("InboxPage", "Answer by"))
AGENCY = 1   # the column of the agency's name, which the agency chose (it may be long)
CASE = 2     # the case number, the agency's words too (up to 400 characters)


def fit_agency_and_case(table: QTableWidget) -> None:
    """The agency's name and the case number as wide as their longest, but together no
    wider than the room the other columns leave: the shorter of the two whole if it takes
    no more than two thirds of that room (or what the other leaves), the other the rest. A
    longer one ends in "…" there, whole in its tooltip."""
    header = table.horizontalHeader()

    def wanted(col: int) -> int:
        return max(table.sizeHintForColumn(col), header.sectionSizeHint(col))
    others = sum(wanted(c) for c in range(table.columnCount()) if c not in (AGENCY, CASE))
    room = table.viewport().width() - others
    short, longer = sorted((CASE, AGENCY), key=wanted)
    first = min(wanted(short), max(room * 2 // 3, room - wanted(longer)))
    sizes = {short: first, longer: min(wanted(longer), room - first)}
    for col in (AGENCY, CASE):
        header.resizeSection(col, max(header.sectionSizeHint(col), sizes[col]))
    over = header.length() - table.viewport().width()   # the stretched last column's
    if over > 0:                                          # least width is Qt's own
        for col in (CASE, AGENCY):
            cut = min(over, header.sectionSize(col) - header.sectionSizeHint(col))
            header.resizeSection(col, header.sectionSize(col) - max(0, cut))
            over -= max(0, cut)
    for col in (AGENCY, CASE):
        _tip_if_cut(table, col)


def _tip_if_cut(table: QTableWidget, col: int) -> None:
    """A cell of `col` cut short carries its whole text as its tooltip."""
    width = table.columnWidth(col)
    for row in range(table.rowCount()):
        item = table.item(row, col)
        cut = table.sizeHintForIndex(table.model().index(row, col)).width() > width
        item.setToolTip(plain_tip(item.text()) if cut else "")
