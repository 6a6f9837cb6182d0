"""What a recordings folder's first indexing could not use, for a folder named in Hebrew (RTL
hunt). Seen: Set up's step 1 on "<tmp>/אבי/סרטונים" holding a link out of the folder listed
"/tmp/…/סרטונים/אבי/out.mp4: a link to a file outside this recordings folder …" as laid out:
the scan's "<path>: <why>", said by in_owner_language as a plain str, left the path bare, its
two Hebrew folders one right-to-left run read backwards. Each line is now said by
core_words.path_problem (the path laid out by shown_path, the why by owner_words) and the
lines joined as shown lines. The folder, its link and the scan are real; the app offscreen,
English and Spanish; laid out glyph by glyph as the step's status label lays it out."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401
from tests.test_gui_rtl_paths import AVI, VIDEOS, assert_left_to_right, label_xs  # noqa: E402


@pytest.mark.skipif(os.name != "posix", reason="links made without Windows' developer mode")
@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_a_hebrew_folders_unusable_file_is_listed_with_its_path_in_order(qtbot, tmp_path,
                                                                        request, language):
    if language == "Spanish":
        request.getfixturevalue("spanish")
    card, elsewhere = tmp_path / AVI / VIDEOS, tmp_path / "elsewhere"
    card.mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "private.mp4").write_bytes(b"not for the index")
    (card / "out.mp4").symlink_to(elsewhere / "private.mp4")
    window, agent = open_window(qtbot, tmp_path / "home")
    try:
        step = window.first_run.folder
        step.path.setText(str(card))   # pasted (QTest types no Hebrew letter)
        qtbot.mouseClick(step.look_button, Qt.LeftButton)
        settle(qtbot, window)
        step.tz.setCurrentText("UTC")
        qtbot.mouseClick(step.add_button, Qt.LeftButton)
        settle(qtbot, window)
        said = step.status.text()
        font = step.status.font()
    finally:
        window.shutdown()
        agent.close()
    (line,) = [line for line in said.split("\n") if "out.mp4" in line]
    assert ("a link to a file outside" in line) == (language == "English"), line
    assert_left_to_right(line, label_xs(line, font), AVI, VIDEOS, "out.mp4", ": ")
    assert line.startswith("\u200e\u2066/"), ascii(line)
