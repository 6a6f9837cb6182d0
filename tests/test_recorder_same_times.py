"""A recorder's clock put back gives the recordings made after it the very times those made
before were written at: two recordings on the device with the same start. The index tells
them apart by the device's own reference to each (its file path, playbackURI or name), kept
per mirrored row, never by the order the device lists them in or by their times alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from agent.service import Agent
from agent.timebase import US
from agent.views import RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage
from tests.recorder_support import stamps

pytestmark = pytest.mark.usefixtures("cheap_scrypt")
__all__ = ["agent", "recent_footage"]

AHEAD = 20.0   # two recordings' length: the third recording starts at the first one's times


def driveway(agent: Agent) -> list[tuple[int, int]]:
    return sorted((r.start_us, r.end_us) for r in agent.recordings("nvr/Driveway")
                  if r.status == "remote")


def added(agent: Agent, sim: Simulator, vendor: str) -> None:
    """The recorder added while its clock ran AHEAD seconds fast, before the third recording."""
    sim.device.recorded_before = T0 + 20 * US
    agent.add_recorder(RecorderAddress(sim.url, vendor, "admin", sim.fingerprint, zone="UTC"),
                       PASSWORD, name="nvr")


def put_back(sim: Simulator) -> None:
    """The clock put right as the third recording began."""
    sim.device.put_right(T0 + 20 * US, 0.0)


ALL_THREE = [(T0 + i * 10 * US, T0 + (i + 1) * 10 * US) for i in range(3)]
NAMING = [("dahua", ()), ("hikvision", ()), ("reolink", ("reolink-native-names",))]


@pytest.mark.parametrize("vendor,quirks", NAMING)
def test_footage_starting_at_the_times_an_earlier_clock_wrote_is_exported_from_its_own(
        vendor, quirks, agent, recent_footage, tmp_path):
    """Recorders hunt: the export found each recording's clock by its row path, the start
    as the recorder wrote it, so the third recording (its start written at the first one's
    very time) took the first one's clock: placed 20 s early, it was not in the window at
    all and the export found no footage there, though the index showed it recorded."""
    start, end = T0 + 22 * US, T0 + 28 * US
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True, clock_offset_s=AHEAD,
                   quirks=quirks) as sim:
        added(agent, sim, vendor)
        put_back(sim)
        (report,) = agent.scan()
        assert not report.problems, report.problems
        assert driveway(agent) == ALL_THREE
        done = agent.export("nvr/Driveway", start, end, tmp_path / "out")
    times = stamps(Path(done.clip))
    assert times and start <= min(times) < start + US and end - US < max(times) < end, (
        [(t - T0) / US for t in times])


@pytest.mark.parametrize("vendor,quirks", NAMING)
def test_a_recording_keeps_its_clock_once_the_one_sharing_its_times_is_recorded_over(
        vendor, quirks, agent, recent_footage):
    """Recorders hunt: once the recorder recorded over the first recording (an NVR's disk
    full takes the oldest), the third, whose start the clock put back had written at the
    first one's times, took the first one's row path and with it its clock: it moved 20 s
    back on the owner's timeline, over the first one's place."""
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True, clock_offset_s=AHEAD,
                   quirks=quirks) as sim:
        added(agent, sim, vendor)
        put_back(sim)
        agent.scan()
        first = sim.device.catalogue.clips[1].pop(0)   # recorded over
        assert first.start_us == T0
        (report,) = agent.scan()
        assert not report.problems, report.problems
    assert driveway(agent) == ALL_THREE[1:]


def shared(ref: str):
    """A recording the device wrote at 22:00:20 on its clock, with its own reference."""
    from agent.recorders.model import DeviceTime, Recording

    start = T0 + 20 * US
    return Recording(1, DeviceTime("2026-11-20 22:00:20", start),
                     DeviceTime("2026-11-20 22:00:30", start + 10 * US), 1000, "mp4", ref, ref)


def test_two_recordings_at_the_same_times_keep_their_rows_whichever_is_listed_first(tmp_path):
    """Recorders hunt: each recording took the clock of the row at its path, the start as
    written, then `~2` for the next one listed at that start: a device listing the later
    one first (a search's order is the device's) swapped their clocks, placing each 20 s
    from where it was recorded. Each keeps its own row, by its reference, in either order."""
    from agent.index.mirror import kept_rows, refs
    from tests.recorder_support import remote_rows
    from agent.index.mirrored_rows import match
    from agent.index.store import Store

    root = "https://192.168.1.20"
    earlier, later = shared("/mnt/dvr/0.mp4"), shared("/mnt/dvr/2.mp4")
    store = Store(tmp_path / "index.db")
    try:
        src = store.add_source(root, "nvr", "UTC", "recorder", 0.0)
        first = match(root, "1", [earlier], [])
        rows = remote_rows(src.id, root, "nvr", "1", [earlier], AHEAD, "dahua", T0)
        store.mirror(src.id, "1", None, rows, refs(first))
        kept = kept_rows(store, src.id, "1", 0.0)
        both = match(root, "1", [earlier, later], kept)
        store.mirror(src.id, "1", None,
                     remote_rows(src.id, root, "nvr", "1", [earlier, later], 0.0, "dahua", T0,
                                 kept), refs(both))
        kept = kept_rows(store, src.id, "1", 0.0)
        for order in ([earlier, later], [later, earlier]):
            placed = {r.path: r.start_us for r in
                      remote_rows(src.id, root, "nvr", "1", order, 0.0, "dahua", T0, kept)}
            assert placed == {f"{root}#ch1/20261120220020": T0,
                              f"{root}#ch1/20261120220020~2": T0 + 20 * US}, order
    finally:
        store.close()


def test_rows_an_older_version_mirrored_keep_their_clock_by_their_path(tmp_path):
    """An index from before the device's reference was kept gains the column when opened,
    with no new version (an older agent still opens it); its rows, keeping none, are still
    each recording's by path, and keep the clock they were placed by."""
    import sqlite3
    from contextlib import closing

    from agent.index.mirror import kept_rows
    from tests.recorder_support import remote_rows
    from agent.index.schema import VERSION
    from agent.index.store import Store

    root = "https://192.168.1.20"
    path = tmp_path / "index.db"
    store = Store(path)
    src = store.add_source(root, "nvr", "UTC", "recorder", 0.0)
    store.mirror(src.id, "1", None, remote_rows(src.id, root, "nvr", "1",
                                                [shared("/mnt/dvr/0.mp4")], AHEAD,
                                                "dahua", T0))
    store.close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("ALTER TABLE files DROP COLUMN device_ref")   # as an older one made it
        db.commit()
    store = Store(path)
    try:
        (row,) = kept_rows(store, src.id, "1", 0.0)
        assert (row.ref, row.shift_us) == (None, round(AHEAD * US))
        (again,) = remote_rows(src.id, root, "nvr", "1", [shared("/mnt/dvr/0.mp4")], 0.0,
                               "dahua", T0, [row])
        assert (again.path, again.start_us) == (row.path, T0)
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION


