"""Holds hunt: a safe copy made by the service's poll thread (Settings' "keep a safe copy" on,
a request just in) heard no stop. Waiting its turn behind another request's copy
(hold_room.room_turn), or copying for minutes, it went on after `run` or the app was asked to
stop: the stop left the poll thread busy, the process ended it part way, and the request, in
the inbox by then, got no `hold` record at all, so its page said nothing of a copy the owner
counted on, and offered no "Make the safe copy again".

A real loopback portal, a real poll thread and real locks; the other request's copy is this
test holding the home's room turn. The order is forced by events, never by time."""
from __future__ import annotations

import threading
from dataclasses import replace

from agent import file_locks
from agent.file_locks import Busy
from agent.requests import hold_room
from tests.loopback import serving
from tests.test_poll_cursor import claims, signed
from tests.test_poll_thread import registered_agent


def test_a_hold_the_poll_thread_waits_to_make_is_stopped_with_the_service(tmp_path,
                                                                         monkeypatch):
    from http.server import BaseHTTPRequestHandler
    import json

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

    waiting = threading.Event()
    real_lock = file_locks.lock_file

    def lock(fd, wait, *args, **kwargs):
        try:
            return real_lock(fd, wait, *args, **kwargs)
        except Busy:
            if threading.current_thread().name == "poller":
                waiting.set()   # the poll thread's hold waits its turn
            raise

    monkeypatch.setattr(file_locks, "lock_file", lock)
    stop = threading.Event()
    with serving(Portal) as (origin, _server), registered_agent(tmp_path, origin) as agent:
        agent.set_settings(replace(agent.settings, holds_on_new_request=True))
        desk = agent.requests
        (agent.home / "locks").mkdir(exist_ok=True)
        poller = threading.Thread(target=desk.run_polling, args=(stop,), name="poller")
        with hold_room.room_turn(agent.home):   # another request's copy being made
            poller.start()
            try:
                assert waiting.wait(120)
                stop.set()   # `run` or the app asked to stop
                poller.join(120)
                # ended while the other copy still has the turn: the stop was heard
                assert not poller.is_alive(), "the poll thread's hold did not hear the stop"
            finally:
                stop.set()
        poller.join(120)
        (held,) = [r for r in agent.activity() if r.event == "hold"]
        assert held.data["id"] == "req-1" and held.data["ok"] is False
        assert held.data["reason"] == "the hold was cancelled; nothing was kept"
        shown = desk.show("req-1")
        # the request's page says the copy was not made, and offers to make it again
        assert shown.hold is None and shown.hold_failed == held.data["reason"]
        assert not (agent.home / "holds" / "req-1").exists()
