"""What the desktop-app tests share: the footage they run on and waiting for the app to settle.

Imported only by GUI test modules (the agent's own tests must run without PySide6).
"""
from __future__ import annotations

import time

import pytest

from agent.timebase import US
from demo.gui_data import make_world, write_footage

ZONE = "America/Los_Angeles"


@pytest.fixture(scope="module")
def footage(tmp_path_factory):
    """Real recordings of the demo's cameras, ending an hour ago: (root, start_us)."""
    root = tmp_path_factory.mktemp("footage") / "recordings"
    start = (int(time.time()) - 3600) * US
    write_footage(root, start, 8.0)
    return root, start


def settle(qtbot, window, timeout=30000):
    """Wait until every job the window started has finished and its results are shown, and
    the request page has no move or keyframe lookup queued (its timer would start a job)."""
    def quiet() -> bool:
        strip = getattr(getattr(window, "request", None), "strip", None)
        return window.ctx.bridge.idle() and (strip is None or not strip.pending())

    qtbot.waitUntil(quiet, timeout=timeout)
    qtbot.wait(20)
    qtbot.waitUntil(quiet, timeout=timeout)


def import_request(qtbot, window, world, jti: str, end_us: int, start_us: int | None = None,
                   **claims) -> None:
    """A request from the demo world's agency (demo.gui_data), `jti` for the window from
    `start_us` (the world's start) to `end_us`, with `claims` (case, cameras), signed and
    opened as a request file, then listed in the inbox."""
    from demo.gui_data import request_claims, sign

    start = world.start_us if start_us is None else start_us
    path = world.request_file.with_name(f"{jti}.jws")
    path.write_text(sign(world.key, request_claims(jti, start, end_us, int(time.time()),
                                                   aud=world.registration, **claims)))
    window.ctx.agent.requests.import_request(path)
    window.inbox.refresh()
    settle(qtbot, window)


def open_request(qtbot, window, jti: str):
    """The request page of the inbox's request `jti`, opened and settled."""
    window.open_request(next(v for v in window.inbox.views if v.id == jti))
    settle(qtbot, window)
    return window.request


def open_world_request(qtbot, window):
    """The demo world's request (demo.gui_data, beside the window's home) imported, listed, and
    its page opened and settled: the request page."""
    agent = window.ctx.agent
    agent.requests.import_request(agent.home.parent / "world" / "request.jws")
    window.inbox.refresh()
    settle(qtbot, window)
    window.open_request(window.inbox.views[0])
    settle(qtbot, window)
    return window.request


def open_window(qtbot, home):
    """The app's main window on a real agent for `home`, shown and settled: (window, agent)."""
    from agent.service import Agent
    from gui.shell.app import application, build
    from gui.shell.tray import Tray

    application()
    agent = Agent(home)
    window = build(agent, zone=ZONE, tray=Tray())
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, window)
    return window, agent


def choose_window(qtbot, window, start_us: int, end_us: int):
    """The Export page with the window from `start_us` to `end_us` shown, as an owner picks it
    (times typed, "Show" clicked): the page, ready for cameras and a folder."""
    from PySide6.QtCore import Qt

    window.show_page("export")
    settle(qtbot, window)
    page = window.export
    page.set_time(page.start_edit, start_us)
    page.set_time(page.end_edit, end_us)
    qtbot.mouseClick(page.show_button, Qt.LeftButton)
    settle(qtbot, window)
    return page


def export_result(qtbot, window, page, folder) -> str:
    """Export what the Export `page` holds into `folder`, as an owner clicks Export: the
    result the progress page shows once the job ends."""
    from PySide6.QtCore import Qt

    page.folder.setText(str(folder))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    settle(qtbot, window, timeout=60000)
    return window.progress.result.text()


@pytest.fixture
def win(qtbot, tmp_path, footage):
    """The app's window on the demo's world (its agency trusted, its cameras indexed)."""
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    yield window
    window.shutdown()
    agent.close()


@pytest.fixture
def spanish(qapp):
    """The app in Spanish while the test runs, as a Spanish owner's PC starts it
    (gui.shell.language.install): its catalogue and Qt's own (standard buttons), the locale's
    day and month names in its dates, and Spanish as the default locale; English after."""
    from PySide6.QtCore import QLocale

    from gui.shell import language
    from gui.views import display, words

    before = QLocale()
    translators = language.install(qapp, QLocale("es_ES"))
    assert len(translators) == 2   # Qt's and the app's catalogues, both found
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    words.install(None)
    display.use_locale(display.LocaleWords())
    QLocale.setDefault(before)


@pytest.fixture
def answers(monkeypatch):
    """The owner's answers to the app's questions (QMessageBox), in turn, and the questions
    asked: `queue, asked = answers; queue.append(QMessageBox.Save)`."""
    from PySide6.QtWidgets import QMessageBox
    asked, queue = [], []

    def answer(box):
        asked.append(box.text())
        return queue.pop(0)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    return queue, asked


def drawn(tip: str) -> str:
    """The words a tooltip shows: Qt's tooltip label reads text that looks like HTML as rich
    text (QTipLabel, AutoText: Qt.mightBeRichText), any other as it is."""
    from PySide6.QtGui import Qt, QTextDocument

    if not Qt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()
