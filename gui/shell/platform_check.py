"""Before Qt starts: can it open a window here? Qt aborts the whole process when its X11
plugin cannot load, so the libraries it needs are looked for first and named in plain words."""
from __future__ import annotations

import ctypes.util
import os
import sys

# Qt 6.5+'s xcb plugin links these beyond what PySide6's wheel ships (Debian package names).
XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
                 "xcb-keysyms": "libxcb-keysyms1", "xkbcommon-x11": "libxkbcommon-x11-0"}


def missing_packages() -> list[str]:
    """Debian packages whose libraries Qt needs for an X11 window and that are not installed."""
    if not sys.platform.startswith("linux"):
        return []
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        return []  # offscreen, Wayland or no display: the xcb plugin is not what will load
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def cannot_start_reason() -> str | None:
    """A plain sentence saying what to install, or None when the window can open."""
    missing = missing_packages()
    if not missing:
        return None
    return ("the desktop app cannot open a window: this computer lacks libraries Qt needs for "
            f"X11; install them (on Debian or Ubuntu: sudo apt install {' '.join(missing)}) "
            "and start it again")
