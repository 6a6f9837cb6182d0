"""A recordings folder named in Hebrew, gone (its drive taken away), as the notice above every
page says it (RTL hunt). Seen: "<tmp>/אבי/סרטונים/frigate" gone, the notice read "/tmp/…/
סרטונים/אבי/frigate does not exist: check the path, or connect the drive it is on" as laid
out: the scan's failure, said by in_owner_language as a plain str, left the path bare, its two
Hebrew folders one right-to-left run read backwards. folder_problems says a scan's failure by
owner_words now (the path laid out by shown_path) and joins the notice's lines as shown lines,
an index that cannot be opened among them (the bridge's words, kept as they were said).
Real recordings (PyAV), a real agent and scan, the app offscreen, English and Spanish."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world, write_footage  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401
from tests.test_gui_rtl_paths import AVI, VIDEOS, assert_left_to_right, label_xs  # noqa: E402


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_a_hebrew_recordings_folder_gone_is_said_with_its_path_in_order(qtbot, tmp_path,
                                                                       request, language):
    if language == "Spanish":
        request.getfixturevalue("spanish")
    rec, start = tmp_path / AVI / VIDEOS, (int(time.time()) - 3600) * US
    write_footage(rec, start, 4.0)
    world = make_world(tmp_path / "world", tmp_path / "home", footage=(rec, start))
    window, agent = open_window(qtbot, world.home)
    try:
        rec.rename(tmp_path / "away")   # the drive taken away
        window.ctx.bridge.run("scan", lambda progress, cancel: agent.scan(cancel=cancel))
        settle(qtbot, window)
        notice = window.folder_problems
        said = notice.label.text()
        assert notice.isVisible() and "\\u" not in said, said
        lines = [line for line in said.split("\n") if "frigate" in line]
        assert lines, said
        line = lines[0]
        assert_left_to_right(line, label_xs(line, notice.label.font()), AVI, VIDEOS, "frigate")
        assert line.startswith("\u200e"), ascii(line)
    finally:
        window.shutdown()
        agent.close()
