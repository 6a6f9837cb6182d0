"""A registration with an agency and cameras named in Hebrew, as Settings and the registration
flow show it (RTL hunt). Seen: Settings' registrations table listed the cameras "מצלמה קדמית,
מצלמה אחורית" (front, back) as one right-to-left run, the back camera left of the front (the
reverse of the registration's order), and the result page after Change details said
"✔ משטרה has your changes." laid out from the right: the line's first letter is the agency's,
so a label took its direction, the app's words left of the name and the tick at the right
end; its "Cameras registered:" line listed them reversed too. gui.views.registrations makes
these by gui.views.shown (each name sanitised and isolated, a line started by a left-to-right
mark). The app offscreen on the demo world; the views are the agent's own dataclasses, filled
in as a registration with such an agency would fill them (the sample portal's agency file
names it in English)."""
from __future__ import annotations

import os
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.views import Camera  # noqa: E402
from gui.views import registrations as words  # noqa: E402
from gui.widgets.registration_pages import ResultPage  # noqa: E402
from tests.gui_support import drawn, footage, spanish, win  # noqa: E402,F401
from tests.test_gui_registration_views import VIEW  # noqa: E402
from tests.test_gui_rtl_paths import assert_left_to_right, cell_xs, label_xs  # noqa: E402

POLICE = "\u05de\u05e9\u05d8\u05e8\u05d4"   # משטרה (police)
FRONT = "\u05de\u05e6\u05dc\u05de\u05d4 \u05e7\u05d3\u05de\u05d9\u05ea"        # מצלמה קדמית
BACK = "\u05de\u05e6\u05dc\u05de\u05d4 \u05d0\u05d7\u05d5\u05e8\u05d9\u05ea"   # מצלמה אחורית
HEBREW_VIEW = replace(VIEW, agency_name=POLICE, cameras=(Camera(FRONT), Camera(BACK)))


def test_settings_lists_a_registrations_hebrew_cameras_in_their_order(qtbot, win):  # noqa: F811
    panel = win.settings.registrations
    panel._show([HEBREW_VIEW], False)
    item = panel.table.item(0, 2)
    text = item.text()
    assert text == f"\u2068{FRONT}\u2069, \u2068{BACK}\u2069", text
    assert_left_to_right(text, cell_xs(text, panel.table.font()), FRONT, BACK)
    assert drawn(item.toolTip()) == text


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_the_result_page_keeps_a_hebrew_agency_and_its_cameras_in_order(qapp, request,
                                                                       language):
    if language == "Spanish":
        request.getfixturevalue("spanish")
    page = ResultPage()
    page.report(words.registered_words(HEBREW_VIEW, "UTC", updating=True))
    head, _registration, cameras, *_rest = page.outcome.text().split("\n")
    font = page.outcome.font()
    assert head.startswith(f"\u200e\u2714 \u2068{POLICE}\u2069 "), head
    after = head[head.index("\u2069") + 2:head.index("\u2069") + 5]   # the app's first words
    assert_left_to_right(head, label_xs(head, font), "\u2714", POLICE, after)
    assert_left_to_right(cameras, label_xs(cameras, font), cameras.split(" ")[0][1:], FRONT,
                         BACK)


def test_a_registration_named_in_latin_letters_reads_as_before():
    said = words.registered_words(VIEW, "UTC").split("\n")
    assert said[:3] == ["\u2714 Registered with Example PD.", "Registration: reg-1",
                        "Cameras registered: porch"], said
