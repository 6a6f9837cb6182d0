"""A new owner's first hour, page by page as the user guide walks it: what each page says
before there is anything to show (no recordings folder, no registration), in real windows on a
real agent."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402

from tests.gui_support import footage, open_window, settle, spanish, win  # noqa: E402,F401
from tests.recorder_sources_support import recent_footage  # noqa: E402,F401


@pytest.fixture
def fresh(qtbot, tmp_path):
    """The app on a home that has never been set up."""
    window, agent = open_window(qtbot, tmp_path / "home")
    yield window
    window.shutdown()
    agent.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def test_the_clock_step_says_it_needs_a_folder_until_one_is_added(qtbot, fresh, footage):
    steps = fresh.first_run
    click(qtbot, steps.next_button)
    settle(qtbot, fresh)
    clock = steps.clock
    assert steps.steps.currentWidget() is clock
    # An empty list and a clock at 00:00:00 said nothing; the guide says the step needs a folder.
    assert "No recordings folder yet" in clock.says.text()
    assert "Next" in clock.says.text()
    assert not clock.show_button.isEnabled() and not clock.true_time.isEnabled()

    click(qtbot, steps.back_button)
    folder = steps.folder
    folder.path.setText(str(footage[0] / "frigate"))
    click(qtbot, folder.look_button)
    settle(qtbot, fresh)
    click(qtbot, folder.add_button)
    settle(qtbot, fresh)
    click(qtbot, steps.next_button)
    settle(qtbot, fresh)
    assert clock.says.text() == "" and clock.show_button.isEnabled()
    assert clock.source_box.count() == 1


def test_an_empty_request_list_says_to_register_before_any_registration(qtbot, spanish, fresh):
    fresh.show_page("inbox")
    settle(qtbot, fresh)
    empty = fresh.inbox.empty
    assert empty.isVisible() and not fresh.inbox.table.isVisible()
    # It promised requests "when an agency you trust asks", which none can before registering.
    assert "Registrarse con una agencia" in empty.text(), empty.text()
    assert "código de invitación" in empty.text()


def test_an_empty_request_list_once_registered_says_requests_arrive_by_themselves(qtbot, win):
    win.show_page("inbox")
    settle(qtbot, win)
    assert win.ctx.agent.registration_views()
    assert win.inbox.empty.text().startswith("No requests yet. When an agency you trust asks")
    assert "invite code" not in win.inbox.empty.text()


def test_looking_at_a_folder_that_holds_the_apps_own_says_to_choose_the_recorders(
        qtbot, fresh, tmp_path):
    # The window's home is tmp_path/home: tmp_path stands for the whole drive or user folder an
    # owner picks by mistake. It was "Found ... recordings" and could be added and scanned.
    (tmp_path / "Videos").mkdir()
    step = fresh.first_run.folder
    step.path.setText(str(tmp_path))
    click(qtbot, step.look_button)
    settle(qtbot, fresh)
    assert "holds footage-agent's own folder" in step.found.text(), step.found.text()
    assert "Choose the folder your recorder" in step.found.text()
    assert not step.add_button.isEnabled() and step.camera.text() == ""
    assert fresh.ctx.agent.sources() == []


def test_a_recorder_added_says_where_its_password_is_kept_in_the_owners_words(
        qtbot, spanish, fresh, recent_footage, cheap_scrypt):
    # It read "The password is kept in encrypted file." (the core's key), in English in the
    # Spanish app too.
    from nvrsim.server import Simulator
    from tests.recorder_sources_support import PASSPHRASE, PASSWORD

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        step = fresh.first_run.folder
        click(qtbot, step.recorder_button)
        dialog = step.recorder_dialog
        settle(qtbot, fresh)
        dialog.address.setText(sim.url)
        dialog.make.setCurrentIndex(dialog.make.findData("hikvision"))
        dialog.password.setText(PASSWORD)
        click(qtbot, dialog.test_button)
        settle(qtbot, fresh)
        dialog.passphrase.setText(PASSPHRASE)
        click(qtbot, dialog.add_button)
        settle(qtbot, fresh)
        said = dialog.status.text()
        dialog.close()
    assert said.startswith("\u2714 ") and "NVR/Driveway" in said, said
    assert "cifrad" in said and "frase de contraseña" in said, said
    assert "encrypted file" not in said and "keychain" not in said


def test_recorder_passwords_kept_encrypted_are_unlocked_from_the_line_above_the_pages(
        qtbot, tmp_path, recent_footage, cheap_scrypt, monkeypatch):
    # No keychain: a recorder added with a passphrase, the app started again. The recorder was
    # "password locked: ... enter it", and there was nowhere to enter it.
    from agent.service import Agent
    from agent.views import RecorderAddress
    from nvrsim.server import Simulator
    from tests.recorder_sources_support import PASSPHRASE, PASSWORD

    monkeypatch.delenv("FOOTAGE_AGENT_PASSPHRASE", raising=False)
    home = tmp_path / "home"
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        first = Agent(home)
        try:
            assert "passphrase" in first.recorder_passwords_kept_in()   # no keychain here
            first.use_recorder_passphrase(PASSPHRASE)
            first.add_recorder(RecorderAddress(sim.url, "hikvision", "admin",
                                               first.look_at_recorder(sim.url)), PASSWORD)
        finally:
            first.close()
        window, agent = open_window(qtbot, home)
        try:
            lock = window.recorder_lock
            assert lock.isVisible() and not window.key_lock.isVisible()
            assert "recorders' passwords" in lock.label.text()
            (before,) = agent.recorders()
            lock.passphrase.setText("not the passphrase")
            click(qtbot, lock.unlock_button)
            settle(qtbot, window)
            assert lock.isVisible() and "could not be unlocked" in lock.status.text()
            lock.passphrase.setText(PASSPHRASE)
            click(qtbot, lock.unlock_button)
            settle(qtbot, window)
            assert not lock.isVisible() and lock.passphrase.text() == ""
            (rec,) = agent.recorders()   # asked again at once, with its password
            assert rec.refreshed_us > before.refreshed_us and not rec.problem, rec.problem
            assert sim.device.failures == 0
        finally:
            window.shutdown()
            agent.close()


def test_a_new_request_is_announced_with_its_minutes_its_deadline_and_the_owners_choice(
        qtbot, win, monkeypatch):
    # It said only "<agency> asks about case <case>. Open the app to review.": not which
    # minutes, not by when, not that the owner may say no.
    from gui.views import display
    from tests.test_gui_announce import said_aloud

    heard = said_aloud(monkeypatch)
    shown = []
    monkeypatch.setattr(win.tray, "notify", lambda title, text: shown.append((title, text)))
    win.ctx.agent.requests.import_request(win.ctx.agent.home.parent / "world" / "request.jws")
    win.inbox.refresh()
    settle(qtbot, win)
    (v,) = win.inbox.views
    ((title, text),) = shown
    assert title == "New footage request" and any(text in words for words in heard)
    assert display.window(v.window_start_us, v.window_end_us, win.ctx.zone) in text
    assert f"Answer by {display.day_time(v.expires_at_us, win.ctx.zone)}" in text
    assert "you may say no" in text and v.case in text


@pytest.mark.parametrize("kept", ["9e999", "'NaN'"])
def test_a_clock_offset_an_older_version_saved_unusable_is_set_again_in_the_app(
        qtbot, spanish, tmp_path, footage, kept):
    """An index whose folder keeps an infinite (or not-a-number) clock offset, as an older
    version could save: the scan's "set it again with `footage-agent sources add ...`" reached
    the line above the pages in English with a command to type, Settings' list and the Set up
    clock step raised (OverflowError from round(inf), ValueError from NaN). The app now says,
    in Spanish, where to set it again, and its clock step sets it."""
    import sqlite3

    from demo.gui_data import make_world
    from tests.gui_support import open_window

    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    with sqlite3.connect(world.home / "index.db") as db:   # as an older version left it
        db.execute(f"UPDATE sources SET clock_offset_s = {kept}")
    db.close()
    window, agent = open_window(qtbot, world.home)
    try:
        agent.scan()   # as the watcher's next look at the folders
        settle(qtbot, window)
        above = window.folder_problems.label.text()
        assert "Reloj de la cámara" in above and "footage-agent" not in above, above
        window.show_page("settings")
        settle(qtbot, window)
        shown = window.settings.sources
        offsets = [shown.item(r, shown.columnCount() - 1).text()
                   for r in range(shown.rowCount())]
        assert offsets and all("Reloj de la cámara" in o for o in offsets), offsets
        clock = window.first_run.clock
        window.show_page("first_run")
        window.first_run.go(1)
        settle(qtbot, window)
        clock.show_frame()
        settle(qtbot, window)
        assert "Guardar la diferencia" in clock.says.text(), clock.says.text()
        assert clock.save_button.isEnabled()
        click(qtbot, clock.save_button)
        settle(qtbot, window)
        saved = {s.root: s.clock_offset_s for s in agent.sources()}
        assert abs(saved[clock.sources[0].root]) < 86400, saved
    finally:
        window.shutdown()
        agent.close()


def test_a_folder_whose_unusable_clock_offset_has_no_recent_recording_is_put_right_in_the_app(
        qtbot, spanish, tmp_path, footage):
    """A folder whose clock offset an older version saved unusable, with no recent recording
    indexed (its scans are refused): the clock step the app sends the owner to said only 'No
    recent recording of this folder to show', and adding the folder again in step 1 failed
    with the core's 'the clock offset ... is not usable: give the camera clock minus true
    time ...'. Nothing in the app could put it right. Step 2 now says to add it again, and
    step 1 does: the camera's clock taken as right, said so in Spanish, its recordings read."""
    import sqlite3

    from PySide6.QtCore import QCoreApplication

    from agent.service import Agent
    from tests.gui_support import ZONE

    folder = footage[0] / "reolink"
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=ZONE)   # never scanned: nothing indexed
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as an older version left it
        db.execute("UPDATE sources SET clock_offset_s = 9e999")
    db.close()
    window, agent = open_window(qtbot, home)
    try:
        steps = window.first_run
        window.show_page("first_run")
        steps.go(1)
        settle(qtbot, window)
        steps.clock.show_frame()
        settle(qtbot, window)
        back = QCoreApplication.translate("ClockStep", "The clock difference kept for it "
                                          "(saved by an older version) cannot be used, so its "
                                          "recordings are not read: add the folder again in "
                                          "step 1 (Back), which takes the camera's clock as "
                                          "right and reads them; then check the clock here.")
        assert "paso 1" in back and back in steps.clock.status.text(), steps.clock.status.text()
        steps.go(0)
        step = steps.folder
        qtbot.keyClicks(step.path, str(folder))
        click(qtbot, step.look_button)
        settle(qtbot, window)
        step.camera.setText("porch")
        click(qtbot, step.add_button)
        settle(qtbot, window)
        said = QCoreApplication.translate("FolderStep", "The camera clock difference kept for "
                                          "this folder (saved by an older version) could not be "
                                          "used, so the camera's clock is now taken as right: if "
                                          "it is wrong, set it in step 2 (Camera clock).")
        assert "paso 2" in said and said in step.status.text(), step.status.text()
        assert [s.clock_offset_s for s in agent.sources()] == [0.0]
        assert agent.cameras() == ["porch"]   # its recordings are read
    finally:
        window.shutdown()
        agent.close()


