"""`footage-agent run` keeps the index live: new, growing, renamed and deleted files."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time


from agent.index.store import Store
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
    watcher = Watcher([str(quiet)], lambda root: rescanned.set() or False, every_s=0.3)
    watcher.start()
    try:
        assert rescanned.wait(30)   # nothing in the folder changed
    finally:
        watcher.stop()
    scanned = {}
    assert rescan_due(["a"], scanned, 1000.0, RESCAN_S) == []      # just seen
    assert rescan_due(["a"], scanned, 1000.0 + RESCAN_S - 1, RESCAN_S) == []
    assert rescan_due(["a"], scanned, 1000.0 + RESCAN_S, RESCAN_S) == ["a"]
