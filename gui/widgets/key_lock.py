"""The owner's signing key locked by its passphrase, said above every page with a field to
unlock it. The command line reads the passphrase from FOOTAGE_AGENT_PASSPHRASE, which an owner
who starts the app from a menu cannot set: without this the app could approve, decline or
export nothing, and said only to set a variable. The passphrase is handed to the agent for
this run (kept in memory only) and never shown.

RecorderLock is the same line for recorder passwords kept encrypted where the computer has no
keychain: without it, an app started again could reach none of the owner's recorders, and
said to "enter" a passphrase nowhere to be typed."""
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
        self.label = PlainLabel(self.words())
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

    def words(self) -> str:
        """What the line says is locked, and what the passphrase opens."""
        return self.tr("Your signing key is protected by a passphrase. Type it here to approve "
                       "or decline requests and export clips; it is kept only until the app is "
                       "closed.")

    def locked(self) -> bool:
        """Whether it is locked (asked of the agent off the GUI thread)."""
        return self.ctx.agent.key_locked()

    def open_with(self, typed: str) -> None:
        """Unlock with `typed` (off the GUI thread); AgentError when it does not."""
        self.ctx.agent.unlock_key(typed)

    def check(self) -> None:
        """Show the lock when the key needs a passphrase this run was not given."""
        self.ctx.bridge.call(f"{type(self).__name__}-locked", self.locked, self.setVisible)

    def unlock(self) -> None:
        typed = self.passphrase.text()
        if not typed:
            self.status.setText(self.tr("Type your passphrase first."))
            self.passphrase.setFocus(Qt.OtherFocusReason)
            return
        self.unlock_button.setEnabled(False)
        self.status.setText(self.tr("Unlocking\u2026"))
        self.ctx.bridge.call(f"{type(self).__name__}-unlock", lambda: self.open_with(typed),
                             self._unlocked, self._refused)

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


class RecorderLock(KeyLock):
    """Recorder passwords kept encrypted with the owner's passphrase (no keychain here), and
    this run without it: typed here, the recorders are asked again at once."""

    def words(self) -> str:
        return self.tr("This computer has no keychain, so your recorders' passwords are kept "
                       "encrypted with the passphrase you typed when you added them. Type it "
                       "here to reach your recorders again; it is kept only until the app is "
                       "closed.")

    def locked(self) -> bool:
        return self.ctx.agent.recorder_passwords_locked()

    def open_with(self, typed: str) -> None:
        self.ctx.agent.unlock_recorder_passwords(typed)