def test_a_folder_added_already_and_looked_at_again_in_step_1_keeps_its_details(
        qtbot, tmp_path, footage):
    """Set up opened again, the owner looks at their folder in step 1 and presses Add (as
    step 2 now advises for a clock difference that cannot be used): the look offered the
    folder's default camera name and this PC's zone, so Add renamed the camera back and moved
    every recording by the difference between the zones (Denver's recordings read as Los
    Angeles', an hour off) without a word. A registered folder's look shows its own."""
    from agent.service import Agent

    folder = footage[0] / "reolink"
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="Front door", tz="America/Denver", layout="reolink-sd")
    agent.close()
    window, agent = open_window(qtbot, home)
    try:
        step = window.first_run.folder
        qtbot.keyClicks(step.path, str(folder))
        click(qtbot, step.look_button)
        settle(qtbot, window)
        assert (step.camera.text(), step.tz.currentText(), step.layout_box.currentData()) == (
            "Front door", "America/Denver", "reolink-sd")
        assert "Front door" in step.found.text()
        click(qtbot, step.add_button)
        settle(qtbot, window)
        (src,) = agent.sources()
        assert (src.camera, src.tz, src.layout) == ("Front door", "America/Denver", "reolink-sd")
        step.path.clear()
        qtbot.keyClicks(step.path, str(footage[0] / "frigate"))   # a new folder: its own
        click(qtbot, step.look_button)
        settle(qtbot, window)
        assert step.camera.text() != "Front door" and "Front door" not in step.found.text()
    finally:
        window.shutdown()
        agent.close()


