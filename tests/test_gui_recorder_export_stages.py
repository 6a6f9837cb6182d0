"""The stages of an export by hand of a recorder's camera, in the owner's language (GUI hunt).
Seen: exporting a camera on a recorder (the simulator over HTTPS), the progress page said
"drive (1 de 1): Asking the recorder" and "drive (1 de 1): Downloading from the recorder" in
English to a Spanish owner, the core's stage words written as they came (only the stages of a
recording on this PC were the app's). They are now the app's words, translated. The app
offscreen, the recorder simulated on loopback, real footage."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.timebase import US  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import settle, spanish  # noqa: E402,F401
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, POSIX_LA, T0  # noqa: E402
from tests.recorder_sources_support import recent_footage  # noqa: E402,F401
from tests.test_gui_recorders import click, fill, window  # noqa: E402,F401

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def stages_of_an_export(qtbot, window, recent_footage, tmp_path) -> list[str]:  # noqa: F811
    """Every stage line the progress page showed exporting 6 s of a recorder's camera."""
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True,
                   zone=POSIX_LA) as sim:
        win = window()
        win.show_page("settings")
        settle(qtbot, win)
        click(qtbot, win.settings.add_recorder_button)
        dialog = win.settings.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, "hikvision")
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        dialog.channels.item(0, 2).setText("drive")
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.add_button)
        settle(qtbot, win)
        dialog.close()
        assert "drive" in win.ctx.agent.cameras()
        win.show_page("export")
        settle(qtbot, win)
        page = win.export
        page.set_time(page.start_edit, T0 + 2 * US)
        page.set_time(page.end_edit, T0 + 8 * US)
        page.cameras = ["drive"]
        click(qtbot, page.show_button)
        settle(qtbot, win, timeout=60000)
        stages = []   # the page's stage line as each report is shown (its slot runs first)
        win.ctx.bridge.jobProgress.connect(lambda *_: stages.append(win.progress.stage.text()))
        page.folder.setText(str(tmp_path / "exports"))
        click(qtbot, page.export_button)
        settle(qtbot, win, timeout=60000)
        assert win.progress.finished_ok is True, win.progress.result.text()
    return stages


def test_a_recorders_stages_are_the_apps_words(qtbot, window, recent_footage,
                                               tmp_path):  # noqa: F811
    stages = stages_of_an_export(qtbot, window, recent_footage, tmp_path)
    assert "drive (1 of 1): Asking the recorder for the footage" in stages, stages
    assert "drive (1 of 1): Downloading the footage from the recorder" in stages, stages


def test_they_read_in_spanish(qtbot, spanish, window, recent_footage, tmp_path):  # noqa: F811
    stages = stages_of_an_export(qtbot, window, recent_footage, tmp_path)
    assert "drive (1 de 1): Pidiendo las grabaciones a la grabadora" in stages, stages
    assert "drive (1 de 1): Descargando las grabaciones de la grabadora" in stages, stages
    assert not [s for s in stages if "recorder" in s], stages
