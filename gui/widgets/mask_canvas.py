"""Drawing a camera's privacy masks: click the corners of an area on a frame of that camera,
close the shape, add more, save. Every export of the camera then fills them black. Without a
mouse: the arrows move a cross over the picture (Shift: further), Space puts a corner there,
Enter closes the shape, Backspace takes the last corner back.

Points are kept relative to the picture (0..1 of its width and height), as the agent keeps
them, so a mask fits every resolution the camera records in. The frame and the saved masks are
read, and the masks written, by agent jobs.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from agent.views import CameraMasks, Polygon, covers_a_pixel, encloses_area

CLOSE_PX = 10      # a click this near the first corner closes the shape
STEP, BIG_STEP = 0.02, 0.1   # how far an arrow key moves the cross (of the picture's size)
MOVES = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}
Point = tuple[float, float]


class MaskCanvas(QWidget):
    """A frame with the owner's polygons over it; clicks add corners to the open shape."""

    changed = Signal()
    # the open shape could not be closed: too few corners, on one line, or inside a pixel
    unclosed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = self.tr("Choose a camera to see its picture.")
        self.shapes: list[list[Point]] = []     # closed polygons
        self.names: list[str] = []
        self.current: list[Point] = []          # the shape being drawn
        self.cross: Point = (0.5, 0.5)          # where Space puts a corner
        # the size of the recording the picture is of: a magnified picture lets clicks a
        # hair apart fall inside one of its pixels
        self.picture: tuple[int, int] | None = None
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setCursor(Qt.CrossCursor)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(self.tr("Picture to draw the areas on"))
        self.setAccessibleDescription(self.keys_hint())

    def keys_hint(self) -> str:
        """The keys that draw without a mouse, shown on the picture while it has the focus."""
        return self.tr("Arrows move the cross (Shift: further), Space puts a corner there, "
                       "Enter closes the shape, Backspace takes a corner back.")

    # state -------------------------------------------------------------------------------
    def set_image(self, image: QImage | None, message: str = "") -> None:
        self.image, self.message = image, message
        self.update()

    def set_masks(self, masks: CameraMasks) -> None:
        self.shapes = [list(p.points) for p in masks.polygons]
        self.names = [p.name for p in masks.polygons]
        self.current = []
        self._changed()

    def masks(self, camera: str) -> CameraMasks:
        """The closed shapes as the camera's masks (the open one is not included)."""
        names = self.names + [""] * (len(self.shapes) - len(self.names))
        return CameraMasks(camera, tuple(
            Polygon(tuple(shape), name or f"area {n}")
            for n, (shape, name) in enumerate(zip(self.shapes, names), start=1)))

    def close_shape(self) -> bool:
        """Close the open shape (it needs three corners, not all on one line, going around a
        pixel of the picture at least, as saved masks do); False, and `unclosed` emitted, when
        it cannot be closed."""
        if not encloses_area(self.current) or (
                self.picture is not None and not covers_a_pixel(self.current, self.picture)):
            self.unclosed.emit()
            return False
        self.shapes.append(self.current)
        self.current = []
        self._changed()
        return True

    def undo(self) -> None:
        """Take back the last corner (or reopen the last shape)."""
        if self.current:
            self.current.pop()
        elif self.shapes:
            self.current = self.shapes.pop()[:-1]
            del self.names[len(self.shapes):]
        self._changed()

    def clear(self) -> None:
        self.shapes, self.names, self.current = [], [], []
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.changed.emit()

    # geometry ----------------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, centred, its shape kept."""
        if self.image is None or self.image.isNull():
            return QRectF(0, 0, self.width(), self.height())
        iw, ih = self.image.width(), self.image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def to_widget(self, p: Point) -> QPointF:
        r = self.image_rect()
        return QPointF(r.x() + p[0] * r.width(), r.y() + p[1] * r.height())

    def to_relative(self, pos: QPointF) -> Point | None:
        r = self.image_rect()
        if not r.adjusted(-0.5, -0.5, 0.5, 0.5).contains(pos):
            return None
        return (min(1.0, max(0.0, (pos.x() - r.x()) / r.width())),
                min(1.0, max(0.0, (pos.y() - r.y()) / r.height())))

    # input -------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if self.image is None:
            return
        if event.button() == Qt.RightButton:
            self.close_shape()
            return
        if event.button() != Qt.LeftButton:
            return
        pos = event.position()
        if len(self.current) >= 3:
            first = self.to_widget(self.current[0])
            if (first - pos).manhattanLength() <= CLOSE_PX:
                self.close_shape()
                return
        point = self.to_relative(pos)
        if point is not None:
            self.cross = point   # the keys go on from the last click
            self.add_corner(point)

    def add_corner(self, point: Point) -> None:
        """A corner of the open shape at `point` (relative to the picture)."""
        self.current.append(point)
        self._changed()

    def move_cross(self, dx: int, dy: int, step: float) -> None:
        """Move the cross `step` of the picture's size each way, never off the picture."""
        x, y = self.cross
        self.cross = (min(1.0, max(0.0, x + dx * step)), min(1.0, max(0.0, y + dy * step)))
        self.update()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.image is not None and key in MOVES:
            big = event.modifiers() & Qt.ShiftModifier
            self.move_cross(*MOVES[key], BIG_STEP if big else STEP)
        elif self.image is not None and key == Qt.Key_Space:
            self.add_corner(self.cross)
        elif key in (Qt.Key_Return, Qt.Key_Enter):
            self.close_shape()
        elif event.key() in (Qt.Key_Backspace, Qt.Key_Delete):
            self.undo()
        else:
            super().keyPressEvent(event)

    # drawing -----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("#20262d"))
        if self.image is None:
            p.setPen(QColor("#c9d1da"))
            p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.message)
            if self.hasFocus():
                p.setPen(QPen(QColor("#5aa9f0"), 3))
                p.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
            p.end()
            return
        p.drawImage(self.image_rect(), self.image)
        p.setPen(QPen(QColor("#f2c94c"), 2))
        p.setBrush(QBrush(QColor(0, 0, 0, 200)))
        for shape in self.shapes:
            # filled as exports fill it: all the outline goes around (Qt's default would
            # show a star's middle open, and exports hide it)
            p.drawPolygon(QPolygonF([self.to_widget(pt) for pt in shape]), Qt.WindingFill)
        if self.current:
            pts = [self.to_widget(pt) for pt in self.current]
            p.setPen(QPen(QColor("#5aa9f0"), 2, Qt.DashLine))
            p.setBrush(Qt.NoBrush)
            p.drawPolyline(QPolygonF(pts))
            p.setPen(QPen(QColor("#ffffff"), 1))
            p.setBrush(QBrush(QColor("#2e6cb0")))
            for n, pt in enumerate(pts):
                radius = 6 if n == 0 and len(pts) >= 3 else 4
                p.drawEllipse(pt, radius, radius)
        if self.hasFocus():
            self._paint_focus(p)
        p.end()

    def _paint_focus(self, p: QPainter) -> None:
        """The cross where Space puts a corner, a frame round the picture and the keys: what
        says the keyboard is here and what it can do."""
        band = QRectF(0, self.height() - p.fontMetrics().height() * 2.5, self.width(),
                      p.fontMetrics().height() * 2.5)
        p.fillRect(band, QColor(0, 0, 0, 190))
        p.setPen(QColor("#ffffff"))
        p.drawText(band.adjusted(8, 0, -8, 0), Qt.AlignCenter | Qt.TextWordWrap, self.keys_hint())
        p.setBrush(Qt.NoBrush)
        p.setPen(QPen(QColor("#5aa9f0"), 3))
        p.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        at = self.to_widget(self.cross)
        for colour, width in ((QColor("#000000"), 4), (QColor("#ffffff"), 2)):
            p.setPen(QPen(colour, width))
            p.drawLine(QPointF(at.x() - 12, at.y()), QPointF(at.x() + 12, at.y()))
            p.drawLine(QPointF(at.x(), at.y() - 12), QPointF(at.x(), at.y() + 12))
