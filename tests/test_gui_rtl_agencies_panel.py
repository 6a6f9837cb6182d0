"""Settings' agencies panel with the app's folder under Hebrew-named folders (RTL hunt). Seen:
a home "<tmp>/אבי/גיבוי" whose agencies folder a sync program left as a file made the panel say
"⚠ The agencies you trust cannot be read, …: cannot read the agencies folder: /tmp/…/גיבוי/אבי/
agencies is not a folder …": the core's words, said by in_owner_language as a plain str, left
the path bare and its two Hebrew folders read backwards. The panel says them by owner_words
now (the path laid out by shown_path), and a damaged agency file's row likewise. Real agent
and home, a real agency imported (demo.gui_data), the app offscreen, English and Spanish."""
from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import footage, open_window, settle, spanish  # noqa: E402,F401
from tests.test_gui_rtl_paths import AVI, BACKUP, assert_left_to_right, label_xs  # noqa: E402


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_unreadable_agencies_folder_is_said_with_its_path_in_order(qtbot, tmp_path,
                                                                       footage, request,
                                                                       language):  # noqa: F811
    if language == "es":
        request.getfixturevalue("spanish")
    home = tmp_path / AVI / BACKUP
    make_world(tmp_path / "world", home, footage=footage)
    window, agent = open_window(qtbot, home)
    try:
        window.show_page("settings")
        settle(qtbot, window)
        folder = home / "agencies"
        shutil.rmtree(folder)
        folder.write_text("x")   # the sync program's file
        window.settings.reload_lists()
        settle(qtbot, window)
        label = window.settings.agencies.unreadable
        said = label.text()
        assert_left_to_right(said, label_xs(said, label.font()), AVI, BACKUP, "agencies")
        assert said.startswith("\u200e\u26a0 "), said
        assert folder.read_text() == "x"   # left as it was
    finally:
        window.shutdown()
        agent.close()
