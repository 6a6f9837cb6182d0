"""Adding a recorder on the network in the app, against the simulator over HTTPS: first run's
step and Settings open the same steps (address, make, user, password, test the connection in a
job, the certificate's fingerprint, the channels with their names, the owner's names); the
recorder's cameras then have timelines with thumbnails fetched on demand, and export to
verified packages. Errors read in plain words, and nothing is kept after them."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from frp.verify import verify_package  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import settle  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.gui_support import open_window as open_app_window  # noqa: E402
from tests.recorder_sources_support import (IANA_LA, PASSPHRASE, PASSWORD, POSIX_LA, T0,  # noqa: E402
                                            recent_footage)
from tests.recorder_support import VENDORS  # noqa: E402

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["recent_footage"]


@pytest.fixture
def window(qtbot, tmp_path):
    made = []

    def make():
        win, agent = open_app_window(qtbot, tmp_path / "home")
        made.append((win, agent))
        return win
    yield make
    for win, agent in made:
        win.shutdown()
        agent.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def fill(qtbot, dialog, sim, vendor, password=PASSWORD):
    qtbot.keyClicks(dialog.address, sim.url)
    dialog.make.setCurrentIndex([dialog.make.itemData(i) for i in range(dialog.make.count())]
                                .index(vendor))
    if vendor == "dahua":
        dialog.zone.setCurrentText(IANA_LA)
    qtbot.keyClicks(dialog.password, password)


@pytest.mark.parametrize("vendor", VENDORS)
def test_first_run_adds_a_recorder_whose_cameras_preview_and_export(vendor, qtbot, window,
                                                                     recent_footage, tmp_path):
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True, zone=POSIX_LA,
                   clock_offset_s=3 * 3600) as sim:
        win = window()
        step = win.first_run.folder
        click(qtbot, step.recorder_button)
        dialog = step.recorder_dialog
        assert dialog.isVisible() and not dialog.add_button.isEnabled()
        settle(qtbot, win)
        assert dialog.passphrase.isVisibleTo(dialog)   # no keychain here: the passphrase
        fill(qtbot, dialog, sim, vendor)
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        facts = dialog.facts.text()
        shown = ":".join(sim.fingerprint.upper()[i:i + 2] for i in range(0, 64, 2))
        assert shown in facts and "Compare it with the one" in facts
        assert "3 h ahead" in facts and vendor.capitalize() in facts   # its make, as written
        assert [dialog.channels.item(r, 1).text() for r in range(2)] == ["Driveway", "Porch"]
        assert dialog.add_button.isEnabled()
        dialog.name.setText("nvr")
        dialog.channels.item(0, 2).setText("drive")
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.add_button)
        assert dialog.password.text() == ""   # never shown again
        settle(qtbot, win)
        assert "\u2714 Added" in dialog.status.text(), dialog.status.text()
        assert "drive, nvr/Porch" in dialog.status.text()
        agent = win.ctx.agent
        assert sorted(agent.cameras()) == ["drive", "nvr/Porch"]
        assert [r.status for r in agent.recordings("drive")] == ["remote"] * 3
        assert "Added the recorder" in step.status.text()
        dialog.close()

        # Its cameras are on the export page; their thumbnails come from the recorder.
        win.show_page("export")
        settle(qtbot, win)
        page = win.export
        page.set_time(page.start_edit, T0 + 2 * US)
        page.set_time(page.end_edit, T0 + 8 * US)
        page.cameras = ["drive"]
        click(qtbot, page.show_button)
        settle(qtbot, win, timeout=60000)
        assert page.strip.timelines["drive"].thumbs
        assert (agent.home / "cache" / "recorders" / "previews").is_dir()
        out = tmp_path / "exports"
        page.folder.setText(str(out))
        click(qtbot, page.export_button)
        settle(qtbot, win, timeout=60000)
        assert win.progress.finished_ok is True, win.progress.result.text()
    (package,) = sorted(out.iterdir())
    assert verify_package(package).ok
    assert '"recorder"' in (package / "data" / "provenance.json").read_text()


def test_settings_adds_a_recorder_and_a_wrong_password_reads_plainly(qtbot, window, recent_footage):
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        win = window()
        win.show_page("settings")
        settle(qtbot, win)
        page = win.settings
        click(qtbot, page.add_recorder_button)
        dialog = page.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, "hikvision", password="not the password")
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        assert "refused the user name or password" in dialog.status.text()
        assert not dialog.add_button.isEnabled() and sim.device.failures == 1
        assert win.ctx.agent.sources() == []
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, PASSWORD)
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.add_button)
        settle(qtbot, win)
        assert "\u2714 Added" in dialog.status.text(), dialog.status.text()
        settle(qtbot, win)
        rows = [page.sources.item(r, 0).text() for r in range(page.sources.rowCount())]
        assert rows == [sim.url]
        assert "mirrored" in page.sources.item(0, 3).text()


def test_tab_leaves_the_channels_table(qtbot, window, recent_footage):
    """New-user hunt: Tab went round the channels' cells for ever, so a keyboard user could
    not reach "Trust this certificate and add the recorder" under them."""
    with Simulator(recent_footage, VENDORS[0], "admin", PASSWORD, tls=True,
                   zone=POSIX_LA) as sim:
        win = window()
        step = win.first_run.folder
        click(qtbot, step.recorder_button)
        dialog = step.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, VENDORS[0])
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        table = dialog.channels
        assert table.rowCount() == 2
        table.setCurrentCell(0, 2)
        table.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key_Tab)
        assert not table.hasFocus()
        dialog.close()


def test_testing_a_recorder_whose_certificate_changed_sends_nothing_until_the_owner_compares(
        qtbot, window, recent_footage, monkeypatch):
    """Recorders hunt (security): Test sent the password to the device at a recorder's address
    and only then said its certificate was not the one trusted before, so a device in the
    middle had it. Now both certificates are shown and nothing is sent until the owner ticks
    that the new one is the recorder's own (a reset recorder); then the new one is pinned."""
    from agent.recorders.connect import RecorderAddress

    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    win = window()
    agent = win.ctx.agent
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
    trusted = sim.fingerprint
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True, port=sim.port) as new:
        win.show_page("settings")
        settle(qtbot, win)
        click(qtbot, win.settings.add_recorder_button)
        dialog = win.settings.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, new, "reolink")
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        assert new.device.log == []   # not one request: the password never left
        said = dialog.facts.text()
        for fingerprint in (trusted, new.fingerprint):
            assert agent.fingerprint_words(fingerprint) in said, said
        assert dialog.compared.isVisible() and not dialog.add_button.isEnabled()
        click(qtbot, dialog.test_button)   # again, without saying it was compared
        settle(qtbot, win)
        assert new.device.log == [] and not dialog.add_button.isEnabled()
        dialog.compared.setChecked(True)
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        assert new.device.log and dialog.add_button.isEnabled(), dialog.status.text()
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.add_button)
        settle(qtbot, win)
        assert "\u2714 Added" in dialog.status.text(), dialog.status.text()
        assert [r.fingerprint for r in agent.recorders()] == [new.fingerprint]


