"""One delivery of a request at a time, across processes sharing a home folder."""
from __future__ import annotations

import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from agent.requests.running_deliveries import AlreadyRunning, delivery_lock

HOLDER = r"""
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the holder process uses fcntl")
def test_a_request_being_delivered_elsewhere_is_refused_until_released(tmp_path):
    desk = SimpleNamespace(home=tmp_path)
    entry = SimpleNamespace(folder="req-abc", jti="req-abc")
    (tmp_path / "locks").mkdir()
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "locks" / "req-abc.lock")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning, match="being delivered or declined by another footage-agent"):
            with delivery_lock(desk.home, entry):
                pass
    finally:
        other.communicate("\n", timeout=10)
    ran = []
    with delivery_lock(desk.home, entry):  # released: the next delivery may run
        ran.append(time.monotonic())
    assert ran
