"""An upload server that trickles its side of the TLS handshake, a byte at a time, against the
tus client, on a real loopback TLS server (a certificate made here, trustme). The upload's
answer limit (wire.ANSWER_LIMIT_S) counts only once a request has left, so the handshake is
bounded by the connect timeout alone: that holds because Python's ssl gives a handshake one
deadline, the socket's timeout, for the whole of it, not a wait per read (an earlier hunt
feared each byte restarted it). This guards that bound: a change of TLS layer that waited per
read would let an approval wait as long as the server liked. The server's handshake is real
(ssl.MemoryBIO), only paced; proof that the client did not wait is how much of the trickle it
let go by (trickle_support.py), not a clock."""
from __future__ import annotations

import socket
import ssl
import threading

import httpx
import pytest
import trustme

from agent.delivery import wire
from agent.delivery.upload import UploadError, upload_file
from tests.trickle_support import PACE_S, cut_short, trickle


class TricklingTLS:
    """A loopback TLS server whose handshake bytes go out one every PACE_S; `cut_at` gets, for
    each connection, the seconds of trickle sent when the client hung up (None: it waited)."""

    def __init__(self, ca: trustme.CA) -> None:
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(self.context)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.origin = f"https://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stop = threading.Event()
        self.cut_at: list[float | None] = []
        self.threads: list[threading.Thread] = []
        self.accepting = threading.Thread(target=self._accept, daemon=True)
        self.accepting.start()

    def _accept(self) -> None:
        self.listener.settimeout(0.05)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self.threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        tls = self.context.wrap_bio(incoming, outgoing, server_side=True)
        try:
            while not outgoing.pending:   # the client's hello in, the server's answer made
                data = conn.recv(65536)
                if not data:
                    return
                incoming.write(data)
                try:
                    tls.do_handshake()
                except ssl.SSLWantReadError:
                    pass
            answer = bytearray(outgoing.read())

            def send(_: bytes) -> None:   # the server's real handshake, a byte at a time
                if answer:
                    conn.sendall(bytes(answer[:1]))
                    del answer[:1]

            self.cut_at.append(trickle(send, conn, PACE_S, self.stop))
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.accepting.join()
        for t in self.threads:
            t.join()
        self.listener.close()


@pytest.fixture
def ca():
    return trustme.CA()


def test_a_handshake_trickled_a_byte_at_a_time_ends_at_the_connect_timeout(
        ca, tmp_path, monkeypatch):
    # 1 s in place of 10, so the test is quick; the trickle would last LASTS_S
    monkeypatch.setattr(wire, "DEFAULT_TIMEOUT", httpx.Timeout(30.0, connect=1.0))
    server = TricklingTLS(ca)
    verify = ssl.create_default_context()
    ca.configure_trust(verify)
    package = tmp_path / "package.tar"
    package.write_bytes(b"p" * 70_000)
    try:
        with wire.new_client(verify) as client, pytest.raises(UploadError) as failed:
            upload_file(package, server.origin + "/files", state_dir=tmp_path / "uploads",
                        client=client, max_attempts=1)
    finally:
        server.close()
    assert "did not answer in time" in str(failed.value), failed.value
    # OPTIONS, then the creation POST: each connection cut, neither waited for
    assert cut_short(server.cut_at, calls=2), server.cut_at