# What an agent from before files.device_ref writes over a row its mirror meets again at the
# same path (its UPSERT's ON CONFLICT DO UPDATE): the times it placed, never device_ref, nor
# (before it existed) clock_shift_us.
OLDER_UPDATE = "UPDATE files SET start_us=?, end_us=?, mtime_ns=mtime_ns+1 WHERE path=?"


def test_a_row_an_older_agent_gave_another_recordings_times_exports_and_mirrors_each_by_its_own(
        agent, recent_footage, tmp_path):
    """Decided (docs/recorders.md): an older agent sharing the index, meeting the third
    recording at the first one's row path (the start the clock put back wrote twice), writes
    the third's times over that row and leaves its reference, the first's. Nothing is changed
    for it: an older agent writes no reference and writes back the row's clock offset as it
    found it, so the two still name one recording and the clock it was placed by;
    an export places each recording from the device's own listing by them, never by a row's
    times, and this version's next refresh writes the row's times again."""
    import sqlite3
    from contextlib import closing

    start, end = T0 + 22 * US, T0 + 28 * US
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True,
                   clock_offset_s=AHEAD) as sim:
        added(agent, sim, "hikvision")
        put_back(sim)
        agent.scan()
        first = next(r for r in agent.recordings("nvr/Driveway") if r.start_us == T0)
        with closing(sqlite3.connect(agent.home / "index.db")) as db, db:
            db.execute(OLDER_UPDATE, (T0 + 20 * US, T0 + 30 * US, first.path))
        assert driveway(agent) == [ALL_THREE[1], ALL_THREE[2], ALL_THREE[2]]
        done = agent.export("nvr/Driveway", start, end, tmp_path / "out")
        times = stamps(Path(done.clip))
        assert times and start <= min(times) < start + US and end - US < max(times) < end
        (report,) = agent.scan()
    assert not report.problems and driveway(agent) == ALL_THREE
