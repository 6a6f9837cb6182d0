"""Holds hunt: the app's "Make the safe copy again" and "Add to the safe copy" ran the hold as a
job that dropped the job's stop (bridge.call). Quitting the app while the copy waited its turn
behind another request's copy (a terminal's `inbox hold`, `run`'s poll thread) or copied, the
app asked it to stop and waited in vain, its whole wait on quit, then ended it part way,
logging nothing. A real app offscreen and a real agent; the other copy is this test holding the
home's room turn, the order forced by events."""
from __future__ import annotations

import os
import shutil
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent import file_locks  # noqa: E402
from agent.file_locks import Busy  # noqa: E402
from agent.requests import hold_room  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle  # noqa: E402


def test_the_owners_safe_copy_waiting_its_turn_is_stopped_as_the_app_quits(qtbot, tmp_path,
                                                                           monkeypatch):
    """Stopped as the app quits, it is logged as cancelled: the page says so next time, and
    offers to make it again."""
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    waiting = threading.Event()
    real_lock = file_locks.lock_file

    def lock(fd, wait, *args, **kwargs):
        try:
            return real_lock(fd, wait, *args, **kwargs)
        except Busy:
            if threading.current_thread().name.startswith("footage-agent-job-hold"):
                waiting.set()   # the app's hold waits its turn
            raise

    try:
        agent.requests.import_request(world.request_file)
        made = agent.requests.hold(world.request_id)
        shutil.rmtree(made.path)   # deleted by hand: the page offers to make it again
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.again.isVisible, timeout=20000)
        monkeypatch.setattr(file_locks, "lock_file", lock)
        with hold_room.room_turn(agent.home):   # another request's copy being made
            kept.again.click()
            qtbot.waitUntil(waiting.is_set, timeout=60000)
            bridge = window.ctx.bridge
            bridge.cancel_all()   # the app quits (closing.shutdown)
            assert bridge.wait_all(60), "the app's hold did not hear the stop"
        held = [r for r in agent.activity() if r.event == "hold"]
        assert held[-1].data["ok"] is False
        assert held[-1].data["reason"] == "the hold was cancelled; nothing was kept"
        assert not made.path.exists()
    finally:
        window.ctx.bridge.close()   # a copy not stopped ends unseen: no box left to answer
        window.close()
        agent.close()


def test_a_safe_copy_made_as_a_request_file_is_opened_is_stopped_as_the_app_quits(
        qtbot, tmp_path, monkeypatch):
    """With "keep a safe copy" on, a request file opened in the Inbox is copied in the same job
    as it is checked: quitting while that copy waited its turn (or copied) was not heard."""
    from agent.config import Settings

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    waiting = threading.Event()
    real_lock = file_locks.lock_file

    def lock(fd, wait, *args, **kwargs):
        try:
            return real_lock(fd, wait, *args, **kwargs)
        except Busy:
            if threading.current_thread().name.startswith("footage-agent-job-import"):
                waiting.set()   # the copy of the request just opened waits its turn
            raise

    try:
        agent.set_settings(Settings(holds_on_new_request=True))
        (agent.home / "locks").mkdir(exist_ok=True)
        monkeypatch.setattr(file_locks, "lock_file", lock)
        with hold_room.room_turn(agent.home):   # another request's copy being made
            window.inbox.import_file(str(world.request_file))
            qtbot.waitUntil(waiting.is_set, timeout=60000)
            bridge = window.ctx.bridge
            bridge.cancel_all()   # the app quits (closing.shutdown)
            assert bridge.wait_all(60), "the copy of the request opened did not hear the stop"
        (held,) = [r for r in agent.activity() if r.event == "hold"]
        assert held.data["ok"] is False
        assert held.data["reason"] == "the hold was cancelled; nothing was kept"
        assert agent.requests.show(world.request_id).hold_failed == held.data["reason"]
    finally:
        window.ctx.bridge.close()   # a copy not stopped ends unseen: no box left to answer
        window.close()
        agent.close()
