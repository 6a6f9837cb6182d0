"""The request page with an NVR's 64 cameras: what a drag of a handle and opening the request
cost the app, counted (lines of the app's own code run on the GUI thread, thumbnails decoded),
never timed. Real footage (PyAV), a real agent and index, a real offscreen Qt event loop.

Seen (read in the code, then counted here): every move of a handle worked out "What will leave
this PC" on the GUI thread by walking every recording file of every chosen camera, so the work
grew with the files (64 cameras of one-minute files over a day: some 92,000 rows a mouse
event); and opening the request decoded 8 thumbnails for each of the 64 cameras, 512 decodes,
most for rows scrolled out of sight, all for rows too short to draw them.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from demo.samples import make_recordings  # noqa: E402
from tests.gui_support import (footage, import_request, open_window,  # noqa: E402,F401
                               open_world_request, settle, win)

BUSY = [f"busy{n:02d}" for n in range(32)]   # 40 one-second files, half a second apart
CALM = [f"calm{n:02d}" for n in range(32)]   # one file for the whole minute
FILES, EVERY_S, WINDOW_S = 40, 1.5, 60
APP = tuple(str(Path(__file__).resolve().parents[1] / part) + os.sep for part in ("gui", "agent"))


class GuiThreadLines:
    """Counts the lines of the app's own code (gui/, agent/) run on this thread, the GUI's,
    while it is entered: the work done there, whatever its speed (jobs' threads are not
    traced)."""

    def __init__(self):
        self.count = 0

    def _line(self, frame, event, arg):
        if event == "line":
            self.count += 1
        return self._line

    def _call(self, frame, event, arg):
        return self._line if frame.f_code.co_filename.startswith(APP) else None

    def __enter__(self):
        assert threading.current_thread() is threading.main_thread()
        sys.settrace(self._call)
        return self

    def __exit__(self, *exc):
        sys.settrace(None)


@pytest.fixture(scope="module")
def nvr_recordings(tmp_path_factory, footage):  # noqa: F811 (the fixture)
    """64 more cameras' recordings from the demo footage's start, as an NVR writes them:
    written once for the module (its tests only read them), settled (an hour old)."""
    start = footage[1]
    root = tmp_path_factory.mktemp("nvr")
    for cam in BUSY + CALM:
        folder = root / cam
        if cam in BUSY:
            for i in range(FILES):
                make_recordings(folder, "frigate", cam, start + int(i * EVERY_S * US), 1, 1.0,
                                fps=2, width=32, height=32)
        else:
            make_recordings(folder, "frigate", cam, start, 1, float(WINDOW_S), fps=2,
                            width=32, height=32)
    old = time.time() - 3600   # settled files, not `in-progress`
    for path in root.rglob("*.mp4"):
        os.utime(path, (old, old))
    return root


@pytest.fixture
def nvr(qtbot, tmp_path, footage, nvr_recordings):  # noqa: F811 (the fixture)
    """The app with the demo's world and 64 more cameras indexed, and a request naming them
    all open on its page."""
    from agent.service import Agent

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    start = world.start_us
    agent = Agent(world.home)
    try:
        for cam in BUSY + CALM:
            agent.add_source(nvr_recordings / cam, camera=cam, tz="UTC")
        agent.scan()
    finally:
        agent.close()
    win, agent = open_window(qtbot, world.home)
    win.resize(1280, 800)
    import_request(qtbot, win, world, "req-2026-0064", start + WINDOW_S * US, start_us=start,
                   case={"number": "2026-160064", "incident": "Burglary"},
                   cameras=BUSY + CALM)
    yield win, world
    win.shutdown()
    agent.close()


def open_nvr_request(qtbot, win):
    win.open_request(next(v for v in win.inbox.views if v.id == "req-2026-0064"))
    settle(qtbot, win)
    return win.request


def drag_in_handle(qtbot, win, page, camera: str, moves: int) -> tuple[int, int]:
    """Drag `camera`'s start handle to the right a few pixels a move, as an owner's mouse
    does: the lines of app code run on the GUI thread from the press to the release (the
    summary and the other timelines are in step by then), and how often `changed` fired
    while the moves were queued. The jobs the drag starts (the preview, the keyframes)
    answer after, uncounted: what they do does not depend on the recordings chosen."""
    tl = page.strip.timelines[camera]
    page.strip_scroll.ensureWidgetVisible(tl)
    settle(qtbot, win)
    y = tl.height() - 8
    x = round(tl.x_of(tl.in_us))
    fired = []
    page.strip.changed.connect(lambda: fired.append(1))
    with GuiThreadLines() as lines:
        qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(x, y))
        for n in range(1, moves + 1):
            qtbot.mouseMove(tl, QPoint(x + 6 * n, y))
        queued = len(fired)
        qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(x + 6 * moves, y))
    assert len(fired) >= 1 and tl.in_us > page.strip.start_us   # it moved, and was followed
    assert all(t.in_us == tl.in_us for t in page.strip.timelines.values())
    settle(qtbot, win)
    return lines.count, queued


def test_a_drag_costs_the_gui_thread_no_more_for_many_files_than_for_few(qtbot, nvr):
    """32 cameras of 40 files each chosen, or 32 of one file each: a drag of a handle does
    the same work on the GUI thread (before: five lines and more per file chosen, per move)."""
    win, world = nvr
    page = open_nvr_request(qtbot, win)
    page.strip.start_ticked(set(BUSY))
    settle(qtbot, win)
    assert sorted(page.strip.chosen()) == BUSY
    busy, queued = drag_in_handle(qtbot, win, page, BUSY[0], moves=10)
    page.strip.start_ticked(set(CALM))
    settle(qtbot, win)
    assert sorted(page.strip.chosen()) == CALM
    calm, _ = drag_in_handle(qtbot, win, page, CALM[0], moves=10)
    more_files = len(BUSY) * (FILES - 1)
    assert busy - calm < more_files, (busy, calm, more_files)
    assert queued == 0   # the moves queued are followed once the loop turns, not each
    said = page.summary.text()
    assert "Video: " in said and "Cameras (32): calm00" in said, said


def rows_in_view(page) -> set[str]:
    """The cameras whose timeline shows some of itself in the strip's area."""
    view = page.strip_scroll.viewport()
    seen = QRect(0, 0, view.width(), view.height())
    return {cam for cam, tl in page.strip.timelines.items()
            if QRect(tl.mapTo(view, QPoint(0, 0)), tl.size()).intersects(seen)}


