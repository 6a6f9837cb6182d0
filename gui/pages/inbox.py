"""The inbox: every request, newest first, with who asks, for which case and time, and how long
the owner has to answer. New requests raise a tray notification."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from agent.service import AgentError, Refusal
from gui.pages.inbox_columns import AGENCY, CASE, COLUMNS, fit_agency_and_case
from gui.views import display, requests
from gui.views.core_words import said_once
from gui.views.request_files import NotAdded, agency_file_not_request, copying_words, not_added
from gui.views.requests import in_owner_words
from gui.views.shown import plain_tip, shown_lines
from gui.views.times import US
from gui.views.words import sentence_start, translate
from gui.widgets.button_flow import ButtonFlow
from gui.widgets.labels import cell, plain_label
from gui.widgets.spoken import status_label

class InboxPage(QWidget):
    """Lists requests; `opened(view)` when the owner opens one, `arrived(list)` for new ones."""

    opened = Signal(object)
    arrived = Signal(list)
    manualExport = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.views: list = []
        self._known: set[str] | None = None
        self.title = plain_label(self.tr("Requests"), "pageTitle")
        self.subtitle = plain_label(self.tr("Police requests for your footage arrive here. Nothing "
                                            "is shared unless you approve it."), "hint")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) if c else c for c in COLUMNS])
        # The badges' column shows no header (the badge says it), but a screen reader needs one.
        self.table.horizontalHeaderItem(0).setData(Qt.AccessibleTextRole,
                                                   translate("requests", "Verified"))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table (the arrows move in it)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Requests"))
        header = self.table.horizontalHeader()
        # Every column as wide as its widest text (a narrow window scrolls, never cuts), but
        # the agency's name and the case number: the agency chose them, so they share the
        # room the others leave.
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        for col in (AGENCY, CASE):
            header.setSectionResizeMode(col, QHeaderView.Fixed)   # by fit_agency_and_case
        header.setStretchLastSection(True)
        # A double-click, Enter or Open opens a row; the arrows move between rows. Enter is
        # handled here, not by `activated`, which macOS gives to editing instead.
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._selected)
        self.open_hint = plain_label(self.tr("Select a request and press Open (or double-click it, "
                                             "or press Enter) to review it."), "hint")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("primary")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self._no_requests = self.tr("No requests yet. When an agency you trust asks for "
                                    "footage, it will appear here and you will get a "
                                    "notification.")
        # Before registering nothing can arrive by itself: the empty list says what to do.
        self._not_registered = self.tr("No requests yet. Requests arrive here once you register "
                                       "your cameras with your city's camera program: in "
                                       "Settings, press Register with an agency\u2026 and type "
                                       "the invite code it sent you. A request file the agency "
                                       "sent you can be opened with Open a request file\u2026")
        self._registered = True   # until the first load says otherwise
        self.empty = plain_label(self._no_requests, "empty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.status = status_label()
        # Portals the app has not reached for a while: no request can arrive from them.
        self.portals = plain_label(name="caption")
        self.portals.hide()
        self.sync_button = QPushButton(self.tr("Check for requests now"))
        self.import_button = QPushButton(self.tr("Open a request file\u2026"))
        self.export_button = QPushButton(self.tr("Export a clip by hand\u2026"))
        self.sync_button.clicked.connect(self.sync)
        self.import_button.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.manualExport.emit)
        # The agent's service polls the agencies; reload when it brings something new.
        ctx.bridge.requestsArrived.connect(lambda count: self.refresh())
        ctx.bridge.portalsUnreachable.connect(lambda count: self.refresh_portals())
        self._importing = None   # the job opening a request file: its safe copy's stages said
        ctx.bridge.jobProgress.connect(self._copying)
        buttons = ButtonFlow()   # a second row where the page is narrow (the last at the right)
        for b in (self.open_button, self.sync_button, self.import_button, self.export_button):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.subtitle)
        box.addLayout(buttons)
        box.addWidget(self.portals)
        box.addWidget(self.open_hint)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty, 1)
        box.addWidget(self.status)

    # loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list (an agent job); new ids since the last load raise `arrived`."""
        agent = self.ctx.agent

        def work():
            return agent.requests.list(), _registered(agent)
        self.ctx.bridge.call("inbox", work, lambda result: self._show(*result),
                             self._load_failed)
        self.refresh_portals()

    def refresh_portals(self) -> None:
        """Say which agencies' portals the app has not reached for a while (an agent job)."""
        agent = self.ctx.agent
        self.ctx.bridge.call("portals", lambda: agent.requests.unreachable(), self._unreachable)

    def _unreachable(self, troubles: list) -> None:
        self.portals.setText(requests.unreachable_text(troubles, self.ctx.zone))
        self.portals.setVisible(bool(troubles))

    def sync(self) -> None:
        agent = self.ctx.agent

        def work():
            report = in_owner_words(agent.requests.sync)
            return report, bool(agent.registration_views()), agent.requests.list()
        self.status.setText(self.tr("Checking with your agencies\u2026"))
        self.ctx.bridge.call("sync", work, lambda result: self._synced(*result), self._error)

    def _synced(self, report, registered: bool, views: list) -> None:
        """Say what the check came to: a portal that could not be reached is never 'checked',
        nor is a check with no agency to ask."""
        self.status.setText(requests.sync_text(report, registered))
        self._show(views, registered)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a request file"), "",
            self.tr("Request files (*.jws *.jwt *.txt);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Verify a request file and add it; when it is not added, a box the owner must answer
        says why and what to do (the status line keeps the reason)."""
        agent = self.ctx.agent

        def work(progress, cancel):
            try:
                # the job's stop reaches the safe copy made of it ("keep a safe copy" on): a
                # quit while it waits its turn behind another request's copy, or copies; its
                # progress is said (_copying)
                view, refusal = agent.requests.import_request(path, cancel, progress), None
            except Refusal as exc:   # it failed the request's checks
                view = None
                refusal = (agency_file_not_request(path) if agent.file_kind(path) == "agency"
                           else not_added(path, str(exc), checked=True))
            return view, refusal, agent.requests.list()

        def failed(message: str) -> None:   # it could not be read
            self._not_added(not_added(path, message, checked=False))
        self.status.setText(self.tr("Checking the request\u2026"))
        self._importing = self.ctx.bridge.run("import", work,
                                              lambda result: self._imported(*result), failed)

    def _copying(self, job: str, stage: str, fraction: float) -> None:
        """A request file's safe copy, copied in the job that checked it: what it is doing."""
        if self._importing is not None and job == self._importing.id and \
                copying_words(stage, fraction):
            self.status.setText(copying_words(stage, fraction))

    def _imported(self, view, refusal: NotAdded | None, views: list) -> None:
        self._show(views)
        if refusal is not None:
            self._not_added(refusal)
            return
        self.status.setText(self.tr("Request {case} from {agency} was verified and added.")
                            .format(case=requests.case(view), agency=requests.agency_name(view)))

    def _not_added(self, refusal: NotAdded) -> None:
        # joined as shown lines: the headline keeps the file's name isolated
        self.status.setText(shown_lines([refusal.headline, refusal.reason], " "))
        box = QMessageBox(QMessageBox.Warning, refusal.title, refusal.headline, QMessageBox.Ok,
                          self)
        box.setTextFormat(Qt.PlainText)   # the file's name and the request's words are plain
        box.setInformativeText("\n\n".join(p for p in (refusal.reason, refusal.advice) if p))
        box.exec()

    def _error(self, message: str) -> None:
        self.status.setText(_sentence(message))

    def _load_failed(self, message: str) -> None:
        """The inbox cannot be read (damaged, a newer version's): said where the requests
        would be, never 'No requests yet' over an empty table."""
        self.table.hide()
        self.open_hint.hide()
        self.open_button.setEnabled(False)
        self.empty.setText(_sentence(message))
        self.empty.show()

    # showing -----------------------------------------------------------------------------
    def _show(self, views: list, registered: bool | None = None) -> None:
        """List `views`; `registered` (when known) picks what the empty list says."""
        if registered is not None:
            self._registered = registered
        ids = {v.id for v in views}
        fresh = [v for v in views if self._known is not None and v.id not in self._known]
        self._known = ids
        picked = self._picked()   # kept on its request, not its row: new ones come first
        self.views = list(views)
        now = int(time.time() * US)
        self.table.setRowCount(len(views))
        for row, v in enumerate(views):
            undecided = v.status in requests.UNDECIDED
            cells = (requests.badge(v), requests.agency_name(v), requests.case(v),
                     display.window(v.window_start_us, v.window_end_us, self.ctx.zone),
                     requests.status(v),
                     display.time_left(v.expires_at_us, now) if undecided else "")
            for col, text in enumerate(cells):
                item = cell(text)
                if col == 0:
                    item.setForeground(QColor("#2f7d4f" if v.verified else "#a15c00"))
                    item.setToolTip(plain_tip(requests.reason(v)) if not v.verified else
                                    self.tr("Signed by an agency in your trust list"))
                if col == 4 and undecided:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(row, col, item)
        fit_agency_and_case(self.table)
        self.table.setVisible(bool(views))
        self.open_hint.setVisible(bool(views))
        self.empty.setText(self._no_requests if self._registered else self._not_registered)
        self.empty.setVisible(not views)
        rows = {(v.id, v.agency_id): row for row, v in enumerate(views)}
        if picked in rows:
            self.table.selectRow(rows[picked])
        elif views and self.table.currentRow() < 0:   # the arrows and Enter work at once
            self.table.selectRow(0)
        self._selected()
        if fresh:
            self.arrived.emit(fresh)

    def _picked(self) -> tuple[str, str] | None:
        """The request chosen in the list (its id and agency), before the list is read again:
        a request arriving meanwhile moved the rows under a choice kept by row, and Enter
        opened another request than the one the owner picked."""
        row = self.table.currentRow()
        if not (0 <= row < len(self.views) and self.table.selectedItems()):
            return None
        return self.views[row].id, self.views[row].agency_id

    def _selected(self) -> None:
        self.open_button.setEnabled(0 <= self.table.currentRow() < len(self.views)
                                    and bool(self.table.selectedItems()))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Resize:
            fit_agency_and_case(self.table)   # the room the other columns leave has changed
        if (watched is self.table and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Return, Qt.Key_Enter)):
            self.open_row(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.views):
            self.opened.emit(self.views[row])


def _sentence(message: str) -> str:
    """A core message in the owner's language, as a sentence of its own."""
    return sentence_start(said_once(message))


def _registered(agent) -> bool:
    """Whether the owner is registered with any agency; True when that cannot be read (the
    trust store's own problem is said in Settings, not over the requests)."""
    try:
        return bool(agent.registration_views())
    except AgentError:
        return True
