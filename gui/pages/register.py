"""The 'Register with an agency' page reached from Settings: the registration flow for a new
registration, or for changing one (its contact and cameras, prefilled); `back` returns to
Settings when the owner is done or leaves."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.views import registrations
from gui.widgets.labels import plain_label
from gui.widgets.registration_flow import RegistrationFlow


class RegisterPage(QWidget):
    """A page holding one RegistrationFlow."""

    back = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = plain_label(self.tr("Register with an agency"), "pageTitle")
        self.flow = RegistrationFlow(ctx)
        self.flow.left.connect(self.back.emit)
        self.flow.closed.connect(lambda _done: self.back.emit())
        back = QPushButton(self.tr("\u2190 Settings"))
        back.setObjectName("flat")
        back.setAccessibleName(self.tr("Back to Settings"))
        back.clicked.connect(self.back.emit)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.addLayout(top)
        box.addWidget(self.flow, 1)

    def start_new(self) -> None:
        """A new registration, from the agency and invite code on."""
        self.title.setText(self.tr("Register with an agency"))
        self.flow.start_new()

    def start_update(self, view) -> None:
        """Change what an agency knows (a RegistrationView)."""
        self.title.setText(self.tr("Change what {agency} knows").format(
            agency=registrations.agency(view)))
        self.flow.start_update(view)
