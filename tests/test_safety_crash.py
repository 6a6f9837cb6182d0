"""Crash safety: `kill -9` during a scan, an export, an approval's upload and a log append,
then a restart. The index stays consistent and a rescan matches a clean one; no half-built
package looks finished; the delivery resumes without redoing finished work; the log never holds
a torn line. (kill -9 of the bare uploader is in test_upload.py.)"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

from agent.audit.log import AuditLog
from agent.cli import main
from agent.config import Settings, save_settings
from agent.service import Agent
from agent.timebase import US, format_utc, parse_rfc3339
from demo.samples import ClipSpec, make_recordings, write_clip
from frp.verify import verify_package
from portal.server import PortalServer
from portal.state import Portal
from tests.registering import enrol

ROOT = Path(__file__).resolve().parent.parent
AGENT = [sys.executable, "-m", "agent.cli"]
AGENCY_ID = "https://police.example.gov"


def start(argv: list[str], **kw) -> subprocess.Popen:
    # Its own session, so kill -9 takes ffmpeg children down too, as a power cut would.
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                            start_new_session=True, **kw)


def kill9(proc: subprocess.Popen) -> bool:
    """SIGKILL the process group; True when the process was still running (a real crash)."""
    alive = proc.poll() is None
    if alive:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    return alive and proc.returncode == -signal.SIGKILL


def wait_until(predicate, timeout: float = 30.0, step: float = 0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


# -- scan ------------------------------------------------------------------------------------
def index_rows(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            "SELECT f.path, c.name, start_us, end_us, size, mtime_ns, layout, status, reason, "
            "codec, width, height, fps, audio, time_source FROM files f JOIN cameras c "
            "ON c.id = f.camera_id ORDER BY path").fetchall()


def file_count(db: Path) -> int:
    """How many recordings the index holds now (0 before it exists)."""
    if not db.exists():
        return 0
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)) as conn:
        try:
            return conn.execute("SELECT count(*) FROM files").fetchone()[0]
        except sqlite3.OperationalError:   # the scan has not made its tables yet
            return 0


def test_kill_9_during_scan_leaves_an_index_a_rescan_completes(tmp_path):
    t0 = parse_rfc3339("2026-03-01T00:00:00Z")
    clip = write_clip(ClipSpec(path=tmp_path / "stage" / "a.mp4", start_us=t0, seconds=1, fps=5))
    rec = tmp_path / "rec"
    rec.mkdir()
    for i in range(20000):  # hard links: many files, no disk; a scan takes a second or two
        stamp = time.strftime("%Y%m%d_%H%M%S", time.gmtime(t0 // US + i))
        os.link(clip, rec / f"yard.{stamp}.mp4")
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(rec, camera="yard", tz="UTC")
    agent.close()

    # Kill each scan once it has committed more rows than the one before: part way, twice.
    part_way = crashes = 0
    for _ in range(2):
        before = file_count(home / "index.db")
        proc = start(AGENT + ["--home", str(home), "scan"])
        wait_until(lambda: file_count(home / "index.db") > before, step=0.02)
        crashes += kill9(proc)
        part_way += before < file_count(home / "index.db") < 20000
    assert part_way == 2 and crashes == 2, "no kill landed while the scan was writing"

    with closing(sqlite3.connect(home / "index.db")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    done = subprocess.run(AGENT + ["--home", str(home), "scan"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr

    clean = Agent(tmp_path / "clean")
    clean.add_source(rec, camera="yard", tz="UTC")
    clean.scan()
    clean.close()
    rows = index_rows(home / "index.db")
    assert len(rows) == 20000 and rows == index_rows(tmp_path / "clean" / "index.db")


# -- export ----------------------------------------------------------------------------------
PARTIAL = re.compile(r"^\..+\.partial-[^/]+$")


def check_packages(out: Path) -> list[str]:
    """Each folder a person would take for a package verifies; the rest are hidden partials."""
    problems = []
    for p in out.iterdir() if out.is_dir() else ():
        if p.name.startswith("."):
            if not PARTIAL.match(p.name):
                problems.append(f"hidden leftover not named as partial: {p.name}")
        elif (p / "bagit.txt").exists() or p.is_dir():
            report = verify_package(p)
            if not report.ok:
                problems.append(f"{p.name} looks like a package but fails: {report.problems}")
        else:
            problems.append(f"unexpected file {p.name}")
    return problems


def test_kill_9_during_export_leaves_no_package_that_looks_finished(tmp_path):
    t0 = parse_rfc3339("2026-03-02T10:00:00Z")
    make_recordings(tmp_path / "porch", "blue-iris", "porch", t0, 2, 4.0, fps=10, gop_s=1.0)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.scan([str(tmp_path / "porch")], tz="UTC")
    agent.owner_key()
    agent.close()
    out = tmp_path / "out"
    argv = AGENT + ["--home", str(home), "export", "--camera", "porch", "--mode", "exact",
                    "--from", format_utc(t0 + US // 2), "--to", format_utc(t0 + 7 * US),
                    "--out", str(out)]

    def partial_with(name: str):
        return lambda: any((p / name).exists() for p in out.glob(".*.partial-*"))

    stages = {  # kill while the clip is cut, then while the package is sealed
        "cutting": partial_with(".staging"),
        "sealing": partial_with("bagit.txt"),
        "sealed": partial_with("tagmanifest-sha256.txt.minisig"),
    }
    crashed = []
    for stage, reached in stages.items():
        proc = start(argv)
        wait_until(lambda: reached() or proc.poll() is not None, step=0.001)
        if kill9(proc):
            crashed.append(stage)
        assert check_packages(out) == [], stage
        for p in out.iterdir():
            if not p.name.startswith("."):
                shutil.rmtree(p)  # a finished one (the export won the race): try again
    assert "cutting" in crashed and len(crashed) >= 2, crashed

    code = main(["--home", str(home), "export", "--camera", "porch", "--mode", "exact",
                 "--from", format_utc(t0 + US // 2), "--to", format_utc(t0 + 7 * US),
                 "--out", str(out)])
    assert code == 0
    assert check_packages(out) == []
    finished = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert len(finished) == 1 and verify_package(finished[0]).ok


# -- approve: export, decision, upload -------------------------------------------------------
@contextmanager
def yard_request(tmp_path: Path, seconds: int, case: str):
    """The reference portal on 127.0.0.1 (running while in the block) with one request for
    camera yard, the owner's seconds of its recordings indexed: (portal, home, the entry)."""
    t0 = (int(time.time()) - 3600) * US
    make_recordings(tmp_path / "yard", "blue-iris", "yard", t0, 1, float(seconds), fps=10,
                    gop_s=1.0)
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    home = tmp_path / "home"
    with PortalServer(portal.state_dir):
        agent = Agent(home)
        try:
            agent.scan([str(tmp_path / "yard")], tz="UTC")
            agent.requests.trust.add(portal.state_dir / "agency.json")
            reg = enrol(home, portal, ("yard",)).registration
            portal.create_request(reg, t0, t0 + seconds * US, case, "Det. Roe",
                                  cameras=("yard",))
            (entry,) = agent.requests.sync().new
        finally:
            agent.close()
        yield portal, home, entry


