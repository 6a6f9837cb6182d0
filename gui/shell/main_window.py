"""The main window: a quiet sidebar (Requests, Export, Activity log, Settings) and one page at a
time, and where a job's progress leads back to. Closing it (closing.py) keeps the service
running in the tray when the owner chose that; quitting asks about unsaved work first, a stop
signal does not."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from gui.pages.export import ExportPage
from gui.pages.first_run import FirstRunPage
from gui.pages.inbox import InboxPage
from gui.pages.log import LogPage
from gui.pages.masks import MasksPage
from gui.pages.progress import ProgressPage
from gui.pages.register import RegisterPage
from gui.pages.request import RequestPage
from gui.pages.settings import SettingsPage
from gui.shell import geometry
from gui.shell.closing import WindowClosing
from gui.shell.tray import Tray, app_icon
from gui.views.arrival import arrival_words
from gui.views.words import QT_TRANSLATE_NOOP
from gui.widgets.focus_rings import FocusRings
from gui.widgets.folder_problems import FolderProblems
from gui.widgets.key_lock import KeyLock, RecorderLock
from gui.shell.page_area import PageStack, page_area
from gui.widgets.spoken import say

NAV = ((QT_TRANSLATE_NOOP("MainWindow", "Requests"), "inbox"),
       (QT_TRANSLATE_NOOP("MainWindow", "Export a clip"), "export"),
       (QT_TRANSLATE_NOOP("MainWindow", "Activity log"), "log"),
       (QT_TRANSLATE_NOOP("MainWindow", "Settings"), "settings"),
       (QT_TRANSLATE_NOOP("MainWindow", "Set up"), "first_run"))
NAV_WIDEST = 210
NAV_PT = 11.0   # the sidebar's text size in the style sheet, for the usual system text


class MainWindow(WindowClosing, QMainWindow):
    def __init__(self, ctx, tray: Tray | None = None):
        super().__init__()
        self.ctx = ctx
        self.tray = tray or Tray(self)
        self.quitting = False
        self._left = False         # the current page's unsaved work was settled: close at once
        self._nav_name = "inbox"   # the sidebar's page last shown
        self._approving: tuple[str, str] | None = None   # the request the progress sends
        self.setWindowTitle(self.tr("Footage requests"))
        self.setWindowIcon(app_icon())
        self.inbox, self.request = InboxPage(ctx), RequestPage(ctx)
        self.progress, self.export = ProgressPage(ctx), ExportPage(ctx)
        self.log, self.settings = LogPage(ctx), SettingsPage(ctx)
        self.first_run = FirstRunPage(ctx)
        self.masks = MasksPage(ctx)
        self.register = RegisterPage(ctx)
        self.pages = PageStack()
        for page in self._pages().values():
            self.pages.addWidget(page)
        self.folder_problems = FolderProblems(ctx)
        self.key_lock = KeyLock(ctx)
        self.recorder_lock = RecorderLock(ctx)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.addItems([self.tr(title) for title, _ in NAV])
        # As wide as its longest entry in the owner's language (190 px at least), but no wider
        # than NAV_WIDEST: a longer entry wraps (a 1024-pixel screen needs the room). Large
        # system text widens the cap alike (the pages scroll then), so no entry is cut.
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.nav.ensurePolished()   # the style sheet's font: the system's text size counts
        grown = max(1.0, self.nav.font().pointSizeF() / NAV_PT)
        self.nav.setFixedWidth(min(round(NAV_WIDEST * grown),
                                   max(190, self.nav.sizeHintForColumn(0) + 40)))
        self.nav.currentRowChanged.connect(lambda row: self.show_page(NAV[row][1]))
        body = QWidget()
        line = QHBoxLayout(body)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(0)
        line.addWidget(self.nav)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.folder_problems)
        column.addWidget(self.key_lock)
        column.addWidget(self.recorder_lock)
        column.addWidget(page_area(self.pages), 1)
        line.addLayout(column, 1)
        self.setCentralWidget(body)
        self._connect()
        self.focus_rings = FocusRings(self)   # the focus seen where the style draws none
        self.home = getattr(ctx.agent, "home", None)
        if self.home is not None:
            geometry.place(self, self.home)
        else:
            self.resize(geometry.PREFERRED)

    def _pages(self) -> dict[str, QWidget]:
        return {"inbox": self.inbox, "request": self.request, "progress": self.progress,
                "export": self.export, "log": self.log, "settings": self.settings,
                "first_run": self.first_run, "masks": self.masks, "register": self.register}

    def _connect(self) -> None:
        self.inbox.opened.connect(self.open_request)
        self.inbox.arrived.connect(self._announce)
        self.inbox.manualExport.connect(lambda: self.show_page("export"))
        self.request.back.connect(lambda: self.show_page("inbox"))
        self.request.started.connect(self._follow_approval)
        self.request.decided.connect(self._decided)
        self.export.started.connect(self.follow)
        self.progress.ended.connect(self._ended_out_of_sight)
        self.export.running.connect(lambda: self.show_page("progress"))
        self.progress.closed.connect(self._progress_closed)
        self.settings.addFolder.connect(lambda: (self.show_page("first_run"),
                                                 self.first_run.go(0)))
        self.settings.editMasks.connect(lambda: self.show_page("masks"))
        self.masks.back.connect(lambda: self.show_page("settings"))
        self.settings.registrations.registerRequested.connect(
            lambda: (self.register.start_new(), self.show_page("register")))
        self.settings.registrations.changeRequested.connect(
            lambda view: (self.register.start_update(view), self.show_page("register")))
        self.register.back.connect(lambda: self.show_page("settings"))
        self.first_run.finished.connect(lambda: self.show_page("inbox"))
        self.tray.openRequested.connect(self.bring_up)
        self.tray.quitRequested.connect(self.quit)
        self.ctx.bridge.scanFinished.connect(self._scanned)
        self.ctx.bridge.scanFailed.connect(self.folder_problems.failed)
        self.folder_problems.settingsRequested.connect(lambda: self.show_page("settings"))
        self.key_lock.unlocked.connect(lambda: self.statusBar().showMessage(
            self.tr("Your key is unlocked until the app is closed."), 8000))
        self.recorder_lock.unlocked.connect(lambda: self.statusBar().showMessage(
            self.tr("Your recorders' passwords are unlocked until the app is closed."), 8000))
        self.settings.sourcesShown.connect(self.folder_problems.keep_only)

    def start(self) -> None:
        """First screen: set-up when no recordings folder is known yet, else the inbox; above
        it, the key's passphrase asked for when the key needs one."""
        self.ctx.bridge.call("sources", self.ctx.agent.sources,
                             lambda s: self.show_page("inbox" if s else "first_run"),
                             failed=self.folder_problems.index_failed)
        self.key_lock.check()
        self.recorder_lock.check()

    def show_page(self, name: str) -> None:
        """Show a page. One that holds unsaved work (`leave`: the masks, the settings) is asked
        first; it may save, discard, or keep the owner there."""
        current, page = self.pages.currentWidget(), self._pages()[name]
        if current is not page and hasattr(current, "leave"):
            current.leave(lambda: self._show_page(name))
            if self.pages.currentWidget() is current:   # stayed: the sidebar says so too
                self._mark_nav(self._nav_name)
            return
        self._show_page(name)

    def _mark_nav(self, name: str) -> None:
        names = [n for _t, n in NAV]
        # Row 0 may be current yet not selected (focus put it there): nothing would be lit.
        if name in names and (self.nav.currentRow() != names.index(name)
                              or not self.nav.item(names.index(name)).isSelected()):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(names.index(name))
            self.nav.blockSignals(False)

    def _show_page(self, name: str) -> None:
        page = self._pages()[name]
        if name == "first_run" and self.pages.currentWidget() is not page:
            self.first_run.reopen()
        self.pages.setCurrentWidget(page)
        if name in [n for _t, n in NAV]:
            self._nav_name = name
        self._mark_nav(name)
        refresh = {"inbox": self.inbox.refresh, "log": self.log.refresh,
                   "settings": self.settings.refresh, "masks": self.masks.open}.get(name)
        if refresh:
            refresh()
        if name == "export" and not self.export.cameras:
            self.export.load()
        elif name == "export":   # masks may have been drawn since
            self.export.options.load_masks(self.export.cameras)

    def open_request(self, view) -> None:
        """Show a request (a RequestView) with a timeline for each camera it names; one being
        sent, its progress (Cancel, the outcome), which nothing else leads back to."""
        if self.request.sending == (view.id, view.agency_id) \
                and self.progress.job is self.request.sending_job:
            self.show_page("progress")
            return
        agent = self.ctx.agent

        def work():   # the cameras, and what each the request names is called now
            return agent.cameras(), {c: agent.camera_name(c) or c for c in view.cameras}
        self.ctx.bridge.call("cameras", work, lambda found: (
            self.request.open(view, *found), self.show_page("request")))

    def _scanned(self, event) -> None:
        self.folder_problems.scanned(event)
        if not self.folder_problems.problems:   # else a folder above says it is not
            self.statusBar().showMessage(self.tr("Recordings index is up to date."), 8000)
        else:   # nor is it since a moment ago, whatever the line below said then
            self.statusBar().clearMessage()
        if not self.export.cameras:   # opened before the first scan had found any camera
            self.export.load()
        self.request.strip.ask_unknown_again()   # its cameras alike

    def _progress_closed(self) -> None:
        """A job that failed or was cancelled returns to where it can be tried again: an export
        by hand to its page, the choices kept; an approval to its request, read afresh, which
        then offers "Try sending again". Anything else goes to the requests."""
        job, sent = self.progress.job, self._approving
        again = job is not None and not self.progress.finished_ok
        if again and job.name == "export":
            self.show_page("export")
        elif again and job.name == "approve" and sent is not None:
            # The request approved, not the one the page shows now: the owner may have
            # opened another while this one was sending.
            self.ctx.bridge.call("inbox", self.ctx.agent.requests.list,
                                 lambda views: self._reopen(views, *sent))
        else:
            self.show_page("inbox")

    def _reopen(self, views: list, rid: str, agency: str) -> None:
        found = [v for v in views if v.id == rid and v.agency_id == agency]
        if found:
            self.open_request(found[0])
        else:
            self.show_page("inbox")

    def _decided(self) -> None:
        """Back to the requests from the decided request's page; elsewhere the owner stays."""
        if self.pages.currentWidget() is self.request:
            self.show_page("inbox")

    def _follow_approval(self, job, title: str, done: str) -> None:
        self._approving = self.request.sending
        self.follow(job, title, done)

    def follow(self, job, title: str, done: str = "") -> None:
        """Show the progress page following `job`, titled `title`, then `done` (if given) once
        it ended well."""
        self.progress.track(job, title, done)
        self.show_page("progress")

    def _ended_out_of_sight(self, title: str, text: str) -> None:
        """An export or a delivery that ended while the window was closed to the tray (or
        minimised) is said by the tray: the owner who closed it to wait heard nothing, and
        found out only by opening the app again."""
        if self.isVisible() and not self.isMinimized():
            return
        self.tray.notify(title, text)

    def _announce(self, views: list) -> None:
        for v in views:
            title, text = arrival_words(v, self.ctx.zone)
            self.tray.notify(title, text)
            say(self, f"{title}: {text}")   # a screen reader hears it in the app too

    def bring_up(self) -> None:
        """Show the window (the tray icon's click). The inbox or the activity log, when shown,
        is read again: the app may have sat in the tray for days, and requests expired or were
        answered from the command line meanwhile (a new one alone reloaded them)."""
        self.show()
        self.raise_()
        self.activateWindow()
        reread = {self.inbox: self.inbox.refresh,
                  self.log: self.log.refresh}.get(self.pages.currentWidget())
        if reread is not None:
            reread()
