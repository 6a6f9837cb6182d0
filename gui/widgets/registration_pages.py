"""The registration flow's pages other than the cameras: the agency and its invite code, the
owner's contact, the review of what the agency will learn, and the result. Every text that
came from outside (agency names, what the portal said) is shown in plain labels."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLineEdit, QVBoxLayout, QWidget

from agent.views import Contact, one_line
from gui.views.core_words import owner_words
from gui.views.registration_forms import contact_from
from gui.views.registration_review import Review
from gui.views.shown import shown, shown_lines
from gui.widgets.labels import plain_label


class InvitePage(QWidget):
    """Which agency (its file is in the trust store already) and the invite code it sent."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choices: list[tuple[object, object]] = []   # (Agency, RegistrationReadiness)
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency to register with"))
        self.agency.currentIndexChanged.connect(self._show_readiness)
        self.readiness = plain_label(name="caption")
        self.invite = QLineEdit()
        self.invite.setPlaceholderText(self.tr("inv-\u2026 (26 letters and digits follow)"))
        self.invite.setAccessibleName(self.tr("Invite code"))
        form = QFormLayout()
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.readiness)
        form.addRow(self.tr("Invite code"), self.invite)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("Register your cameras with an agency"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("When you sign up with your city's camera program, the "
                                          "agency sends you a one-time invite code. Registering "
                                          "tells the agency who you are and which cameras you "
                                          "have, so it knows whom to ask when something happens "
                                          "nearby. You see exactly what it will learn before "
                                          "anything is sent."), "hint"))
        box.addLayout(form)
        box.addStretch(1)

    def set_agencies(self, choices: list[tuple[object, object]]) -> None:
        """The trusted agencies with whether each can be registered with now."""
        self.choices = choices
        self.agency.clear()
        self.agency.addItems([one_line(a.name) for a, _r in choices])
        self._show_readiness()

    def chosen(self):
        """(Agency, RegistrationReadiness) chosen, or None."""
        i = self.agency.currentIndex()
        return self.choices[i] if 0 <= i < len(self.choices) else None

    def _show_readiness(self, *_args) -> None:
        choice = self.chosen()
        if choice is None:
            self.readiness.setText(self.tr("No agency yet: add the agency's file first (the step "
                                   "before, or Settings, \u201cAdd an agency file\u201d)."))
            return
        agency, ready = choice
        # the agency's name set apart (shown): bare, a Hebrew name took the registrations
        # after it into its run, "(17, 18)" drawn as ")18 ,17(" left of the name in Spanish
        if not ready.ready:
            self.readiness.setText(self.problems()[0])
        elif ready.registrations:
            self.readiness.setText(shown(self.tr(
                "You are registered with {agency} already ({registrations}). Registering again "
                "makes a second registration; to change what the agency knows, use \u201cChange "
                "details\u201d in Settings."), agency=agency.name,
                registrations=", ".join(ready.registrations)))
        else:
            self.readiness.setText(self.tr("Call-back number: {phone}").format(
                phone=one_line(agency.phone)))

    def problems(self) -> list[str]:
        """What must be fixed before going on."""
        choice = self.chosen()
        if choice is None:
            return [self.tr("Add the agency's file first: it says where to register.")]
        if not choice[1].ready:
            return [shown(self.tr("Cannot register with {agency} now: {reason}."),
                          agency=choice[0].name, reason=owner_words(one_line(choice[1].reason)))]
        if not self.invite.text().strip():
            return [self.tr("Type the invite code the agency sent you (it starts with inv-).")]
        return []


class ContactPage(QWidget):
    """How the agency reaches the owner: a name (required), email and phone (optional)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name, self.email, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setAccessibleName(self.tr("Your name"))
        self.email.setAccessibleName(self.tr("Your email (optional)"))
        self.phone.setAccessibleName(self.tr("Your phone (optional)"))
        self.email.setPlaceholderText(self.tr("optional"))
        self.phone.setPlaceholderText(self.tr("optional"))
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Phone"), self.phone)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("How can the agency reach you?"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("The agency uses this only to contact you about a "
                                          "request. Your name is required; email and phone are up "
                                          "to you."),
                                  "hint"))
        box.addLayout(form)
        box.addStretch(1)

    def fill(self, contact: Contact | None) -> None:
        """Show a contact registered before (or empty fields)."""
        self.name.setText(contact.name if contact else "")
        self.email.setText(contact.email or "" if contact else "")
        self.phone.setText(contact.phone or "" if contact else "")

    def contact(self) -> tuple[Contact | None, list[str]]:
        """The contact as typed, or None and what is missing."""
        return contact_from(self.name.text(), self.email.text(), self.phone.text())


class ReviewPage(QWidget):
    """Exactly what the agency will learn, and what it will not, before anything is sent."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = plain_label(name="sectionTitle")
        self.learns = plain_label()
        self.not_learns = plain_label()
        self.note = plain_label(name="notice")
        card = QFrame()
        card.setObjectName("leaves")
        inner = QVBoxLayout(card)
        inner.addWidget(plain_label(self.tr("It will learn"), "fieldName"))
        inner.addWidget(self.learns)
        inner.addWidget(plain_label(self.tr("It will not get"), "fieldName"))
        inner.addWidget(self.not_learns)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(card)
        box.addWidget(self.note)
        box.addStretch(1)

    def show_review(self, agency: str, review: Review) -> None:
        """Fill the page for `agency` (its name as the trust store has it)."""
        self.title.setText(shown(self.tr("What {agency} will learn"), agency=agency))
        # as shown lines: a camera's line keeps its name and address isolated (Review)
        self.learns.setText(shown_lines([
            shown("\u2022 {line}", line=line) if not line.startswith(" ") else
            shown("      \u25e6 {line}", line=line.lstrip()) for line in review.learns]))
        self.not_learns.setText("\n".join(f"\u2022 {line}" for line in review.not_learns))
        self.note.setText(review.note)

    def text(self) -> str:
        """Everything the page says, as one text (what the owner reads)."""
        return "\n".join(w.text() for w in (self.title, self.learns, self.not_learns, self.note))


class ResultPage(QWidget):
    """What happened: the registration and its certificate, or why not and what was kept."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.outcome = plain_label(name="summary")
        self.kept = plain_label(name="caption")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("Result"), "sectionTitle"))
        box.addWidget(self.outcome)
        box.addWidget(self.kept)
        box.addStretch(1)

    def report(self, outcome: str, kept: str = "") -> None:
        """Show an outcome and, after a failure, what this computer kept."""
        self.outcome.setText(outcome)
        self.kept.setText(kept)
