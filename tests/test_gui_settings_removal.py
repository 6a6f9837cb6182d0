"""Settings' removals and unsaved changes (GUI hunt finding 10): "Remove agency" and "Remove
folder" acted on one click without a word, even for an agency the owner is registered with
and has a request waiting from; with nothing chosen they did nothing; settings changed and left
unsaved were put back silently. Now each removal says what it does and asks, an empty choice
says what to do, and leaving unsaved settings asks to save them."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from agent.requests.agencies import TrustStore  # noqa: E402
from demo.gui_data import AGENCY_ID, make_world  # noqa: E402
from gui.views.layout_names import layout_name  # noqa: E402
from tests.gui_registering import click, nav  # noqa: E402
from tests.gui_support import answers, footage, open_window, settle  # noqa: E402,F401


@pytest.fixture
def world(tmp_path, footage):
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    from agent.service import Agent
    agent = Agent(world.home)
    agent.requests.import_request(world.request_file)   # a request waiting for the owner
    agent.close()
    return world


@pytest.fixture
def win(qtbot, world):
    window, agent = open_window(qtbot, world.home)
    nav(qtbot, window, "Settings")
    yield window
    window.shutdown()
    agent.close()


def test_remove_with_nothing_chosen_says_what_to_do(qtbot, win, answers):
    page = win.settings
    page.sources.clearSelection()
    page.agencies.table.clearSelection()
    click(qtbot, page.remove_source_button)
    assert page.status.text() == "Choose a folder in the list first."
    click(qtbot, page.agencies.remove_button)
    settle(qtbot, win)
    assert page.status.text() == "Choose an agency in the list first."
    assert answers[1] == [] and page.sources.rowCount() == 2 and page.agencies.table.rowCount() == 1


def test_removing_the_agency_says_what_happens_to_its_request_and_registration(
        qtbot, win, world, answers):
    queue, asked = answers
    page = win.settings
    page.agencies.table.selectRow(0)
    queue.append(QMessageBox.Cancel)
    click(qtbot, page.agencies.remove_button)
    settle(qtbot, win)
    (question,) = asked
    assert "Remove Example City Police Department from the agencies you trust?" in question
    assert "1 of its requests still waiting for your answer" in question
    assert f"You are registered with it ({world.registration})" in question
    assert "Unregister\u2026 first" in question
    assert page.status.text() == "Nothing was removed."
    assert [a.id for a in TrustStore(world.home).list()] == [AGENCY_ID]

    queue.append(QMessageBox.Yes)
    click(qtbot, page.agencies.remove_button)
    settle(qtbot, win)
    assert page.status.text() == "Removed Example City Police Department."
    assert page.agencies.table.rowCount() == 0 and TrustStore(world.home).list() == []

    nav(qtbot, win, "Requests")          # an old status is not shown on the next visit
    nav(qtbot, win, "Settings")
    assert page.status.text() == ""


def test_removing_a_folder_asks_first_and_says_the_files_stay(qtbot, win, world, answers):
    queue, asked = answers
    page = win.settings
    root, camera = page.sources.item(0, 0).text(), page.sources.item(0, 1).text()
    # Each folder's recorder by the owner's name for it, not the agent's key ("frigate").
    layouts = {s.root: s.layout for s in win.ctx.agent.sources()}
    shown = {page.sources.item(r, 0).text(): page.sources.item(r, 3).text() for r in range(2)}
    assert shown == {root: layout_name(key) for root, key in layouts.items()}, shown
    assert set(shown.values()).isdisjoint(layouts.values()), shown
    page.sources.selectRow(0)
    queue.append(QMessageBox.Cancel)
    click(qtbot, page.remove_source_button)
    settle(qtbot, win)
    (question,) = asked
    assert f"Remove the recordings folder {root} (camera {camera})" in question
    assert "Nothing in the folder is changed or deleted" in question
    # masks hunt: a folder added again under another name comes back without its masks
    assert (f"When you add it again, name its camera {camera}: its privacy masks are kept by "
            "that name, and a camera named otherwise is exported without them.") in question
    assert len(win.ctx.agent.sources()) == 2

    queue.append(QMessageBox.Yes)
    click(qtbot, page.remove_source_button)
    settle(qtbot, win)
    assert page.status.text() == f"Removed {root}."
    assert [s.root for s in win.ctx.agent.sources()] == [page.sources.item(0, 0).text()]


def test_settings_left_unsaved_are_asked_about_not_put_back_silently(qtbot, win, answers):
    queue, asked = answers
    page, agent = win.settings, win.ctx.agent
    before = agent.settings.poll_interval_s
    nav(qtbot, win, "Requests")                          # nothing changed: nothing asked
    nav(qtbot, win, "Settings")
    assert asked == []

    page.poll.setValue(30)
    queue.append(QMessageBox.Cancel)                     # stay
    nav(qtbot, win, "Requests")
    assert win.pages.currentWidget() is page and page.poll.value() == 30
    assert win.nav.currentItem().text() == "Settings" and "without saving" in asked[0]

    page.agencies.table.selectRow(0)                           # the lists reload; the form stays
    queue.append(QMessageBox.Cancel)
    click(qtbot, page.agencies.remove_button)
    settle(qtbot, win)
    assert page.poll.value() == 30

    queue.append(QMessageBox.Discard)
    nav(qtbot, win, "Requests")
    assert win.pages.currentWidget() is win.inbox
    nav(qtbot, win, "Settings")
    assert page.poll.value() == before // 60 and agent.settings.poll_interval_s == before

    page.poll.setValue(30)
    queue.append(QMessageBox.Save)
    nav(qtbot, win, "Requests")
    assert win.pages.currentWidget() is win.inbox and agent.settings.poll_interval_s == 1800


def test_settings_says_how_much_room_the_apps_folder_takes(qtbot, world, tmp_path):
    """The owner was never told how much room the app's folder takes: a safe copy's size was
    shown only on its request's page, and delivered packages, kept for good, nowhere."""
    from agent.service import Agent
    from gui.views import display
    agent = Agent(world.home)
    try:
        agent.requests.hold(world.request_id)
        space = agent.home_space()
    finally:
        agent.close()
    assert space.holds.size > 0
    window, agent = open_window(qtbot, world.home)
    try:
        nav(qtbot, window, "Settings")
        settle(qtbot, window)
        text = window.settings.space.text()
        assert text.startswith("This app's folder takes ") and f": {world.home}" in text
        assert f"Safe copies of recordings: {display.size(space.holds.size)}." in text
        assert ("Delivered packages, kept as your copy of what the agency received: "
                f"{display.size(0)}.") in text
        assert "free on its disk)" in text

        # The inbox unreadable (its disk full): the sizes are said, and why delivered ones
        # cannot be told apart, never 0 bytes of delivered packages.
        import dataclasses
        import sqlite3

        from agent.index.store_errors import disk_words
        full = sqlite3.OperationalError("database or disk is full")
        full.sqlite_errorcode = sqlite3.SQLITE_FULL
        why = disk_words("the inbox", world.home / "inbox.db", full)
        window.settings._show_space(dataclasses.replace(space, unsorted=why))
        text = window.settings.space.text()
        assert f"Which packages were delivered cannot be told now: {why}" in text
        assert "Delivered packages" not in text
    finally:
        window.shutdown()
        agent.close()
