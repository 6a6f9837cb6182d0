"""A request's `upload.max_bytes` said on the request page before anything is cut (scale
hunt): the portal takes at most that much for the request, all its packages together, but the
page said nothing of it, so an owner approving many cameras over hours learnt it only once
the first camera's package had been cut and the delivery refused. The reference portal on
loopback, real footage, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui_support import footage, settle, spanish  # noqa: E402,F401
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401


def test_footage_over_the_requests_limit_is_said_before_approving(qtbot, pwin, portal,
                                                                  footage):  # noqa: F811
    ask(portal, footage, max_bytes=1000)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    page = pwin.request
    said = page.summary.text()
    assert "Example City Police Department takes at most 1.0\u00a0KB for this request, and this " \
        "is about" in said, said
    assert "choose fewer cameras or a shorter time" in said
    for box in page.strip.checks.values():
        box.setChecked(False)
    settle(qtbot, pwin)
    assert "takes at most" not in page.summary.text()   # nothing chosen: nothing over


def test_footage_within_the_limit_says_nothing_of_it(qtbot, pwin, portal, footage):  # noqa: F811
    ask(portal, footage, max_bytes=10**12)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    assert "takes at most" not in pwin.request.summary.text()


def test_it_reads_in_spanish(qtbot, spanish, pwin, portal, footage):  # noqa: F811
    ask(portal, footage, max_bytes=1000)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    said = pwin.request.summary.text()
    assert "acepta como máximo 1,0\u00a0KB" in said, said
    assert "takes at most" not in said
