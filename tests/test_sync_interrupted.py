"""`footage-agent inbox sync` stopped by a real signal while a portal never answers, the command
a child process run as Windows delivers signals (tests/windows_signals_child.py: the main
thread not interrupted by them), against the real reference portal behind the fault proxy
(test_delivery_faults' World)."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from agent.delivery.wire import DEFAULT_TIMEOUT
from agent.timebase import US
from tests.fault_proxy import Rule
from tests.test_delivery_faults import (ROOT, T0, WITHIN_PART, _stop_when,  # noqa: F401
                                        footage, world)

# The child masks the stop signals in its main thread, which only POSIX can (it shows here
# what Windows does by itself).
pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"),
                                reason="emulates Windows' signals with POSIX thread masks")


def _windows_like(w, *argv: str) -> subprocess.Popen:
    """`footage-agent ARGV` in a child whose main thread signals do not interrupt; its
    `started_at` is taken before it starts."""
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "tests.windows_signals_child", "--home",
                              str(w.run.home), *argv], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    child.started_at = started
    return child


def _before_the_call_ends(child, took: float, sent: float) -> bool:
    """Out before a part of what was left of the hung call's read timeout (the call began
    after the child started): the stop did not wait for the call to end by itself."""
    return took < (DEFAULT_TIMEOUT.read - (sent - child.started_at)) / WITHIN_PART


def test_ctrl_c_while_a_portal_never_answers_a_sync_stops_it_and_loses_nothing(world):
    """`inbox sync` polled on the main thread: on Windows Ctrl+C was seen only once the portal
    call ended by itself (its 30 s read timeout; 60 s for the whole call). It runs as a job now,
    as `decline` and `approve` do, and the stop ends the call."""
    w = world
    w.portal.create_request(w.reg, T0, T0 + 4 * US, "2026-78", "Det. Jane Roe",
                            cameras=("yard",), origin=w.proxy.origin)
    w.proxy.rules.append(Rule("GET", "/requests", hang=True))
    polled = w.proxy.count("GET", "/requests")   # the World's own sync
    child = _windows_like(w, "inbox", "sync")
    code, took, sent, err = _stop_when(w, child, "GET", "/requests", signal.SIGINT, polled)
    assert code == 130 and _before_the_call_ends(child, took, sent), (code, took, err)
    assert "Traceback" not in err and err.count("footage-agent:") == 1, err
    assert "the check for requests was stopped" in err, err
    assert len(w.run.json("inbox")) == 1   # nothing taken, the cursor where it was

    w.proxy.rules.clear()
    code, _, err = w.run("inbox", "sync")
    assert code == 0 and "1 new" in err, err


def test_the_windows_like_child_sees_a_stop_once_its_main_thread_runs_python(world):
    """The harness is faithful: `decline`, whose send already runs as a job, stops at once in
    it, and says it kept the decline."""
    w = world
    w.proxy.rules.append(Rule("POST", "/decision", hang=True))
    child = _windows_like(w, "decline", "--", w.jti)
    code, took, sent, err = _stop_when(w, child, "POST", "/decision", signal.SIGINT)
    assert code == 130 and _before_the_call_ends(child, took, sent), (code, took, err)
    assert "kept and sent at the next `inbox sync`" in err, err
