"""A request the owner declined, opened again (owner hunt): its page went on saying under
'What will leave this PC' which cameras, which minutes and how much video, as if footage were
about to go, though nothing leaves for a declined request. A real offscreen Qt loop and agent
on the demo's world (its portal is not reachable, so the decline waits to be sent)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from gui.views import display  # noqa: E402
from tests.gui_support import answers, footage, settle, spanish, win  # noqa: E402,F401


def declined_page(qtbot, win):
    agent = win.ctx.agent
    request_file = agent.home.parent / "world" / "request.jws"
    view = (agent.requests.list() or [agent.requests.import_request(request_file)])[0]
    agent.requests.decline(view.id, "The camera was off")
    win.inbox.refresh()
    settle(qtbot, win)
    win.open_request(next(v for v in win.inbox.views if v.id == view.id))
    settle(qtbot, win)
    return win.request


def test_a_declined_request_says_nothing_leaves(qtbot, win):
    page = declined_page(qtbot, win)
    said = page.summary.text()
    assert "Nothing leaves this PC" in said and "declined" in said, said
    for would_be_sent in ("Cameras:", "Video:", "Time:"):
        assert would_be_sent not in said, said
    assert not page.approve_button.isEnabled()
    # ... and the line above its timelines did not go on saying to drag the handles to send
    # less, as for a request still to be answered
    assert "send less" not in page.hint.text(), page.hint.text()


def test_it_reads_in_spanish(qtbot, spanish, win):  # noqa: F811
    said = declined_page(qtbot, win).summary.text()
    assert said.startswith("No sale nada de este equipo"), said


def test_its_safe_copy_can_be_seen_and_deleted_from_its_page(qtbot, win, answers):  # noqa: F811
    # Days hunt: with "keep a safe copy" on, every request copied its window's recordings into
    # the app's folder, and only the owner may delete a copy once its request has ended: the
    # app had no way to, so months of requests grew the folder without end. The page of an
    # ended request now says how big its copy is and deletes it when asked.
    agent = win.ctx.agent
    view = agent.requests.import_request(agent.home.parent / "world" / "request.jws")
    held = agent.requests.hold(view.id, view.agency_id)
    assert held.files and held.path.is_dir()
    page = declined_page(qtbot, win)   # declines it, then opens its page
    qtbot.waitUntil(lambda: page.kept.isVisible(), timeout=20000)
    assert display.size(held.size) in page.kept.words.text()
    queue, asked = answers
    queue.append(QMessageBox.Cancel)   # asked first; Cancel keeps it
    page.kept.button.click()
    assert asked and held.path.is_dir()
    queue.append(QMessageBox.Yes)
    page.kept.button.click()
    settle(qtbot, win)
    assert not held.path.exists()
    assert page.kept.words.text() == "The safe copy was deleted."
    assert agent.activity()[-1].event == "release"
