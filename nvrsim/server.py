"""The simulator's HTTP(S) server on 127.0.0.1: one thread per connection, keep-alive, byte
ranges on downloads, and the transport faults (no answer, garbage, a download dropped
half-way). What each vendor answers is in its own module."""
from __future__ import annotations

import os
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from nvrsim import certs
from nvrsim.device import Device
from nvrsim.exchange import Frontend, Reply, Request
from nvrsim.posixtz import PosixZone

BODY_LIMIT = 1 << 20
CHUNK = 1 << 20


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nvrsim"
    timeout = 30  # an idle keep-alive connection ends

    def log_message(self, format, *args):  # noqa: A002 - quiet: tests read the device log
        pass

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def do_PUT(self):
        self._handle()

    def do_DELETE(self):
        self._handle()

    def _handle(self) -> None:
        server: _Server = self.server  # type: ignore[assignment]
        device = server.device
        length = int(self.headers.get("Content-Length") or 0)
        if length > BODY_LIMIT:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        device.log.append((self.command, self.path))
        if "timeout" in device.faults:
            device.stopping.wait(120)
            self.close_connection = True
            return
        request = Request(self.command, split.path,
                          dict(parse_qsl(split.query, keep_blank_values=True)),
                          {k.lower(): v for k, v in self.headers.items()}, body)
        reply = server.frontend.handle(request)
        if reply.hang_up:   # firmware that reads a request and closes without a byte back
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        try:
            if reply.file is not None and reply.status == 200:
                self._send_file(reply, device)
            else:
                if "garbage" in device.faults:
                    reply = Reply(200, os.urandom(300), "text/html")
                self._send(reply)
        finally:
            if reply.release:
                reply.release()

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _send_file(self, reply: Reply, device: Device) -> None:
        size = reply.file.stat().st_size
        first, last = 0, size - 1
        status = 200
        wanted = self.headers.get("Range", "")
        if wanted.startswith("bytes=") and "," not in wanted:
            a, _, b = wanted[6:].partition("-")
            if a.isdigit() and int(a) < size:
                first = int(a)
                last = min(int(b), size - 1) if b.isdigit() else size - 1
                status = 206
        count = last - first + 1
        device.served.append((first, count))
        cut_short = "short" in device.faults or (bool({"drop-once", "restart-once"}
                                                      & device.faults)
                                                 and not device.dropped_once)
        if cut_short:
            device.dropped_once = True
            if "restart-once" in device.faults:   # its sessions and Digest nonces are gone
                device.boots += 1
                device.nonces.clear()
        self.send_response(status)
        self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(count))
        if status == 206:
            self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.end_headers()
        budget = count // 2 if cut_short else count
        with reply.file.open("rb") as fh:
            fh.seek(first)
            while budget > 0:
                piece = fh.read(min(CHUNK, budget))
                if not piece:
                    break
                self.wfile.write(piece)
                budget -= len(piece)
        if cut_short:  # a connection dropped mid-download
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True  # stop() joins every connection's thread

    def __init__(self, address, device: Device, frontend: Frontend,
                 tls: ssl.SSLContext | None) -> None:
        self.device, self.frontend, self.tls = device, frontend, tls
        self.open_sockets: set = set()
        self._sockets_lock = threading.Lock()
        super().__init__(address, _Handler)

    def get_request(self):
        sock, addr = super().get_request()
        # Headers and body go out in separate writes: without this, Nagle's algorithm holds the
        # body until the client's delayed ACK (40 ms a request), which no device is that slow at.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.tls is not None:
            # The handshake happens in the connection's own thread, on its first read.
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        with self._sockets_lock:
            self.open_sockets.add(sock)
        return sock, addr

    def shutdown_request(self, request):
        with self._sockets_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address):
        pass  # a client that hangs up or refuses the certificate is not the simulator's fault

    def drop_connections(self) -> None:
        with self._sockets_lock:
            sockets = list(self.open_sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def frontend_for(device: Device) -> Frontend:
    if device.vendor == "reolink":
        from nvrsim.reolink import Reolink
        return Reolink(device)
    if device.vendor == "dahua":
        from nvrsim.dahua import Dahua
        return Dahua(device)
    if device.vendor == "hikvision":
        from nvrsim.hikvision import Hikvision
        return Hikvision(device)
    raise ValueError(f"unknown vendor {device.vendor!r} (reolink, dahua or hikvision)")


class Simulator:
    """A simulated recorder serving `folder` on 127.0.0.1; use as a context manager.

    `zone` is a POSIX TZ text (`PST8PDT,M3.2.0,M11.1.0`), `clock_offset_s` the device clock
    minus true time, `faults` names from nvrsim.device.FAULTS (changeable later through
    `.device.faults`), `quirks` firmware behaviours from nvrsim.device.QUIRKS.
    """

    def __init__(self, folder: Path, vendor: str, user: str = "admin", password: str = "",
                 *, port: int = 0, tls: bool = False, zone: str = "UTC0",
                 clock_offset_s: float = 0.0, faults: tuple[str, ...] = (),
                 hik_z_is_local: bool = False, quirks: tuple[str, ...] = ()) -> None:
        self.device = Device(Path(folder), vendor, user, password, PosixZone.parse(zone),
                             clock_offset_s, set(faults), hik_z_is_local, set(quirks))
        self.cert_pem = self.key_pem = None
        context = None
        if tls:
            self.cert_pem, self.key_pem = certs.self_signed(f"{vendor}-sim")
            context = certs.server_context(self.cert_pem, self.key_pem)
        self._server = _Server(("127.0.0.1", port), self.device, frontend_for(self.device), context)
        self.scheme = "https" if tls else "http"
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def fingerprint(self) -> str | None:
        """SHA-256 of the certificate (lowercase hex), None over plain HTTP."""
        return certs.fingerprint(self.cert_pem) if self.cert_pem else None

    def start(self) -> "Simulator":
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"nvrsim-{self.device.vendor}-{self.port}")
        self._thread.start()
        return self

    def stop(self) -> None:
        self.device.stopping.set()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.drop_connections()
        self._server.server_close()
        self.device.close()

    def __enter__(self) -> "Simulator":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
