"""A stop (or a call's time limit) while a connection to the upload server or the portal is
still being made: the server never answers the TCP connect (a firewall dropping packets, a
server down behind a load balancer). Seen: the job went on until the 10 s connect timeout,
the app showing "Stopping..." all along, and `approve` met its 2 s stop rule only by leaving
the job's thread behind.

The silent server is a loopback listener whose accept queue is full and which never accepts:
Linux drops a further connect's SYN, so the connect hangs as it would against a firewall.
A server that takes the connect and never answers the TLS handshake is the next stage of the
same wait. Only 127.0.0.1 is used.

"At once" is not asserted as a time (a loaded machine adds its own seconds): the calls' own
timeouts are made a minute long here, so a call that waited for the connect to end by itself
would take a minute, and each must end before a third of what was left of it.
"""
from __future__ import annotations

import random
import socket
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import pytest

import httpx

from agent.delivery.upload import UploadCancelled, upload_file
from agent.delivery.wire import new_client
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.portal_retries import portal_call
from tests.test_portal_client import agency

STOP_AFTER_S = 0.2
WAIT_S = 60.0   # every timeout of the calls here: a connect never answered ends only then
WAITING = httpx.Timeout(WAIT_S)
WITHIN_PART = 3


def ended_early(took_after_cancel: float) -> None:
    """The call ended before a third of what was left of its wait when it was cancelled."""
    left_s = WAIT_S - STOP_AFTER_S
    assert took_after_cancel < left_s / WITHIN_PART, (took_after_cancel, left_s)


class Unanswered:
    """A loopback port whose connects hang unanswered: a listener never accepting, with its
    accept queue filled by a connection made first."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0)
        self.port = self.listener.getsockname()[1]
        self.fillers: list[socket.socket] = []
        for _ in range(3):
            try:
                self.fillers.append(socket.create_connection(("127.0.0.1", self.port),
                                                             timeout=0.5))
            except TimeoutError:
                return   # the queue is full: connects now hang
            except OSError:
                break    # refused (tcp_abort_on_overflow, other systems): no hanging here
        self.close()
        pytest.skip("this platform answers connects to a full accept queue (refuses or "
                    "queues them), so a connect cannot be left hanging here")

    def late_connection_closed(self, wait_s: float = 5.0) -> bool:
        """Make room in the queue, so the connect the call gave up gets through at its next
        SYN (about 1 s after the first); True once its far end has closed it."""
        self.listener.settimeout(wait_s)
        for _ in self.fillers:
            self.listener.accept()[0].close()
        late, _ = self.listener.accept()
        with late:
            late.settimeout(wait_s)
            try:
                return late.recv(1) == b""
            except (TimeoutError, ConnectionResetError):
                return False

    def close(self) -> None:
        for s in self.fillers:
            s.close()
        self.listener.close()


@pytest.fixture
def unanswered():
    server = Unanswered()
    yield server
    server.close()


class Silent:
    """A loopback port that takes connections but never says a word: an HTTPS client waits in
    its TLS handshake. `waiting()`: a connection was taken."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.listener.settimeout(0.05)   # so the taking thread sees `close`
        self.held: list[socket.socket] = []
        self._closed = threading.Event()
        self._taker = threading.Thread(target=self._take, daemon=True)
        self._taker.start()

    def _take(self) -> None:
        while not self._closed.is_set():
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:   # nothing yet
                continue

    def waiting(self) -> bool:
        return bool(self.held)

    def close(self) -> None:
        self._closed.set()
        self._taker.join()
        self.listener.close()
        for conn in self.held:
            conn.close()


def connecting() -> Callable[[], bool]:
    """True once a connect begun after this call is being made (on its helper thread)."""
    before = set(threading.enumerate())
    return lambda: any(t.name == "footage-agent-connect" and t not in before
                       for t in threading.enumerate())


