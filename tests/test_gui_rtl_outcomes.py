"""A camera named in a right-to-left script keeps the progress page's words in order (GUI hunt).
Seen, an export by hand of "porch" and a camera renamed "מצלמה קדמית" (Hebrew) with Blur faces
ticked: the stage line read "מצלמה קדמית (2 of 2): Cutting the footage" and the outcome
"מצלמה קדמית: no face was found to blur (...)", the name written bare, so each line took the
name's direction: laid out from the right, the count and the app's words stood left of the
name. The stages and the blur's line are now made by gui.views.shown (the name sanitised, then
isolated, the line started with a left-to-right mark), as the summaries and timelines are, and
the outcome is joined by shown_lines so the label keeps the marks. Real footage, a real face
detector, the app offscreen; each line laid out as a label lays it out."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.timebase import US  # noqa: E402
from gui.views.outcomes import stage_text  # noqa: E402
from gui.widgets.labels import plain_label  # noqa: E402
from tests.gui_support import export_result, footage, settle, win  # noqa: E402,F401
from tests.test_gui_rtl_names import HEBREW, label_xs  # noqa: E402


def name_before(line: str, words: str, font) -> None:
    """`line` keeps the Hebrew name left of `words` (the app's, which follow it)."""
    assert "\\u2068" not in line and f"\u2068{HEBREW}\u2069" in line, line
    places = label_xs(line, font)
    name = [places[line.index(ch)] for ch in HEBREW if ch != " "]
    at = line.index(words)
    assert max(name) < places[at] < places[at + len(words) - 1], (line, places)


def test_an_export_of_a_hebrew_camera_says_its_stages_and_blur_in_order(qtbot, win,
                                                                      tmp_path):  # noqa: F811
    win.ctx.agent.rename_camera("driveway", HEBREW)
    win.show_page("export")
    settle(qtbot, win)
    win.export.load()
    settle(qtbot, win)
    page = win.export
    page.options.faces.setChecked(True)
    for box in page.strip.checks.values():
        box.setChecked(True)
    for timeline in page.strip.timelines.values():
        timeline.set_selection(timeline.limit_start, timeline.limit_start + 2 * US)
    settle(qtbot, win)
    stages = []   # the page's stage line as each report is shown (its slot runs first)
    win.ctx.bridge.jobProgress.connect(lambda *_: stages.append(win.progress.stage.text()))
    said = export_result(qtbot, win, page, tmp_path / "usb")
    assert win.progress.finished_ok is True, said
    font = win.progress.stage.font()
    cutting = [s for s in stages if HEBREW in s and "Cutting the footage" in s]
    assert cutting, stages
    name_before(cutting[0], "(2 of 2): Cutting the footage", font)
    assert "porch (1 of 2): Cutting the footage" in stages   # a Latin name as it was
    blur = next(line for line in said.split("\n") if HEBREW in line and "no face" in line)
    name_before(blur, ": no face was found to blur", win.progress.result.font())
    assert "porch: no face was found to blur" in said


def test_a_deliverys_stages_set_a_hebrew_name_apart_too(qapp):
    font = plain_label().font()
    for stage, words in ((f"exporting {HEBREW} (2 of 16)", " (2 of 16)"),
                         (f"uploading {HEBREW} (2 of 16)", " (2 of 16)")):
        label = plain_label()
        label.setText(stage_text(stage))
        name_before(label.text(), words, font)
        assert label.text().split("\u2068")[0] in ("\u200ePreparing the footage of ",
                                                   "\u200eSending "), label.text()
    label = plain_label()
    label.setText(stage_text(f"{HEBREW}: cutting"))
    name_before(label.text(), ": Cutting the footage", font)
    assert stage_text("porch (2 of 3): sealing") == "porch (2 of 3): Sealing and signing the package"
    assert stage_text("cutting") == "Cutting the footage"
