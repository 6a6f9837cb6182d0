"""A recordings folder the app cannot scan (new-user hunt): the drive unplugged or the folder
moved away. The core reported it (a ScanFailed event) but the bridge never passed it on, so
the app said nothing, the status bar went on saying "Recordings index is up to date.", the
timelines still showed the old recordings, and the owner learnt only when an approval failed
on a file that was not there. Now the window says which folder cannot be read and what to do,
on every page, with a way to Settings, until a scan finds the folder again."""
from __future__ import annotations

import os
from contextlib import contextmanager

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import answers, choose_window, export_result, open_window, settle, spanish  # noqa: E402,F401


def scan(qtbot, window, agent) -> None:
    """Every recordings folder scanned, as the app's service does on its own thread."""
    window.ctx.bridge.run("scan", lambda progress, cancel: agent.scan(cancel=cancel))
    settle(qtbot, window)


def unplug(world, tmp_path):
    """The recordings' drive taken away: (the folders the app knew, where they went)."""
    away = tmp_path / "away"
    world.recordings.rename(away)
    return [world.recordings / "frigate", world.recordings / "reolink"], away


@contextmanager
def folders_gone(qtbot, tmp_path):
    """The app open on a home whose recordings' drive was taken away and scanned since: the
    window, the agent, the world, the folders the app knew and where they went; the window
    shut and the agent closed on leaving."""
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        folders, away = unplug(world, tmp_path)
        scan(qtbot, window, agent)
        yield window, agent, world, folders, away
    finally:
        window.shutdown()
        agent.close()


def test_a_recordings_folder_gone_is_said_on_every_page_until_it_is_back(qtbot, tmp_path):
    with folders_gone(qtbot, tmp_path) as (window, _agent, world, folders, away):
        notice = window.folder_problems
        assert notice.isVisible()
        said = notice.label.text()
        for folder in folders:
            assert str(folder) in said
        assert "connect the drive it is on" in said and "remove the folder in Settings" in said
        assert "up to date" not in window.statusBar().currentMessage()
        window.show_page("log")
        assert notice.isVisible()   # above every page, not only the inbox
        qtbot.mouseClick(notice.settings_button, Qt.LeftButton)
        settle(qtbot, window)
        assert window.pages.currentWidget() is window.settings

        away.rename(world.recordings)   # the drive back: the app does not watch a folder that
        # was missing when it started, so the owner asks it to look again
        qtbot.mouseClick(notice.retry_button, Qt.LeftButton)
        settle(qtbot, window)
        assert not notice.isVisible() and notice.label.text() == ""
        assert window.statusBar().currentMessage() == "Recordings index is up to date."


def test_a_recordings_folder_gone_is_said_in_spanish(qtbot, tmp_path, spanish):  # noqa: F811
    with folders_gone(qtbot, tmp_path) as (window, _agent, _world, folders, _away):
        said = window.folder_problems.label.text()
        assert str(folders[0]) in said and "quite la carpeta en Ajustes" in said
        assert "missing" not in said and "Settings" not in said
        assert window.folder_problems.settings_button.text() == "Abrir Ajustes"


def test_a_folder_gone_for_good_and_removed_in_settings_is_no_longer_said(
        qtbot, tmp_path, answers):  # noqa: F811
    with folders_gone(qtbot, tmp_path) as (window, _agent, _world, folders, _away):
        notice = window.folder_problems
        qtbot.mouseClick(notice.settings_button, Qt.LeftButton)
        settle(qtbot, window)
        page = window.settings
        page.sources.selectRow(page._source_roots.index(str(folders[0])))
        answers[0].append(QMessageBox.Yes)
        qtbot.mouseClick(page.remove_source_button, Qt.LeftButton)
        settle(qtbot, window)
        assert str(folders[0]) not in notice.label.text()
        assert str(folders[1]) in notice.label.text() and notice.isVisible()


