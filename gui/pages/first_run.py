"""First run, one calm step at a time: recordings folder, camera clock, trusted agency, and
registering with it (the registration flow, whose own Back and Next take over on that step).
Every step can be revisited later from Settings."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.views.words import QT_TRANSLATE_NOOP
from gui.widgets.agency_steps import AgencyStep
from gui.widgets.clock_step import ClockStep
from gui.widgets.folder_step import FolderStep
from gui.widgets.labels import plain_label
from gui.widgets.registration_flow import RegistrationFlow

TITLES = (QT_TRANSLATE_NOOP("FirstRunPage", "1  Recordings"),
          QT_TRANSLATE_NOOP("FirstRunPage", "2  Camera clock"),
          QT_TRANSLATE_NOOP("FirstRunPage", "3  Agency"),
          QT_TRANSLATE_NOOP("FirstRunPage", "4  Register"))
AGENCY, REGISTER = 2, 3


class FirstRunPage(QWidget):
    finished = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.folder, self.clock = FolderStep(ctx), ClockStep(ctx)
        self.agency, self.registration = AgencyStep(ctx), RegistrationFlow(ctx)
        self.steps = QStackedWidget()
        # Each step scrolls on a small screen, so Back and Next below stay in reach (the
        # registration flow's pages scroll above its own buttons).
        for w in (self.folder, self.clock, self.agency, self.registration):
            self.steps.addWidget(w)
        self.crumbs = [plain_label(self.tr(t), "crumb") for t in TITLES]
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("primary")
        self.back_button.clicked.connect(lambda: self.go(self.steps.currentIndex() - 1))
        self.next_button.clicked.connect(self.next)
        self.folder.added.connect(self.clock.refresh)
        self.registration.left.connect(lambda: self.go(REGISTER - 1))
        self.registration.closed.connect(lambda _done: self.finished.emit())
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
        box.addWidget(plain_label(self.tr("Welcome. Let's set things up."), "pageTitle"))
        box.addWidget(plain_label(self.tr("Four short steps. Nothing is shared with anyone until "
                                          "you register in the last one, and you see "
                                          "exactly what before it is sent; you decide "
                                          "about every request."), "hint"))
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
        # On the last step the registration flow's own buttons lead (Back, Next, Not now).
        self.back_button.setVisible(index != REGISTER)
        self.next_button.setVisible(index != REGISTER)
        if index == 1:
            self.clock.refresh()
        if index == AGENCY:   # opened again: which agencies are trusted already
            self.agency.refresh()
        if index == REGISTER:
            self.registration.start_new()

    def reopen(self) -> None:
        """Shown again from elsewhere: step 1 starts afresh, so nothing found in a folder added
        before (its camera name, its time zone) is offered for the next one."""
        self.folder.reset()

    def next(self) -> None:
        self.go(self.steps.currentIndex() + 1)
