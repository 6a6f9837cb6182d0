"""A request file that cannot be read, in Hebrew-named folders, as the Inbox says it (RTL
hunt). "Open a request file…" given "<tmp>/אבי/סרטונים/request.jws", a folder where the file
was meant: the job fails, and the bridge now hands on its words as a Shown (the path laid out
by shown_path). The Inbox's box and status line said them through request_files.not_added,
whose removeprefix and one_line made a plain copy of them: the status line would have written
their marks out as "\\u2068". A Shown is now kept as it was said. The real agent's import, the
app offscreen (its box answered), laid out as the status label lays it out."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui_support import answers, open_window, settle  # noqa: E402,F401
from tests.test_gui_rtl_paths import AVI, VIDEOS, assert_left_to_right, label_xs  # noqa: E402


def test_a_request_file_that_cannot_be_read_is_said_with_its_path_in_order(qtbot, tmp_path,
                                                                          answers):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    queue, asked = answers
    queue.append(QMessageBox.Ok)
    path = tmp_path / AVI / VIDEOS / "request.jws"
    path.mkdir(parents=True)   # a folder where the file was meant
    window, agent = open_window(qtbot, tmp_path / "home")
    try:
        window.inbox.import_file(str(path))
        settle(qtbot, window)
        said = window.inbox.status.text()
        font = window.inbox.status.font()
    finally:
        window.shutdown()
        agent.close()
    assert "\\u" not in said and VIDEOS in said, said
    assert_left_to_right(said, label_xs(said, font), AVI, VIDEOS, "request.jws")
