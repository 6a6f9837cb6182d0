"""The service's poll thread: a decision the portal could not take yet is sent again as a
poll is (after a growing wait, never before the portal's Retry-After; over a real loopback
portal), and a pass that fails is not tried again at once."""
from __future__ import annotations

import json
import logging
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

import pytest

from agent.requests.portal_client import PollPolicy
from agent.service_loop import STOP_WITHIN_S
from agent.service import Agent
from agent.timebase import US, format_local
from tests.loopback import serving
from tests.registering import keep_unpinned
from tests.test_poll_cursor import AGENCY_ID, JWK, claims, signed


@contextmanager
def busy_portal(token_for, polls_before_stop: int, stop: threading.Event):
    """Polls answered (the first with one request); decisions answered 503 with a Retry-After
    of an hour. `stop` is set once `polls_before_stop` polls came after the first decision."""
    seen = {"polls": 0, "decisions": 0, "polls_after": 0}

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, doc: dict, headers: dict | None = None) -> None:
            body = json.dumps(doc).encode()
            self.send_response(status)
            for k, v in {"Content-Type": "application/json", **(headers or {})}.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802
            seen["polls"] += 1
            if seen["decisions"]:
                seen["polls_after"] += 1
                if seen["polls_after"] >= polls_before_stop:
                    stop.set()
            first = seen["polls"] == 1
            self._answer(200, {"requests": [token_for(self.server)] if first else [],
                               "cursor": "c"})

        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen["decisions"] += 1
            self._answer(503, {"error": "busy", "detail": "try later"}, {"Retry-After": "3600"})

        def log_message(self, *args):
            pass

    with serving(Handler) as (origin, _server):
        yield origin, seen


@contextmanager
def registered_agent(tmp_path, origin: str, upload: str | None = None):
    """An Agent whose home trusts the test agency (its portal at `origin`, uploads at `upload`,
    else there too) and holds registration reg-1 with its portal token; closed on leaving."""
    doc = {"frp": 1, "id": AGENCY_ID, "name": "Example Police Department",
           "phone": "+1-206-555-0100", "portal": origin + "/v1",
           "upload_origins": [upload or origin], "keys": {"keys": [JWK]}}
    (tmp_path / "agency.json").write_text(json.dumps(doc))
    home = tmp_path / "home"
    agent = Agent(home)
    try:
        agent.add_agency(tmp_path / "agency.json")
        keep_unpinned(home, AGENCY_ID, "reg-1", "portal-secret")
        yield agent
    finally:
        agent.close()


def test_a_decision_the_portal_asked_to_wait_for_is_not_sent_again_on_every_pass(tmp_path):
    """Attacker's hunt: a decision not yet sent was posted again on every pass of the poll
    thread (every poll, and every 0.2 s when no poll was waiting), whatever the portal's
    Retry-After said and with no growing wait: a busy or stalling portal was asked again and
    again, each stall holding up the polls behind it."""
    stop = threading.Event()
    with busy_portal(lambda server: signed(claims("req-1", origin)), 10, stop) as (origin, seen):
        with registered_agent(tmp_path, origin) as agent:
            desk = agent.requests
            assert [e.jti for e in desk.sync().new] == ["req-1"]
            desk.decline("req-1", "not at home")   # the portal is busy: it waits to be sent
            assert seen["decisions"] == 1
            desk.policy = PollPolicy(interval_s=0.01, jitter=0.0)   # a pass, again and again
            poller = threading.Thread(target=desk.run_polling, args=(stop,))
            poller.start()
            poller.join(60)
            assert not poller.is_alive()
            assert seen["polls_after"] >= 10
            assert seen["decisions"] == 1   # the hour asked for is not over
            entry = desk.inbox.get("req-1", AGENCY_ID)
            assert entry.decision_sent_at_us is None and entry.decision_error is None
            report = desk.sync()   # the owner asking for a sync tries it now all the same
            assert seen["decisions"] == 2 and "not sent" in report.problems[0]


