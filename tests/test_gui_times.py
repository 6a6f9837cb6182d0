"""Every time of day the app shows is in the owner's zone and says which: labels, table cells
and the words under each timeline, on every screen."""
from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel, QTableWidget  # noqa: E402

from gui.views import display  # noqa: E402
from tests.gui_support import ZONE, footage, settle  # noqa: E402,F401
from tests.test_gui_fit import app_window  # noqa: E402,F401

TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
ZONE_WORD = re.compile(r"\b(PST|PDT|UTC)\b")


def shown_texts(window) -> list[str]:
    """Every line of visible text on the window's current screen."""
    texts = [label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)]
    for table in window.findChildren(QTableWidget):
        if table.isVisibleTo(window):
            texts += [table.item(r, c).text() for r in range(table.rowCount())
                      for c in range(table.columnCount()) if table.item(r, c)]
    page = window.pages.currentWidget()
    for strip in [getattr(page, "strip", None)]:
        for tl in (strip.timelines.values() if strip else []):
            texts += list(tl.labels())
    return [line for text in texts for line in text.splitlines()]


def without_zone(window) -> list[str]:
    return [line for line in shown_texts(window) if TIME.search(line)
            and not ZONE_WORD.search(line)]


def test_a_clock_time_always_carries_its_zone():
    us = 1_790_000_000 * 1_000_000
    assert display.clock(us, ZONE).endswith(("PST", "PDT"))
    assert display.clock(us, "UTC", seconds=False).endswith(" UTC")
    assert display.zone_words(us, ZONE) in ("PST, America/Los_Angeles", "PDT, America/Los_Angeles")
    assert display.zone_words(us, "UTC") == "UTC"


def test_every_screen_shows_times_with_their_zone(qtbot, app_window):
    win, _world = app_window
    found = {}
    for name in ("inbox", "export", "log", "settings"):
        win.show_page(name)
        settle(qtbot, win)
        found[name] = without_zone(win)
    win.open_request(next(v for v in win.inbox.views if v.status == "new"))
    settle(qtbot, win)
    tl = next(iter(win.request.strip.timelines.values()))
    tl.set_position((tl.limit_start + tl.limit_end) // 2)
    qtbot.waitUntil(lambda: "at" in win.request.preview.caption.text(), timeout=20000)
    settle(qtbot, win)
    shown = shown_texts(win)
    assert sum(bool(TIME.search(t)) for t in shown) >= 8   # the facts, timelines, preview, summary
    found["request"] = without_zone(win)
    assert {k: v for k, v in found.items() if v} == {}
    win.show_page("export")
    settle(qtbot, win)
    assert ZONE_WORD.search(win.export.zone.text())   # the zone the From/to times are typed in


def test_a_count_of_recordings_agrees_with_its_number():
    assert display.recordings(1) == "1 recording"
    assert display.recordings(0) == "0 recordings" and display.recordings(12) == "12 recordings"
    assert display.recordings(1, more=True) == "1+ recordings"   # at least that many
