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
from agent.commands.interrupt import Interrupted, Stopper
from agent.commands.gui import load_app
from agent.export.naming import package_name
from agent.service import Agent
from agent.timebase import format_utc
from demo import folder_lock
from demo.check import WALK, StepResult, Walk, clock, how_long, run_steps
from demo.world import CAMERAS, DemoError, DemoWorld, prepare_dir, serve, write_sample_footage

STOPPED = (130, 143, 129)   # the app's exit codes after Ctrl-C (Ctrl-Break), SIGTERM, SIGHUP

NO_APP = ("The desktop app is not installed here (it needs PySide6), so the demo runs without "
          "it: try the commands below, or install it with `pip install footage-agent[gui]`.")


def show(result: StepResult) -> None:
    """One step as one line on stdout: `ok`, `FAILED` or `-` (not run), its name, what it saw."""
    mark = {True: "ok", False: "FAILED", None: "-"}[result.ok]
    print(f"{mark:>6}  {result.name:<10}  {result.detail}", flush=True)


def run(args) -> int:
    """Set up the demo and run it as `args` (the parsed `demo` command line) asks.

    A demo folder the demo made itself (no --dir) is removed however the demo ends (Ctrl-C,
    SIGTERM, a check that passed) except after a failure, where its files are kept for a look
    and named. A --dir folder is the person's: it is kept.
    """
    if not 2 <= args.minutes <= 240:
        raise UsageError("--minutes must be 2 to 240")
    stopper = getattr(args, "stopper", None) or Stopper()
    app = None
    if not (args.no_gui or args.check):
        with stopper.deferred():
            app = load_app()  # before the slow part, so a missing app is said at once
        if app is None:
            say(NO_APP)
    try:
        folder, made = prepare_dir(args.dir)
    except DemoError as exc:
        say(f"footage-agent: {exc}")
        return EXIT_FAILURE
    keep = False   # set when a failure's files are worth a look
    try:
        print(f"Demo folder: {folder}", flush=True)
        code = _run_in(folder, args, app, stopper)
        keep = code != EXIT_OK
        return code
    finally:
        with stopper.shielded():   # a second Ctrl-C must not leave the folder behind
            _tidy(folder, made, keep)
            folder_lock.release(folder)


def _tidy(folder: Path, made: bool, keep: bool) -> None:
    """Remove the folder the demo made, or say where a --dir folder's files stay."""
    if made and not keep:
        shutil.rmtree(folder, ignore_errors=True)
        note(f"Removed the demo folder {folder}.")
    elif not made and not keep:
        note(f"The demo's files stay in {folder} (given with --dir); delete that folder when "
             "you are done.")


def note(line: str) -> None:
    """`line` on stdout during the clean-up (and the wait's prompt). A terminal whose window
    was closed (SIGHUP) fails every write to it (EIO): there is nobody left to tell, and the
    clean-up goes on (it ended there, and with --recorder the recorder's server was never
    stopped)."""
    try:
        print(line, flush=True)
    except OSError:
        pass


def _run_in(folder: Path, args, app, stopper: Stopper) -> int:
    world, portal = _set_up(folder, args.minutes)
    if world is None:
        say(f"footage-agent: the demo could not be set up; its files are in {folder}")
        return EXIT_FAILURE
    agent = Agent(world.home)
    ok, interrupted, nvr = False, False, None
    try:
        walk = Walk(world, portal, agent)
        steps = WALK if args.check else WALK[:2]
        if getattr(args, "recorder", None):
            nvr = _add_recorder(folder, args.recorder, world, walk)
            if nvr is None:
                return EXIT_FAILURE
            steps += ("recorder",) if args.check else ()
        ok = run_steps(walk, steps, show)
        if ok and not args.check:
            return _interactive(walk, app, stopper)
    except (Interrupted, KeyboardInterrupt):
        interrupted = True   # a step may still hold the agent: close nothing under it
        raise
    finally:
        # Shielded: a second Ctrl-C here skipped stopping the servers, whose threads then
        # kept the process alive for good.
        with stopper.shielded():
            if not interrupted:
                agent.close()
            if stop_within(portal.stop, 1.0) and ok and not args.check:   # it waited
                note("Demo portal stopped.")
            if nvr is not None:
                stop_within(nvr.stop, 1.0)
    if not ok:
        say(f"footage-agent: the demo {'check failed' if args.check else 'could not be set up'}"
            f" (see the FAILED line above); its files are kept in {folder} for a look.")
        return EXIT_FAILURE
    print("Every step worked.", flush=True)
    return EXIT_OK


def stop_within(stop, seconds: float) -> bool:
    """Call `stop()` on a thread of its own and wait `seconds` at most (a portal thread busy
    with a slow client must not hold up the end); True when it finished."""
    thread = threading.Thread(target=stop, name="footage-agent-demo-stop", daemon=True)
    thread.start()
    thread.join(seconds)
    return not thread.is_alive()


def _set_up(folder: Path, minutes: int):
    """Footage and portal, each shown as a step; (None, None) when one failed. Writing the
    footage is said first: an hour of it takes half a minute, which passed in silence after
    the folder's name, as if the demo had hung."""
    print(f"Writing {minutes} minutes of sample footage for two cameras; this takes a little "
          "while...", flush=True)
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


