"""The desktop app: `footage-agent gui` or `python -m gui.shell.app [--home DIR]`.

The window holds one `agent.service.Agent`. While it runs, the agent's service (watching the
recordings folders, polling agencies) runs as an agent job; closing the window to the tray
keeps it running, Quit stops it.
"""
from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.shell import language
from gui.shell.context import make_context
from gui.shell.main_window import MainWindow
from gui.shell.platform_check import cannot_start_reason
from gui.shell.stopping import GRACE_S, SignalStop
from gui.shell.style import light_palette, sheet
from gui.shell.tray import Tray, app_icon
from gui.views.core_words import in_owner_language
from gui.views.words import sentence_start
from gui.widgets.kept_choices import keep_qt_state


def application() -> QApplication:
    """The QApplication (made once), styled."""
    made = QApplication.instance()
    app = made or QApplication(sys.argv[:1])
    if made is None or not hasattr(app, "translators"):   # the owner's language, once
        app.translators = language.install(app)
    app.setApplicationName("Footage requests")
    app.setWindowIcon(app_icon())
    # The system's font as the platform gave it: a style sheet never changes it, so a second
    # call reads the same size.
    hints = QApplication.styleHints()   # kept: its accessibility hints are its own
    high_contrast = (hints.accessibility().contrastPreference()
                     == Qt.ContrastPreference.HighContrast)
    if not high_contrast:
        app.setPalette(light_palette())
    app.setStyleSheet(sheet(app.font().pointSizeF(), high_contrast))
    return app


def build(agent, zone: str | None = None, tray: Tray | None = None) -> MainWindow:
    """A main window around `agent` (the QApplication must exist)."""
    return MainWindow(make_context(agent, zone), tray)


def run(agent, tray: bool = False) -> int:
    """Show the app until the owner quits or a stop signal comes; returns the exit code (130 or
    143 after SIGINT or SIGTERM, within 2 s: the jobs get `GRACE_S` to stop). With `tray` (at
    login) it starts in the tray, where the desktop has one, and opens from its icon."""
    reason = cannot_start_reason()
    if reason is not None:
        print(f"footage-agent: {reason}", file=sys.stderr)
        return 1
    taken = agent.claim_app()   # held until the agent is closed: one app per home
    if taken is not None:
        print(f"footage-agent: {taken}", file=sys.stderr)
        already_open_box(taken).exec()
        _SAID_IN_A_BOX.append(taken)
        return 1
    app = application()
    keep_qt_state(agent.home)   # before any file dialog reads ~/.config/QtProject.conf
    app.setQuitOnLastWindowClosed(False)
    window = build(agent)
    ctx = window.ctx
    window.destroyed.connect(app.quit)
    original_close = window.closeEvent

    def close_event(event):
        original_close(event)
        if event.isAccepted():
            app.quit()
    window.closeEvent = close_event
    # The tray's Quit reaches app.quit through close_event: Cancel on its question stays open.
    stopper = SignalStop(lambda: (window.stop(), app.quit()), app)
    stopper.install()
    # The agent's service watches the folders and polls the agencies (the inbox listens).
    service = ctx.bridge.run("service", lambda progress, cancel: agent.run(cancel))
    if tray and ctx.login is not None:   # started by the entry: it starts this version now
        ctx.bridge.call("login-entry-refresh", ctx.login.refresh)
    if not (tray and window.tray.available):
        window.show()
    window.start()
    try:
        code = app.exec()
    finally:
        service.cancel()
        window.shutdown(GRACE_S)
        stopper.restore()
    return stopper.exit_code if stopper.exit_code is not None else code


def already_open_box(message: str) -> QMessageBox:
    """The box a second app shows, saying where the first is (`message`, the agent's), in the
    owner's language. Said on stderr alone it reached nobody: the app opened from the Start
    menu or a desktop entry has no console (on Windows a windowed program has no stderr)."""
    application()
    said = in_owner_language(message)
    box = QMessageBox(QMessageBox.Information,
                      QCoreApplication.translate("app", "Footage requests is already open"),
                      sentence_start(said), QMessageBox.Ok)
    box.setTextFormat(Qt.PlainText)   # the home's path is shown as it is, never as markup
    return box


_SAID_IN_A_BOX: list[str] = []   # why the app did not start, each time a box said it


def said_in_a_box() -> int:
    """How many times this process's app said in a box why it did not start (already open,
    its home refused): the frozen windowed program then shows no box of its own
    (packaging/entry.py), which said it a second time, in English."""
    return len(_SAID_IN_A_BOX)


def tell_cannot_start(message: str) -> bool:
    """Show why the app could not start (`message`, the agent's words: a home folder refused,
    on a USB stick or not writable) in a box, before any main window; False when no window can
    open here (then stderr is all there is)."""
    if cannot_start_reason() is not None:
        return False
    cannot_start_box(message).exec()
    _SAID_IN_A_BOX.append(message)
    return True


def cannot_start_box(message: str) -> QMessageBox:
    """The box saying why the app could not start, in the owner's language."""
    application()
    said = in_owner_language(message)
    box = QMessageBox(QMessageBox.Warning,
                      QCoreApplication.translate("app", "Footage requests cannot start"),
                      sentence_start(said), QMessageBox.Ok)
    box.setTextFormat(Qt.PlainText)   # a path is shown as it is, never as markup
    return box


def main(argv: list[str] | None = None) -> int:
    """`python -m gui.shell.app [--home DIR] [--tray]`: the app, as `footage-agent gui` opens
    it; a home folder refused is said on stderr and in the box (exit 1), never a traceback."""
    parser = argparse.ArgumentParser(prog="footage-agent-gui")
    parser.add_argument("--home", help="the agent's home folder (env FOOTAGE_AGENT_HOME)")
    parser.add_argument("--tray", action="store_true", help="start in the tray (at login)")
    args = parser.parse_args(argv)
    from agent.service import Agent

    try:
        agent = Agent(args.home)
    except Exception as exc:  # the agent's refusal, in its own words (ConfigError, StoreError)
        print(f"footage-agent: {exc}", file=sys.stderr)
        tell_cannot_start(str(exc))
        return 1
    try:
        return run(agent, args.tray)
    finally:
        agent.close()


if __name__ == "__main__":
    sys.exit(main())
