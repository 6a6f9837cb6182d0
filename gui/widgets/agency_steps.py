"""First-run steps 3 and 4: trust an agency (its file, with the key fingerprints to compare)
and keep the registration id (and portal password) it gave the owner."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent.views import one_line
from gui.widgets.labels import plain_label


class AgencyStep(QWidget):
    """Step 3: import the agency's trust file and show its key fingerprints to compare."""

    added = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.choose_button = choose = QPushButton("Choose the agency file\u2026")
        choose.clicked.connect(self.choose)
        self.result = plain_label(name="summary")
        box = QVBoxLayout(self)
        box.addWidget(plain_label("Which police agency may ask you?", "sectionTitle"))
        box.addWidget(plain_label("The agency gives you a small file when you register. It holds "
                                  "their name, their call-back number and the keys that sign "
                                  "their requests. Requests from anyone else are refused.", "hint"))
        box.addWidget(choose)
        box.addWidget(self.result)
        box.addStretch(1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Agency file", "", "Agency files (*.json)")
        if path:
            self.add(path)

    def add(self, path: str) -> None:
        agent = self.ctx.agent
        self.ctx.bridge.call("add-agency", lambda: agent.add_agency(path), self._added,
                             self.result.setText)

    def _added(self, agency) -> None:
        prints = "\n".join(f"  {k}" for k in agency.fingerprints())
        self.result.setText(f"\u2714 Added {one_line(agency.name)}\n"
                            f"Call-back number: {one_line(agency.phone)}\n"
                            f"Key fingerprints (compare them with the ones the agency "
                            f"published):\n{prints}")
        self.added.emit()


class RegistrationStep(QWidget):
    """Step 4: the registration id (and portal token) the agency gave the owner."""

    saved = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.agency_ids: list[str] = []
        self.agency = QComboBox()
        self.reg = QLineEdit()
        self.reg.setPlaceholderText("e.g. SEA-2026-004711")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.Password)
        self.token.setPlaceholderText("only if the agency gave you one")
        self.save_button = save = QPushButton("Save")
        save.setObjectName("primary")
        save.clicked.connect(self.save)
        self.status = plain_label(name="caption")
        form = QFormLayout()
        form.addRow("Agency", self.agency)
        form.addRow("Registration id", self.reg)
        form.addRow("Portal password", self.token)
        box = QVBoxLayout(self)
        box.addWidget(plain_label("Your registration", "sectionTitle"))
        box.addWidget(plain_label("Requests are addressed to this id. Without it, the app cannot "
                                  "tell that a request is meant for you.", "hint"))
        box.addLayout(form)
        box.addWidget(save)
        box.addWidget(self.status)
        box.addStretch(1)

    def refresh(self) -> None:
        self.ctx.bridge.call("agencies", self.ctx.agent.agencies, self._agencies)

    def _agencies(self, agencies) -> None:
        self.agency_ids = [a.id for a in agencies]
        self.agency.clear()
        self.agency.addItems([a.name for a in agencies])

    def save(self) -> None:
        idx = self.agency.currentIndex()
        if not 0 <= idx < len(self.agency_ids):
            self.status.setText("Add the agency's file first (step 3).")
            return
        agent, aid = self.ctx.agent, self.agency_ids[idx]
        reg, token = self.reg.text().strip(), self.token.text().strip() or None
        self.ctx.bridge.call("register", lambda: agent.add_registration(aid, reg, token),
                             self._saved, self.status.setText)

    def _saved(self, _result) -> None:
        self.status.setText("\u2714 Saved. Requests for this id will now be accepted.")
        self.saved.emit()
