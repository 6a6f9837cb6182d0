"""A job's failure naming a folder or an agency in Hebrew, as the app shows it (RTL hunt).
Seen: an export by hand into "<tmp>/אבי/סרטונים" (a file there, not a folder) ended "It did
not work" over "/tmp/…/סרטונים/אבי is a file, not a folder: choose the folder the package
should go into": the two Hebrew folders, bare, made one right-to-left run, the path read
backwards. Every job's failure passed the bridge as in_owner_language's plain str, which a
label can only sanitise whole. The bridge now says it by core_words.owner_words (a Shown: each
value isolated, a path laid out by shown_path) and hands it on as an object, not a str signal
that would make a plain copy; a handler that formats it into other words gets it without its
marks (Shown.__format__), never with them written out as "\\u2068". Real recordings, the real
agent's export job, the app offscreen; laid out glyph by glyph as the page's text box does."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.gui_support import choose_window, export_result, footage, spanish, win  # noqa: E402,F401,E501
from tests.test_gui_rtl_paths import AVI, VIDEOS, assert_left_to_right, label_xs  # noqa: E402


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_an_export_into_a_hebrew_path_that_is_a_file_says_the_path_in_order(
        qtbot, win, footage, tmp_path, request, language):  # noqa: F811
    if language == "Spanish":
        request.getfixturevalue("spanish")
    (tmp_path / AVI).mkdir()
    target = tmp_path / AVI / VIDEOS
    target.write_text("a file, where the folder was meant")
    page = choose_window(qtbot, win, footage[1], footage[1] + 3_000_000)
    said = export_result(qtbot, win, page, target)
    line = said.split("\n")[0]
    assert ("is a file, not a folder" in line) == (language == "English"), line
    assert line.startswith("\u200e\u2066/"), line
    places = label_xs(line, win.progress.result.font())
    assert_left_to_right(line, places, AVI, VIDEOS, line[line.index("\u2069\u2069") + 3:][:4])
    assert target.read_text() == "a file, where the folder was meant"   # nothing overwritten


def test_a_failure_formatted_into_other_words_goes_in_without_its_marks(qtbot):
    """A handler that puts the bridge's words into its own (kept_copy's "The safe copy could
    not be deleted: {problem}") gets them plain: a label shows no escape."""
    from gui.views.core_words import owner_words
    from gui.views.shown import Shown
    from gui.widgets.labels import plain_label

    message = owner_words(f"{tmp_name()} is a file, not a folder: choose the folder the "
                          "package should go into")
    assert isinstance(message, Shown) and "\u2068" in message
    label = plain_label()
    label.setText("The safe copy could not be deleted: {problem}".format(problem=message))
    assert label.text() == ("The safe copy could not be deleted: " + tmp_name()
                            + " is a file, not a folder: choose the folder the package should "
                            "go into"), label.text()
    label.setText(f"{message}")
    assert "\\u" not in label.text()


def tmp_name() -> str:
    return f"/tmp/{AVI}/{VIDEOS}"
