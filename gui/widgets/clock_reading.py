"""Set up's clock step, its sums: the camera's own reading of the picture shown, against the
real date and time the owner types for it.

The reading is the camera's, kept as the picture is shown: the index places the picture by the
folder's clock difference, and saving a difference re-reads the folder and moves it, so a
difference taken from the index's place after a save was the new one added to the old (Save
pressed again: "runs 20 s slow" for a camera 10 s slow)."""
from __future__ import annotations

from PySide6.QtCore import QDate, QTime

from agent.views import usable_clock_offset
from gui.views import display
from gui.views.times import US, wall_us


def offset_us(src) -> int:
    """The folder's clock offset in microseconds; none for one an older version saved that
    cannot be used (infinite, not a number), which the owner is asked to set again."""
    return round(src.clock_offset_s * US) if usable_clock_offset(src.clock_offset_s) else 0


def nearer_day(camera_at: int, where: str, entered: QTime) -> QDate:
    """The day, of the camera's and the two beside it, on which the time `entered` (in zone
    `where`) is nearest the camera's reading `camera_at` (ties: the camera's own)."""
    shown = display.local(camera_at, where)
    own = QDate(shown.year, shown.month, shown.day)

    def apart(day: QDate) -> int:
        return abs(camera_at - wall_us(day.year(), day.month(), day.day(), entered.hour(),
                                       entered.minute(), entered.second(), where))
    return min((own, own.addDays(-1), own.addDays(1)), key=apart)


def difference_s(camera_at: int, day: QDate, entered: QTime, where: str) -> float:
    """The camera's reading minus the true time typed, on exactly `day` (in zone `where`):
    the clock offset to save, in seconds (tenths)."""
    true = wall_us(day.year(), day.month(), day.day(), entered.hour(), entered.minute(),
                   entered.second(), where)
    return round((camera_at - true) / US, 1)
