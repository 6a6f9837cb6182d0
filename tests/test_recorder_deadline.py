"""A recorder that trickles its answer (a header line now and then, a byte at a time) is cut
off at a limit on the whole call, not only on each read: a search call at Wire's call limit,
a download at its whole-download bound, even while its headers are still coming; over plain
http and over the pinned https. The owner reads which recorder (host:port), never a query
(Reolink's token travels there)."""
from __future__ import annotations

import json
import ssl
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from agent.recorders import fetch as fetch_module
from agent.recorders.model import DownloadFailed, Query, RecorderUnreachable
from agent.recorders.transport import first_look, recorder_url
from agent.recorders.wire import Wire

TOKEN = "tok-secret-0123"
SEARCH = [{"cmd": "Search", "action": 0, "param": {}}]


@contextmanager
def trickling(mode: str, tls: bool):
    """A loopback recorder whose answer follows `mode`: `headers` (a header byte every 0.1 s),
    `body` (a body byte every 0.1 s), `second` (a quick first answer on a kept-alive
    connection, then `headers`) or `stalled` (one body byte, then one every 4 s). Each
    trickle ends by itself after 20 s, so a test ends even if the agent never gives up."""
    stop = threading.Event()
    answered = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            answered.append(self.path)
            try:
                self._answer({"second": "quick" if len(answered) == 1 else "headers"}.get(mode, mode))
            except OSError:
                self.close_connection = True   # the agent hung up: what the tests want

        do_POST = do_GET

        def _answer(self, how: str) -> None:
            if how == "quick":
                body = json.dumps([{"cmd": "Search", "code": 0, "value": {}}]).encode()
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                return
            self.close_connection = True
            head = {"headers": b"HTTP/1.1 200 OK\r\nX-Slow: ",
                    "body": b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n",
                    "stalled": b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"}[how]
            self.wfile.write(head)
            self.wfile.flush()
            every = 4.0 if how == "stalled" else 0.1
            for _ in range(int(20 / every)):
                self.wfile.write(b"x")
                self.wfile.flush()
                if stop.wait(every):
                    break

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        trustme.CA().issue_cert("127.0.0.1").configure_cert(ctx)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join()


def wire_to(url: str, **limits) -> Wire:
    base = recorder_url(url)
    pin = first_look(base, 5) if base.scheme == "https" else None
    return Wire(base, "reolink", pin=pin, timeout_s=5, **limits)


def search(wire: Wire):
    return wire.call("POST", "/cgi-bin/api.cgi", params={"cmd": "Search", "token": TOKEN},
                     content=json.dumps(SEARCH).encode())


@pytest.mark.parametrize("mode", ["headers", "body", "second"])
@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_a_recorder_trickling_its_answer_is_cut_off_at_the_call_limit(mode, tls):
    """Seen: a byte every few seconds kept a search going for ever (each byte restarted the
    read timeout). `second`: a kept-alive connection would escape the limit."""
    with trickling(mode, tls) as url:
        wire = wire_to(url, call_limit_s=0.5)
        try:
            if mode == "second":
                assert search(wire).status == 200   # quick: the limit does not touch it
            started = time.monotonic()
            with pytest.raises(RecorderUnreachable) as err:
                search(wire)
            took = time.monotonic() - started
        finally:
            wire.close()
    where = url.split("://")[1]
    assert str(err.value) == (f"The recorder at {where} took more than 0.5 s to answer, so it "
                              "was cut off. If this keeps happening, restart the recorder.")
    assert TOKEN not in str(err.value)
    assert took < 5   # not the 20 s the trickle would last


@pytest.mark.parametrize("mode", ["headers", "stalled"])
@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_a_download_trickling_its_headers_or_stalling_is_cut_at_its_time_limit(
        mode, tls, tmp_path, monkeypatch):
    """Seen: the whole-download bound was checked only when a piece of body arrived, so
    trickled headers (or a byte every 19 s) went on past it."""
    monkeypatch.setattr(fetch_module, "time_limit_s", lambda spec: 0.5)   # 10 min and more in life
    spec = fetch_module.Download("GET", "/cgi-bin/api.cgi", Query("reolink", "Download", ()), 0,
                                 0, 30_000_000, "a.mp4",
                                 params={"cmd": "Download", "source": "a.mp4", "token": TOKEN},
                                 expected_size=1000)
    with trickling(mode, tls) as url:
        wire = wire_to(url)
        try:
            started = time.monotonic()
            with pytest.raises(DownloadFailed, match="took longer than 0.5 s to send") as err:
                fetch_module.fetch_to_file(wire, spec, tmp_path / "out")
            took = time.monotonic() - started
        finally:
            wire.close()
    assert url.split("://")[1] in str(err.value) and TOKEN not in str(err.value)
    assert took < 3   # the stall's next byte comes at 4 s; the trickle would last 20 s
    assert list((tmp_path / "out").iterdir()) == []   # neither the file nor a partial


@contextmanager
def trickling_handshake():
    """A loopback 'recorder' that answers a TLS hello with the start of a 16 KiB handshake
    record and then one byte of it every 0.1 s (for 20 s at most)."""
    import socket
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)

    def serve() -> None:
        conns = []
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conns.append(conn)
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()
        for conn in conns:
            conn.close()

    def trickle(conn) -> None:
        try:
            conn.sendall(b"\x16\x03\x03\x40\x00")   # a handshake record of 16 KiB follows...
            for _ in range(200):
                if stop.wait(0.1):
                    return
                conn.sendall(b"\x00")               # ... a byte at a time
        except OSError:
            pass   # the agent hung up: what the tests want

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_a_recorder_trickling_its_tls_handshake_is_cut_off():
    """A certificate sent a byte at a time (hours in life, 20 s here) ends at the handshake's
    timeout, both when the owner first looks at it and on a call: Python's TLS handshake
    keeps one deadline for all its reads (checked here, as the call limit relies on it)."""
    with trickling_handshake() as url:
        base = recorder_url(url)
        started = time.monotonic()
        with pytest.raises(RecorderUnreachable, match="did not complete an HTTPS handshake"):
            first_look(base, 0.5)
        looked = time.monotonic() - started
        wire = Wire(base, "reolink", pin="ab" * 32, timeout_s=5, call_limit_s=0.5)
        try:
            started = time.monotonic()
            with pytest.raises(RecorderUnreachable, match="took more than 0.5 s to answer"):
                search(wire)
            called = time.monotonic() - started
        finally:
            wire.close()
    assert looked < 5 and called < 5   # not the 20 s the trickle lasts
