"""One left-to-right mark a line, at its start (RTL hunt). Seen: the line above the inbox for
a Hebrew-named agency whose portal never answered, "\\u200eNo request can arrive from ⁨משטרה⁩
since …: \\u200e⁨משטרה⁩'s portal did not answer in time; try again later", carried a second mark
mid-line: the problem's own, said by owner_words and put into the sentence as it was. Laid out,
it changes nothing (checked below: every glyph stands where it stands without it), but it rode
along in what the owner selects and copies from the label (a search pasted with it finds
nothing), as did the marks of the recorder window's "Note:" pieces joined by a space. shown()
now puts a value's text in without its line marks and one at each line's start, shown_lines
keeps one at the start of each line it joins, and owner_words one at the start of each line."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.views.core_words import owner_words  # noqa: E402
from gui.views.shown import shown, shown_lines  # noqa: E402
from gui.widgets.labels import plain_label  # noqa: E402
from tests.test_gui_rtl_paths import label_xs  # noqa: E402

POLICE = "\u05de\u05e9\u05d8\u05e8\u05d4"   # משטרה (police)
LRM = "\u200e"


def test_the_line_above_the_inbox_has_one_mark_and_reads_as_it_did(qtbot):
    from agent.requests.poll_trouble import PortalTrouble
    from gui.views.requests import unreachable_text

    silent = f"{POLICE}'s portal did not answer in time; try again later"   # the agent's words
    label = plain_label("")
    label.setText(unreachable_text([PortalTrouble(POLICE, "reg-7", 1_800_000_000 * 10**6, 3,
                                                  silent)], "UTC"))
    line = label.text()
    assert line.count(LRM) == 1 and line.startswith(LRM), ascii(line)
    assert f": \u2068{POLICE}\u2069's portal did not answer" in line, ascii(line)
    # the mark it carried mid-line moved nothing: the same glyphs, where they stood
    before = line.replace(f": \u2068{POLICE}", f": {LRM}\u2068{POLICE}")
    font = label.font()
    drawn = [x for x, ch in zip(label_xs(line, font), line) if ch not in "\u200e\u2068\u2069"]
    drawn_before = [x for x, ch in zip(label_xs(before, font), before)
                    if ch not in "\u200e\u2068\u2069"]
    assert drawn == drawn_before


def test_pieces_joined_on_one_line_keep_one_mark():
    note = owner_words(f"{POLICE}'s portal did not answer")
    said = shown_lines([shown("Added {name}.", name=POLICE), shown("Note: {problems}",
                                                                   problems=note)], " ")
    assert said == (f"{LRM}Added \u2068{POLICE}\u2069. Note: \u2068{POLICE}\u2069's portal did "
                    "not answer"), ascii(said)
    two = shown_lines([shown("{name}", name=POLICE), "plain"])
    assert two == f"{LRM}\u2068{POLICE}\u2069\nplain", ascii(two)
