"""The activity log: every request seen, every decision and delivery, and a check that the
hash-chained log was not altered."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui.views import activity
from gui.views.core_words import in_owner_language
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
        agent, zone = self.ctx.agent, self.ctx.zone
        # Read and worded on the job's thread: the GUI thread only fills the table.
        self.ctx.bridge.call("log", lambda: activity.table_rows(agent.activity(), zone),
                             self._show, self.verdict.setText)

    def _show(self, rows: list) -> None:
        """activity.table_rows's rows, newest first, as they are."""
        self.table.setRowCount(len(rows))
        for row, (when, said, detail, whole) in enumerate(rows):
            for col, text in enumerate((when, said, detail)):
                self.table.setItem(row, col, cell(text, sanitised=True))
            # Long values are cut in the cell: the whole of them is one hover away.
            self.table.item(row, 2).setToolTip(whole)

    def verify(self) -> None:
        self.verdict.setText(self.tr("Checking\u2026"))
        self.ctx.bridge.call("log-verify", self.ctx.agent.verify_activity, self._verified,
                             self.verdict.setText)

    def _verified(self, report) -> None:
        if report.ok:
            intact = (self.tr("The log is intact (1 entry).") if report.count == 1 else
                      self.tr("The log is intact ({count} entries).").format(count=report.count))
            self.verdict.setText("\u2714 " + intact + "".join(
                " " + self.tr("Note: {note}.").format(note=in_owner_language(n))
                for n in report.notes))
        else:   # the core's words, in the owner's language (core_log_words)
            self.verdict.setText(self.tr("The log was altered: {problems}").format(
                problems="; ".join(in_owner_language(p) for p in report.problems[:3])))
