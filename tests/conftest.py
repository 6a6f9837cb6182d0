"""Shared fixtures: an isolated home folder, an Agent on it, and a thread-leak check."""
from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from agent.service import Agent
from agent.timebase import parse_rfc3339


def t(text: str) -> int:
    """RFC 3339 -> UTC microseconds, for readable tests."""
    return parse_rfc3339(text)


def require_tool(name: str) -> str:
    """Path of an external validator; skip when absent unless CI demands every tool."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("FOOTAGE_AGENT_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is required here (FOOTAGE_AGENT_REQUIRE_TOOLS is set) but not installed")
        pytest.skip(f"{name} is not installed")
    return path


def tree_fingerprint(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under root -> (sha256, size, mtime_ns): proof that nothing was written."""
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath, name)
            st = p.stat()
            out[str(p)] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns)
        out[dirpath] = ("dir", 0, os.stat(dirpath).st_mtime_ns)
    return out


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def agent(home: Path):
    a = Agent(home)
    yield a
    a.close()


@pytest.fixture(autouse=True)
def no_thread_leak():
    """Fail a test that leaves one of its threads running (watchdog-style leak check)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while True:
        extra = [th for th in threading.enumerate() if th not in before and th.is_alive()]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not extra, f"threads left running: {[th.name for th in extra]}"
