"""Registering with an agency, one page at a time: the agency and its invite code, the owner's
contact, the cameras (ticked from the index, each with its place, view and retention), a
review of exactly what the agency will learn, then sending (a job) and the result. Changing a
registration walks the same pages from the contact on, prefilled.

Used as the last first-run step and, from Settings, on the register page. Nothing is sent
before the owner presses the review page's button; a refusal shows what this computer kept.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from gui.views import registration_review
from gui.views import registrations as words
from gui.views.registration_forms import cameras_from
from gui.views.shown import shown_lines
from gui.views.words import QT_TRANSLATE_NOOP, sentence_start
from gui.widgets.camera_places import CameraPlaces
from gui.widgets.labels import plain_label
from gui.widgets.registration_pages import ContactPage, InvitePage, ResultPage, ReviewPage
from gui.widgets.scrolling import scrolled
from gui.widgets.spoken import status_label

INVITE, CONTACT, CAMERAS, REVIEW, RESULT = range(5)
CRUMBS = (QT_TRANSLATE_NOOP("RegistrationFlow", "Agency and invite"),
          QT_TRANSLATE_NOOP("RegistrationFlow", "You"),
          QT_TRANSLATE_NOOP("RegistrationFlow", "Cameras"),
          QT_TRANSLATE_NOOP("RegistrationFlow", "Review"),
          QT_TRANSLATE_NOOP("RegistrationFlow", "Result"))


class RegistrationFlow(QWidget):
    """The pages, their crumbs and Back / Next; `left` when Back leaves the first page,
    `closed(done)` on "Not now" (False) or "Done" after a registration or change (True)."""

    left = Signal()
    closed = Signal(bool)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.updating = None            # the RegistrationView being changed, or None
        self.agency = None              # the Agency registered with (new registrations)
        self.outgoing = None            # (Contact, cameras) the review showed
        self.done_ok = False
        self.invite, self.contact = InvitePage(), ContactPage()
        self.cameras, self.review, self.result = CameraPlaces(), ReviewPage(), ResultPage()
        self.pages = QStackedWidget()
        for page in (self.invite, self.contact, self.cameras, self.review, self.result):
            self.pages.addWidget(page)
        self.crumbs = [plain_label(self.tr(t), "crumb") for t in CRUMBS]
        self.cancel_button = QPushButton(self.tr("Not now"))
        self.cancel_button.setObjectName("flat")
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("primary")
        self.cancel_button.clicked.connect(lambda: self.closed.emit(self.done_ok))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.status = status_label()
        crumbs = QHBoxLayout()
        for c in self.crumbs:
            crumbs.addWidget(c)
        crumbs.addStretch(1)
        nav = QHBoxLayout()
        nav.addWidget(self.cancel_button)
        nav.addWidget(self.status, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(crumbs)
        box.addWidget(scrolled(self.pages, self.tr("Register with an agency")), 1)   # a small screen: Back and Next stay in reach
        box.addLayout(nav)

    # starting ----------------------------------------------------------------------------
    def start_new(self) -> None:
        """Begin a new registration: the trusted agencies, the indexed cameras, and the
        contact of an earlier registration (if any) to start from."""
        self.updating, self.done_ok = None, False
        self.invite.invite.clear()
        self.go(INVITE)
        agent = self.ctx.agent

        def load():
            choices = [(a, agent.registration_readiness(a.id)) for a in agent.agencies()]
            return choices, agent.cameras(), agent.registration_views()
        self.ctx.bridge.call("registration-start", load, lambda r: self._loaded(*r),
                             self.status.setText)

    def _loaded(self, choices, cameras, views) -> None:
        self.invite.set_agencies(choices)
        self.cameras.set_cameras(cameras)
        earlier = next((v.contact for v in views if v.contact), None)
        if earlier and not self.contact.name.text():
            self.contact.fill(earlier)

    def start_update(self, view) -> None:
        """Change a registration (a RegistrationView): its contact and cameras, prefilled."""
        self.updating, self.done_ok = view, False
        self.contact.fill(view.contact)
        self.go(CONTACT)
        self.ctx.bridge.call("cameras", self.ctx.agent.cameras,
                             lambda names: self.cameras.set_cameras(names, view.cameras),
                             self.status.setText)

    # moving ------------------------------------------------------------------------------
    def first(self) -> int:
        return CONTACT if self.updating is not None else INVITE

    def go(self, index: int) -> None:
        """Show a page, with its crumbs and buttons."""
        self.pages.setCurrentIndex(index)
        self.status.setText("")
        for n, crumb in enumerate(self.crumbs):
            crumb.setVisible(n >= self.first())
            crumb.setProperty("state", "current" if n == index else ("done" if n < index else ""))
            crumb.style().unpolish(crumb)
            crumb.style().polish(crumb)
        send = self.tr("Send the changes") if self.updating is not None else self.tr("Register")
        self.next_button.setText({REVIEW: send, RESULT: self.tr("Done")}.get(index,
                                                                             self.tr("Next")))
        self.next_button.setEnabled(index != RESULT or self.done_ok)
        self.back_button.setEnabled(not (index == RESULT and self.done_ok))
        self.cancel_button.setText(self.tr("Close") if self.done_ok else
                                   self.tr("Cancel") if self.updating is not None
                                   else self.tr("Not now"))

    def back(self) -> None:
        index = self.pages.currentIndex()
        if index == self.first():
            self.left.emit()
        else:
            self.go(REVIEW if index == RESULT else index - 1)

    def next(self) -> None:
        index = self.pages.currentIndex()
        if index == RESULT:
            self.closed.emit(self.done_ok)
        elif index == REVIEW:
            self.send()
        elif index == INVITE:
            self._go_on(self.invite.problems(), CONTACT)
        elif index == CONTACT:
            self._go_on(self.contact.contact()[1], CAMERAS)
        elif index == CAMERAS:
            self._review()

    def _go_on(self, problems: list[str], index: int) -> None:
        if problems:
            self.status.setText(shown_lines(problems, " "))
        else:
            self.go(index)

    def _review(self) -> None:
        contact, missing = self.contact.contact()
        cameras, problems = cameras_from(self.cameras.entries())
        if missing or problems:
            self.status.setText(shown_lines(missing + problems, " "))   # names kept isolated
            return
        if self.updating is None:
            self.agency = self.invite.chosen()[0]
        name = self.agency_name()
        self.outgoing = (contact, cameras)
        self.review.show_review(name, registration_review.review(
            name, contact, cameras, self.updating is not None))
        self.go(REVIEW)

    def agency_name(self) -> str:
        """The agency this flow registers with or changes, by its trust-store name."""
        return self.updating.agency_name if self.updating is not None else self.agency.name

    # sending -----------------------------------------------------------------------------
    def send(self) -> None:
        """Register, or send the changes, as a job; the result page shows how it ended."""
        agent, (contact, cameras) = self.ctx.agent, self.outgoing
        view, before = self.updating, {}
        agency_id = view.agency_id if view is not None else self.agency.id
        invite = self.invite.invite.text().strip()

        def work():
            before["views"] = agent.registration_views()
            if view is not None:
                return agent.update_registration(view.agency_id, view.id, contact, cameras)
            return agent.register(agency_id, invite, contact, cameras)
        self._busy(True)
        self.status.setText(self.tr("Sending to {agency}\u2026").format(agency=self.agency_name()))
        self.ctx.bridge.call("register", work, self._sent,
                             lambda message: self._refused(message, before, agency_id))

    def _busy(self, on: bool) -> None:
        for button in (self.cancel_button, self.back_button, self.next_button):
            button.setEnabled(not on)

    def _sent(self, view) -> None:
        self._busy(False)
        self.done_ok = True
        self.result.report(words.registered_words(view, self.ctx.zone,
                                                  self.updating is not None))
        self.go(RESULT)

    def _refused(self, message: str, before: dict, agency_id: str) -> None:
        self._busy(False)
        head = "\u2718 " + (self.tr("Not changed.") if self.updating is not None
                            else self.tr("Not registered."))
        self.result.report(shown_lines([head, sentence_start(message)]),   # its names kept apart
                           self.tr("Checking what this computer kept\u2026"))
        self.go(RESULT)
        if "views" not in before:   # it failed before reading what was held: nothing to compare
            self.result.kept.setText("")
            return
        self.ctx.bridge.call(
            "registrations", self.ctx.agent.registration_views,
            lambda after: self.result.kept.setText(words.kept_after_failure(
                before["views"], after, agency_id)),
            self.result.kept.setText)
