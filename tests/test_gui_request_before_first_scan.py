"""A request opened while the app's first scan was still indexing its cameras: each camera's
timeline said "no recordings of this camera", unticked, and stayed so once the scan had found
them, so nothing could be approved until the request was opened again. Seen as CI's failure of
test_gui_stop's uploading state: its child opened the request as the service's first scan ran
and waited for ever for something to send. The strip asks again for the cameras the index did
not know, once a scan has finished.

The app offscreen, real footage and index: the recordings folders are removed from the index
before the request is opened (an index the first scan has not filled yet), then added and
scanned with the page open."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle  # noqa: E402

FOLDERS = {"driveway": ("frigate", "UTC"), "porch": ("reolink", "America/Los_Angeles")}


def test_a_request_opened_before_its_cameras_were_indexed_shows_them_once_scanned(qtbot,
                                                                                   tmp_path):
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        for folder, _zone in FOLDERS.values():
            agent.remove_source(world.recordings / folder)
        agent.requests.import_request(world.request_file)
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        page = window.request
        assert page.strip.chosen() == [] and page.outgoing().seconds == 0   # nothing known
        for camera, (folder, zone) in FOLDERS.items():
            agent.add_source(world.recordings / folder, camera=camera, tz=zone)
        agent.scan()   # as the first scan ends: ScanFinished, through the bridge
        qtbot.waitUntil(lambda: page.strip.chosen() == ["driveway", "porch"], timeout=30000)
        settle(qtbot, window)
        assert page.outgoing().seconds > 0
        assert all(page.strip.coverages[c].spans for c in FOLDERS)
    finally:
        window.close()
        agent.close()
