"""The progress page's title once the job is done (GUI hunt). Seen: a delivery the agency's
receipt confirmed ended with the page's title, and its bar's name to a screen reader, still
"Sending 14 s of footage to Example City Police Department" above "Finished" and "Delivered."; an export by hand
still said "Exporting 2 s to ..." above its sealed packages. The title now says what was done
("Sent 8 s of footage to ...", "Exported 2 s to ..."), in Spanish too; a job that stopped keeps
the task it did not finish. The reference portal on loopback, real footage, the app offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from tests.gui_support import export_result, footage, settle, spanish, win  # noqa: E402,F401
from tests.test_gui_review import ask, open_first, portal, pwin, sync_by_click  # noqa: E402,F401


def test_a_delivery_done_is_titled_sent(qtbot, pwin, portal, footage):  # noqa: F811
    ask(portal, footage)
    sync_by_click(qtbot, pwin)
    open_first(qtbot, pwin)
    qtbot.mouseClick(pwin.request.approve_button, Qt.LeftButton)
    progress = pwin.progress
    sending = progress.title.text()
    assert sending.startswith("Sending "), sending
    settle(qtbot, pwin, timeout=60000)
    assert progress.finished_ok is True and progress.result.text().startswith("Delivered.")
    title = progress.title.text()
    assert title == "Sent " + sending.removeprefix("Sending "), title
    assert progress.bar.accessibleName() == title


def export_two_seconds(qtbot, win, tmp_path) -> str:  # noqa: F811
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    for name, box in page.strip.checks.items():
        box.setChecked(name == "driveway")
    timeline = page.strip.timelines["driveway"]
    timeline.set_selection(timeline.limit_start, timeline.limit_start + 2 * US)
    settle(qtbot, win)
    return export_result(qtbot, win, page, tmp_path / "usb")


def test_an_export_done_is_titled_exported(qtbot, win, tmp_path):  # noqa: F811
    said = export_two_seconds(qtbot, win, tmp_path)
    assert win.progress.finished_ok is True, said
    assert win.progress.title.text() == f"Exported 2\u00a0s to {tmp_path / 'usb'}"


def test_it_reads_in_spanish(qtbot, spanish, win, tmp_path):  # noqa: F811
    said = export_two_seconds(qtbot, win, tmp_path)
    assert win.progress.finished_ok is True, said
    assert win.progress.title.text() == f"Se han exportado 2\u00a0s a {tmp_path / 'usb'}"


def test_a_job_that_failed_keeps_the_task_it_did_not_finish(qtbot, win):  # noqa: F811
    def work():
        raise RuntimeError("the disk is full")
    win.follow(win.ctx.bridge.call("export", work), "Exporting 2 s to E:\\", "Exported 2 s")
    settle(qtbot, win)
    assert win.progress.finished_ok is False
    assert win.progress.title.text() == "Exporting 2 s to E:\\"
