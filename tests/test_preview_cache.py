"""A recorder's preview cache on a small disk: slots are kept by count (MAX_SLOTS) and by bytes
(MAX_BYTES), the oldest removed first and never the one just downloaded. Against the recorder
simulator over TLS, through the agent the previewer uses."""
from __future__ import annotations

import json
import os
import threading

import pytest

from agent.index import remote_pieces
from agent.service import Agent
from agent.timebase import US
from agent.views import RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]


def finished_slots(agent: Agent) -> list[str]:
    root = agent.home / "cache" / "recorders" / "previews"
    return sorted(p.name for p in root.glob("*/*") if (p / "piece.json").exists())


def test_the_preview_cache_keeps_to_its_bytes_and_never_drops_the_slot_just_fetched(
        agent, recent_footage, monkeypatch):
    """Seen: only the count of slots was capped (300), and a slot is 4 s of the recorder's
    main stream: some 8 MB a 4K camera, gigabytes of a small disk for thumbnails."""
    with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "dahua", "admin",
                                           agent.look_at_recorder(sim.url), "UTC"),
                           PASSWORD, name="nvr")
        slot = remote_pieces.SLOT_S * US
        # A cap any slot passes alone: each newer slot leaves only itself.
        monkeypatch.setattr(remote_pieces, "MAX_BYTES", 1, raising=False)
        for n in (0, 1, 2):
            rows = agent.usable_recordings("nvr/Driveway", T0 + n * slot + US,
                                           T0 + n * slot + 2 * US)
            assert rows and all(open(r.path, "rb").read(8) for r in rows)   # still there
            assert len(finished_slots(agent)) == 1
    kept = finished_slots(agent)
    assert len(kept) == 1 and kept == [str((T0 + 2 * slot + US) // slot)]   # the newest


@pytest.mark.skipif(os.name != "posix", reason="a named pipe is made here with a POSIX call")
def test_a_named_pipe_for_a_slots_record_is_not_waited_on_and_the_slot_fetched_again(
        agent, recent_footage):
    """Home files hunt 14: a finished slot's piece.json was read whole (read_text), so a named
    pipe in its place (a sync program's, or anyone's who can write the home) kept the preview
    waiting for ever, with the cache's lock held: every later preview of any recorder camera
    waited behind it. It is read only as an ordinary file of 1 MiB at most now; anything else
    is a slot not finished, removed and fetched again, as a download cut short is."""
    with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "dahua", "admin",
                                           agent.look_at_recorder(sim.url), "UTC"),
                           PASSWORD, name="nvr")
        window = (T0 + US, T0 + 2 * US)
        assert agent.usable_recordings("nvr/Driveway", *window)
        (record,) = (agent.home / "cache" / "recorders" / "previews").glob("*/*/piece.json")
        record.unlink()
        os.mkfifo(record)
        got: list = []
        asked = threading.Thread(target=lambda: got.append(
            agent.usable_recordings("nvr/Driveway", *window)), daemon=True)
        asked.start()
        asked.join(120)   # only keeps a hang from stalling the suite; nothing is timed
        if asked.is_alive():   # the old code: the pipe waited on; a writer ends the wait
            os.close(os.open(record, os.O_WRONLY | os.O_NONBLOCK))
            asked.join()
            pytest.fail("the preview waited on the named pipe in piece.json's place")
    (rows,) = got
    assert rows and all(open(r.path, "rb").read(8) for r in rows)
    assert record.is_file() and json.loads(record.read_text())   # fetched again, recorded
