"""A camera whose privacy masks were drawn on a picture of another shape than it records in the
chosen time (masks hunt): the export or approval of it with masks is refused (the masks would
fall elsewhere), but 'What will leave this PC' said nothing of it, as it does of a crop, until
the button was pressed. The summary now says it first, in the owner's language; a real
offscreen Qt loop and agent."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.export.masks import CameraMasks, Polygon  # noqa: E402
from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401
from tests.test_gui_damaged_masks import export_page_on  # noqa: E402

AREA = Polygon(((0.1, 0.1), (0.4, 0.1), (0.4, 0.4)))


def test_masks_drawn_on_another_shape_are_said_before_export_in_spanish(
        qtbot, win, spanish):  # noqa: F811
    agent = win.ctx.agent
    (row, *_) = agent.store.files("porch")
    agent.set_masks(CameraMasks("porch", (AREA,), (row.width, row.width * 9 // 16)))
    page = export_page_on(qtbot, win, "porch")
    said = page.summary.text()
    assert (f"porch: este período se grabó en una imagen de {row.width} x {row.height} "
            "píxeles") in said, said
    assert "Dibujar máscaras de privacidad" in said
    # the masks page shows porch's latest recording, of this time's shape: looking again helps
    assert page.options.shown_on(["porch"]) == (("porch", (row.width, row.height)),)
    page.options.masks.setChecked(False)   # the owner's own choice: exported without masks
    settle(qtbot, win)
    assert "píxeles" not in page.summary.text()
    agent.set_masks(CameraMasks("porch", (AREA,), (row.width, row.height)))   # saved again
    page.options.load_masks(["porch"])
    page.options.masks.setChecked(True)
    settle(qtbot, win)
    assert "píxeles" not in page.summary.text()
