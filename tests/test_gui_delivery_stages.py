"""What the app says while a request's footage is prepared and sent (scale hunt): which
camera, and which of how many, in the owner's language. Seen: the progress page showed the
desk's own words, 'Exporting porch' then 'Uploading porch', in English whatever the app's
language, and never how far through the cameras it was: with a 16-channel NVR the owner saw
'Exporting ch07' and a bar. The reference portal on loopback, real footage, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401
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
    assert "Preparando las grabaciones de driveway (1 de 2)" in stages, stages
    assert "Enviando porch (2 de 2)" in stages, stages
    assert not [s for s in stages if "Exporting" in s or "Uploading" in s], stages


def exported_stages(qtbot, win, folder) -> list[str]:  # noqa: F811
    """Export both demo cameras by hand; every stage the progress page showed, in order."""
    from tests.gui_support import export_result

    win.show_page("export")
    settle(qtbot, win)
    shown: list[str] = []
    page = win.progress
    win.ctx.bridge.jobProgress.connect(lambda *_: shown.append(page.stage.text()))
    export_result(qtbot, win, win.export, folder)
    assert page.finished_ok is True, page.result.text()
    return list(dict.fromkeys(shown))


def test_an_export_by_hand_says_which_camera_of_how_many(qtbot, win, tmp_path):  # noqa: F811
    """The same for an export by hand: 'porch: Cutting the footage', with no word of how
    many cameras were still to come."""
    stages = exported_stages(qtbot, win, tmp_path / "usb")
    assert "driveway (1 of 2): Cutting the footage" in stages, stages
    assert "porch (2 of 2): Sealing and signing the package" in stages, stages


def test_an_export_by_hand_says_it_in_spanish(qtbot, spanish, win, tmp_path):  # noqa: F811
    stages = exported_stages(qtbot, win, tmp_path / "usb")
    assert [s for s in stages if s.startswith("porch (2 de 2): ")], stages
    assert not [s for s in stages if " of " in s], stages
