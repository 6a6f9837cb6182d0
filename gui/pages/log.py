"""The activity log: every request seen, every decision and delivery, and a check that the
hash-chained log was not altered."""
from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from agent.views import one_line
from gui.views import activity
from gui.widgets.labels import cell, plain_label


class LogPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels((self.tr("When"), self.tr("What"),
                                              self.tr("Details")))
        self.table.setAccessibleName(self.tr("Activity log"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table (the arrows move in it)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.verdict = plain_label(name="caption")
        self.verify_button = check = QPushButton(self.tr("Check the log has not been altered"))
        check.clicked.connect(self.verify)
        top = QHBoxLayout()
        top.addWidget(self.verdict, 1)
        top.addWidget(check)
        box = QVBoxLayout(self)
        box.addWidget(plain_label(self.tr("Activity log"), "pageTitle"))
        box.addWidget(plain_label(self.tr("Everything decided about your footage and every change "
                                          "to your settings, in order. Each line is chained to the "
                                          "one before and the whole is sealed with your key, so a "
                                          "changed, deleted or cut-off line shows up when the log "
                                          "is checked."),
                                  "hint"))
        box.addLayout(top)
        box.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.ctx.bridge.call("log", self.ctx.agent.activity, self._show, self.verdict.setText)

    def _show(self, records: list) -> None:
        """Newest first (`records` are the agent's LogRecords, oldest first)."""
        self.table.setRowCount(len(records))
        for row, record in enumerate(reversed(records)):
            for col, text in enumerate(activity.row(record, self.ctx.zone)):
                self.table.setItem(row, col, cell(text))
            # Long values are cut in the cell: the whole of them is one hover away.
            # Escaped in a paragraph: a tooltip that looks like markup would be read as markup.
            full = one_line(activity.details(record.data, self.ctx.zone, cut=False,
                                             typed=activity.typed(record)))
            self.table.item(row, 2).setToolTip(f"<p>{html.escape(full)}</p>")

    def verify(self) -> None:
        self.verdict.setText(self.tr("Checking\u2026"))
        self.ctx.bridge.call("log-verify", self.ctx.agent.verify_activity, self._verified,
                             self.verdict.setText)

    def _verified(self, report) -> None:
        if report.ok:
            intact = (self.tr("The log is intact (1 entry).") if report.count == 1 else
                      self.tr("The log is intact ({count} entries).").format(count=report.count))
            self.verdict.setText("\u2714 " + intact
                                 + "".join(" " + self.tr("Note: {note}.").format(note=n)
                                           for n in report.notes))
        else:
            self.verdict.setText(self.tr("The log was altered: {problems}").format(
                problems="; ".join(report.problems[:3])))
