"""The registration's cameras page: every camera of the index with a tick, and for each ticked
one where it is (a street address and/or a map point), what it sees and how long its recorder
keeps footage. Shared by registering and by changing a registration (prefilled)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agent.views import Camera
from gui.views.registration_forms import CameraEntry, entry_of
from gui.widgets.labels import plain_label

NOT_SAID = -1   # the retention box's "not said" value (0 days is a real answer)


def button_text(text: str) -> str:
    """Text for a button or tick box: '&' shown as itself, not taken as a shortcut key."""
    return text.replace("&", "&&")


class CameraCard(QFrame):
    """One camera: the tick and, enabled while ticked, its place, view and retention."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.name = name
        self.tick = QCheckBox(button_text(name))
        self.tick.setAccessibleName(self.tr("Register camera {camera}").format(camera=name))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("e.g. 1200 Elm Street, Seattle"))
        self.point = QLineEdit()
        self.point.setPlaceholderText(self.tr("optional: latitude, longitude (e.g. 47.6101, "
                                              "-122.3421)"))
        self.sees = QLineEdit()
        self.sees.setPlaceholderText(self.tr("e.g. the front door, the sidewalk and part of the "
                                             "street"))
        self.retention = QSpinBox()
        self.retention.setRange(NOT_SAID, 3650)
        self.retention.setSpecialValueText(self.tr("not said"))
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(NOT_SAID)
        self.retention.setMaximumWidth(180)
        for field, what in ((self.address, self.tr("Street address of camera {camera}")),
                            (self.point, self.tr("Map point of camera {camera}")),
                            (self.sees, self.tr("What camera {camera} sees")),
                            (self.retention,
                             self.tr("Days the recorder keeps footage of camera {camera}"))):
            field.setAccessibleName(what.format(camera=name))
        form = QFormLayout()
        form.addRow(self.tr("Where it is"), self.address)
        form.addRow(self.tr("Map point"), self.point)
        form.addRow(self.tr("What it sees"), self.sees)
        form.addRow(self.tr("Recorder keeps footage for"), self.retention)
        box = QVBoxLayout(self)
        box.addWidget(self.tick)
        box.addLayout(form)
        self.tick.toggled.connect(self._enable)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for field in (self.address, self.point, self.sees, self.retention):
            field.setEnabled(on)

    def fill(self, entry: CameraEntry) -> None:
        """Show a camera as typed before (or as registered)."""
        self.tick.setChecked(entry.ticked)
        self.address.setText(entry.address)
        self.point.setText(entry.point)
        self.sees.setText(entry.sees)
        self.retention.setValue(NOT_SAID if entry.retention_days is None
                                else entry.retention_days)

    def entry(self) -> CameraEntry:
        """The camera as typed now."""
        days = self.retention.value()
        return CameraEntry(self.name, self.tick.isChecked(), self.address.text(),
                           self.point.text(), self.sees.text(),
                           None if days == NOT_SAID else days)


class CameraPlaces(QWidget):
    """The cameras to register, one card each, in a scroll area."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.cards: dict[str, CameraCard] = {}
        self.empty = plain_label(self.tr("No cameras are indexed yet. Add a recordings folder "
                                         "first (Settings or Set up, step 1); you can "
                                         "also register now without cameras and add them "
                                         "later."), "hint")
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self._list)
        scroll.viewport().setAutoFillBackground(False)   # the page's own background shows
        self._list.setAutoFillBackground(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("Which cameras, where are they and what do they see?"),
                                  "sectionTitle"))
        box.addWidget(plain_label(self.tr("Tick the cameras the agency should know about. For "
                                          "each, say where it is (a street address, a map point or "
                                          "both) and, if you like, what it sees and how long your "
                                          "recorder keeps footage, so the agency only asks when "
                                          "your camera may have seen something."), "hint"))
        box.addWidget(self.empty)
        box.addWidget(scroll, 1)

    def set_cameras(self, names: list[str], registered: tuple[Camera, ...] = ()) -> None:
        """One card per indexed camera and per registered one (registered ones ticked and
        filled in; a registered camera no longer indexed is still listed, so it is never
        dropped unseen)."""
        while self._rows.count():   # the cards and the stretch shown before
            item = self._rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cards = {}
        known = {c.name: entry_of(c) for c in registered}
        for name in list(dict.fromkeys([*names, *known])):
            card = CameraCard(name)
            card.fill(known.get(name, CameraEntry(name)))
            card.tick.toggled.connect(lambda on, c=card: on and self._same_place(c))
            self._rows.addWidget(card)
            self.cards[name] = card
        self._rows.addStretch(1)
        self.empty.setVisible(not self.cards)
        # Cards made now would come last in Tab's order, after the flow's Next: each card's
        # tick and fields follow the list, as they are seen.
        previous = self.scroll
        for card in self.cards.values():
            for field in (card.tick, card.address, card.point, card.sees, card.retention):
                QWidget.setTabOrder(previous, field)
                previous = field

    def _same_place(self, card: CameraCard) -> None:
        # Most homes register cameras at one address: a newly ticked camera starts with the
        # place of the first ticked camera that has one (the owner can change it).
        if card.address.text() or card.point.text():
            return
        for other in self.cards.values():
            if other is not card and other.tick.isChecked() and \
                    (other.address.text() or other.point.text()):
                card.address.setText(other.address.text())
                card.point.setText(other.point.text())
                return

    def entries(self) -> list[CameraEntry]:
        """Every camera as typed, in the order shown."""
        return [card.entry() for card in self.cards.values()]
