"""First run's steps as a second folder, an empty field, an empty folder and a wrong file meet
them (GUI hunt findings 1, 4 and 12), clicked through against a real agent on real footage."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from tests.gui_support import ZONE, footage, settle, spanish  # noqa: E402,F401
from tests.gui_support import open_window as open_app_window  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    win, agent = open_app_window(qtbot, tmp_path / "home")
    yield win
    win.shutdown()
    agent.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def look(qtbot, win, path: str):
    step = win.first_run.folder
    step.path.clear()
    qtbot.keyClicks(step.path, path)
    click(qtbot, step.look_button)
    settle(qtbot, win)
    return step


def test_a_second_folder_gets_its_own_zone_and_name_not_the_first_ones(qtbot, window,
                                                                         footage):
    """Finding 1: after a Frigate folder (names in UTC), the Reolink card looked at next kept
    UTC and 'driveway', and was indexed 8 hours off."""
    win, (root, start) = window, footage
    step = look(qtbot, win, str(root / "frigate"))
    assert (step.tz.currentText(), step.camera.text()) == ("UTC", "driveway")
    click(qtbot, step.add_button)
    settle(qtbot, win)
    assert "Indexed 2 recordings" in step.status.text()

    # Settings › "Add a recordings folder…" opens step 1 afresh.
    win.show_page("settings")
    settle(qtbot, win)
    win.settings.addFolder.emit()
    settle(qtbot, win)
    assert win.first_run.steps.currentWidget() is step
    assert (step.path.text(), step.camera.text(), step.found.text()) == ("", "", "")
    assert step.tz.currentText() == ZONE and not step.add_button.isEnabled()

    look(qtbot, win, str(root / "reolink"))
    assert step.tz.currentText() == ZONE          # a Reolink card names files in local time
    assert step.camera.text() not in ("", "driveway")
    step.camera.setText("porch")
    click(qtbot, step.add_button)
    settle(qtbot, win)
    agent = win.ctx.agent
    assert {s.camera: s.tz for s in agent.sources()} == {"driveway": "UTC", "porch": ZONE}
    # the porch card's first file starts where the footage starts, not 8 hours before
    assert abs(min(r.start_us for r in agent.recordings("porch")) - start) < 60 * 10**6

    # Typing another path forgets what was found for the last one: Add waits for a look.
    look(qtbot, win, str(root / "frigate"))
    assert step.add_button.isEnabled()
    qtbot.keyClicks(step.path, "x")
    assert not step.add_button.isEnabled() and step.camera.text() == ""
    assert step.tz.currentText() == ZONE and step.found.text() == ""


def test_an_empty_field_is_refused_and_an_empty_folder_is_not_added_with_a_tick(
        qtbot, window, tmp_path, monkeypatch):
    """Finding 4: an empty field looked in (and added) the folder the app was started in; a
    folder without video was added with "✔ Indexed 0 recordings"."""
    win = window
    started_in = tmp_path / "started-in"
    (started_in / "clips").mkdir(parents=True)
    (started_in / "clips" / "a.mp4").write_bytes(b"\0" * 2048)
    monkeypatch.chdir(started_in)
    step = look(qtbot, win, "")
    assert "Choose the folder first" in step.found.text()
    assert not step.add_button.isEnabled() and step.camera.text() == ""
    click(qtbot, step.add_button)
    settle(qtbot, win)
    assert win.ctx.agent.sources() == []

    empty = tmp_path / "documents"
    empty.mkdir()
    (empty / "letter.pdf").write_bytes(b"%PDF-1.4 hello")
    look(qtbot, win, str(empty))
    assert "No video files were found in this folder" in step.found.text()
    assert "Found 0" not in step.found.text()
    click(qtbot, step.add_button)
    settle(qtbot, win)
    said = step.status.text()
    assert "no recordings were found" in said and "\u2714" not in said and "Indexed" not in said


def test_show_a_picture_without_a_folder_and_a_wrong_agency_file_say_what_to_do(
        qtbot, window, tmp_path):
    """Finding 12: "Show a picture" did nothing without a folder (the step now says so as it
    opens); a .json that is not an agency file was refused as "for protocol version None"."""
    win, first = window, window.first_run
    click(qtbot, first.next_button)
    settle(qtbot, win)
    # Said as the step opens, with Show a picture unavailable until there is a folder.
    assert "Add your recordings folder in step 1" in first.clock.says.text()
    assert not first.clock.show_button.isEnabled()

    click(qtbot, first.next_button)
    settle(qtbot, win)
    notes = tmp_path / "notes.json"
    notes.write_text('{"hello": 1}')
    first.agency.add(str(notes))
    settle(qtbot, win)
    said = first.agency.result.text()
    assert "not an agency file" in said and "camera program" in said
    assert "None" not in said and "protocol version" not in said


def test_a_folder_that_is_not_there_is_said_in_spanish(qtbot, window, tmp_path,
                                                       spanish):  # noqa: F811
    """New-user hunt: looking in a folder whose drive is not connected said "... is not a
    folder (is the drive connected?)" in English in the Spanish app."""
    missing = tmp_path / "sd card" / "DCIM"
    step = look(qtbot, window, str(missing))
    said = step.found.text()
    assert said == f"{missing} no es una carpeta (¿está conectada la unidad?)", said
    assert not step.add_button.isEnabled()


