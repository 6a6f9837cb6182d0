"""Request page hunt: with "keep a safe copy" on, opening a request file in the Inbox (Open a
request file…) checks it and copies its window's recordings in the same job, and the line under
the list said "Checking the request…" all the while: minutes on a big window, with no word that
the request was verified and its footage was being copied, nor how far it got, nor that it
waited for another request's copy to finish first. The line now says which, with the share
copied.

The app offscreen, real footage and index. The copy is held between two recordings by the
test's own reading of them (an Event, no timing), and another request's copy is this test
holding the home's copy turn (hold_room.room_turn)."""
from __future__ import annotations

import os
import re
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401 (a fixture)


def _world(qtbot, tmp_path):
    from agent.config import Settings

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    agent.set_settings(Settings(holds_on_new_request=True))
    return world, window, agent


def _held_after_first_recording(monkeypatch):
    """The copy's reading of its recordings, stopped before the second until `go` is set."""
    from agent.requests import hold_copies
    real, read, between, go = hold_copies.read_chunks, [], threading.Event(), threading.Event()

    def chunks(path, *args, **kwargs):
        read.append(path)
        if len(read) == 2:
            between.set()
            go.wait(60)
        yield from real(path, *args, **kwargs)
    monkeypatch.setattr(hold_copies, "read_chunks", chunks)
    return between, go


def test_opening_a_request_file_says_its_footage_is_being_copied_and_how_far(
        qtbot, tmp_path, monkeypatch):
    world, window, agent = _world(qtbot, tmp_path)
    between, go = _held_after_first_recording(monkeypatch)
    try:
        window.inbox.import_file(str(world.request_file))
        qtbot.waitUntil(between.is_set, timeout=60000)
        status = window.inbox.status
        qtbot.waitUntil(lambda: "Copying" in status.text(), timeout=20000)
        said = status.text()
        assert said.startswith("The request was verified. Copying its footage into a safe copy "
                               "in the app's folder: "), said
        percent = int(re.search(r": (\d+)% copied", said).group(1))
        assert 0 < percent < 100, said   # one recording of the window's copied, not all
        go.set()
        settle(qtbot, window)
        assert status.text().startswith("Request "), status.text()
        assert status.text().endswith(" was verified and added."), status.text()
        assert agent.requests.held(world.request_id) is not None
    finally:
        go.set()
        window.ctx.bridge.close()   # a job failing after the test ends opens no box
        window.close()
        agent.close()


def test_opening_a_request_file_says_its_copy_waits_for_another_requests(
        qtbot, tmp_path, spanish):  # noqa: F811
    from agent.requests import hold_room

    world, window, agent = _world(qtbot, tmp_path)
    try:
        (agent.home / "locks").mkdir(exist_ok=True)
        status = window.inbox.status
        with hold_room.room_turn(agent.home):   # another request's copy being made
            window.inbox.import_file(str(world.request_file))
            qtbot.waitUntil(lambda: "espera" in status.text(), timeout=20000)
            assert status.text() == (
                "La solicitud se ha comprobado. La copia a salvo de sus grabaciones espera a "
                "que termine la de otra solicitud…"), status.text()
        settle(qtbot, window)
        assert "se comprobó y se añadió" in status.text(), status.text()
        assert agent.requests.held(world.request_id) is not None
    finally:
        window.ctx.bridge.close()   # a job failing after the test ends opens no box
        window.close()
        agent.close()


def test_making_the_safe_copy_again_on_the_request_page_says_how_far_it_got(
        qtbot, tmp_path, monkeypatch):
    """The request page's Make the safe copy again (and Add to the safe copy) said "Copying the
    request's footage into the app's folder…" for as long as the copy took."""
    import shutil

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    go = threading.Event()
    try:
        agent.requests.import_request(world.request_file)
        shutil.rmtree(agent.requests.hold(world.request_id).path)   # deleted by hand
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.again.isVisible, timeout=20000)
        between, go = _held_after_first_recording(monkeypatch)
        kept.again.click()
        qtbot.waitUntil(between.is_set, timeout=60000)
        qtbot.waitUntil(lambda: "% copied" in kept.words.text(), timeout=20000)
        said = kept.words.text()
        assert said.startswith("Copying its footage into a safe copy in the app's folder: "), said
        assert 0 < int(re.search(r": (\d+)% copied", said).group(1)) < 100, said
        go.set()
        settle(qtbot, window)
        assert "is kept in the app's folder" in kept.words.text(), kept.words.text()
    finally:
        go.set()
        window.ctx.bridge.close()   # a job failing after the test ends opens no box
        window.close()
        agent.close()
