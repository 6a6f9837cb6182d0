"""The Export page's From and To around the clocks going back: the hour from 1:00 to 2:00
happens twice (PDT, then PST). A time the page shows must be the time it exports, and the zone
beside it must say which of the two it is. A real offscreen Qt loop and agent."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import ZONE, choose_window, footage, settle, win  # noqa: E402,F401

FIRST = t("2026-11-01T08:30:00Z")    # 01:30 PDT, the first pass (Los Angeles)
SECOND = t("2026-11-01T09:30:00Z")   # 01:30 PST, an hour later, the same wall time


@pytest.mark.parametrize("instant, words", [(FIRST, "PDT"), (SECOND, "PST")])
def test_a_time_of_the_repeated_hour_reads_back_as_the_instant_shown(qtbot, win, instant,
                                                                       words):
    assert ZONE == "America/Los_Angeles"
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    page.set_time(page.start_edit, instant)
    page.set_time(page.end_edit, instant + 600 * US)
    qtbot.mouseClick(page.show_button, Qt.LeftButton)   # what the timelines and export use
    settle(qtbot, win)
    assert page.time_of(page.start_edit) == instant
    assert page.time_of(page.end_edit) == instant + 600 * US
    assert page.zone.text().startswith(words)


def test_typing_a_time_keeps_the_zone_beside_it_true(qtbot, win):
    # Shown 01:30 PST; the owner types 14:00 the same day: that is PST whatever came before,
    # and the label beside the times says what the typed time is read as.
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    page.set_time(page.start_edit, SECOND)
    page.set_time(page.end_edit, SECOND + 600 * US)
    later = page.start_edit.dateTime().addSecs(12 * 3600 + 30 * 60)
    page.start_edit.setDateTime(later)
    page.end_edit.setDateTime(later.addSecs(600))
    qtbot.mouseClick(page.show_button, Qt.LeftButton)
    settle(qtbot, win)
    assert page.time_of(page.start_edit) == t("2026-11-01T22:00:00Z")   # 14:00 PST
    assert page.zone.text().startswith("PST")


def test_the_second_reading_is_only_ever_taken_for_a_time_that_happens_twice():
    from gui.views.times import wall_us
    assert wall_us(2026, 11, 1, 1, 30, 0, ZONE, fold=1) == SECOND
    assert wall_us(2026, 11, 1, 1, 30, 0, ZONE) == FIRST
    # 02:30 on the night the clocks go forward never happens: read alike either way
    assert wall_us(2026, 3, 8, 2, 30, 0, ZONE, fold=1) == wall_us(2026, 3, 8, 2, 30, 0, ZONE)
    assert wall_us(2026, 11, 2, 1, 30, 0, ZONE, fold=1) == wall_us(2026, 11, 2, 1, 30, 0, ZONE)


def test_a_time_typed_applies_on_enter_or_on_leaving_the_box(qtbot, win, footage):  # noqa: F811
    # The owner typed new times and pressed Enter, or went on to Export: the timelines, the
    # summary and the export kept the window shown before, not the one typed beside them.
    root, start = footage
    page = choose_window(qtbot, win, start + US, start + 3 * US)
    assert page.strip.selection() == (start + US, start + 3 * US)
    page.start_edit.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(page.start_edit.hasFocus)
    page.set_time(page.start_edit, start + 2 * US)
    page.set_time(page.end_edit, start + 6 * US)
    qtbot.keyClick(page.start_edit, Qt.Key_Return)
    settle(qtbot, win)
    assert page.strip.selection() == (start + 2 * US, start + 6 * US)
    page.end_edit.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(page.end_edit.hasFocus)
    page.set_time(page.end_edit, start + 7 * US)
    qtbot.mouseClick(page.folder, Qt.LeftButton)   # on to the next control
    settle(qtbot, win)
    assert page.strip.selection() == (start + 2 * US, start + 7 * US)


def test_leaving_the_box_unchanged_keeps_the_cameras_and_trims(qtbot, win, footage):  # noqa: F811
    root, start = footage
    page = choose_window(qtbot, win, start + US, start + 7 * US)
    first = next(iter(page.strip.checks))
    page.strip.checks[first].setChecked(False)
    page.start_edit.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(page.start_edit.hasFocus)
    qtbot.keyClick(page.start_edit, Qt.Key_Return)
    qtbot.mouseClick(page.folder, Qt.LeftButton)
    settle(qtbot, win)
    assert not page.strip.checks[first].isChecked()


def test_a_time_the_clocks_skipped_is_shown_as_the_time_it_is_read_as(qtbot, win):
    # 02:30 on the night the clocks go forward never happens: it is read as 03:30 PDT, and
    # the box must say so, not keep 02:30 beside "PDT".
    from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    utc = QTimeZone(QTimeZone.UTC)
    page.start_edit.setDateTime(QDateTime(QDate(2026, 3, 8), QTime(2, 30, 0), utc))
    page.end_edit.setDateTime(QDateTime(QDate(2026, 3, 8), QTime(3, 45, 0), utc))
    page.start_edit.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(page.start_edit.hasFocus)
    qtbot.keyClick(page.start_edit, Qt.Key_Return)
    settle(qtbot, win)
    assert page.start_edit.dateTime().time() == QTime(3, 30, 0)
    assert page.time_of(page.start_edit) == t("2026-03-08T10:30:00Z")
    assert page.zone.text().startswith("PDT")


def test_a_window_across_the_clocks_going_back_can_be_typed(qtbot, win):
    # 01:50 PDT to 01:10 PST: twenty minutes across the change. Typed as the owner reads
    # the clock, the To was taken as 01:10 PDT and the page said "The end must come after
    # the start": no time typed could reach past the change into the hour it repeats.
    from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    utc = QTimeZone(QTimeZone.UTC)
    page.start_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(1, 50, 0), utc))
    page.end_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(1, 10, 0), utc))
    page.end_edit.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(page.end_edit.hasFocus)
    qtbot.keyClick(page.end_edit, Qt.Key_Return)
    settle(qtbot, win)
    assert page.status.text() == ""
    assert page.strip.selection() == (t("2026-11-01T08:50:00Z"), t("2026-11-01T09:10:00Z"))
    assert page.time_of(page.end_edit) == t("2026-11-01T09:10:00Z")
    assert page.end_edit.dateTime().time() == QTime(1, 10, 0)   # as typed, now the PST one
    assert page.zone.text() == "PDT, then PST, America/Los_Angeles"
    # and 01:10 to 01:50 stays within the first pass, as typed
    page.start_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(1, 10, 0), utc))
    page.end_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(1, 50, 0), utc))
    page.set_time(page.end_edit, t("2026-11-01T08:50:00Z"))
    qtbot.mouseClick(page.show_button, Qt.LeftButton)
    settle(qtbot, win)
    assert page.strip.selection() == (t("2026-11-01T08:10:00Z"), t("2026-11-01T08:50:00Z"))


def test_a_window_wholly_in_the_second_pass_of_the_repeated_hour_can_be_chosen(qtbot, win):
    # Words hunt 3: 01:30 to 01:40 PST (the second time that night) could not be typed: both
    # boxes read it as PDT, and nothing on the page could say otherwise. Beside a time that
    # happens twice the page now asks which, by keyboard as by mouse.
    from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    assert page.start_pass.isHidden() and page.end_pass.isHidden()   # an ordinary time
    utc = QTimeZone(QTimeZone.UTC)
    page.start_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(1, 30, 0), utc))
    page.end_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(1, 40, 0), utc))
    for chooser, clock in ((page.start_pass, "01:30:00"), (page.end_pass, "01:40:00")):
        assert not chooser.isHidden()
        assert chooser.currentText() == "PDT, the first time"
        assert chooser.itemText(1) == "PST, the second time"
        assert chooser.accessibleName().startswith(f"{chooser.what}: {clock} happened twice")
    for chooser in (page.end_pass, page.start_pass):
        chooser.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(chooser.hasFocus)
        qtbot.keyClick(chooser, Qt.Key_Down)   # the second time
        settle(qtbot, win)
    assert page.status.text() == ""
    assert page.strip.selection() == (t("2026-11-01T09:30:00Z"), t("2026-11-01T09:40:00Z"))
    assert page.zone.text().startswith("PST")
    assert page.end_pass.currentIndex() == 1   # still said as chosen once shown
    # and back to the first time
    page.start_pass.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(page.start_pass.hasFocus)
    qtbot.keyClick(page.start_pass, Qt.Key_Up)
    settle(qtbot, win)
    assert page.strip.selection() == (t("2026-11-01T08:30:00Z"), t("2026-11-01T09:40:00Z"))
    page.start_edit.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(2, 30, 0), utc))
    assert page.start_pass.isHidden()   # 02:30 happens once


@pytest.mark.parametrize("zone, wall, readings", [
    ("America/Los_Angeles", (2026, 11, 1, 1, 30, 0), ("PDT", "PST")),
    ("Europe/Berlin", (2026, 10, 25, 2, 30, 0), ("CEST", "CET")),
    ("Europe/Berlin", (2026, 10, 25, 3, 0, 0), None),     # after the change: once
    ("Europe/Berlin", (2026, 3, 29, 2, 30, 0), None),     # skipped, never twice
    ("America/Sao_Paulo", (2026, 11, 1, 1, 30, 0), None),
])
def test_the_two_readings_of_a_repeated_time_are_named_by_the_zone(zone, wall, readings):
    from gui.views.times import passes, wall_us
    assert passes(*wall, zone) == readings
    if readings:   # and the second is an hour after the first
        assert wall_us(*wall, zone, fold=1) - wall_us(*wall, zone) == 3600 * US
