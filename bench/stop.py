"""Stop benchmark: seconds from a stop signal to the process's exit, against the 2 s promise
(docs/cli.md, docs/architecture.md) and a named baseline measured in the same run.

    python bench/stop.py [--runs 3] [--no-app]

States, each stopped --runs times (the tests in tests/test_stop_signals.py, test_gui_stop.py
show that a stop does not wait for the work; this measures how soon it comes):
- `run` while its first scan probes a folder of 60 files, each probe slowed to 0.3 s (a slow
  disk), Ctrl-C (SIGINT);
- `export` while it cuts two minutes of the demo's footage, exact, faces blurred, SIGINT;
- `approve` while it uploads its package at 10 kB/s, SIGTERM;
- the app (tests/gui_stop_child.py) while the service polls, while it exports, while it
  uploads, SIGTERM.
Baselines: a bare `python -c "import agent.cli"` child started and left to exit, and the same
for `import gui.shell.app` (PySide6 loaded) beside the app's states; one after each stop, so a
busy machine moves both. The baseline is what any start and exit of the program costs here;
a stop well under it is a stop that does little more than exit.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.config import Settings, save_settings  # noqa: E402
from agent.timebase import format_utc  # noqa: E402
from demo.world import prepare_dir, serve, write_sample_footage  # noqa: E402

PROMISE_S = 2.0
# The real command, each index probe 0.3 s slower (as tests/test_stop_signals.py slows it).
SLOW_SCAN = ("import sys, time; import agent.index.describe as describe; "
             "real = describe.probe; "
             "describe.probe = lambda *a, **k: (time.sleep(0.3), real(*a, **k))[1]; "
             "from agent.cli import main; sys.exit(main(sys.argv[1:]))")


class Child:
    """A child whose stdout and stderr lines are read on threads."""

    def __init__(self, argv: list[str], env: dict | None = None) -> None:
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env)
        self.lines: list[str] = []
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=lambda s=stream: self.lines.extend(s), daemon=True).start()

    def wait_for(self, seen, timeout: float = 300.0) -> None:
        deadline = time.monotonic() + timeout
        while not any(seen(line) for line in list(self.lines)):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                raise SystemExit("the child ended or never got there:\n" + "".join(self.lines))
            time.sleep(0.01)

    def stop(self, sig: int) -> float:
        """Seconds from `sig` to the child's exit."""
        if self.proc.poll() is not None:
            raise SystemExit("the work ended before the signal:\n" + "".join(self.lines))
        sent = time.monotonic()
        self.proc.send_signal(sig)
        self.proc.wait(timeout=120)
        return time.monotonic() - sent


def stage(prefix: str, moved: bool = False):
    """A JSON progress line of a stage starting with `prefix` (`moved`: past its start)."""
    def seen(line: str) -> bool:
        if not line.startswith("{"):
            return False
        s = json.loads(line)
        return s["stage"].startswith(prefix) and (not moved or s["done"] > 0)
    return seen


def cli(*argv: str) -> list[str]:
    return [sys.executable, "-m", "agent.cli", *argv]


def baseline(module: str) -> float:
    """Seconds a bare child importing `module` takes to start and exit."""
    began = time.monotonic()
    subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, check=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.monotonic() - began


# the states --------------------------------------------------------------------------------
def run_scanning(tmp: Path, _world) -> float:
    rec, home = tmp / "rec", tmp / "home"
    rec.mkdir()
    for n in range(60):
        (rec / f"yard.20261120_22{n // 60:02d}{n % 60:02d}.mp4").write_bytes(b"\0" * 64)
    subprocess.run(cli("--home", str(home), "sources", "add", str(rec), "--camera", "yard",
                       "--tz", "UTC"), capture_output=True, check=True)
    child = Child([sys.executable, "-c", SLOW_SCAN, "--home", str(home), "run"])
    child.wait_for(lambda line: "Ctrl-C stops" in line)
    time.sleep(1.0)   # a few files in
    return child.stop(signal.SIGINT)


