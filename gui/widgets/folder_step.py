"""First-run step 1: add a recordings folder (layout, cameras and time zone detected and shown
for confirmation), or a recorder on the home network."""
from __future__ import annotations

import time
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent.views import folder_camera_name, one_line, usable_clock_offset
from gui.views.core_words import in_owner_language, path_problem
from gui.views.layout_names import AUTO, layout_name
from gui.views.times import US, fixed_zone
from gui.views.typed_paths import typed_path
from gui.views import display
from gui.views.shown import shown_lines
from gui.widgets.labels import plain_label
from gui.widgets.recorder_step import RecorderDialog, reopened
from gui.widgets.scrolling import scrolling_body
from gui.widgets.spoken import status_label


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
        for key in (AUTO, *ctx.agent.layouts()):   # the owner's names; the agent's keys as data
            self.layout_box.addItem(layout_name(key), key)
        self.tz = QComboBox()
        self.tz.setEditable(True)
        self.tz.addItems(sorted(available_timezones()))
        self.tz.setCurrentText(ctx.zone)
        # A camera that ignores summer time is an hour off for half the year in a place's
        # zone: the fixed zone it keeps is named, its sign being the reverse of what one reads.
        self.zone_hint = plain_label(name="hint")
        self.tz.currentTextChanged.connect(self._hint_zone)
        self._hint_zone(self.tz.currentText())
        self.add_button = QPushButton(self.tr("Add and index this folder"))
        self.add_button.setObjectName("primary")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add)
        self.status = status_label()
        # The first scan of a share of tens of thousands of files takes minutes: the count of
        # files looked at, which the scan's thread leaves here, is shown as it grows.
        self._files_seen = 0
        self._count_timer = QTimer(self)
        self._count_timer.setInterval(500)
        self._count_timer.timeout.connect(self._show_count)
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
        title = self.tr("Where are your recordings?")
        box = QVBoxLayout(scrolling_body(self, title))   # scrolls above Back and Next
        box.addWidget(plain_label(title, "sectionTitle"))
        box.addWidget(plain_label(self.tr("The app only ever reads this folder; it never changes, "
                                          "moves or deletes anything in it."), "hint"))
        box.addLayout(line)
        box.addWidget(self.found)
        box.addLayout(form)
        box.addWidget(self.zone_hint)
        box.addWidget(self.add_button)
        box.addWidget(self.status)
        box.addWidget(plain_label(self.tr("Or is your footage on a recorder (an NVR) on your "
                                          "home network? The app can read it there."), "hint"))
        box.addWidget(self.recorder_button, 0, Qt.AlignLeft)
        box.addStretch(1)

    def _hint_zone(self, zone_name: str) -> None:
        fixed = fixed_zone(zone_name.strip(), int(time.time() * US))
        self.zone_hint.setVisible(fixed is not None)
        if fixed is None:
            self.zone_hint.setText("")
            return
        hours = -int(fixed.removeprefix("Etc/GMT") or 0)   # the name's sign is reversed
        self.zone_hint.setText(self.tr(
            "If this camera's clock stays on winter time all year (it does not change for "
            "summer time), choose {fixed} instead (UTC{hours} all year: the zone's name has "
            "the sign reversed), or its recordings are placed an hour off for half the "
            "year.").format(fixed=fixed, hours=f"{hours:+d}" if hours else ""))

    def add_recorder(self) -> None:
        """The recorder steps, in a window of their own (as left, when closed before adding)."""
        if reopened(self.recorder_dialog):
            return
        self.recorder_dialog = dialog = RecorderDialog(self.ctx, self)
        dialog.added.connect(lambda done: (self.status.setText(self.tr(
            "\u2714 Added the recorder: {recordings} of {cameras}.").format(
                recordings=display.recordings(done.report.seen),
                cameras=", ".join(done.cameras))), self.added.emit()))
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
        self._choose_layout(AUTO)
        self.tz.setCurrentText(self.ctx.zone)
        self.add_button.setEnabled(False)
        if not self._adding:   # an indexing under way still reports how it ended
            self.status.setText("")

    def look(self) -> None:
        path = typed_path(self.path.text())
        self.reset(keep_path=True)
        if not path:   # Path("") is the folder the app was started in: never look there
            self.found.setText(self.tr("Choose the folder first: press Choose\u2026, or type "
                                       "where your recorder saves its video."))
            return
        look_id = self._look_id
        self.found.setText(self.tr("Looking\u2026"))
        agent = self.ctx.agent
        self.ctx.bridge.call("look", lambda: (agent.look_at_folder(path), agent.source_for(path)),
                             lambda done: self._looked(*done, look_id),
                             lambda message: self._look_failed(message, look_id))

    def _look_failed(self, message: str, look_id: int) -> None:
        if look_id == self._look_id:
            self.found.setText(message)

    def _looked(self, facts, registered, look_id: int) -> None:
        """Show what the agent found (FolderFacts) and fill in this folder's details to confirm:
        every look proposes its own camera name and zone, never the previous folder's; a
        folder added already (`registered`, its Source) shows its own, which Add would
        otherwise change (its camera renamed, its recordings moved by another zone)."""
        if look_id != self._look_id:
            return
        recorder = (layout_name(facts.layout) if facts.layout else
                    self.tr("not recognised (files are indexed by their times inside)"))
        cams = ", ".join(map(one_line, facts.cameras)) or self.tr("one camera (name it below)")
        if len(facts.cameras) > 1:   # cameras.py: a folder of several is <name>/<channel>
            cams += " " + self.tr("(each is named <camera name>/<its name>; rename them in "
                                  "Settings)")
        if facts.recordings == 0:
            self.found.setText(self.tr("No video files were found in this folder. Is it the one "
                                       "your recorder writes to? Check that the SD card or drive "
                                       "is connected and choose the folder that holds the "
                                       "videos (on a memory card often one such as DCIM or "
                                       "Record), then look again."))
        else:
            self.found.setText(self.tr("Found {recordings}.\nRecorder: {recorder}\n"
                                       "Cameras: {cameras}\nCheck the details below, then add "
                                       "the folder.").format(
                recordings=display.recordings(facts.recordings, bool(facts.more)),
                recorder=recorder, cameras=cams))
        self._choose_layout(facts.layout or AUTO)
        # These recorders name files in UTC; any other folder's times are read in the owner's
        # zone until they say otherwise.
        self.tz.setCurrentText("UTC" if facts.names_in_utc else self.ctx.zone)
        # The agent's offer (a removed folder's camera back on its own disk, never a name kept
        # for one on another); else a recorder's name for its one camera, a bare channel
        # number ("001") not, so the folder's name.
        one = facts.cameras[0] if len(facts.cameras) == 1 else ""
        self.camera.setText(one_line(facts.offered or (one if one and not one.isdigit()
                                                       else folder_camera_name(facts.path))))
        if registered is not None:
            self.camera.setText(one_line(registered.camera))
            self.tz.setCurrentText(registered.tz)
            self._choose_layout(registered.layout)
            self.found.setText(self.found.text() + "\n" + self.tr(
                "This folder is added already, as camera {camera}: its details below are the "
                "ones it has. Change one only to change it; Add and index this folder reads it "
                "again.").format(
                    camera=one_line(registered.camera)))
        self._shown = self._look_id
        self.add_button.setEnabled(True)

    def _choose_layout(self, key: str) -> None:
        """Show the layout `key` in the box (the agent's key, shown by its name)."""
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(key)))

    def add(self) -> None:
        agent = self.ctx.agent
        path, cam = typed_path(self.path.text()), self.camera.text().strip() or None
        tz, layout = self.tz.currentText().strip(), self.layout_box.currentData()
        self.add_button.setEnabled(False)
        self._adding = True
        self.status.setText(self.tr("Indexing your recordings; this can take a while the first "
                                    "time\u2026"))

        def work(_progress, cancel):   # quitting the app stops the first scan too
            before = agent.source_for(path)
            agent.add_source(path, camera=cam, tz=tz, layout=layout)
            # add_source takes an unusable clock offset an older version kept as 0: said
            set_aside = before is not None and not usable_clock_offset(before.clock_offset_s)
            return agent.scan([path], cancel=cancel, progress=lambda _root, n: setattr(
                self, "_files_seen", n)), set_aside
        self._files_seen = 0
        self._count_timer.start()
        self.ctx.bridge.run("add-source", work, self._added, self._failed)

    def _show_count(self) -> None:
        if self._adding and self._files_seen:
            self.status.setText(self.tr("Indexing your recordings\u2026 files looked at so "
                                        "far: {count}").format(count=self._files_seen))

    def _added(self, done) -> None:
        reports, set_aside = done
        self._adding = False
        self._count_timer.stop()
        seen = sum(r.seen for r in reports)
        problems = [p for r in reports for p in r.problems]
        if not seen and not problems:   # no tick: nothing says this is the recorder's folder
            lines = [self.tr("The folder was added, but no recordings were found in it. If it "
                             "is not the folder your recorder writes to, remove it in Settings "
                             "and add the right one.")]
        else:
            lines = ["\u2714 " + display.indexed(seen, len(problems)), *problems_listed(problems)]
        if set_aside:
            lines.append(self.tr(
                "The camera clock difference kept for this folder (saved by an older version) "
                "could not be used, so the camera's clock is now taken as right: if it is "
                "wrong, set it in step 2 (Camera clock)."))
        self.status.setText(shown_lines(lines))   # each path in them read left to right
        self.add_button.setEnabled(self._shown == self._look_id)   # the same folder's look
        self.added.emit()

    def _failed(self, message: str) -> None:
        self._adding = False
        self._count_timer.stop()
        self.status.setText(message)
        self.add_button.setEnabled(self._shown == self._look_id)   # the same folder's look


SHOWN_PROBLEMS = 8   # the rest are counted: a share of thousands of links must not fill the page


def problems_listed(problems: list[str]) -> list[str]:
    """Each file or folder the first indexing could not use, and why ("path: reason", as the
    scan says it), in the owner's language: counted alone, the owner could not find out which
    (a link out of the folder, a loop of links, a name that is not text) nor what to do."""
    lines = [path_problem(p) for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(in_owner_language(f"and {len(problems) - SHOWN_PROBLEMS} more"))
    return lines
