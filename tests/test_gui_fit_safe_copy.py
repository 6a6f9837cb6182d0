"""A request page with a line about its safe copy fits a small screen (GUI hunt). Seen at
1024x600: the line saying recordings of the window were deleted before the safe copy could
keep them ("driveway: its recordings from … were deleted from its folder before the safe copy
could keep them."), and in Spanish the one saying a recording is not in the copy, took a row
of their own above the page's columns, and the last camera's timeline was pushed out of the
window ("Timeline is cut off"). The line is now inside the request's facts card, which scrolls.

The app offscreen, real footage and index: the recorder's deletion is this test deleting the
driveway's first recording once the copy's check has passed (as
tests/test_gui_hold_recordings_gone.py), a recording saved after the copy is one written into
the folder and indexed after it."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from demo.gui_data import make_world  # noqa: E402
from demo.screenshots import SMALL_SCREENS, window_size  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401 (a fixture)
from tests.test_gui_fit import check_small_request_page, inside  # noqa: E402
from tests.test_gui_hold_recordings_gone import _deleted_as_it_is_copied  # noqa: E402


@pytest.fixture
def gone_window(qtbot, tmp_path, monkeypatch):
    """The window, and the world's request held with the driveway's first recording deleted
    as the copy was made."""
    from agent.config import Settings

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    first = sorted((world.recordings / "frigate").rglob("*.mp4"))[0]
    window, agent = open_window(qtbot, world.home)
    agent.set_settings(Settings(holds_on_new_request=True))
    _deleted_as_it_is_copied(monkeypatch, first)
    agent.requests.import_request(world.request_file)   # copied as it arrives
    window.inbox.refresh()
    settle(qtbot, window)
    yield window, world
    window.shutdown()
    agent.close()


def test_a_line_about_recordings_the_safe_copy_could_not_keep_leaves_every_timeline_whole(
        qtbot, gone_window):
    window, world = gone_window
    check_small_request_page(qtbot, gone_window, SMALL_SCREENS[0], jti=world.request_id)
    check_kept_line(window.request)


def test_a_line_about_recordings_the_safe_copy_could_not_keep_fits_in_spanish(
        qtbot, spanish, gone_window):  # noqa: F811 (the app in Spanish before the window)
    """The timelines, their check boxes and the decision are whole. Not checked here: the
    preview's least height, which the Spanish summary of this request (seven lines: a camera's
    stretch without recording, the driveway starting 2.0 s late) takes 6 pixels of, the kept
    line or not (left for a later hunt)."""
    window, world = gone_window
    win = window
    win.open_request(next(v for v in win.inbox.views if v.id == world.request_id))
    settle(qtbot, win)
    win.statusBar().showMessage("A message")
    size = window_size(SMALL_SCREENS[0])
    win.resize(size)
    settle(qtbot, win)
    assert win.size() == size
    page = win.request
    for w in (*page.strip.timelines.values(), *page.strip.checks.values(), page.reason,
              page.decline_button, page.approve_button):
        assert w.isVisible() and inside(w, win), f"{type(w).__name__} is cut off"
    check_kept_line(page)


def check_kept_line(page) -> None:
    """The line is said, among the facts, and any button that may show under it (Add to the
    safe copy, the widest) fits the facts card."""
    kept = page.kept
    assert kept.isVisible() and "driveway" in kept.words.text()
    assert page.info_scroll.isAncestorOf(kept)   # among the facts, which scroll
    for button in (kept.button, kept.again, kept.add):
        assert button.sizeHint().width() <= page.info_scroll.viewport().width(), button.text()
