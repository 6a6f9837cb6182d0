"""Request page hunt: a request for a time no recording of this PC covers (the recorder had
kept none of it, or the camera recorded nothing then) was held all the same: its safe copy, a
folder holding nothing, made the request `held`, so the Inbox said "Footage kept safe, waiting
for you" and its page said nothing, while nothing at all was kept. The request now stays `new`
("Waiting for you") and its page says the safe copy holds nothing, and why.

The app offscreen, real footage and index: the recordings deleted and the folder scanned
again before the request's copy is made."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle  # noqa: E402


def test_a_safe_copy_of_a_time_nothing_recorded_is_not_said_to_keep_footage(qtbot, tmp_path):
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        for recording in world.recordings.rglob("*.mp4"):
            recording.unlink()   # the recorder kept nothing of that time
        agent.scan()
        agent.requests.import_request(world.request_file)
        made = agent.requests.hold(world.request_id)
        assert made.files == ()
        shown = agent.requests.show(world.request_id)
        assert shown.status == "new", shown.status   # nothing kept safe
        window.inbox.refresh()
        settle(qtbot, window)
        statuses = [window.inbox.table.item(r, 4).text()
                    for r in range(window.inbox.table.rowCount())]
        assert statuses == ["Waiting for you"], statuses
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        assert kept.words.text() == ("This request's safe copy holds nothing: no recording of "
                                     "its time was on this PC when it was made."), \
            kept.words.text()
        assert kept.button.isHidden() and kept.again.isHidden()
    finally:
        window.close()
        agent.close()
