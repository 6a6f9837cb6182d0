"""Folder paths holding right-to-left names read left to right in the app (RTL hunt). Seen: a
recordings folder in "<tmp>/אבי/סרטונים" (Hebrew: "Avi", "videos") was listed in Settings as
".../סרטונים/אבי/frigate": the two Hebrew folders, joined by a bare "/", made one right-to-left
run, the second folder drawn left of the first, the path read backwards; so did the question
before removing it and the line naming the app's folder, where a home "<tmp>/אבי/גיבוי" drew
"(… free on its disk)" with its bracket inside the Hebrew run. And a package exported by hand
from a camera renamed "מצלמה קדמית" was named "manual_מצלמה_קדמית_20261208T…" on the result
page with its start date drawn left of the camera's name. gui.views.shown.shown_path lays a
path out left to right: a folder written from the right isolated whole, right-to-left
stretches of one written from the left isolated each. Real recordings (PyAV), a real agent
and index, the app offscreen; laid out as a table cell and a label lay their text out."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import index_footage, write_footage  # noqa: E402
from gui.views.shown import shown_path  # noqa: E402
from tests.gui_registering import click, nav  # noqa: E402
from tests.gui_support import answers, choose_window, export_result, footage, open_window, settle, win  # noqa: E402,F401,E501

AVI = "\u05d0\u05d1\u05d9"                                      # אבי
VIDEOS = "\u05e1\u05e8\u05d8\u05d5\u05e0\u05d9\u05dd"            # סרטונים
BACKUP = "\u05d2\u05d9\u05d1\u05d5\u05d9"                        # גיבוי
FRONT = "\u05de\u05e6\u05dc\u05de\u05d4 \u05e7\u05d3\u05de\u05d9\u05ea"        # מצלמה קדמית
BACK = "\u05de\u05e6\u05dc\u05de\u05d4 \u05d0\u05d7\u05d5\u05e8\u05d9\u05ea"   # מצלמה אחורית


def glyph_xs(line, text: str) -> list[float]:
    """Where the glyph of each character of `text` stands on its laid-out `line` (a mark,
    drawn as nothing, where it would be)."""
    return [line.glyphRuns(i, 1)[0].positions()[0].x() for i in range(len(text))]


def cell_xs(text: str, font) -> list[float]:
    """Where each character of `text` stands, laid out as a table cell lays it out (Qt's item
    delegate: a QTextLayout in the view's direction, left to right)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return glyph_xs(line, text)


def label_xs(text: str, font) -> list[float]:
    """Where each character of `text` (one line) stands, laid out as a label lays it out (a
    QTextDocument's block, its direction taken from its first letter)."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setPlainText(text)
    doc.setTextWidth(8000)
    doc.size()   # lays it out
    return glyph_xs(doc.firstBlock().layout().lineAt(0), text)


def span(text: str, places: list[float], word: str, after: int = 0) -> list[float]:
    """Where the letters of `word` (found in `text` from `after` on) stand."""
    at = text.index(word, after)
    return [places[at + i] for i, ch in enumerate(word) if ch != " "]


def assert_left_to_right(text: str, places: list[float], *words: str) -> None:
    """`words`, found in `text` in this order, stand left to right on screen, each whole."""
    assert "\\u" not in text, text   # no mark written out as an escape
    at = 0
    spans = []
    for word in words:
        spans.append(span(text, places, word, at))
        at = text.index(word, at) + len(word)
    for left, right in zip(spans, spans[1:]):
        assert max(left) < min(right), (text, places)


@pytest.fixture
def hebrew_home(tmp_path):
    """Real recordings in "<tmp>/אבי/סרטונים", indexed in an agent home "<tmp>/אבי/גיבוי"."""
    import time

    rec = tmp_path / AVI / VIDEOS
    write_footage(rec, (int(time.time()) - 3600) * US, 4.0)
    home = tmp_path / AVI / BACKUP
    index_footage(home, rec)
    return home, rec


@pytest.fixture
def settings(qtbot, hebrew_home):
    window, agent = open_window(qtbot, hebrew_home[0])
    nav(qtbot, window, "Settings")
    settle(qtbot, window)
    yield window
    window.shutdown()
    agent.close()


def test_a_recordings_folder_in_hebrew_folders_is_listed_in_its_order(qtbot, settings,
                                                                      hebrew_home, answers):
    page = settings.settings
    item = page.sources.item(0, 0)
    text = item.text()
    assert text.replace("\u2066", "").replace("\u2068", "").replace("\u2069", "") \
        .endswith(f"{AVI}/{VIDEOS}/frigate"), text
    assert_left_to_right(text, cell_xs(text, page.sources.font()), AVI, VIDEOS, "frigate")
    # the cameras table's "where" column, the same path
    where = page.cameras.item(0, 1).text()
    assert_left_to_right(where, cell_xs(where, page.cameras.font()), AVI, VIDEOS)

    # asked before removing it, and said once removed
    queue, asked = answers
    page.sources.selectRow(0)
    queue.append(QMessageBox.Yes)
    click(qtbot, page.remove_source_button)
    settle(qtbot, settings)
    first = asked[0].split("\n")[0]
    assert first.startswith("\u200eRemove the recordings folder "), first
    assert_left_to_right(first, label_xs(first, page.font()), "Remove", AVI, VIDEOS, "frigate",
                         "(camera")
    said = page.status.text()
    assert_left_to_right(said, label_xs(said, page.status.font()), "Removed", AVI, VIDEOS,
                         "frigate")


def test_the_apps_folder_named_in_hebrew_keeps_its_order_and_its_free_room_after_it(
        qtbot, settings):
    text = settings.settings.space.text()
    first = text.split("\n")[0]
    assert first.startswith("\u200eThis app's folder takes "), first
    assert_left_to_right(first, label_xs(first, settings.settings.space.font()), "takes", AVI,
                         BACKUP, "(", "free on its disk)")
    digits = first.index("(") + 1
    places = label_xs(first, settings.settings.space.font())
    assert max(span(first, places, BACKUP)) < places[first.index("(")] < places[digits]


def test_a_cameras_hebrew_former_names_are_listed_in_their_order(qtbot, settings):
    agent = settings.ctx.agent
    agent.rename_camera("porch", FRONT)
    agent.rename_camera(FRONT, BACK)
    agent.rename_camera(BACK, "porch")
    settings.settings.reload_lists()
    settle(qtbot, settings)
    table = settings.settings.cameras
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "porch")
    text = table.item(row, 3).text()
    former = next(c.former_names for c in agent.camera_list() if c.name == "porch")
    assert set(former) == {FRONT, BACK}, former   # the agent's order: the cell keeps it
    assert text == ", ".join(f"\u2068{name}\u2069" for name in former), text
    assert_left_to_right(text, cell_xs(text, table.font()), *former)


def test_a_package_named_after_a_hebrew_camera_keeps_its_date_after_the_name(qtbot, tmp_path):
    """The result page of an export by hand, as the progress page shows it."""
    from gui.views.outcomes import result_text
    from gui.widgets.labels import WrappedText

    package = tmp_path / AVI / VIDEOS / "manual_\u05de\u05e6\u05dc\u05de\u05d4_\u05e7\u05d3" \
        "\u05de\u05d9\u05ea_20261208T120000Z-20261208T120010Z_exact"
    box = WrappedText()
    box.setText(result_text(type("Exported", (), {"package": str(package)})()))
    line = box.text().split("\n")[0]
    places = label_xs(line, box.font())
    assert_left_to_right(line, places, "Sealed", AVI, VIDEOS, "manual_", "\u05de\u05e6\u05dc",
                         "_20261208T120000Z")
    # the camera's two words as the camera's name reads them, right to left, one run
    assert min(span(line, places, "\u05de\u05e6\u05dc")) > max(span(line, places, "\u05e7\u05d3"))


def test_a_path_of_latin_names_is_left_as_it_is():
    assert shown_path("C:\\Users\\ann\\Videos") == "C:\\Users\\ann\\Videos"
    assert shown_path(f"C:\\Users\\{AVI}\\{VIDEOS} 2024") == \
        f"\u2066C:\\Users\\\u2068{AVI}\u2069\\\u2068{VIDEOS} 2024\u2069\u2069"
    # marks inside a folder's name are written out, never acting
    assert shown_path(f"/x/{AVI}\u202e") == f"\u2066/x/\u2068{AVI}\\u202e\u2069\u2069"


def test_set_ups_clock_step_lists_a_hebrew_folder_in_its_order(qtbot, hebrew_home):
    """Set up, step 2 (Camera clock): its list of folders read "porch  (…/סרטונים/אבי/reolink)"
    (a combo box lays its text out left to right, as a cell does)."""
    window, agent = open_window(qtbot, hebrew_home[0])
    try:
        clock = window.first_run.clock
        window.show_page("first_run")
        window.first_run.go(1)
        settle(qtbot, window)
        listed = [clock.source_box.itemText(i) for i in range(clock.source_box.count())]
    finally:
        window.shutdown()
        agent.close()
    item = next(text for text in listed if "reolink" in text)
    assert_left_to_right(item, cell_xs(item, clock.source_box.font()), "porch", AVI, VIDEOS,
                         "reolink")
    assert item.startswith("\u200eporch  (\u2066/"), ascii(item)


def test_an_export_into_hebrew_folders_names_them_in_order(qtbot, win, footage, tmp_path):  # noqa: F811,E501
    """The Export page's "To: the folder …" and the progress page's title "Exported 3 s to …"
    read the folder backwards; the package itself is written there, and said in order."""
    folder = tmp_path / AVI / VIDEOS
    folder.mkdir(parents=True)
    page = choose_window(qtbot, win, footage[1], footage[1] + 3_000_000)
    page.folder.setText(str(folder))   # pasted (QTest types no Hebrew letter)
    page.refresh_summary()
    to = next(line for line in page.summary.text().split("\n") if "To: " in line)
    assert_left_to_right(to, label_xs(to, page.summary.font()), "To: ", "the folder", AVI,
                         VIDEOS)
    said = export_result(qtbot, win, page, folder)
    title = win.progress.title.text()
    assert title.startswith("\u200eExported ") and "\\u" not in title, ascii(title)
    assert_left_to_right(title, label_xs(title, win.progress.title.font()), "Exported", AVI,
                         VIDEOS)
    package = said.split("\n")[0]
    assert_left_to_right(package, label_xs(package, win.progress.result.font()), "Sealed", AVI,
                         VIDEOS, "manual_")
    assert any(p.name.startswith("manual_") for p in folder.iterdir())   # written there
