"""The tray icon: the app keeps watching and polling with its window closed, and says when a
request arrives. Where the desktop has no tray, notifications are still recorded and the
window simply stays the way in."""
from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


def app_icon(size: int = 64) -> QIcon:
    """A calm, drawn icon (no image files to ship): a lens inside a rounded square."""
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#2e6cb0"))
    p.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), size * 0.22, size * 0.22)
    p.setBrush(QColor("#f6f4f0"))
    p.drawEllipse(QPointF(size / 2, size / 2), size * 0.28, size * 0.28)
    p.setBrush(QColor("#2e6cb0"))
    p.drawEllipse(QPointF(size / 2, size / 2), size * 0.13, size * 0.13)
    p.setPen(QPen(QColor("#8cc7a4"), size * 0.06))
    p.drawPoint(QPointF(size * 0.78, size * 0.24))
    p.end()
    return QIcon(pix)


class Tray(QObject):
    """Tray icon with Open / Quit; `notify` shows (and records) a message."""

    openRequested = Signal()
    quitRequested = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.notifications: list[tuple[str, str]] = []
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setToolTip(self.tr("Footage requests: watching your recordings"))
            menu = QMenu()
            menu.addAction(self.tr("Open"), self.openRequested.emit)
            menu.addSeparator()
            menu.addAction(self.tr("Quit (stop watching)"), self.quitRequested.emit)
            self._menu = menu
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(lambda _reason: self.openRequested.emit())
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def notify(self, title: str, text: str) -> None:
        self.notifications.append((title, text))
        if self.icon is not None:
            self.icon.showMessage(title, text, QSystemTrayIcon.Information, 10_000)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
