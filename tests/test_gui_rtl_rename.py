"""A camera renamed from or to a right-to-left name, as Settings says it (GUI hunt). Seen:
Rename camera… on a camera named "מצלמה קדמית" (Hebrew) said "'מצלמה קדמית' is now called
'porch'." with the names written bare, so the line took the first name's direction and was
laid out from the right (the app's words and the new name left of the old). The names are now
set apart from the app's words (gui.views.shown), as the summaries are. Real agent and index,
the app offscreen; the line laid out as a label lays it out (tests/test_gui_rtl_names.py)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401
from tests.test_gui_rtl_names import HEBREW, label_xs  # noqa: E402


def renamed(qtbot, win) -> str:  # noqa: F811
    """What Settings says after renaming the Hebrew-named camera "porch"."""
    win.ctx.agent.rename_camera("driveway", HEBREW)
    win.show_page("settings")
    settle(qtbot, win)
    win.settings.rename_camera(HEBREW, "porch 2")
    settle(qtbot, win)
    assert "porch 2" in win.ctx.agent.cameras()
    return win.settings.status.text()


def in_order(said: str, font, before: str, after: str) -> None:
    """The Hebrew name stands left of `after` and right of `before`, as the app writes them."""
    assert "\\u2068" not in said and f"\u2068{HEBREW}\u2069" in said, said
    places = label_xs(said, font)
    start = said.index(HEBREW)
    name = [places[start + i] for i, ch in enumerate(HEBREW) if ch != " "]
    assert places[said.index(before)] < min(name), (said, places)
    assert max(name) < places[said.index(after)], (said, places)
    assert places[said.index(after)] < places[said.index("porch 2")], (said, places)


def test_a_hebrew_name_renamed_is_said_in_order(qtbot, win):  # noqa: F811
    said = renamed(qtbot, win)
    in_order(said, win.settings.status.font(), "'", "' is now called")


def test_it_reads_in_spanish(qtbot, spanish, win):  # noqa: F811
    said = renamed(qtbot, win)
    in_order(said, win.settings.status.font(), "\u00ab", "\u00bb ahora se llama")
