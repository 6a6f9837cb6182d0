"""Every way the agent talks to the network, against one hostile loopback server: fetching a
request by URL, polling the portal, posting a decision, posting a submission, uploading over
tus. Each must refuse a redirect to another origin (never contacting it), stop reading a huge
answer, give up on a silent server, and refuse a certificate it cannot verify; plain http is
refused for anything but this computer. Plus a static check that every HTTP client the agent
makes has redirects off, certificate checks on and a timeout.

The per-call details (Retry-After, 4xx handling, offsets) are in test_portal_client.py and
test_upload.py; this file is the matrix across channels."""
from __future__ import annotations

import ast
import json
import ssl
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import trustme
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import agent.delivery.wire as upload_wire
from agent.delivery.upload import UploadError, upload_file
from agent.requests import registration_client
from agent.requests.agencies import TrustStore, TrustStoreError
from agent.requests.desk import RequestDesk
from agent.requests.desk_errors import DeskError
from agent.requests.portal_client import PortalClient, PortalError
from agent.requests.registrations import Registration
from frp import jws
from frp.agency import parse_agency
from tests.trickle_support import LASTS_S, WITHIN_PART, until_hung_up

ROOT = Path(__file__).resolve().parent.parent
AGENCY_ID = "https://police.example.gov"
SHORT = httpx.Timeout(0.5)
HUGE = 64 << 20
CHANNELS = ("import-url", "poll", "decision", "submission", "upload", "register")
MiB = 1 << 20


class Server:
    """A loopback HTTP(S) server answering every method with `behave(handler)`."""

    def __init__(self, behave, tls: ssl.SSLContext | None = None) -> None:
        self.behave, self.hits, self.sent = behave, [], 0
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_one(self):
                server.hits.append((self.command, self.path))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                server.behave(self, server)

            do_GET = do_POST = do_HEAD = do_PATCH = do_DELETE = do_OPTIONS = handle_one

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = False
        self.httpd.block_on_close = True
        self.httpd.handle_error = lambda *a: None  # clients hanging up on us is the point
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True,
                                                do_handshake_on_connect=False)
        scheme = "https" if tls else "http"
        self.origin = f"{scheme}://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,))
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@contextmanager
def serving(behave, tls=None):
    server = Server(behave, tls)
    try:
        yield server
    finally:
        server.close()


def reply(h, status: int, body: bytes = b"", headers: dict | None = None) -> None:
    h.send_response(status)
    for k, v in {"Content-Length": str(len(body)), **(headers or {})}.items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def agency_doc(portal: str) -> dict:
    return {"frp": 1, "id": AGENCY_ID, "name": "Example PD", "phone": "+1-206-555-0100",
            "portal": portal, "upload_origins": [portal.split("/v1")[0]],
            "keys": {"keys": [jws.public_jwk(Ed25519PrivateKey.generate())]}}


def call(channel: str, origin: str, tmp: Path) -> str:
    """Make one call of `channel` to `origin` with the agent's own defaults (certificates
    verified, redirects off) and a short timeout; the plain-text error it ends with."""
    agency = parse_agency(agency_doc(origin + "/v1"))
    try:
        if channel in ("import-url", "poll"):
            home = tmp / "home"
            (tmp / "agency.json").write_text(json.dumps(agency_doc(origin + "/v1")))
            desk = RequestDesk(home, lambda: None, lambda: None, portal=PortalClient(timeout=SHORT))
            try:
                desk.trust.add(tmp / "agency.json")
                desk.trust.keep_registration(Registration(AGENCY_ID, "reg-1", "secret-token"))
                if channel == "import-url":
                    desk.import_request(origin + "/v1/requests/req-1")
                else:
                    problems = desk.sync().problems
                    assert desk.list() == []
                    return " ".join(problems)
            finally:
                desk.close()
        elif channel == "upload":
            package = tmp / "package.tar"
            package.write_bytes(b"p" * 70_000)
            upload_file(package, origin + "/files", state_dir=tmp / "uploads", max_attempts=1)
        else:
            with PortalClient(timeout=SHORT) as client:
                if channel == "decision":
                    client.post_decision(agency, "t", "req-1", "a.b.c")
                elif channel == "register":
                    registration_client.register(client, agency, "a.b.c")
                else:
                    client.post_submission(agency, "t", "req-1", origin + "/files/1", "ab" * 32,
                                           10, "pkg")
    except (PortalError, DeskError, UploadError) as exc:
        return str(exc)
    raise AssertionError(f"{channel}: the call succeeded against a hostile server")


