"""A recorder's clock reset and then set right: what it recorded meanwhile is dated by the
wrong clock, never mirrored, and those hours look unrecorded. Recorders hunt: the refresh that
found the clock right said so, and the recorder's state said it until the next refresh (a
quarter of an hour later under `run`); after that nothing told the owner why those hours look
empty. The stretch is now kept in the index and said after the recorder's state until it is
old (past what the app shows of a recorder, or recorded over), also when a refresh that failed
for another reason came between (docs/recorders.md)."""
from __future__ import annotations

import time

import pytest

from agent.index import mirror
from agent.timebase import US, local_text
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage
from tests.recorder_support import many_clips
from tests.test_recorder_clock_reset import Y2K, remote
from tests.test_recorder_faults import address

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]
RIGHT_AGAIN = "The recorder's clock is right again, but it was reset for a while between "


@pytest.fixture
def source_clip(recent_footage):
    """A real 10 s recording (PyAV), linked as each of the recorder's."""
    return sorted(next(recent_footage.glob("01*")).glob("*.mp4"))[0]


def state(agent) -> str:
    (rec,) = agent.recorders()
    return agent.recorder_state_words(rec)


def refresh_at(agent, now_us: int):
    """One refresh as `run` makes it, dated `now_us` on this PC's clock (the recorder's own
    clock is read as it is)."""
    (rec,) = agent.recorders()
    return mirror.refresh(agent.store, rec, agent.recorder_connector(), now_us=now_us)


@pytest.mark.parametrize("vendor", ("dahua", "hikvision", "reolink"))
def test_the_stretch_a_reset_clock_hid_is_said_after_later_refreshes_until_recorded_over(
        vendor, agent, tmp_path, source_clip):
    # Two recordings from yesterday, and two the recorder makes in two hours' time, after
    # its clock was set right.
    soon = (time.time_ns() // 1000 // US + 7200) * US
    footage = many_clips(many_clips(tmp_path / "nvr", source_clip, 1, T0, 2, 10),
                         source_clip, 1, soon, 2, 10)
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, vendor), PASSWORD, name="nvr")
        last = agent.recorders()[0].refreshed_us
        sim.device.set_clock(Y2K - time.time())
        agent.scan()
        sim.device.set_clock(0.0)
        (report,) = agent.scan()
        (note,) = report.notes
        assert note.startswith(f"{RIGHT_AGAIN}{local_text(last)} and "), note
        for _ in range(2):   # the refreshes after: not noted again, still said
            (report,) = agent.scan()
            assert not report.notes and not report.problems
            assert state(agent).endswith(f"; {note}"), state(agent)
        # The recorder records over yesterday's: a whole re-read (one is due every few hours)
        # finds its oldest recording made after the stretch, and the stretch is let go.
        (channel,) = sim.device.catalogue.clips
        sim.device.catalogue.clips[channel] = [c for c in sim.device.catalogue.clips[channel]
                                               if c.start_us >= soon]
        done = refresh_at(agent, time.time_ns() // 1000 + (mirror.FULL_EVERY_S + 60) * US)
    assert done.state == "ok" and [r[1] for r in remote(agent)] == [soon, soon + 10 * US]
    assert note not in state(agent), state(agent)


def test_the_stretch_is_said_once_the_recorder_answers_after_failing_otherwise(
        agent, recent_footage):
    """A refresh that failed for another reason (the recorder not answering) between the reset
    and the clock set right: before, the refresh finding it right said nothing, the reset
    words being no longer the recorder's problem."""
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        last = agent.recorders()[0].refreshed_us
        sim.device.set_clock(Y2K - time.time())
        agent.scan()
        sim.device.faults.add("garbage")   # answers nothing a recorder says
        agent.scan()
        assert agent.recorders()[0].state == "offline" and "clock" not in state(agent)
        sim.device.faults.discard("garbage")
        sim.device.set_clock(0.0)
        (report,) = agent.scan()
    (note,) = report.notes
    assert note.startswith(f"{RIGHT_AGAIN}{local_text(last)} and "), note
    assert state(agent).endswith(f"; {note}")


def test_a_stretch_older_than_the_app_shows_is_no_longer_said(agent, recent_footage):
    with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        sim.device.set_clock(Y2K - time.time())
        agent.scan()
        sim.device.set_clock(0.0)
        (report,) = agent.scan()
        (note,) = report.notes
        later = time.time_ns() // 1000 + (mirror.MIRROR_DAYS * 86400 + 3600) * US
        done = refresh_at(agent, later - 2 * 86400 * US)
        assert done.state == "ok" and note in state(agent)
        done = refresh_at(agent, later)
    assert done.state == "ok" and note not in state(agent), state(agent)
