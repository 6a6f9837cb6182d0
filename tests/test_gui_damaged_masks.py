"""A camera whose saved privacy masks file is damaged (owner hunt): the agent refuses to export
it rather than send it unmasked, which is right, but the app said so only after Approve or
Export was pressed, with the summary above the button reading 'Hidden: nothing', and then in
the core's words: English in the Spanish app, the JSON parser's 'Expecting ',' delimiter: line
1 column 32' and a command to type (`footage-agent masks set`). Now the summary says before
anything is pressed that the camera is not exported until its masks are drawn again, and the
refusal names the app's own page, in the owner's language."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from agent.export.masks import masks_file  # noqa: E402
from agent.timebase import US  # noqa: E402
from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401


def damage_masks(win, camera: str) -> None:
    """The camera's masks file cut off mid-write (a full disk, a copy broken off)."""
    path = masks_file(win.ctx.agent.home, camera)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"polygons": [[[0.1, 0.2], [0.4', "utf-8")


def export_page_on(qtbot, win, camera: str):
    """The Export page with `camera` alone ticked, two seconds chosen."""
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    for name, box in page.strip.checks.items():
        box.setChecked(name == camera)
    tl = page.strip.timelines[camera]
    tl.set_selection(tl.limit_start, tl.limit_start + 2 * US)
    settle(qtbot, win)
    return page


def test_the_summary_says_before_export_that_a_camera_with_damaged_masks_is_not_exported(
        qtbot, win, tmp_path):
    damage_masks(win, "porch")
    page = export_page_on(qtbot, win, "porch")
    said = page.summary.text()
    assert "porch: its saved privacy masks are damaged" in said, said
    assert "Draw privacy masks" in said

    page.options.masks.setChecked(False)   # the owner's own choice: exported without masks
    settle(qtbot, win)
    assert "damaged" not in page.summary.text()


def test_the_summary_says_nothing_of_masks_for_a_camera_whose_masks_read(qtbot, win):
    damage_masks(win, "porch")
    page = export_page_on(qtbot, win, "driveway")
    assert "damaged" not in page.summary.text()


def test_an_export_stopped_by_damaged_masks_says_where_to_draw_them_in_spanish(
        qtbot, win, tmp_path, spanish):  # noqa: F811
    damage_masks(win, "porch")
    page = export_page_on(qtbot, win, "porch")
    assert "máscaras de privacidad guardadas están dañadas" in page.summary.text()
    page.folder.setText(str(tmp_path / "usb"))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    settle(qtbot, win, timeout=60000)
    assert win.progress.finished_ok is False
    said = win.progress.result.text()
    assert "porch" in said and "dañadas" in said and "Dibujar máscaras de privacidad" in said, said
    for english in ("saved masks", "damaged", "not valid JSON", "Expecting", "footage-agent"):
        assert english not in said, said
