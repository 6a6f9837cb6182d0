"""Removing a camera the recorder no longer has, in the app (recorders hunt). Seen: `cameras
remove CAMERA` let such a camera's mirrored recordings go on the command line only; the app
had no button for it, and the words every refresh said of the camera ("... is no longer among
the recorder's cameras, so it was not refreshed. Its recordings found before are kept ...")
named nothing the owner could do. Now Settings' Cameras list has Remove camera…, which asks
first (Cancel keeps everything), and the words say how, in the app and on the command line,
in Spanish too. Against the simulator over HTTPS, the app offscreen; QMessageBox.exec is
answered by the test (a modal question would wait for a person)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from agent.index import unrefreshed  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import settle, spanish  # noqa: E402,F401
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, recent_footage  # noqa: E402,F401
from tests.test_gui_recorders import window  # noqa: E402,F401
from tests.test_recorder_faults import address  # noqa: E402

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def remote(agent, camera: str) -> list:
    return [r for r in agent.recordings() if r.status == "remote" and r.camera == camera]


def choose(page, camera: str) -> None:
    names = [page.cameras.item(r, 0).text() for r in range(page.cameras.rowCount())]
    page.cameras.setCurrentCell(names.index(camera), 0)


def test_settings_removes_a_camera_gone_from_its_recorder_after_asking(
        qtbot, window, recent_footage, monkeypatch):  # noqa: F811
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    asked, answers = [], [QMessageBox.Cancel, QMessageBox.Yes]
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: asked.append(box.text()) or answers.pop(0))
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        win = window()
        agent = win.ctx.agent
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        del sim.device.catalogue.channels[1]   # Driveway taken off the recorder
        (report,) = agent.scan()
        assert report.problems == (unrefreshed.CHANNEL_GONE.format(camera="nvr/Driveway"),)
        win.show_page("settings")
        settle(qtbot, win)
        page = win.settings
        assert page.remove_camera_button.isVisible()
        choose(page, "nvr/Driveway")
        qtbot.mouseClick(page.remove_camera_button, Qt.LeftButton)   # Cancel
        settle(qtbot, win)
        assert len(asked) == 1 and "nvr/Driveway" in asked[0], asked
        assert "Nothing on the recorder is changed" in asked[0], asked[0]
        assert page.status.text() == "Nothing was removed."
        assert len(remote(agent, "nvr/Driveway")) == 3
        qtbot.mouseClick(page.remove_camera_button, Qt.LeftButton)   # Yes
        settle(qtbot, win)
        assert remote(agent, "nvr/Driveway") == [] and len(remote(agent, "nvr/Porch")) == 1
        assert page.status.text().startswith("Removed nvr/Driveway"), page.status.text()
        shown = [page.cameras.item(r, 0).text() for r in range(page.cameras.rowCount())]
        assert "nvr/Driveway" not in shown and "nvr/Porch" in shown, shown
        assert agent.recorders()[0].problem is None
        # A camera the recorder still has: refused in words, nothing let go.
        choose(page, "nvr/Porch")
        qtbot.mouseClick(page.remove_camera_button, Qt.LeftButton)
        settle(qtbot, win)
    assert "still among the recorder's cameras" in page.status.text(), page.status.text()
    assert len(remote(agent, "nvr/Porch")) == 1 and len(asked) == 2, asked


def test_remove_camera_on_a_camera_its_recorder_still_lists_asks_nothing_and_says_why(
        qtbot, window, recent_footage, monkeypatch):  # noqa: F811
    """GUI hunt: Remove camera chosen on a camera the recorder still lists asked "Remove the
    camera nvr/Porch, which is no longer among its recorder's cameras, from the app?", untrue,
    and was refused only after Yes. Settings now knows, from the recorder's channels as its
    last refresh found them (read with the lists, off the GUI thread), that it is still
    listed: nothing is asked, and it says why and what to do instead."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text())
                        or QMessageBox.Yes)
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        win = window()
        agent = win.ctx.agent
        url = address(sim, agent, "hikvision")
        agent.add_recorder(url, PASSWORD, name="nvr")
        agent.scan()
        win.show_page("settings")
        settle(qtbot, win)
        page = win.settings
        choose(page, "nvr/Porch")
        qtbot.mouseClick(page.remove_camera_button, Qt.LeftButton)
        settle(qtbot, win)
    assert asked == []
    root = agent.recorders()[0].url
    assert page.status.text() == (
        "nvr/Porch is still among the recorder's cameras, so its recordings would be mirrored "
        f"again at its next refresh: to stop mirroring them, remove the recorder {root} "
        "above."), page.status.text()
    assert len(remote(agent, "nvr/Porch")) == 1


def test_the_words_for_a_camera_gone_from_its_recorder_say_how_to_let_it_go(spanish):  # noqa: F811
    from gui.views import removing
    from gui.views.core_words import in_owner_language

    said = unrefreshed.CHANNEL_GONE.format(camera="nvr/Driveway")
    assert "`footage-agent cameras remove` with this camera's name lets them go" in said
    app = in_owner_language(said)
    assert "«nvr/Driveway» ya no figura" in app, app
    assert "pulse Quitar la cámara" in app and "footage-agent" not in app, app
    assert in_owner_language(said, advice=False).count("footage-agent cameras remove") == 1
    assert "Nada" not in removing.camera_question("nvr/Driveway")
    assert "«nvr/Driveway»" in removing.camera_question("nvr/Driveway")
    assert removing.camera_title() == "¿Quitar esta cámara?"
    assert removing.still_listed("nvr/Porch", "https://nvr").startswith(
        "«nvr/Porch» aún figura entre las cámaras de la grabadora")


def test_remove_camera_on_a_folders_camera_asks_nothing_and_says_where_to_remove_it(
        qtbot, window, recent_footage, monkeypatch, tmp_path):  # noqa: F811
    """Remove camera chosen on a recordings folder's camera asked "Remove the camera X, which
    is no longer among its recorder's cameras, from the app?", a question about a recorder,
    and only then was refused. Now nothing is asked: the owner is told to remove its folder."""
    import shutil

    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text())
                        or QMessageBox.Yes)
    folder = tmp_path / "porch"
    shutil.copytree(next(recent_footage.glob("02*")), folder)
    win = window()
    agent = win.ctx.agent
    agent.add_source(folder, camera="porch")
    agent.scan()
    assert agent.cameras() == ["porch"]
    win.show_page("settings")
    settle(qtbot, win)
    page = win.settings
    choose(page, "porch")
    qtbot.mouseClick(page.remove_camera_button, Qt.LeftButton)
    settle(qtbot, win)
    assert asked == []
    assert page.status.text() == ("porch is the camera of a recordings folder: to remove it, "
                                  "remove its folder above."), page.status.text()
    assert agent.cameras() == ["porch"]
