"""A recorder that trickles its answer (a header line now and then, a byte at a time) is cut
off at a limit on the whole call, not only on each read: a search call at Wire's call limit,
a download at its whole-download bound, even while its headers are still coming; over plain
http and over the pinned https. The owner reads which recorder (host:port), never a query
(Reolink's token travels there)."""
from __future__ import annotations

import json
import socket
import ssl
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import trustme

from agent.recorders import fetch as fetch_module
from agent.recorders.model import DownloadFailed, Query, RecorderUnreachable
from agent.recorders.transport import first_look, recorder_url
from agent.recorders.wire import Wire
from tests.trickle_support import LASTS_S, PACE_S, WITHIN_PART, cut_short, trickle

TOKEN = "tok-secret-0123"
SEARCH = [{"cmd": "Search", "action": 0, "param": {}}]
# A stalled answer's second byte comes a third into its trickle (trickle_support.py): a
# limit checked only as bytes come would cut it no sooner.
STALL_S = LASTS_S / WITHIN_PART


@contextmanager
def trickling(mode: str, tls: bool):
    """A loopback recorder whose answer follows `mode`: `headers` (a header byte every 0.1 s),
    `body` (a body byte every 0.1 s), `second` (a quick first answer on a kept-alive
    connection, then `headers`) or `stalled` (one body byte, then one every 20 s). Each
    trickle ends by itself after a minute, so a test ends even if the agent never gives up.
    Yields the url and `cut_at`: for each trickle the agent hung up on, the seconds of it
    (at its pace) that had been sent; joined on exit, so the list is complete then."""
    stop = threading.Event()
    answered, cut_at = [], []

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

            def send(byte: bytes) -> None:
                self.wfile.write(byte)
                self.wfile.flush()

            cut_at.append(trickle(send, self.connection,
                                  STALL_S if how == "stalled" else PACE_S, stop))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads, server.block_on_close = False, True   # cut_at is whole on exit
    if tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        trustme.CA().issue_cert("127.0.0.1").configure_cert(ctx)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}", cut_at
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join()


def wire_to(url: str, **limits) -> Wire:
    base = recorder_url(url)
    pin = first_look(base, 5) if base.scheme == "https" else None
    # Each network operation's own timeout outlasts a trickle: only the limits can cut it.
    return Wire(base, "reolink", pin=pin, timeout_s=LASTS_S, **limits)


def search(wire: Wire):
    return wire.call("POST", "/cgi-bin/api.cgi", params={"cmd": "Search", "token": TOKEN},
                     content=json.dumps(SEARCH).encode())


@pytest.mark.parametrize("mode", ["headers", "body", "second"])
@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_a_recorder_trickling_its_answer_is_cut_off_at_the_call_limit(mode, tls):
    """Seen: a byte every few seconds kept a search going for ever (each byte restarted the
    read timeout). `second`: a kept-alive connection would escape the limit."""
    with trickling(mode, tls) as (url, cut_at):
        wire = wire_to(url, call_limit_s=0.5)
        try:
            if mode == "second":
                assert search(wire).status == 200   # quick: the limit does not touch it
            with pytest.raises(RecorderUnreachable) as err:
                search(wire)
        finally:
            wire.close()
    where = url.split("://")[1]
    assert str(err.value) == (f"The recorder at {where} took more than 0.5 s to answer, so it "
                              "was cut off. If this keeps happening, restart the recorder.")
    assert TOKEN not in str(err.value)
    assert cut_short(cut_at), cut_at   # hung up early in the trickle, not at its end


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
    with trickling(mode, tls) as (url, cut_at):
        wire = wire_to(url)
        try:
            with pytest.raises(DownloadFailed, match="took longer than 0.5 s to send") as err:
                fetch_module.fetch_to_file(wire, spec, tmp_path / "out")
        finally:
            wire.close()
    assert url.split("://")[1] in str(err.value) and TOKEN not in str(err.value)
    # Hung up before the stall's second byte (due STALL_S on) and a third into the trickle.
    assert cut_short(cut_at), cut_at
    assert list((tmp_path / "out").iterdir()) == []   # neither the file nor a partial


@contextmanager
def trickling_handshake():
    """A loopback 'recorder' that answers a TLS hello with the start of a 16 KiB handshake
    record and then one byte of it every 0.1 s (for a minute at most). Yields the url and
    `cut_at`, as trickling() does, for each connection in turn."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    trickles, cut_at = [], []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            trickles.append(threading.Thread(target=trickle_to, args=(conn,)))
            trickles[-1].start()

    def trickle_to(conn) -> None:
        with conn:
            try:
                conn.sendall(b"\x16\x03\x03\x40\x00")   # a handshake record of 16 KiB follows...
            except OSError:
                pass
            cut_at.append(trickle(conn.sendall, conn, PACE_S, stop))   # ... a byte at a time

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}", cut_at
    finally:
        stop.set()
        thread.join()
        for each in trickles:
            each.join()
        listener.close()


def test_a_recorder_trickling_its_tls_handshake_is_cut_off():
    """A certificate sent a byte at a time (hours in life, a minute here) ends at the
    handshake's timeout, both when the owner first looks at it and on a call: Python's TLS
    handshake keeps one deadline for all its reads (checked here, as the call limit relies
    on it)."""
    with trickling_handshake() as (url, cut_at):
        base = recorder_url(url)
        with pytest.raises(RecorderUnreachable, match="did not complete an HTTPS handshake"):
            first_look(base, 0.5)
        wire = Wire(base, "reolink", pin="ab" * 32, timeout_s=LASTS_S, call_limit_s=0.5)
        # Its handshake's own timeout (the connect's, 10 s at most) outlasts the trickle too.
        wire._client.timeout = httpx.Timeout(LASTS_S)
        try:
            with pytest.raises(RecorderUnreachable, match="took more than 0.5 s to answer"):
                search(wire)
        finally:
            wire.close()
    # Each hung up (the look, then the call) a third into the trickle at most.
    assert cut_short(cut_at, calls=2), cut_at
