"""An inbox (inbox.db) the app cannot open (owner hunt: a restore that went wrong, a disk that
failed): the Requests page said 'No requests yet. When an agency you trust asks for footage, it
will appear here', untrue, over the core's message in small print at the foot of the page, in
English in the Spanish app, starting in lower case and ending 'move it aside (keep it)' with no
word that the app must be quit first. Now the page shows no empty list, says why where the list
would be, in the owner's language, with the app's way out."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401


def window_on_a_damaged_inbox(qtbot, tmp_path):
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    for path in world.home.glob("inbox.db*"):
        path.unlink()
    (world.home / "inbox.db").write_bytes(b"not a database " * 100)
    window, agent = open_window(qtbot, world.home)
    window.show_page("inbox")
    settle(qtbot, window)
    return window, agent, world.home / "inbox.db"


def test_a_damaged_inbox_is_said_where_the_requests_would_be(qtbot, tmp_path):
    window, agent, inbox = window_on_a_damaged_inbox(qtbot, tmp_path)
    try:
        page = window.inbox
        assert "No requests yet" not in page.empty.text() or not page.empty.isVisible()
        assert not page.table.isVisible()
        said = page.empty.text()
        assert page.empty.isVisible() and said.startswith("The inbox " + str(inbox)), said
        assert "do not delete it" in said and "Quit footage-agent" in said, said
    finally:
        window.close()
        agent.close()


def test_a_damaged_inbox_is_said_in_spanish(qtbot, tmp_path, spanish):  # noqa: F811
    window, agent, inbox = window_on_a_damaged_inbox(qtbot, tmp_path)
    try:
        said = window.inbox.empty.text()
        assert str(inbox) in said and "no la borre" in said, said
        for english in ("is damaged", "the inbox", "move it aside"):
            assert english not in said, said
    finally:
        window.close()
        agent.close()


def test_an_inbox_cut_to_nothing_is_said_in_spanish_not_shown_empty(qtbot, tmp_path,
                                                                     spanish):  # noqa: F811
    """Damage hunt: a 0-byte inbox.db in a home whose activity log shows a request came in was
    opened as a new inbox: 'No requests yet', the requests and decisions gone without a word."""
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    from agent.cli import main
    assert main(["--home", str(world.home), "import-request", str(world.request_file)]) == 0
    for path in world.home.glob("inbox.db*"):
        path.unlink()
    inbox = world.home / "inbox.db"
    inbox.write_bytes(b"")
    window, agent = open_window(qtbot, world.home)
    try:
        window.show_page("inbox")
        settle(qtbot, window)
        said = window.inbox.empty.text()
        assert not window.inbox.table.isVisible()
        assert str(inbox) in said and "vacía (0 bytes)" in said and "no la borre" in said, said
        assert "Cierre footage-agent" in said, said   # the app's way out: quit it first
        for english in ("is empty", "the inbox", "move it aside", "Quit"):
            assert english not in said, said
    finally:
        window.close()
        agent.close()
    assert inbox.stat().st_size == 0