def test_an_export_from_a_folder_gone_says_so_in_the_owners_words(qtbot, tmp_path,
                                                                  spanish):  # noqa: F811
    """The export of a recording whose drive is gone said "the recording 52.30.mp4 cannot be
    read (No such file or directory)", in English whatever the app's language."""
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        unplug(world, tmp_path)
        page = choose_window(qtbot, window, world.start_us + US, world.start_us + 3 * US)
        for camera, check in page.strip.checks.items():
            check.setChecked(camera == "driveway")
        shown = export_result(qtbot, window, page, tmp_path / "exports")
    finally:
        window.shutdown()
        agent.close()
    assert "No se puede leer la grabación" in shown and "conecte la unidad" in shown, shown
    assert str(world.recordings / "frigate") in shown
    for english in ("cannot be read", "No such file", "does not exist"):
        assert english not in shown, shown


def test_an_index_that_cannot_be_opened_is_said_above_every_page(qtbot, tmp_path):
    """Restore hunt: an index.db a newer version wrote (or a damaged one, or one cut to
    nothing) left the app on an empty inbox and an export page without cameras, saying
    nothing: its message reached only the log of the service thread."""
    import sqlite3
    from contextlib import closing

    from agent.cli import main

    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--tz", "UTC"]) == 0
    with closing(sqlite3.connect(str(home / "index.db"))) as db:
        db.execute("PRAGMA user_version=99")
        db.commit()
    window, agent = open_window(qtbot, home)
    try:
        notice = window.folder_problems
        assert not notice.isHidden()
        said = notice.label.text()
        assert "was written by a newer version of footage-agent" in said, said
        assert str(home / "index.db") in said and notice.retry_button.isHidden()
        window.show_page("export")
        settle(qtbot, window)
        assert not notice.isHidden()   # above every page
    finally:
        window.close()
        agent.close()


def home_with_a_damaged_index(tmp_path, how: str):
    """A home whose index.db was damaged ('garbage': overwritten; 'empty': cut to nothing, as a
    copy or restore that failed leaves it) after a recordings folder was added."""
    from agent.cli import main

    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir(parents=True)
    assert main(["--home", str(home), "sources", "add", str(folder), "--tz", "UTC"]) == 0
    for path in home.glob("index.db*"):
        path.unlink()
    (home / "index.db").write_bytes(b"" if how == "empty" else b"not a database " * 100)
    return home


def test_a_damaged_index_says_what_to_do_in_the_app_not_to_scan(qtbot, tmp_path):
    """Owner hunt: the notice for a damaged or emptied index ended '...add your recordings
    folders again with the same camera names, then scan' (a command's word; and the file cannot
    be moved aside while the app holds it), and offered Open Settings, where nothing can be
    done while the index cannot be opened."""
    for how in ("garbage", "empty"):
        home = home_with_a_damaged_index(tmp_path / how, how)
        window, agent = open_window(qtbot, home)
        try:
            notice = window.folder_problems
            said = notice.label.text()
            assert str(home / "index.db") in said and "do not delete it" in said, said
            assert "then scan" not in said and "Quit footage-agent" in said, said
            assert notice.settings_button.isHidden() and notice.retry_button.isHidden()
        finally:
            window.close()
            agent.close()


def test_a_damaged_index_is_said_in_spanish(qtbot, tmp_path, spanish):  # noqa: F811
    for how in ("garbage", "empty"):
        home = home_with_a_damaged_index(tmp_path / how, how)
        window, agent = open_window(qtbot, home)
        try:
            said = window.folder_problems.label.text()
            assert str(home / "index.db") in said and "no lo borre" in said, said
            for english in ("is damaged", "is empty", "the index", "scan", "recordings folders"):
                assert english not in said, said
        finally:
            window.close()
            agent.close()