def _add_recorder(folder: Path, vendor: str, world, walk: Walk):
    """The simulated NVR, added to the demo's agent (a step line either way); None if it failed."""
    from demo.recorder import DemoRecorder

    nvr = None
    try:
        nvr = DemoRecorder(folder / "nvr", vendor, world.footage.times)
        walk.nvr = facts = nvr.add_to(walk.agent)
    except Exception as exc:  # said as a step, never a traceback
        show(StepResult("nvr", False, f"{type(exc).__name__}: {exc}"))
        if nvr is not None:
            nvr.stop()
        return None
    show(StepResult("nvr", True, f"a simulated {vendor} recorder at {facts.url} (HTTPS, its "
                    f"certificate {facts.fingerprint[:16]}... pinned) holds the garage camera: "
                    f"{facts.added.report.seen} recordings mirrored as camera "
                    f"{facts.added.cameras[0]}"))
    return nvr


def _interactive(walk: Walk, app, stopper: Stopper) -> int:
    """Print what to try next, then open the app, or keep the portal up until Ctrl-C."""
    print(flush=True)
    for line in next_steps(walk.world, walk.jti, walk.nvr is not None):
        print(line, flush=True)
    if app is not None:
        code = open_app(app, walk.agent)
        if code in (EXIT_OK, *STOPPED):   # closed, or Ctrl-C or SIGTERM: how the demo ends
            return EXIT_OK
        if code is None:
            say("The desktop app found here has no entry point the demo knows (a `run(agent)` "
                "or `main(agent=...)` function), so the demo runs without it: try the commands "
                "above.")
        else:   # it said why (no screen, libraries missing) and opened nothing
            say("The demo runs without the desktop app (why is said above): try the commands "
                "above.")
    wait_for_ctrl_c("\nThe test portal keeps running until you press Ctrl-C.", stopper)
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


def wait_for_ctrl_c(prompt: str, stopper: Stopper) -> None:
    """Say `prompt`, then wait until Ctrl-C, SIGTERM or Ctrl-Break (in short slices, so the
    signal is seen on every platform). Inside `quiet`, the signal only ends the wait. The
    prompt is written as a clean-up line is: a terminal closed while it was written (its
    SIGHUP) failed the write, and the demo ended 1, not 0."""
    with stopper.quiet():
        note(prompt)
        stopper.wait()


def command_prefix() -> list[str]:
    """How this person runs footage-agent: the bundle, the installed script, or the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    if shutil.which("footage-agent"):
        return ["footage-agent"]
    return [sys.executable, "-m", "agent.cli"]


def shell_line(argv: list[str], os_name: str = os.name) -> str:
    """A command line to copy into this platform's shell."""
    return subprocess.list2cmdline(argv) if os_name == "nt" else shlex.join(argv)


def powershell_note(prefix: list[str], os_name: str = os.name) -> str | None:
    """On Windows, where the program's path needs quotes (`C:\\Users\\Ann Owner\\...`): cmd
    runs the quoted line, but PowerShell, the Terminal's shell, reads a quoted first word as
    text and refuses the rest ("Unexpected token '-m'") unless `&` comes before it."""
    if os_name != "nt" or not shell_line(prefix[:1], os_name).startswith('"'):
        return None
    return "  # In PowerShell, type & and a space before each line (cmd takes them as they are)."


def next_steps(world: DemoWorld, jti: str, recorder: bool = False) -> list[str]:
    """What to try next, each with the exact command (the demo's --home included)."""
    t, base = world.footage.times, [*command_prefix(), "--home", str(world.home)]
    share = ["--camera", CAMERAS[0].name, "--from", format_utc(t.approve_start_us),
             "--to", format_utc(t.approve_end_us)]
    window = ["--from", format_utc(t.request_start_us), "--to", format_utc(t.request_end_us)]
    length = how_long(t.approve_end_us - t.approve_start_us)
    exports = world.folder / "exports"
    # The package the export line makes, so that the verify line runs as printed (a second
    # export of the same minutes is named _2: that one the export itself prints).
    package = exports / package_name("manual", CAMERAS[0].name, t.approve_start_us,
                                     t.approve_end_us, "copy")
    tries = [
        ("The request waiting for you", ["inbox"]),
        ("Read it in full: who asks, and the number to call to check it is real",
         ["inbox", "show", jti]),
        ("What the porch camera recorded in that window (it has a gap)",
         ["coverage", "--camera", "porch", *window]),
        (f"Share part of it: one camera, {length} (you confirm first)",
         ["approve", jti, *share]),
        ("Or decline it, with a reason the agency sees",
         ["decline", jti, "--reason", "my cameras do not see that street"]),
        ("Export by hand, e.g. for your insurer (prints the package folder)",
         ["export", *share, "--out", str(exports)]),
        ("Check that package: BagIt manifests, signature and provenance",
         ["verify", str(package)]),
        ("Every decision, in a log that shows any edit", ["log", "verify"]),
        ("The desktop app on this demo", ["gui"]),
    ]
    if recorder:   # exports from it need its password, kept under the demo's passphrase
        tries[3:3] = [("The garage camera, on the simulated recorder (exports from it need "
                       "FOOTAGE_AGENT_PASSPHRASE=demo)", ["coverage", "--camera", "garage", *window])]
    lines = [f"The demo's agent home is {world.home}. Try:"]
    note = powershell_note(base)
    lines += [note] if note else []
    for what, argv in tries:
        lines += [f"  # {what}", f"  {shell_line(base + argv)}"]
    return lines