@pytest.fixture
def short_upload_timeouts(monkeypatch):
    # The uploader's own client (certificate checks on, no redirects) with a test-sized timeout.
    monkeypatch.setattr(upload_wire, "DEFAULT_TIMEOUT", SHORT)


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_redirect_to_another_origin_is_refused_and_never_followed(channel, tmp_path,
                                                                    short_upload_timeouts):
    with serving(lambda h, s: reply(h, 200, b'{"requests": [], "cursor": "1"}')) as elsewhere:
        def redirect(h, s):
            reply(h, 307, headers={"Location": elsewhere.origin + h.path})

        with serving(redirect) as hostile:
            error = call(channel, hostile.origin, tmp_path)
    assert "redirect" in error and elsewhere.origin.split("//")[1] in error, error
    assert hostile.hits and elsewhere.hits == []
    assert "\n" not in error


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_huge_answer_is_not_read_to_the_end(channel, tmp_path, short_upload_timeouts):
    def flood(h, s):
        h.send_response(200 if h.command != "POST" or "/files" not in h.path else 201)
        h.send_header("Connection", "close")
        h.end_headers()  # no length: only the client's own cap can stop it
        try:
            while s.sent < HUGE:
                h.wfile.write(b"[" * 65536)
                s.sent += 65536
        except OSError:
            pass

    with serving(flood) as hostile:
        error = call(channel, hostile.origin, tmp_path)
    assert error and "\n" not in error
    # What was sent when the client stopped reading (not a clock): 64 MiB flow in well under
    # a second, so a client reading to the end would have taken it all.
    assert hostile.sent < 16 * MiB, f"{channel} read {hostile.sent >> 20} MiB of a hostile answer"


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_server_that_never_answers_is_given_up_on(channel, tmp_path, short_upload_timeouts):
    """The server holds each request for a minute unless the client hangs up first, and
    notes how long it held it: the client (0.5 s timeouts) gave up on its own, well inside."""
    held: list[float | None] = []

    def silent(h, s) -> None:
        began = time.monotonic()
        hung_up = until_hung_up(h.connection, LASTS_S, s.release) == "hung up"
        held.append(time.monotonic() - began if hung_up else None)
        h.close_connection = True

    with serving(silent) as hostile:
        error = call(channel, hostile.origin, tmp_path)
    assert hostile.hits and len(held) == len(hostile.hits), (held, error)
    assert all(s is not None and s < LASTS_S / WITHIN_PART for s in held), (held, error)
    assert "time" in error.lower(), error


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_certificate_that_does_not_verify_is_refused(channel, tmp_path, short_upload_timeouts):
    ca = trustme.CA()  # a CA this computer does not trust
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(tls)
    with serving(lambda h, s: reply(h, 200, b'{"requests": []}'), tls=tls) as hostile:
        error = call(channel, hostile.origin, tmp_path)
    assert hostile.hits == [], "a request was sent over a connection that did not verify"
    assert "certificate" in error.lower() or "cannot reach" in error, error
    # what answers with a certificate nobody vouches for: a sign-in page or a company's
    # filter, in the agency's place; said, with what to do
    assert "sign in to the network in a web browser or use another network" in error, error


