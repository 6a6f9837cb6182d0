"""A request whose recordings are gone since its safe copy was made, on its request's page:
the timeline showed 'nothing recorded', the camera started unticked and the summary above
Approve said nothing of it would be sent, while approving sends the safe copy's footage
(held_window.py). The page now shows what the copy holds, and says it is the copy; its
thumbnails and preview, read from the recordings, showed no picture there: they read the copy."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle  # noqa: E402
from tests.test_gui_review import _exact, click_at, stamp_of  # noqa: E402


def test_a_cameras_recordings_gone_since_its_hold_show_the_safe_copy(qtbot, tmp_path):
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        agent.requests.import_request(world.request_file)
        agent.requests.hold(world.request_id)
        for recording in (world.recordings / "frigate").rglob("*.mp4"):
            recording.unlink()   # the recorder made room for new footage
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        strip = window.request.strip
        timeline = strip.timelines["driveway"]
        assert "from the safe copy" in timeline.note, timeline.note
        assert strip.coverages["driveway"].held and strip.coverages["driveway"].spans
        assert strip.checks["driveway"].isChecked()
        assert not strip.coverages["porch"].held   # its recordings are still there
        summary = window.request.summary.text()
        assert "driveway: no recording" not in summary, summary
        assert timeline.thumbs, "the safe copy's thumbnails"
        at = world.start_us + 1_500_000
        with qtbot.waitSignal(window.request.preview.frameShown, timeout=10000,
                              check_params_cb=_exact) as got:
            click_at(qtbot, timeline, at)
        frame = got.args[0]
        assert frame is not None and frame.camera == "driveway"   # its masks, if chosen
        assert abs(stamp_of(frame) - at) < 150_000   # the copy's picture of that moment
    finally:
        window.close()
        agent.close()
