"""A fault-injecting HTTP proxy on loopback, in front of a real portal (API and tus).

Every request is forwarded to the portal, the proxy's origin rewritten to the portal's in
request bodies and the portal's to the proxy's in answers (bodies, Location), so an agent that
trusts the agency at the proxy's origin talks to the real portal through it. A rule answers a
matching request first: a status of its own, never an answer (until the proxy closes), or the
portal's answer passed through a function.
"""
from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Rule:
    """Answer requests of `method` whose path holds `path` (and, with `when`, whose body it
    accepts), `times` times (None: always).

    status: answer this status with `headers` and `body` instead of forwarding;
    hang: never answer; cut: forward, then hang up before a byte of the answer (the portal
    did what was asked, its answer lost on the way); before: call it with the body, then
    forward; after: forward, then answer what after(status, headers, body) returns."""

    method: str
    path: str = ""
    times: int | None = 1
    status: int | None = None
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    hang: bool = False
    cut: bool = False
    when: Callable[[bytes], bool] | None = None
    before: Callable[[bytes], None] | None = None
    after: Callable[[int, list, bytes], tuple[int, list, bytes]] | None = None


class FaultProxy:
    """The proxy, serving on threads until close()."""

    def __init__(self, portal_origin: str) -> None:
        self.portal_host, self.portal_port = portal_origin.rsplit("//", 1)[1].rsplit(":", 1)
        self.rules: list[Rule] = []
        self.seen: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.released = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.proxy = self
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.portal_origin = portal_origin.rstrip("/")
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                       name="fault-proxy", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()

    def count(self, method: str, path: str = "") -> int:
        with self.lock:
            return sum(1 for m, p in self.seen if m == method and path in p)

    def rule_for(self, method: str, path: str, body: bytes) -> Rule | None:
        with self.lock:
            self.seen.append((method, path))
            for rule in self.rules:
                if rule.method == method and rule.path in path and rule.times != 0 \
                        and (rule.when is None or rule.when(body)):
                    if rule.times is not None:
                        rule.times -= 1
                    return rule
        return None

    def to_portal(self, data: bytes) -> bytes:
        return data.replace(self.origin.encode(), self.portal_origin.encode())

    def to_agent(self, text: str) -> str:
        return text.replace(self.portal_origin, self.origin)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _serve(self) -> None:
        proxy: FaultProxy = self.server.proxy
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        rule = proxy.rule_for(self.command, self.path, body)
        if rule is not None and rule.hang:
            proxy.released.wait()
            self.close_connection = True
            return
        if rule is not None and rule.status is not None:
            self._answer(rule.status, list(rule.headers.items()), rule.body)
            return
        if rule is not None and rule.before is not None:
            rule.before(body)
        status, headers, answer = self._forward(proxy, body)
        if rule is not None and rule.cut:
            self.close_connection = True
            return
        if rule is not None and rule.after is not None:
            status, headers, answer = rule.after(status, headers, answer)
        self._answer(status, headers, answer)

    def _forward(self, proxy: FaultProxy, body: bytes) -> tuple[int, list, bytes]:
        if self.command != "PATCH":
            body = proxy.to_portal(body)
        conn = http.client.HTTPConnection(proxy.portal_host, int(proxy.portal_port), timeout=60)
        try:
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() not in ("host", "content-length", "connection")}
            headers["Content-Length"] = str(len(body))
            conn.request(self.command, self.path, body=body, headers=headers)
            reply = conn.getresponse()
            answer = reply.read()
            kept = [(k, proxy.to_agent(v)) for k, v in reply.getheaders()
                    if k.lower() not in ("content-length", "connection", "transfer-encoding")]
            return reply.status, kept, proxy.to_agent(answer.decode("latin-1")).encode("latin-1")
        finally:
            conn.close()

    def _answer(self, status: int, headers: list, body: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        if not any(k.lower() == "tus-resumable" for k, _ in headers):
            self.send_header("Tus-Resumable", "1.0.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PATCH = do_HEAD = do_DELETE = do_OPTIONS = do_PUT = _serve
