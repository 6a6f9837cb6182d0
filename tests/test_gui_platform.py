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


def test_offscreen_or_no_display_needs_no_xcb(monkeypatch):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.cannot_start_reason() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert platform_check.cannot_start_reason() is None
