"""One HTTP(S) origin serving the FRP/1 API under /v1 and tus under /files, in background threads.

A single listener keeps one origin, which is what the trust-store file's `upload_origins`
names. Requests under /files go to resumable-upload's own request handler (this handler
subclasses it); everything under /v1 goes to `portal.api.Api`.
"""
from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from resumable_upload import TusHTTPRequestHandler

from frp.origins import is_ipv6, web_origin
from portal.api import MAX_BODY_BYTES, Api, Response, error_response
from portal.errors import ApiError, PortalError
from portal.limits import CallLimiter
from portal.serve_lock import ServeClaim, claim_folder, note_origin, release_folder
from portal.state import Portal
from portal.submissions import UploadLimits
from portal.tus import BASE_PATH, make_tus_server, open_storage

log = logging.getLogger("portal.http")
_WILDCARDS = ("", "0.0.0.0", "::")


class _Handler(TusHTTPRequestHandler):
    """Routes /files to the tus handler it inherits, /v1 to the API, anything else to 404."""

    server_version = "footage-portal"

    def version_string(self) -> str:
        return self.server_version

    @property
    def tus_server(self):
        return self.server.tus

    def setup(self) -> None:
        super().setup()  # sets the socket timeout first, so a silent client cannot hang us
        if not isinstance(self.connection, ssl.SSLSocket):
            return
        # A client that connects and says nothing counts as idle, so stop() cuts it at once
        # instead of waiting for the socket timeout.
        idle = self.server.idle_connections
        idle.add(self.connection)
        try:
            if self.server.closing:
                raise ConnectionAbortedError("the portal is stopping")
            self.connection.do_handshake()
        finally:
            idle.discard(self.connection)

    def _dispatch(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == BASE_PATH or path.startswith(BASE_PATH + "/"):
            self._handle_request(self.command)
        elif path == "/v1" or path.startswith("/v1/"):
            self._api()
        else:
            self._send(error_response(ApiError(404, "not_found", "there is nothing here")), True)

    do_GET = do_POST = do_HEAD = do_PATCH = do_DELETE = do_OPTIONS = do_PUT = _dispatch

    def _read_body(self) -> bytes | None:
        """The request body (at most 64 KiB), or None after an error was sent."""
        if self.headers.get("Transfer-Encoding"):
            self._send(error_response(ApiError(411, "length_required",
                                               "send the body with a Content-Length")), True)
            return None
        length = (self.headers.get_all("Content-Length") or ["0"])
        if len(set(length)) != 1 or not length[0].strip().isdigit():
            self._send(error_response(ApiError(400, "bad_length", "bad Content-Length")), True)
            return None
        size = int(length[0])
        if size > MAX_BODY_BYTES:
            self._send(error_response(ApiError(413, "too_large", "the body is larger than "
                                               f"{MAX_BODY_BYTES // 1024} KiB")), True)
            return None
        return self.rfile.read(size) if size else b""

    def _api(self) -> None:
        body = self._read_body()
        if body is None:
            return
        try:
            response = self.server.api.handle(self.command, self.path, dict(self.headers), body)
        except Exception:  # a broken database must still give the client a plain answer
            log.exception("error while answering %s %s", self.command, self.path)
            response = error_response(ApiError(500, "internal", "the portal failed; try later"))
        self._send(response, False)

    def _send(self, response: Response, close: bool) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.status != 204:
            self.send_header("Content-Length", str(len(response.body)))
        if close:  # the unread body would otherwise be parsed as the next request
            self.send_header("Connection", "close")
        self.end_headers()
        if response.body and self.command != "HEAD" and response.status != 204:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args) -> None:
        log.info("%s %s", self.address_string(), format % args)