def test_the_clock_step_lists_the_folders_not_the_recorders_whose_clock_is_read_from_them(
        qtbot, tmp_path, footage):
    """A recorder on the network was listed in step 2 with the folders: saving a difference
    for it failed as '.../http:/192.168.1.20 is not a folder: check the path, or connect the
    drive it is on' (add_source took its address for a folder), and its clock is read from
    the recorder at each refresh anyway (recorders.md)."""
    from agent.recorders.connect import RecorderAddress
    from agent.service import Agent
    from tests.gui_support import ZONE

    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(footage[0] / "frigate", camera="driveway", tz="UTC")
    url = "http://127.0.0.1:9"   # nothing answers: its refresh fails at once, off the network
    nvr = agent.store.add_source(url, "nvr", ZONE, "recorder", 0.0)
    agent.store.recorders.set_address(nvr.id, RecorderAddress(url, "dahua", "admin", zone=ZONE,
                                                              allow_plain_http=True))
    agent.close()
    window, agent = open_window(qtbot, home)
    try:
        assert len(agent.sources()) == 2
        clock = window.first_run.clock
        window.show_page("first_run")
        window.first_run.go(1)
        settle(qtbot, window)
        listed = [clock.source_box.itemText(i) for i in range(clock.source_box.count())]
        assert [s.root for s in clock.sources] == [str(footage[0] / "frigate")], listed
        assert not any(url in item for item in listed), listed
    finally:
        window.shutdown()
        agent.close()


