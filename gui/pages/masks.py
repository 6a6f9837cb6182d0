"""The 'Privacy masks' page: pick a camera, see a recent frame of it, draw the areas to black
out, save. Reached from Settings; the export and request pages point here."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent.service import AgentError
from agent.views import CameraMasks, encloses_area, picture_rank, same_shape
from gui.widgets.labels import plain_label
from gui.widgets.mask_canvas import MaskCanvas
from gui.widgets.preview_pane import to_image
from gui.widgets.spoken import status_label
from gui.widgets.unsaved import leave_unsaved

FRAME_WIDTH = 960


def camera_picture(agent, previewer, camera: str):
    """(a recent frame of the camera or None, its saved masks, True when they cannot be read,
    the size of the recording the frame is of or None); runs inside an agent job. Masks that
    cannot be read stop every export of the camera, so the picture is still shown, to draw
    them again on."""
    rows = [r for r in agent.recordings(camera) if r.start_us is not None and r.end_us is not None
            and r.end_us > r.start_us]
    frame = size = None
    if rows:   # the main picture's, which exports cut and mask (a crop's lies elsewhere)
        best = min(map(picture_rank, rows))
        last = max((r for r in rows if picture_rank(r) == best), key=lambda r: r.start_us)
        frame = previewer.frame(camera, (last.start_us + last.end_us) // 2, FRAME_WIDTH)
        size = (last.width, last.height) if last.width and last.height else None
    try:
        return frame, agent.masks(camera), False, size
    except AgentError:   # damaged (or unreadable): what it held cannot be shown
        return frame, CameraMasks(camera), True, size


def _shapes(polygons) -> list[tuple]:
    """Shapes as comparable corner lists (from the canvas or from saved masks)."""
    return [tuple(tuple(pt) for pt in getattr(p, "points", p)) for p in polygons]


class MasksPage(QWidget):
    """The mask editor for one camera at a time; `back` returns to Settings. Shapes drawn but
    not saved are never dropped unseen: the count says so, and leaving the page or changing
    camera asks first (`leave`)."""

    back = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.camera: str | None = None
        self._saved: list[tuple] = []   # the camera's shapes as saved: what exports black out
        self._load = 0
        self._picture: tuple[int, int] | None = None   # the size of the recording shown
        self.canvas = MaskCanvas()
        self.cameras = QComboBox()
        self.cameras.setMinimumWidth(200)
        self.cameras.currentTextChanged.connect(self._pick)
        back = QPushButton(self.tr("\u2190 Settings"))
        back.setObjectName("flat")
        back.clicked.connect(self.back.emit)   # the window asks `leave` first
        self.close_button = QPushButton(self.tr("Close shape"))
        self.undo_button = QPushButton(self.tr("Undo last corner"))
        self.clear_button = QPushButton(self.tr("Clear all"))
        self.save_button = QPushButton(self.tr("Save masks"))
        self.save_button.setObjectName("primary")
        self.close_button.clicked.connect(self.canvas.close_shape)
        self.canvas.unclosed.connect(self._unclosed)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.save_button.clicked.connect(self.save)
        self.count = plain_label(name="caption")
        self.status = status_label()
        self.canvas.changed.connect(self._show_count)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(plain_label(self.tr("Privacy masks"), "pageTitle"), 1)
        pick = QHBoxLayout()
        named = QLabel(self.tr("Camera"))
        named.setBuddy(self.cameras)   # its name for a screen reader
        pick.addWidget(named)
        pick.addWidget(self.cameras)
        pick.addWidget(self.count, 1)
        buttons = QHBoxLayout()
        for w in (self.close_button, self.undo_button, self.clear_button):
            buttons.addWidget(w)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(plain_label(
            self.tr("Black out what police never need to see, such as a neighbour's window or "
                    "garden. Click the corners of an area on the picture, then click the first "
                    "corner again (or press Close shape). Add as many areas as you like and save. "
                    "Every export of this camera fills them solid black; your own recordings are "
                    "not changed."), "hint"))
        box.addLayout(pick)
        box.addWidget(self.canvas, 1)
        box.addLayout(buttons)
        self._show_count()

    def open(self, camera: str | None = None) -> None:
        """Load the camera list (and show `camera`, or the first one)."""
        self.ctx.bridge.call("cameras", self.ctx.agent.cameras,
                             lambda cams: self._got_cameras(cams, camera), self.status.setText)

    def _got_cameras(self, cameras: list[str], wanted: str | None) -> None:
        self.cameras.blockSignals(True)
        self.cameras.clear()
        self.cameras.addItems(cameras)
        self.cameras.blockSignals(False)
        if not cameras:
            self.canvas.set_image(None, self.tr("No recordings are indexed yet: add a recordings "
                                                "folder in Settings first."))
            return
        pick = wanted if wanted in cameras else (self.camera if self.camera in cameras
                                                 else cameras[0])
        self.show_camera(pick)

    def unsaved(self) -> bool:
        """True when the picture shows shapes (or corners) that are not the saved masks."""
        return bool(self.canvas.current) or _shapes(self.canvas.shapes) != self._saved

    def leave(self, proceed: Callable[[], None]) -> None:
        """Call `proceed` when the owner may go (another page, another camera): at once when
        nothing is unsaved; else after asking, once the masks are saved or discarded. Staying
        never calls it."""
        if not self.unsaved():
            proceed()
            return
        leave_unsaved(self, self.tr("Save the privacy masks?"),
                      self.tr("The areas you drew on {camera} are not saved yet. Exports black "
                              "out only saved areas. Save them now?").format(camera=self.camera),
                      lambda then: self.save(then=then), proceed)

    def _pick(self, camera: str) -> None:
        if not camera or camera == self.camera:
            return
        self.leave(lambda: self.show_camera(camera))
        if self.camera != camera:   # staying (or saving first): the list shows this camera
            self._select(self.camera)

    def _select(self, camera: str | None) -> None:
        self.cameras.blockSignals(True)
        self.cameras.setCurrentText(camera or "")
        self.cameras.blockSignals(False)

    def show_camera(self, camera: str) -> None:
        if not camera:
            return
        self.camera = camera
        self._select(camera)
        self._load += 1
        load, agent, previewer = self._load, self.ctx.agent, self.ctx.previewer
        self.canvas.set_image(None, self.tr("Loading the picture\u2026"))
        self._saved, self._picture = [], None
        self.canvas.picture = None
        self.canvas.clear()
        self.status.setText("")
        self.ctx.bridge.call("mask-frame", lambda: camera_picture(agent, previewer, camera),
                             lambda r: self._got_picture(camera, load, *r),
                             lambda message: self._failed(load, message))

    def _got_picture(self, camera: str, load: int, frame, masks, damaged: bool,
                     size: tuple[int, int] | None) -> None:
        if load != self._load:
            return
        # Saved masks record the picture drawn on, not the camera's latest when Save is
        # pressed: a recording of another shape may be indexed meanwhile.
        self._picture = size if frame is not None else None
        self.canvas.picture = self._picture
        if frame is None:
            self.canvas.set_image(None, self.tr("No picture of {camera} could be read.")
                                  .format(camera=camera))
        else:
            self.canvas.set_image(to_image(frame))
        self._saved = _shapes(masks.polygons)
        self.canvas.set_masks(masks)
        if damaged:
            self.status.setText(self.tr(
                "The saved masks of {camera} are damaged and cannot be shown, so exports of "
                "{camera} stop until masks are saved again: draw the areas again and press "
                "Save masks.").format(camera=camera))
        elif frame is not None and masks.picture is not None \
                and not same_shape((frame.width, frame.height), masks.picture):
            # the camera's picture setting changed since they were drawn: every export of the
            # new shape is refused until they are looked at again (export/mask_pictures.py)
            self.status.setText(self.tr(
                "These masks were drawn on a picture of another shape than {camera} records "
                "now, so they may not cover what they should, and exports of its recordings of "
                "this shape stop: check each area on this picture, move or draw it again, and "
                "press Save masks.").format(camera=camera))

    def _failed(self, load: int, message: str) -> None:
        if load == self._load:
            self.canvas.set_image(None, message)
            self.status.setText(message)

    def _unclosed(self) -> None:
        """Why the open shape did not close (a button, a key or a click asked): the rule the
        agent holds saved masks to, said before Save would refuse them all."""
        if len(self.canvas.current) < 3:
            self.status.setText(self.tr("A shape needs at least three corners."))
        elif encloses_area(self.canvas.current):   # inside one pixel of the recording
            self.status.setText(self.tr("These corners are so close together that they go "
                                        "around less than one pixel of the recording, so they "
                                        "would hide next to nothing: take them back (Backspace) "
                                        "and put them around the area."))
        else:
            self.status.setText(self.tr("These corners lie on one line, so they enclose nothing "
                                        "to hide: take them back (Backspace) and put them "
                                        "around the area."))

    def _show_count(self) -> None:
        n = len(self.canvas.shapes)
        if _shapes(self.canvas.shapes) != self._saved:   # only saved areas are blacked out
            said = (self.tr("1 area drawn, not saved yet") if n == 1 else
                    self.tr("{n} areas drawn, not saved yet").format(n=n))
        else:
            said = (self.tr("1 area blacked out") if n == 1 else
                    self.tr("{n} areas blacked out").format(n=n))
        if self.canvas.current:
            corners = len(self.canvas.current)
            said += "; " + (self.tr("1 corner of a new area") if corners == 1 else
                            self.tr("{n} corners of a new area").format(n=corners))
        self.count.setText(said)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the camera's masks (an agent job); `then` runs once they are saved."""
        if self.camera is None:
            return
        if self.canvas.current:
            if not self.canvas.close_shape():
                self.status.setText(self.tr("Finish the open shape (three corners at least, "
                                            "not all on one line, around a pixel at least) or "
                                            "undo it."))
                return
        masks, agent = self.canvas.masks(self.camera), self.ctx.agent
        if masks.polygons and self._picture is not None:
            masks = replace(masks, picture=self._picture)
        n = len(masks.polygons)
        said = (self.tr("Saved. Every export of {camera} blacks out 1 area.") if n == 1 else
                self.tr("Saved. Every export of {camera} blacks out {n} areas.") if n else
                self.tr("Saved. Exports of {camera} are no longer masked.")).format(
                    camera=masks.camera, n=n)
        self.ctx.bridge.call("save-masks", lambda: agent.set_masks(masks),
                             lambda _r: self._saved_as(masks, said, then), self.status.setText)

    def _saved_as(self, masks, said: str, then: Callable[[], None] | None) -> None:
        if masks.camera == self.camera:
            self._saved = _shapes(masks.polygons)
            self._show_count()
        self.status.setText(said)
        if then is not None:
            then()
