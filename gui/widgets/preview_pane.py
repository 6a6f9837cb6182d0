"""The frame preview that follows the scrub position.

At most one decode runs at a time. A newer position takes a new ticket on the "scrub" channel,
which makes the decode still running give up at its next frame; when it returns, only the
newest wanted position is decoded. So the frame shown after the owner stops is never queued
behind the positions they scrubbed past.

With masks or face blurring chosen, the frame shown is the redacted one (the agent redacts it
inside the same job, never on the GUI thread).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from agent.views import drawn_on, multi_line, same_shape
from gui.views import display
from gui.views.shown import shown
from gui.views.words import translate
from gui.widgets.labels import ElidedLabel

PREVIEW_WIDTH = 640
MIN_PICTURE = QSize(160, 90)   # a small screen (1024x600) still shows the frame whole
BUDGET_S = 0.09   # show the best frame reached by then; the exact one follows


def to_image(frame) -> QImage:
    """An agent PreviewFrame as a QImage that owns its pixels."""
    return QImage(frame.rgb, frame.width, frame.height, frame.width * 3,
                  QImage.Format_RGB888).copy()


def redacted(agent, frame, masks: bool, faces: bool):
    """The PreviewFrame as the export would redact it (runs inside an agent job). The masks
    are never filled on a crop or another lens, where they would cover other places: such a
    moment is not sent with them (redaction_words says so); nor on a picture of another shape
    than the one they were drawn on (the camera's picture setting changed since)."""
    masks = masks and not frame.elsewhere
    if masks:
        drawn = agent.masks(frame.camera).picture
        size = (frame.width, frame.height)
        if drawn is not None and not same_shape(size, drawn):
            shown = drawn_on(agent.recordings(frame.camera))   # what the masks page shows
            frame = replace(frame, other_shape=True,
                            one_shape=shown is not None and not same_shape(shown, size))
            masks = False
    if not (masks or faces):
        return frame
    rgb = np.frombuffer(frame.rgb, np.uint8).reshape(frame.height, frame.width, 3)
    out = agent.redact_preview(rgb, frame.camera, masks=masks, faces=faces)
    return replace(frame, rgb=out.tobytes())


def redaction_words(frame, redaction: tuple[bool, bool]) -> str:
    """What the caption says of the redaction `(masks, faces)` shown on `frame`."""
    masks, faces = redaction
    if masks and frame.elsewhere:
        return translate("PreviewPane", "only the camera's crop or other lens recorded this: "
                                        "privacy masks cannot be placed on it, so it is not "
                                        "sent while they are chosen")
    if masks and frame.one_shape:
        return translate("PreviewPane", "this picture has another shape than the one the "
                                        "privacy masks were drawn on, so they cannot be placed "
                                        "on it and it is not sent while they are chosen: they fit "
                                        "one picture shape at a time, that of the camera's latest "
                                        "recordings")
    if masks and frame.other_shape:
        return translate("PreviewPane", "this picture has another shape than the one the "
                                        "privacy masks were drawn on, so they cannot be placed "
                                        "on it and it is not sent while they are chosen: look at "
                                        "the masks again (Settings, Draw privacy masks)")
    if masks or faces:
        return translate("PreviewPane", "shown as it will be sent")
    return ""


class PreviewPane(QWidget):
    """Shows one camera's frame at a time; `frameShown` fires with the PreviewFrame (or None)."""

    frameShown = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._running = None           # (camera, at_us) being decoded
        self._wanted = None            # (camera, at_us, ticket) to decode next
        self.shown_at: tuple[str, int] | None = None
        self.redaction = (False, False)   # (masks, faces) applied to what is shown
        # the name the previews read a camera by (a request's strip: its safe copy's, maybe)
        self.reads: Callable[[str], str] = lambda camera: camera
        self.picture = QLabel(self.tr("Choose a moment on a timeline to see it here."))
        self.picture.setObjectName("previewPicture")
        self.picture.setTextFormat(Qt.PlainText)   # a reason may hold the core's "<" or "&"
        self.picture.setAlignment(Qt.AlignCenter)
        self.picture.setMinimumSize(MIN_PICTURE)   # room to spare makes it larger
        self._pixmap = QPixmap()   # the frame shown, at full size: scaled again on resize
        # Its room decides the picture's size, never the picture its room (no growing loop).
        self.picture.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.picture.installEventFilter(self)
        self.picture.setWordWrap(True)
        self.caption = ElidedLabel(name="caption")   # never wider than the picture
        self.caption.setAlignment(Qt.AlignCenter)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)   # the caption belongs to the picture
        box.addWidget(self.picture, 1)
        box.addWidget(self.caption)

    def say(self, text: str) -> None:
        """Words where the picture would be, when there is nothing to show (no recordings)."""
        self._pixmap = QPixmap()
        self.picture.setPixmap(QPixmap())
        self.picture.setText(multi_line(text))
        self.caption.setText("")
        self.shown_at = None

    def show_at(self, camera: str, at_us: int) -> None:
        """Show the frame of `camera` on screen at `at_us` as soon as it is decoded."""
        self._wanted = (camera, int(at_us), self.ctx.previewer.ticket(f"scrub-{id(self)}"))
        if self._running is None:
            self._start()

    def set_redaction(self, masks: bool, faces: bool) -> None:
        """Show frames as they would be sent; the frame on screen is redone at once."""
        if (masks, faces) == self.redaction:
            return
        self.redaction = (masks, faces)
        if self.shown_at is not None:
            self.show_at(*self.shown_at)

    def _start(self) -> None:
        camera, at_us, ticket = self._wanted
        self._wanted = None
        self._running = (camera, at_us)
        previewer, agent, (masks, faces) = self.ctx.previewer, self.ctx.agent, self.redaction
        name = self.reads(camera)

        def work():
            frame = previewer.frame(name, at_us, PREVIEW_WIDTH, ticket, BUDGET_S)
            if frame is None or not (masks or faces):
                return frame
            return redacted(agent, frame, masks, faces)
        self.ctx.bridge.call("preview", work, lambda frame: self._done(camera, at_us, frame),
                             lambda message: self._failed(camera, at_us, message))

    def _fit(self) -> None:
        """The whole frame, as large as the picture's room allows (never cut off)."""
        if not self._pixmap.isNull():
            self.picture.setPixmap(self._pixmap.scaled(self.picture.contentsRect().size(),
                                                       Qt.KeepAspectRatio,
                                                       Qt.SmoothTransformation))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.picture and event.type() == QEvent.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def _failed(self, camera: str, at_us: int, message: str) -> None:
        self._done(camera, at_us, None)
        if self.redaction != (False, False) and self._running is None:
            self.picture.setText(self.tr("This moment cannot be shown redacted: {problem}")
                                 .format(problem=message))

    def _done(self, camera: str, at_us: int, frame) -> None:
        self._running = None
        if self._wanted is not None:
            self._start()          # a newer position is waiting: this result is already old
            return
        self._display(camera, at_us, frame)
        if frame is not None and not frame.complete:   # deep in a long GOP: carry on
            self.show_at(camera, at_us)
        else:
            self.shown_at = (camera, at_us)
        self.frameShown.emit(frame)

    def _display(self, camera: str, at_us: int, frame) -> None:
        if frame is None:
            self._pixmap = QPixmap()
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No recording at this moment."))
            self.caption.setText(shown(self.tr("{camera} at {time}"), camera=camera,
                                       time=display.clock(at_us, self.ctx.zone)))
            return
        self._pixmap = QPixmap.fromImage(to_image(frame))
        self._fit()
        when = display.clock(frame.at_us, self.ctx.zone)
        text = shown(self.tr("{camera} at {time}"), camera=camera, time=when)   # kept isolated
        said = redaction_words(frame, self.redaction)
        if said:
            text += " \u00b7 " + said
        if not frame.complete:
            text += " " + self.tr("(finding the exact moment\u2026)")
        self.caption.setText(text)