def export_cutting(tmp: Path, world) -> float:
    built, _portal = world
    t = built.footage.times
    out = tmp / "out"
    out.mkdir()
    child = Child(cli("--home", str(built.home), "export", "--camera", "driveway", "--mode",
                      "exact", "--blur-faces", "--from", format_utc(t.start_us), "--to",
                      format_utc(t.end_us), "--out", str(out), "--progress", "json"))
    child.wait_for(stage("cutting"))
    return child.stop(signal.SIGINT)


def approve_uploading(tmp: Path, world) -> float:
    built, _portal = world
    home = tmp / "home"
    shutil.copytree(built.home, home)
    save_settings(home, Settings(upload_rate_limit_bps=10_000))
    subprocess.run(cli("--home", str(home), "inbox", "sync"), capture_output=True, check=True)
    listed = subprocess.run(cli("--home", str(home), "inbox", "--json"), capture_output=True,
                            text=True, check=True)
    jti = json.loads(listed.stdout)[0]["id"]
    t = built.footage.times
    child = Child(cli("--home", str(home), "approve", "--yes", "--camera", "driveway", "--from",
                      format_utc(t.request_start_us), "--to", format_utc(t.request_end_us),
                      "--progress", "json", "--", jti))
    child.wait_for(stage("uploading", moved=True))
    return child.stop(signal.SIGTERM)


def app_in(state: str):
    def measure(tmp: Path, _world) -> float:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        child = Child([sys.executable, str(ROOT / "tests" / "gui_stop_child.py"), state,
                       str(tmp)], env=env)
        child.wait_for(lambda line: line.strip() == f"state {state}")
        time.sleep(0.3)   # well inside the state
        return child.stop(signal.SIGTERM)
    return measure


CLI_STATES = [("run, scanning", run_scanning), ("export, cutting", export_cutting),
              ("approve, uploading", approve_uploading)]
APP_STATES = [(f"app, {s}", app_in(s)) for s in ("polling", "exporting", "uploading")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="the commands only")
    args = parser.parse_args()
    # The demo portal's tus server says so when a PATCH cut short by the stop fails its check.
    logging.getLogger("resumable_upload").setLevel(logging.CRITICAL)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"load average at the start: {load}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-stop-") as scratch:
        folder, _ = prepare_dir(Path(scratch) / "demo")
        built, portal = serve(folder, write_sample_footage(folder, 2))
        try:
            subprocess.run(cli("--home", str(built.home), "scan"), capture_output=True,
                           check=True)
            states = [(name, fn, "agent.cli") for name, fn in CLI_STATES]
            if not args.no_app:
                states += [(name, fn, "gui.shell.app") for name, fn in APP_STATES]
            rows = []
            for name, measure, module in states:
                took, base = [], []
                for n in range(args.runs):
                    run_dir = Path(scratch) / f"{name.replace(', ', '-')}-{n}"
                    run_dir.mkdir()
                    took.append(measure(run_dir, (built, portal)))
                    base.append(baseline(module))
                rows.append((name, took, module, base))
                print(f"{name:<20} stop {' '.join(f'{s:.2f}' for s in took)} s; "
                      f"baseline (import {module}) {' '.join(f'{s:.2f}' for s in base)} s",
                      flush=True)
        finally:
            portal.stop()
    print(f"\nload average at the end: {os.getloadavg() if load else None}")
    print(f"{'state':<20} {'median':>7} {'max':>6}  {'promise':<11} {'baseline':>9}  "
          "stop / baseline")
    for name, took, module, base in rows:
        mid, top, b = statistics.median(took), max(took), statistics.median(base)
        verdict = "ok" if top <= PROMISE_S else "OVER"
        print(f"{name:<20} {mid:6.2f}s {top:5.2f}s  {PROMISE_S:.1f} s {verdict:<4}  {b:7.2f}s  "
              f"{mid / b:5.2f}  (baseline: import {module})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