def test_a_pass_that_fails_waits_before_the_next_instead_of_spinning(tmp_path):
    """Attacker's hunt: with the registrations file damaged (a sync tool's conflict copy, a
    disk error), every pass of the poll thread failed at once and the next came 0.2 s later,
    so `run` wrote a traceback five times a second for as long as it ran. A failed pass now
    waits as a failed poll does (the poll policy's growing wait)."""
    stop, failed = threading.Event(), threading.Event()
    records: list[logging.LogRecord] = []

    class Seen(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.name == "agent.requests.poll_thread":
                records.append(record)
                failed.set()

    handler = Seen()
    logging.getLogger("agent.requests.poll_thread").addHandler(handler)
    try:
        with registered_agent(tmp_path, "https://frp.police.example.gov",
                              "https://upload.police.example.gov") as agent:
            (agent.home / "registrations.json").write_text("{ damaged")
            poller = threading.Thread(target=agent.requests.run_polling, args=(stop,))
            poller.start()
            assert failed.wait(30)
            stop.wait(1.0)   # five passes before; the next now comes half a minute on at least
            stop.set()
            poller.join(10)
            assert not poller.is_alive()
            assert len(records) == 1, [r.getMessage() for r in records]
            # Said as the file's own words, once, with no traceback: `run` is a command an
            # owner reads (damage hunt: 'Traceback (most recent call last): ...' on stderr).
            (record,) = records
            assert record.exc_info is None
            assert record.getMessage() == (
                "polling the portals failed: the registrations file "
                f"{agent.home / 'registrations.json'} is damaged; put back a copy from a backup, "
                "or move it aside (keep it) and register again (each agency can retire the "
                "registrations it held); trying again later")
    finally:
        logging.getLogger("agent.requests.poll_thread").removeHandler(handler)


def test_with_no_poll_waiting_the_thread_does_not_go_round_five_times_a_second(tmp_path):
    """Attacker's hunt: once every registration was left alone (a portal answering 401 to a
    registration the agency retired), no poll was waiting and the thread went round every
    0.2 s, reading the whole inbox each time: 24 ms a pass with 2,000 requests, an eighth of
    a core for as long as the app ran. With nothing due it waits the longest it waits."""
    stop, refused = threading.Event(), threading.Event()

    class Retired(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b'{"error": "unknown_registration", "detail": "retired"}'
            self.send_response(401)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            refused.set()

        def log_message(self, *args):
            pass

    with serving(Retired) as (origin, _server), registered_agent(tmp_path, origin) as agent:
        desk = agent.requests
        passes = []
        real_registrations = desk.trust.registrations

        def registrations():   # read once at the start of every pass
            passes.append(1)
            return real_registrations()

        desk.trust.registrations = registrations
        poller = threading.Thread(target=desk.run_polling, args=(stop,))
        poller.start()
        assert refused.wait(30)
        stop.wait(1.0)   # five passes before
        stop.set()
        poller.join(10)
        assert not poller.is_alive() and len(passes) == 1, len(passes)


@contextmanager
def silent_portal(answer_polls: bool):
    """A portal that takes every call and answers none (or answers polls with nothing new and
    never the decision): what `run` and the app must not wait on to stop."""
    release = threading.Event()
    calls = {"GET": 0, "POST": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            calls["GET"] += 1
            if answer_polls:
                body = json.dumps({"requests": [], "cursor": "c"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            release.wait(120)

        def do_POST(self):  # noqa: N802
            calls["POST"] += 1
            release.wait(120)

        def log_message(self, *args):
            pass

    try:
        with serving(Handler) as (origin, _server):
            yield origin, calls
            release.set()
    finally:
        release.set()


@pytest.mark.parametrize("hangs", ["poll", "decision"])
def test_a_stop_cuts_a_call_the_portal_never_answers_and_keeps_the_decision_to_send(
        tmp_path, hangs):
    """A poll or a decision the portal took and never answered held the poll thread until the
    call's 60 s limit: `run` and the app, told to stop, waited out their 1.5 s for it and left
    it running (a stop took 1.6 s, over the promised 2 s on a busy PC). The stop now cuts the
    call, and a decision so cut stays to be sent, with no error recorded."""
    stop = threading.Event()
    with silent_portal(answer_polls=hangs == "decision") as (origin, calls), \
            registered_agent(tmp_path, origin) as agent:
        desk = agent.requests
        (tmp_path / "req-1.jws").write_text(signed(claims("req-1", origin)))
        desk.import_request(tmp_path / "req-1.jws")
        desk.inbox.set_decision(AGENCY_ID, "req-1", "a signed decision")
        poller = threading.Thread(target=desk.run_polling, args=(stop,))
        poller.start()
        waited = 0
        while calls["POST" if hangs == "decision" else "GET"] == 0 and waited < 600:
            stop.wait(0.05)
            waited += 1
        stop.set()
        poller.join(STOP_WITHIN_S)
        assert not poller.is_alive()
        entry = desk.inbox.get("req-1", AGENCY_ID)
        assert entry.decision_sent_at_us is None and entry.decision_error is None


def test_a_portal_down_for_long_is_said_once_to_the_owner_and_again_when_it_answers(tmp_path,
                                                                                    monkeypatch):
    """Days hunt: a portal down for days was silent. The poll thread waited longer after each
    failure, up to an hour, and said nothing, neither in `run`'s output nor in the app, while
    no request could arrive from that agency. Polls that keep failing are said now, once, with
    since when and why (the log, and RequestDesk.unreachable for the app), and so is the end."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")   # since when: on this PC's clock
    stop, state = threading.Event(), {"down": True, "polls": 0}
    said: list[str] = []

    class Said(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            said.append(record.getMessage())

    class Portal(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            state["polls"] += 1
            status, doc = ((503, {"error": "unavailable", "detail": "down for maintenance"})
                           if state["down"] else (200, {"requests": [], "cursor": "c"}))
            body = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    handler = Said()
    logging.getLogger("agent.requests.poll_trouble").addHandler(handler)
    try:
        with serving(Portal) as (origin, _server), registered_agent(tmp_path, origin) as agent:
            desk = agent.requests
            desk.policy = PollPolicy(interval_s=0.01, jitter=0.0, backoff_base_s=0.01,
                                     backoff_cap_s=0.05)
            poller = threading.Thread(target=desk.run_polling, args=(stop,))
            poller.start()
            try:
                assert wait_until(lambda: state["polls"] >= 8)
                (trouble,) = desk.unreachable()
                assert trouble.agency == "Example Police Department"
                assert trouble.registration == "reg-1" and trouble.failures >= 7
                assert "503" in trouble.problem or "down" in trouble.problem
                assert len(said) == 1 and "requests cannot arrive from Example Police " \
                    "Department (registration reg-1) since " in said[0]
                assert said[0].endswith(trouble.problem)
                since = format_local(trouble.since_us // US * US, "America/Los_Angeles")
                assert f" since {since}: " in said[0], said[0]
                state["down"] = False
                assert wait_until(lambda: desk.unreachable() == [])
                assert len(said) == 2 and "answers again" in said[1]
            finally:
                stop.set()
                poller.join(10)
    finally:
        logging.getLogger("agent.requests.poll_trouble").removeHandler(handler)


def wait_until(predicate, within_s: float = 30.0) -> bool:
    """Whether `predicate` came true (looked at every 20 ms) before `within_s` passed."""
    stop = threading.Event()
    end = time.monotonic() + within_s
    while not predicate():
        if time.monotonic() > end:
            return False
        stop.wait(0.02)
    return True


def test_settings_the_app_saves_beside_run_are_taken_up_by_its_poll_thread(tmp_path):
    """`run` and the app share a home: the owner ticks 'keep a safe copy of the footage as
    soon as a request arrives' in the app's Settings. `run` read its settings when it started
    and never again, so a request its poll thread took in was not held (nor polled at a new
    interval) until it was started again. Two Agents on one home, as the two processes."""
    from dataclasses import replace

    class Portal(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = json.dumps({"requests": [signed(claims("req-1", origin))],
                               "cursor": "c"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    stop = threading.Event()
    with serving(Portal) as (origin, _server), registered_agent(tmp_path, origin) as run:
        desk = run.requests   # run's settings as it started: no safe copies
        assert not desk.settings.holds_on_new_request
        app = Agent(tmp_path / "home")
        try:
            app.set_settings(replace(app.settings, holds_on_new_request=True,
                                     poll_interval_s=120))
        finally:
            app.close()
        poller = threading.Thread(target=desk.run_polling, args=(stop,))
        poller.start()
        try:
            assert wait_until(lambda: any(r.event == "hold" for r in run.activity()))
        finally:
            stop.set()
            poller.join(10)
        assert desk.settings.holds_on_new_request and desk.policy.interval_s == 120
        (held,) = [r for r in run.activity() if r.event == "hold"]
        assert held.data["id"] == "req-1"
