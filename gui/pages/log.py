"""The activity log: every request seen, every decision and delivery, and a check that the
hash-chained log was not altered."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent.audit.log import AuditLog
from agent.timebase import parse_rfc3339
from gui.views import display
from gui.widgets.labels import plain_label

EVENTS = {
    "request-seen": "Request received", "request-rejected": "Request refused (failed checks)",
    "hold": "Footage kept safe", "release": "Kept footage released", "approve": "You approved",
    "decline": "You declined", "export": "Package made", "upload": "Package sent",
    "receipt": "Receipt received", "log-recovered": "Log repaired after a crash",
}
_SKIP = ("token", "sha256", "signature", "prev", "hash")


def details(data: dict) -> str:
    """A record's data as short 'key: value' text (long values cut)."""
    parts = []
    for key, value in sorted(data.items()):
        if key in _SKIP or key.endswith("sha256") or value in (None, "", [], {}, False):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{key}: {text if len(text) <= 60 else text[:57] + '...'}")
    return "; ".join(parts)


class LogPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(("When", "What", "Details"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.verdict = plain_label(name="caption")
        self.verify_button = check = QPushButton("Check the log has not been altered")
        check.clicked.connect(self.verify)
        top = QHBoxLayout()
        top.addWidget(self.verdict, 1)
        top.addWidget(check)
        box = QVBoxLayout(self)
        box.addWidget(plain_label("Activity log", "pageTitle"))
        box.addWidget(plain_label("Everything decided about your footage, in order. Each line "
                                  "is chained to the one before, so a changed or deleted line "
                                  "shows up when the log is checked.", "hint"))
        box.addLayout(top)
        box.addWidget(self.table, 1)

    def refresh(self) -> None:
        log = AuditLog(self.ctx.agent.home)
        self.ctx.bridge.call("log", log.entries, self._show, self.verdict.setText)

    def _show(self, entries: list[dict]) -> None:
        self.table.setRowCount(len(entries))
        for row, rec in enumerate(reversed(entries)):
            try:
                when = display.day_time(parse_rfc3339(rec.get("at", "")), self.ctx.zone)
            except ValueError:
                when = str(rec.get("at", ""))
            data = rec.get("data") if isinstance(rec.get("data"), dict) else {}
            for col, text in enumerate((when, EVENTS.get(rec.get("event"), rec.get("event")),
                                        details(data))):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def verify(self) -> None:
        log = AuditLog(self.ctx.agent.home)
        self.verdict.setText("Checking\u2026")
        self.ctx.bridge.call("log-verify", log.verify, self._verified, self.verdict.setText)

    def _verified(self, report) -> None:
        if report.ok:
            self.verdict.setText(f"\u2714 The log is intact ({report.count} entries).")
        else:
            self.verdict.setText("The log was altered: " + "; ".join(report.problems[:3]))
