"""The recorder layouts by the names owners know them by, in their language: first run showed
the agent's keys ("Recorder: frigate", a list of "reolink-sd", "dahua-tree", ...)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.index.layouts import LAYOUTS  # noqa: E402
from gui.views.layout_names import AUTO, layout_name, named  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401


def test_every_layout_the_agent_reads_has_a_name_of_its_own():
    missing = [key for key in (AUTO, *LAYOUTS) if not named(key)]
    assert missing == [], missing
    names = [layout_name(key) for key in (AUTO, *LAYOUTS)]
    assert len(set(names)) == len(names)   # no two layouts read alike in the list
    assert layout_name("a-layout-added-later") == "a-layout-added-later"


def test_the_layout_names_read_in_spanish(spanish):  # noqa: F811
    english = {"reolink-sd": "SD card", "dahua-backup": "NVR backup", AUTO: "files"}
    for key, words in english.items():
        said = layout_name(key)
        assert words not in said and said != key, said
    assert "Reolink" in layout_name("reolink-sd")   # the maker's name stays
