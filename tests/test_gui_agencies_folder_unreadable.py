"""A file where the home's agencies folder belongs, as a sync program or a restore leaves one:
Settings listed no agency and said nothing, as if the owner had never trusted one, while
`agencies list` said the folder cannot be read (test_agency_folder_odd_files.py). Settings
says it now, with the core's words (AgencyFiles.unreadable_folder, through
Agent.agencies_unreadable), in the owner's language. Real agent and home, a real agency
imported (demo.gui_data), the app offscreen."""
from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import footage, open_window, settle, spanish  # noqa: E402,F401


def said_above_the_list(panel) -> str:
    """What the agencies panel shows in words (its labels in sight), the table aside."""
    from PySide6.QtWidgets import QLabel
    return "\n".join(w.text() for w in panel.findChildren(QLabel)
                     if w.isVisibleTo(panel) and w.text())


@pytest.mark.parametrize("language", ["en", "es"])
def test_settings_says_the_agencies_folder_cannot_be_read(qtbot, tmp_path, footage, request,
                                                          language):
    if language == "es":
        request.getfixturevalue("spanish")
    home = tmp_path / "home"
    make_world(tmp_path / "world", home, footage=footage)
    window, agent = open_window(qtbot, home)
    try:
        panel = window.settings.agencies
        window.show_page("settings")
        settle(qtbot, window)
        assert panel.table.rowCount() == 1
        assert "agencies" not in said_above_the_list(panel).replace("Agencies you trust", "")
        folder = home / "agencies"
        shutil.rmtree(folder)
        folder.write_text("x")   # the sync program's file
        window.settings.reload_lists()
        settle(qtbot, window)
        assert panel.table.rowCount() == 0
        said = said_above_the_list(panel)
        assert str(folder) in said, said
        assert {"en": "The agencies you trust cannot be read, so none is listed here and no "
                      "request can be checked against them: cannot read the agencies folder: "
                      f"{folder} is not a folder (part of the path is a file): check the path",
                "es": "Las agencias de su confianza no se pueden leer"}[language] in said, said
        if language == "es":
            assert "cannot" not in said and "folder" not in said, said
        assert folder.read_text() == "x"   # left as it was
        folder.unlink()   # put right: the message goes
        window.settings.reload_lists()
        settle(qtbot, window)
        assert str(folder) not in said_above_the_list(panel)
    finally:
        window.shutdown()
        agent.close()
