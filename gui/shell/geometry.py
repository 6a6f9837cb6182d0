"""The window's size: one that fits the screen it opens on, then the size and place the owner
left it at, kept in `gui.ini` in the agent's home (a demo's home keeps its own), when an
ordinary file is there or none (kept_choices.kept_settings).

`fitted_size` is pure: the tests check it for the screens people have (1366x768 laptops up).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from gui.widgets.kept_choices import kept_settings

PREFERRED = QSize(1400, 900)
FRAME_H = 40        # a title bar, which the available area does not leave room for
KEY = "window/geometry"


def fitted_size(available: QSize) -> QSize:
    """The window's first size on a screen whose free area (less task bars) is `available`:
    the preferred size, or all the room there is on a smaller screen."""
    return QSize(min(PREFERRED.width(), available.width()),
                 min(PREFERRED.height(), max(480, available.height() - FRAME_H)))


def fits(frame: QRect, available: QRect) -> bool:
    """True when a window frame lies inside the screen's free area (a few pixels of slack)."""
    return available.adjusted(-8, -8, 8, 8).contains(frame)


def place(window: QWidget, home: Path) -> None:
    """Give `window` its remembered geometry if it still fits a screen, else a fitted size
    centred on the primary screen. A few hundred bytes read once, before the window shows."""
    settings = kept_settings(home)   # None: no ordinary file there, nothing read
    saved = None if settings is None else settings.value(KEY)
    if saved is not None and window.restoreGeometry(saved):
        screen = window.screen()
        if screen is not None and fits(window.frameGeometry(), screen.availableGeometry()):
            return
    screen = window.screen()
    if screen is None:
        window.resize(PREFERRED)
        return
    area = screen.availableGeometry()
    size = fitted_size(area.size())
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2,
                area.y() + max(0, (area.height() - size.height() - FRAME_H) // 2))


def remember(window: QWidget, home: Path) -> None:
    """Keep the window's size and place for the next start."""
    settings = kept_settings(home)
    if settings is not None:
        settings.setValue(KEY, window.saveGeometry())
        settings.sync()
