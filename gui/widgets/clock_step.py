"""First-run step 2: check a camera's clock with a frame whose true time is known, and store
the difference."""
from __future__ import annotations

import time

from PySide6.QtCore import QDate, QTime
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from agent.views import usable_clock_offset
from gui.views import display, settings_rows
from gui.views.times import US, is_utc
from gui.widgets import clock_reading
from gui.widgets.labels import plain_label
from gui.widgets.preview_pane import to_image
from gui.widgets.scrolling import scrolling_body
from gui.widgets.spoken import status_label

# A recording of the last 30 days is shown first; else the folder's newest, however old.
_RECENT_US = 30 * 86400 * US


class ClockStep(QWidget):
    """Step 2: the owner finds a moment whose true time they know; the difference is stored."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sources: list = []
        self.frame_at: int | None = None   # the picture shown, where the index places it
        self.camera_at: int | None = None  # and the camera's own reading of it (clock_reading)
        self.source_box = QComboBox()
        self.source_box.setAccessibleName(self.tr("Camera whose clock to check"))
        self.show_button = show = QPushButton(self.tr("Show a picture"))
        show.clicked.connect(lambda: self.show_frame())
        self.source_box.activated.connect(lambda _i: self._forget_frame())
        self.picture = QLabel("")
        self.picture.setMinimumHeight(180)
        # To the moment whose real time the owner knows (their phone held up to the camera):
        # the picture first shown is only the newest recording's first second.
        self.frame_camera = ""
        self.moves = QHBoxLayout()
        self.move_buttons = []
        for text, name, step_s in ((self.tr("\u25c0 1 min"), self.tr("1 minute earlier"), -60),
                                   (self.tr("\u25c0 5 s"), self.tr("5 seconds earlier"), -5),
                                   (self.tr("5 s \u25b6"), self.tr("5 seconds later"), 5),
                                   (self.tr("1 min \u25b6"), self.tr("1 minute later"), 60)):
            move = QPushButton(text)
            move.setAccessibleName(name)
            move.setEnabled(False)
            move.clicked.connect(lambda _=False, s=step_s: self.move_by(s))
            self.moves.addWidget(move)
            self.move_buttons.append(move)
        self.moves.addStretch(1)
        self.says = plain_label()
        # The date too: a camera left on another zone (its maker's) is more than half a day off.
        self.true_day = QDateEdit()
        self.true_day.setAccessibleName(self.tr("The real date at this moment"))
        self.true_day.setDisplayFormat("yyyy-MM-dd")
        self.true_day.setCalendarPopup(True)
        # The date shown is the date saved. Until the owner changes it, it follows the time
        # typed to the nearer day's (a time across midnight); the step guessed that day at
        # saving, unseen, and a real date left as it was saved a whole day off.
        self.day_typed = False   # the owner changed the date: it stays as typed
        self.true_day.dateChanged.connect(lambda _day: setattr(self, "day_typed", True))
        self.true_time = QTimeEdit()
        self.true_time.setAccessibleName(self.tr("The real time at this moment"))
        self.true_time.setDisplayFormat("HH:mm:ss")
        self.true_time.timeChanged.connect(self._time_changed)
        self.save_button = QPushButton(self.tr("Save the difference"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.status = status_label()
        top = QHBoxLayout()
        top.addWidget(self.source_box, 1)
        top.addWidget(show)
        when = QHBoxLayout()   # under its label: with the date it is too wide beside it
        when.addWidget(self.true_day)
        when.addWidget(self.true_time)
        self.true_zone = plain_label(name="caption")   # the recorder's zone, as the owner types
        when.addWidget(self.true_zone)
        when.addWidget(self.save_button)
        when.addStretch(1)
        title = self.tr("Is the camera's clock right?")
        box = QVBoxLayout(scrolling_body(self, title))   # scrolls above Back and Next
        box.addWidget(plain_label(title, "sectionTitle"))
        box.addWidget(plain_label(self.tr("Hold your phone's clock up to the camera (or note the "
                                          "time as you walk past it). Then press Show a "
                                          "picture, move to that moment with the arrows "
                                          "under the picture, and type the real time. The "
                                          "date moves to the nearer day as you type: "
                                          "change it if the real date was another. You "
                                          "can skip this step."), "hint"))
        box.addLayout(top)
        box.addWidget(self.picture)
        box.addLayout(self.moves)
        box.addWidget(self.says)
        box.addWidget(QLabel(self.tr("The real time at this moment was")))
        box.addLayout(when)
        box.addWidget(self.status)
        box.addStretch(1)

    def refresh(self) -> None:
        agent = self.ctx.agent
        self.ctx.bridge.call("sources", lambda: _folders(agent), self._sources)

    def _sources(self, sources) -> None:
        idx = self.source_box.currentIndex()
        chosen = self.sources[idx].id if 0 <= idx < len(self.sources) else None
        self.sources = list(sources)
        self.source_box.clear()
        self.source_box.addItems([settings_rows.folder_choice(s) for s in self.sources])
        # The folder chosen stays chosen under its picture as the list is read again (a save, a
        # folder added): the first was chosen, and Save again gave it the other's difference.
        ids = [s.id for s in self.sources]
        if chosen in ids:
            self.source_box.setCurrentIndex(ids.index(chosen))
        elif self.frame_at is not None:   # its folder removed: the picture is no folder's
            self._forget_frame()
        # Before any folder is added the step has nothing to show: say so, and that it can be
        # skipped, rather than leave an empty list beside a clock reading 00:00:00.
        empty = not self.sources
        for w in (self.source_box, self.show_button):
            w.setEnabled(not empty)
        # The real time is typed for a picture: before one is shown the boxes read 2000-01-01
        # 00:00:00, Qt's start, and a time typed there was overwritten by the picture's.
        for w in (self.true_day, self.true_time):
            w.setEnabled(not empty and self.frame_at is not None)
        if empty:
            self.frame_at = self.camera_at = None
            self.picture.clear()
            self.save_button.setEnabled(False)
            self.says.setText(self.tr("No recordings folder yet: this step shows a picture "
                                      "from one. Add your recordings folder in step 1 "
                                      "(Back), or press Next to skip this step."))
        elif self.frame_at is None:
            self.says.setText("")

    def show_frame(self, at_us: int | None = None) -> None:
        """Show the newest recording's first second (or the frame at `at_us`): one of the last
        30 days, else the folder's newest whatever its date (a camera whose clock was reset)."""
        idx = self.source_box.currentIndex()
        if not 0 <= idx < len(self.sources):
            self.status.setText(self.tr("Add a recordings folder first (step 1): this step "
                                        "shows a picture from it."))
            return
        src, agent, previewer = self.sources[idx], self.ctx.agent, self.ctx.previewer
        moved_camera = self.frame_camera or src.camera

        def work():
            now = int(time.time() * US)
            rows = [r for r in agent.recordings(None, now - _RECENT_US, now + 86400 * US)
                    if r.source_id == src.id and r.end_us and r.status == "ok"]
            row = max(rows, key=lambda r: r.start_us) if rows else None
            if at_us is None and row is None:   # a camera whose clock was reset dates today's
                row = agent.newest_recording(src.id)   # recordings years ago
                if row is None:
                    return None
            if at_us is not None:   # moved from the picture shown: that camera, then
                cam, when = moved_camera, at_us
            else:
                cam, when = row.camera, row.start_us + US
            # Set back again after its difference was set: one difference fits one clock.
            return cam, previewer.frame(cam, when, 480), tuple(agent.repeated_times(src.id))
        self.ctx.bridge.call("clock-frame", work, lambda found: self._frame(found, at_us),
                             self.status.setText)

    def _forget_frame(self) -> None:
        """Another folder chosen: the picture shown is not its, so nothing moves from it."""
        self.frame_at = self.camera_at = None
        self.frame_camera = ""
        self.picture.clear()
        self.says.setText("")
        for w in (self.save_button, self.true_day, self.true_time, *self.move_buttons):
            w.setEnabled(False)

    def move_by(self, step_s: int) -> None:
        """Show the picture `step_s` seconds after (or before) the one shown."""
        if self.frame_at is not None:
            self.show_frame(self.frame_at + step_s * US)

    def _frame(self, found, moved_to: int | None = None) -> None:
        cam, frame, repeats = found if found is not None else ("", None, ())
        if frame is None and moved_to is not None:   # a gap: the picture shown stays
            self.status.setText(self.tr("Nothing was recorded then: move the other way."))
            return
        self.status.setText("")
        if frame is None:
            said = self.tr("No recording of this folder to show.")
            src = self.sources[self.source_box.currentIndex()]
            if not usable_clock_offset(src.clock_offset_s):   # its recordings are not read
                said += " " + self.tr("The clock difference kept for it (saved by an older "
                                      "version) cannot be used, so its recordings are not "
                                      "read: add the folder again in step 1 (Back), which "
                                      "takes the camera's clock as right and reads them; "
                                      "then check the clock here.")
            self.status.setText(said)
            return
        self.frame_at, self.frame_camera = frame.at_us, cam
        for move in self.move_buttons:
            move.setEnabled(True)
        self.picture.setPixmap(QPixmap.fromImage(to_image(frame)).scaledToHeight(180))
        src = self.sources[self.source_box.currentIndex()]
        self.camera_at = camera_clock = frame.at_us + clock_reading.offset_us(src)
        where = self.typed_zone(src)
        said = self.tr("The recording says this picture was taken at {time}.").format(
            time=display.day_time(camera_clock, where))
        if frame.at_us < time.time() * US - _RECENT_US:   # the folder's newest, long ago
            said += " " + self.tr("This is the folder's newest recording. If the camera was "
                                  "recording today, its clock is wrong (a camera that lost "
                                  "power often starts again at 2000 or 1970): type the real "
                                  "date and time and press Save the difference.")
        for repeat in repeats:
            said += " " + self.tr("Some recordings of {camera} have times its clock had "
                                  "already given others (the first at {time}): its clock was "
                                  "set back between them, by a power cut perhaps. One clock "
                                  "difference cannot put both right, so check those "
                                  "recordings' times before sending any of them.").format(
                camera=repeat.camera, time=display.day_time(repeat.first_us, where))
        if not usable_clock_offset(src.clock_offset_s):
            said += " " + self.tr("The clock difference kept for this folder (saved by an older "
                                  "version) cannot be used, so its recordings are not read: "
                                  "type the real time and press Save the difference.")
        self.says.setText(said)
        t = display.local(camera_clock, where)
        self.day_typed = False   # a new picture: its camera's reading is shown again
        self._place_day(QDate(t.year, t.month, t.day))
        self.true_time.setTime(QTime(t.hour, t.minute, t.second))
        self.true_zone.setText(display.zone_words(camera_clock, where))
        for w in (self.save_button, self.true_day, self.true_time):
            w.setEnabled(True)

    def typed_zone(self, src) -> str:
        """The zone the owner reads the real time in, off a phone held up to the camera: the
        recorder's, but this PC's for one that names its files in UTC (Frigate), whose zone
        no phone shows (its true time typed as UTC was a clock hours off)."""
        return self.ctx.zone if is_utc(src.tz) else src.tz

    def _place_day(self, day: QDate) -> None:
        """Set the date shown as the step's own choice: not a date the owner changed."""
        was = self.true_day.blockSignals(True)
        self.true_day.setDate(day)
        self.true_day.blockSignals(was)

    def _time_changed(self, entered: QTime) -> None:
        """A time typed (or a picture's): the date shown moves to the nearer day's, in sight,
        unless the owner has set the date."""
        idx = self.source_box.currentIndex()
        if self.day_typed or self.frame_at is None or not 0 <= idx < len(self.sources):
            return
        self._place_day(self.nearer_day(self.sources[idx], entered))

    def nearer_day(self, src, entered: QTime) -> QDate:
        """The day, of the camera's and the two beside it, on which the time `entered` is
        nearest the camera's own reading of the picture shown (ties: the camera's own)."""
        return clock_reading.nearer_day(self.camera_at, self.typed_zone(src), entered)

    def offset_for(self, src, entered: QTime) -> float:
        """The camera's own reading of the picture minus the true time the owner typed, on
        exactly the date shown in true_day (in typed_zone): nothing is inferred at saving."""
        return clock_reading.difference_s(self.camera_at, self.true_day.date(), entered,
                                          self.typed_zone(src))

    def save(self) -> None:
        src = self.sources[self.source_box.currentIndex()]
        offset = self.offset_for(src, self.true_time.time())
        agent, camera_at = self.ctx.agent, self.camera_at

        def work():
            agent.add_source(src.root, camera=src.camera, tz=src.tz, layout=src.layout,
                             clock_offset_s=offset)
            return agent.scan([src.root])
        self.status.setText(self.tr("Saving and re-reading the recordings\u2026"))
        # Until the folder is re-read the picture's place is the old difference's: an arrow
        # pressed then moved from it, off by the change. Off until the save's answer.
        self._set_busy(True)
        self.ctx.bridge.call("clock", work, lambda _r: self._saved(offset, camera_at),
                             lambda message: (self._set_busy(False),
                                              self.status.setText(message)))

    def _set_busy(self, busy: bool) -> None:
        """Turn the step's buttons off while a save re-reads the folder, and back on after."""
        for w in (self.show_button, self.source_box, self.save_button, *self.move_buttons):
            w.setEnabled(not busy and (w in (self.show_button, self.source_box)
                                       or self.frame_at is not None))

    def _saved(self, offset: float, camera_at: int) -> None:
        self._set_busy(False)
        # Re-read with the new difference, the index places the picture shown elsewhere: the
        # arrows move from there (the camera's reading of it, and so a Save again, is the same).
        if self.camera_at == camera_at:
            self.frame_at = camera_at - round(offset * US)
        self.status.setText("\u2714 " + self.tr("Saved: this camera's clock {offset}. Times are "
                                                "corrected everywhere.")
                            .format(offset=display.offset_words(offset)))
        self.refresh()


def _folders(agent) -> list:
    """The recordings folders (runs inside a job): a recorder's clock is read from it at each
    refresh (recorders.md), and add_source takes no address for a folder."""
    on_network = {r.source_id for r in agent.recorders()}
    return [s for s in agent.sources() if s.id not in on_network]
