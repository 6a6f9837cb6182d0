"""First run, one calm step at a time: recordings folder, camera clock, trusted agency,
registration id. Every step can be revisited later from Settings."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.request_info import plain_label
from gui.setup_steps import ClockStep, FolderStep

TITLES = ("1  Recordings", "2  Camera clock", "3  Agency", "4  Registration")


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
        store = self.ctx.agent.requests.trust
        self.ctx.bridge.call("add-agency", lambda: store.add(path), self._added,
                             self.result.setText)

    def _added(self, agency) -> None:
        prints = "\n".join(f"  {k}" for k in agency.fingerprints())
        self.result.setText(f"\u2714 Added {agency.name}\nCall-back number: {agency.phone}\n"
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
        store = self.ctx.agent.requests.trust
        self.ctx.bridge.call("agencies", store.list, self._agencies)

    def _agencies(self, agencies) -> None:
        self.agency_ids = [a.id for a in agencies]
        self.agency.clear()
        self.agency.addItems([a.name for a in agencies])

    def save(self) -> None:
        idx = self.agency.currentIndex()
        if not 0 <= idx < len(self.agency_ids):
            self.status.setText("Add the agency's file first (step 3).")
            return
        store, aid = self.ctx.agent.requests.trust, self.agency_ids[idx]
        reg, token = self.reg.text().strip(), self.token.text().strip() or None
        self.ctx.bridge.call("register", lambda: store.register(aid, reg, token),
                             self._saved, self.status.setText)

    def _saved(self, _result) -> None:
        self.status.setText("\u2714 Saved. Requests for this id will now be accepted.")
        self.saved.emit()


class FirstRunPage(QWidget):
    finished = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.folder, self.clock = FolderStep(ctx), ClockStep(ctx)
        self.agency, self.registration = AgencyStep(ctx), RegistrationStep(ctx)
        self.steps = QStackedWidget()
        for w in (self.folder, self.clock, self.agency, self.registration):
            self.steps.addWidget(w)
        self.crumbs = [plain_label(t, "crumb") for t in TITLES]
        self.back_button, self.next_button = QPushButton("Back"), QPushButton("Next")
        self.next_button.setObjectName("primary")
        self.back_button.clicked.connect(lambda: self.go(self.steps.currentIndex() - 1))
        self.next_button.clicked.connect(self.next)
        self.folder.added.connect(self.clock.refresh)
        self.agency.added.connect(self.registration.refresh)
        crumbs = QHBoxLayout()
        for c in self.crumbs:
            crumbs.addWidget(c)
        crumbs.addStretch(1)
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.addWidget(plain_label("Welcome. Let's set things up.", "pageTitle"))
        box.addWidget(plain_label("Four short steps. Nothing is shared with anyone by setting "
                                  "up; you decide about every request.", "hint"))
        box.addLayout(crumbs)
        box.addWidget(self.steps, 1)
        box.addLayout(nav)
        self.go(0)

    def go(self, index: int) -> None:
        index = max(0, min(index, self.steps.count() - 1))
        self.steps.setCurrentIndex(index)
        for n, crumb in enumerate(self.crumbs):
            crumb.setProperty("state", "current" if n == index else ("done" if n < index else ""))
            crumb.style().unpolish(crumb)
            crumb.style().polish(crumb)
        self.back_button.setEnabled(index > 0)
        self.next_button.setText("Finish" if index == self.steps.count() - 1 else "Next")
        if index == 1:
            self.clock.refresh()
        if index == 3:
            self.registration.refresh()

    def next(self) -> None:
        if self.steps.currentIndex() == self.steps.count() - 1:
            self.finished.emit()
        else:
            self.go(self.steps.currentIndex() + 1)
