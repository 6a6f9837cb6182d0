"""Stopping within two seconds of SIGINT or SIGTERM, in every state, cleanly: real processes,
real signals. `run` while it scans and while a portal does not answer; `export` while it cuts;
`approve` while it exports and while it uploads; the demo while it waits and while it walks;
`dev.py run` on Ctrl-C. Each must end with the documented exit code and leave nothing
half-written (no package folder, no partial file, the request resumable).

The two seconds are not asserted as a time (bench/stop.py measures them): a loaded machine adds
its own seconds to a child's start and exit. Each test shows instead that the stop did not wait
for the work: the work still left when the signal came (files to scan at 0.3 s each, footage to
cut at 0.5 s a second, bytes to upload at 10 kB/s, a call no one answers) would take many seconds
more, and the child was out before a third of that, or the work never ends by itself at all."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from agent.commands.interrupt import Stopper
from agent.config import Settings, save_settings
from agent.delivery.wire import DEFAULT_TIMEOUT
from agent.timebase import format_utc
from demo.check import WALK
from demo.world import prepare_dir, serve, write_sample_footage

ROOT = Path(__file__).resolve().parent.parent
# A stop that waited for the work left would take all of it; one that did not is out within
# its grace and the exit. The work left is made long enough that a third of it is still
# seconds beyond a child's exit on a machine many times overloaded.
WITHIN_PART = 3
PROBE_S = 0.3          # each file's probe in the slowed child: a slow disk
CUT_S_PER_S = 0.5      # each second of footage cut in the slowed child: a slow processor
PROBED, CUT_LEFT = "PROBE-BEGUN", "CUT-LEFT"
# The real command, slowed where the work is long: a probe says PROBED on stderr and takes
# PROBE_S more; a cut takes CUT_S_PER_S more for each second of footage it passes, and the
# footage its cut had still to pass is said at the exit (CUT_LEFT seconds).
SLOWED = f"""
import atexit, sys, time
import agent.export.cut_job as cut_job
import agent.index.describe as describe
real_probe, real_tick, at = describe.probe, cut_job.Job.tick, {{}}
def probe(*a, **k):
    print({PROBED!r}, file=sys.stderr, flush=True)
    time.sleep({PROBE_S})
    return real_probe(*a, **k)
def tick(self, t_us):
    time.sleep(max(0, t_us - at.get("t", t_us)) / 1e6 * {CUT_S_PER_S})
    at["t"], at["end"] = t_us, self.end_us
    real_tick(self, t_us)
describe.probe, cut_job.Job.tick = probe, tick
atexit.register(lambda: at and print({CUT_LEFT!r}, (at["end"] - at["t"]) / 1e6,
                                     file=sys.stderr, flush=True))
from agent.cli import main
sys.exit(main(sys.argv[1:]))
"""


def slowed(*argv: str) -> list[str]:
    return [sys.executable, "-c", SLOWED, *argv]


def cli(*argv: str) -> list[str]:
    return [sys.executable, "-m", "agent.cli", *argv]


class Child:
    """A child process whose stderr is read line by line on a thread."""

    def __init__(self, argv: list[str], **kw) -> None:
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, **kw)
        self.err: list[str] = []
        self.out: list[str] = []
        self._readers = [threading.Thread(target=self._read, args=(s, into), daemon=True)
                         for s, into in ((self.proc.stderr, self.err),
                                         (self.proc.stdout, self.out))]
        for r in self._readers:
            r.start()

    def _read(self, stream, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    def wait_for(self, predicate, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"never reached; exit {self.proc.poll()}\n{''.join(self.err)}")

    def stop(self, sig: int, group: bool = False) -> tuple[int, float]:
        """Send `sig`; (exit code, seconds until the process ended)."""
        sent = time.monotonic()
        if group:
            os.killpg(self.proc.pid, sig)
        else:
            self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        took = time.monotonic() - sent
        for r in self._readers:
            r.join(5)
        return code, took

    def stages(self) -> list[dict]:
        return [json.loads(line) for line in self.err if line.startswith("{")]

    def said_err(self) -> list[str]:
        """Its stderr lines but the slowed child's own."""
        return [line for line in self.err if not line.startswith((PROBED, CUT_LEFT))]

    def probes(self) -> int:
        return sum(1 for line in self.err if line.startswith(PROBED))

    def cut_left_s(self) -> float:
        """Seconds of footage the slowed child's cut had still to pass when it exited."""
        (left,) = [float(line.split()[1]) for line in self.err if line.startswith(CUT_LEFT)]
        return left


