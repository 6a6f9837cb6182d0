"""How a timeline is drawn: the thumbnails, the track with its recorded, marked and
file-dated stretches (drawn once per size and coverage and kept as a picture, since a drag
repaints every timeline in view), the chosen stretch between its handles, the position, and
the words under the track. A mixin of `Timeline` (timeline.py), which holds what is drawn;
the geometry here is also where the timeline places its handles and its heights."""
from __future__ import annotations

from math import ceil

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

PAD = 14
THUMB_TOP, THUMB_H = 6, 46
TRACK_TOP, TRACK_H = 58, 18

COVERED = QColor("#8cc7a4")
MARKED = QColor("#d9826f")          # damaged, empty or unsupported recordings
GUESSED = QColor("#4f8f6a")         # stripes over recordings timed by file dates alone
GAP = QColor("#e6e2dc")
GAP_LINE = QColor("#cfc8bd")
SELECT = QColor(46, 108, 176, 46)
DIM = QColor(255, 255, 255, 150)
HANDLE = QColor("#2e6cb0")
PLAYHEAD = QColor("#c2571a")
TEXT = QColor("#4a5360")


class TimelinePainting:
    """Timeline's drawing; it gives the times, stretches and thumbnails, `x_of`, `track_top`,
    `words_baseline`, `labels` and `_drawn` (the kept backdrop)."""

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.drawPixmap(0, 0, self._backdrop())
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(Qt.NoPen)
        left, right = PAD, self.width() - PAD
        track_top = self.track_top()
        xin, xout = self.x_of(self.in_us), self.x_of(self.out_us)
        top, bottom = THUMB_TOP - 2, track_top + TRACK_H + 2
        p.fillRect(QRectF(left, top, xin - left, bottom - top), DIM)
        p.fillRect(QRectF(xout, top, right - xout, bottom - top), DIM)
        p.fillRect(QRectF(xin, top, xout - xin, bottom - top), SELECT)
        for x in (xin, xout):
            p.setBrush(HANDLE)
            p.drawRoundedRect(QRectF(x - 3, top, 6, bottom - top), 3, 3)
        xp = self.x_of(self.position_us)
        p.setPen(QPen(PLAYHEAD, 2))
        p.drawLine(QPointF(xp, top), QPointF(xp, bottom + 4))
        self._paint_labels(p, left, right)
        if self.hasFocus():
            p.setPen(QPen(HANDLE.darker(150), 2))
            p.setBrush(Qt.NoBrush)
            p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        p.end()

    def _backdrop(self) -> QPixmap:
        """What moving the handles or the position leaves as it was (the thumbnails, the
        track and its stretches), drawn once per size, coverage and thumbnails: a day of
        one-minute files is some 1,440 stretches, and a drag repaints every timeline in view."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), self.track_top(), ratio)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        pix = QPixmap(ceil(self.width() * ratio), ceil(self.height() * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(QColor("#fbfaf8"))
        p = QPainter(pix)
        p.setRenderHint(QPainter.Antialiasing)
        left, right, track_top = PAD, self.width() - PAD, self.track_top()
        if track_top == TRACK_TOP:
            self._paint_thumbs(p, left, right)
        track = QRectF(left, track_top, right - left, TRACK_H)
        p.setPen(Qt.NoPen)
        p.setBrush(QBrush(GAP))
        p.drawRoundedRect(track, 4, 4)
        p.setBrush(QBrush(GAP_LINE, Qt.BDiagPattern))
        p.drawRoundedRect(track, 4, 4)
        for brush, stretches in ((QBrush(MARKED), self.marks), (QBrush(COVERED), self.spans),
                                 (QBrush(GUESSED, Qt.FDiagPattern), self.guessed)):
            p.setBrush(brush)
            for s, e, *_ in stretches:
                x0, x1 = self.x_of(max(s, self.limit_start)), self.x_of(min(e, self.limit_end))
                p.drawRect(QRectF(x0, track_top, max(1.0, x1 - x0), TRACK_H))
        p.end()
        self._drawn = (key, pix)
        return pix

    def _paint_thumbs(self, p: QPainter, left: float, right: float) -> None:
        if not self.thumbs:
            return
        slot = (right - left) / len(self.thumbs)
        for n, (_at, img) in enumerate(self.thumbs):
            if img is None or img.isNull():
                continue
            w = min(slot - 2, img.width() * THUMB_H / max(1, img.height()))
            target = QRectF(left + n * slot + (slot - w) / 2, THUMB_TOP, w, THUMB_H)
            p.drawImage(target, img)

    def _paint_labels(self, p: QPainter, left: float, right: float) -> None:
        if self.limit_end <= self.limit_start:
            return
        p.setPen(TEXT)
        y = self.words_baseline()
        in_text, mid, out_text = self.labels()
        p.drawText(QPointF(left, y), in_text)
        fm = p.fontMetrics()
        p.drawText(QPointF(right - fm.horizontalAdvance(out_text), y), out_text)
        p.drawText(QPointF((left + right - fm.horizontalAdvance(mid)) / 2, y), mid)
