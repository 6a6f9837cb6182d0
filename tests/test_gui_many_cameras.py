"""An owner with many cameras (an NVR's 16 channels, a folder of many cameras' recordings): the
export and request pages tick or untick all of them with one box, as real footage of each is
indexed, and a request's cameras not registered with the agency stay unticked."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from demo.samples import make_recordings  # noqa: E402
from tests.gui_support import (choose_window, footage, import_request, open_request,  # noqa: E402,F401
                               open_window, settle, spanish)

CHANNELS = [f"ch{n:02d}" for n in range(1, 13)]   # besides the demo's driveway and porch


def tick(qtbot, box) -> None:
    """Click a check box where the owner does: on its square."""
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))


@pytest.fixture
def many(qtbot, tmp_path, footage):  # noqa: F811 (the fixture)
    """The app on the demo's world with twelve more cameras indexed, two seconds each."""
    from agent.service import Agent

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    agent = Agent(world.home)
    try:
        for cam in CHANNELS:
            make_recordings(tmp_path / "nvr" / cam, "frigate", cam, world.start_us, 1, 2.0,
                            fps=5, width=64, height=48)
            agent.add_source(tmp_path / "nvr" / cam, camera=cam, tz="UTC")
        old = time.time() - 3600   # settled files, not `in-progress`
        for path in (tmp_path / "nvr").rglob("*.mp4"):
            os.utime(path, (old, old))
        agent.scan()
    finally:
        agent.close()
    win, agent = open_window(qtbot, world.home)
    yield win, world
    win.shutdown()
    agent.close()


def test_the_export_page_ticks_and_unticks_every_camera_with_one_click(qtbot, many):
    """Seen: the Export page showed all 14 cameras ticked, with no way but 13 clicks to
    export one of them (and 64 for an NVR's full count)."""
    win, world = many
    page = choose_window(qtbot, win, world.start_us, world.start_us + 2 * US)
    strip = page.strip
    assert set(strip.checks) >= set(CHANNELS) and len(strip.chosen()) == len(strip.checks)
    box = strip.all_box
    assert box is not None and box.isEnabled() and box.checkState() == Qt.Checked

    tick(qtbot, box)
    assert strip.chosen() == [] and box.checkState() == Qt.Unchecked
    tick(qtbot, strip.checks["ch07"])
    assert strip.chosen() == ["ch07"] and box.checkState() == Qt.PartiallyChecked
    assert [p.camera for p in page.outgoing().parts if p.seconds > 0] == ["ch07"]

    tick(qtbot, box)
    assert len(strip.chosen()) == len(strip.checks) and box.checkState() == Qt.Checked


def test_the_request_pages_all_box_leaves_cameras_not_registered_unticked(qtbot, many):
    """A request naming the twelve channels and the demo's two registered cameras: the
    channels were never registered with the agency, so they start unticked, and ticking all
    ticks only what would be shared by default; unticking all unticks those ticked by hand
    too. An approval being resumed cannot be changed there either."""
    win, world = many
    import_request(qtbot, win, world, "req-2026-0016", world.start_us + 2 * US,
                   case={"number": "2026-160016", "incident": "Burglary"},
                   cameras=["driveway", "porch", *CHANNELS])
    strip = open_request(qtbot, win, "req-2026-0016").strip
    box = strip.all_box
    assert sorted(strip.chosen()) == ["driveway", "porch"]
    assert box.checkState() == Qt.Checked   # all that is shared by default

    tick(qtbot, strip.checks["ch03"])   # the owner's own choice
    assert box.checkState() == Qt.Checked and "ch03" in strip.chosen()
    tick(qtbot, box)
    assert strip.chosen() == [] and box.checkState() == Qt.Unchecked
    tick(qtbot, box)
    assert sorted(strip.chosen()) == ["driveway", "porch"]

    strip.start_ticked([])   # as for a request naming only cameras never registered
    assert strip.chosen() == [] and not box.isEnabled()   # nothing it would tick
    for cam in CHANNELS[:3]:
        tick(qtbot, strip.checks[cam])
    assert box.isEnabled() and box.checkState() == Qt.PartiallyChecked
    tick(qtbot, box)   # nothing the box ticks by itself: it unticks those ticked by hand
    assert strip.chosen() == [] and box.checkState() == Qt.Unchecked

    strip.lock(["porch"])
    assert strip.chosen() == ["porch"] and not box.isEnabled()


