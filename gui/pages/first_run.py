"""First run, one calm step at a time: recordings folder, camera clock, trusted agency,
registration id. Every step can be revisited later from Settings."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.agency_steps import AgencyStep, RegistrationStep
from gui.widgets.labels import plain_label
from gui.widgets.recordings_steps import ClockStep, FolderStep

TITLES = ("1  Recordings", "2  Camera clock", "3  Agency", "4  Registration")


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
