#!/usr/bin/env python3
"""Quick start: `python3 dev.py run` (the demo) and `python3 dev.py test` (the whole suite).

Needs only Python 3.11+: it makes `.venv` beside this file, installs the project into it (again
only when pyproject.toml changed), then runs.
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


def run() -> None:
    """The demo: sample recordings, a local agency portal with a signed request, the app."""
    setup("test")
    gui = os.name == "nt" or sys.platform == "darwin" or os.environ.get("DISPLAY") \
        or os.environ.get("WAYLAND_DISPLAY")
    sh(BIN / "footage-agent", "demo", *([] if gui else ["--no-gui"]))


def test(pytest_args: list[str]) -> None:
    """Install with the test extras and run the whole suite."""
    setup("test")
    sh(PY, "-m", "pytest", *pytest_args)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        sys.exit("usage: python3 dev.py run | test [pytest args]")
    try:
        run() if sys.argv[1] == "run" else test(sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
