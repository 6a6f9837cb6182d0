"""Add a recorder on your network: its address, make, user and password; test the connection
(in a job); the certificate's fingerprint to trust; what the recorder is, its clock, and its
channels with their own names, each given the owner's camera name; then add it (the password is
kept in the keychain and never shown again) and mirror its recordings. Opened from first run's
recordings step and from Settings."""
from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from agent.views import RecorderAddress, offered_name
from gui.views import display
from gui.views.core_words import in_owner_language, owner_words
from gui.views.shown import shown, shown_lines, shown_names
from gui.views.recorder_facts import brand, certificate_changed, certificate_lines
from gui.views.words import QT_TRANSLATE_NOOP, sentence_start, translate
from gui.widgets.labels import cell, plain_label
from gui.widgets.spoken import status_label

MAKES = (("Reolink", "reolink"),
         (QT_TRANSLATE_NOOP("RecorderDialog", "Dahua, Amcrest or Lorex"), "dahua"),
         (QT_TRANSLATE_NOOP("RecorderDialog", "Hikvision, HiWatch or Annke"), "hikvision"))


@dataclass(frozen=True)
class NewCertificate:
    """A recorder added before shows another certificate (`now`) than the one trusted then
    (`before`): nothing was sent to it, and the owner must compare it first."""

    now: str
    before: str


def reopened(kept: RecorderDialog | None) -> bool:
    """Open `kept` again as the owner left it, when it has not added its recorder: Esc or its
    window's close only hides it, and what was typed, tested and named is still there (the
    channels' names of a 16-channel recorder, a certificate compared). False: make a new one."""
    if kept is None or kept.finished_adding:
        return False
    kept.open()
    return True


