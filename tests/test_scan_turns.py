"""Two scans of one recordings folder at once (the app's first-run step and the service's
watcher in one process; `footage-agent scan` beside `run` in two) take turns, so each one's
report is true: a file gone is said gone once, a new one added once, and no row is lost.

The second scan is started at the moment the first has written its new rows but not yet let
go of the vanished ones, and the first goes on only once the second has finished or is waiting
for its turn: without turns both said the same file was gone."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from agent.service import Agent
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

OLD = 1_700_000_000   # an mtime long past: nothing is still being written


def clip(folder: Path, stamp: str) -> Path:
    """A real H.264 recording (PyAV) named by the `name.YYYYMMDD_HHMMSS.mp4` layout."""
    path = write_clip(ClipSpec(path=folder / f"cam.{stamp}.mp4",
                               start_us=t(f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T"
                                          f"{stamp[9:11]}:{stamp[11:13]}:{stamp[13:]}Z"),
                               seconds=1.0, fps=5))
    os.utime(path, (OLD, OLD))
    return path


def one_gone_one_new(tmp_path: Path) -> tuple[Agent, Path]:
    """A folder indexed with two recordings, one of which is then deleted and another one
    written (one kept as it was: the folder still holds its own disk, other_disk.py)."""
    folder = tmp_path / "porch"
    clip(folder, "20261120_135000")
    old = clip(folder, "20261120_140000")
    agent = Agent(tmp_path / "home")
    agent.add_source(folder, camera="porch", tz="UTC")
    (report,) = agent.scan()
    assert report.added == 2
    old.unlink()
    clip(folder, "20261120_141000")
    return agent, folder


def scans_at_once(first: Agent, second: Agent, folder: Path):
    """The first agent's scan, with the second's started in a thread at the end of the first's
    walk; the first goes on once the second has finished or waits for its turn."""
    theirs: list = []
    done = threading.Event()
    # Before scans took turns there was nothing to wait for: the second scan then ran whole.
    waiting = getattr(second, "scans_waiting", lambda _root: 0)

    def second_scan():
        try:
            theirs.extend(second.scan([str(folder)]))
        finally:
            done.set()

    def at_walk_end(_root, _n):
        if threading.current_thread().name == "second-scan":
            return
        threading.Thread(target=second_scan, name="second-scan", daemon=True).start()
        while not done.is_set() and not waiting(str(folder)):
            done.wait(0.01)   # a condition looked at, not a time waited for

    ours = first.scan([str(folder)], progress=at_walk_end)
    assert done.wait(60), "the second scan never ended"
    return ours + theirs


def said(reports) -> tuple[list[int], list[int], list[int]]:
    """What the first and the second scan said was added, gone and unchanged."""
    return ([r.added for r in reports], [r.removed for r in reports],
            [r.unchanged for r in reports])

KEPT_AND_NEW = ["cam.20261120_135000.mp4", "cam.20261120_141000.mp4"]


def test_two_scans_of_one_folder_in_one_process_take_turns(tmp_path):
    agent, folder = one_gone_one_new(tmp_path)
    try:
        reports = scans_at_once(agent, agent, folder)
        # One recording went and one came: said once each, the second scan finding both
        # recordings there unchanged.
        assert said(reports) == ([1, 0], [1, 0], [1, 2]), reports
        assert [os.path.basename(r.path) for r in agent.recordings("porch")] == KEPT_AND_NEW
    finally:
        agent.close()


def test_two_scans_of_one_folder_from_two_processes_take_turns(tmp_path):
    """Two agents on one home, each with its own index connection and its own descriptor of
    the folder's lock file: what two processes (`scan` beside `run`) hold."""
    agent, folder = one_gone_one_new(tmp_path)
    other = Agent(tmp_path / "home")
    try:
        reports = scans_at_once(agent, other, folder)
        assert said(reports) == ([1, 0], [1, 0], [1, 2]), reports
        assert [os.path.basename(r.path) for r in other.recordings("porch")] == KEPT_AND_NEW
    finally:
        other.close()
        agent.close()


