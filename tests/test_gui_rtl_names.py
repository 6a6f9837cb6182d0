"""A camera named in a right-to-left script keeps its timeline's words in order (long and odd
content hunt). Seen: a camera renamed "מצלמה קדמית" (Hebrew, "front camera") drew its
timeline's middle words as "13:11:28 :מצלמה קדמית PST": the line took the name's direction, so
the moment shown was split around the name. The name is now set apart from the app's words
(Unicode's first-strong isolate), and the line reads "מצלמה קדמית: 13:11:28 PST" left to right,
as painted (QTextLayout lays it out as QPainter.drawText does). A Latin name is unchanged."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextLayout, QTextOption  # noqa: E402

from gui.views import display  # noqa: E402
from tests.gui_support import footage, settle, win  # noqa: E402,F401

HEBREW = "\u05de\u05e6\u05dc\u05de\u05d4 \u05e7\u05d3\u05de\u05d9\u05ea"   # מצלמה קדמית


def xs(text: str, font) -> list[float]:
    """Where each character of `text` stands on its line, left to right on screen, laid out
    as QPainter.drawText lays out a line (its direction from the text, Qt 6's default)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirectionAuto)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text))]


def test_a_right_to_left_camera_name_keeps_the_time_after_it(qtbot, win):  # noqa: F811
    win.ctx.agent.rename_camera("porch", HEBREW)
    win.show_page("export")
    settle(qtbot, win)
    win.export.load()
    settle(qtbot, win)
    timeline = win.export.strip.timelines[HEBREW]
    timeline.set_position((timeline.limit_start + timeline.limit_end) // 2)
    _start, mid, _end = timeline.labels()
    time = display.clock(timeline.position_us, win.ctx.zone)
    at, zone = mid.index(time), mid.index(time) + time.index(" ") + 1
    places = xs(mid, timeline.font())
    name = [places[mid.index(ch)] for ch in HEBREW if ch != " "]
    assert max(name) < places[at] < places[zone], (mid, places)
    assert HEBREW in mid and timeline.tip() == ""   # shown whole: no tooltip needed


def test_a_latin_name_is_left_as_it_is():
    assert display.isolated("porch") == "porch"
    assert display.isolated(HEBREW) == f"\u2068{HEBREW}\u2069"
