"""Settings' trusted agencies: the list (a damaged agency file listed as such, never trusted),
adding an agency file (asked first when it would replace a trusted agency's details),
accepting again one changed since the owner accepted it, and removing an agency (after saying
what happens to its open requests and registrations)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from agent.views import one_line, shared_key_marks
from gui.views import removing
from gui.views.agency_replacement import imported_again
from gui.views.core_words import in_owner_language, owner_words
from gui.views.shown import Shown, shown, shown_lines, shown_path
from gui.widgets.agency_steps import choose_agency_file, import_agency_file
from gui.widgets.labels import plain_label
from gui.widgets.list_tables import button_row, fill, list_table
from gui.widgets.registrations_panel import confirm


def shared_key_words(agencies, marks: dict[str, tuple[str, ...]]) -> Shown:
    """What Settings says under its agencies of each key two of them list (shared_key_marks),
    one line for each of the two agencies, in the owner's language."""
    # each name set apart (gui.views.shown): an Arabic one bare after the sign took the
    # line's direction, the line laid out from the right
    return shown_lines([shown("\u26a0 {agency} {mark}", agency=a.name,
                              mark=in_owner_language(m))
                        for a in agencies for m in marks.get(a.id, ())])


class AgenciesPanel(QWidget):
    """The agencies table and its buttons. What they did is said through `say` (the page's one
    status line); `changed` asks the page to read its lists and registrations again."""

    changed = Signal()

    def __init__(self, ctx, say: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.say = ctx, say
        self._ids: list[str] = []
        self._names: list[str] = []
        self._damaged: list = []
        self.table = list_table((self.tr("Agency"), self.tr("Call-back number"),
                                 self.tr("Key fingerprints")))
        self.table.setAccessibleName(self.tr("Agencies you trust"))
        self.add_button = QPushButton(self.tr("Add an agency file\u2026"))
        self.remove_button = QPushButton(self.tr("Remove agency"))
        self.accept_button = QPushButton(self.tr("Accept again\u2026"))
        self.accept_button.setToolTip(self.tr("Trust an agency file changed since you accepted "
                                              "it, once the agency confirmed its fingerprints"))
        self.accept_button.clicked.connect(self.accept_again)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("Agencies you trust"), "sectionTitle"))
        self.unreadable = plain_label("", "notice")   # the folder itself: none can be listed
        self.unreadable.setVisible(False)
        box.addWidget(self.unreadable)
        box.addWidget(self.table)
        self.shared = plain_label("", "notice")
        self.shared.setVisible(False)
        box.addWidget(self.shared)
        box.addLayout(button_row(self.add_button, self.accept_button, self.remove_button))

    def list_agencies(self, agencies, damaged, unreadable: str | None = None) -> None:
        """The trusted agencies, then each damaged agency file; above them why the agencies
        folder cannot be read (`unreadable`), when it cannot."""
        # A file left in the folder's place listed nothing, as if none were trusted: the
        # owner may trust several, and requests from them are refused until it is put right.
        # the core's words by owner_words: the folder's path read left to right, whatever
        # its folders' names ("…/אבי/גיבוי/agencies" bare read backwards)
        self.unreadable.setText(shown("\u26a0 " + self.tr("The agencies you trust cannot be "
                                                          "read, so none is listed here and no "
                                                          "request can be checked against "
                                                          "them: {problem}"),
                                      problem=owner_words(unreadable))
                                if unreadable else "")
        self.unreadable.setVisible(bool(unreadable))
        self._ids = [a.id for a in agencies]
        self._names = [a.name for a in agencies]
        self._damaged = list(damaged)
        self.accept_button.setVisible(any(d.unaccepted for d in damaged))
        # A damaged agency file is never trusted, but listed, so it does not vanish unseen.
        marks = shared_key_marks(agencies)
        fill(self.table, [(("\u26a0 " if a.id in marks else "") + a.name, a.phone,
                           "  ".join(a.fingerprints())) for a in agencies]
             + [self._damaged_row(d) for d in damaged])
        # Two agencies listing one key (an older version imported both): each marked, and
        # what to do said in full under the table (a cell would cut it short), since requests
        # signed with that key are refused.
        self.shared.setText(shared_key_words(agencies, marks))
        self.shared.setVisible(bool(marks))

    def _damaged_row(self, d) -> tuple[str, str, str]:
        # the core's words by owner_words, a file's name and a path in them set apart
        if d.unaccepted:   # its words say what to compare, and to press Accept again
            return (shown("\u2718 " + self.tr("Changed agency file {file}"),
                          file=shown_path(d.file)),
                    self.tr("not trusted"), owner_words(d.problem))
        return (shown("\u2718 " + self.tr("Damaged agency file {file}"),
                      file=shown_path(d.file)),
                self.tr("not trusted"),
                # a copy stays whatever is imported: its problem says where to move it from;
                # a newer version's record, to install that version again
                owner_words(d.problem) if d.copy or d.newer else
                shown(self.tr("{problem} (import the agency's file again to replace it)"),
                      problem=owner_words(d.problem)))

    def accept_again(self) -> None:
        """Trust the chosen agency file as it now is: what it changes is shown first (as for
        any file replacing a trusted agency's), or, for one never accepted, its fingerprints."""
        at = self.table.currentRow() - len(self._ids)
        if not self.table.selectedItems() or not 0 <= at < len(self._damaged) \
                or not self._damaged[at].unaccepted:
            self.say(self.tr("Choose a changed agency file in the list first."))
            return
        path = str(self.ctx.agent.home / "agencies" / self._damaged[at].file)
        self.ctx.bridge.call("agency-change", lambda: self.ctx.agent.agency_change(path),
                             lambda change: self._ask_accept(path, change), self.say)

    def _ask_accept(self, path: str, change) -> None:
        a = change.agency
        if not change.replaces and not confirm(
                self, self.tr("Accept this agency file?"),
                self.tr("Trust {agency} with the key fingerprints {fingerprints}? Only if the "
                        "agency confirmed them when you called it.").format(
                    agency=one_line(a.name), fingerprints=", ".join(a.fingerprints()))):
            self.say(self.tr("Nothing was accepted."))
            return
        import_agency_file(self, self.ctx, path, self._added, self.say)

    def choose(self) -> None:
        path = choose_agency_file(self)
        if path:
            self.add(path)

    def add(self, path: str) -> None:
        """Import the agency file at `path` (asked first when it replaces a trusted one's)."""
        import_agency_file(self, self.ctx, path, self._added, self.say)

    def _added(self, change) -> None:
        a = change.agency
        self.say(imported_again(change) if change.before is not None else
                 self.tr("Added {agency}. Compare these fingerprints with the ones the agency "
                         "publishes: {fingerprints}").format(
                     agency=one_line(a.name), fingerprints=", ".join(a.fingerprints())))
        self.changed.emit()

    def remove(self) -> None:
        """Remove the chosen agency once the owner agreed to what it does to its requests and
        registrations (read first in a job: both are files)."""
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < self.table.rowCount():
            self.say(self.tr("Choose an agency in the list first."))
            return
        if row >= len(self._ids):   # a damaged file's row: nothing is trusted there
            self.say(self.tr("This agency file is damaged and not trusted; import the agency's "
                             "file again to replace it."))
            return
        agent, aid, name = self.ctx.agent, self._ids[row], self._names[row]
        self.ctx.bridge.call(
            "agency-ties", lambda: (removing.open_requests(agent.requests.list(), aid),
                                    agent.registrations().get(aid, [])),
            lambda ties: self._ask_remove(aid, name, *ties), self.say)

    def _ask_remove(self, aid: str, name: str, open_count: int,
                    registrations: list[str]) -> None:
        if not confirm(self, removing.agency_title(),
                       removing.agency_question(name, open_count, registrations)):
            self.say(self.tr("Nothing was removed."))
            return
        agent = self.ctx.agent
        self.ctx.bridge.call("remove-agency", lambda: agent.remove_agency(aid), lambda _r: (
            self.say(removing.removed(name)), self.changed.emit()), self.say)
