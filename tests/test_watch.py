"""`footage-agent run` keeps the index live: new, growing, renamed and deleted files."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path


from agent.events import ScanFinished
from agent.index.store import Store
from agent.index.walk import subfolders, walked_files
from agent.index.watch import MAX_CHANGES, SETTLE_AT_MOST_S, WHOLE_EVERY_S, Watcher
from agent.service import Agent
from demo.samples import ClipSpec, make_recordings, write_clip
from tests import child_sockets
from tests.conftest import t


def wait_for(predicate, timeout: float = 60.0):
    # A ceiling, not a timing: a folder plugged in is found by the run loop's 5 s look, twice
    # in one test (10 s alone), which a machine busy with other suites can stretch past 30 s.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("condition not reached in time")


def watching_since(before: set[threading.Thread]) -> bool:
    """Whether a watcher started since `before` (threading.enumerate() then) watches its
    folders: its thread starts once every folder is (Watcher.start)."""
    return any(th.name == "footage-agent-watch" and th.is_alive() and th not in before
               for th in threading.enumerate())


def watches(pid: int, folder: Path) -> bool:
    """Whether process `pid` has the system report changes in `folder`: on Linux an inotify
    watch on its inode (/proc/PID/fdinfo lists each); elsewhere, where no other process's
    watches can be read, a second's pause after the call that found the child started."""
    fds = Path(f"/proc/{pid}/fd")
    if not fds.is_dir():
        time.sleep(1.0)
        return True
    inode = f"ino:{folder.stat().st_ino:x} "
    for fd in fds.iterdir():
        try:
            if os.readlink(fd) == "anon_inode:inotify" and any(
                    line.startswith("inotify ") and inode in line + " "
                    for line in (fds.parent / "fdinfo" / fd.name).read_text().splitlines()):
                return True
        except OSError:   # closed meanwhile
            continue
    return False


@contextmanager
def running(home: Path, src: Path, **source):
    """An agent on `home` with the folder `src` added (`source`: add_source's options),
    running as `footage-agent run` does while in the block: (the agent, the ScanFinished
    events so far)."""
    agent = Agent(home)
    agent.add_source(src, **source)
    scans: list[ScanFinished] = []
    agent.subscribe(lambda event: isinstance(event, ScanFinished) and scans.append(event))
    stop = threading.Event()
    thread = threading.Thread(target=agent.run, args=(stop,))
    before = set(threading.enumerate())
    try:
        thread.start()
        wait_for(lambda: scans)   # the start's scan is done: what comes now is the watcher's
        # and it watches (from before that scan: test_service_start.py shows a recording
        # closed as the scan ends is not left to the walk every RESCAN_S)
        wait_for(lambda: watching_since(before))
        yield agent, scans
    finally:
        stop.set()
        thread.join(30)
        agent.close()



