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


def test_a_request_for_the_year_1_lists_and_opens_in_utc(qtbot, tmp_path, footage, monkeypatch):
    """Trust hunt 2: a request window may be any time from the year 1 (protocol.md), and the
    first hours of 1 January of the year 1 UTC are the year 0 in the owner's zone west of
    Greenwich, which Python cannot hold: the app's list stopped at that request (the rows
    after it never filled, 'No requests yet' shown under them) and opening it failed in a
    traceback. Such a time is shown in UTC, as the command line shows it."""
    import time as clock

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from demo.gui_data import make_world, request_claims, sign
    from tests.gui_support import open_window

    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    claims = request_claims("req-ancient", 0, 1, int(clock.time()), aud=world.registration,
                            window={"start": "0001-01-01T00:00:00Z",
                                    "end": "0001-01-01T01:00:00Z"})
    path = tmp_path / "ancient.jws"
    path.write_text(sign(world.key, claims))
    chosen = [str(world.request_file), str(path)]   # the ancient one arrives last: listed first
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen.pop(0), ""))
    win, agent = open_window(qtbot, world.home)
    try:
        for _ in range(2):
            qtbot.mouseClick(win.inbox.import_button, Qt.LeftButton)
            settle(qtbot, win)
        table = win.inbox.table
        assert table.rowCount() == len(win.inbox.views) > 1, win.inbox.status.text()
        texts = [[table.item(r, c).text() if table.item(r, c) else None
                  for c in range(table.columnCount())] for r in range(table.rowCount())]
        assert all(row[3] for row in texts), texts   # every request's window is listed
        assert not win.inbox.empty.isVisibleTo(win)
        ancient = next(r for r, v in enumerate(win.inbox.views) if v.id == "req-ancient")
        assert texts[ancient][3] == "Mon 1 Jan 1, 00:00:00 to 01:00:00 UTC", texts[ancient]
        win.open_request(win.inbox.views[ancient])
        settle(qtbot, win)
        assert win.pages.currentWidget() is win.request
        assert "1 Jan 1, 00:00:00 to 01:00:00 UTC" in win.request.info.window.text()
    finally:
        win.shutdown()
        agent.close()


def test_utc_by_any_of_its_names_is_no_place_whose_clock_a_phone_shows():
    from gui.views.times import is_utc
    for name in ("UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Zulu", "GMT", "Etc/GMT",
                 "Etc/GMT+0", "Etc/Greenwich"):
        assert is_utc(name), name
    for name in ("Europe/London", "Africa/Abidjan", "America/Los_Angeles", "Etc/GMT+8",
                 "Atlantic/Reykjavik"):
        assert not is_utc(name), name
