"""`run`'s start: a fault nobody foresaw in one source's first scan is said, and every other
source is still scanned and watched (the start-up thread used to end there, silently leaving
every folder unwatched while `run` said it watched them)."""
from __future__ import annotations

import logging
import shutil
import threading
import time

from agent.events import ScanFailed
from agent.service import Agent
from demo.samples import ClipSpec, write_clip
from tests.conftest import t
from tests.test_watch import wait_for


def test_a_fault_in_one_sources_first_scan_leaves_the_others_scanned_and_watched(
        tmp_path, monkeypatch, caplog):
    bad, good = tmp_path / "a-bad", tmp_path / "b-good"
    staged = write_clip(ClipSpec(path=tmp_path / "stage" / "clip.mp4",
                                 start_us=t("2026-05-14T18:00:00Z"), seconds=2, fps=5))
    bad.mkdir()
    good.mkdir()
    shutil.copy(staged, good / "CH01_20260514_170000_170002.mp4")   # there before `run`
    agent = Agent(tmp_path / "home")
    agent.add_source(bad, tz="UTC")
    agent.add_source(good, tz="UTC")
    # A bug nobody foresaw, in the first source's scan (the sources are scanned in order).
    real_scan = Agent.scan

    def scan(self, paths=None, tz=None, cancel=None):
        if paths and str(paths[0]) == str(bad):
            raise RuntimeError("a fault nobody foresaw")
        return real_scan(self, paths, tz, cancel)
    monkeypatch.setattr(Agent, "scan", scan)
    events: list = []
    agent.subscribe(events.append)
    stop = threading.Event()
    runner = threading.Thread(target=agent.run, args=(stop,), name="test-run")
    caplog.set_level(logging.WARNING)
    runner.start()
    try:
        good_rows = lambda: {r.path for r in agent.recordings() if r.camera == "b-good"}  # noqa: E731
        wait_for(lambda: str(good / "CH01_20260514_170000_170002.mp4") in good_rows(), 20.0)
        time.sleep(1.0)   # the watcher starts right after the first scans
        new = good / "CH01_20260514_180000_180002.mp4"
        shutil.copy(staged, new)
        wait_for(lambda: str(new) in good_rows(), 20.0)
    finally:
        stop.set()
        runner.join(10)
        agent.close()
    failed = [e for e in events if isinstance(e, ScanFailed) and e.source == str(bad)]
    assert failed and "could not be scanned" in failed[0].message
    assert "a fault nobody foresaw" in failed[0].message
    said = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert said and str(bad) in said[0].getMessage() and said[0].exc_info is None
    assert "RuntimeError" not in said[0].getMessage()