def test_a_request_for_many_cameras_keeps_the_decision_on_a_small_screen(qtbot, many):
    """Seen: a request naming fourteen cameras, twelve never registered with the agency,
    said each of the twelve on a line of its own under What will leave this PC (and so each
    camera with no recording or with gaps), so the bar grew with the count: the window
    could not be made smaller than the screen and Approve lay below it (a 64-channel request
    made the window 1,422 px tall). Cameras that are said alike share one line now."""
    from demo.screenshots import SMALL_SCREENS, window_size

    win, world = many
    asked = ["driveway", "porch", *CHANNELS]
    import_request(qtbot, win, world, "req-2026-0017", world.start_us + 2 * US,
                   case={"number": "2026-160017", "incident": "Burglary"}, cameras=asked)
    page = open_request(qtbot, win, "req-2026-0017")
    said = page.summary.text()
    assert ", ".join(CHANNELS[:6]) + " and 6 more: asked for, but never registered with this " \
        "agency: not sent unless you tick them" in said, said
    for cam in CHANNELS[:6]:
        tick(qtbot, page.strip.checks[cam])
    settle(qtbot, win)
    said = page.summary.text()
    assert ", ".join(CHANNELS[:6]) + ": never registered with this agency: call the agency " \
        "back before you share them" in said, said
    assert ", ".join(CHANNELS[6:]) + ": asked for, but never registered" in said, said
    size = window_size(SMALL_SCREENS[0])
    hint = win.minimumSizeHint()
    assert hint.width() <= size.width() and hint.height() <= size.height(), (hint, size)


def test_many_cameras_with_stretches_without_recording_share_one_line(qtbot, many):
    """The same for stretches without recording: twelve channels that recorded two of the
    four seconds chosen were twelve lines under What will leave this PC; one now, naming the
    first six."""
    win, world = many
    page = choose_window(qtbot, win, world.start_us, world.start_us + 4 * US)
    said = page.summary.text()
    # the demo's porch has a gap of its own in those seconds: 13 cameras
    assert ", ".join(CHANNELS[:6]) + " and 7 more: stretches without recording (nothing to " \
        "send there)" in said, said
    assert len(said.splitlines()) <= 6, said


def test_the_shared_line_reads_in_spanish(qtbot, spanish, many):  # noqa: F811
    win, world = many
    page = choose_window(qtbot, win, world.start_us, world.start_us + 4 * US)
    said = page.summary.text()
    assert ", ".join(CHANNELS[:6]) + " y 7 más: tramos sin grabación" in said, said
    assert "Cámaras (14): ch01, ch02, ch03, ch04, ch05, ch06 y 8 más" in said, said
    assert "without recording" not in said and "ticked" not in said


def test_the_summary_counts_many_cameras_after_naming_a_few(qtbot, many):
    """Seen: a request for 64 cameras named all 64 on the summary's Cameras line, eight
    lines of names at 1366x700, and the time and the video's length, below them, were cut
    off the bottom of the page. Past eight cameras the first six are named and the others
    counted; the strip above ticks each one."""
    win, world = many
    page = choose_window(qtbot, win, world.start_us, world.start_us + 2 * US)
    said = page.summary.text()
    assert "Cameras (14): ch01, ch02, ch03, ch04, ch05, ch06 and 8 more, as ticked above" \
        in said, said
    tick(qtbot, page.strip.all_box)
    for cam in CHANNELS[:8]:
        tick(qtbot, page.strip.checks[cam])
    assert "Cameras: " + ", ".join(CHANNELS[:8]) + "\n" in page.summary.text()
