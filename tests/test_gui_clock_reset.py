"""A camera whose clock was reset (a power cut: many start again at 1 January 2000, some at
1970) names today's recordings years ago. Set up's clock step showed only a recording of the
last 30 days, so for such a camera it said 'No recent recording of this folder to show' and the
owner had no way in the app to set its clock right. The step now shows the folder's newest
recording whatever its date, says the camera dated it long ago, and a real date typed puts
the recordings back at today. Real window, real agent, real footage."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QDate, QTime  # noqa: E402

from agent.timebase import US  # noqa: E402
from gui.views import display  # noqa: E402
from tests.gui_support import ZONE, open_window, settle  # noqa: E402
from tests.test_index import clip  # noqa: E402


@pytest.mark.parametrize("named, at", [("20000101_000510", "2000-01-01T08:05:10Z"),
                                       ("19700101_000010", "1970-01-01T08:00:10Z")])
def test_a_camera_whose_clock_was_reset_is_set_right_in_the_clock_step(
        qtbot, tmp_path, named, at):
    from agent.service import Agent

    folder = tmp_path / "porch"
    clip(folder, f"Porch.{named}.mp4", at, 4, creation_time=False)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=ZONE)
    agent.scan()
    (row,) = agent.recordings("porch")
    agent.close()
    window, agent = open_window(qtbot, home)
    try:
        clock = window.first_run.clock
        window.show_page("first_run")
        window.first_run.go(1)
        settle(qtbot, window)
        clock.show_frame()
        settle(qtbot, window)
        assert clock.frame_at is not None, clock.status.text()
        said = clock.says.text()
        assert display.day_time(row.start_us + US, ZONE) in said and "2000 or 1970" in said
        camera = display.local(clock.frame_at, ZONE)
        assert clock.true_day.date() == QDate(camera.year, camera.month, camera.day)
        # The owner sets the real date and time (what the phone said as the picture was taken).
        real_us = (int(time.time()) - 600) * US
        real = display.local(real_us, ZONE)
        clock.true_day.setDate(QDate(real.year, real.month, real.day))
        clock.true_time.setTime(QTime(real.hour, real.minute, real.second))
        clock.save_button.click()
        settle(qtbot, window)
        (src,) = agent.sources()
        assert src.clock_offset_s == pytest.approx((clock.camera_at - real_us) / US, abs=1)
        days = int(-src.clock_offset_s // 86400)   # said in days, not some 236,000 hours
        assert f"runs {days}\u00a0days " in clock.status.text(), clock.status.text()
        (row,) = agent.recordings("porch")
        assert abs(row.start_us + US - real_us) <= US   # today now
        clock.show_frame()   # recent now: shown without the reset's words
        settle(qtbot, window)
        assert clock.frame_at is not None and "2000 or 1970" not in clock.says.text()
    finally:
        window.shutdown()
        agent.close()
