"""Which of the two 01:30s: the choice beside a time box whose time the clocks going back make
happen twice (01:30 PDT, then 01:30 PST; 02:30 CEST, then CET). A QDateTimeEdit holds a wall
time and no such thing, so a window lying wholly in the hour's second pass could not be typed
(the command line takes the abbreviation or the offset; docs/cli.md). The choice is shown only
for such a time, and kept as the box's "fold" property, which the Export page reads it by."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateTimeEdit

from gui.views.shown import plain_tip
from gui.views.times import passes


class TimePass(QComboBox):
    """The pass of the repeated hour `edit`'s time is read as; hidden for any other time.
    `chosen` is emitted when the owner picks one (the page shows the window anew)."""

    def __init__(self, edit: QDateTimeEdit, zone_name: str, what: str):
        super().__init__()
        self.edit, self.zone_name, self.what = edit, zone_name, what
        self.hide()
        edit.dateTimeChanged.connect(self.follow)
        self.activated.connect(lambda index: edit.setProperty("fold", index))

    def follow(self) -> None:
        """Offer the two readings when the box's time has them, the one it is read as chosen."""
        d, t = self.edit.dateTime().date(), self.edit.dateTime().time()
        names = passes(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                       self.zone_name)
        if names is None:
            self.hide()
            return
        first, second = names
        clock = t.toString("HH:mm:ss")
        self.blockSignals(True)
        self.clear()
        self.addItems([self.tr("{zone}, the first time").format(zone=first),
                       self.tr("{zone}, the second time").format(zone=second)])
        self.setCurrentIndex(1 if self.edit.property("fold") else 0)
        self.blockSignals(False)
        words = self.tr("{what}: {clock} happened twice, as the clocks went back an hour. "
                        "Which one?").format(what=self.what, clock=clock)
        self.setAccessibleName(words)
        self.setToolTip(plain_tip(words))
        self.show()
