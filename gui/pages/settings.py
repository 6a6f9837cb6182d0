"""Settings: recordings folders and recorders on the network (add one), the cameras they hold
(rename one; remove one gone from its recorder: camera_removal), trusted agencies and
registrations with the owner key (each their own panel), privacy masks (drawn on their own
page), holds, how often to check, upload speed cap, and whether closing the window keeps the
service running."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.views import removing
from gui.views.settings_rows import camera_rows, source_rows
from gui.views.home_space_words import space_text
from gui.widgets.agencies_panel import AgenciesPanel
from gui.widgets.labels import ask_text, plain_label
from gui.widgets.list_tables import button_row, fill, list_table
from gui.views.recorder_facts import recorder_states, still_listed
from gui.views.shown import shown
from gui.widgets.camera_removal import RemoveCameraButton
from gui.widgets.recorder_step import RecorderDialog, reopened
from gui.widgets.registrations_panel import RegistrationsPanel, confirm
from gui.widgets.spoken import status_label
from gui.widgets.unsaved import leave_unsaved


class SettingsPage(QWidget):
    addFolder = Signal()
    sourcesShown = Signal(list)   # the recordings folders' roots, each time the list is read
    editMasks = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sources = list_table((self.tr("Folder"), self.tr("Camera"), self.tr("Time zone"),
                                   self.tr("Recorder"), self.tr("Camera clock")))
        self.cameras = list_table((self.tr("Camera"), self.tr("Folder"),
                                   self.tr("Recorder's name for it"), self.tr("Formerly")))
        self.sources.setAccessibleName(self.tr("Recordings folders"))
        self.cameras.setAccessibleName(self.tr("Cameras"))
        self._cameras: list[tuple[str, str]] = []   # each row's name and folder or address
        self._source_roots: list[str] = []
        self._source_cameras: list[str] = []
        self._loaded: tuple = ()   # the form as last loaded or saved: unsaved edits differ
        add_src = QPushButton(self.tr("Add a recordings folder\u2026"))
        rm_src = QPushButton(self.tr("Remove folder"))
        self.add_recorder_button = QPushButton(self.tr("Add a recorder on your network\u2026"))
        self.add_recorder_button.clicked.connect(self.add_recorder)
        self.recorder_dialog: RecorderDialog | None = None
        self.remove_source_button = rm_src
        self.rename_button = QPushButton(self.tr("Rename camera\u2026"))
        self.rename_button.clicked.connect(self.ask_rename)
        self.masks_button = QPushButton(self.tr("Draw privacy masks\u2026"))
        self.masks_button.clicked.connect(self.editMasks.emit)
        add_src.clicked.connect(self.addFolder.emit)
        rm_src.clicked.connect(self.remove_source)
        # Not "until I decide": the app never deletes a safe copy (the owner may need it after
        # the answer), so the words must not promise that deciding lets it go.
        self.holds = QCheckBox(self.tr("When a request arrives, keep a safe copy of the footage it "
                                       "covers, until I delete it"))
        self.tray = QCheckBox(self.tr("Keep watching for requests when I close the window"))
        self.login = QCheckBox(self.tr("Start when I log in (in the tray, watching for requests)"))
        self.login.setVisible(ctx.login is not None)
        self.poll = QSpinBox()
        self.poll.setRange(1, 24 * 60)
        self.poll.setSuffix(self.tr(" min"))
        self.rate = QSpinBox()
        self.rate.setRange(0, 1000)
        self.rate.setSpecialValueText(self.tr("no limit"))
        self.rate.setSuffix(self.tr(" Mbit/s"))
        self.save_button = save = QPushButton(self.tr("Save settings"))
        save.setObjectName("primary")
        save.clicked.connect(self.save)
        self.status = status_label()
        self.remove_camera_button = RemoveCameraButton(ctx, self.chosen_camera, self.status.setText)
        self.remove_camera_button.removed.connect(self.reload_lists)
        # What the app's own folder takes on the disk: read off the GUI thread (refresh).
        self.space = plain_label("", "hint")
        self.agencies = AgenciesPanel(ctx, self.status.setText)
        self.agencies.changed.connect(self._agencies_changed)
        self.registrations = RegistrationsPanel(ctx)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)   # "5 min" is no wide field
        form.addRow(self.tr("Check for new requests every"), self.poll)
        form.addRow(self.tr("Limit upload speed to"), self.rate)
        body = QWidget()
        scroll = QScrollArea()   # the sections are taller than a small screen
        scroll.setAccessibleName(self.tr("Settings"))   # Tab stops on it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(body)
        scroll.viewport().setAutoFillBackground(False)   # the page's own background shows
        body.setAutoFillBackground(False)
        QVBoxLayout(self).addWidget(scroll)
        box = QVBoxLayout(body)
        box.addWidget(plain_label(self.tr("Settings"), "pageTitle"))
        box.addWidget(plain_label(self.tr("Recordings folders"), "sectionTitle"))
        box.addWidget(self.sources)
        box.addLayout(button_row(add_src, self.add_recorder_button, rm_src))
        box.addWidget(plain_label(self.tr("Cameras"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("A folder is one camera, named as you named the folder; "
                                          "a folder holding several cameras names each "
                                          "folder/channel. A new name holds everywhere, masks "
                                          "included."), "hint"))
        box.addWidget(self.cameras)
        box.addLayout(button_row(self.rename_button, self.remove_camera_button))
        box.addWidget(self.agencies)
        box.addWidget(self.registrations)
        box.addWidget(plain_label(self.tr("Privacy masks"), "sectionTitle"))
        box.addWidget(plain_label(self.tr("Areas of a camera's picture (a neighbour's window, a "
                                          "garden) that every export fills black."), "hint"))
        box.addLayout(button_row(self.masks_button))
        box.addWidget(plain_label(self.tr("Behaviour"), "sectionTitle"))
        box.addWidget(self.holds)
        box.addWidget(self.tray)
        box.addWidget(self.login)
        box.addLayout(form)
        box.addLayout(button_row(save, self.status))
        box.addWidget(plain_label(self.tr("Disk space"), "sectionTitle"))
        box.addWidget(self.space)
        box.addStretch(1)

    def refresh(self) -> None:
        """The page as it is shown: the saved settings in the form, the lists, no old status."""
        s = self.ctx.agent.settings
        self.status.setText("")
        self.holds.setChecked(s.holds_on_new_request)
        self.tray.setChecked(s.keep_running_in_tray)
        self.poll.setValue(max(1, s.poll_interval_s // 60))
        self.rate.setValue(int((s.upload_rate_limit_bps or 0) * 8 // 1_000_000))
        self._loaded = self._form()
        if self.ctx.login is not None:
            self.ctx.bridge.call("login-entry", self.ctx.login.enabled, self._login_loaded)
        self.reload_lists()
        self.registrations.refresh()
        self.ctx.bridge.call("home-space", self.ctx.agent.home_space, self._show_space,
                             self.space.setText)

    def _show_space(self, space) -> None:
        """What the app's folder holds (agent/home_space.py), in two sentences."""
        self.space.setText(space_text(space))

    def reload_lists(self) -> None:
        """Read the folders, cameras and agencies again; the form keeps what the owner typed."""
        agent = self.ctx.agent
        self.ctx.bridge.call("settings", lambda: (
            agent.sources(), agent.agencies(), agent.damaged_agencies(),
            cams := _indexed_cameras(agent), recorder_states(agent), still_listed(agent, cams),
            agent.agencies_unreadable()
        ), lambda r: self._show(*r), self.status.setText)

    def _login_loaded(self, enabled: bool) -> None:
        unchanged = self._form() == self._loaded
        self.login.setChecked(enabled)
        if unchanged:
            self._loaded = self._form()

    def _form(self) -> tuple:
        return (self.holds.isChecked(), self.tray.isChecked(), self.login.isChecked(),
                self.poll.value(), self.rate.value())

    def leave(self, proceed: Callable[[], None]) -> None:
        """Call `proceed` when the owner may go to another page: at once when the form holds
        nothing unsaved; else after asking, once it is saved or the changes dropped."""
        if self._form() == self._loaded:
            proceed()
            return
        leave_unsaved(self, self.tr("Save your settings?"),
                      self.tr("You changed settings on this page without saving them. Save "
                              "them now?"), lambda then: self.save(then=then), proceed)

    def _show(self, sources, agencies, damaged=(), cameras=(), recorders=None, listed=(),
              unreadable: str | None = None) -> None:
        self._cameras = [(c.name, c.source_root) for c in cameras]
        self.remove_camera_button.listed = frozenset(listed)   # asked of none of them
        fill(self.cameras, camera_rows(cameras))
        self._source_roots = [s.root for s in sources]
        self.sourcesShown.emit(self._source_roots)
        self._source_cameras = [s.camera for s in sources]
        recorders = recorders or {}
        fill(self.sources, source_rows(sources, recorders, self.ctx.agent.clock_was_reset))
        self.agencies.list_agencies(agencies, damaged, unreadable)

    def settings_from_form(self):
        """The agent's settings with this page's values (rate cap in bytes per second)."""
        rate = self.rate.value() * 1_000_000 // 8 or None
        return replace(self.ctx.agent.settings, holds_on_new_request=self.holds.isChecked(),
                       keep_running_in_tray=self.tray.isChecked(),
                       poll_interval_s=self.poll.value() * 60, upload_rate_limit_bps=rate)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the form (an agent job); `then` runs once it is saved."""
        agent, new, login = self.ctx.agent, self.settings_from_form(), self.ctx.login
        at_login, form = self.login.isChecked(), self._form()

        def work():
            agent.set_settings(new)
            if login is not None and at_login:   # a file of this user's, not a setting
                login.enable()
            elif login is not None:
                login.disable()
        self.ctx.bridge.call("save-settings", work, lambda _r: self._saved(form, then),
                             self.status.setText)

    def _saved(self, form: tuple, then: Callable[[], None] | None) -> None:
        self._loaded = form
        self.status.setText(self.tr("Saved."))
        if then is not None:
            then()

    def add_recorder(self) -> None:
        """The recorder steps, in a window of their own (as left, when closed before adding);
        the lists refresh once it is added."""
        if reopened(self.recorder_dialog):
            return
        self.recorder_dialog = dialog = RecorderDialog(self.ctx, self)
        dialog.added.connect(lambda _done: self.reload_lists())
        dialog.open()

    def remove_source(self) -> None:
        """Remove the chosen folder (or recorder) once the owner agreed to what it means."""
        row = self.sources.currentRow()
        if not 0 <= row < len(self._source_roots) or not self.sources.selectedItems():
            self.status.setText(self.tr("Choose a folder in the list first."))
            return
        agent, root = self.ctx.agent, self._source_roots[row]
        if not confirm(self, removing.source_title(),
                       removing.source_question(root, self._source_cameras[row])):
            self.status.setText(self.tr("Nothing was removed."))
            return
        self.ctx.bridge.call("remove-source", lambda: agent.remove_source(root), lambda _r: (
            self.status.setText(removing.removed(root, path=True)), self.reload_lists()),
            self.status.setText)

    def chosen_camera(self) -> tuple[str, str] | None:
        """The camera chosen in the list and its folder or recorder address, or None. Only a
        row chosen (highlighted) counts: Qt keeps a current row with nothing chosen (Tab into
        the table, a row unchosen by Ctrl+click), and renaming it renamed a camera the owner
        never picked."""
        row = self.cameras.currentRow()
        if not self.cameras.selectedItems() or not 0 <= row < len(self._cameras):
            return None
        return self._cameras[row]

    def ask_rename(self) -> None:
        if self.chosen_camera() is None:
            self.status.setText(self.tr("Choose a camera in the list first."))
            return
        old = self.chosen_camera()[0]
        new, ok = ask_text(self, self.tr("Rename camera"),
                           shown(self.tr("New name for {camera}:"), camera=old), old)
        if ok and new.strip() and new.strip() != old:
            self.rename_camera(old, new.strip())

    def rename_camera(self, old: str, new: str) -> None:
        """Rename a camera off the GUI thread; its recordings, masks and history follow."""
        agent = self.ctx.agent
        self.ctx.bridge.call("rename-camera", lambda: agent.rename_camera(old, new), lambda _r: (
            # the names isolated (gui.views.shown): a Hebrew one keeps the line's order
            self.status.setText(shown(self.tr("'{old}' is now called '{new}'."), old=old,
                                      new=new)),
            self.reload_lists()),
            self.status.setText)

    def _agencies_changed(self) -> None:
        """An agency was added, replaced or removed: its registrations may have gone too."""
        self.reload_lists()
        self.registrations.refresh()


def _indexed_cameras(agent) -> list:
    """The cameras with recordings (runs inside a job)."""
    indexed = set(agent.cameras())
    return [c for c in agent.camera_list() if c.name in indexed]

