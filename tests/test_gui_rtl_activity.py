"""The Activity log page with a folder and cameras named in Hebrew (RTL hunt). Seen: after
`sources add "<tmp>/אבי/סרטונים" --camera "מצלמה קדמית"` the log's details cell read
"…/סרטונים/אבי; …": the path's two Hebrew folders made one right-to-left run and read
backwards; a registration's "Cameras: מצלמה קדמית, מצלמה אחורית" listed the back camera left
of the front. The details are made off the GUI thread as one sanitised line whose values can
no longer be told from the words around them; gui.views.shown.runs_isolated now sets each
right-to-left stretch apart (one ends at a "/" or ", "), the cell and its tooltip alike. The
real command line writes the folder's record, the agent's audit log the registration's (as
agent/requests/registering.py writes it); the page offscreen, laid out as a cell lays it out."""
from __future__ import annotations

import html
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.audit.log import AuditLog  # noqa: E402
from agent.cli import main  # noqa: E402
from gui.views.shown import runs_isolated  # noqa: E402
from tests.gui_support import open_window, settle  # noqa: E402
from tests.test_gui_rtl_paths import AVI, BACK, FRONT, VIDEOS, assert_left_to_right, cell_xs, label_xs  # noqa: E402,E501


def test_the_logs_details_keep_hebrew_folders_and_names_in_their_order(qtbot, tmp_path):
    home, folder = tmp_path / "home", tmp_path / AVI / VIDEOS
    folder.mkdir(parents=True)
    assert main(["--home", str(home), "sources", "add", str(folder), "--camera", FRONT]) == 0
    AuditLog(home).append("registered", agency="https://pd.example", registration="reg-1",
                          owner_id="o-1", cameras=[FRONT, BACK], invite_sha256="ab" * 32)
    window, agent = open_window(qtbot, home)
    try:
        window.show_page("log")
        settle(qtbot, window)
        table = window.log.table
        details = [table.item(r, 2).text() for r in range(table.rowCount())]
        # the folder's whole path is in the cell's tooltip (the cell cuts it at 60 characters)
        added = next(html.unescape(table.item(r, 2).toolTip())[3:-4]
                     for r in range(table.rowCount()) if "Folder" in table.item(r, 2).text())
        assert_left_to_right(added, label_xs(added, table.font()), "Folder", AVI, VIDEOS)
        cameras = next(d for d in details if BACK in d)
        assert_left_to_right(cameras, cell_xs(cameras, table.font()), FRONT, BACK)
        tip = next(table.item(r, 2).toolTip() for r in range(table.rowCount())
                   if BACK in table.item(r, 2).text())
        assert f"\u2068{FRONT}\u2069, \u2068{BACK}\u2069" in tip, tip
    finally:
        window.shutdown()
        agent.close()


def test_marks_a_value_held_are_written_out_and_latin_text_is_left_as_it_is():
    assert runs_isolated("Camera: porch; Folder: /x/y") == "Camera: porch; Folder: /x/y"
    assert runs_isolated(f"Camera: {AVI}\u202e") == f"\u200eCamera: \u2068{AVI}\u2069\\u202e"
