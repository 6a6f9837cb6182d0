"""The timeline widget on its own: handles never leave the allowed window, keep a second apart,
follow the keys and the mouse; the position follows clicks and arrow keys."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from gui.widgets.timeline import Timeline  # noqa: E402

US = 1_000_000
START = 1_790_000_000 * US
END = START + 60 * US


@pytest.fixture
def tl(qtbot):
    widget = Timeline("porch", "America/Los_Angeles")
    widget.resize(614, 100)      # 600 px of track: 0.1 s per pixel
    widget.set_window(START, END)
    widget.set_coverage([(START, START + 20 * US), (START + 30 * US, END)])
    qtbot.addWidget(widget)
    widget.show()
    return widget


def drag(qtbot, tl, x_from, x_to):
    qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(round(x_from), 70))
    qtbot.mouseMove(tl, QPoint(round(x_to), 70))
    qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(round(x_to), 70))


def test_selection_starts_as_the_whole_window(tl):
    assert (tl.in_us, tl.out_us, tl.position_us) == (START, END, START)


def test_handles_dragged_past_the_ends_stop_at_the_window(qtbot, tl):
    drag(qtbot, tl, tl.x_of(tl.in_us), -500)
    drag(qtbot, tl, tl.x_of(tl.out_us), 5000)
    assert (tl.in_us, tl.out_us) == (START, END)


def test_in_handle_cannot_pass_the_out_handle(qtbot, tl):
    with qtbot.waitSignal(tl.selectionChanged) as got:
        drag(qtbot, tl, tl.x_of(tl.out_us), tl.x_of(START + 10 * US))
    assert abs(tl.out_us - (START + 10 * US)) <= 100_000
    assert got.args == [START, tl.out_us]
    drag(qtbot, tl, tl.x_of(tl.in_us), tl.x_of(START + 50 * US))
    assert tl.out_us - tl.in_us == US              # at least a second is kept
    assert tl.in_us >= START and tl.out_us <= END


def test_keys_move_the_position_and_set_the_handles(qtbot, tl):
    tl.setFocus()
    with qtbot.waitSignal(tl.positionChanged) as got:
        qtbot.keyClick(tl, Qt.Key_Right)
    assert got.args == [START + US]
    qtbot.keyClick(tl, Qt.Key_Right, Qt.ShiftModifier)
    assert tl.position_us == START + 11 * US
    qtbot.keyClick(tl, Qt.Key_I)
    qtbot.keyClick(tl, Qt.Key_Right, Qt.ShiftModifier)
    qtbot.keyClick(tl, Qt.Key_O)
    assert (tl.in_us, tl.out_us) == (START + 11 * US, START + 21 * US)
    qtbot.keyClick(tl, Qt.Key_Home)
    assert tl.position_us == tl.in_us
    for _ in range(10):
        qtbot.keyClick(tl, Qt.Key_Left, Qt.ShiftModifier)
    assert tl.position_us == START                 # never before the window
    qtbot.keyClick(tl, Qt.Key_End)
    assert tl.position_us == tl.out_us - 1


def test_o_before_in_keeps_a_second_after_the_in_handle(qtbot, tl):
    tl.setFocus()
    tl.set_position(START + 30 * US)
    qtbot.keyClick(tl, Qt.Key_I)
    tl.set_position(START + 5 * US)
    qtbot.keyClick(tl, Qt.Key_O)
    assert (tl.in_us, tl.out_us) == (START + 30 * US, START + 31 * US)


def test_click_moves_the_position_to_that_instant(qtbot, tl):
    with qtbot.waitSignal(tl.positionChanged) as got:
        qtbot.mouseClick(tl, Qt.LeftButton, pos=QPoint(round(tl.x_of(START + 25 * US)), 70))
    assert abs(got.args[0] - (START + 25 * US)) <= 100_000
    assert (tl.in_us, tl.out_us) == (START, END)   # a click away from a handle does not trim


def test_set_selection_from_code_is_clamped_too(tl):
    tl.set_selection(START - 100 * US, END + 100 * US)
    assert (tl.in_us, tl.out_us) == (START, END)
    tl.set_selection(END + 5 * US, END + 10 * US)
    assert (tl.in_us, tl.out_us) == (END - US, END)


def test_paints_without_error_with_thumbnails_and_focus(qtbot, tl):
    from PySide6.QtGui import QColor, QImage
    img = QImage(160, 120, QImage.Format_RGB888)
    img.fill(QColor("#445566"))
    tl.set_thumbnails([(START, img), (START + 30 * US, img)])
    tl.setFocus()
    shot = tl.grab().toImage()
    covered = shot.pixelColor(round(tl.x_of(START + 10 * US)), 67)
    gap = shot.pixelColor(round(tl.x_of(START + 25 * US)), 67)
    assert covered != gap                          # recorded and missing stretches look different
    assert shot.pixelColor(round(tl.x_of(START + 5 * US)), 20).name() != "#fbfaf8"   # a thumbnail


def test_unusable_and_file_dated_stretches_are_drawn_apart_from_recordings(tl):
    from gui.widgets.timeline_paint import COVERED, GAP, GUESSED, MARKED

    tl.set_coverage([(START, START + 20 * US)], "1 recording here is damaged",
                    marks=[(START + 20 * US, START + 30 * US, "damaged")],
                    guessed=[(START + 10 * US, START + 20 * US)])
    img = tl.grab().toImage()
    y = 58 + 9   # the middle of the track

    def colour(at_us):
        c = img.pixelColor(round(tl.x_of(at_us)), y)
        return (c.red(), c.green(), c.blue())

    def near(got, want):
        return all(abs(a - b) <= 40 for a, b in zip(got, (want.red(), want.green(), want.blue())))

    assert near(colour(START + 5 * US), COVERED)
    assert near(colour(START + 25 * US), MARKED)
    assert not near(colour(START + 45 * US), MARKED) and near(colour(START + 45 * US), GAP)
    striped = [colour(START + 10 * US + k * US // 10) for k in range(1, 60)]
    assert any(near(c, GUESSED) for c in striped) and any(near(c, COVERED) for c in striped)