def test_the_export_page_without_recordings_says_where_to_add_them(qtbot, window):
    """New-user hunt: before any recordings folder, Export a clip showed an empty page whose
    only words were "No camera chosen, so nothing will be sent", with no camera to choose."""
    window.show_page("export")
    settle(qtbot, window)
    page = window.export
    assert page.cameras == [] and not page.export_button.isEnabled()
    assert "add the folder your recorder writes to under Set up" in page.status.text()
    # Words hunt: the advice was a narrow line squeezed beside Export, the large picture above
    # said "Choose a moment on a timeline" with no timeline, and the summary "nothing will be
    # sent" on a page that sends nothing. The picture says it now, and nothing is "sent".
    assert page.preview.picture.text() == page.status.text()
    assert page.summary.text() == "No camera is chosen, so nothing will be written."


@pytest.mark.parametrize("language", ["en", "es"])
def test_checking_for_requests_before_registering_says_there_was_no_one_to_ask(
        qtbot, window, request, language):
    """New-user hunt: "Check for requests now" on a new install said "Checked just now.",
    though the app is registered with no agency and asked no one."""
    if language == "es":
        request.getfixturevalue("spanish")
    click(qtbot, window.inbox.sync_button)
    settle(qtbot, window)
    said = window.inbox.status.text()
    assert {"en": "There was no agency to ask", "es": "No había ninguna agencia a la que "
            "preguntar"}[language] in said, said
    assert "Checked just now" not in said and "Consultado" not in said


def test_the_agency_step_says_which_agencies_are_trusted_already(qtbot, tmp_path, footage):
    """Owner hunt: Set up, opened again after the agency was added, showed its agency step
    as on the first day (only 'Choose the agency file...'), so the owner could not tell the
    agency was there and looked for its file again. An empty home's step says nothing."""
    from demo.gui_data import make_world

    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    win, agent = open_app_window(qtbot, world.home)
    try:
        win.show_page("first_run")
        win.first_run.go(2)
        settle(qtbot, win)
        said = win.first_run.agency.result.text()
        assert "You trust Example City Police Department already" in said, said
    finally:
        win.shutdown()
        agent.close()


def test_the_agency_step_of_an_empty_home_says_nothing_yet(qtbot, window):
    window.show_page("first_run")
    window.first_run.go(2)
    settle(qtbot, window)
    assert window.first_run.agency.result.text() == ""


def test_indexing_a_folder_says_how_many_files_it_has_looked_at_so_far(qtbot, window, footage,
                                                                       monkeypatch):
    """A NAS share of tens of thousands of recordings takes minutes to index the first time;
    the step said "this can take a while" and nothing more until it was done. Here the scan is
    held after its first file (as a slow share holds it) until the count has been shown."""
    import threading

    from agent.index import scan as scan_mod
    win, (root, _start) = window, footage
    monkeypatch.setattr(scan_mod, "PROGRESS_EVERY", 1)
    real, go_on = scan_mod.walk, threading.Event()

    def slow_walk(folder, *within, **only):
        for n, item in enumerate(real(folder, *within, **only)):
            if n == 1:
                go_on.wait(30)
            yield item
    monkeypatch.setattr(scan_mod, "walk", slow_walk)
    step = look(qtbot, win, str(root / "frigate"))
    click(qtbot, step.add_button)
    try:
        qtbot.waitUntil(lambda: "files looked at so far: 1" in step.status.text(),
                        timeout=10000)
    finally:
        go_on.set()
    settle(qtbot, win)
    assert "Indexed 2 recordings" in step.status.text()