class _HTTPServer(ThreadingHTTPServer):
    """Threaded server that joins its handler threads on close and cuts idle keep-alives."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, address, handler) -> None:
        # Read by TusHTTPRequestHandler: connections parked between requests, and whether
        # they should stop waiting. Set before binding (a failed bind calls server_close).
        self.idle_connections: set[socket.socket] = set()
        self.closing = False
        super().__init__(address, handler)

    def server_close(self) -> None:
        self.closing = True
        for sock in list(self.idle_connections):
            with contextlib.suppress(OSError):
                # The plain-socket shutdown, so a TLS reader sees end-of-file, not a torn state.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
        super().server_close()

    def handle_error(self, request, client_address) -> None:
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class PortalServer:
    """FRP/1 API + tus on one origin, served from background threads until `stop`."""

    def __init__(self, state_dir: Path, host: str = "127.0.0.1", port: int = 0,
                 ssl_context: ssl.SSLContext | None = None, *, calls_per_minute: int = 120,
                 upload_limits: UploadLimits | None = None) -> None:
        if host in _WILDCARDS:
            raise PortalError("Serve on the address owners will reach (e.g. 127.0.0.1 or the "
                              "host name on the TLS certificate), not on every interface.")
        self.state_dir = Path(state_dir)
        self.host, self.port, self.ssl_context = host, int(port), ssl_context
        self.portal = Portal(self.state_dir)
        self.calls_per_minute = calls_per_minute
        self.upload_limits = upload_limits or UploadLimits()
        self.origin: str | None = None
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._claim: ServeClaim | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> "PortalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> "PortalServer":
        """Listen, (re)write state_dir/agency.json for the origin served, and serve."""
        with self._lock:
            if self._httpd is not None:
                raise PortalError("The portal server is already running.")
            claim = claim_folder(self.state_dir)   # before agency.json is rewritten
            cls = _HTTPServer6 if is_ipv6(self.host) else _HTTPServer
            try:
                httpd = cls((self.host, self.port), _Handler)
            except OSError as exc:
                release_folder(claim)
                raise PortalError(f"Cannot listen on {self.host} port {self.port}: "
                                  f"{exc.strerror or exc}.") from None
            try:
                self.origin = self._setup(httpd)
                note_origin(claim, self.origin)
            except BaseException:
                httpd.server_close()
                release_folder(claim)
                raise
            self._claim = claim
            self._httpd = httpd
            self._thread = threading.Thread(target=httpd.serve_forever, kwargs={
                "poll_interval": 0.1}, name=f"portal-http-{self.port}")
            self._thread.start()
        return self

    def _setup(self, httpd: _HTTPServer) -> str:
        if self.ssl_context is not None:
            # Handshakes happen on each connection's own thread (see _Handler.setup), never
            # in the accept loop, so one slow client cannot stall everyone else.
            httpd.socket = self.ssl_context.wrap_socket(httpd.socket, server_side=True,
                                                        do_handshake_on_connect=False)
        self.port = httpd.server_address[1]
        scheme = "https" if self.ssl_context is not None else "http"
        shown = f"[{self.host}]" if is_ipv6(self.host) else self.host
        try:
            origin = web_origin(f"{scheme}://{shown}:{self.port}", "The portal origin")[0]
        except ValueError as exc:
            raise PortalError(f"{exc}.") from None
        self.portal.write_trust_document(origin)  # refuses plain http beyond this computer
        storage = open_storage(self.portal)
        httpd.api = Api(self.portal, storage, origin, CallLimiter(self.calls_per_minute))
        httpd.tus = make_tus_server(self.portal, storage, origin, self.upload_limits,
                                    httpd.api.upload_lock)
        return origin

    def throttle(self, polls: int, retry_after: int = 1) -> None:
        """Make the next `polls` polls answer 503 with `Retry-After: retry_after`."""
        if self._httpd is None:
            raise PortalError("Start the portal server before throttling it.")
        self._httpd.api.throttle(polls, retry_after)

    def stop(self) -> None:
        """Stop serving and join every thread this server started (safe to call twice)."""
        with self._lock:
            httpd, thread, claim = self._httpd, self._thread, self._claim
            self._httpd = self._thread = self._claim = None
        if httpd is None:
            return
        httpd.shutdown()
        if thread is not None:
            thread.join()
        httpd.server_close()
        if claim is not None:
            release_folder(claim)
