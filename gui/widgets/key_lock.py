"""The owner's signing key locked by its passphrase, said above every page with a field to
unlock it. The command line reads the passphrase from FOOTAGE_AGENT_PASSPHRASE, which an owner
who starts the app from a menu cannot set: without this the app could approve, decline or
export nothing, and said only to set a variable. The passphrase is handed to the agent for
this run (kept in memory only) and never shown."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from gui.widgets.labels import PlainLabel, QuietLabel


class KeyLock(QWidget):
    """Hidden until `check` finds the key locked; `unlocked` once the owner's passphrase opened
    it (a wrong one is said, and the field keeps the focus for another try)."""

    unlocked = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.label = PlainLabel(self.tr(
            "Your signing key is protected by a passphrase. Type it here to approve or decline "
            "requests and export clips; it is kept only until the app is closed."))
        self.label.setObjectName("urgent")
        self.label.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.passphrase.setPlaceholderText(self.tr("Your passphrase"))
        self.passphrase.setAccessibleName(self.tr("Your passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        self.status = QuietLabel("caption")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 0)
        grid.addWidget(self.label, 0, 0, 1, 2)
        grid.addWidget(self.passphrase, 1, 0)
        grid.addWidget(self.unlock_button, 1, 1)
        grid.addWidget(self.status, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.hide()

    def check(self) -> None:
        """Show the lock when the key needs a passphrase this run was not given."""
        self.ctx.bridge.call("key-locked", self.ctx.agent.key_locked, self.setVisible)

    def unlock(self) -> None:
        typed = self.passphrase.text()
        if not typed:
            self.status.setText(self.tr("Type your passphrase first."))
            self.passphrase.setFocus(Qt.OtherFocusReason)
            return
        agent = self.ctx.agent
        self.unlock_button.setEnabled(False)
        self.status.setText(self.tr("Unlocking your key\u2026"))
        self.ctx.bridge.call("unlock-key", lambda: agent.unlock_key(typed), self._unlocked,
                             self._refused)

    def _unlocked(self, _result) -> None:
        self.passphrase.clear()
        self.status.setText("")
        self.unlock_button.setEnabled(True)
        self.hide()
        self.unlocked.emit()

    def _refused(self, message: str) -> None:
        self.status.setText(message)
        self.unlock_button.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus(Qt.OtherFocusReason)