def stop_soon(cancel: threading.Event, waiting: Callable[[], bool]) -> list[float]:
    """Set `cancel` STOP_AFTER_S after `waiting()` (the call waits there: a timer alone could
    cancel before the call began, on a loaded machine); the list receives when it was set."""
    at: list[float] = []

    def stop() -> None:
        deadline = time.monotonic() + WAIT_S
        while not waiting() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(STOP_AFTER_S)
        at.append(time.monotonic())
        cancel.set()
    threading.Thread(target=stop, daemon=True).start()
    return at


def upload(tmp_path: Path, endpoint: str, cancel: threading.Event) -> None:
    """The real client (its transport lets a cancel cut a connect), its timeouts WAITING."""
    package = tmp_path / "package.tar"
    package.write_bytes(random.Random(1).randbytes(100_000))
    with new_client() as client:
        client.timeout = WAITING
        upload_file(package, endpoint, state_dir=tmp_path / "uploads", cancel=cancel,
                    client=client)


def test_an_upload_whose_server_never_answers_the_connect_ends_at_once_when_cancelled(
        unanswered, tmp_path):
    cancel = threading.Event()
    cancelled_at = stop_soon(cancel, connecting())
    with pytest.raises(UploadCancelled, match="resumes from here"):
        upload(tmp_path, f"http://127.0.0.1:{unanswered.port}/files", cancel)
    ended_early(time.monotonic() - cancelled_at[0])
    # The connect given up is not left open once it gets through after all.
    assert unanswered.late_connection_closed()


def cancelled_decision(url: str, waiting: Callable[[], bool]) -> float:
    """Seconds between the cancel (once `waiting()`) and the end of a decision posted to the
    portal at `url`, through the desk's retrying call; it must end as a cancellation."""
    cancel = threading.Event()
    portal = agency(url)
    step = SimpleNamespace(cancel=cancel, agency=portal)   # what portal_call reads
    with PortalClient(call_limit_s=WAIT_S, timeout=WAITING) as client:
        cancelled_at = stop_soon(cancel, waiting)
        with pytest.raises(UploadCancelled, match="cancelled while waiting"):
            portal_call(step, lambda: client.post_decision(portal, "t", "req-1", "d.e.c",
                                                           cancel=cancel))
        return time.monotonic() - cancelled_at[0]


def test_a_portal_call_whose_portal_never_answers_the_connect_ends_at_once_when_cancelled(
        unanswered):
    ended_early(cancelled_decision(f"http://127.0.0.1:{unanswered.port}/v1", connecting()))
    # (and a cancellation, not a failure retried after the connect's timeout)
    assert unanswered.late_connection_closed()


def test_a_portal_call_still_connecting_is_cut_at_the_call_limit(unanswered):
    """The call's own time limit ends a connect too, not only a cancel."""
    portal = agency(f"http://127.0.0.1:{unanswered.port}/v1")
    with PortalClient(call_limit_s=1.0, timeout=WAITING) as client:
        started = time.monotonic()
        with pytest.raises(PortalError, match="took more than 1 s"):
            client.poll(portal, "reg-1", "t", None)
        took = time.monotonic() - started
    assert took < WAIT_S / WITHIN_PART, took   # the limit ended it, not the connect's timeout
    assert unanswered.late_connection_closed()


# The next stage of connecting: the TCP connect is made, the TLS handshake never answered.
# Seen: shutting the socket learnt at the connect did not wake the handshake (wrap_socket
# had moved its descriptor to a new object), so a stop waited the 10 s handshake timeout.
def test_an_upload_waiting_in_the_tls_handshake_ends_at_once_when_cancelled(tmp_path):
    silent = Silent()
    try:
        cancel = threading.Event()
        cancelled_at = stop_soon(cancel, silent.waiting)
        with pytest.raises(UploadCancelled):
            upload(tmp_path, f"https://127.0.0.1:{silent.port}/files", cancel)
        took = time.monotonic() - cancelled_at[0]
    finally:
        silent.close()
    ended_early(took)


def test_a_portal_call_waiting_in_the_tls_handshake_ends_at_once_when_cancelled():
    silent = Silent()
    try:
        took = cancelled_decision(f"https://127.0.0.1:{silent.port}/v1", silent.waiting)
    finally:
        silent.close()
    ended_early(took)
