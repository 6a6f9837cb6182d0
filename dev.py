#!/usr/bin/env python3
"""Quick start: `python3 dev.py run` (the demo; Ctrl-C ends it and removes its temporary
folder), `python3 dev.py test` (the whole suite) and
`python3 dev.py coverage` (the suite measured, the processes it starts included).

Needs only Python 3.11+: it makes `.venv` beside this file, installs the project into it (again
only when pyproject.toml changed), then runs. `test` requires the external tools the tests
check packages and desktop files with (minisign, desktop-file-validate, appstreamcli, cv2) as
CI does: a missing one fails its tests rather than skipping them. Set
FOOTAGE_AGENT_REQUIRE_TOOLS=0 to let them skip instead.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def sh(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=HERE, **kw)


def setup(extras: str) -> None:
    """Create the virtual environment and install the project with `extras` if needed."""
    if not PY.exists():
        sh(sys.executable, "-m", "venv", VENV)
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / f".installed-{extras}"
    want = hashlib.sha256((HERE / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != want:
        sh(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")
        stamp.write_text(want)


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


def foreground(cmd: list) -> int:
    """Run `cmd` and let it end by itself; its exit code.

    Ctrl-C in a terminal reaches every process of the foreground group, the demo included:
    the demo stops its portal and removes its folder. So this process only waits (in short
    slices, so signals are seen) instead of killing the demo a moment later, as
    subprocess.run does on Ctrl-C, which left the demo's temporary folder behind. SIGTERM,
    sent to this process alone, is passed on to the demo.
    """
    print("+", " ".join(str(c) for c in cmd), flush=True)
    proc = subprocess.Popen([str(c) for c in cmd], cwd=HERE)

    def pass_on(signum, _frame):
        try:
            proc.send_signal(signum)
        except OSError:
            pass

    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the demo got it too: it ends itself
    signal.signal(signal.SIGTERM, pass_on)
    while True:
        try:
            return proc.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue


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

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: python3 dev.py run [demo args] | test [pytest args] | "
                 "coverage [pytest args]")
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
