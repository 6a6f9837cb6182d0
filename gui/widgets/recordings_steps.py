"""First-run steps 1 and 2: add a recordings folder (layout, cameras and time zone detected and
shown for confirmation), and check a camera's clock with a frame whose true time is known."""
from __future__ import annotations

import time
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from agent.views import one_line
from gui.views import display
from gui.views.times import US, wall_us
from gui.widgets.labels import plain_label
from gui.widgets.preview_pane import to_image
from gui.widgets.recorder_step import RecorderDialog
from gui.widgets.scrolling import scrolling_body


class FolderStep(QWidget):
    """Step 1: choose, recognise and index a recordings folder."""

    added = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The folder where your recorder or camera saves "
                                             "video"))
        self.path.setAccessibleName(self.tr("Recordings folder"))
        # What was found belongs to the folder looked at: another path starts afresh.
        self.path.textChanged.connect(lambda _text: self.reset(keep_path=True))
        self._look_id = 0      # answers of a look at an earlier path are ignored
        self._shown = -1       # the look whose findings the page shows
        self._adding = False
        choose = QPushButton(self.tr("Choose\u2026"))
        self.look_button = look = QPushButton(self.tr("Look in this folder"))
        choose.clicked.connect(self.choose)
        look.clicked.connect(self.look)
        self.found = plain_label(name="summary")
        self.camera = QLineEdit()
        self.layout_box = QComboBox()
        self.layout_box.addItems(["auto"] + list(ctx.agent.layouts()))
        self.tz = QComboBox()
        self.tz.setEditable(True)
        self.tz.addItems(sorted(available_timezones()))
        self.tz.setCurrentText(ctx.zone)
        self.add_button = QPushButton(self.tr("Add and index this folder"))
        self.add_button.setObjectName("primary")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add)
        self.status = plain_label(name="caption")
        self.recorder_button = QPushButton(self.tr("Add a recorder on your network\u2026"))
        self.recorder_button.clicked.connect(self.add_recorder)
        self.recorder_dialog: RecorderDialog | None = None
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(choose)
        line.addWidget(look)
        form = QFormLayout()
        form.addRow(self.tr("Camera name"), self.camera)
        form.addRow(self.tr("Recorder type"), self.layout_box)
        form.addRow(self.tr("Time zone of the recorder"), self.tz)
        box = QVBoxLayout(scrolling_body(self))   # scrolls above Back and Next
        box.addWidget(plain_label(self.tr("Where are your recordings?"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("The app only ever reads this folder; it never changes, "
                                          "moves or deletes anything in it."), "hint"))
        box.addLayout(line)
        box.addWidget(self.found)
        box.addLayout(form)
        box.addWidget(self.add_button)
        box.addWidget(self.status)
        box.addWidget(plain_label(self.tr("Or is your footage on a recorder (an NVR) on your "
                                          "home network? The app can read it there."), "hint"))
        box.addWidget(self.recorder_button, 0, Qt.AlignLeft)
        box.addStretch(1)

    def add_recorder(self) -> None:
        """The recorder steps, in a window of their own."""
        self.recorder_dialog = dialog = RecorderDialog(self.ctx, self)
        dialog.added.connect(lambda done: (self.status.setText(self.tr(
            "\u2714 Added the recorder: {count} recordings of {cameras}.").format(
                count=done.report.seen, cameras=", ".join(done.cameras))), self.added.emit()))
        dialog.open()

    def choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Recordings folder"))
        if path:
            self.path.setText(path)
            self.look()

    def reset(self, keep_path: bool = False) -> None:
        """Forget what an earlier look found (camera name, time zone, recorder type), so
        nothing of one folder is offered for the next; the path too unless `keep_path`."""
        self._look_id += 1
        if not keep_path:
            self.path.blockSignals(True)
            self.path.clear()
            self.path.blockSignals(False)
        self.found.setText("")
        self.camera.clear()
        self.layout_box.setCurrentText("auto")
        self.tz.setCurrentText(self.ctx.zone)
        self.add_button.setEnabled(False)
        if not self._adding:   # an indexing under way still reports how it ended
            self.status.setText("")

    def look(self) -> None:
        path = self.path.text().strip()
        self.reset(keep_path=True)
        if not path:   # Path("") is the folder the app was started in: never look there
            self.found.setText(self.tr("Choose the folder first: press Choose\u2026, or type "
                                       "where your recorder saves its video."))
            return
        look_id = self._look_id
        self.found.setText(self.tr("Looking\u2026"))
        self.ctx.bridge.call("look", lambda: self.ctx.agent.look_at_folder(path),
                             lambda facts: self._looked(facts, look_id),
                             lambda message: self._look_failed(message, look_id))

    def _look_failed(self, message: str, look_id: int) -> None:
        if look_id == self._look_id:
            self.found.setText(message)

    def _looked(self, facts, look_id: int) -> None:
        """Show what the agent found (FolderFacts) and fill in this folder's details to confirm:
        every look proposes its own camera name and zone, never the previous folder's."""
        if look_id != self._look_id:
            return
        recorder = facts.layout or self.tr("not recognised (files are indexed by their times "
                                           "inside)")
        cams = ", ".join(map(one_line, facts.cameras)) or self.tr("one camera (name it below)")
        if len(facts.cameras) > 1:   # cameras.py: a folder of several is <name>/<channel>
            cams += " " + self.tr("(each is named <camera name>/<its name>; rename them in "
                                  "Settings)")
        more = "+" if facts.more else ""
        if facts.recordings == 0:
            self.found.setText(self.tr("No video files were found in this folder. Is it the one "
                                       "your recorder writes to? Check that the SD card or drive "
                                       "is connected and choose the folder that holds the "
                                       "videos (on a memory card often one such as DCIM or "
                                       "Record), then look again."))
        else:
            self.found.setText(self.tr("Found {count} recordings.\nRecorder: {recorder}\n"
                                       "Cameras: {cameras}\nCheck the details below, then add "
                                       "the folder.").format(count=f"{facts.recordings}{more}",
                                                             recorder=recorder, cameras=cams))
        self.layout_box.setCurrentText(facts.layout or "auto")
        # These recorders name files in UTC; any other folder's times are read in the owner's
        # zone until they say otherwise.
        self.tz.setCurrentText("UTC" if facts.names_in_utc else self.ctx.zone)
        # A recorder's name for its one camera is a good default; a bare channel number ("001")
        # is not, so the folder's name is offered instead.
        one = facts.cameras[0] if len(facts.cameras) == 1 else ""
        self.camera.setText(one_line(one if one and not one.isdigit() else Path(facts.path).name))
        self._shown = self._look_id
        self.add_button.setEnabled(True)

    def add(self) -> None:
        agent = self.ctx.agent
        path, cam = self.path.text().strip(), self.camera.text().strip() or None
        tz, layout = self.tz.currentText().strip(), self.layout_box.currentText()
        self.add_button.setEnabled(False)
        self._adding = True
        self.status.setText(self.tr("Indexing your recordings; this can take a while the first "
                                    "time\u2026"))

        def work(_progress, cancel):   # quitting the app stops the first scan too
            agent.add_source(path, camera=cam, tz=tz, layout=layout)
            return agent.scan([path], cancel=cancel)
        self.ctx.bridge.run("add-source", work, self._added, self._failed)

    def _added(self, reports) -> None:
        self._adding = False
        seen = sum(r.seen for r in reports)
        problems = sum(len(r.problems) for r in reports)
        if not seen and not problems:   # no tick: nothing says this is the recorder's folder
            self.status.setText(self.tr("The folder was added, but no recordings were found in "
                                        "it. If it is not the folder your recorder writes to, "
                                        "remove it in Settings and add the right one."))
        else:
            said = (self.tr("Indexed {seen} recordings ({problems} could not be read and are "
                            "listed as such).") if problems
                    else self.tr("Indexed {seen} recordings."))
            self.status.setText("\u2714 " + said.format(seen=seen, problems=problems))
        self.add_button.setEnabled(self._shown == self._look_id)   # the same folder's look
        self.added.emit()

    def _failed(self, message: str) -> None:
        self._adding = False
        self.status.setText(message)
        self.add_button.setEnabled(self._shown == self._look_id)   # the same folder's look


class ClockStep(QWidget):
    """Step 2: the owner finds a moment whose true time they know; the difference is stored."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sources: list = []
        self.frame_at: int | None = None
        self.source_box = QComboBox()
        self.show_button = show = QPushButton(self.tr("Show a picture"))
        show.clicked.connect(lambda: self.show_frame())
        self.picture = QLabel("")
        self.picture.setMinimumHeight(180)
        self.says = plain_label()
        self.true_time = QTimeEdit()
        self.true_time.setAccessibleName(self.tr("The real time at this moment"))
        self.true_time.setDisplayFormat("HH:mm:ss")
        self.save_button = QPushButton(self.tr("Save the difference"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.status = plain_label(name="caption")
        top = QHBoxLayout()
        top.addWidget(self.source_box, 1)
        top.addWidget(show)
        when = QHBoxLayout()
        when.addWidget(QLabel(self.tr("The real time at this moment was")))
        when.addWidget(self.true_time)
        self.true_zone = plain_label(name="caption")   # the recorder's zone, as the owner types
        when.addWidget(self.true_zone)
        when.addWidget(self.save_button)
        when.addStretch(1)
        box = QVBoxLayout(scrolling_body(self))   # scrolls above Back and Next
        box.addWidget(plain_label(self.tr("Is the camera's clock right?"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("Hold your phone's clock up to the camera (or note the "
                                          "time as you walk past it), then find that "
                                          "moment here and type the real time. You can "
                                          "skip this step."), "hint"))
        box.addLayout(top)
        box.addWidget(self.picture)
        box.addWidget(self.says)
        box.addLayout(when)
        box.addWidget(self.status)
        box.addStretch(1)

    def refresh(self) -> None:
        self.ctx.bridge.call("sources", self.ctx.agent.sources, self._sources)

    def _sources(self, sources) -> None:
        self.sources = list(sources)
        self.source_box.clear()
        self.source_box.addItems([f"{s.camera}  ({s.root})" for s in self.sources])

    def show_frame(self, at_us: int | None = None) -> None:
        """Show the newest recording's first second (or the frame at `at_us`)."""
        idx = self.source_box.currentIndex()
        if not 0 <= idx < len(self.sources):
            self.status.setText(self.tr("Add a recordings folder first (step 1): this step "
                                        "shows a picture from it."))
            return
        src, agent, previewer = self.sources[idx], self.ctx.agent, self.ctx.previewer

        def work():
            now = int(time.time() * US)
            rows = [r for r in agent.recordings(None, now - 30 * 86400 * US, now + 86400 * US)
                    if r.source_id == src.id and r.end_us and r.status == "ok"]
            if at_us is None and not rows:
                return None
            row = max(rows, key=lambda r: r.start_us) if at_us is None else None
            cam, when = (row.camera, row.start_us + US) if row else (src.camera, at_us)
            return previewer.frame(cam, when, 480)
        self.ctx.bridge.call("clock-frame", work, self._frame, self.status.setText)

    def _frame(self, frame) -> None:
        if frame is None:
            self.status.setText(self.tr("No recent recording of this folder to show."))
            return
        self.frame_at = frame.at_us
        self.picture.setPixmap(QPixmap.fromImage(to_image(frame)).scaledToHeight(180))
        src = self.sources[self.source_box.currentIndex()]
        camera_clock = frame.at_us + round(src.clock_offset_s * US)
        self.says.setText(self.tr("The recording says this picture was taken at {time}.")
                          .format(time=display.day_time(camera_clock, src.tz)))
        t = display.local(camera_clock, src.tz)
        self.true_time.setTime(QTime(t.hour, t.minute, t.second))
        self.true_zone.setText(display.zone_words(camera_clock, src.tz))
        self.save_button.setEnabled(True)

    def offset_for(self, src, entered: QTime) -> float:
        """Camera clock minus the true time the owner typed (same day, the recorder's zone)."""
        camera_clock = self.frame_at + round(src.clock_offset_s * US)
        day = display.local(camera_clock, src.tz)
        true = wall_us(day.year, day.month, day.day, entered.hour(), entered.minute(),
                       entered.second(), src.tz)
        diff = (camera_clock - true) / US
        if abs(diff) > 12 * 3600:   # typed across midnight: take the nearer day
            diff -= 86400 * round(diff / 86400)
        return round(diff, 1)

    def save(self) -> None:
        src = self.sources[self.source_box.currentIndex()]
        offset = self.offset_for(src, self.true_time.time())
        agent = self.ctx.agent

        def work():
            agent.add_source(src.root, camera=src.camera, tz=src.tz, layout=src.layout,
                             clock_offset_s=offset)
            return agent.scan([src.root])
        self.status.setText(self.tr("Saving and re-reading the recordings\u2026"))
        self.ctx.bridge.call("clock", work, lambda _r: (
            self.status.setText("\u2714 " + self.tr("Saved: this camera's clock {offset}. Times "
                                                    "are corrected everywhere.")
                                .format(offset=display.offset_words(offset))), self.refresh()),
            self.status.setText)
