"""A Dahua's search paged one recording at a time, or ended by `Error` right after a first
page of one recording, with no total given (`getCount` refused): recorders hunt. Asked again
from the latest recording, a search that ended and one cut short answer alike (that one, then
`Error`), so both were read as ended and a camera whose disk could not be read beyond there
had its later recordings taken away with nothing said. Dahua's firmware fills each page to the
count asked (Dahua's own web page and ipcmanview end the list at a shorter page) and answers
`findFile` with `Error` ("no data") where nothing was recorded: the search now asks what lies
after the latest recording's end, and a device whose findFile found something there, of which
not one could be read, stopped its search part-way (docs/recorders.md, Dahua)."""
from __future__ import annotations

import pytest

from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage
from tests.recorder_support import many_clips
from tests.test_recorder_channel_failing import rows_of
from tests.test_recorder_faults import address

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]
NO_TOTAL = ("dahua-no-count", "dahua-error-at-end")


@pytest.fixture
def source_clip(recent_footage):
    """A real 10 s recording (PyAV), copied as each of the recorder's."""
    return sorted(next(recent_footage.glob("01*")).glob("*.mp4"))[0]


@pytest.mark.parametrize("count, cap, fails_at, cut", [
    (7, 1, 5, True),       # a recording a page, Error from the sixth on
    (7, 1, 1, True),       # Error right after a first page of one recording
    (7, 1, None, False),   # a recording a page, then Error at the end: read whole
    (1, 100, None, False),  # one recording, then Error at the end: read whole
])
def test_a_dahua_paging_one_recording_at_a_time_and_cut_short_is_said(
        agent, tmp_path, source_clip, count, cap, fails_at, cut):
    from agent.timebase import US

    footage = many_clips(tmp_path / "nvr", source_clip, 1, T0, count, 10)
    quirks = NO_TOTAL + ("dahua-find-says-none",)
    with Simulator(footage, "dahua", "admin", PASSWORD, tls=True, quirks=quirks) as sim:
        sim.device.search_page_cap = cap
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        before = rows_of(agent, "nvr")
        assert len(before) == count
        if fails_at is not None:
            sim.device.search_fails_from[1] = T0 + fails_at * 10 * US
        (report,) = agent.scan()
    assert [r.path for r in rows_of(agent, "nvr")] == [r.path for r in before]
    if cut:
        (problem,) = report.problems
        assert "stopped its search part-way" in problem, problem
        assert all(r.reason for r in rows_of(agent, "nvr")), "kept, marked as out of date"
    else:
        assert not report.problems, report.problems
        assert not any(r.reason for r in rows_of(agent, "nvr"))


def test_a_dahua_saying_ok_where_nothing_was_recorded_is_read_as_ended(
        agent, tmp_path, source_clip):
    """A device answering `findFile` `OK` where nothing was recorded, and `Error` where found=0
    would end, cannot tell the two apart: it is read as having ended, as before, and it is
    asked what nothing-recorded looks like once a connection."""
    footage = many_clips(tmp_path / "nvr", source_clip, 1, T0, 3, 10)
    with Simulator(footage, "dahua", "admin", PASSWORD, tls=True, quirks=NO_TOTAL) as sim:
        sim.device.search_page_cap = 1
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        sim.device.log.clear()
        (report,) = agent.scan()
        asked = [p for _m, p in sim.device.log if "action=findFile" in p]
    assert not report.problems, report.problems
    assert len(rows_of(agent, "nvr")) == 3
    assert sum("2037-12-31" in p for p in asked) == 1, asked
