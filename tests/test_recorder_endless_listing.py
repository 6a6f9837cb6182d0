"""A recorder listing recordings without end (broken firmware, or a hostile device on the LAN)
is read only to model.MAX_FOUND recordings a search: recorders hunt. A Hikvision may answer
10,000 pages (each up to 4 MiB, some 6,000 results, should it ignore `maxResults`), a Dahua
10,000 pages of 2 MiB: every recording was read into memory (measured: 20,000 cost 32 MiB)
and became an index row, without limit. A camera's search past the cap is that camera's
failure: its rows found before are kept, marked, and the owner is told why; the other cameras
are refreshed. The simulator's search answers here with more recordings than the cap, 4,000 a
page."""
from __future__ import annotations

from pathlib import Path

import pytest

import nvrsim.hikvision
from agent.index import mirror
from agent.recorders import hikvision as agent_hikvision
from agent.timebase import US
from nvrsim.catalogue import Clip
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage
from tests.test_recorder_faults import address

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]
MOST = 100_000   # model.MAX_FOUND, as recorders.md says it


def endless(first_us: int, count: int) -> list[Clip]:
    """`count` one-second recordings one after another (none of them downloadable)."""
    return [Clip(1, first_us + i * US, first_us + (i + 1) * US, Path("none"), 1000, 10**7 + i)
            for i in range(count)]


def test_a_search_listing_more_than_a_recorder_makes_is_read_no_further(
        agent, recent_footage, monkeypatch):
    # 4,000 a page asked and sent (the cap counts recordings, not pages: 26 pages, not 2,500)
    monkeypatch.setattr(nvrsim.hikvision, "PAGE_CAP", 4000)
    monkeypatch.setattr(agent_hikvision, "PAGE", 4000)
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        before = {r.path for r in agent.recordings() if r.status == "remote"}
        assert len(before) == 4   # Driveway's three, Porch's one
        # From half an hour before Driveway's recordings on, within what the refresh asks
        # for; its own three among them (each read before, the search was as it is now).
        mine = sim.device.searched
        flood = sorted(mine(1, 0, 1 << 40) + endless(T0 - 1800 * US, MOST + 4000),
                       key=lambda clip: clip.start_us)
        sim.device.searched = lambda ch, s, e: flood if ch == 1 else mine(ch, s, e)
        asked = len(sim.device.log)
        (rec,) = agent.recorders()
        refresh = mirror.refresh(agent.store, rec, agent.recorder_connector())
        pages = sum(1 for method, path in sim.device.log[asked:]
                    if "ContentMgmt/search" in path)
    rows = [r for r in agent.recordings() if r.status == "remote"]
    assert {r.path for r in rows} == before, len(rows)   # nothing of the flood kept
    assert pages <= MOST // 4000 + 2, pages          # read no further than the cap
    assert refresh.state == "ok"   # Porch was refreshed
    assert "listed more than 100,000 recordings in one search of this camera" in \
        refresh.problem, refresh.problem
    assert refresh.problem.startswith("nvr/Driveway was not refreshed"), refresh.problem