def decoded_thumbnails(monkeypatch) -> list[str]:
    """The cameras the previewer decodes a thumbnail of from now on, in order (the real
    decoding still done)."""
    from agent.media.preview import Previewer

    decoded: list[str] = []
    real = Previewer.thumbnail

    def counted(self, camera, *args, **kwargs):
        decoded.append(camera)
        return real(self, camera, *args, **kwargs)
    monkeypatch.setattr(Previewer, "thumbnail", counted)
    return decoded


def test_opening_the_request_decodes_thumbnails_only_for_the_rows_that_draw_them(qtbot, nvr,
                                                                                monkeypatch):
    """Before: 8 decodes for each of the 64 cameras on opening (512), then for the rows in
    view and the others as they scrolled in. 64 rows share the strip at their short height,
    the track and the times, which draws no pictures: none is decoded, in view or scrolled to."""
    decoded = decoded_thumbnails(monkeypatch)
    win, _world = nvr
    page = open_nvr_request(qtbot, win)
    shown = rows_in_view(page)
    assert 0 < len(shown) < 16, shown
    assert not any(page.strip.timelines[c].draws_thumbnails() for c in shown)
    assert decoded == []

    bar = page.strip_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle(qtbot, win)
    later = rows_in_view(page)
    assert "calm31" in later and not later & shown
    assert decoded == [] and not page.strip.timelines["calm31"].thumbs


def test_a_timeline_too_short_for_its_pictures_has_none_decoded_until_it_grows(qtbot, win,
                                                                               monkeypatch):
    """In a 1024x600 window a request's timelines are too short to draw their pictures (the
    track and the times take what room there is), yet 8 pictures a camera were decoded for
    them. Now a timeline is decoded for when it is tall enough to draw them: the window made
    larger."""
    from demo.screenshots import SCREENS, SMALL_SCREENS, window_size

    decoded = decoded_thumbnails(monkeypatch)
    win.resize(window_size(SMALL_SCREENS[0]))
    settle(qtbot, win)
    open_world_request(qtbot, win)
    timelines = win.request.strip.timelines
    assert timelines and all(tl.height() < tl.full_height() for tl in timelines.values())
    assert decoded == [] and not any(tl.thumbs for tl in timelines.values())

    win.resize(window_size(SCREENS[0]))
    settle(qtbot, win)
    tall = {cam for cam, tl in timelines.items() if tl.height() >= tl.full_height()}
    assert tall
    assert set(decoded) == tall and len(decoded) == 8 * len(tall)
    assert all(timelines[cam].thumbs for cam in tall)
