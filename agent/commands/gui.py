"""`gui`: open the desktop app. The app lives in the separate `gui` package (PySide6), loaded
by name so the agent itself never depends on Qt and runs the same without it."""
from __future__ import annotations

import importlib
import sys

from agent.commands.common import EXIT_FAILURE, say
from agent.commands.interrupt import Stopper

MISSING = ("footage-agent: the desktop app is not installed (it needs PySide6). Install it with "
           "`pip install footage-agent[gui]`, or keep using the footage-agent commands.")


def add_parsers(sub, common) -> None:
    g = sub.add_parser("gui", parents=[common], help="the desktop app")
    g.add_argument("--tray", action="store_true",
                   help="start in the tray (as at login): the window opens from its icon")
    g.set_defaults(func=gui, tell=tell_in_a_window)


def tell_in_a_window(message: str) -> None:
    """Show why the app did not start (`message`, the command's words) in the app's box: the
    app started from the Start menu, a desktop entry or at login has no console, so stderr
    alone reaches nobody. Nothing when the app is not installed or no window can open here."""
    app = load_app()
    if app is not None:
        app.tell_cannot_start(message)


def told_in_a_window() -> int:
    """How many times the app said in its box why it did not start, in this process (its
    home refused, or open already): the frozen windowed program then shows no box of its own
    (packaging/entry.py). Asked of the app only if it was loaded: then it may have."""
    app = sys.modules.get("gui.shell.app")
    return app.said_in_a_box() if app is not None else 0


def load_app():
    """The gui.shell.app module, or None when PySide6 (or the gui package) cannot be imported."""
    try:
        return importlib.import_module("gui.shell.app")
    except ImportError as exc:
        missing = (getattr(exc, "name", None) or "").split(".")[0]
        if missing in ("PySide6", "shiboken6", "gui") or "PySide6" in str(exc):
            return None
        raise


def gui(agent, args) -> int:
    with (getattr(args, "stopper", None) or Stopper()).deferred():   # Qt takes a while to load
        app = load_app()
    if app is None:
        say(MISSING)
        return EXIT_FAILURE
    return app.run(agent, tray=True) if getattr(args, "tray", False) else app.run(agent)
