"""A time zone typed into first run's "Time zone of the recorder" (an editable list) that is no
zone: the Spanish app showed the core's English "unknown time zone 'PST' (use an IANA name such
as America/Los_Angeles)", and for a region's name ("Pacific", a folder of the zone database)
"[Errno 21] Is a directory: <the app's tzdata>". Clicked through against a real agent."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

from gui.views import core_words  # noqa: E402
from gui.views.core_zone_words import IN_THE_APP, UNKNOWN_ZONE  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401


@pytest.mark.parametrize("typed", ["PST", "Pacific"])
def test_a_zone_typed_wrong_at_first_run_says_so_in_spanish(qtbot, tmp_path, spanish, typed):
    folder = tmp_path / "card"
    folder.mkdir()
    win, agent = open_window(qtbot, tmp_path / "home")
    try:
        step = win.first_run.folder
        qtbot.keyClicks(step.path, str(folder))
        qtbot.mouseClick(step.look_button, Qt.LeftButton)
        settle(qtbot, win)
        step.camera.setText("porch")
        step.tz.setCurrentText(typed)
        qtbot.mouseClick(step.add_button, Qt.LeftButton)
        settle(qtbot, win)
        said = step.status.text()
        wanted = QCoreApplication.translate(core_words.CONTEXT, IN_THE_APP[UNKNOWN_ZONE])
        assert wanted != IN_THE_APP[UNKNOWN_ZONE], "no Spanish for it"
        assert said == wanted.format(name=typed), said
        assert agent.sources() == []   # nothing was added
    finally:
        win.shutdown()
        agent.close()