def _porch_at(qtbot, tmp_path, hour: int, minute: int, second: int = 0):
    """A camera whose clock read `hour`:`minute`:`second` (in the owner's zone) three days
    ago as it started a 10-second recording, chosen rather than now so that the test reads the
    same at any hour; Set up's clock step open on its first picture (a second later)."""
    import datetime as dt

    from agent.service import Agent
    from gui.views import display
    from gui.views.times import wall_us
    from tests.gui_support import ZONE
    from tests.test_index import clip

    day = display.local(int(time.time() * US), ZONE).date() - dt.timedelta(days=3)
    at_s = wall_us(day.year, day.month, day.day, hour, minute, second, ZONE) // US
    folder = tmp_path / "porch"   # Blue Iris names: the camera's local time
    name = display.local(at_s * US, ZONE).strftime("Porch.%Y%m%d_%H%M%S.mp4")
    clip(folder, name, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at_s)), 10)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=ZONE)
    agent.scan()
    agent.close()
    window, agent = open_window(qtbot, home)
    clock = window.first_run.clock
    window.show_page("first_run")
    window.first_run.go(1)
    settle(qtbot, window)
    clock.show_frame()
    settle(qtbot, window)
    assert clock.frame_at == (at_s + 1) * US, clock.status.text()
    return window, agent, clock, day


@pytest.mark.parametrize("hour, minute, moves", [(17, 50, 1), (9, 0, 0)],
                         ids=["same-real-date", "real-date-the-day-before"])
def test_a_camera_clock_more_than_half_a_day_off_is_set_by_the_date_typed_too(
        qtbot, tmp_path, hour, minute, moves):
    """A camera left on its maker's time zone (Beijing's, UTC+8) recording for an owner in Los
    Angeles: its clock reads 16 hours ahead. The date is asked with the time, and the date
    shown is the date saved: typing the time moves it to the nearer day's, in sight, and the
    owner sets the real one. Before, the date stayed the camera's and saving took the nearer
    day unseen: a camera reading 17:50 on the real date (01:50) was saved "8 h 00 min slow",
    every recording placed a whole day off, with nothing shown to the owner. (This test, on
    footage recorded an hour before it ran, met that case only when run from 00:00 to 08:00
    UTC, and failed then; the camera's time is now chosen, both cases at any hour.)"""
    from PySide6.QtCore import QDate, QTime

    from gui.views import display
    from tests.gui_support import ZONE

    window, agent, clock, day = _porch_at(qtbot, tmp_path, hour, minute)
    try:
        camera_day = QDate(day.year, day.month, day.day)
        assert clock.true_day.date() == camera_day   # what the recording says
        real = display.local(clock.frame_at - 16 * 3600 * US, ZONE)   # the phone's
        clock.true_time.setTime(QTime(real.hour, real.minute, real.second))   # typed
        # The date follows the time to the nearer day: after 17:50 the next (a day on).
        assert clock.true_day.date() == camera_day.addDays(moves)
        assert not clock.day_typed
        real_day = QDate(real.year, real.month, real.day)   # at 17:50, the camera's day
        assert real_day == camera_day.addDays(moves - 1)
        clock.true_day.setDate(real_day)   # the owner puts the date right
        assert clock.day_typed and clock.true_day.date() == real_day
        clock.true_time.setTime(QTime(real.hour, real.minute, real.second + 1))   # retyped
        clock.true_time.setTime(QTime(real.hour, real.minute, real.second))
        assert clock.true_day.date() == real_day   # the owner's date stays
        click(qtbot, clock.save_button)
        settle(qtbot, window)
        assert [s.clock_offset_s for s in agent.sources()] == [16 * 3600.0], clock.status.text()
        assert "16\xa0h\xa000\xa0min fast" in clock.status.text()
    finally:
        window.shutdown()
        agent.close()


