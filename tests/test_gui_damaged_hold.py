"""A safe copy whose record (hold.json) a power cut left empty, on its request's page (damage
hunt): the page of a request still open said nothing of it (the core's words reached only an
ended request's page and `inbox show`), so an owner trusting the copy to outlive the recorder's
overwriting never learnt it could not be read."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle  # noqa: E402


def test_a_held_requests_page_says_its_safe_copy_record_is_damaged(qtbot, tmp_path):
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        agent.requests.import_request(world.request_file)
        hold = agent.requests.hold(world.request_id)
        (hold.path / "hold.json").write_bytes(b"")
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        said = window.request.kept.words.text()
        assert said.startswith(f"The record of the safe copy in {hold.path} is damaged (it is "
                               "empty)"), said
        assert "move that folder out of footage-agent's folder first (keep it)" in said, said
        assert window.request.approve_button.isEnabled()   # the request itself is still whole
    finally:
        window.close()
        agent.close()
    assert (hold.path / "hold.json").read_bytes() == b""


def test_an_ended_requests_safe_copy_whose_record_is_damaged_can_be_deleted(qtbot, tmp_path,
                                                                            monkeypatch):
    """Holds hunt: the page of an ended request whose safe copy's record was damaged (or
    deleted) offered no "Delete the safe copy": the app could never delete that folder (only
    `inbox release` could), and it stayed in the app's folder for good."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Yes)
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        agent.requests.import_request(world.request_file)
        hold = agent.requests.hold(world.request_id)
        agent.requests.decline(world.request_id, "The camera was off")
        (hold.path / "hold.json").write_bytes(b"")
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        assert "its record cannot be read" in kept.words.text(), kept.words.text()
        kept.button.click()
        settle(qtbot, window)
        assert not hold.path.exists()
        assert kept.words.text() == "The safe copy was deleted."
    finally:
        window.close()
        agent.close()
