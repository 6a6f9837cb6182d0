"""`footage-agent run` keeps the index live: new, growing, renamed and deleted files."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time


from agent.events import ScanFinished
from agent.index.store import Store
from agent.service import Agent
from demo.samples import ClipSpec, write_clip
from tests import child_sockets
from tests.conftest import t


def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("condition not reached in time")


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
        time.sleep(1.0)

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