def said(text: str):
    return lambda child: any(text in line for line in child.err + child.out)


def stage_reached(prefix: str):
    return lambda child: any(s["stage"].startswith(prefix) for s in child.stages())


def no_traceback(child: Child) -> None:
    assert not any("Traceback" in line for line in child.err), "".join(child.err)


def no_partials(folder: Path) -> None:
    left = [p.name for p in folder.rglob("*") if ".partial" in p.name or p.name == ".staging"]
    assert left == [], left


# run ---------------------------------------------------------------------------------------
def test_run_stops_while_it_scans_without_waiting_for_the_scan(tmp_path):
    files = 200   # recordings by name; each probe takes PROBE_S in this child: 60 s in all
    rec, home = tmp_path / "rec", tmp_path / "home"
    rec.mkdir()
    for n in range(files):
        (rec / f"yard.20261120_22{n // 60:02d}{n % 60:02d}.mp4").write_bytes(b"\0" * 64)
    assert subprocess.run(cli("--home", str(home), "sources", "add", str(rec), "--camera",
                              "yard", "--tz", "UTC"), capture_output=True).returncode == 0
    child = Child(slowed("--home", str(home), "run"))
    child.wait_for(said("Ctrl-C stops"))
    child.wait_for(lambda c: c.probes() >= 3)   # two files done, the third being probed
    code, took = child.stop(signal.SIGINT)
    # The files not yet begun when it exited were all still to do when the signal came.
    left_s = (files - child.probes()) * PROBE_S
    assert code == 0 and took < left_s / WITHIN_PART, (code, took, left_s, "".join(child.err))
    no_traceback(child)
    with sqlite3.connect(home / "index.db") as db:   # whole, and only part of the folder done
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert 0 < db.execute("SELECT count(*) FROM files").fetchone()[0] < files


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Two minutes of demo footage, the demo portal serving, and a home that trusts it and is
    registered there (the demo's own set-up)."""
    folder, _ = prepare_dir(tmp_path_factory.mktemp("signals") / "demo")
    built, portal = serve(folder, write_sample_footage(folder, 2))
    assert subprocess.run(cli("--home", str(built.home), "scan"), capture_output=True,
                          timeout=120).returncode == 0
    try:
        yield built, portal
    finally:
        portal.stop()


def _copy_home(built, tmp_path: Path, rate_bps: int | None = None) -> Path:
    """A copy of the demo's home (its own inbox and log), with an upload cap if given."""
    home = tmp_path / "home"
    shutil.copytree(built.home, home)
    if rate_bps:
        save_settings(home, Settings(upload_rate_limit_bps=rate_bps))
    return home


def _request_id(home: Path) -> str:
    """The demo's request, fetched from its portal into this home's inbox."""
    synced = subprocess.run(cli("--home", str(home), "inbox", "sync"), capture_output=True,
                            text=True, timeout=60)
    assert synced.returncode == 0, synced.stderr
    listed = subprocess.run(cli("--home", str(home), "inbox", "--json"), capture_output=True,
                            text=True, timeout=60)
    return json.loads(listed.stdout)[0]["id"]


def _status(home: Path, jti: str) -> dict:
    shown = subprocess.run(cli("--home", str(home), "inbox", "show", "--json", "--", jti),
                           capture_output=True, text=True, timeout=60)
    return json.loads(shown.stdout)


# export and approve --------------------------------------------------------------------------
def cut_stopped_early(child: Child, took: float) -> None:
    """The footage the slowed cut had still to pass when the child exited was more than
    WITHIN_PART times `took` of work: the stop did not wait for the cut."""
    left_s = child.cut_left_s() * CUT_S_PER_S
    assert took < left_s / WITHIN_PART, (took, left_s, "".join(child.err))


def test_export_stops_while_it_cuts_and_leaves_no_package(world, tmp_path):
    built, _portal = world
    t = built.footage.times
    out = tmp_path / "out"
    out.mkdir()
    child = Child(slowed("--home", str(built.home), "export", "--camera", "driveway", "--mode",
                         "exact", "--blur-faces", "--from", format_utc(t.start_us), "--to",
                         format_utc(t.end_us), "--out", str(out), "--progress", "json"))
    child.wait_for(stage_reached("cutting"))
    code, took = child.stop(signal.SIGINT)
    assert code == 130, (code, took, "".join(child.err))
    cut_stopped_early(child, took)
    assert "interrupted" in child.said_err()[-1]
    no_traceback(child)
    assert list(out.iterdir()) == []   # no package, no partial folder


def test_approve_stops_while_exporting_and_the_request_can_be_approved_again(world, tmp_path):
    built, _portal = world
    home = _copy_home(built, tmp_path)
    jti = _request_id(home)
    child = Child(slowed("--home", str(home), "approve", "--yes", "--mode", "exact",
                         "--blur-faces", "--progress", "json", "--", jti))
    child.wait_for(lambda c: any(s["stage"].startswith("exporting") and s["done"] > 0
                                 for s in c.stages()))   # cutting: the cut has begun
    code, took = child.stop(signal.SIGINT)
    assert code == 130, (code, took, "".join(child.err))
    cut_stopped_early(child, took)
    no_traceback(child)
    view = _status(home, jti)
    assert view["status"] == "failed" and view["reason"].startswith("cancelled")
    no_partials(home / "packages")
    assert not any((p / "bagit.txt").exists() for p in (home / "packages").rglob("*"))


def test_approve_stops_while_uploading_and_resumes_to_delivery(world, tmp_path):
    built, _portal = world
    rate_bps = 10_000   # the 200 kB of the request's window take 20 s
    home = _copy_home(built, tmp_path, rate_bps=rate_bps)
    jti = _request_id(home)
    t = built.footage.times
    child = Child(cli("--home", str(home), "approve", "--yes", "--camera", "driveway",
                      "--from", format_utc(t.request_start_us), "--to",
                      format_utc(t.request_end_us), "--progress", "json", "--", jti))
    child.wait_for(lambda c: any(s["stage"].startswith("uploading") and s["done"] > 0
                                 for s in c.stages()))
    code, took = child.stop(signal.SIGTERM)
    # The bytes it had not sent when it last said how far it was (a line each quarter second
    # at most), at the capped rate.
    sent = [s for s in child.stages() if s["stage"].startswith("uploading")]
    left_s = (sent[-1]["total"] - max(s["done"] for s in sent)) / rate_bps
    assert code == 143 and took < left_s / WITHIN_PART, (code, took, left_s, "".join(child.err))
    no_traceback(child)
    assert _status(home, jti)["status"] == "failed"
    save_settings(home, Settings())
    again = subprocess.run(cli("--home", str(home), "approve", "--yes", "--progress", "none",
                               "--", jti), capture_output=True, text=True, timeout=180)
    assert again.returncode == 0, again.stderr
    assert _status(home, jti)["status"] == "delivered"


# the handler itself ---------------------------------------------------------------------------
# A stop signal handled while the main thread is inside the stop event's wait() with its lock
# held: the demo waiting for Ctrl-C hung for good in 2 of 3 tries when two SIGTERMs came at once
# (the handler's set() waited for the lock its own thread held). Here the signal is sent while
# the lock is held, so it is handled exactly there.
INSIDE_WAIT = """
import os, signal, sys
from agent.commands.interrupt import Interrupted, Stopper
stopper = Stopper()
stopper.install()
with stopper.quiet():
    with stopper.event._cond:             # inside wait(): the lock is held
        os.kill(os.getpid(), signal.SIGTERM)
        sum(range(1000))                  # the handler runs between these steps
    print("quiet:", stopper.wait(1.0), flush=True)
try:
    with stopper.event._cond:
        os.kill(os.getpid(), signal.SIGINT)   # a second signal: stop at once
        sum(range(1000))
except Interrupted as exc:
    print("raised:", exc.exit_code, flush=True)
"""


def test_a_signal_inside_the_stop_events_wait_sets_it_and_a_second_one_raises():
    proc = subprocess.run([sys.executable, "-c", INSIDE_WAIT], cwd=ROOT, capture_output=True,
                          text=True, timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["quiet: True", "raised: 143"]


# the demo ------------------------------------------------------------------------------------
def _demo_folder(child: Child) -> Path:
    line = next(x for x in child.out if x.startswith("Demo folder: "))
    return Path(line.split(": ", 1)[1].strip())


NO_SIGHUP = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX's hang-up")


@pytest.mark.parametrize("sig", [signal.SIGTERM, pytest.param(   # its terminal closed: it was
    getattr(signal, "SIGHUP", 1), marks=NO_SIGHUP)])             # killed, its folder left
def test_the_waiting_demo_stops_on_sigterm_and_removes_its_folder(sig):
    child = Child(cli("demo", "--no-gui", "--minutes", "2"))
    child.wait_for(said("until you press Ctrl-C"), timeout=180)
    folder = _demo_folder(child)
    assert folder.is_dir()
    code, _took = child.stop(sig)   # its wait never ends by itself
    assert code == 0, (code, "".join(child.err))
    no_traceback(child)
    assert not folder.exists()


@pytest.mark.skipif(not hasattr(os, "openpty") or not hasattr(signal, "SIGHUP"),
                    reason="a terminal (a pty) that is closed")
@pytest.mark.parametrize("argv, waiting", [
    (("demo", "--no-gui", "--minutes", "2"), b"until you press Ctrl-C"),
    (("run",), b"Ctrl-C stops"),   # ended 1: its last words failed to be written
])
def test_a_command_whose_terminal_window_closed_cleans_up_and_ends(argv, waiting, tmp_path):
    # The terminal's window closed: SIGHUP, and from then on every write to it fails (EIO).
    # The demo's clean-up wrote "Demo portal stopped." first: it failed there, ended 1 with a
    # traceback, and with --recorder never stopped the recorder's server, running on for good.
    main_fd, tty = os.openpty()
    env = dict(os.environ, TMPDIR=str(tmp_path / "tmp"), FOOTAGE_AGENT_HOME=str(tmp_path / "home"))
    (tmp_path / "tmp").mkdir()
    proc = subprocess.Popen(cli(*argv), cwd=ROOT, env=env,
                            stdin=tty, stdout=tty, stderr=tty, start_new_session=True)
    os.close(tty)
    seen = b""
    try:
        while waiting not in seen:
            seen += os.read(main_fd, 4096)
        os.close(main_fd)                # the window closed: the terminal is gone
        proc.send_signal(signal.SIGHUP)  # as the kernel sends it to the terminal's processes
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = list((tmp_path / "tmp").iterdir())
    assert code == 0 and left == [], (code, left)


# The test above read the prompt's words, then closed the terminal before the newline print
# writes after them: that write failed (EIO) and the demo ended 1 (CI, under load). Here the
# terminal is closed before the prompt, and its SIGHUP comes as the prompt is written.
PROMPT_TO_A_CLOSED_TERMINAL = """
import io, os, signal, sys
from agent.commands.interrupt import Stopper
from demo.command import wait_for_ctrl_c
main_fd, tty = os.openpty()
os.close(main_fd)
sys.stdout = io.TextIOWrapper(io.FileIO(tty, "w"), line_buffering=True)
stopper = Stopper()
stopper.install()
real_write, hung_up = sys.stdout.write, []
def write(text):   # the kernel's one SIGHUP, as the prompt is being written
    if not hung_up:
        hung_up.append(os.kill(os.getpid(), signal.SIGHUP))
    return real_write(text)
sys.stdout.write = write
wait_for_ctrl_c("waiting until you press Ctrl-C", stopper)
print("stopped by", stopper.signum, file=sys.stderr)
"""


@pytest.mark.skipif(not hasattr(os, "openpty") or not hasattr(signal, "SIGHUP"),
                    reason="a terminal (a pty) that is closed")
def test_the_demos_wait_ends_on_sighup_when_its_prompt_cannot_be_written():
    proc = subprocess.run([sys.executable, "-c", PROMPT_TO_A_CLOSED_TERMINAL], cwd=ROOT,
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [f"stopped by {int(signal.SIGHUP)}"]


@NO_SIGHUP
def test_a_command_started_under_nohup_keeps_ignoring_sighup():
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)   # as nohup starts it
    try:
        replaced = Stopper().install()
        try:
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
            assert signal.SIGTERM in replaced and signal.SIGHUP not in replaced
        finally:
            Stopper.restore(replaced)
    finally:
        signal.signal(signal.SIGHUP, before)


# The second signal lands while the demo closes its agent, the first step of its clean-up
# (Ctrl-C pressed twice, or SIGTERM to the process group and again from dev.py).
SECOND_SIGNAL_IN_CLEANUP = """
import os, signal, sys
import demo.command as command
from agent.service import Agent
stopped, wait, close = [], command.wait_for_ctrl_c, Agent.close
command.wait_for_ctrl_c = lambda *a: (wait(*a), stopped.append(1))
def closing(self):
    if stopped:                               # the first signal came: the clean-up began
        os.kill(os.getpid(), signal.SIGTERM)
    close(self)
Agent.close = closing
from agent.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_second_signal_during_the_demos_clean_up_still_stops_it_and_removes_its_folder():
    child = Child([sys.executable, "-c", SECOND_SIGNAL_IN_CLEANUP, "demo", "--no-gui",
                   "--minutes", "2"])
    child.wait_for(said("until you press Ctrl-C"), timeout=180)
    folder = _demo_folder(child)
    code, _took = child.stop(signal.SIGTERM)
    assert code == 0, (code, "".join(child.err))
    no_traceback(child)
    assert not folder.exists()


def test_the_demo_check_stops_mid_walk_and_removes_its_folder():
    child = Child(cli("demo", "--check", "--minutes", "2"))
    child.wait_for(lambda c: any(" scan " in line for line in c.out), timeout=180)
    folder = _demo_folder(child)
    code, _took = child.stop(signal.SIGINT)
    assert code == 130, (code, "".join(child.err + child.out))   # not the walk's own end (0)
    steps = [line.split()[1] for line in child.out if line.split()[:1] in (["ok"], ["FAILED"])]
    assert "scan" in steps and WALK[-1] not in steps, child.out   # it did not walk on to the end
    no_traceback(child)
    assert not folder.exists()


# A stop signal while the command's modules load (the first second of `footage-agent demo`,
# when `dev.py run` has just started it): the signal lands inside whatever runs then, here a
# finaliser, as the garbage collector runs them in the middle of an import. Python reports an
# exception raised there ("Exception ignored in ... KeyboardInterrupt") and carries on, so the
# Ctrl-C was lost and the demo went on to wait for another; or, outside one, a traceback.
SIGNAL_WHILE_LOADING = """
import os, signal, sys
sig, loading = int(sys.argv.pop(1)), sys.argv.pop(1)
class Finalised:
    def __del__(self):
        os.kill(os.getpid(), sig)
        for _ in range(100):   # the handler runs between two of these steps, inside __del__
            pass
class Loading:
    def find_spec(self, name, path=None, target=None):
        if name == loading:
            sys.meta_path.remove(self)
            Finalised()
        return None
sys.meta_path.insert(0, Loading())
from agent.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("sig, loading", [
    (signal.SIGINT, "agent.commands.export"),   # the command's own modules
    (signal.SIGTERM, "agent.commands.export"),
    (signal.SIGINT, "demo.world"),              # the demo's, loaded once it is the command
])
def test_a_signal_while_the_command_loads_stops_it_quietly_with_its_code(sig, loading,
                                                                         tmp_path):
    child = Child([sys.executable, "-c", SIGNAL_WHILE_LOADING, str(int(sig)), loading, "demo",
                   "--no-gui", "--minutes", "2", "--dir", str(tmp_path / "demo")])
    try:
        code = child.proc.wait(timeout=30)
    finally:
        if child.proc.poll() is None:
            child.proc.kill()
    for r in child._readers:
        r.join(5)
    assert code == (130 if sig == signal.SIGINT else 143), (code, "".join(child.err))
    assert len(child.err) == 1 and child.err[0].startswith("footage-agent: interrupted"), \
        "".join(child.err)   # its words alone: no "Exception ignored", no traceback
    assert not (tmp_path / "demo").exists()   # stopped before the demo made anything


# The demo with the app open on it (`python3 dev.py run` on a desktop): the app says when its
# window has started, after its own stop handlers are in place.
DEMO_WITH_THE_APP = """
import sys
from gui.shell.main_window import MainWindow
started = MainWindow.start
def start(self):
    started(self)
    print("the app's window is open", file=sys.stderr, flush=True)
MainWindow.start = start
from agent.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_demo_with_the_app_open_stops_on_ctrl_c_and_removes_its_folder(tmp_path):
    # (SIGTERM and SIGHUP reach the same line: the app's codes for all three are STOPPED.)
    sig = signal.SIGINT
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    child = Child([sys.executable, "-c", DEMO_WITH_THE_APP, "demo", "--minutes", "2"], env=env)
    child.wait_for(said("the app's window is open"), timeout=180)
    folder = _demo_folder(child)
    # Its time is test_gui_stop's: this child's interpreter, which holds Qt, numpy and the
    # portal, takes a second or more to tear down on a busy machine after the demo ended.
    code, _took = child.stop(sig)
    assert code == 0, (code, "".join(child.err))   # how it ends
    no_traceback(child)
    assert not folder.exists(), "".join(child.out[-3:])


@pytest.mark.skipif(os.name != "posix", reason="a terminal's Ctrl-C to a process group")
def test_dev_py_run_on_ctrl_c_leaves_no_demo_folder():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    child = Child([sys.executable, str(ROOT / "dev.py"), "run", "--minutes", "2"], env=env,
                  start_new_session=True)   # its own process group, as a terminal's job is
    child.wait_for(said("until you press Ctrl-C"), timeout=300)
    folder = _demo_folder(child)
    code, _took = child.stop(signal.SIGINT, group=True)   # Ctrl-C reaches the whole group
    assert code == 0, (code, "".join(child.err))   # its wait never ends by itself
    assert not folder.exists()


# last: it takes the demo portal's place ------------------------------------------------------
def test_run_stops_while_a_portal_does_not_answer_without_waiting_for_the_call(world, tmp_path):
    built, portal = world
    home = _copy_home(built, tmp_path)
    port = int(built.origin.rsplit(":", 1)[1])
    portal.stop()
    # The agency's portal address now takes connections and never answers: the poll thread
    # is stuck inside an HTTP request, which ends by itself only when no answer came for
    # DEFAULT_TIMEOUT.read (30 s).
    silent = socket.socket()
    silent.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    silent.bind(("127.0.0.1", port))
    silent.listen(8)
    silent.settimeout(0.1)
    held: list[socket.socket] = []
    held_at: list[float] = []   # when each call began waiting
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                held.append(silent.accept()[0])
                held_at.append(time.monotonic())
            except OSError:
                continue

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        child = Child(cli("--home", str(home), "run"))
        deadline = time.monotonic() + 60
        while not held and time.monotonic() < deadline:
            time.sleep(0.05)
        assert held, "".join(child.err)
        time.sleep(0.3)
        left_s = DEFAULT_TIMEOUT.read - (time.monotonic() - held_at[0])
        code, took = child.stop(signal.SIGTERM)
    finally:
        done.set()
        acceptor.join(5)
        silent.close()
        for conn in held:
            conn.close()
    assert code == 0 and took < left_s / WITHIN_PART, (code, took, left_s, "".join(child.err))
    no_traceback(child)