def test_the_export_page_on_an_index_that_cannot_be_opened_offers_no_dead_export(qtbot,
                                                                                  tmp_path):
    """Owner hunt: the Export page on a damaged index showed From and To at 2000-01-01
    00:00:00, an empty summary and an Export button that did nothing when pressed."""
    home = home_with_a_damaged_index(tmp_path, "garbage")
    window, agent = open_window(qtbot, home)
    try:
        window.show_page("export")
        settle(qtbot, window)
        page = window.export
        assert not page.export_button.isEnabled()
        assert str(home / "index.db") in page.status.text(), page.status.text()
        assert page.start_edit.dateTime().date().year() > 2000
    finally:
        window.close()
        agent.close()


def test_look_again_while_the_folder_is_still_gone_says_it_looked(qtbot, tmp_path):
    """Owner hunt: pressed before the drive was back, Look again changed nothing on screen, so
    the owner could not tell whether it had looked at all (a button that seemed to do nothing).
    The notice now says when it looked and that the folder is still not there."""
    with folders_gone(qtbot, tmp_path) as (window, _agent, _world, _folders, _away):
        notice = window.folder_problems
        before = notice.label.text()
        qtbot.mouseClick(notice.retry_button, Qt.LeftButton)
        settle(qtbot, window)
        said = notice.label.text()
        assert said != before and said.startswith(before), said
        assert "Looked again at" in said and "still cannot be read" in said, said
        assert notice.retry_button.isEnabled()


def test_look_again_pressed_from_the_keyboard_keeps_the_focus(qtbot, tmp_path):
    """Second app hunt: Look again is disabled while it looks, and a disabled button loses the
    keyboard's focus, which then went nowhere: an owner using the keyboard had to find their
    place again. The focus comes back to it when it is enabled again."""
    with folders_gone(qtbot, tmp_path) as (window, _agent, _world, _folders, _away):
        notice = window.folder_problems
        window.activateWindow()
        notice.retry_button.setFocus()
        qtbot.waitUntil(notice.retry_button.hasFocus)
        qtbot.keyClick(notice.retry_button, Qt.Key_Space)
        settle(qtbot, window)
        assert "Looked again at" in notice.label.text()
        assert notice.retry_button.isEnabled() and notice.retry_button.hasFocus()


def test_another_card_in_the_folder_is_said_and_taken_as_a_new_card_only_when_asked(
        qtbot, tmp_path, answers):
    """Another camera's card in porch's reader: the app said nothing and indexed it as porch's.
    Now the folder's line says so, porch's recordings stay, and "New card, same camera" (asked
    once more) indexes the card as porch's."""
    from shutil import copytree, rmtree

    from agent.service import Agent
    from tests.test_index_other_disk import card

    reader, home = tmp_path / "reader", tmp_path / "home"
    card(reader, "cam", ["2026-11-20T14:00:00Z"])
    card(tmp_path / "garage-card", "cam", ["2026-11-21T09:00:00Z"])
    agent = Agent(home)
    agent.add_source(reader, camera="porch", tz="UTC")
    agent.scan()
    before = agent.recordings("porch")
    agent.close()
    rmtree(reader)   # the card taken out, another put in
    copytree(tmp_path / "garage-card", reader)
    window, agent = open_window(qtbot, home)
    try:
        scan(qtbot, window, agent)
        notice = window.folder_problems
        assert notice.isVisible() and "now holds another disk" in notice.label.text()
        assert "New card, same camera" in notice.label.text()   # the app's button, not a command
        assert notice.new_disk_button.isVisible()
        assert agent.recordings("porch") == before
        queue, asked = answers
        queue.append(QMessageBox.Cancel)
        notice.new_disk_button.click()
        settle(qtbot, window)
        assert len(asked) == 1 and str(reader) in asked[0]
        assert agent.recordings("porch") == before and notice.isVisible()
        queue.append(QMessageBox.Yes)
        notice.new_disk_button.click()
        settle(qtbot, window)
        assert [r.start_us for r in agent.recordings("porch")] != [r.start_us for r in before]
        assert not notice.isVisible() and not notice.new_disk_button.isVisible()
    finally:
        window.shutdown()
        agent.close()