def test_kill_9_during_an_approvals_upload_resumes_it_without_redoing_the_export(tmp_path):
    with yard_request(tmp_path, 6, "2026-5") as (portal, home, entry):
        # A slow home link, so the upload is still going when the power goes.
        save_settings(home, Settings(upload_rate_limit_bps=12_000))
        proc = start(AGENT + ["--home", str(home), "approve", "--yes", "--", entry.jti])
        log = AuditLog(home)

        def uploading():
            return any(r["event"] == "upload" and r["data"].get("status") == "uploading"
                       for r in log.entries())
        assert wait_until(lambda: uploading() or proc.poll() is not None, step=0.05)
        time.sleep(1.5)
        assert kill9(proc), "the approval finished before it could be killed"
        assert portal.submissions() == []
        (saved,) = [json.loads(p.read_text()) for p in (home / "uploads").glob("*.json")]

        save_settings(home, Settings())
        code = main(["--home", str(home), "approve", "--yes", "--", entry.jti])
        assert code == 0
        (sub,) = portal.submissions()
        assert sub["ok"], sub["checks"]
    records = log.entries()
    exports = [r for r in records if r["event"] == "export" and "camera" in r["data"]]
    assert len(exports) == 1  # the package made before the crash was used as it was
    (uploaded,) = [r for r in records if r["event"] == "upload" and "url" in r["data"]]
    # The same tus upload was taken up again (asked where it stood), not started afresh. The
    # package is smaller than one 32 MiB chunk, so the torn chunk is sent again whole; resuming
    # part way through a file is shown byte by byte in test_upload.py.
    assert uploaded["data"]["url"] == saved["url"]
    assert not list((home / "uploads").glob("*.json"))  # finished: the resume point is dropped
    assert log.verify().ok


