"""The portal client: only the agency's origin, no redirects, capped reads, timeouts, plain-text
errors, and a polling policy that backs off and never retries a 4xx unchanged."""
from __future__ import annotations

import datetime
import json
import ssl
import threading
import time
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import httpx
import pytest
import trustme
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.delivery.wire import UploadCancelled
from agent.requests.portal_client import (
    POLL_CAP,
    PollPolicy,
    PortalClient,
    PortalError,
    parse_retry_after,
    should_retry,
)
from agent.requests.portal_retries import portal_call
from frp import jws
from frp.agency import parse_agency
from tests.trickle_support import PACE_S, WITHIN_PART, cut_short, trickle

KEY = jws.public_jwk(Ed25519PrivateKey.generate())


def agency(portal: str = "https://frp.police.example.gov/v1"):
    return parse_agency({"frp": 1, "id": "https://police.example.gov", "name": "Example PD",
                         "phone": "+1-206-555-0100", "portal": portal,
                         "upload_origins": ["https://upload.example.gov"],
                         "keys": {"keys": [KEY]}})


def mock(handler) -> PortalClient:
    return PortalClient(transport=httpx.MockTransport(handler))


@contextmanager
def serve(respond, tls: ssl.SSLContext | None = None):
    """A loopback HTTP(S) server; `respond(handler)` answers each request. Joined on exit."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            respond(self)

        do_POST = do_GET

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = False
    httpd.block_on_close = True
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    scheme = "https" if tls else "http"
    try:
        yield f"{scheme}://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def answer(handler, status: int, body: bytes = b"", headers: dict | None = None) -> None:
    handler.send_response(status)
    for k, v in {"Content-Length": str(len(body)), **(headers or {})}.items():
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)


def test_poll_sends_the_token_and_cursor_to_the_agency_portal_only():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, json={"requests": ["a.b.c", "d.e.f"], "cursor": "17"})

    with mock(handler) as client:
        assert client.poll(agency(), "reg-1", "secret", None) == (["a.b.c", "d.e.f"], "17")
        assert client.poll(agency(), "reg-1", "secret", "17")[1] == "17"
    first, second = calls
    assert str(first.url) == "https://frp.police.example.gov/v1/requests"
    assert str(second.url) == "https://frp.police.example.gov/v1/requests?after=17"
    assert first.headers["authorization"] == "Bearer secret"
    assert first.headers["accept-encoding"] == "identity"


def test_a_missing_cursor_keeps_the_old_one():
    with mock(lambda r: httpx.Response(200, json={"requests": []})) as client:
        assert client.poll(agency(), "reg-1", "t", "9") == ([], "9")


def test_errors_are_json_detail_shown_as_plain_text_and_4xx_is_final():
    body = {"error": "forbidden", "detail": "<b>token</b> revoked\x1b[31m\n<script>x()</script>"}
    with mock(lambda r: httpx.Response(403, json=body)) as client:
        with pytest.raises(PortalError) as err:
            client.poll(agency(), "reg-1", "t", None)
    text = str(err.value)
    assert "HTTP 403" in text and "<b>token</b> revoked" in text and "<script>x()</script>" in text
    assert "\x1b" not in text and "\n" not in text
    assert err.value.status == 403 and not err.value.retryable


def test_5xx_carries_retry_after_and_is_retryable():
    with mock(lambda r: httpx.Response(503, headers={"Retry-After": "7"}, text="busy")) as client:
        with pytest.raises(PortalError, match="busy") as err:
            client.poll(agency(), "reg-1", "t", None)
    assert err.value.retry_after_s == 7.0 and err.value.retryable


def test_a_redirect_is_refused_and_names_the_other_origin():
    with serve(lambda h: answer(h, 200, b'{"requests": [], "cursor": "1"}')) as (other, other_seen):
        with serve(lambda h: answer(h, 302, headers={"Location": other + "/v1/requests"})) as (
                origin, seen):
            with PortalClient() as client:
                with pytest.raises(PortalError, match="redirect") as err:
                    client.poll(agency(origin + "/v1"), "reg-1", "t", None)
    assert other in str(err.value) and err.value.status == 302
    assert seen == ["/v1/requests"] and other_seen == []  # never followed


def test_a_huge_streamed_body_is_cut_off_at_the_cap():
    pulled = []

    def endless():
        for _ in range(100):
            pulled.append(1)
            yield b"x" * 65536

    with mock(lambda r: httpx.Response(200, content=endless())) as client:
        with pytest.raises(PortalError, match="larger than 1024 KiB"):
            client.poll(agency(), "reg-1", "t", None)
    assert len(pulled) <= POLL_CAP // 65536 + 1


def test_a_declared_huge_body_is_not_read_at_all():
    pulled = []

    def stream():
        pulled.append(1)
        yield b"{}"

    response = lambda r: httpx.Response(200, headers={"Content-Length": str(50 << 20)},  # noqa: E731
                                        content=stream())
    with mock(response) as client:
        with pytest.raises(PortalError, match="larger than"):
            client.poll(agency(), "reg-1", "t", None)
    assert pulled == []


def test_a_content_length_that_is_no_number_is_left_to_the_streamed_cap():
    # '²' passes str.isdigit() but not int(): it raised a ValueError out of the client.
    response = lambda r: httpx.Response(  # noqa: E731
        200, headers=[(b"Content-Length", "²".encode("latin-1"))],
        content=b'{"requests": [], "cursor": "c-1"}')
    with mock(response) as client:
        assert client.poll(agency(), "reg-1", "t", None) == ([], "c-1")


def test_a_huge_body_over_real_http_is_refused(tmp_path):
    def big(h):
        h.send_response(200)
        h.end_headers()  # no length: the client must stop reading by itself
        try:
            for _ in range(40):
                h.wfile.write(b"[" * 65536)
        except OSError:
            pass
        h.close_connection = True

    with serve(big) as (origin, _):
        with PortalClient() as client:
            with pytest.raises(PortalError, match="larger than"):
                client.poll(agency(origin + "/v1"), "reg-1", "t", None)


def test_a_portal_that_does_not_answer_times_out():
    release = threading.Event()
    with serve(lambda h: release.wait(5)) as (origin, _):
        try:
            with PortalClient(timeout=httpx.Timeout(0.3)) as client:
                with pytest.raises(PortalError, match="did not answer in time") as err:
                    client.poll(agency(origin + "/v1"), "reg-1", "t", None)
        finally:
            release.set()
    assert err.value.retryable


# A call the portal never answers would wait WAIT_S (its read timeout and its limit alike);
# cancelled STOP_AFTER_S in, it ended before a third of what was left (not a clock's margin).
STOP_AFTER_S = 0.2
WAIT_S = 60.0


def test_a_call_the_portal_never_answers_ends_at_once_when_cancelled_and_is_not_retried():
    """Seen: a stop while the portal never answered a decision held `approve` until the job's
    grace ran out; the call now ends as the stop comes, a cancellation the approval stops on
    (not a failure to retry)."""
    release, cancel = threading.Event(), threading.Event()
    cancelled_at: list[float] = []

    def stop_soon() -> None:
        cancelled_at.append(time.monotonic())
        cancel.set()

    with serve(lambda h: release.wait(2 * WAIT_S)) as (origin, seen):
        try:
            with PortalClient(timeout=httpx.Timeout(WAIT_S), call_limit_s=WAIT_S) as client:
                portal = agency(origin + "/v1")
                step = SimpleNamespace(cancel=cancel, agency=portal)   # what portal_call reads
                threading.Timer(STOP_AFTER_S, stop_soon).start()
                with pytest.raises(UploadCancelled, match="cancelled while waiting"):
                    portal_call(step, lambda: client.post_decision(portal, "t", "req-1", "d.e.c",
                                                                   cancel=cancel))
                took = time.monotonic() - cancelled_at[0]
        finally:
            release.set()
    left_s = WAIT_S - STOP_AFTER_S
    assert took < left_s / WITHIN_PART, (took, left_s)
    assert seen == ["/v1/requests/req-1/decision"], seen   # asked once, not again


def _drip(head: bytes, stop: threading.Event, cut_at: list):
    """An answer that starts with `head` and then trickles a byte every 0.1 s (for a minute
    at most, so the test ends even if the client never gives up); `cut_at` gets how much of
    the trickle went before the client hung up (trickle_support.py)."""
    def respond(h):
        try:
            h.wfile.write(head)
            h.wfile.flush()
        except OSError:
            pass

        def send(byte: bytes) -> None:
            h.wfile.write(byte)
            h.wfile.flush()

        cut_at.append(trickle(send, h.connection, PACE_S, stop))
        h.close_connection = True
    return respond


@pytest.mark.parametrize("part", ["headers", "body"])
@pytest.mark.parametrize("tls", [False, True])
def test_a_portal_that_trickles_its_answer_is_cut_off_at_the_call_limit(part, tls):
    """Seen: a portal sending a byte every 5 s kept `inbox sync` going for as long as it
    liked (each byte restarted the 30 s read timeout)."""
    head = (b"HTTP/1.1 200 OK\r\nX-Slow: " if part == "headers" else
            b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n{\"requests\": [], \"x\": \"")
    ca = trustme.CA()
    server_ctx = trusting = None
    if tls:
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(server_ctx)
        trusting = ssl.create_default_context()
        ca.configure_trust(trusting)
    stop, cut_at = threading.Event(), []
    threads = threading.active_count()
    with serve(_drip(head, stop, cut_at), tls=server_ctx) as (origin, _):
        try:
            with PortalClient(verify=trusting or True, call_limit_s=1.0) as client:
                with pytest.raises(PortalError, match="took more than 1 s to answer") as err:
                    client.poll(agency(origin + "/v1"), "reg-1", "t", None)
        finally:
            stop.set()
    assert cut_short(cut_at) and err.value.retryable, cut_at   # hung up early in the drip
    assert threading.active_count() == threads   # the limit's timer is gone with the call


def test_a_quick_answer_is_not_affected_by_the_call_limit():
    ok = b'{"requests": ["t.o.k"], "cursor": "c"}'
    with serve(lambda h: answer(h, 200, ok)) as (origin, _):
        with PortalClient(call_limit_s=1.0) as client:
            for _ in range(3):   # a new connection each time, each with its own limit
                assert client.poll(agency(origin + "/v1"), "reg-1", "t", None) == (["t.o.k"], "c")
            time.sleep(1.2)
            assert client.poll(agency(origin + "/v1"), "reg-1", "t", None) == (["t.o.k"], "c")


def test_an_unreachable_portal_is_a_clear_retryable_error():
    with serve(lambda h: None) as (origin, _):
        pass  # closed: nothing listens there now
    with PortalClient() as client:
        with pytest.raises(PortalError, match="cannot reach Example PD") as err:
            client.poll(agency(origin + "/v1"), "reg-1", "t", None)
    assert err.value.status is None and err.value.retryable
    assert "the connection was refused" in str(err.value) and "Errno" not in str(err.value)


def test_certificates_are_verified():
    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_ctx)
    ok = b'{"requests": ["t.o.k"], "cursor": "c"}'
    with serve(lambda h: answer(h, 200, ok), tls=server_ctx) as (origin, _):
        with PortalClient() as client:
            with pytest.raises(PortalError, match="cannot reach") as err:
                client.poll(agency(origin + "/v1"), "reg-1", "t", None)
        # said as the upload says it, without OpenSSL's own words
        assert "its certificate could not be trusted" in str(err.value)
        assert "[SSL" not in str(err.value) and "_ssl.c" not in str(err.value)
        # a sign-in page or a company's filter answering in its place is the likely cause
        assert "use another network" in str(err.value) and "clock" not in str(err.value)
        trusting = ssl.create_default_context()
        ca.configure_trust(trusting)
        with PortalClient(verify=trusting) as client:
            assert client.poll(agency(origin + "/v1"), "reg-1", "t", None) == (["t.o.k"], "c")


@pytest.mark.parametrize("dates", ["expired", "not yet valid"])
def test_a_certificate_out_of_date_on_this_computers_clock_says_to_check_the_clock(dates):
    # A PC whose clock is years off (a flat battery, a year set by hand) sees every
    # certificate expired or not yet valid: it was told only "could not be trusted
    # (certificate has expired)", nothing about the clock it could fix.
    now = datetime.datetime.now(datetime.timezone.utc)
    day = datetime.timedelta(days=1)
    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    span = (now - 400 * day, now - day) if dates == "expired" else (now + day, now + 400 * day)
    ca.issue_cert("127.0.0.1", not_before=span[0], not_after=span[1]).configure_cert(server_ctx)
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with serve(lambda h: answer(h, 200, b'{"requests": []}'), tls=server_ctx) as (origin, seen):
        with PortalClient(verify=trusting) as client:
            with pytest.raises(PortalError) as err:
                client.poll(agency(origin + "/v1"), "reg-1", "t", None)
    said = str(err.value)
    assert seen == [] and err.value.retryable
    assert "not valid on this computer's date" in said and dates in said, said
    assert "check that this computer's date, time and year are right" in said, said


def test_a_portal_labelling_its_json_as_a_web_page_is_still_read():
    # A web page in the portal's place is no answer (test_safety_network); a portal whose
    # framework labels its JSON text/html is not one.
    ok = b'{"requests": ["t.o.k"], "cursor": "c"}'
    with serve(lambda h: answer(h, 200, ok, {"Content-Type": "text/html; charset=utf-8"})) \
            as (origin, _):
        with PortalClient() as client:
            assert client.poll(agency(origin + "/v1"), "reg-1", "t", None) == (["t.o.k"], "c")


def test_decision_and_submission_calls():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if request.url.path.endswith("/decision"):
            return httpx.Response(204)
        return httpx.Response(201, json={"receipt": "r.e.c"})

    with mock(handler) as client:
        client.post_decision(agency(), "t", "req-1", "d.e.c")
        receipt = client.post_submission(agency(), "t", "..", "https://upload.example.gov/files/1",
                                         "ab" * 32, 10, "pkg")
    assert receipt == "r.e.c"
    decision, submission = calls
    assert decision.method == "POST" and decision.headers["content-type"] == "application/jose"
    assert decision.content == b"d.e.c" and decision.url.path == "/v1/requests/req-1/decision"
    assert submission.url.raw_path == b"/v1/requests/%2E%2E/submissions"  # an id is never a path step
    assert json.loads(submission.content) == {"upload_url": "https://upload.example.gov/files/1",
                                              "sha256": "ab" * 32, "size": 10, "package": "pkg"}


@pytest.mark.parametrize("body", [{}, {"receipt": 5}, {"receipt": ""}, [1]])
def test_a_submission_answer_without_a_receipt_is_an_error(body):
    with mock(lambda r: httpx.Response(201, json=body)) as client:
        with pytest.raises(PortalError):
            client.post_submission(agency(), "t", "req-1", "u", "ab" * 32, 1, "p")


def test_requests_are_fetched_only_from_the_agency_portal():
    with mock(lambda r: httpx.Response(200, content=b"a.b.c")) as client:
        assert client.fetch_request(agency(), "https://frp.police.example.gov/v1/r/1", None) == b"a.b.c"
        for url in ("https://evil.example.com/v1/r/1", "http://frp.police.example.gov/v1/r/1",
                    "https://frp.police.example.gov:8443/v1/r/1", "javascript:alert(1)"):
            with pytest.raises(PortalError):
                client.fetch_request(agency(), url, None)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
hostile_docs = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"requests": json_values, "cursor": json_values}).map(
        lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.sampled_from([b"<html><script>alert(1)</script></html>", b"\xff\xfe", b"[" * 5000,
                     b'{"requests": ["../../etc/passwd"], "cursor": "../.."}']))


@settings(max_examples=150, deadline=None)
@given(body=hostile_docs, status=st.sampled_from([200, 201, 204, 301, 400, 404, 429, 500, 502]))
def test_hostile_poll_answers_give_a_clean_result_or_a_portal_error(body, status):
    with mock(lambda r: httpx.Response(status, content=body,
                                       headers={"Location": "https://evil.example.com/"})) as client:
        try:
            tokens, cursor = client.poll(agency(), "reg-1", "t", "c0")
        except PortalError as exc:
            assert str(exc) and "\n" not in str(exc)
            return
    assert status in (200, 201, 204)
    assert all(isinstance(t, str) for t in tokens)
    assert cursor is None or (isinstance(cursor, str) and cursor.isprintable())


@pytest.mark.parametrize("value,expected", [
    ("120", 120.0), (" 5 ", 5.0), ("0", 0.0), ("99999999", 86400.0), ("-3", None), ("soon", None),
    ("", None), (None, None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
])
def test_retry_after_values(value, expected):
    assert parse_retry_after(value, now=time.time()) == expected


def test_retry_after_as_an_http_date_in_the_future():
    now = 1_800_000_000.0
    assert parse_retry_after(formatdate(now + 90, usegmt=True), now=now) == 90.0


def test_poll_policy_jitters_backs_off_caps_and_honours_retry_after():
    p = PollPolicy()
    assert (p.next_delay(0, rand=0.0), p.next_delay(0, rand=0.5), p.next_delay(0, rand=1.0)) == \
        (240.0, 300.0, 360.0)
    assert all(240.0 <= p.next_delay(0) <= 360.0 for _ in range(200))
    backoff = [p.next_delay(n, rand=0.5) for n in range(1, 10)]
    assert backoff[:4] == [30.0, 60.0, 120.0, 240.0]
    assert backoff == sorted(backoff) and max(backoff) == 3600.0
    assert p.next_delay(500, rand=1.0) == 3600.0  # the cap holds with jitter and huge counts
    assert p.next_delay(1, retry_after_s=900, rand=0.5) == 900.0
    assert p.next_delay(0, retry_after_s=1, rand=0.5) == 300.0  # never sooner than the policy


def test_only_network_failures_5xx_and_429_are_retried():
    assert should_retry(None) and should_retry(500) and should_retry(503) and should_retry(429)
    assert not any(should_retry(s) for s in (400, 401, 403, 404, 409, 413))


@settings(max_examples=80, deadline=None)
@given(body=hostile_docs, status=st.sampled_from([201, 204, 302, 409, 413, 500]))
def test_hostile_submission_and_decision_answers_are_clean_errors(body, status):
    with mock(lambda r: httpx.Response(status, content=body)) as client:
        try:
            receipt = client.post_submission(agency(), "t", "../x", "u", "ab" * 32, 1, "p")
            assert isinstance(receipt, str) and receipt and status in (201, 204)
        except PortalError as exc:
            assert str(exc) and "\n" not in str(exc)
        try:
            client.post_decision(agency(), "t", "req-1", "d.e.c")
            assert status in (201, 204)
        except PortalError as exc:
            # a success whose body is markup is a web page, no answer of the portal's
            page = status in (201, 204) and body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
            assert exc.status == (None if page else status) and "\n" not in str(exc)


@pytest.mark.parametrize("sent, unreadable", [
    (b"\x16\x03\x01 hello\r\n\r\n", True),                          # not HTTP at all
    (b"HTTP/1.1 2000 Fine\r\n\r\n", True),                          # a status of garbage
    (b"HTTP/1.1 200 OK\r\nX-Pad: " + b"a" * 300_000 + b"\r\n\r\n", True),   # huge headers
    (b"", False),                                                    # closed unanswered
])
def test_an_answer_that_is_no_http_is_not_said_as_a_cut_connection(sent, unreadable):
    """Attacker's hunt: a portal (or a device standing in its place) answering with a status
    line of garbage or megabytes of headers was said as "the connection was cut off: try
    again", every time: the owner retried something that comes back the same for ever. A
    connection closed before the answer is still a cut."""
    def respond(h):
        h.wfile.write(sent)
        h.close_connection = True
    with serve(respond) as (origin, _):
        with PortalClient() as client, pytest.raises(PortalError) as err:
            client.poll(agency(origin + "/v1"), "reg-1", "t", None)
    said = str(err.value)
    assert said.startswith("cannot reach Example PD's portal: ")
    assert ("no web answer this app can read" in said) is unreadable, said
    assert ("cut off" in said) is not unreadable, said
