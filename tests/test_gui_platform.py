"""The app names the missing X11 libraries instead of letting Qt abort the process."""
from __future__ import annotations

import ctypes.util

from gui.shell import platform_check


def test_missing_xcb_libraries_are_named_as_packages(monkeypatch):
    # Which libraries this machine has is not up to the test: find_library is answered here.
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library",
                        lambda name: None if name in ("xcb-cursor", "xcb-icccm") else f"lib{name}.so")
    reason = platform_check.cannot_start_reason()
    assert reason is not None and "sudo apt install libxcb-cursor0 libxcb-icccm4" in reason


def test_offscreen_or_wayland_needs_no_xcb(monkeypatch):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert platform_check.cannot_start_reason() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert platform_check.cannot_start_reason() is None


def test_no_screen_at_all_is_said_before_qt_aborts(monkeypatch):
    # Seen: `footage-agent gui` over SSH ended in Qt's abort (exit 134) and its advice to
    # install libxcb-cursor0, which was not what was wrong.
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for unset in (None, ""):   # an empty QT_QPA_PLATFORM is Qt's default too
        if unset is None:
            monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
        else:
            monkeypatch.setenv("QT_QPA_PLATFORM", unset)
        reason = platform_check.cannot_start_reason()
        assert reason is not None and "needs a screen" in reason and "--help" in reason
    monkeypatch.setattr(platform_check.sys, "platform", "win32")   # Windows always has one
    assert platform_check.cannot_start_reason() is None
