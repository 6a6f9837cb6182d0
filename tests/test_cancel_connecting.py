"""A stop (or a call's time limit) while a connection to the upload server or the portal is
still being made: the server never answers the TCP connect (a firewall dropping packets, a
server down behind a load balancer). Seen: the job went on until the 10 s connect timeout,
the app showing "Stopping..." all along, and `approve` met its 2 s stop rule only by leaving
the job's thread behind.

The silent server is a loopback listener whose accept queue is full and which never accepts:
Linux drops a further connect's SYN, so the connect hangs as it would against a firewall.
A server that takes the connect and never answers the TLS handshake is the next stage of the
same wait. Only 127.0.0.1 is used.
"""
from __future__ import annotations

import random
import socket
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from agent.delivery.upload import UploadCancelled, upload_file
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.portal_retries import portal_call
from tests.test_portal_client import agency

STOP_AFTER_S = 0.2
# Far below the 10 s connect timeout, and generous for a loaded machine.
AT_ONCE_S = 2.0


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
    """A loopback port that accepts connects (the kernel does) but never says a word: an
    HTTPS client waits in its TLS handshake."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]


def stop_soon(cancel: threading.Event) -> list[float]:
    """Set `cancel` STOP_AFTER_S from now; the list receives when it was set."""
    at: list[float] = []

    def stop() -> None:
        at.append(time.monotonic())
        cancel.set()
    threading.Timer(STOP_AFTER_S, stop).start()
    return at


def upload(tmp_path: Path, endpoint: str, cancel: threading.Event) -> None:
    package = tmp_path / "package.tar"
    package.write_bytes(random.Random(1).randbytes(100_000))
    upload_file(package, endpoint, state_dir=tmp_path / "uploads", cancel=cancel)


def test_an_upload_whose_server_never_answers_the_connect_ends_at_once_when_cancelled(
        unanswered, tmp_path):
    cancel = threading.Event()
    cancelled_at = stop_soon(cancel)
    with pytest.raises(UploadCancelled, match="resumes from here"):
        upload(tmp_path, f"http://127.0.0.1:{unanswered.port}/files", cancel)
    took = time.monotonic() - cancelled_at[0]
    assert took < AT_ONCE_S, took
    # The connect given up is not left open once it gets through after all.
    assert unanswered.late_connection_closed()


def cancelled_decision(url: str) -> float:
    """Seconds between the cancel and the end of a decision posted to the portal at `url`,
    through the desk's retrying call; it must end as a cancellation."""
    cancel = threading.Event()
    portal = agency(url)
    step = SimpleNamespace(cancel=cancel, agency=portal)   # what portal_call reads
    with PortalClient(call_limit_s=60.0) as client:
        cancelled_at = stop_soon(cancel)
        with pytest.raises(UploadCancelled, match="cancelled while waiting"):
            portal_call(step, lambda: client.post_decision(portal, "t", "req-1", "d.e.c",
                                                           cancel=cancel))
        return time.monotonic() - cancelled_at[0]


def test_a_portal_call_whose_portal_never_answers_the_connect_ends_at_once_when_cancelled(
        unanswered):
    took = cancelled_decision(f"http://127.0.0.1:{unanswered.port}/v1")
    assert took < AT_ONCE_S, took   # a cancellation, not a failure retried after 10 s
    assert unanswered.late_connection_closed()


def test_a_portal_call_still_connecting_is_cut_at_the_call_limit(unanswered):
    """The call's own time limit ends a connect too, not only a cancel."""
    portal = agency(f"http://127.0.0.1:{unanswered.port}/v1")
    with PortalClient(call_limit_s=1.0) as client:
        started = time.monotonic()
        with pytest.raises(PortalError, match="took more than 1 s"):
            client.poll(portal, "reg-1", "t", None)
        took = time.monotonic() - started
    assert took < 1.0 + AT_ONCE_S, took
    assert unanswered.late_connection_closed()


# The next stage of connecting: the TCP connect is made, the TLS handshake never answered.
# Seen: shutting the socket learnt at the connect did not wake the handshake (wrap_socket
# had moved its descriptor to a new object), so a stop waited the 10 s handshake timeout.
def test_an_upload_waiting_in_the_tls_handshake_ends_at_once_when_cancelled(tmp_path):
    silent = Silent()
    try:
        cancel = threading.Event()
        cancelled_at = stop_soon(cancel)
        with pytest.raises(UploadCancelled):
            upload(tmp_path, f"https://127.0.0.1:{silent.port}/files", cancel)
        took = time.monotonic() - cancelled_at[0]
    finally:
        silent.listener.close()
    assert took < AT_ONCE_S, took


def test_a_portal_call_waiting_in_the_tls_handshake_ends_at_once_when_cancelled():
    silent = Silent()
    try:
        took = cancelled_decision(f"https://127.0.0.1:{silent.port}/v1")
    finally:
        silent.listener.close()
    assert took < AT_ONCE_S, took
