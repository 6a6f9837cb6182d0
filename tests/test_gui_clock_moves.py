"""Set up's clock step told the owner to hold their phone's clock up to the camera "then find
that moment here and type the real time", and the guide to "open a frame that shows a time you
know"; but the step showed only one picture, the newest recording's first second, with no way
to move from it: the moment with the phone in it could not be found, and the real time typed
for it was set against the wrong picture. Arrows under the picture now move it by 5 seconds
or a minute, across recordings, and the difference saved is the moved picture's. Real window,
real agent, real footage (30 seconds in two recordings, a 4-second gap after them)."""
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


def test_the_clock_step_moves_to_the_moment_whose_real_time_the_owner_knows(qtbot, tmp_path):
    from agent.service import Agent

    start_s = int(time.time()) - 1200
    folder = tmp_path / "porch"
    for n, seconds in ((0, 20), (20, 10)):   # Blue Iris names: the camera's local time
        at = start_s + n
        name = display.local(at * US, ZONE).strftime("Porch.%Y%m%d_%H%M%S.mp4")
        clip(folder, name, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at)), seconds)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=ZONE)
    agent.scan()
    assert len(agent.recordings("porch")) == 2
    agent.close()
    window, agent = open_window(qtbot, home)
    try:
        clock = window.first_run.clock
        window.show_page("first_run")
        window.first_run.go(1)
        settle(qtbot, window)
        later = {b.accessibleName(): b for b in clock.move_buttons}
        assert not any(b.isEnabled() for b in clock.move_buttons)   # nothing to move from yet
        # nor a real time to type: the boxes read Qt's 2000-01-01 00:00:00 until a picture
        assert not clock.true_day.isEnabled() and not clock.true_time.isEnabled()
        clock.show_button.click()
        settle(qtbot, window)
        newest = (start_s + 21) * US                 # the newest recording's first second
        assert clock.frame_at == newest, clock.status.text()
        assert clock.true_day.isEnabled() and clock.true_time.isEnabled()

        def press(name: str) -> None:
            later[name].click()
            settle(qtbot, window)
        press("1 minute earlier")                    # before the footage: nothing, stays
        assert clock.frame_at == newest and "Nothing was recorded then" in clock.status.text()
        press("5 seconds earlier")
        press("5 seconds earlier")
        press("5 seconds earlier")                   # into the first recording
        assert clock.frame_at == newest - 15 * US, clock.status.text()
        assert clock.status.text() == ""
        press("5 seconds later")
        assert clock.frame_at == newest - 10 * US
        assert display.day_time(clock.frame_at, ZONE) in clock.says.text()
        shown = display.local(clock.frame_at, ZONE)
        assert (clock.true_time.time().hour(), clock.true_time.time().minute(),
                clock.true_time.time().second()) == (shown.hour, shown.minute, shown.second)
        # The phone in this picture read 7 seconds later than the camera's clock.
        real = display.local(clock.frame_at + 7 * US, ZONE)
        clock.true_day.setDate(QDate(real.year, real.month, real.day))
        clock.true_time.setTime(QTime(real.hour, real.minute, real.second))
        clock.save_button.click()
        settle(qtbot, window)
        (src,) = agent.sources()
        assert src.clock_offset_s == pytest.approx(-7, abs=0.5)
    finally:
        window.shutdown()
        agent.close()