def test_a_scan_waiting_for_its_turn_stops_when_cancelled(tmp_path):
    """A stopping service does not wait for another process's long scan: its own scan of that
    folder gives up, changing nothing."""
    agent, folder = one_gone_one_new(tmp_path)
    other = Agent(tmp_path / "home")
    try:
        from agent.index.scan_turns import ScanTurns

        source = agent.source_for(str(folder))
        cancel = threading.Event()
        with ScanTurns(tmp_path / "home").turn(source.id) as ours:   # another process's
            assert ours
            cancel.set()
            (report,) = other.scan([str(folder)], cancel=cancel)
        assert (report.seen, report.added, report.removed) == (0, 0, 0)
        assert [os.path.basename(r.path) for r in agent.recordings("porch")] == [
            "cam.20261120_135000.mp4", "cam.20261120_140000.mp4"]
    finally:
        other.close()
        agent.close()


def test_a_folder_removed_while_it_is_scanned_ends_its_scan_with_words(tmp_path):
    """`sources remove` (or Remove in the app's Settings) while another footage-agent scans
    the folder: the scan's next write met the folder gone and ended with 'unexpected failure:
    IntegrityError: FOREIGN KEY constraint failed' (the watcher's with a traceback), and a
    channel met for the first time after it with a TypeError."""
    import subprocess
    import sys

    from agent.index.scan import PROGRESS_EVERY

    folder = tmp_path / "porch"
    first = clip(folder, "20261120_000000")
    for n in range(1, PROGRESS_EVERY + 20):   # one recording, linked under many names
        os.link(first, folder / f"cam.20261120_{n // 3600:02d}{n // 60 % 60:02d}{n % 60:02d}.mp4")
    agent = Agent(tmp_path / "home")
    removed = []

    def removed_meanwhile(root, looked):
        if not removed:
            removed.append(subprocess.run(
                [sys.executable, "-m", "agent.cli", "--home", str(tmp_path / "home"), "sources",
                 "remove", root], capture_output=True, text=True, timeout=120))
    try:
        source = agent.add_source(folder, camera="porch", tz="UTC")
        (report,) = agent.scan(progress=removed_meanwhile)
        assert removed[0].returncode == 0, removed[0].stderr
        assert (report.seen, report.added) == (0, 0)
        (problem,) = report.problems
        assert problem.startswith(f"the recordings folder {folder} was removed while it was "
                                  "scanned"), problem
        assert agent.sources() == [] and agent.store.files() == []
        from agent.index.store_errors import SourceGone
        with pytest.raises(SourceGone):   # a channel met for the first time
            agent.store.names.meet(source.id, "ch2")
    finally:
        agent.close()
def test_a_turn_file_or_folder_left_wrong_is_said_in_plain_words(tmp_path, capsys):
    """Damage hunt: a scan's turn file made a folder (a sync tool, a restore), or the turns'
    folder made a file, failed every scan of the folder with Python's words ('[Errno 21] Is a
    directory: ...', '[Errno 17] File exists: ...'), shown in the app as the recordings
    folder's own problem."""
    from agent.cli import main
    folder, home = tmp_path / "porch", tmp_path / "home"
    clip(folder, "20261120_135000")
    assert main(["--home", str(home), "scan", str(folder), "--tz", "UTC"]) == 0
    turns = home / "scan-turns"
    (lock,) = turns.iterdir()
    lock.unlink()
    lock.mkdir()
    capsys.readouterr()
    assert main(["--home", str(home), "scan"]) == 1
    err = capsys.readouterr().err
    assert (f"cannot keep the scans' turns in footage-agent's folder: {lock} is a folder where "
            "a file was expected") in err, err
    lock.rmdir()
    turns.rmdir()
    turns.write_bytes(b"")
    assert main(["--home", str(home), "scan"]) == 1
    err = capsys.readouterr().err
    assert (f"cannot keep the scans' turns in footage-agent's folder: {turns} is not a folder") \
        in err, err
    assert "Errno" not in err
    assert [r.path for r in Agent(home).recordings()] != []   # nothing indexed was let go