SIGN_IN = (b"<!DOCTYPE html><html><head><title>Hotel Wi-Fi</title></head><body><form>"
           b"Accept the terms to use the Internet</form></body></html>")


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_networks_sign_in_page_is_no_answer_and_says_to_sign_in(channel, tmp_path,
                                                                  short_upload_timeouts,
                                                                  monkeypatch):
    # Hotel Wi-Fi (or a web server serving one page for every path) answers everything with
    # 200 and its page: a decision "sent" there was taken as received, so a decline never
    # reached the agency; an upload said it was "rejected" and showed the page's markup.
    monkeypatch.setattr("agent.delivery.tus_setbacks._sleep", lambda s: None)
    page = lambda h, s: reply(h, 200, SIGN_IN, {"Content-Type": "text/html; charset=utf-8"})
    with serving(page) as hostile:
        error = call(channel, hostile.origin, tmp_path)
    assert hostile.hits and "sign in to the network" in error, error
    assert "<" not in error and "\n" not in error, error


BAD_GATEWAY = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center>"
               b"<h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n"
               b"</body>\r\n</html>\r\n")


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_web_servers_error_page_is_said_by_its_title_not_its_markup(channel, tmp_path,
                                                                     short_upload_timeouts):
    # nginx in front of a portal or upload server answers 502 with its page: the owner read
    # "refused (HTTP 502): <html>\r\n<head><title>502 Bad Gateway</title>..."
    page = lambda h, s: reply(h, 502, BAD_GATEWAY, {"Content-Type": "text/html"})
    with serving(page) as hostile:
        error = call(channel, hostile.origin, tmp_path)
    assert "502" in error and "Bad Gateway" in error and "nginx" not in error, error
    assert "<" not in error and "\\r" not in error and "502 502" not in error, error


@pytest.mark.parametrize("channel", CHANNELS)
def test_plain_http_is_refused_beyond_this_computer(channel, tmp_path):
    remote = "http://portal.example.gov"
    if channel == "upload":
        package = tmp_path / "p.tar"
        package.write_bytes(b"x")
        with pytest.raises(UploadError, match="not encrypted"):
            upload_file(package, remote + "/files", state_dir=tmp_path / "u")
        return
    (tmp_path / "agency.json").write_text(json.dumps(agency_doc(remote + "/v1")))
    with pytest.raises(TrustStoreError, match="plain http"):
        TrustStore(tmp_path / "home").add(tmp_path / "agency.json")
    if channel == "import-url":
        desk = RequestDesk(tmp_path / "home", lambda: None, lambda: None)
        try:
            with pytest.raises(DeskError, match="plain http"):
                desk.import_request(remote + "/v1/requests/1")
        finally:
            desk.close()


def _keyword(call: ast.Call, name: str):
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def test_every_http_client_the_agent_makes_is_safe_by_construction():
    """httpx.Client(...) only with follow_redirects=False, a timeout and verification not
    turned off; no module-level httpx.get/post shortcuts (no cap, no policy)."""
    problems, clients = [], 0
    for path in sorted((ROOT / "agent").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "httpx"):
                continue
            name = node.func.attr
            if name in ("get", "post", "put", "patch", "delete", "head", "request", "stream"):
                problems.append(f"{rel}:{node.lineno}: httpx.{name}() bypasses the client rules")
            if name not in ("Client", "AsyncClient"):
                continue
            clients += 1
            redirects = _keyword(node, "follow_redirects")
            if not (isinstance(redirects, ast.Constant) and redirects.value is False):
                problems.append(f"{rel}:{node.lineno}: client without follow_redirects=False")
            if _keyword(node, "timeout") is None:
                problems.append(f"{rel}:{node.lineno}: client without a timeout")
            verify = _keyword(node, "verify")
            if isinstance(verify, ast.Constant) and verify.value is not True:
                problems.append(f"{rel}:{node.lineno}: certificate verification turned off")
    assert clients >= 3 and problems == []
    with PortalClient() as portal:
        defaults = (upload_wire.DEFAULT_TIMEOUT, portal._client.timeout)
    for timeout in defaults:
        assert all(t is not None and t <= 60 for t in
                   (timeout.connect, timeout.read, timeout.write, timeout.pool))
