"""A refresh stopped by us (the app closing, `run` stopping) is no failure of the recorder's.
Before, a recorder left offline by its last refresh and answering now, whose refresh was
stopped between its channels, was reported "not answering: cancelled": the app's line above
every page said the recorder had failed, for a stop of this computer's."""
from __future__ import annotations

import threading

import pytest

from agent.events import ScanFinished
from agent.timebase import US
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, agent, recent_footage
from tests.test_recorder_faults import address

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]


def test_a_refresh_stopped_by_us_leaves_an_offline_recorder_as_it_was(agent, recent_footage):
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        (rec,) = agent.recorders()
        # Its last refresh found it offline (a real failure, kept in the index).
        agent.store.recorders.record_failure(rec.source_id, "offline", "Could not reach it",
                                             rec.refreshed_us + US)
        agent.store.mark_remote(rec.source_id, "could not be asked since then: Could not reach it")
        (before,) = agent.recorders()
        rows = [(r.path, r.reason) for r in agent.recordings()]
        events = []
        agent.subscribe(events.append)
        stop = threading.Event()
        stop.set()   # the app closing while it is being asked
        report = agent._refresh(before, stop)
    assert not any("cancelled" in p for p in report.problems), report.problems
    (after,) = agent.recorders()
    assert (after.state, after.problem, after.failures, after.next_us) == (
        before.state, before.problem, before.failures, before.next_us)
    assert [(r.path, r.reason) for r in agent.recordings()] == rows
    (finished,) = [e for e in events if isinstance(e, ScanFinished)]
    assert finished.recorder_state == "offline"
    # How it stood is still said (the earlier failure), never a stop of ours.
    assert finished.problems and "Could not reach it" in finished.problems[0]
    assert not any("cancelled" in p for p in finished.problems)