def test_run_indexes_changes_live_and_listens_on_nothing(tmp_path):
    src = tmp_path / "rec"
    src.mkdir()
    home = tmp_path / "home"
    cmd = [sys.executable, "-m", "agent.cli", "--home", str(home)]
    subprocess.run(cmd + ["sources", "add", str(src), "--camera", "yard", "--tz", "UTC"], check=True)
    since = child_sockets.mark()
    proc = subprocess.Popen(cmd + ["run"], stderr=subprocess.PIPE, text=True)
    store = None
    try:
        wait_for(lambda: (home / "index.db").exists())
        store = Store(home / "index.db")
        # Once the child watches the folder (it does before its first scan, which finds what
        # came before): each file below is then indexed as it is reported.
        wait_for(lambda: watches(proc.pid, src))

        staged = write_clip(ClipSpec(path=tmp_path / "stage" / "a.mp4",
                                     start_us=t("2026-11-20T22:00:00Z"), seconds=4, fps=5))
        new = src / "yard.20261120_220000.mp4"
        shutil.copy(staged, new)
        row = wait_for(lambda: next(iter(store.files("yard")), None))
        assert row.path == str(new)

        # A file still being written (its index not there yet): in-progress while it grows,
        # ok as soon as the recorder closes it (its MP4 index says it is whole).
        growing = src / "yard.20261120_230000.mp4"
        data = staged.read_bytes()
        status = lambda: {r.path: r.status for r in store.files("yard")}.get(str(growing))
        with open(growing, "wb") as fh:
            fh.write(data[:len(data) // 2])
            fh.flush()
            assert wait_for(lambda: status() == "in-progress")
            fh.write(data[len(data) // 2:])
        assert wait_for(lambda: status() == "ok", timeout=40)

        renamed = src / "yard.20261121_000000.mp4"
        growing.rename(renamed)
        assert wait_for(lambda: {r.path for r in store.files("yard")} == {str(new), str(renamed)})
        new.unlink()
        assert wait_for(lambda: [r.path for r in store.files("yard")] == [str(renamed)])
    finally:
        if store is not None:
            store.close()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert child_sockets.calls(proc.pid, since) == []   # bound and listened on nothing


def test_a_folder_added_or_plugged_in_while_running_is_watched_and_indexed(tmp_path):
    # App hunt: only the folders there when `run` (or the app) started were watched, so one
    # added in Set up, or whose drive was out at start, was never indexed again until a
    # restart, and a request for last night found nothing of it.
    home = tmp_path / "home"
    cmd = [sys.executable, "-m", "agent.cli", "--home", str(home)]
    yard, porch = tmp_path / "yard", tmp_path / "porch"
    yard.mkdir()
    subprocess.run(cmd + ["sources", "add", str(yard), "--tz", "UTC"], check=True)
    yard.rename(tmp_path / "yard-unplugged")          # its drive is out when run starts
    staged = write_clip(ClipSpec(path=tmp_path / "stage" / "a.mp4",
                                 start_us=t("2026-11-20T22:00:00Z"), seconds=4, fps=5))
    proc = subprocess.Popen(cmd + ["run"], stderr=subprocess.PIPE, text=True)
    store = None
    try:
        wait_for(lambda: (home / "index.db").exists())
        store = Store(home / "index.db")
        porch.mkdir()
        subprocess.run(cmd + ["sources", "add", str(porch), "--tz", "UTC"], check=True)
        shutil.copy(staged, porch / "porch.20261120_220000.mp4")
        assert wait_for(lambda: [r.path for r in store.files("porch")]) == [
            str(porch / "porch.20261120_220000.mp4")]
        (tmp_path / "yard-unplugged").rename(yard)    # plugged in again
        shutil.copy(staged, yard / "yard.20261120_220000.mp4")
        assert wait_for(lambda: [r.path for r in store.files("yard")]) == [
            str(yard / "yard.20261120_220000.mp4")]
        shutil.copy(staged, yard / "yard.20261120_230000.mp4")   # and watched from then on
        assert wait_for(lambda: len(store.files("yard")) == 2)
    finally:
        if store is not None:
            store.close()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_a_recording_finished_while_another_is_being_written_is_indexed(tmp_path):
    # Days hunt: the watcher rescanned a folder only once its files had been quiet for a
    # second. A recorder writes its current file many times a second, day and night, so that
    # second never came: while `run` (or the app) was up, nothing the recorder finished was
    # indexed, and a request for last night found only what the start's scan had seen.
    src = tmp_path / "rec"
    staged = write_clip(ClipSpec(path=tmp_path / "stage" / "a.mp4",
                                 start_us=t("2026-11-20T22:00:00Z"), seconds=4, fps=5))
    agent = Agent(tmp_path / "home")
    stop, writing = threading.Event(), threading.Event()
    src.mkdir()
    agent.add_source(src, camera="yard", tz="UTC")
    scanned = threading.Event()
    agent.subscribe(lambda event: isinstance(event, ScanFinished) and scanned.set())
    running = threading.Thread(target=agent.run, args=(stop,))

    def record() -> None:   # the recorder's current file, written to ten times a second
        data = staged.read_bytes()
        with open(src / "yard.20261120_230000.mp4", "wb") as fh:
            while not stop.is_set():
                fh.write(data[:1000])
                fh.flush()
                writing.set()
                stop.wait(0.1)

    recorder = threading.Thread(target=record)
    try:
        running.start()
        assert scanned.wait(30)   # the start's scan is done: what comes now is the watcher's
        recorder.start()
        assert writing.wait(30)
        finished = src / "yard.20261120_220000.mp4"
        shutil.copy(staged, finished)
        found = wait_for(lambda: [r for r in agent.recordings("yard") if r.path == str(finished)])
        assert found[0].status == "ok"
        assert recorder.is_alive()   # indexed while the recorder went on writing
    finally:
        stop.set()
        if recorder.ident is not None:
            recorder.join(30)
        running.join(30)
        agent.close()


def test_a_change_in_todays_folder_walks_that_folder_not_the_weeks_before_it(tmp_path):
    # Days hunt: every change the watcher saw (a recorder writes several a second) had the
    # whole recordings folder walked again, every file of it looked at: weeks of a recorder's
    # day folders made each rescan slower, and with files being written one came every few
    # seconds, for as long as the agent ran. Only what changed is looked at now (a file added
    # or deleted, a folder of them made or gone), and all of that is still seen.
    src = tmp_path / "rec"
    staged = write_clip(ClipSpec(path=tmp_path / "stage" / "a.mp4",
                                 start_us=t("2026-11-20T22:00:00Z"), seconds=2, fps=5))
    days = [f"202611{d:02d}" for d in range(1, 15)]   # two weeks, a recording an hour
    for day in days:
        (src / day).mkdir(parents=True)
        for hour in range(24):
            os.link(staged, src / day / f"yard.{day}_{hour:02d}0000.mp4")
    with running(tmp_path / "home", src, camera="yard", tz="UTC") as (agent, scans):
        paths = lambda: {r.path for r in agent.recordings("yard")}
        assert scans[0].seen == len(days) * 24   # the start's scan is whole

        today = src / days[-1]
        shutil.copy(staged, today / f"yard.{days[-1]}_233000.mp4")
        # its row is written before the scan's end is told: wait for both
        wait_for(lambda: str(today / f"yard.{days[-1]}_233000.mp4") in paths() and scans[1:])
        assert max(s.seen for s in scans[1:]) == 1   # that file, and no other

        (src / days[0] / f"yard.{days[0]}_000000.mp4").unlink()   # the recorder recycles
        shutil.rmtree(src / days[1])
        (src / "20261115").mkdir()
        os.link(staged, src / "20261115" / "yard.20261115_000000.mp4")
        wait_for(lambda: len(paths()) == 14 * 24 + 1 - 1 - 24 + 1)
        assert not any(p.startswith(str(src / days[1])) for p in paths())
        assert str(src / "20261115" / "yard.20261115_000000.mp4") in paths()
        assert str(src / days[0] / f"yard.{days[0]}_000000.mp4") not in paths()


def test_in_one_folder_of_weeks_of_recordings_a_change_looks_at_that_file_alone(tmp_path):
    # The same with every recording in one folder, as Blue Iris keeps its clips: the file the
    # recorder writes, makes, renames or deletes is looked at, not the thousands beside it.
    src = tmp_path / "rec"
    staged = write_clip(ClipSpec(path=tmp_path / "stage" / "a.mp4",
                                 start_us=t("2026-11-20T22:00:00Z"), seconds=2, fps=5))
    src.mkdir()
    for n in range(14 * 24):
        os.link(staged, src / f"yard.202611{1 + n // 24:02d}_{n % 24:02d}0000.mp4")
    with running(tmp_path / "home", src, camera="yard", tz="UTC") as (agent, scans):
        paths = lambda: {r.path for r in agent.recordings("yard")}
        assert scans[0].seen == 14 * 24
        new = src / "yard.20261114_233000.mp4"
        shutil.copy(staged, new)
        wait_for(lambda: str(new) in paths())
        (src / "yard.20261101_000000.mp4").unlink()
        (src / "yard.20261101_010000.mp4").rename(src / "yard.20261115_010000.mp4")
        wait_for(lambda: str(src / "yard.20261115_010000.mp4") in paths())
        wait_for(lambda: len(paths()) == 14 * 24 and scans[1:])
        assert not {str(src / "yard.20261101_000000.mp4"),
                    str(src / "yard.20261101_010000.mp4")} & paths()
        assert max(s.seen for s in scans[1:]) <= 2   # a rename's two ends at most


def test_the_folders_a_rescan_walks_and_the_hourly_whole_walk(tmp_path):
    root = tmp_path / "rec"
    (root / "cam1" / "20261120").mkdir(parents=True)
    day, cam = str(root / "cam1" / "20261120"), str(root / "cam1")
    # One inside another is walked with it; hidden ones, a NAS's own and any outside the
    # source never; the source itself means all of it.
    assert subfolders(str(root), {day, cam, str(root / ".partial-x" / "a"),
                                  str(root / "@eaDir"), str(tmp_path / "elsewhere")}) == [cam]
    assert subfolders(str(root), {day, str(root)}) is None
    assert subfolders(str(root), set()) == []
    # Files are looked at alone unless a folder walked holds them, or a walk never would.
    assert walked_files(str(root), {str(root / "a.mp4"), day + "/b.mp4", str(root / ".x" / "c.mp4"),
                                    str(tmp_path / "d.mp4")}, [cam]) == {str(root): {str(root / "a.mp4")}}

    watcher = Watcher([str(root)], lambda root, folders, files: False)
    watcher.mark(str(root), folder=day)
    watcher.mark(str(root), file=str(root / "a.mp4"))
    now = time.monotonic() + SETTLE_AT_MOST_S
    assert watcher._due(now) == [(str(root), (frozenset({day}), frozenset({str(root / "a.mp4")})))]
    watcher.mark(str(root), folder=day)   # an hour on, a change has it all walked again
    assert watcher._due(now + WHOLE_EVERY_S) == [(str(root), None)]
    for n in range(MAX_CHANGES + 1):   # so do many changed at once (a card copied in)
        watcher.mark(str(root), file=str(root / f"f{n}.mp4"))
    assert watcher._due(now + WHOLE_EVERY_S + SETTLE_AT_MOST_S) == [(str(root), None)]


def test_the_first_channel_a_rescan_of_one_folder_meets_is_named_as_a_whole_walk_names_it(
        tmp_path):
    # The first channel a folder shows is named once the whole folder is known (one channel:
    # the folder's own camera). A rescan of only the folder that changed does not know that;
    # it walks the whole folder then, as before, so the camera is not shown under a provisional
    # name for up to an hour.
    src = tmp_path / "porch"
    (src / "new").mkdir(parents=True)   # there before the start: a file in it is its change
    (staged,) = make_recordings(tmp_path / "stage", "blue-iris", "Cam1",
                                t("2026-11-20T22:05:00Z"), 1, 4.0, fps=5)
    with running(tmp_path / "home", src, tz="UTC") as (agent, scans):
        shutil.copy(staged, src / "new" / staged.name)
        wait_for(lambda: agent.cameras() == ["porch"])   # never "porch/Cam1" for an hour
        assert [r.channel for r in agent.recordings("porch")] == ["Cam1"]


def test_a_folder_is_rescanned_now_and_then_though_nothing_was_reported(tmp_path):
    """A recorder writing to a NAS share from another machine is not reported to this PC
    (Linux, macOS), nor is a share mounted again over the folder: its recordings stayed out
    of the index until the app was started again. Every folder is rescanned every RESCAN_S
    (here a fraction of a second) whatever was reported."""
    import threading

    from agent.index.watch import RESCAN_S, Watcher, rescan_due
    quiet = tmp_path / "share"
    quiet.mkdir()
    rescanned = threading.Event()
    watcher = Watcher([str(quiet)], lambda root, folders, files: rescanned.set() or False, every_s=0.3)
    watcher.start()
    try:
        assert rescanned.wait(30)   # nothing in the folder changed
    finally:
        watcher.stop()
    scanned = {}
    assert rescan_due(["a"], scanned, 1000.0, RESCAN_S) == []      # just seen
    assert rescan_due(["a"], scanned, 1000.0 + RESCAN_S - 1, RESCAN_S) == []
    assert rescan_due(["a"], scanned, 1000.0 + RESCAN_S, RESCAN_S) == ["a"]


def test_a_folder_whose_drive_was_unplugged_and_plugged_back_is_watched_again(tmp_path):
    # Days hunt: a folder's drive pulled out while running ends the system's watch of it for
    # good (watchdog stops that folder's watcher), and follow() took the folder for watched,
    # so once the drive was back nothing the recorder wrote was reported: only the rescan
    # every RESCAN_S found it, minutes late, by walking the whole folder.
    root = tmp_path / "usb" / "yard"
    root.mkdir(parents=True)
    seen: list[frozenset[str]] = []
    changed = threading.Event()

    def rescan(_root, _folders, files):
        seen.append(files)
        changed.set()
        return False
    watcher = Watcher([str(root)], rescan, every_s=1e9)   # never rescanned for its own sake
    watcher.start()
    try:
        shutil.rmtree(tmp_path / "usb")                   # unplugged
        assert changed.wait(30)                          # said as the folder gone
        watcher.follow([str(root)])                      # the run loop's look: drive still out
        root.mkdir(parents=True)                         # plugged back in
        changed.clear()
        wait_for(lambda: watcher.follow([str(root)]) == [str(root)], 30)
        assert changed.wait(30)                          # walked whole: all of it may be new
        (root / "yard.20261120_220000.mp4").write_bytes(b"recording")
        wait_for(lambda: any(str(root / "yard.20261120_220000.mp4") in f for f in seen), 30)
    finally:
        watcher.stop()


def test_a_folder_whose_card_was_unmounted_and_put_back_is_watched_again(tmp_path):
    # Watch hunt: on Linux a card or drive unmounted (pulled out) does not end the system's
    # watch of its folder, nor is that reported: the watch goes on, on a folder no longer at
    # its path, so follow() took the folder for watched and the card's recordings once it was
    # back (mounted again: another folder at that path) were reported by nothing, found only
    # by the walk every RESCAN_S; its going was not said before that walk either. Reproduced
    # with a real tmpfs mount as root; here, where nothing may be mounted, the same is done by
    # moving the folder away and making another at its path (what a mount changes there: the
    # folder the path leads to).
    root = tmp_path / "usb" / "yard"
    root.mkdir(parents=True)
    seen: list[frozenset[str]] = []
    changed = threading.Event()

    def rescan(_root, _folders, files):
        seen.append(files)
        changed.set()
        return False
    watcher = Watcher([str(root)], rescan, every_s=1e9)   # never rescanned for its own sake
    watcher.start()
    try:
        root.rename(tmp_path / "usb" / "yard-unmounted")  # the card out: nothing reported
        assert watcher.follow([str(root)]) == []          # the run loop's look: nothing there
        assert changed.wait(30)                           # rescanned, which says it is gone
        root.mkdir()                                      # the card back: another folder there
        changed.clear()
        assert watcher.follow([str(root)]) == [str(root)]
        assert changed.wait(30)                           # walked whole: all of it may be new
        (root / "yard.20261120_220000.mp4").write_bytes(b"recording")
        wait_for(lambda: any(str(root / "yard.20261120_220000.mp4") in f for f in seen), 30)
        (tmp_path / "usb" / "yard-unmounted" / "old.mp4").write_bytes(b"x")   # not the card's
        changed.clear()
        assert watcher.follow([str(root)]) == []          # the one there is watched: kept
    finally:
        watcher.stop()
