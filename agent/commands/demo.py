"""`demo`: try everything on sample footage with a local test portal.

The demo lives in its own package (`demo`: sample footage, the reference portal, the walk
through the flow), loaded by name like the desktop app, so the core never imports it or the
portal.
"""
from __future__ import annotations

import importlib

from agent.commands.common import EXIT_FAILURE, say
from agent.commands.interrupt import Stopper

MISSING = "footage-agent: the demo is not installed with this copy of footage-agent."


def add_parsers(sub, common) -> None:
    d = sub.add_parser("demo", parents=[common],
                       help="try everything on sample footage with a local test portal")
    d.add_argument("--no-gui", action="store_true",
                   help="do not open the app: print commands to try, and keep the test portal "
                        "running until Ctrl-C")
    d.add_argument("--dir", help="folder for the demo's recordings, portal and agent home "
                                 "(new or empty; default: a new temporary folder)")
    d.add_argument("--check", action="store_true",
                   help="walk the whole flow headless and exit 0 only if every step worked")
    d.add_argument("--minutes", type=int, default=60,
                   help="minutes of sample footage per camera (default 60)")
    d.add_argument("--recorder", choices=("reolink", "dahua", "hikvision"),
                   help="also a garage camera on a simulated recorder of this make on your "
                        "network (served on this computer only), added as an owner adds one")
    d.set_defaults(func=demo, needs_home=False)


def demo(_agent, args) -> int:
    """The demo's handler; `_agent` (the --home agent) is not used: the demo has its own home."""
    stopper = getattr(args, "stopper", None) or Stopper()
    try:  # by name, and only now: the demo brings numpy, the portal and the export stack
        with stopper.deferred():   # a few seconds to load: a Ctrl-C then is not lost
            command = importlib.import_module("demo.command")
    except ImportError as exc:
        if (getattr(exc, "name", None) or "").split(".")[0] != "demo":
            raise
        say(MISSING)
        return EXIT_FAILURE
    return command.run(args)
