"""The desktop app stops on SIGINT or SIGTERM in every state without waiting for its work,
cleanly: the real app (gui.shell.app.run) in a child process, a real signal, the jobs cancelled
and ended, nothing half-written (no partial package, the activity log intact), exit 130 or 143.

The 2 s the app promises is measured by bench/stop.py, not asserted here: a loaded machine adds
its own seconds to a child's exit. What the app was doing when the signal came would have kept
it going far longer, or for ever, and it is shown not to have: the service never ends by
itself, yet it ended; the scan of 16000 files left most of them unindexed; the export of two
minutes, every frame re-encoded, left no package; the upload at 4 kB/s was not delivered."""
from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parent.parent
CHILD = ROOT / "tests" / "gui_stop_child.py"
JUNK_FILES = 16000   # the recordings folder the scanning state adds (gui_stop_child.py)
# The job each state is in when the signal comes (the service runs in every state).
BUSY = {"polling": "service", "scanning": "add-source", "exporting": "export",
        "uploading": "approve"}


def lines_of(stream) -> queue.Queue:
    """The child's output lines, read on a thread so the test can wait with a timeout."""
    q: queue.Queue = queue.Queue()

    def read():
        for line in stream:
            q.put(line)
        q.put(None)
    threading.Thread(target=read, daemon=True).start()
    return q


def stop_in(state: str, sig: int, folder: Path) -> tuple[int, dict, str]:
    """Start the app in `state`, signal it there: (exit code, its report, its stderr)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), state, str(folder)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err: list[str] = []
    threading.Thread(target=lambda: err.append(child.stderr.read()), daemon=True).start()
    out = lines_of(child.stdout)
    try:
        deadline = time.monotonic() + 180
        while True:
            line = out.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, f"the app ended before reaching {state}: {err}"
            assert line.strip() != "state missed", f"{state} ended before the signal could come"
            if line.strip() == f"state {state}":
                break
        time.sleep(0.3)   # well inside the state
        child.send_signal(sig)
        code = child.wait(timeout=30)   # a ceiling: no state's work ends by itself this soon
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    report = None
    while report is None:
        line = out.get(timeout=10)
        assert line is not None, "the app said nothing at its end"
        if line.startswith("{"):
            report = json.loads(line)
    time.sleep(0.1)
    return code, report, "".join(err)


@pytest.mark.slow
@pytest.mark.parametrize("state,sig", [("polling", signal.SIGTERM), ("scanning", signal.SIGINT),
                                       ("exporting", signal.SIGTERM),
                                       ("uploading", signal.SIGINT)])
def test_the_app_stops_on_a_signal_without_waiting_for_its_work_cleanly(tmp_path, state, sig):
    code, report, err = stop_in(state, sig, tmp_path)
    assert code == report["code"] == (143 if sig == signal.SIGTERM else 130), err[-2000:]
    assert "Traceback" not in err and "Fatal Python error" not in err, err[-2000:]
    jobs = report["jobs"]
    assert all(j["ended"] for j in jobs), jobs                  # nothing left running
    busy = [j for j in jobs if j["name"] in ("service", BUSY[state])]
    assert {j["name"] for j in busy} == {"service", BUSY[state]}
    assert all(j["cancelled"] for j in busy), busy
    if state == "exporting":   # a cancelled export keeps no partial package, nor its folder
        assert not (tmp_path / "exports").exists()
    from agent.service import Agent

    agent = Agent(tmp_path / "home")
    try:
        assert agent.verify_activity().ok      # the activity log was not left half-written
        if state == "uploading":
            assert all(v.status != "delivered" for v in agent.requests.list())
    finally:
        agent.close()
    if state == "scanning":   # most of the folder was still to scan
        with sqlite3.connect(tmp_path / "home" / "index.db") as db:
            scanned = db.execute("SELECT count(*) FROM files WHERE path LIKE ?",
                                 (f"{tmp_path / 'big'}%",)).fetchone()[0]
        assert scanned < JUNK_FILES / 2, scanned


def test_the_stop_signals_of_each_system_and_their_exit_codes():
    from gui.shell.stopping import exit_code, stop_signal_names

    assert stop_signal_names("posix") == ("SIGINT", "SIGTERM", "SIGHUP")   # a closed terminal
    assert stop_signal_names("nt") == ("SIGINT", "SIGBREAK", "SIGTERM")  # Ctrl-Break too
    assert exit_code(signal.SIGINT) == 130 and exit_code(signal.SIGTERM) == 143
    assert exit_code(signal.SIGHUP) == 129
    assert exit_code(21) == 130   # SIGBREAK's number on Windows: a Ctrl-Break is a Ctrl-C


EARLY_SIGNAL = """
import os, signal, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui.shell.stopping import SignalStop

app = QApplication([])
stopper = SignalStop(app.quit, app)
stopper.install()
os.kill(os.getpid(), signal.SIGTERM)   # handled at once, before the event loop runs
QTimer.singleShot(30000, lambda: app.exit(99))   # only ends a test that failed
code = app.exec()
stopper.restore()
print(code, stopper.exit_code)
"""


def test_a_stop_signal_that_comes_before_the_event_loop_runs_still_stops_the_app():
    """Seen when a test stopped an app it had just started: a signal handled before the app's
    event loop ran called quit() then, which Qt ignores with no loop running, so the app
    went on as if no signal had come. The stop is queued for the loop instead."""
    done = subprocess.run([sys.executable, "-c", EARLY_SIGNAL], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.split() == ["0", "143"], done.stdout + done.stderr[-2000:]
