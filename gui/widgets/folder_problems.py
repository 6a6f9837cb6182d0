"""The recordings folders the app could not scan (a drive unplugged, a folder moved away or
made unreadable), and the recorders on the network it could not ask, said above every page
until a scan finds each one again or the owner removes it; and an index that cannot be opened at all, said first. Without it the timelines go on showing recordings that are no longer there, and the owner
learns only when an approval or an export fails on a missing file."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from agent.service import AgentError
from agent.views import one_line
from gui.views import display
from gui.views.core_words import owner_words, said_once
from gui.views.shown import shown, shown_lines
from gui.views.times import US
from gui.views.words import sentence_start
from gui.widgets.labels import PlainLabel


class FolderProblems(QWidget):
    """One line per folder that cannot be scanned, in the owner's words; "Look again" once
    the drive is back (the service also looks by itself within seconds: ServiceRun follows
    the folders); and a way to Settings (`settingsRequested`), where a folder gone for good is
    removed. A folder holding another disk than the one indexed (another camera's card in the
    same reader) also gets "New card, same camera": asked once more, it is scanned as that
    camera's new card."""

    settingsRequested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.problems: dict[str, str] = {}   # folder -> why it cannot be scanned
        self.other_disks: set[str] = set()   # the folders of them holding another disk
        self.index_problem = ""   # why the index cannot be opened at all, in the owner's words
        self.looked = ""   # when Look again last found a folder still missing
        self._had_focus = False   # Look again was pressed from the keyboard
        self.label = PlainLabel()
        self.label.setObjectName("urgent")
        self.label.setTextFormat(Qt.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Look again"))
        self.retry_button.clicked.connect(self.look_again)
        self.new_disk_button = QPushButton(self.tr("New card, same camera"))
        self.new_disk_button.clicked.connect(self.new_disk)
        self.settings_button = QPushButton(self.tr("Open Settings"))
        self.settings_button.clicked.connect(self.settingsRequested.emit)
        line = QHBoxLayout(self)
        line.setContentsMargins(12, 8, 12, 0)
        line.addWidget(self.label, 1)
        line.addWidget(self.retry_button, 0, Qt.AlignTop)
        line.addWidget(self.new_disk_button, 0, Qt.AlignTop)
        line.addWidget(self.settings_button, 0, Qt.AlignTop)
        self._show()

    def look_again(self) -> None:
        """Scan each folder said here again; each is cleared or said anew by the scan's own
        events (ScanFinished, ScanFailed)."""
        agent, roots = self.ctx.agent, list(self.problems)

        def work(progress, cancel):
            for root in roots:
                try:
                    agent.scan([root], cancel=cancel)
                except AgentError:   # its ScanFailed says why, here
                    pass
        # A disabled button loses the keyboard's focus: given back when it is enabled again,
        # so an owner pressing it from the keyboard is not left with focus nowhere.
        self._had_focus = self.retry_button.hasFocus()
        self.retry_button.setEnabled(False)   # looking: pressed again, it would look twice
        self.looked = ""
        self.ctx.bridge.run("scan", work, lambda _r: self._looked(), lambda _m: self._looked())

    def new_disk(self) -> None:
        """The owner says each folder holding another disk holds a new card of its own camera:
        asked first (another camera's footage would become this one's), then scanned so."""
        agent, roots = self.ctx.agent, sorted(self.other_disks)
        box = QMessageBox(QMessageBox.Question, self.tr("New card, same camera"), self.tr(
            "Index the recordings now in {folders} as its own camera's? Do this only if the "
            "card or drive there is a new one for the same camera: the recordings indexed from "
            "the old one are let go from the list (the old card itself is not touched).").format(
                folders=", ".join(roots)), QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setTextFormat(Qt.PlainText)
        box.setDefaultButton(QMessageBox.Cancel)
        if box.exec() != QMessageBox.Yes:
            return

        def work(progress, cancel):
            agent.scan(roots, cancel=cancel, new_disk=True)
        self.new_disk_button.setEnabled(False)
        self.ctx.bridge.run("scan", work, lambda _r: self._taken(), lambda _m: self._taken())

    def _taken(self) -> None:
        self.new_disk_button.setEnabled(True)
        self._show()

    def _looked(self) -> None:
        """Said when a folder is still not there, so the press visibly did something."""
        self.retry_button.setEnabled(True)
        if self._had_focus and self.problems:
            self.retry_button.setFocus(Qt.OtherFocusReason)
        if self.problems:
            self.looked = self.tr("Looked again at {time}: still cannot be read.").format(
                time=display.clock(int(time.time() * US), self.ctx.zone))
        self._show()

    def failed(self, event) -> None:
        """A ScanFailed: the folder and why, as the core said it, in the owner's language."""
        # by owner_words: the folder's path read left to right, whatever its folders' names
        self.problems[event.source] = owner_words(one_line(event.message))
        if getattr(event, "other_disk", False):
            self.other_disks.add(event.source)
        else:
            self.other_disks.discard(event.source)
        self._show()

    def index_failed(self, message: str) -> None:
        """The index cannot be opened at all (damaged, cut to nothing, written by a newer
        version): said first, since no folder, camera or recording can be shown meanwhile."""
        self.index_problem = said_once(message)
        self._show()

    def scanned(self, event) -> None:
        """A ScanFinished: that folder can be read again, and the index opened; a recorder
        that could not be asked is said (its password locked is asked for above, key_lock)."""
        index_back, self.index_problem = bool(self.index_problem), ""
        self.other_disks.discard(event.source)
        state = getattr(event, "recorder_state", None)
        if state in ("offline", "refused") and event.problems:
            self.problems[event.source] = shown(self.tr(
                "The recorder {address} could not be asked, so what its cameras show here may be "
                "out of date: {state}"), address=event.source,
                state=owner_words(one_line(event.problems[0])))
            self._show()
        elif self.problems.pop(event.source, None) is not None or index_back:
            self._show()

    def keep_only(self, roots) -> None:
        """The folders still registered (a removed one has nothing left to fix)."""
        kept = {root: why for root, why in self.problems.items() if root in set(roots)}
        self.other_disks &= set(kept)
        if kept != self.problems:
            self.problems = kept
            self._show()

    def _show(self) -> None:
        lines = ([self.index_problem] if self.index_problem else []) + list(self.problems.values())
        said = shown_lines([sentence_start(why) for why in lines])   # their marks kept
        if not self.problems:
            self.looked = ""   # every folder back: a later problem starts afresh
        if said and self.looked:
            said = shown_lines([said, self.looked])
        self.label.setText(said)
        self.retry_button.setVisible(bool(self.problems))
        self.new_disk_button.setVisible(bool(self.other_disks))
        # Settings can remove a folder, but nothing there opens an index that cannot be opened
        self.settings_button.setVisible(bool(self.problems))
        self.setVisible(bool(said))
