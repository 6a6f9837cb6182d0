"""What the app says while a request's footage is prepared and sent (scale hunt): which
camera, and which of how many, in the owner's language. Seen: the progress page showed the
desk's own words, 'Exporting porch' then 'Uploading porch', in English whatever the app's
language, and never how far through the cameras it was: with a 16-channel NVR the owner saw
'Exporting ch07' and a bar. The reference portal on loopback, real footage, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from tests.gui_support import footage, settle, spanish  # noqa: E402,F401
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401


def delivered_stages(qtbot, pwin, portal, footage) -> list[str]:  # noqa: F811
    """Approve a request for both cameras; every stage the progress page showed, in order."""
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    shown: list[str] = []
    page = pwin.progress
    # connected after the page's own slot: it reads the text the page has just set
    pwin.ctx.bridge.jobProgress.connect(lambda *_: shown.append(page.stage.text()))
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    settle(qtbot, pwin, timeout=60000)
    assert page.finished_ok is True, page.result.text()
    return list(dict.fromkeys(shown))


def test_each_camera_is_said_with_how_many_there_are(qtbot, pwin, portal, footage):  # noqa: F811
    stages = delivered_stages(qtbot, pwin, portal, footage)
    assert "Preparing the footage of driveway (1 of 2)" in stages, stages
    assert "Preparing the footage of porch (2 of 2)" in stages, stages
    assert "Sending driveway (1 of 2)" in stages and "Sending porch (2 of 2)" in stages, stages


def test_the_stages_read_in_spanish(qtbot, spanish, pwin, portal, footage):  # noqa: F811
    stages = delivered_stages(qtbot, pwin, portal, footage)
    assert "Preparando las imágenes de driveway (1 de 2)" in stages, stages
    assert "Enviando porch (2 de 2)" in stages, stages
    assert not [s for s in stages if "Exporting" in s or "Uploading" in s], stages
