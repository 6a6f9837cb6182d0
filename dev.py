#!/usr/bin/env python3
"""Quick start: `python3 dev.py run` (the demo; Ctrl-C or SIGTERM ends it and removes its
temporary folder: exit 0, or 130 and 143 when that stops the demo before its portal is up;
during setup it ends pip and what pip started, then dev.py, with 130 or 143; Ctrl-Z pauses
dev.py with what it runs, and `fg` resumes both),
`python3 dev.py test` (the whole suite) and
`python3 dev.py coverage` (the suite measured, the processes it starts included).

Needs only Python 3.11+: it makes `.venv` beside this file (again when one was left without
pip), installs the project into it (again only when pyproject.toml changed), then runs. `test` requires the external tools the tests
check packages and desktop files with (minisign, desktop-file-validate, appstreamcli, cv2) as
CI does: a missing one fails its tests rather than skipping them. Set
FOOTAGE_AGENT_REQUIRE_TOOLS=0 to let them skip instead.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def sh(*cmd: str | Path, **kw) -> None:
    """Run `cmd` as a step of setting up or testing: a step that fails ends dev.py with its
    code (CalledProcessError); a stop signal ends the step and then dev.py, as `stopped`."""
    code = foreground(list(cmd), own_group=True, **kw)
    if STOPS.got:
        sys.exit(stopped_status(STOPS.got[0]))
    if code:
        raise subprocess.CalledProcessError(code, [str(c) for c in cmd])


def setup(extras: str) -> None:
    """Create the virtual environment and install the project with `extras` if needed."""
    if not PY.exists() or not has_pip():
        # --clear: a .venv made without pip is made again. Debian and Ubuntu's venv, without
        # their python3.X-venv package, makes .venv and then fails at pip (saying to install
        # that package); every run after that found python there and stopped at "No module
        # named pip", even once the package was installed.
        sh(sys.executable, "-m", "venv", "--clear", VENV)
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / f".installed-{extras}"
    want = hashlib.sha256((HERE / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != want:
        # pip is quiet for minutes on a first run: say what it does, or it looks hung
        print(f"Installing footage-agent and what it needs into {VENV} (the first time, and "
              "after pyproject.toml changes; this can take a few minutes)...", flush=True)
        sh(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")
        stamp.write_text(want)


def has_pip() -> bool:
    """True when the virtual environment's Python can run pip."""
    return subprocess.run([str(PY), "-m", "pip", "--version"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def run(demo_args: list[str]) -> None:
    """The demo: sample recordings, a local agency portal with a signed request, the app.
    Arguments after `run` go to `footage-agent demo` (e.g. `--minutes 5`, `--check`)."""
    setup("test")
    gui = os.name == "nt" or sys.platform == "darwin" or os.environ.get("DISPLAY") \
        or os.environ.get("WAYLAND_DISPLAY")
    sys.exit(foreground(demo_command(demo_args, bool(gui))))


def demo_command(demo_args: list[str], gui: bool) -> list:
    """The demo's command line: without a display the app cannot open, so `--no-gui` is added
    (once: an owner may have given it already)."""
    no_gui = [] if gui or "--no-gui" in demo_args else ["--no-gui"]
    return [BIN / "footage-agent", "demo", *no_gui, *demo_args]


class Stops:
    """The stop signals this process got (`got`), and the child it runs now (`child`), which a
    signal it must pass on is sent to: to its whole process group when it leads one (`group`)."""

    def __init__(self) -> None:
        self.got: list[int] = []
        self.child: subprocess.Popen | None = None
        self.group = False


STOPS = Stops()


def catch_stops() -> None:
    """Note every stop signal (`stop_plan`) from now on, and pass on those a child does not
    get by itself. In place before the first child starts (the virtual environment's pip
    included: SIGTERM, which killed dev.py alone, left pip installing on as an orphan), and
    until the last ends, so a signal between two children is not lost either."""
    noted, passed_on = stop_plan()

    def on_signal(signum, _frame):
        STOPS.got.append(signum)
        if STOPS.child is not None and STOPS.group:
            pass_on_group(STOPS.child, signum)
        elif STOPS.child is not None:
            pass_on(STOPS.child, signum, passed_on)

    for name in noted + passed_on:
        sig = getattr(signal, name)
        if not (name == "SIGHUP" and signal.getsignal(sig) == signal.SIG_IGN):   # nohup
            signal.signal(sig, on_signal)
    if hasattr(signal, "SIGTSTP"):   # POSIX job control; Windows has no Ctrl-Z for processes
        signal.signal(signal.SIGTSTP, on_pause)


def on_pause(signum: int, _frame) -> None:
    """Ctrl-Z (SIGTSTP): stop the child with this process, and resume it with this process.

    The terminal stops its foreground group alone, and a child leading a group of its own
    (pip, pytest: `foreground`'s `own_group`) is not in it: it ran on, writing into the
    terminal, while the shell said dev.py was stopped. So the child (its whole group) is
    stopped first, then this process, as the signal's default would have; when the shell's
    `fg` or `bg` continues this process, the child is continued too."""
    child, group = STOPS.child, STOPS.group
    send_job(child, group, signum)
    signal.signal(signum, signal.SIG_DFL)
    try:
        os.kill(os.getpid(), signum)   # stops here, until SIGCONT
    finally:
        signal.signal(signum, on_pause)
    send_job(child, group, signal.SIGCONT)


def send_job(child: subprocess.Popen | None, group: bool, signum: int) -> None:
    """Send a job-control signal to `child`: to its whole group when it leads one. The demo,
    in this process's group, got the terminal's Ctrl-Z itself; a second one changes nothing,
    and one sent to dev.py alone (`kill -TSTP`) stops it too."""
    if child is not None and group:
        pass_on_group(child, signum)
    elif child is not None:
        pass_on(child, signum, (signal.Signals(signum).name,))


def foreground(cmd: list, own_group: bool = False, **kw) -> int:
    """Run `cmd` and let it end by itself; its exit code (`exit_status`).

    A terminal's Ctrl-C reaches every process of the foreground group, the demo included:
    the demo stops its portal and removes its folder. So this process only waits (in short
    slices, so signals are seen) instead of killing the demo a moment later, as
    subprocess.run does on Ctrl-C, which left the demo's temporary folder behind. SIGTERM,
    sent to this process alone, is passed on to the demo (`catch_stops`). A signal before it
    starts means it is not started at all.

    `own_group` (POSIX): the child leads a process group of its own, and every stop signal is
    passed on to all of it. pip runs pip again to install build requirements, and SIGTERM
    passed to the first alone left the second installing on as an orphan.
    """
    print("+", " ".join(str(c) for c in cmd), flush=True)
    if STOPS.got:
        return stopped_status(STOPS.got[0])
    group = own_group and os.name == "posix"
    child = subprocess.Popen([str(c) for c in cmd], cwd=HERE,
                             **({"process_group": 0} if group else {}), **kw)
    STOPS.child, STOPS.group = child, group
    try:
        noted, passed_on = stop_plan()
        for signum in list(STOPS.got):   # came while it started: it may not have seen it
            if group:
                pass_on_group(child, signum)
            else:
                pass_on(child, signum, noted + passed_on)
        while True:
            try:
                return exit_status(child.wait(timeout=0.2))
            except subprocess.TimeoutExpired:
                continue
    finally:
        STOPS.child = None


def stop_plan(os_name: str = os.name) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stop signals `foreground` handles: (those it only notes, those it passes on).

    A terminal's Ctrl-C (and Windows' Ctrl-Break), and its SIGHUP when it is closed, reach the
    demo as well, which ends itself: noted. SIGTERM is sent to one process, so it is passed on
    (POSIX). Windows has no SIGTERM another program can send, and passing one on there would
    be TerminateProcess, which ends the demo with its folder left behind: nothing is passed
    on."""
    if os_name == "nt":
        return ("SIGINT", "SIGBREAK"), ()
    return ("SIGINT", "SIGHUP"), ("SIGTERM",)


def pass_on(proc: subprocess.Popen, signum: int, names: tuple[str, ...]) -> None:
    """Send `signum` to the demo when it is one of `names` (a signal it already got is not
    sent twice)."""
    if signal.Signals(signum).name in names and proc.poll() is None:
        try:
            proc.send_signal(signum)
        except (OSError, ValueError):   # just ended; or one Windows cannot send to a process
            pass


def pass_on_group(proc: subprocess.Popen, signum: int) -> None:
    """Send `signum` to every process of the group `proc` leads (POSIX): those it started
    too, which a signal to it alone would leave running; the terminal's own signals do not
    reach a group other than the one in its foreground."""
    try:
        os.killpg(proc.pid, signum)
    except OSError:   # all of them ended already
        pass


def stopped_status(signum: int) -> int:
    """This process's exit code when a signal stopped it: 143 for SIGTERM, 129 for SIGHUP, 130
    for Ctrl-C and Ctrl-Break, as the demo's own."""
    if signum == getattr(signal, "SIGTERM", 15):
        return 143
    return 129 if signum == getattr(signal, "SIGHUP", None) else 130


def exit_status(returncode: int) -> int:
    """The demo's exit code as this process's: a POSIX child killed by signal N (Popen's -N,
    when it stopped before its own handlers were in place) is 128 + N, as a shell counts it,
    not -N, which sys.exit turned into 256 - N (254, 241)."""
    return 128 - returncode if returncode < 0 else returncode


def _test_env() -> dict:
    env = dict(os.environ)
    env.setdefault("FOOTAGE_AGENT_REQUIRE_TOOLS", "1")  # as CI: a missing tool fails
    return env


def test(pytest_args: list[str]) -> None:
    """Install with the test extras and run the whole suite, requiring every tool as CI does."""
    setup("test")
    sh(PY, "-m", "pytest", *parallel(pytest_args), *pytest_args, env=_test_env())


def parallel(pytest_args: list[str]) -> list[str]:
    """pytest-xdist's options for one worker per core, each taking whole test files (their
    module fixtures, such as footage, are made once); none when the arguments choose
    otherwise (`-n 0`, `-p no:xdist`)."""
    chosen = any(a.startswith(("-n", "--numprocesses", "--dist")) or "xdist" in a
                 for a in pytest_args)
    return [] if chosen else ["-n", "auto", "--dist", "loadfile"]


COVERAGE_RC = HERE / "tests" / "coverage.ini"


def coverage(pytest_args: list[str]) -> None:
    """The suite under coverage, children included (tests/child_hooks/sitecustomize.py starts
    coverage in every Python process the tests start), then one combined report."""
    setup("test")
    if subprocess.run([str(PY), "-c", "import coverage"], capture_output=True).returncode:
        sh(PY, "-m", "pip", "install", "--quiet", "coverage>=7")
    data = VENV / "coverage" / "data"
    data.parent.mkdir(exist_ok=True)
    env = {**_test_env(), "COVERAGE_PROCESS_START": str(COVERAGE_RC),
           "FOOTAGE_COVERAGE_DATA": str(data)}
    sh(PY, "-m", "coverage", "erase", "--rcfile", COVERAGE_RC, env=env)
    sh(PY, "-m", "coverage", "run", "--rcfile", COVERAGE_RC, "-m", "pytest", *pytest_args,
       env=env)
    sh(PY, "-m", "coverage", "combine", "--rcfile", COVERAGE_RC, env=env)
    sh(PY, "-m", "coverage", "report", "--rcfile", COVERAGE_RC, env=env)


COMMANDS = {"run": run, "test": test, "coverage": coverage}
NEEDS = (3, 11)   # pyproject.toml's requires-python


def too_old(version: tuple = tuple(sys.version_info)) -> str | None:
    """What to say when this Python is older than the project needs, else None. Said before
    anything runs: Python 3.10 (Ubuntu 22.04's python3) stopped at the first step with a
    traceback ("unexpected keyword argument 'process_group'")."""
    if tuple(version[:2]) >= NEEDS:
        return None
    have, need = ".".join(map(str, version[:3])), ".".join(map(str, NEEDS))
    return (f"footage-agent needs Python {need} or newer, and this is Python {have} "
            f"({sys.executable}). Install Python {need} or newer (python.org, or your system's "
            f"packages: on Debian or Ubuntu, python{need} and python{need}-venv) and run this "
            f"again with it: python{need} dev.py run (on Windows: py -{need} dev.py run)")


if __name__ == "__main__":
    if too_old():
        sys.exit(too_old())
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: python3 dev.py run [demo args] | test [pytest args] | "
                 "coverage [pytest args]")
    catch_stops()
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
