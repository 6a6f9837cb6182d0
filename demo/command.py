"""`footage-agent demo`: sample recordings, a local test portal with a signed request, and the
app opened on them; `demo --check` walks the whole flow headless and exits 0 only if every step
worked. The command line is parsed by agent/commands/demo.py, which loads this by name.

The desktop app is loaded by name too (agent/commands/gui.py), so the agent never depends on Qt.
"""
from __future__ import annotations

import inspect
import os
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from agent.commands.common import EXIT_FAILURE, EXIT_OK, UsageError, say
from agent.commands.gui import load_app
from agent.service import Agent
from agent.timebase import format_utc
from demo.check import WALK, StepResult, Walk, clock, run_steps
from demo.world import CAMERAS, DemoError, DemoWorld, prepare_dir, serve, write_sample_footage

NO_APP = ("The desktop app is not installed here (it needs PySide6), so the demo runs without "
          "it: try the commands below, or install it with `pip install footage-agent[gui]`.")


def show(result: StepResult) -> None:
    """One step as one line on stdout: `ok`, `FAILED` or `-` (not run), its name, what it saw."""
    mark = {True: "ok", False: "FAILED", None: "-"}[result.ok]
    print(f"{mark:>6}  {result.name:<10}  {result.detail}", flush=True)


def run(args) -> int:
    """Set up the demo and run it as `args` (the parsed `demo` command line) asks."""
    if not 2 <= args.minutes <= 240:
        raise UsageError("--minutes must be 2 to 240")
    app = None
    if not (args.no_gui or args.check):
        app = load_app()  # before the slow part, so a missing app is said at once
        if app is None:
            say(NO_APP)
    try:
        folder, made = prepare_dir(args.dir)
    except DemoError as exc:
        say(f"footage-agent: {exc}")
        return EXIT_FAILURE
    print(f"Demo folder: {folder}", flush=True)
    world, portal = _set_up(folder, args.minutes)
    if world is None:
        say(f"footage-agent: the demo could not be set up; its files are in {folder}")
        return EXIT_FAILURE
    agent = Agent(world.home)
    ok = False
    try:
        walk = Walk(world, portal, agent)
        ok = run_steps(walk, WALK if args.check else WALK[:2], show)
        if ok and not args.check:
            return _interactive(walk, app)
    finally:
        agent.close()
        portal.stop()
    if not ok:
        say(f"footage-agent: the demo {'check failed' if args.check else 'could not be set up'}"
            f" (see the FAILED line above); its files are kept in {folder} for a look.")
        return EXIT_FAILURE
    if made:
        shutil.rmtree(folder, ignore_errors=True)  # nothing to look at: every step worked
    print("Every step worked.", flush=True)
    return EXIT_OK


def _set_up(folder: Path, minutes: int):
    """Footage and portal, each shown as a step; (None, None) when one failed."""
    try:
        footage = write_sample_footage(folder, minutes)
    except DemoError as exc:
        show(StepResult("recordings", False, str(exc)))
        return None, None
    count = sum(len(v) for v in footage.files.values())
    kinds = "; ".join(f"{c.name} as {c.recorder}" for c in CAMERAS)
    show(StepResult("recordings", True, f"{count} files, {minutes} minutes of two cameras "
                    f"({kinds}) written in {footage.seconds:.1f} s"))
    try:
        world, portal = serve(folder, footage)
    except DemoError as exc:
        show(StepResult("portal", False, str(exc)))
        return None, None
    t = footage.times
    show(StepResult("portal", True, f"test agency portal at {world.origin} (loopback only), "
                    "trusted by the demo's agent, which registered its cameras there with an "
                    f"invite code ({world.registration}); a signed request for "
                    f"{clock(t.request_start_us)} to {clock(t.request_end_us)} is waiting"))
    return world, portal


def _interactive(walk: Walk, app) -> int:
    """Print what to try next, then open the app, or keep the portal up until Ctrl-C."""
    print(flush=True)
    for line in next_steps(walk.world, walk.jti):
        print(line, flush=True)
    if app is not None:
        code = open_app(app, walk.agent)
        if code is not None:
            return code
        say("The desktop app found here has no entry point the demo knows (a `run(agent)` or "
            "`main(agent=...)` function), so the demo runs without it: try the commands above.")
    wait_for_ctrl_c("\nThe test portal keeps running until you press Ctrl-C.")
    print(f"Demo portal stopped. The demo's files stay in {walk.world.folder}; delete that "
          "folder when you are done.", flush=True)
    return EXIT_OK


def open_app(module, agent: Agent) -> int | None:
    """Run the desktop app on the demo's agent; None when the module has no known entry point."""
    run = getattr(module, "run", None)
    if callable(run):
        return run(agent)
    main = getattr(module, "main", None)
    if callable(main) and "agent" in inspect.signature(main).parameters:
        return main(agent=agent)
    return None


def wait_for_ctrl_c(prompt: str) -> None:
    """Say `prompt`, then block until Ctrl-C (short waits, so the interrupt is seen on every
    platform). The prompt is printed inside the guard: a Ctrl-C right after it still counts."""
    never = threading.Event()
    try:
        print(prompt, flush=True)
        while not never.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass


def command_prefix() -> list[str]:
    """How this person runs footage-agent: the bundle, the installed script, or the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    if shutil.which("footage-agent"):
        return ["footage-agent"]
    return [sys.executable, "-m", "agent.cli"]


def shell_line(argv: list[str]) -> str:
    """A command line to copy into this platform's shell."""
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def next_steps(world: DemoWorld, jti: str) -> list[str]:
    """What to try next, each with the exact command (the demo's --home included)."""
    t, base = world.footage.times, [*command_prefix(), "--home", str(world.home)]
    share = ["--camera", CAMERAS[0].name, "--from", format_utc(t.approve_start_us),
             "--to", format_utc(t.approve_end_us)]
    window = ["--from", format_utc(t.request_start_us), "--to", format_utc(t.request_end_us)]
    minutes = (t.approve_end_us - t.approve_start_us) / 60_000_000
    tries = [
        ("The request waiting for you", ["inbox"]),
        ("Read it in full: who asks, and the number to call to check it is real",
         ["inbox", "show", jti]),
        ("What the porch camera recorded in that window (it has a gap)",
         ["coverage", "--camera", "porch", *window]),
        (f"Share part of it: one camera, {minutes:g} minutes (you confirm first)",
         ["approve", jti, *share]),
        ("Or decline it, with a reason the agency sees",
         ["decline", jti, "--reason", "my cameras do not see that street"]),
        ("Export by hand, e.g. for your insurer (prints the package folder)",
         ["export", *share, "--out", str(world.folder / "exports")]),
        ("Check a package: BagIt manifests, signature and provenance", ["verify", "PACKAGE"]),
        ("Every decision, in a log that shows any edit", ["log", "verify"]),
        ("The desktop app on this demo", ["gui"]),
    ]
    lines = [f"The demo's agent home is {world.home}. Try:"]
    for what, argv in tries:
        lines += [f"  # {what}", f"  {shell_line(base + argv)}"]
    return lines
