"""A timeline's recorded stretches are drawn once, not at every repaint: a camera with a day of
one-minute files, each a little apart, has some 1,440 stretches, and a drag of a handle
repaints every timeline in view at each turn of the event loop (the chosen minutes move).
Counted as lines of the app's code run for a paint, never timed."""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.widgets.timeline import Timeline  # noqa: E402

US = 1_000_000
START = 1_790_000_000 * US
DAY = 86_400 * US
GUI = os.sep + "gui" + os.sep


def paint_lines(tl) -> int:
    """Lines of gui/ code run while the timeline paints itself once."""
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += event == "line"
        return line
    sys.settrace(lambda frame, event, arg: line if GUI in frame.f_code.co_filename else None)
    try:
        tl.grab()
    finally:
        sys.settrace(None)
    return count


def day_of(qtbot, stretches: int, paint: bool = True) -> Timeline:
    tl = Timeline("porch", "UTC")
    qtbot.addWidget(tl)
    tl.resize(714, tl.full_height())
    tl.set_window(START, START + DAY)
    step = DAY // stretches
    tl.set_coverage([(START + i * step, START + (i + 1) * step - US // 2)
                     for i in range(stretches)])
    if paint:
        tl.grab()   # the first paint draws the stretches
    return tl


def test_a_repaint_after_a_drag_does_not_draw_every_recorded_stretch_again(qtbot):
    """Before: some 10,000 lines a paint for 1,440 stretches against 116 for one."""
    many, one = day_of(qtbot, 1440), day_of(qtbot, 1)
    costs = []
    for tl in (many, one):
        tl.set_selection(START + DAY // 4, START + DAY // 2)   # a handle dragged
        costs.append(paint_lines(tl))
    assert costs[0] - costs[1] < 1440, costs
    again = day_of(qtbot, 1440, paint=False)   # the same, first painted with the handles there
    again.set_selection(START + DAY // 4, START + DAY // 2)
    assert many.grab().toImage() == again.grab().toImage()


def test_new_coverage_or_a_new_size_is_drawn_anew(qtbot):
    tl = day_of(qtbot, 1)
    y = tl.track_top() + 9
    covered = tl.grab().toImage().pixelColor(100, y)
    tl.set_coverage([])
    assert tl.grab().toImage().pixelColor(100, y) != covered
    tl.set_coverage([(START, START + DAY)])
    tl.resize(400, tl.height())
    assert tl.grab().toImage().pixelColor(370, y) == covered
