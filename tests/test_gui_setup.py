"""First run, settings, the activity log, manual export and the tray, driven by clicks and keys
against a real agent on real footage."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTime  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from agent.audit.log import AuditLog  # noqa: E402
from agent.requests.agencies import TrustStore  # noqa: E402
from agent.timebase import US  # noqa: E402
from demo.gui_data import AGENCY_ID, make_world  # noqa: E402
from frp.verify import verify_package  # noqa: E402
from gui.shell.tray import Tray  # noqa: E402
from gui.views import display  # noqa: E402
from gui.views.layout_names import layout_name  # noqa: E402
from tests.gui_support import ZONE, footage, settle  # noqa: E402,F401
from tests.gui_support import open_window as open_app_window  # noqa: E402


@pytest.fixture
def open_window(qtbot):
    made = []

    def make(home):
        window, agent = open_app_window(qtbot, home)
        made.append((window, agent))
        return window
    yield make
    for window, agent in made:
        window.shutdown()
        agent.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def nav(qtbot, window, title):
    row = [window.nav.item(i).text() for i in range(window.nav.count())].index(title)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton, pos=rect.center())
    settle(qtbot, window)


def test_first_run_walks_folder_clock_agency_and_leaves_registering_for_later(qtbot, open_window, footage,
                                                              tmp_path, monkeypatch):
    win = open_window(tmp_path / "home")
    assert win.pages.currentWidget() is win.first_run
    step = win.first_run.folder
    qtbot.keyClicks(step.path, str(footage[0] / "frigate"))
    click(qtbot, step.look_button)
    settle(qtbot, win)
    assert "Found 2 recordings" in step.found.text()
    # The recorder by the owner's name for it, not the agent's key (it read "Recorder: frigate").
    assert f"Recorder: {layout_name('frigate')}\n" in step.found.text(), step.found.text()
    assert "Recorder: frigate" not in step.found.text() and "Cameras: driveway" in step.found.text()
    assert step.layout_box.currentText() == layout_name("frigate") != "frigate"
    assert step.layout_box.currentData() == "frigate"
    step.tz.setCurrentText("UTC")
    click(qtbot, step.add_button)
    settle(qtbot, win)
    assert "Indexed 2 recordings" in step.status.text()
    agent = win.ctx.agent
    assert [s.layout for s in agent.sources()] == ["frigate"]
    before = agent.recordings("driveway")[0].start_us

    click(qtbot, win.first_run.next_button)
    settle(qtbot, win)
    clock = win.first_run.clock
    click(qtbot, clock.show_button)
    settle(qtbot, win)
    assert clock.frame_at is not None and not clock.picture.pixmap().isNull()
    # Frigate names its files in UTC (the folder's zone), which no phone held up to the camera
    # shows: the picture's time and the real time typed are this PC's (they were UTC, so an
    # owner typing their phone's time saved a clock 8 hours fast and moved every recording).
    shown = display.local(clock.frame_at, ZONE)
    assert f"{shown:%H:%M:%S}" in clock.says.text(), clock.says.text()
    assert clock.true_zone.text() == display.zone_words(clock.frame_at, ZONE) != "UTC"
    real = display.local(clock.frame_at - 5 * US, ZONE)   # the camera runs 5 s fast
    clock.true_time.setTime(QTime(real.hour, real.minute, real.second))
    click(qtbot, clock.save_button)
    settle(qtbot, win)
    assert "runs 5\u00a0s fast" in clock.status.text()
    assert agent.sources()[0].clock_offset_s == 5.0
    assert agent.recordings("driveway")[0].start_us == before - 5 * US

    click(qtbot, win.first_run.next_button)
    other = make_world(tmp_path / "w", tmp_path / "other-home", footage=footage)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(other.agency_file), ""))
    click(qtbot, win.first_run.agency.choose_button)
    settle(qtbot, win)
    kid = TrustStore(other.home).get(AGENCY_ID).fingerprints()[0]
    text = win.first_run.agency.result.text()
    assert "Example City Police Department" in text and kid in text and "+1-206-555-0100" in text

    click(qtbot, win.first_run.next_button)
    settle(qtbot, win)
    # Step 4 is the registration flow (tests/test_gui_registration.py registers through it);
    # its own Back returns to step 3, and "Not now" finishes setting up without registering.
    flow = win.first_run.registration
    assert not win.first_run.next_button.isVisible() and flow.next_button.isVisible()
    assert flow.invite.agency.currentText() == "Example City Police Department"
    assert "+1-206-555-0100" in flow.invite.readiness.text()
    assert sorted(flow.cameras.cards) == ["driveway"]
    click(qtbot, flow.back_button)
    assert win.first_run.steps.currentWidget() is win.first_run.agency
    click(qtbot, win.first_run.next_button)
    settle(qtbot, win)
    click(qtbot, flow.cancel_button)
    settle(qtbot, win)
    assert win.pages.currentWidget() is win.inbox
    assert TrustStore(agent.home).registrations() == {}


def test_a_folder_that_is_not_there_gets_a_plain_message(qtbot, open_window, tmp_path):
    win = open_window(tmp_path / "home")
    step = win.first_run.folder
    qtbot.keyClicks(step.path, str(tmp_path / "no-such-folder"))
    click(qtbot, step.look_button)
    settle(qtbot, win)
    assert "is not a folder" in step.found.text() and not step.add_button.isEnabled()


def test_a_folder_pasted_as_windows_copies_it_in_quotes_is_looked_at_and_added(
        qtbot, open_window, footage, tmp_path):
    """Explorer's Copy as path wraps the path in double quotes: pasted so, the folder just
    copied was 'not a folder' (gui/views/typed_paths.py)."""
    win = open_window(tmp_path / "home")
    step = win.first_run.folder
    folder = footage[0] / "frigate"
    qtbot.keyClicks(step.path, f'"{folder}"')
    click(qtbot, step.look_button)
    settle(qtbot, win)
    assert "Found 2 recordings" in step.found.text(), step.found.text()
    step.tz.setCurrentText("UTC")
    click(qtbot, step.add_button)
    settle(qtbot, win)
    assert "Indexed 2 recordings" in step.status.text(), step.status.text()
    assert [s.root for s in win.ctx.agent.sources()] == [str(folder)]


def test_settings_are_saved_and_an_agency_can_be_removed(qtbot, open_window, footage, tmp_path,
                                                         monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Yes)   # "Remove it"
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    page = win.settings
    assert page.sources.rowCount() == 2 and page.agencies.table.rowCount() == 1
    assert page.agencies.table.item(0, 1).text() == "+1-206-555-0100"
    click(qtbot, page.holds)
    page.poll.setValue(10)
    page.rate.setValue(8)
    for box in (page.poll, page.rate):   # a number is not stretched across the window
        assert box.width() <= 2 * box.sizeHint().width() < page.width() // 2
    click(qtbot, page.save_button)
    settle(qtbot, win)
    saved = json.loads((world.home / "settings.json").read_text())
    assert saved["holds_on_new_request"] is True and saved["poll_interval_s"] == 600
    assert saved["upload_rate_limit_bps"] == 1_000_000
    assert win.ctx.agent.settings.poll_interval_s == 600
    desk = win.ctx.agent.requests  # the running desk uses them too, without a restart
    assert desk.settings.holds_on_new_request and desk.policy.interval_s == 600
    assert desk.settings.upload_rate_limit_bps == 1_000_000
    page.agencies.table.selectRow(0)
    click(qtbot, page.agencies.remove_button)
    settle(qtbot, win)
    assert page.agencies.table.rowCount() == 0 and TrustStore(world.home).list() == []


def test_a_camera_renamed_in_settings_holds_everywhere(qtbot, open_window, footage, tmp_path,
                                                       monkeypatch):
    from PySide6.QtWidgets import QDialog, QInputDialog

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    page = win.settings
    names = [page.cameras.item(r, 0).text() for r in range(page.cameras.rowCount())]
    assert names == ["driveway", "porch"]
    monkeypatch.setattr(QInputDialog, "exec",   # the owner types "front porch" and presses OK
                        lambda box: box.setTextValue("front porch") or QDialog.Accepted)
    page.cameras.selectRow(1)
    click(qtbot, page.rename_button)
    settle(qtbot, win)
    assert [page.cameras.item(r, 0).text() for r in range(page.cameras.rowCount())] == [
        "driveway", "front porch"]
    assert page.cameras.item(1, 3).text() == "porch"
    assert "'porch' is now called 'front porch'" in page.status.text()
    assert win.ctx.agent.cameras() == ["driveway", "front porch"]
    assert AuditLog(world.home).entries()[-1]["event"] == "camera-rename"


def test_log_lists_decisions_and_notices_an_altered_line(qtbot, open_window, footage, tmp_path,
                                                         monkeypatch):
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win = open_window(world.home)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(world.request_file), ""))
    click(qtbot, win.inbox.import_button)
    settle(qtbot, win)
    nav(qtbot, win, "Activity log")
    page = win.log
    assert page.table.rowCount() == len(AuditLog(world.home).entries()) >= 1
    assert page.table.item(0, 1).text() == "Request received"
    click(qtbot, page.verify_button)
    settle(qtbot, win)
    assert page.verdict.text().startswith("\u2714 The log is intact")
    log = world.home / "audit.log"
    log.write_text(log.read_text().replace("2026-118842", "2026-000000"))
    click(qtbot, page.verify_button)
    settle(qtbot, win)
    assert page.verdict.text().startswith("The log was altered")


def test_manual_export_writes_verified_packages_to_the_chosen_folder(qtbot, open_window, footage,
                                                                     tmp_path):
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win = open_window(world.home)
    nav(qtbot, win, "Export a clip")
    page = win.export
    assert sorted(page.strip.timelines) == ["driveway", "porch"]
    page.set_time(page.start_edit, world.start_us + US)
    page.set_time(page.end_edit, world.start_us + 7 * US)
    click(qtbot, page.show_button)
    settle(qtbot, win)
    assert page.strip.selection() == (world.start_us + US, world.start_us + 7 * US)
    out = tmp_path / "usb stick"
    page.folder.clear()
    qtbot.keyClicks(page.folder, f'"{out}"')   # pasted as Explorer's Copy as path gives it
    text = page.summary.text()
    # 6 s of driveway + 4 s of porch (a 2 s gap), each starting at its next keyframe 1 s later
    assert "Video: 8\u00a0s in all" in text and f"To: the folder {out}" in text
    assert "driveway: starts 1.0\u00a0s after your start" in text
    click(qtbot, page.exact_mode)
    assert "Video: 10\u00a0s in all" in page.summary.text()
    click(qtbot, page.export_button)
    assert win.pages.currentWidget() is win.progress
    # an export by hand sends nothing: the page does not speak of sending
    assert "sent" not in win.progress.result.text() and "complete" in win.progress.result.text()
    settle(qtbot, win, timeout=60000)
    assert win.progress.finished_ok is True, win.progress.result.text()
    packages = sorted(out.iterdir())
    assert len(packages) == 2
    for pkg in packages:
        assert verify_package(pkg).ok


def test_the_export_page_finds_cameras_a_later_scan_indexed(qtbot, open_window, footage,
                                                            tmp_path):
    win = open_window(tmp_path / "home")   # no folder yet: the set-up page
    nav(qtbot, win, "Export a clip")
    assert win.export.cameras == [] and not win.export.strip.timelines
    win.ctx.agent.add_source(footage[0] / "frigate", tz="UTC", layout="frigate")
    win.ctx.bridge.call("scan", win.ctx.agent.scan, lambda _r: None)
    settle(qtbot, win)
    assert win.export.cameras == ["frigate"] and list(win.export.strip.timelines) == ["frigate"]


def test_cancelled_export_leaves_no_package(qtbot, open_window, footage, tmp_path):
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win = open_window(world.home)
    nav(qtbot, win, "Export a clip")
    out = tmp_path / "out"
    win.export.folder.setText(str(out))
    click(qtbot, win.export.export_button)
    click(qtbot, win.progress.cancel_button)
    settle(qtbot, win, timeout=60000)
    assert win.progress.stage.text() == "Cancelled"
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_closing_keeps_running_in_the_tray_only_when_there_is_one(qtbot, open_window, tmp_path,
                                                                  monkeypatch):
    win = open_window(tmp_path / "home")
    assert win.ctx.agent.settings.keep_running_in_tray
    monkeypatch.setattr(Tray, "available", property(lambda self: True))
    win.close()
    assert not win.isVisible() and win.tray.notifications[-1][0] == "Still watching"
    win.bring_up()
    assert win.isVisible()
    monkeypatch.setattr(Tray, "available", property(lambda self: False))
    win.close()   # no tray to come back from: the window really closes
    assert not win.isVisible() and len(win.tray.notifications) == 1


def test_settings_lists_a_damaged_agency_file_as_damaged(qtbot, open_window, footage, tmp_path):
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    path = next((world.home / "agencies").iterdir())
    doc = json.loads(path.read_text())
    doc["keys"]["keys"][0]["kid"] = "tampered"
    path.write_text(json.dumps(doc))
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    page = win.settings
    assert page.agencies.table.rowCount() == 1
    assert page.agencies.table.item(0, 0).text() == f"\u2718 Damaged agency file {path.name}"
    assert "thumbprint" in page.agencies.table.item(0, 2).text()
    assert page.agencies.table.item(0, 1).text() == "not trusted"


def test_an_agency_file_changed_in_place_is_listed_as_changed_and_accepted_again_in_settings(
        qtbot, open_window, footage, tmp_path, monkeypatch):
    """The attacker hunt: an agency file changed in place (here its phone) is not trusted
    until the owner accepts it again; Settings says what changed, the number they accepted
    and the fingerprints to compare, and Accept again shows the change before trusting it."""
    from PySide6.QtWidgets import QMessageBox

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    kept = next((world.home / "agencies").iterdir())
    kept.write_text(json.dumps({**json.loads(kept.read_text()), "phone": "+1-900-555-0199"}))
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text())
                        or QMessageBox.Yes)
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    panel = win.settings.agencies
    assert panel.table.rowCount() == 1 and panel.accept_button.isVisible()
    assert panel.table.item(0, 0).text() == f"\u2718 Changed agency file {kept.name}"
    problem = panel.table.item(0, 2).text()
    assert "changed since you accepted it (phone)" in problem and "+1-206-555-0100" in problem
    assert "press Accept again" in problem and "footage-agent" not in problem
    panel.table.selectRow(0)
    click(qtbot, panel.accept_button)
    settle(qtbot, win)
    (question,) = asked
    assert "+1-206-555-0100 \u2192 +1-900-555-0199" in question
    assert TrustStore(world.home).get(AGENCY_ID).phone == "+1-900-555-0199"
    assert panel.table.item(0, 1).text() == "+1-900-555-0199"
    assert not panel.accept_button.isVisible()


def test_settings_lists_a_copy_of_an_agency_file_as_not_trusted_and_where_to_move_it(
        qtbot, open_window, footage, tmp_path):
    """A sync program's copy of the agency's file (trust hunt 2) is listed beside the agency,
    not trusted, saying to move it out of the folder: importing the agency's file again,
    which the other damaged rows advise, would leave it there."""
    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    kept = next((world.home / "agencies").iterdir())
    copy = kept.with_name("police (1).json")
    copy.write_bytes(kept.read_bytes())
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    table = win.settings.agencies.table
    assert table.rowCount() == 2
    assert table.item(1, 0).text() == f"\u2718 Damaged agency file {copy.name}"
    problem = table.item(1, 2).text()
    assert f"move it out of {kept.parent}" in problem and "again to replace" not in problem


def test_a_damaged_recording_stops_the_export_until_the_owner_accepts_the_loss(
        qtbot, open_window, tmp_path):
    import time as _time

    from demo.gui_data import write_footage
    from tests.test_dropped_frames import damage

    rec = tmp_path / "rec"
    start = (int(_time.time()) - 3600) * US
    write_footage(rec, start, 8.0)
    first = sorted((rec / "frigate").rglob("*.mp4"))[0]
    damage(first, 15)                        # 1.5 s in: inside the head an exact cut decodes
    world = make_world(tmp_path / "w", tmp_path / "home", footage=(rec, start))
    win = open_window(world.home)
    out = tmp_path / "out"

    def export(accept: bool):
        nav(qtbot, win, "Export a clip")
        page = win.export
        page.set_time(page.start_edit, start + US)
        page.set_time(page.end_edit, start + 3 * US)
        click(qtbot, page.show_button)
        settle(qtbot, win)
        page.folder.setText(str(out))
        click(qtbot, page.exact_mode)
        page.options.damaged.setChecked(accept)
        click(qtbot, page.export_button)
        settle(qtbot, win, timeout=60000)
        return win.progress

    progress = export(accept=False)
    assert progress.finished_ok is False
    assert "could not be decoded" in progress.result.text()
    assert "Go on even if damaged frames must be left out" in progress.result.text()
    progress = export(accept=True)
    assert progress.finished_ok is True, progress.result.text()
    assert "1 damaged frame could not be decoded and was left out" in progress.result.text()
    (driveway,) = [p for p in out.iterdir() if "driveway" in p.name]
    provenance = json.loads((driveway / "data" / "provenance.json").read_text())
    assert provenance["cut"]["dropped_frames"] == 1


def test_settings_asks_before_an_agency_file_replaces_a_trusted_agencys_details(
        qtbot, open_window, footage, tmp_path, monkeypatch):
    """Trust hunt finding 7, in the app: importing a file with a trusted agency's id but
    another phone, key and portal replaced it with the words 'Added ...'. Now the owner is
    shown what changes and which registrations would be forgotten, and may say no."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from PySide6.QtWidgets import QMessageBox

    from frp import jws

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    forged = {**json.loads(world.agency_file.read_text()), "phone": "+1-555-0199",
              "portal": "https://frp.evil.example/v1",
              "keys": {"keys": [jws.public_jwk(Ed25519PrivateKey.generate())]}}
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(forged))
    asked, answers = [], [QMessageBox.Cancel, QMessageBox.Yes]

    def answer(box):
        asked.append(box.text())
        return answers.pop(0)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    page = win.settings
    click(qtbot, page.agencies.add_button)
    settle(qtbot, win)
    (question,) = asked
    assert "Call-back number: +1-206-555-0100 \u2192 +1-555-0199" in question
    assert "Portal: " in question and "https://frp.evil.example/v1" in question
    assert f"({world.registration}) will be forgotten" in question
    assert page.status.text().startswith("Nothing was changed")
    store = TrustStore(world.home)
    assert store.get(AGENCY_ID).phone == "+1-206-555-0100"
    assert store.registrations() == {AGENCY_ID: [world.registration]}

    click(qtbot, page.agencies.add_button)
    settle(qtbot, win)
    assert len(asked) == 2 and page.status.text().startswith("Replaced the details of")
    assert store.get(AGENCY_ID).phone == "+1-555-0199" and store.registrations() == {}
    assert page.agencies.table.item(0, 1).text() == "+1-555-0199"
