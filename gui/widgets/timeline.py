"""One camera's timeline: thumbnails, recorded stretches and gaps, a scrub position, and in/out
handles that can never leave the allowed window (the request's, for a request). Stretches whose
files cannot be used are marked in red, stretches timed by file dates alone are striped.

Mouse: drag a handle to trim, click or drag elsewhere to scrub. Keys: Left/Right move the
position 1 s (Shift: 10 s), I / O put the in / out handle at the position, Home / End jump.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleValueChangeEvent,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QWidget

from gui.views import display
from gui.views.shown import plain_tip
from gui.widgets.timeline_paint import PAD, THUMB_TOP, TRACK_H, TRACK_TOP, TimelinePainting

US = 1_000_000
MIN_SELECTION_US = US
_GRAB_PX = 9
_LABEL_GAP = 12  # between the times at the ends and the camera's words in the middle


class _SpokenTimeline(QAccessibleWidget):
    """A timeline as a screen reader should know it: a slider (the arrows move it), not Qt's
    "client" of a plain widget, whose value is the moment shown ("13:11:28 PST"); its name
    and description are the widget's own. Without a value a reader said "slider" and nothing
    of where it stood, and nothing as the arrows moved it (Windows' UI Automation reads a
    slider's value as this text)."""

    def __init__(self, widget: "Timeline"):
        super().__init__(widget, QAccessible.Role.Slider)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self.widget().spoken_value()
        return super().text(kind)


def _slider(_class_name: str, widget) -> QAccessibleWidget | None:
    """The accessible face of a Timeline (_SpokenTimeline); Qt's own for any other widget."""
    if isinstance(widget, Timeline):
        return _SpokenTimeline(widget)
    return None


class Timeline(TimelinePainting, QWidget):
    """Scrub and trim inside [limit_start, limit_end]; times are UTC microseconds."""

    positionChanged = Signal(object)   # UTC microseconds (beyond a C int)
    selectionChanged = Signal(object, object)
    touched = Signal()
    released = Signal()   # a drag ended: whoever follows it late catches up now

    _spoken_as_slider = False   # _slider installed (once for the app)

    def __init__(self, camera: str, zone: str, parent: QWidget | None = None):
        if not Timeline._spoken_as_slider:
            QAccessible.installFactory(_slider)
            Timeline._spoken_as_slider = True
        super().__init__(parent)
        self.camera, self.zone = camera, zone
        self.limit_start = self.limit_end = 0
        self.in_us = self.out_us = self.position_us = 0
        self.spans: list[tuple[int, int]] = []
        self.marks: list[tuple[int, int, str]] = []
        self.guessed: list[tuple[int, int]] = []
        self.thumbs: list[tuple[int, QImage]] = []
        self.note = ""
        self._drag: str | None = None
        self._drawn: tuple[tuple, QPixmap] | None = None   # the backdrop, for its size
        self.setFocusPolicy(Qt.StrongFocus)
        # As tall as full_height() when the page has room, down to short_height() when it has
        # not (minimumSizeHint: both follow the font, which the style sheet sets later).
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Maximum)
        self.setAccessibleName(self.tr("Timeline of {camera}").format(camera=camera))

    def sizeHint(self) -> QSize:
        return QSize(640, self.full_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.short_height())

    def full_height(self) -> int:
        """Thumbnails, the track and a line of times under it in the widget's font (a large
        system font makes that line taller)."""
        return TRACK_TOP + TRACK_H + self._words_height()

    def short_height(self) -> int:
        """The track and the times only: on a small screen the thumbnails give way."""
        return THUMB_TOP + TRACK_H + self._words_height()

    def _words_height(self) -> int:
        return 4 + self.fontMetrics().height() + 2   # under the handles, the line, a margin

    def draws_thumbnails(self) -> bool:
        """Whether the timeline is tall enough to draw its thumbnails (else they give way)."""
        return self.height() >= self.full_height()

    def track_top(self) -> int:
        """Where the track starts: under the thumbnails when they fit, else at the top."""
        return TRACK_TOP if self.draws_thumbnails() else THUMB_TOP

    def words_baseline(self) -> int:
        """Where the times under the track stand: a line below the handles' ends."""
        return self.track_top() + TRACK_H + 4 + self.fontMetrics().ascent()

    # data --------------------------------------------------------------------------------
    def set_window(self, start_us: int, end_us: int) -> None:
        """The allowed window; resets the selection to all of it and the position to its start."""
        self.limit_start, self.limit_end = int(start_us), int(end_us)
        self._drawn = None
        self.in_us, self.out_us, self.position_us = self.limit_start, self.limit_end, self.limit_start
        self._shown()

    def set_coverage(self, spans: list[tuple[int, int]], note: str = "",
                     marks: list[tuple[int, int, str]] = (), guessed: list[tuple[int, int]] = ()) -> None:
        """Recorded stretches; `marks` (start, end, status) where files cannot be used;
        `guessed` stretches placed in time by file dates alone; the note says why."""
        self.spans, self.note = list(spans), note
        self.marks, self.guessed = list(marks), list(guessed)
        self._drawn = None
        self._shown()

    def _shown(self) -> None:
        """Repaint, and tell a screen reader what the timeline now says."""
        self.update()
        self.setAccessibleDescription(self.describe())
        if self.hasFocus():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    def describe(self) -> str:
        """What a screen reader says of the timeline: the stretch chosen, the moment shown,
        the note, and the keys that move and trim (what the eye reads off the drawing)."""
        said = self.tr("From {start} to {end}; showing {at}.").format(
            start=display.clock(self.in_us, self.zone), end=display.clock(self.out_us, self.zone),
            at=display.clock(self.position_us, self.zone))
        if self.note:
            said += f" ({self.note})"
        return said + " " + self.tr(
            "Left and Right move the moment shown by 1 second (with Shift, 10); I makes it the "
            "start, O the end; Home and End go to the start and the end.")

    def spoken_value(self) -> str:
        """The timeline's value to a screen reader: the moment shown, as the eye reads it
        under the track."""
        return display.clock(self.position_us, self.zone)

    def set_thumbnails(self, thumbs: list[tuple[int, QImage]]) -> None:
        self.thumbs = list(thumbs)
        self._drawn = None
        self.update()

    # position and handles ------------------------------------------------------------------
    def set_position(self, us: int, emit: bool = True) -> None:
        us = min(max(int(us), self.limit_start), max(self.limit_start, self.limit_end - 1))
        if us != self.position_us:
            self.position_us = us
            self._shown()
            if self.hasFocus():   # a screen reader says where the arrows moved it
                QAccessible.updateAccessibility(
                    QAccessibleValueChangeEvent(self, self.spoken_value()))
            if emit:
                self.positionChanged.emit(us)

    def set_selection(self, in_us: int, out_us: int, emit: bool = True) -> None:
        """Clamp to the window and keep at least one second between the handles."""
        span = self.limit_end - self.limit_start
        gap = min(MIN_SELECTION_US, span)
        in_us = min(max(int(in_us), self.limit_start), self.limit_end - gap)
        out_us = max(min(int(out_us), self.limit_end), in_us + gap)
        if (in_us, out_us) != (self.in_us, self.out_us):
            self.in_us, self.out_us = in_us, out_us
            self._shown()
            if emit:
                self.selectionChanged.emit(in_us, out_us)

    def set_in(self, us: int) -> None:
        self.set_selection(min(us, self.out_us - MIN_SELECTION_US), self.out_us)

    def set_out(self, us: int) -> None:
        self.set_selection(self.in_us, max(us, self.in_us + MIN_SELECTION_US))

    # geometry ------------------------------------------------------------------------------
    def x_of(self, us: int) -> float:
        span = max(1, self.limit_end - self.limit_start)
        return PAD + (self.width() - 2 * PAD) * (us - self.limit_start) / span

    def us_at(self, x: float) -> int:
        span = self.limit_end - self.limit_start
        frac = (x - PAD) / max(1, self.width() - 2 * PAD)
        return int(self.limit_start + min(1.0, max(0.0, frac)) * span)

    # input ---------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        x = event.position().x()
        self.touched.emit()
        if abs(x - self.x_of(self.in_us)) <= _GRAB_PX:
            self._drag = "in"
        elif abs(x - self.x_of(self.out_us)) <= _GRAB_PX:
            self._drag = "out"
        else:
            self._drag = "position"
        self._drag_to(x)

    def mouseMoveEvent(self, event) -> None:
        if self._drag:
            self._drag_to(event.position().x())

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None
        self.released.emit()

    def _drag_to(self, x: float) -> None:
        us = self.us_at(x)
        if self._drag == "in":
            self.set_in(us)
            self.set_position(self.in_us)
        elif self._drag == "out":
            self.set_out(us)
            self.set_position(self.out_us - 1)
        else:
            self.set_position(us)

    def keyPressEvent(self, event) -> None:
        step = 10 * US if event.modifiers() & Qt.ShiftModifier else US
        key = event.key()
        self.touched.emit()
        if key == Qt.Key_Left:
            self.set_position(self.position_us - step)
        elif key == Qt.Key_Right:
            self.set_position(self.position_us + step)
        elif key == Qt.Key_Home:
            self.set_position(self.in_us)
        elif key == Qt.Key_End:
            self.set_position(self.out_us - 1)
        elif key in (Qt.Key_I, Qt.Key_BracketLeft):
            self.set_in(self.position_us)
        elif key in (Qt.Key_O, Qt.Key_BracketRight):
            self.set_out(self.position_us)
        else:
            super().keyPressEvent(event)

    def labels(self) -> tuple[str, str, str]:
        """The words under the track as painted: the selection's start, the camera and the
        position (a long name ends in "…" so it never covers the times), its end."""
        start, rest, end = self._words()
        fm = self.fontMetrics()
        # The middle words are centred: they have twice the room beside the wider end time.
        room = max(0, self.width() - 2 * PAD - 2 * _LABEL_GAP
                   - 2 * max(fm.horizontalAdvance(start), fm.horizontalAdvance(end)))
        # The name keeps a third of the room at least (it says which timeline this is; the
        # check box beside says it too): a long note is cut after it.
        name_room = max(room - fm.horizontalAdvance(rest),
                        min(fm.horizontalAdvance(self.camera), room // 3))
        name = display.isolated(fm.elidedText(self.camera, Qt.ElideRight, name_room))
        return start, fm.elidedText((name or "\u2026") + rest, Qt.ElideRight, room), end

    def _words(self) -> tuple[str, str, str]:
        """The start time, what follows the camera's name (the position, the note), the end."""
        rest = f": {display.clock(self.position_us, self.zone)}"
        if self.note:
            rest += f"  ({self.note})"
        return (display.clock(self.in_us, self.zone), rest,
                display.clock(self.out_us, self.zone))

    def tip(self) -> str:
        """The camera's whole name (and the note) when the words under the track cut them."""
        if self.labels()[1] == display.isolated(self.camera) + self._words()[1]:
            return ""
        return f"{self.camera}  ({self.note})" if self.note else self.camera

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:   # whether the words are cut depends on the width
            self.setToolTip(plain_tip(self.tip()))
        return super().event(event)