def test_a_package_build_killed_then_declined_leaves_nothing_of_it_in_the_home(tmp_path):
    # Days hunt: a package build killed part way (a power cut, the PC shut down while an
    # approval was cutting) leaves its hidden `.package.partial-*` folder, with the clip cut so
    # far, in the request's packages folder; only the next build in that same folder removed
    # it. Declining the request then (withdrawing the approval) removed the packages made but
    # not that, so the footage stayed in the app's folder for good, where nothing would ever
    # build again. No delivery of the request can run while it is declined (refused), so
    # what such a build left is removed with the rest.
    with yard_request(tmp_path, 30, "2026-6") as (portal, home, entry):
        packages = home / "packages" / entry.folder
        for _try in range(3):
            proc = start(AGENT + ["--home", str(home), "approve", "--yes", "--mode", "exact",
                                  "--", entry.jti])
            wait_until(lambda: any(packages.glob(".package.partial-*/data"))
                       or proc.poll() is not None, step=0.001)
            if kill9(proc):
                break
        assert any(packages.glob(".package.partial-*")), "no kill landed while it was cutting"
        assert main(["--home", str(home), "decline", "--", entry.jti]) == 0
    assert not packages.exists() and not (home / "outbox" / entry.folder).exists()


# -- the audit log ---------------------------------------------------------------------------
APPENDER = """
import sys
from pathlib import Path
from agent.audit.log import AuditLog
log = AuditLog(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    log.append("hold", id=f"req-{n}", note="x" * (n % 700))
"""


def test_kill_9_while_appending_never_leaves_a_torn_line(tmp_path):
    home = tmp_path / "home"
    log_file = home / "audit.log"
    for delay in (0.05, 0.15, 0.3):
        before = log_file.stat().st_size if log_file.exists() else 0
        proc = start([sys.executable, "-c", APPENDER, str(home)])
        # Kill it while it appends, however long its start-up takes on a busy machine.
        assert wait_until(lambda: log_file.exists() and log_file.stat().st_size > before)
        time.sleep(delay)
        assert kill9(proc)
        report = AuditLog(home).verify()
        assert report.ok, report.problems  # no torn last line, nothing to recover
        assert log_file.read_bytes().endswith(b"\n")
    assert report.count > 3
    AuditLog(home).append("decline", id="after")
    assert AuditLog(home).verify().ok


def test_each_append_is_one_write_then_fsync(tmp_path, monkeypatch):
    """One write() call per record (so it cannot be split) and fsync before anything else,
    the seal included (so a power cut cannot lose a decision the owner was told about, and
    never leaves a seal ahead of its log)."""
    log = AuditLog(tmp_path)
    log.append("request-seen", id="a")  # the file exists; follow its descriptor from here
    calls = []
    real_write, real_fsync = os.write, os.fsync
    monkeypatch.setattr(os, "write", lambda fd, data: calls.append(("write", bytes(data)))
                        or real_write(fd, data))
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(("fsync", None)) or real_fsync(fd))
    record = log.append("approve", id="a", window={"start": "x", "end": "y"})
    assert [c[0] for c in calls][:2] == ["write", "fsync"]
    assert {c[0] for c in calls[2:]} == {"fsync"}   # the seal: its file and its folder
    assert calls[0][1] == json.dumps(record, sort_keys=True, separators=(",", ":")).encode() + b"\n"