def test_a_recorder_that_could_not_be_asked_is_said_above_every_page_until_it_answers(
        qtbot, window, recent_footage):
    """Recorders hunt: a refresh of a recorder that failed (its answers garbled, or it was
    unplugged) left the app saying "Recordings index is up to date." and nothing else, while
    its cameras' timelines showed what it held hours before. It is said above every page, as
    a folder that cannot be read is, until a look again finds it answering."""
    from agent.views import RecorderAddress

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        win = window()
        agent = win.ctx.agent
        agent.use_recorder_passphrase(PASSPHRASE)
        agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.faults.add("garbage")
        agent.scan()
        settle(qtbot, win)
        said = win.folder_problems.label.text()
        assert win.folder_problems.isVisible() and sim.url in said, said
        assert "does not answer as a Hikvision recorder" in said
        assert "up to date" not in win.statusBar().currentMessage()
        sim.device.faults.clear()
        click(qtbot, win.folder_problems.retry_button)
        settle(qtbot, win)
        assert not win.folder_problems.isVisible(), win.folder_problems.label.text()


def test_testing_a_recorder_whose_clock_reads_a_reset_date_says_so(qtbot, window,
                                                                    recent_footage):
    """Recorders hunt: the test of a recorder whose clock read 2000-01-01 said "The recorder's
    clock is 236112 h 47 min behind this computer's; its recordings are placed at the true
    time", where none would be read by that clock."""
    import time

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True,
                   clock_offset_s=946684800 - time.time()) as sim:
        win = window()
        step = win.first_run.folder
        click(qtbot, step.recorder_button)
        dialog = step.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, "hikvision")
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        facts = dialog.facts.text()
        dialog.close()
    assert ("The recorder's clock is more than a year from this computer's, so it was most "
            "likely reset: nothing is mirrored from it until its clock is set right.") in facts
    assert " h " not in facts and "true time" not in facts, facts


def test_a_recorder_named_past_a_camera_names_length_is_added_by_its_step(
        qtbot, window, recent_footage):
    """Recorders hunt: the step filled its name box with the device's own name as it came; one
    past 120 characters was refused once Add was pressed ("a camera name is at most 120
    characters"), though the owner typed none. It is offered cut to fit, as a folder's is."""
    device = "Garage NVR " * 12   # 132 characters
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        sim.device.name = device
        win = window()
        step = win.first_run.folder
        click(qtbot, step.recorder_button)
        dialog = step.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, "reolink")
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        assert dialog.name.text() == device[:120].rstrip()
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.add_button)
        settle(qtbot, win)
        status = dialog.status.text()
        dialog.close()
    assert "\u2714 Added" in status, status
    from agent.index.camera_names import camera_name

    named = device[:120].rstrip()
    assert sorted(win.ctx.agent.cameras()) == [camera_name(named, "Driveway", True),
                                               camera_name(named, "Porch", True)]
    assert all(len(c) <= 120 for c in win.ctx.agent.cameras())


def test_settings_says_a_recorder_added_while_its_clock_was_reset_has_no_offset_yet(
        qtbot, tmp_path, recent_footage, spanish, monkeypatch):
    """Recorders hunt: Settings' list of folders and recorders gave a recorder added while its
    clock read 2000-01-01 the clock "runs 9838 days 19 h slow", an offset nothing is placed
    by (its refresh mirrors nothing by that clock). It says the offset is not known yet, in
    the owner's language, until a refresh finds the clock set right."""
    import time

    from agent.service import Agent
    from tests.test_recorder_faults import address

    home = tmp_path / "home"
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True,
                   clock_offset_s=946684800 - time.time()) as sim:
        monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
        agent = Agent(home)
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        agent.close()
    win, agent = open_app_window(qtbot, home)
    try:
        win.show_page("settings")
        settle(qtbot, win)
        shown = win.settings.sources
        (offset,) = [shown.item(r, shown.columnCount() - 1).text()
                     for r in range(shown.rowCount())]
    finally:
        win.shutdown()
        agent.close()
    assert offset == "aún no se conoce: el reloj de la grabadora se reinició", offset