def test_a_time_typed_across_midnight_moves_the_date_shown_to_the_nearer_day(qtbot, tmp_path):
    """The camera read 23:59:51 at the picture, the phone 00:00:11: the date left alone moves
    to the next day as the time is typed, and that day is saved, 20 seconds slow. A new
    picture (the arrows) shows the camera's reading again, date and time."""
    from PySide6.QtCore import QDate, QTime

    window, agent, clock, day = _porch_at(qtbot, tmp_path, 23, 59, 50)
    try:
        camera_day = QDate(day.year, day.month, day.day)
        assert clock.true_day.date() == camera_day
        assert clock.true_time.time() == QTime(23, 59, 51)
        clock.true_time.setTime(QTime(0, 0, 11))
        assert clock.true_day.date() == camera_day.addDays(1)
        assert clock.offset_for(agent.sources()[0], clock.true_time.time()) == -20.0
        clock.true_day.setDate(camera_day)   # the owner's date, kept and saved as shown
        clock.true_time.setTime(QTime(0, 0, 12))
        assert clock.true_day.date() == camera_day
        assert clock.offset_for(agent.sources()[0], clock.true_time.time()) == 86400 - 21.0
        clock.move_by(5)   # the arrows: the camera's reading of the new picture
        settle(qtbot, window)
        assert (clock.true_day.date(), clock.true_time.time()) == (camera_day,
                                                                   QTime(23, 59, 56))
        assert not clock.day_typed
        clock.true_time.setTime(QTime(0, 0, 16))
        assert clock.true_day.date() == camera_day.addDays(1)
        click(qtbot, clock.save_button)
        settle(qtbot, window)
        assert [s.clock_offset_s for s in agent.sources()] == [-20.0], clock.status.text()
    finally:
        window.shutdown()
        agent.close()


def test_the_clock_difference_saved_again_for_the_same_picture_is_the_same(qtbot, tmp_path):
    """The camera read 12:00:01 at the picture, the phone 12:00:11: saved, 10 seconds slow.
    Save pressed again without a new picture (by accident, or after retyping a typo) saves
    the same difference, and so does a third press, and a time retyped is taken against the
    camera's own reading. Before, the re-read folder placed the picture 10 s later while the
    step kept its old place and added the new difference to it: the second press saved
    "runs 20 s slow", the third 30 s. The arrows then move from the picture shown."""
    from PySide6.QtCore import QTime

    window, agent, clock, _day = _porch_at(qtbot, tmp_path, 12, 0, 0)
    try:
        assert clock.true_time.time() == QTime(12, 0, 1)
        clock.true_time.setTime(QTime(12, 0, 11))
        for press in range(3):
            click(qtbot, clock.save_button)
            settle(qtbot, window)
            assert [s.clock_offset_s for s in agent.sources()] == [-10.0], (press,
                                                                           clock.status.text())
            assert "10\xa0s slow" in clock.status.text()
            # the caption still gives the camera's own reading of the picture
            assert "12:00:01" in clock.says.text()
        clock.true_time.setTime(QTime(12, 0, 21))   # a typo put right: 20 s slow
        click(qtbot, clock.save_button)
        settle(qtbot, window)
        assert [s.clock_offset_s for s in agent.sources()] == [-20.0], clock.status.text()
        clock.move_by(5)   # from the picture shown, now placed by the new difference
        settle(qtbot, window)
        assert clock.true_time.time() == QTime(12, 0, 6), clock.status.text()
    finally:
        window.shutdown()
        agent.close()


