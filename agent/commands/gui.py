"""`gui`: open the desktop app. The app lives in the separate `gui` package (PySide6), loaded
by name so the agent itself never depends on Qt and runs the same without it."""
from __future__ import annotations

import importlib

from agent.commands.common import EXIT_FAILURE, say
from agent.commands.interrupt import Stopper

MISSING = ("footage-agent: the desktop app is not installed (it needs PySide6). Install it with "
           "`pip install footage-agent[gui]`, or keep using the footage-agent commands.")


def add_parsers(sub, common) -> None:
    g = sub.add_parser("gui", parents=[common], help="the desktop app")
    g.add_argument("--tray", action="store_true",
                   help="start in the tray (as at login): the window opens from its icon")
    g.set_defaults(func=gui)


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
