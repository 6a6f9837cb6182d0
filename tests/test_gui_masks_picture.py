"""The picture the masks page records for saved masks (masks hunt): the size of the picture the
owner drew on, not whatever the camera's latest recording is when Save is pressed. A recording
of another shape indexed while the page was open (the camera's picture setting changed, a
scan meanwhile) was recorded as the picture they were drawn on: the recordings of the shape
drawn on were then refused, and those of the new shape filled with areas placed for the old
one. A real offscreen Qt loop and agent, on footage of this module's own (it adds a file)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import write_footage  # noqa: E402
from demo.samples import make_recordings  # noqa: E402
from tests.gui_support import ZONE, settle, win  # noqa: E402,F401
from tests.test_gui_masks_unsaved import draw_square, open_masks  # noqa: E402


@pytest.fixture(scope="module")
def footage(tmp_path_factory):
    """The demo's cameras' recordings, in a folder only this module writes to."""
    import time
    root = tmp_path_factory.mktemp("footage") / "recordings"
    start = (int(time.time()) - 3600) * US
    write_footage(root, start, 8.0)
    return root, start


def test_saved_masks_record_the_picture_they_were_drawn_on(qtbot, win, footage):  # noqa: F811
    root, start = footage
    page = open_masks(qtbot, win, "porch")
    shown = page.canvas.image
    draw_square(qtbot, page.canvas)
    # meanwhile the camera records 16:9, and a scan finds it
    make_recordings(root / "reolink", "reolink-sd", "porch", start + 60 * US, 1, 2.0,
                    zone_name=ZONE, width=320, height=180)
    win.ctx.agent.scan()
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    settle(qtbot, win)
    drawn = win.ctx.agent.masks("porch").picture
    assert drawn is not None
    assert abs(drawn[0] / drawn[1] - shown.width() / shown.height()) < 0.05, drawn
