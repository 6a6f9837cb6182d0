"""A request the owner declined, opened again (owner hunt): its page went on saying under
'What will leave this PC' which cameras, which minutes and how much video, as if footage were
about to go, though nothing leaves for a declined request. A real offscreen Qt loop and agent
on the demo's world (its portal is not reachable, so the decline waits to be sent)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401


def declined_page(qtbot, win):
    agent = win.ctx.agent
    request_file = agent.home.parent / "world" / "request.jws"
    view = agent.requests.import_request(request_file)
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


def test_it_reads_in_spanish(qtbot, spanish, win):  # noqa: F811
    said = declined_page(qtbot, win).summary.text()
    assert said.startswith("No sale nada de este ordenador"), said