def test_the_folder_whose_clock_was_saved_stays_chosen_for_a_save_again(qtbot, tmp_path):
    """Two folders, the porch's (listed second) chosen and its clock saved 10 s slow: the
    folder list read again after the save keeps the porch chosen under its picture, and Save
    pressed again saves the porch's again. Before, the list went back to its first folder, the
    garage's, under the porch's picture, and Save again gave the garage, whose clock was right,
    the porch's difference read off the porch's picture."""
    from PySide6.QtCore import QTime

    window, agent, clock, _day = _porch_at(qtbot, tmp_path, 12, 0, 0)
    try:
        garage = tmp_path / "garage"
        garage.mkdir()
        agent.add_source(garage, camera="garage", tz=agent.sources()[0].tz)
        clock.refresh()   # step 2 shown again after step 1 added the garage's folder
        settle(qtbot, window)
        listed = [s.camera for s in clock.sources]
        assert listed == ["garage", "porch"], listed
        assert clock.source_box.currentIndex() == 1 and clock.frame_at is not None
        clock.true_time.setTime(QTime(12, 0, 11))
        for _press in range(2):
            click(qtbot, clock.save_button)
            settle(qtbot, window)
            assert clock.source_box.currentText().startswith("porch")
            offsets = {s.camera: s.clock_offset_s for s in agent.sources()}
            assert offsets == {"garage": 0.0, "porch": -10.0}, clock.status.text()
    finally:
        window.shutdown()
        agent.close()


def test_the_arrows_and_save_stay_off_while_a_save_re_reads_the_folder(qtbot, tmp_path):
    """The camera read 12:00:01 at the picture, the phone 12:00:11: Save pressed, and while
    the folder is re-read with the new difference the arrows, Save and Show a picture are off,
    so a press then does nothing; after the save's answer the arrows move from the picture as
    the new difference places it. Before, they stayed on: an arrow pressed during the save
    moved from the picture's old place and showed a picture off by the change in difference
    (10 s), its reading taken with the old difference."""
    from PySide6.QtCore import QTime

    window, agent, clock, _day = _porch_at(qtbot, tmp_path, 12, 0, 0)
    try:
        clock.true_time.setTime(QTime(12, 0, 11))
        click(qtbot, clock.save_button)
        off = [clock.save_button, clock.show_button, *clock.move_buttons]
        assert [w.isEnabled() for w in off] == [False] * len(off)
        click(qtbot, clock.move_buttons[2])   # 5 s later, pressed during the save
        settle(qtbot, window)
        assert [s.clock_offset_s for s in agent.sources()] == [-10.0], clock.status.text()
        assert "12:00:01" in clock.says.text()   # the picture saved from is still shown
        assert clock.true_time.time() == QTime(12, 0, 11)   # and the time typed for it
        assert [w.isEnabled() for w in off] == [True] * len(off)
        click(qtbot, clock.move_buttons[2])   # after the save: from the picture shown
        settle(qtbot, window)
        assert clock.true_time.time() == QTime(12, 0, 6), clock.status.text()
    finally:
        window.shutdown()
        agent.close()


def test_a_save_that_fails_turns_the_clock_steps_buttons_back_on(qtbot, tmp_path):
    """The recordings folder gone as Save is pressed (a drive unplugged): the save fails with
    the core's words, and the buttons the save turned off are on again for another try."""
    import shutil

    from PySide6.QtCore import QTime

    window, agent, clock, _day = _porch_at(qtbot, tmp_path, 12, 0, 0)
    try:
        clock.true_time.setTime(QTime(12, 0, 11))
        shutil.rmtree(tmp_path / "porch")
        click(qtbot, clock.save_button)
        settle(qtbot, window)
        assert [s.clock_offset_s for s in agent.sources()] == [0.0], clock.status.text()
        assert not clock.status.text().startswith("\u2714"), clock.status.text()
        on = [clock.save_button, clock.show_button, clock.source_box, *clock.move_buttons]
        assert [w.isEnabled() for w in on] == [True] * len(on)
    finally:
        window.shutdown()
        agent.close()
