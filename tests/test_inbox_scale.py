"""An inbox of hundreds of requests (scale hunt): listing it checks each request again against
today's trust store, and read the agency's file from disk twice for each one (601 reads and
parses of one small file for 300 requests, each time the app's inbox or `footage-agent inbox`
is shown). It is read once per listing now, whatever the count. Real signed requests, a real
trust store and inbox (SQLite); the reads counted where the trust store opens its files."""
from __future__ import annotations

import time

from agent.requests import agencies
from agent.service import Agent
from agent.timebase import US
from demo.gui_data import make_world, request_claims, sign


def test_listing_many_requests_reads_each_agency_once(tmp_path, monkeypatch):
    world = make_world(tmp_path / "w", tmp_path / "home")
    agent = Agent(world.home)
    try:
        now = int(time.time())
        for i in range(40):
            claims = request_claims(f"req-{i:03d}", world.start_us, world.start_us + US, now,
                                    aud=world.registration,
                                    case={"number": f"2026-{i}", "incident": "Burglary"})
            path = tmp_path / f"r{i}.jws"
            path.write_text(sign(world.key, claims))
            agent.requests.import_request(path)
        reads: list[str] = []
        load = agencies.TrustStore._load
        monkeypatch.setattr(agencies.TrustStore, "_load",
                            lambda self, path, pins: reads.append(path.name)
                            or load(self, path, pins))
        views = agent.requests.list()
        assert len(views) == 40 and all(v.verified for v in views)
        assert len(reads) <= 2, len(reads)   # was 2 per request: 81
    finally:
        agent.close()
