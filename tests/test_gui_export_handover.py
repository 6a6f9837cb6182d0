"""After an export by hand the owner has to hand something over: the app says which folder
to give and opens it for them, and the next export starts in the folder they chose last time,
after the app was closed too. A real offscreen Qt loop, real footage, a real agent."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QObject, QUrl, Slot  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import (choose_window, export_result, footage, open_window,  # noqa: E402,F401
                               settle)


class Opened(QObject):
    """Where the app asked the desktop to open a folder (Qt's own hook for file: URLs)."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened(qapp):
    handler = Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def world(tmp_path, footage):
    return make_world(tmp_path / "world", tmp_path / "home", footage=footage)


def one_camera(qtbot, win, world):
    page = choose_window(qtbot, win, world.start_us + US, world.start_us + 5 * US)
    checks = list(page.strip.checks.values())
    for n, check in enumerate(checks):
        check.setChecked(n == 0)
    return page


def test_a_finished_export_says_what_to_hand_over_and_opens_its_folder(qtbot, world, tmp_path,
                                                                         opened):
    win, agent = open_window(qtbot, world.home)
    try:
        page = one_camera(qtbot, win, world)
        usb = tmp_path / "USB stick"
        text = export_result(qtbot, win, page, usb)
        assert win.progress.stage.text() == "Finished", text
        (package,) = [p for p in usb.iterdir() if p.is_dir()]
        # what to give: the whole package folder, and where its explanation is
        assert f"Hand over the whole folder {package.name}" in text
        assert "README.txt" in text and (package / "README.txt").is_file()
        button = win.progress.open_button
        assert button.isVisible() and button.focusPolicy() & Qt.TabFocus
        qtbot.keyClick(button, Qt.Key_Space)   # keyboard alone
        assert [u.toLocalFile() for u in opened.urls] == [str(usb)]
    finally:
        win.shutdown()
        agent.close()


def test_a_finished_export_shows_the_key_id_the_readme_tells_the_receiver_to_ask_for(
        qtbot, world, tmp_path):
    # The README says "Ask the owner for the id their app shows ... and compare": the app
    # showed it nowhere, so an owner asked by the insurer had nothing to read out.
    import re
    win, agent = open_window(qtbot, world.home)
    try:
        page = one_camera(qtbot, win, world)
        usb = tmp_path / "USB stick"
        text = export_result(qtbot, win, page, usb)
        assert win.progress.stage.text() == "Finished", text
    finally:
        win.shutdown()
        agent.close()
    (package,) = [p for p in usb.iterdir() if p.is_dir()]
    readme = (package / "README.txt").read_text("utf-8")
    (named,) = re.findall(r"by owner (\S+):", readme)
    assert f"your key's id is {named}" in text, text
    # and the Activity page's row of the export names it later too
    from agent.audit.log import AuditLog
    (export,) = [e for e in AuditLog(world.home).entries() if e["event"] == "export"]
    assert export["data"]["owner"] == named


def test_the_next_export_starts_in_the_folder_chosen_last_time(qtbot, world, tmp_path):
    usb = tmp_path / "USB stick"
    win, agent = open_window(qtbot, world.home)
    try:
        page = one_camera(qtbot, win, world)
        export_result(qtbot, win, page, usb)
        assert win.progress.stage.text() == "Finished"
    finally:
        win.shutdown()
        agent.close()
    win, agent = open_window(qtbot, world.home)   # the app started again
    try:
        win.show_page("export")
        settle(qtbot, win)
        assert win.export.folder.text() == str(usb)
    finally:
        win.shutdown()
        agent.close()


def test_a_cancelled_export_shows_no_folder_to_open(qtbot, world, tmp_path, opened):
    win, agent = open_window(qtbot, world.home)
    try:
        page = one_camera(qtbot, win, world)
        page.folder.setText(str(tmp_path / "usb"))
        job_started = []
        page.started.connect(lambda job, title: (job_started.append(job), job.cancel()))
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
        settle(qtbot, win, timeout=60000)
        assert job_started and win.progress.stage.text() == "Cancelled"
        assert not win.progress.open_button.isVisible()
    finally:
        win.shutdown()
        agent.close()


def test_an_export_stopped_after_some_packages_opens_the_folder_holding_them(qtbot, world,
                                                                               tmp_path, opened):
    """Owner hunt: an export of two cameras stopped at the second (its masks damaged) kept the
    first's package and said 'Delete a kept package if you do not want it', but offered no way
    to the folder: Open the folder showed for a finished export only."""
    from agent.export.masks import masks_file

    masks = masks_file(world.home, "porch")
    masks.parent.mkdir(parents=True, exist_ok=True)
    masks.write_text('{"polygons": [[[0.1', "utf-8")
    win, agent = open_window(qtbot, world.home)
    try:
        page = choose_window(qtbot, win, world.start_us + US, world.start_us + 5 * US)
        for check in page.strip.checks.values():
            check.setChecked(True)
        usb = tmp_path / "USB stick"
        text = export_result(qtbot, win, page, usb)
        assert win.progress.finished_ok is False and "driveway" in text, text
        button = win.progress.open_button
        assert button.isVisible()
        qtbot.mouseClick(button, Qt.LeftButton)
        assert [u.toLocalFile() for u in opened.urls] == [str(usb)]
    finally:
        win.shutdown()
        agent.close()


def test_a_folder_the_desktop_cannot_open_is_named_instead(qtbot, world, tmp_path):
    """Owner hunt: where the system has no file manager to open a folder with (here: Qt's
    offscreen platform, which opens nothing, as a Linux desktop without xdg-open), Open the
    folder did nothing at all when pressed. The page now says where the folder is."""
    win, agent = open_window(qtbot, world.home)
    try:
        page = one_camera(qtbot, win, world)
        usb = tmp_path / "USB stick"
        export_result(qtbot, win, page, usb)
        qtbot.mouseClick(win.progress.open_button, Qt.LeftButton)
        said = win.progress.note.text()
        assert "could not open the folder" in said and str(usb) in said, said
        assert win.progress.note.isVisible()
    finally:
        win.shutdown()
        agent.close()


def test_an_export_that_ends_while_the_app_is_in_the_tray_is_said_by_the_tray(qtbot, world,
                                                                               tmp_path):
    """Export hunt 13: an owner who started an export and closed the window to the tray (it
    keeps running there) was told nothing when it ended; the window, opened, showed it. Now
    the tray says it: the page's title and outcome, the one the window shows. A window in
    sight gets no notification (its page says it)."""
    win, agent = open_window(qtbot, world.home)
    try:
        page = one_camera(qtbot, win, world)
        before = len(win.tray.notifications)
        export_result(qtbot, win, page, tmp_path / "in sight")
        assert len(win.tray.notifications) == before   # the window said it
        win.show_page("export")
        page.folder.setText(str(tmp_path / "USB stick"))
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
        win.hide()   # closed to the tray while it runs
        settle(qtbot, win, timeout=60000)
        assert win.progress.stage.text() == "Finished"
        (title, text), = win.tray.notifications[before:]
        assert title == win.progress.title.text() and title.startswith("Exported ")
        assert text.startswith("Finished. ") and "Hand over the whole folder" in text
    finally:
        win.shutdown()
        agent.close()
