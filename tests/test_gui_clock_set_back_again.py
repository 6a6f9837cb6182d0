"""The app's clock step says what the scan says of a camera reset again after its clock
difference was set (tests/test_clock_set_back_again.py): the owner setting its clock in the
app was shown the newest recording and nothing of the recordings sharing times, which one
clock difference cannot both place. Real window, real agent, real footage."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.timebase import US, format_utc  # noqa: E402
from gui.views import display  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import ZONE, open_window, settle  # noqa: E402
from tests.test_index import clip  # noqa: E402


def test_the_clock_step_says_recordings_share_times_a_second_reset_gave(qtbot, tmp_path):
    from agent.service import Agent

    folder = tmp_path / "porch"
    y2k = t("2000-01-01T08:00:00Z")   # 2000-01-01 00:00 on a Los Angeles camera's clock
    for minute in (5, 6):
        clip(folder, f"Porch.20000101_00{minute:02d}00.mp4", format_utc(y2k + minute * 60 * US),
             60)
    clip(folder, "Porch.20000101_000515.mp4", format_utc(y2k + 315 * US), 60)   # reset again
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=ZONE)
    agent.scan()
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
        assert ("Some recordings of porch have times its clock had already given others (the "
                f"first at {display.day_time(y2k + 315 * US, ZONE)})") in said, said
    finally:
        window.shutdown()
        agent.close()


def test_a_camera_reset_once_is_told_nothing_of_it(qtbot, tmp_path):
    from agent.service import Agent

    folder = tmp_path / "porch"
    clip(folder, "Porch.20000101_000500.mp4", "2000-01-01T08:05:00Z", 4)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=ZONE)
    agent.scan()
    agent.close()
    window, agent = open_window(qtbot, home)
    try:
        clock = window.first_run.clock
        window.show_page("first_run")
        window.first_run.go(1)
        settle(qtbot, window)
        clock.show_frame()
        settle(qtbot, window)
        assert clock.frame_at is not None and "Some recordings" not in clock.says.text()
    finally:
        window.shutdown()
        agent.close()
