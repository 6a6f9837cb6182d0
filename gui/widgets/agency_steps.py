"""First-run step 3: trust an agency (its file, with the key fingerprints to compare). Step 4,
registering with it, is the registration flow (registration_flow)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent.views import one_line
from gui.views import agency_replacement as replacement
from gui.views.words import translate
from gui.widgets.labels import plain_label
from gui.widgets.registrations_panel import confirm
from gui.widgets.scrolling import scrolling_body


def choose_agency_file(parent: QWidget) -> str:
    """The agency file the owner picks ('' when they pick none)."""
    path, _ = QFileDialog.getOpenFileName(parent, translate("AgencyStep", "Agency file"), "",
                                          translate("AgencyStep", "Agency files (*.json)"))
    return path


def import_agency_file(parent: QWidget, ctx, path: str, done: Callable[[object], None],
                       failed: Callable[[str], None]) -> None:
    """Import an agency file from the app. A file that would replace the details of an agency
    trusted already (keys, phone, portal, ...) is shown to the owner first, what changes and
    which registrations would be forgotten, and imported only if they agree. `done` gets the
    AgencyChange; `failed` a refusal, or the owner's no."""
    agent = ctx.agent

    def look():   # None: a footage request given for the agency file
        return None if agent.file_kind(path) == "request" else agent.agency_change(path)

    def decide(change) -> None:
        if change is None:
            failed(translate("AgencyStep", "This is a footage request, not an agency file: "
                                           "open it on the Requests page with Open a request "
                                           "file\u2026 once you added the agency's own file "
                                           "here. Nothing was added."))
            return
        if change.replaces and not confirm(parent, replacement.replace_title(change),
                                           replacement.replace_question(change)):
            failed(replacement.not_replaced(change))
            return
        ctx.bridge.call("add-agency",
                        lambda: agent.import_agency(path, change.replaces, change.agency),
                        done, failed)
    ctx.bridge.call("add-agency", look, decide, failed)


class AgencyStep(QWidget):
    """Step 3: import the agency's trust file and show its key fingerprints to compare."""

    added = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.choose_button = choose = QPushButton(self.tr("Choose the agency file\u2026"))
        choose.clicked.connect(self.choose)
        self.result = plain_label(name="summary")
        title = self.tr("Which police agency may ask you?")
        box = QVBoxLayout(scrolling_body(self, title))   # scrolls above Back and Next
        box.addWidget(plain_label(title, "sectionTitle"))
        box.addWidget(plain_label(self.tr("The agency gives you a small file when you sign up. It "
                                          "holds their name, their call-back number and the keys "
                                          "that sign their requests. Requests from anyone else are "
                                          "refused."), "hint"))
        box.addWidget(choose)
        box.addWidget(self.result)
        box.addStretch(1)

    def refresh(self) -> None:
        """Say which agencies are trusted already (Set up opened again), unless the step says
        what was just added."""
        agent = self.ctx.agent
        self.ctx.bridge.call("agencies", agent.agencies, self._trusted)

    def _trusted(self, agencies) -> None:
        if self.result.text() and not self.result.property("trusted"):
            return   # the words for a file just chosen stay
        names = ", ".join(one_line(a.name) for a in agencies)
        self.result.setText(self.tr("You trust {agencies} already. Choose another agency's file "
                                    "only if another agency gave you one; otherwise press Next."
                                    ).format(agencies=names) if agencies else "")
        self.result.setProperty("trusted", bool(agencies))

    def choose(self) -> None:
        path = choose_agency_file(self)
        if path:
            self.add(path)

    def add(self, path: str) -> None:
        self.result.setProperty("trusted", False)
        import_agency_file(self, self.ctx, path, self._added, self.result.setText)

    def _added(self, change) -> None:
        if change.before is not None:   # trusted already: replaced, or the same file again
            self.result.setText(replacement.imported_again(change))
            self.added.emit()
            return
        agency = change.agency
        prints = "\n".join(f"  {k}" for k in agency.fingerprints())
        self.result.setText("\u2714 " + self.tr("Added {agency}\nCall-back number: {phone}\n"
                                                "Key fingerprints (compare them with the ones "
                                                "the agency published):\n{fingerprints}")
                            .format(agency=one_line(agency.name),
                                    phone=one_line(agency.phone), fingerprints=prints))
        self.added.emit()

