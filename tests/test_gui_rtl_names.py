"""A camera named in a right-to-left script keeps its timeline's words in order (long and odd
content hunt). Seen: a camera renamed "מצלמה קדמית" (Hebrew, "front camera") drew its
timeline's middle words as "13:11:28 :מצלמה קדמית PST": the line took the name's direction, so
the moment shown was split around the name. The name is now set apart from the app's words
(Unicode's first-strong isolate), and the line reads "מצלמה קדמית: 13:11:28 PST" left to right,
as painted (QTextLayout lays it out as QPainter.drawText does). A Latin name is unchanged."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption  # noqa: E402

from gui.views import display  # noqa: E402
from tests.gui_support import footage, settle, win  # noqa: E402,F401

HEBREW = "\u05de\u05e6\u05dc\u05de\u05d4 \u05e7\u05d3\u05de\u05d9\u05ea"   # מצלמה קדמית


def xs(text: str, font) -> list[float]:
    """Where each character of `text` stands on its line, left to right on screen, laid out
    as QPainter.drawText lays out a line (its direction from the text, Qt 6's default)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirectionAuto)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text))]


def label_xs(text: str, font) -> list[float]:
    """Where each character of `text` (one line) stands, laid out as a label lays out its
    text: a QTextDocument's block, which takes its direction from its first letter, whether
    in an isolate or not."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setPlainText(text)
    doc.setTextWidth(4000)
    doc.size()   # lays it out
    line = doc.firstBlock().layout().lineAt(0)
    return [line.cursorToX(i)[0] for i in range(len(text))]


def test_a_right_to_left_camera_name_keeps_the_time_after_it(qtbot, win):  # noqa: F811
    win.ctx.agent.rename_camera("porch", HEBREW)
    win.show_page("export")
    settle(qtbot, win)
    win.export.load()
    settle(qtbot, win)
    timeline = win.export.strip.timelines[HEBREW]
    timeline.set_position((timeline.limit_start + timeline.limit_end) // 2)
    _start, mid, _end = timeline.labels()
    time = display.clock(timeline.position_us, win.ctx.zone)
    at, zone = mid.index(time), mid.index(time) + time.index(" ") + 1
    places = xs(mid, timeline.font())
    name = [places[mid.index(ch)] for ch in HEBREW if ch != " "]
    assert max(name) < places[at] < places[zone], (mid, places)
    assert HEBREW in mid and timeline.tip() == ""   # shown whole: no tooltip needed


def test_a_latin_name_is_left_as_it_is():
    assert display.isolated("porch") == "porch"
    assert display.isolated(HEBREW) == f"\u2068{HEBREW}\u2069"



def hebrew_export(qtbot, win):  # noqa: F811
    """The Export page, "porch" renamed in Hebrew (the demo world's porch has a gap)."""
    win.ctx.agent.rename_camera("porch", HEBREW)
    win.show_page("export")
    settle(qtbot, win)
    win.export.load()
    settle(qtbot, win)


def test_a_right_to_left_name_in_the_summary_keeps_the_apps_words_after_it(qtbot, win):  # noqa: F811,E501
    """GUI hunt: the summary's line "מצלמה קדמית: a stretch without recording (nothing to send
    there)" took the name's direction whole: the app's words stood left of the name, the colon
    between. Labels sanitise what they show, which would have written an isolate mark out as
    "\\u2068"; the summary is now made safe piece by piece (gui.views.shown), each name
    sanitised, then isolated, and the line starts with a left-to-right mark (a label's text
    document takes a line's direction from its first letter, inside an isolate or not)."""
    hebrew_export(qtbot, win)
    said = win.export.summary.text().split("\n")
    assert f"\u200eCameras: driveway, \u2068{HEBREW}\u2069" in said
    gap = next(line for line in said if "a stretch without recording" in line)
    assert gap == (f"\u200e\u2068{HEBREW}\u2069: a stretch without recording (nothing to send "
                   "there)")
    places = label_xs(gap, win.export.summary.font())
    name = [places[gap.index(ch)] for ch in HEBREW if ch != " "]
    words = gap.index("a stretch")
    assert max(name) < places[gap.index(":")] < places[words], (gap, places)


def test_a_right_to_left_name_in_the_preview_caption_keeps_the_time_after_it(
        qtbot, win):  # noqa: F811
    hebrew_export(qtbot, win)
    timeline = win.export.strip.timelines[HEBREW]
    win.export.preview.show_at(HEBREW, timeline.limit_start + 2_000_000)
    settle(qtbot, win)
    caption = win.export.preview.caption.text()
    assert caption.startswith(f"\u200e\u2068{HEBREW}\u2069 at "), caption
    places = label_xs(caption, win.export.preview.caption.font())
    name = [places[caption.index(ch)] for ch in HEBREW if ch != " "]
    assert max(name) < places[caption.index(" at ") + 1], (caption, places)


def test_marks_inside_a_name_are_still_written_out():
    """Isolating comes after sanitising: a name's own bidirectional marks (an isolate's end,
    a right-to-left override: a request's camera names are the agency's) are escapes on
    screen, never marks that act; what is not made by `shown` a label sanitises whole."""
    from gui.views.shown import Shown, shown, shown_lines

    said = shown("{camera}: a stretch", camera=HEBREW + "\u2069\u202e evil")
    assert said == f"\u200e\u2068{HEBREW}\\u2069\\u202e evil\u2069: a stretch"
    assert isinstance(said + " \u202e", Shown) and (said + " \u202e").endswith(" \\u202e")
    # str(): an f-string would put a Shown in without its marks (Shown.__format__)
    assert shown_lines([said, "\u2068plain\u2069"]) == str(said) + "\n\\u2068plain\\u2069"


def test_a_right_to_left_name_never_registered_keeps_the_apps_words_after_it(qtbot):
    """GUI hunt: a request naming a Hebrew camera never registered with its agency said, in the
    summary above Approve, "מצלמה קדמית: never registered with this agency: ..." laid out from
    the right (the name's direction taken by the whole line, the app's words left of it), and
    the facts' warning wrote the name by one_line alone, not isolated. approval_warnings now
    makes its lines by gui.views.shown, as the summary does; laid out as a label lays them out."""
    from dataclasses import replace

    from gui.views import approval_warnings
    from gui.widgets.labels import plain_label
    from tests.test_gui_views import VIEW

    view = replace(VIEW, cameras=("porch", HEBREW, "attic"), unregistered=(HEBREW, "attic"))
    font = plain_label().font()
    ticked, = approval_warnings.unregistered_lines(replace(view, unregistered=(HEBREW,)), [HEBREW])
    left, = approval_warnings.unregistered_lines(replace(view, unregistered=(HEBREW,)), [])
    both, = approval_warnings.unregistered_lines(view, [])
    facts = approval_warnings.unregistered(view)
    for line, words in ((ticked, ": never registered"), (left, ": asked for"),
                        (both, ": asked for"), (facts, "agency: ")):
        label = plain_label()
        label.setText(line)
        said = label.text()
        assert "\\u2068" not in said and f"\u2068{HEBREW}\u2069" in said, said
        places = label_xs(said, font)
        name = [places[said.index(ch)] for ch in HEBREW if ch != " "]
        at = said.index(words)
        if words == "agency: ":   # the name comes after the app's words, which stay before it
            assert places[said.index("It also")] < places[at] < min(name), (said, places)
        else:
            assert max(name) < places[at] < places[at + 3], (said, places)


def test_a_right_to_left_name_in_what_a_delivery_sent_keeps_its_words_after_it(qtbot):
    """GUI hunt: once a request was delivered, the progress page said "מצלמה קדמית: 2.5 MB sent;
    the agency's signed receipt matches what was sent." laid out from the right (the line took
    the name's direction). outcomes.delivery_text now makes its lines by gui.views.shown, and
    the page's WrappedText shows such text as it is (it sanitised all of it whole, writing an
    isolate out as "\\u2068"); laid out as the page lays out its lines."""
    from dataclasses import replace

    from agent.views import Delivery
    from gui.views import outcomes
    from gui.widgets.labels import WrappedText
    from tests.test_gui_views import VIEW

    sent = Delivery(HEBREW + "\u202e", "/p/pkg", "/p/pkg.tar", "ab" * 32, 2_500_000,
                    "https://u/1", "r")
    box = WrappedText()
    box.setText(outcomes.result_text(replace(VIEW, status="delivered", deliveries=(sent,))))
    said = box.text().split("\n")
    line = said[1]
    assert said[0] == "Delivered." and line.startswith(f"\u200e\u2068{HEBREW}\\u202e\u2069: 2.5")
    assert said[2] == "  Package: /p/pkg", said
    places = label_xs(line, box.font())
    name = [places[line.index(ch)] for ch in HEBREW if ch != " "]
    assert max(name) < places[line.index(":")] < places[line.index("sent;")], (line, places)
