"""Before Qt starts: can it open a window here? Qt aborts the whole process when its X11
plugin cannot load, so the libraries it needs are looked for first and named in plain words."""
from __future__ import annotations

import ctypes.util
import os
import sys

# Qt 6.5+'s xcb plugin links these beyond what PySide6's wheel ships (Debian package names).
XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
                 "xcb-keysyms": "libxcb-keysyms1", "xkbcommon-x11": "libxkbcommon-x11-0"}


def _default_platform() -> bool:
    """Qt picks its platform itself (QT_QPA_PLATFORM unset or empty) or is told xcb."""
    return (os.environ.get("QT_QPA_PLATFORM") or "xcb") == "xcb"


def no_screen() -> bool:
    """Linux with no display at all (an SSH session, a service): Qt's default plugin would
    abort the process, as it does when a library is missing."""
    return (sys.platform.startswith("linux") and _default_platform()
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def missing_packages() -> list[str]:
    """Debian packages whose libraries Qt needs for an X11 window and that are not installed."""
    if not sys.platform.startswith("linux"):
        return []
    if not _default_platform() or not os.environ.get("DISPLAY"):
        return []  # offscreen, Wayland or no display: the xcb plugin is not what will load
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def cannot_start_reason() -> str | None:
    """A plain sentence saying what to do, or None when the window can open."""
    if no_screen():
        return ("the desktop app needs a screen, and this session has none (no DISPLAY or "
                "WAYLAND_DISPLAY): start it from the computer's desktop, or use the "
                "footage-agent commands here (footage-agent --help)")
    missing = missing_packages()
    if not missing:
        return None
    return ("the desktop app cannot open a window: this computer lacks libraries Qt needs for "
            f"X11; install them (on Debian or Ubuntu: sudo apt install {' '.join(missing)}) "
            "and start it again")
