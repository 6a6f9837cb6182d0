"""Settings' registrations: which agencies know the owner's cameras (agency, cameras, date,
certificate), registering with another, changing or ending one (after a confirmation saying
what happens), and changing the owner's key, with an unfinished key change shown as such."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui.views import registrations as words
from gui.views.shown import plain_tip, shown
from gui.views.words import QT_TRANSLATE_NOOP
from gui.widgets.labels import cell, plain_label
from gui.widgets.list_tables import button_row
from gui.widgets.spoken import status_label

COLUMNS = (QT_TRANSLATE_NOOP("RegistrationsPanel", "Agency"),
           QT_TRANSLATE_NOOP("RegistrationsPanel", "Registration"),
           QT_TRANSLATE_NOOP("RegistrationsPanel", "Cameras"),
           QT_TRANSLATE_NOOP("RegistrationsPanel", "Registered"),
           QT_TRANSLATE_NOOP("RegistrationsPanel", "Certificate"))


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before something that cannot be undone from here; True for yes. The text names the
    agency as its file does, so it is plain text (QMessageBox.question would take text that
    looks like HTML as rich text)."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.Cancel,
                      parent)
    box.setTextFormat(Qt.PlainText)
    box.setDefaultButton(QMessageBox.Cancel)
    return box.exec() == QMessageBox.Yes


class RegistrationsPanel(QWidget):
    """The registrations table, its buttons, and the owner key's section."""

    registerRequested = Signal()
    changeRequested = Signal(object)      # the RegistrationView to change

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.views: list = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Your registrations"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table (the arrows move in it)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(150)
        self.register_button = QPushButton(self.tr("Register with an agency\u2026"))
        self.change_button = QPushButton(self.tr("Change details\u2026"))
        self.unregister_button = QPushButton(self.tr("Unregister\u2026"))
        self.rotate_button = QPushButton(self.tr("Change my key"))
        self.register_button.clicked.connect(self.registerRequested.emit)
        self.change_button.clicked.connect(self.change)
        self.unregister_button.clicked.connect(self.unregister)
        self.rotate_button.clicked.connect(self.rotate)
        self.status = status_label()
        self.pending = plain_label(name="urgent")
        self.pending.hide()
        self.key_status = status_label()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("Registrations"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("The agencies that know your name and where your cameras "
                                          "are, so they can ask you for footage. None of them has "
                                          "access to your cameras or recordings."), "hint"))
        box.addWidget(self.table)
        box.addLayout(button_row(self.register_button, self.change_button, self.unregister_button))
        box.addWidget(self.status)
        box.addWidget(plain_label(self.tr("Your key"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("Your answers and packages are signed with a key kept on "
                                          "this computer, and agencies accept only that key. If "
                                          "you think it may have been copied, change it: the app "
                                          "makes a new key, tells every agency you registered "
                                          "with, and retires the old one."), "hint"))
        box.addWidget(self.pending)
        box.addLayout(button_row(self.rotate_button))
        box.addWidget(self.key_status)

    def refresh(self) -> None:
        """Read the registrations and whether a key change is unfinished (a job)."""
        agent = self.ctx.agent
        self.ctx.bridge.call("registrations", lambda: (agent.registration_views(),
                                                       agent.key_rotation_pending()),
                             lambda r: self._show(*r), self.status.setText)

    def _show(self, views: list, pending: bool) -> None:
        self.views = views
        self.table.setRowCount(len(views))
        for r, view in enumerate(views):
            for c, text in enumerate(words.row(view, self.ctx.zone)):
                item = cell(text)
                item.setToolTip(plain_tip(words.state(view, self.ctx.zone) if c == 4 else text))
                self.table.setItem(r, c, item)
        self.pending.setVisible(pending)
        self.pending.setText(self.tr(
            "A key change is not finished: some agencies still know only your old key. Both "
            "keys are kept, and each agency is answered with the key it knows, until you press "
            "\u201cChange my key\u201d again and every agency has the new one.") if pending else "")

    def selected(self):
        """The RegistrationView selected, if it was made from this app (only those can be
        changed or ended); otherwise None, with the reason shown."""
        row = self.table.currentRow()
        # only a row chosen (highlighted): Qt keeps a current row with nothing chosen
        if not self.table.selectedItems() or not 0 <= row < len(self.views):
            self.status.setText(self.tr("Choose a registration in the list first."))
            return None
        view = self.views[row]
        if view.owner_id is None:
            self.status.setText(self.tr("Registration {id} was not made from this app, so it "
                                        "cannot be changed from here: "
                                        "register with an invite code.").format(id=view.id))
            return None
        return view

    def change(self) -> None:
        view = self.selected()
        if view is not None:
            self.changeRequested.emit(view)

    def unregister(self) -> None:
        """End the selected registration, after saying what that means."""
        view = self.selected()
        # the agency's name set apart (gui.views.shown): an Arabic one bare at the question's
        # start took its direction, the question laid out from the right
        if view is None or not confirm(
                self, shown(self.tr("Unregister from {agency}?"), agency=view.agency_name),
                shown(self.tr("{agency} forgets your contact details and the cameras you "
                              "registered, and its requests stop: this app no longer checks its "
                              "portal. To register again later you need a new invite code."),
                      agency=view.agency_name)):
            return
        agent = self.ctx.agent
        self.status.setText(shown(self.tr("Unregistering from {agency}\u2026"),
                                  agency=view.agency_name))
        self.ctx.bridge.call("unregister", lambda: agent.unregister(view.agency_id, view.id),
                             lambda ended: self._unregistered(view, ended),
                             self.status.setText)

    def _unregistered(self, view, ended: str) -> None:
        self.status.setText("\u2714 " + shown(self.tr(
            "Unregistered {id} from {agency}: it forgets your contact details and cameras, and "
            "sends you no more requests."), id=ended, agency=view.agency_name))
        self.refresh()

    def rotate(self) -> None:
        """Change the owner key everywhere it is registered (or finish a change)."""
        count = sum(1 for v in self.views if v.owner_id)
        if not confirm(self, self.tr("Change your key?"), self.tr(
                "The app makes a new key and tells each agency you registered with ({count}), "
                "signed with your current key. Once every agency has the new key, the old one is "
                "retired and never signs anything again.").format(count=count)):
            return
        self.key_status.setText(self.tr("Changing your key\u2026"))
        self.rotate_button.setEnabled(False)
        self.ctx.bridge.call("rotate-key", self.ctx.agent.rotate_key, self._rotated,
                             self._rotation_failed)

    def _rotated(self, done) -> None:
        self.rotate_button.setEnabled(True)
        self.key_status.setText(words.rotation_words(done))
        self.refresh()

    def _rotation_failed(self, message: str) -> None:
        self.rotate_button.setEnabled(True)
        self.key_status.setText(shown(self.tr("The key change stopped: {problem}"),
                                      problem=message))
        self.refresh()