class RecorderDialog(QDialog):
    """The steps of adding one recorder; `added` carries the agent's RecorderAdded."""

    added = Signal(object)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add a recorder on your network"))
        self.check = None          # the RecorderCheck of the last successful test
        self.finished_adding = False   # its recorder was added: the next one starts afresh
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://192.168.1.20")
        self.make = QComboBox()
        for words, vendor in MAKES:
            self.make.addItem(translate("RecorderDialog", words), vendor)
        self.user = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(available_timezones()))
        self.zone.setCurrentText(ctx.zone)
        self.plain_http = QCheckBox(self.tr(
            "This recorder has no https: allow plain http on my home network"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        # A recorder added before that shows another certificate: the owner compares it with
        # the recorder's screen and says so before its password is sent (a reset recorder, or
        # another device at its address).
        self.new_certificate: NewCertificate | None = None
        self.compared = QCheckBox(self.tr(
            "I compared the new certificate with the recorder's screen: trust it"))
        self.compared.hide()
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.clicked.connect(self.test)
        self.facts = plain_label(name="notice")
        self.facts.hide()
        self.name = QLineEdit()
        self.channels = QTableWidget(0, 3)
        self.channels.setAccessibleName(self.tr("Channels of the recorder"))
        self.channels.setHorizontalHeaderLabels(
            (self.tr("Channel"), self.tr("The recorder's name"), self.tr("Your name for it")))
        self.channels.verticalHeader().hide()
        self.channels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.channels.horizontalHeader().setStretchLastSection(True)
        self.channels.setEditTriggers(QAbstractItemView.AllEditTriggers)
        # Tab leaves the table: it went round its cells for ever (the arrows and typing edit)
        self.channels.setTabKeyNavigation(False)
        self.add_button = QPushButton(self.tr("Trust this certificate and add the recorder"))
        self.add_button.setObjectName("primary")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add)
        self.status = status_label()
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Make"), self.make)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Time zone of its clock"), self.zone)
        self._passphrase_row = (self.tr("Your passphrase"), self.passphrase)
        form.addRow(*self._passphrase_row)
        self.form = form
        names = QFormLayout()
        names.addRow(self.tr("Your name for the recorder"), self.name)
        box = QVBoxLayout(self)
        box.addWidget(plain_label(self.tr("Add a recorder on your network"), "sectionTitle"))
        box.addWidget(plain_label(self.tr(
            "The app only reads from your recorder: its list of recordings, its clock, and the "
            "footage you choose to share. It never changes a setting and never watches live. "
            "A viewer account is enough."), "hint"))
        box.addLayout(form)
        box.addWidget(self.plain_http)
        box.addWidget(self.compared)
        box.addWidget(self.test_button, 0, Qt.AlignLeft)
        box.addWidget(self.facts)
        box.addLayout(names)
        box.addWidget(self.channels)
        box.addWidget(self.add_button, 0, Qt.AlignLeft)
        box.addWidget(self.status)
        self.make.currentIndexChanged.connect(self._make_changed)
        for field in (self.address, self.user, self.password):
            field.textEdited.connect(self._changed)
        self.address.textEdited.connect(self._address_changed)
        self.plain_http.toggled.connect(self._address_changed)
        self._make_changed()
        self._show_passphrase(False)
        agent = ctx.agent
        ctx.bridge.call("recorder-keychain", agent.recorder_passwords_kept_in,
                        lambda where: self._show_passphrase("passphrase" in where))

    def _show_passphrase(self, needed: bool) -> None:
        """Only where there is no keychain: passwords are kept encrypted with the passphrase."""
        self.form.setRowVisible(self.passphrase, needed)
        self.passphrase_needed = needed

    def _make_changed(self) -> None:
        # Dahua says no zone anyone can read; the others report theirs.
        self.form.setRowVisible(self.zone, self.make.currentData() == "dahua")
        self._changed()

    def _changed(self) -> None:
        self.check = None
        self.add_button.setEnabled(False)

    def _address_changed(self) -> None:
        # A certificate compared for one address says nothing of another's.
        self.new_certificate = None
        self.compared.setChecked(False)
        self.compared.hide()
        self._changed()

    def setup(self, fingerprint: str | None) -> RecorderAddress:
        vendor = self.make.currentData()
        zone = self.zone.currentText().strip() if vendor == "dahua" else None
        return RecorderAddress(self.address.text().strip(), vendor, self.user.text().strip(),
                               fingerprint, zone, self.plain_http.isChecked())

    def test(self) -> None:
        """Look at the certificate, then ask the recorder what it is (a job)."""
        if not self.address.text().strip() or not self.password.text():
            self.status.setText(self.tr("Type the recorder's address, user and password first."))
            return
        agent, password, setup = self.ctx.agent, self.password.text(), self.setup(None)
        # The certificate the owner compared is the one pinned: a device showing yet another
        # is refused by the handshake, before one byte of HTTP.
        compared = self.new_certificate.now if (self.new_certificate is not None
                                                and self.compared.isChecked()) else None
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Asking the recorder\u2026"))

        def work():   # read from the widgets above, on the GUI thread; nothing here touches them
            if compared is not None:
                return agent.check_recorder(replace(setup, fingerprint=compared), password,
                                            new_certificate_ok=True)
            fingerprint = agent.look_at_recorder(setup.url, setup.allow_plain_http)
            before = agent.certificate_trusted_before(setup.url, setup.allow_plain_http,
                                                      fingerprint)
            if before is not None:   # nothing is sent before the owner has compared it
                return NewCertificate(fingerprint, before)
            return agent.check_recorder(replace(setup, fingerprint=fingerprint), password)
        self.ctx.bridge.call("recorder-test", work, self._tested, self._failed)

    def _not_trusted_before(self, new: NewCertificate) -> None:
        """Another certificate than the one trusted before: both shown, nothing sent yet."""
        self.new_certificate = new
        self.test_button.setEnabled(True)
        words = self.ctx.agent.fingerprint_words
        self.facts.setText(certificate_changed(words(new.before), words(new.now)))
        self.facts.show()
        self.compared.setChecked(False)
        self.compared.show()
        self.status.setText(self.tr("Nothing was sent to the recorder: compare its new "
                                    "certificate first."))

    def _tested(self, check) -> None:
        if isinstance(check, NewCertificate):
            self._not_trusted_before(check)
            return
        self.check = check
        self.test_button.setEnabled(True)
        count = len(check.channels)   # one for a doorbell or a one-channel recorder
        what = (self.tr("It is a {vendor} {model} (firmware {firmware}, serial {serial}) with "
                        "1 camera.") if count == 1 else
                self.tr("It is a {vendor} {model} (firmware {firmware}, serial {serial}) with "
                        "%n cameras.", "", count))
        clock = in_owner_language(self.ctx.agent.clock_words(check.clock_offset_s))
        self.facts.setText("\n".join([
            what.format(vendor=brand(check.vendor), model=check.model, firmware=check.firmware,
                        serial=check.serial),
            *certificate_lines(check), sentence_start(clock) + "."]))
        self.facts.show()
        if not self.name.text():
            # The device's name as the agent offers it (cut to a camera name's 120
            # characters): as it came, a name past that was refused once Add was pressed.
            self.name.setText(offered_name(check.name))
        self.channels.setRowCount(len(check.channels))
        for row, (cid, name) in enumerate(check.channels):
            for col, text in enumerate((str(cid), name or self.tr("(no name)"))):
                item = cell(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.channels.setItem(row, col, item)
            self.channels.setItem(row, 2, QTableWidgetItem(""))
        self.status.setText(self.tr(
            "Give the cameras your names (or leave them empty), then add it."))
        self.add_button.setEnabled(True)

    def camera_names(self) -> tuple[str, ...]:
        """The owner's names in channel order, up to the last one given ('' = the rule's)."""
        names = [(self.channels.item(r, 2).text().strip() if self.channels.item(r, 2) else "")
                 for r in range(self.channels.rowCount())]
        while names and not names[-1]:
            names.pop()
        return tuple(names)

    def add(self) -> None:
        if self.check is None:
            return
        agent, check = self.ctx.agent, self.check
        password, passphrase = self.password.text(), self.passphrase.text()
        names = self.camera_names()
        if "" in names:
            self.status.setText(self.tr("Name every camera up to the last one you named, or "
                                        "leave the later ones empty."))
            return
        self.password.clear()        # never shown again
        self.add_button.setEnabled(False)
        self.status.setText(self.tr("Adding the recorder and reading its list of "
                                    "recordings\u2026"))
        setup, name = self.setup(check.fingerprint), self.name.text().strip() or None
        needed, compared = self.passphrase_needed, check.trusted_before_text is not None

        def work():
            if needed:
                agent.use_recorder_passphrase(passphrase)
            return agent.add_recorder(setup, password, name=name, cameras=names,
                                      new_certificate_ok=compared)
        self.ctx.bridge.call("recorder-add", work, self._added, self._failed)

    def _added(self, done) -> None:
        # What the first mirroring found wrong, and noted (a camera left showing nothing).
        # Each may start with a camera's name: set apart, as the names listed (owner_words).
        problems = shown_lines([owner_words(p) for p in (*done.report.problems, *done.notes)],
                               " ")
        # The core says where by a key ("keychain", "encrypted file"), not in words.
        where = (self.tr("this computer's keychain") if done.password_kept_in == "keychain"
                 else self.tr("a file of the app's folder, encrypted with your passphrase"))
        said = shown(self.tr("\u2714 Added. Found {recordings}; cameras: {cameras}. The password "
                             "is kept in {where}."),
                     recordings=display.recordings(done.report.seen),
                     cameras=shown_names(done.cameras), where=where)
        if problems:
            said = shown_lines([said, shown(self.tr("Note: {problems}"), problems=problems)], " ")
        self.status.setText(said)
        self.finished_adding = True
        self.added.emit(done)

    def _failed(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.add_button.setEnabled(self.check is not None)
        self.status.setText(message)
