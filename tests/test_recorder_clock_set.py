"""A recorder whose clock was off and is put right (by its owner, or NTP): the recordings it
made before keep the times its clock wrote then, so those stay where the index placed them,
and their footage is fetched by those times; recordings made after are placed by the clock as
it is now. The simulator keeps each recording's time as its clock wrote it (Device.set_clock)."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from agent.service import Agent
from agent.timebase import US
from agent.views import RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import (HOURS_OFF, PASSPHRASE, PASSWORD, T0, agent,
                                            recent_footage)
from tests.recorder_support import stamps

pytestmark = pytest.mark.usefixtures("cheap_scrypt")
__all__ = ["agent", "recent_footage"]


def placed(agent: Agent) -> list[tuple[str, int, int]]:
    return sorted((r.camera, r.start_us, r.end_us) for r in agent.recordings()
                  if r.status == "remote")


@pytest.mark.parametrize("vendor", ["reolink", "hikvision"])
def test_a_recorders_clock_put_right_leaves_its_older_recordings_where_they_were(
        vendor, agent, recent_footage):
    """Recorders hunt: a refresh after the recorder's clock was put right (3 hours off before)
    read every recording again and placed all of them by the new clock, so footage recorded
    while the clock was off moved 3 hours on the owner's timeline."""
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        agent.add_recorder(RecorderAddress(sim.url, vendor, "admin", sim.fingerprint), PASSWORD,
                           name="nvr")
        before = placed(agent)
        assert before and min(start for _, start, _ in before) == T0   # placed at true time
        sim.device.set_clock(0.0)
        (report,) = agent.scan()
        assert not report.problems, report.problems
    assert agent.recorders()[0].clock_offset_s == pytest.approx(0, abs=2)   # it was read again
    assert placed(agent) == before


def test_footage_recorded_before_the_clock_was_put_right_is_fetched_by_the_clock_it_had(
        agent, recent_footage, tmp_path):
    """Recorders hunt: an export asked the recorder for the window by its clock as it is now,
    so after the clock was put right (3 hours off before) it fetched footage of another time,
    or none, and sealed it as the window's."""
    start, end = T0 + 13 * US, T0 + 17 * US
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint), PASSWORD,
                           name="nvr")
        sim.device.set_clock(0.0)
        agent.scan()
        done = agent.export("nvr/Driveway", start, end, tmp_path / "out")
    times = stamps(Path(done.clip))
    assert times and start <= min(times) and max(times) < end, (times, start, end)
    clock = json.loads((done.package.path / "data" / "provenance.json").read_text())[
        "recorder"]["clock"]
    assert clock["applied_offset_s"] == HOURS_OFF and abs(clock["offset_s"]) < 2


def test_an_index_from_before_gains_the_column_and_its_rows_read_as_before(tmp_path):
    """An index made before rows kept their clock offset gains the column when opened, with
    no new version (an older agent still opens it), and its rows read as they did."""
    import sqlite3
    from contextlib import closing

    from agent.index.rows import FileRow
    from agent.index.schema import VERSION
    from agent.index.store import Store

    path = tmp_path / "index.db"
    store = Store(path)
    src = store.add_source("https://192.168.1.20", "nvr", "UTC", "recorder", 0.0)
    row = FileRow(src.id, "https://192.168.1.20#ch0/20261120220000", "nvr", T0, T0 + 10 * US,
                  1, 0, "reolink", "remote", None, channel="0", time_source="recorder")
    store.mirror(src.id, "0", None, [row])
    store.close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("ALTER TABLE files DROP COLUMN clock_shift_us")   # as an older one made it
        db.commit()
    store = Store(path)
    try:
        assert [(r.start_us, r.clock_shift_us) for r in store.files()] == [(T0, None)]
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION


def test_an_approval_across_the_moment_the_clock_was_put_right_delivers_both_sides(
        recent_footage, tmp_path):
    """Recorders hunt: a request whose window spans the moment the recorder's clock was put
    right (3 hours ahead before, as the third recording began) could not be approved: it was
    refused as 'put right in the middle of this stretch', telling the owner to export the two
    parts separately, which an approval cannot, and 'approve it again to resume' failed the
    same way for ever. Each recording is asked for by the clock it recorded under, so the
    package holds the window from both sides, each download saying the offset it was placed by."""
    from agent.service import Agent
    from portal.server import PortalServer
    from portal.state import Portal
    from tests.registering import enrol

    portal = Portal.init(tmp_path / "portal", "Example Police Department",
                         "https://police.example.gov", "+1-206-555-0100")
    home = tmp_path / "home"
    start, end = T0 + 4 * US, T0 + 24 * US   # on keyframes (GOP 2 s): a copy starts there
    with PortalServer(portal.state_dir), Simulator(recent_footage, "hikvision", "admin", PASSWORD,
                                                   tls=True, clock_offset_s=HOURS_OFF) as sim:
        agent = Agent(home)
        try:
            agent.use_recorder_passphrase(PASSPHRASE)
            agent.requests.trust.add(portal.state_dir / "agency.json")
            reg = enrol(home, portal, ("drive",)).registration
            sim.device.recorded_before = T0 + 20 * US   # recorded after it was added
            agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin", sim.fingerprint),
                               PASSWORD, name="nvr", cameras=("drive",))
            sim.device.put_right(T0 + 20 * US, 0.0)
            agent.scan()
            portal.create_request(reg, start, end, "2026-78", "Det. Roe", cameras=("drive",))
            (entry,) = agent.requests.sync().new
            view = agent.requests.approve(entry.jti)
        finally:
            agent.close()
    assert view.status == "delivered", view
    (package,) = (home / "packages").glob("*/*")
    times = stamps(next((package / "data").glob("*.mp4")))
    assert times and start <= min(times) < start + US and end - US < max(times) < end, (
        [(t - T0) / US for t in times])
    record = json.loads((package / "data" / "provenance.json").read_text())
    downloads = record["recorder"]["downloads"]
    assert [d["applied_offset_s"] for d in downloads] == [HOURS_OFF, HOURS_OFF, 0.0]
    assert record["recorder"]["clock"]["applied_offset_s"] is None
    assert record["clock"]["clock_offset_s"] == [0.0, HOURS_OFF]


@pytest.mark.parametrize("vendor,quirks", [("dahua", ()), ("hikvision", ()),
                                           ("reolink", ("reolink-native-names",))])
def test_footage_whose_times_an_earlier_clock_wrote_too_is_asked_for_by_name(
        vendor, quirks, agent, recent_footage, tmp_path):
    """Recorders hunt: a clock 25 s ahead put right as the third recording began gives its
    first seconds the times the first recording was written at. Asked for by those times
    (Dahua's loadfile.cgi, Reolink's NvrDownload) the device sent the first recording, and
    the export sealed footage of 20 seconds before as the window's. Such a part is asked
    for whole by the recording's own name, its frames timing the window."""
    start, end = T0 + 22 * US, T0 + 28 * US
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True, clock_offset_s=25.0,
                   quirks=quirks) as sim:
        sim.device.recorded_before = T0 + 20 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, vendor, "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        sim.device.put_right(T0 + 20 * US, 0.0)
        agent.scan()
        done = agent.export("nvr/Driveway", start, end, tmp_path / "out")
    times = stamps(Path(done.clip))
    assert times and start <= min(times) < start + US and end - US < max(times) < end, (
        [(t - T0) / US for t in times])


def test_footage_whose_times_an_earlier_clock_wrote_too_is_not_asked_for_by_times(
        agent, recent_footage, tmp_path):
    """A Reolink NVR before firmware 3.6.5 names its recordings by times alone: nothing is
    downloaded, and the words say why and what to do."""
    from agent.errors import AgentError, Refusal
    from agent.recorders.model import TIMES_SHARED

    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   clock_offset_s=25.0) as sim:
        sim.device.recorded_before = T0 + 20 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.put_right(T0 + 20 * US, 0.0)
        agent.scan()
        with pytest.raises(AgentError) as caught:
            agent.export("nvr/Driveway", T0 + 22 * US, T0 + 28 * US, tmp_path / "out")
        assert str(caught.value) == TIMES_SHARED
        assert isinstance(caught.value, Refusal)   # the window as chosen: exit 3
        assert not sim.device.served   # nothing downloaded


def test_an_approval_of_footage_nothing_names_alone_is_refused_not_to_be_approved_again(
        recent_footage, tmp_path):
    """Recorders hunt: an approval whose footage the recorder could not be asked for by
    anything naming it alone said 'approve it again to resume', which fails the same way
    every time: it is refused, saying why and what to do instead."""
    from agent.requests.desk_errors import DeskRefusal
    from agent.recorders.model import TIMES_SHARED
    from agent.service import Agent
    from portal.server import PortalServer
    from portal.state import Portal
    from tests.registering import enrol

    portal = Portal.init(tmp_path / "portal", "Example Police Department",
                         "https://police.example.gov", "+1-206-555-0100")
    home = tmp_path / "home"
    with PortalServer(portal.state_dir), Simulator(recent_footage, "reolink", "admin", PASSWORD,
                                                   tls=True, clock_offset_s=25.0) as sim:
        agent = Agent(home)
        try:
            agent.use_recorder_passphrase(PASSPHRASE)
            agent.requests.trust.add(portal.state_dir / "agency.json")
            reg = enrol(home, portal, ("drive",)).registration
            sim.device.recorded_before = T0 + 20 * US   # recorded after it was added
            agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint),
                               PASSWORD, name="nvr", cameras=("drive",))
            sim.device.put_right(T0 + 20 * US, 0.0)
            agent.scan()
            portal.create_request(reg, T0 + 22 * US, T0 + 28 * US, "2026-79", "Det. Roe",
                                  cameras=("drive",))
            (entry,) = agent.requests.sync().new
            with pytest.raises(DeskRefusal) as caught:
                agent.requests.approve(entry.jti)
        finally:
            agent.close()
    assert str(caught.value) == TIMES_SHARED


@pytest.mark.parametrize("vendor,quirks", [("reolink", ("reolink-native-names",)),
                                           ("hikvision", ()), ("dahua", ())])
def test_a_recording_across_the_clock_change_keeps_its_length_and_is_exported_whole(
        vendor, quirks, agent, recent_footage, tmp_path):
    """Recorders hunt: a recorder writes a recording's end when it ends, by its clock then;
    put back 3 hours while it recorded, that end is before its start, and the mirrored row
    ended 3 hours before it began (and nothing of it could be exported). Its start is placed
    by the clock it had, its end by the clock as it is now, its row says so, and an export
    fetches it whole (its times name no part of it) and seals the window's frames only."""
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF, quirks=quirks) as sim:
        sim.device.recorded_before = T0 + 15 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, vendor, "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        sim.device.put_right(T0 + 15 * US, 0.0)   # in the middle clip
        (report,) = agent.scan()
        assert not report.problems, report.problems
        assert ("nvr/Driveway", T0 + 10 * US, T0 + 20 * US) in placed(agent), placed(agent)
        (row,) = [r for r in agent.recordings() if r.start_us == T0 + 10 * US
                  and r.camera == "nvr/Driveway"]
        assert "clock was put right while it recorded this" in row.reason
        start, end = T0 + 12 * US, T0 + 18 * US
        done = agent.export("nvr/Driveway", start, end, tmp_path / "out")
    times = stamps(Path(done.clip))
    assert times and start <= min(times) < start + US and end - US < max(times) < end, (
        [(t - T0) / US for t in times])


def test_a_recording_across_the_clock_change_that_a_reolink_cannot_send_whole_is_said(
        agent, recent_footage, tmp_path):
    """A Reolink NVR before firmware 3.6.5 is asked for footage by its clock's times only,
    which run backwards in such a recording: nothing is downloaded, and the words say why
    (they spoke of the end of summer time)."""
    from agent.errors import AgentError

    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        sim.device.recorded_before = T0 + 15 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.put_right(T0 + 15 * US, 0.0)
        agent.scan()
        with pytest.raises(AgentError, match="clock was put back while it recorded this"):
            agent.export("nvr/Driveway", T0 + 12 * US, T0 + 18 * US, tmp_path / "out")
        assert not sim.device.served   # nothing downloaded


def test_a_recording_across_a_clock_change_not_seen_is_kept_at_its_start_with_words():
    """A recording first mirrored after its clock was put back inside it (no other offset
    kept for it) has an end nothing places: its row keeps its start, counts no length, and
    says why, rather than ending before it begins."""
    from agent.index.clock_change import UNPLACED_END
    from tests.recorder_support import remote_rows
    from agent.recorders.model import DeviceTime, Recording

    rec = Recording(0, DeviceTime("20261120220010", T0 + 10 * US),
                    DeviceTime("20261120220005", T0 + 5 * US), 1000, "main", "h")
    (row,) = remote_rows(1, "https://nvr", "nvr", "0", [rec], 0.0, "reolink", T0)
    assert (row.start_us, row.end_us, row.reason) == (T0 + 10 * US, T0 + 10 * US, UNPLACED_END)


@pytest.mark.parametrize("vendor,quirks", [("hikvision", ()),
                                           ("reolink", ("reolink-native-names",))])
def test_a_recording_across_a_clock_put_forward_ends_where_it_did(vendor, quirks, agent,
                                                                   recent_footage, tmp_path):
    """Recorders hunt: a clock 3 hours slow put right while it recorded made the recording's
    row 3 hours longer (its end written by the new clock), over the recordings after it: the
    owner's timeline showed 3 hours recorded that were not, and an export of a window the
    next recording alone covers was refused as 'put right in the middle of this stretch'.
    It now ends by the clock as it is now, where the next recording begins."""
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True,
                   clock_offset_s=-HOURS_OFF, quirks=quirks) as sim:
        sim.device.recorded_before = T0 + 15 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, vendor, "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.put_right(T0 + 15 * US, 0.0)   # in the middle clip
        agent.scan()
        rows = [(s, e) for c, s, e in placed(agent) if c == "nvr/Driveway"]
        assert rows == [(T0 + i * 10 * US, T0 + (i + 1) * 10 * US) for i in range(3)], rows
        for start, end in ((T0 + 22 * US, T0 + 28 * US), (T0 + 12 * US, T0 + 18 * US)):
            done = agent.export("nvr/Driveway", start, end, tmp_path / f"out{start}")
            times = stamps(Path(done.clip))
            assert times and start <= min(times) < start + US and end - US < max(times) < end


def test_a_recorder_clock_drifting_a_second_is_not_taken_for_one_put_right(
        agent, recent_footage, tmp_path):
    """Recorders hunt: a recorder without NTP drifts (a second a day is common), and a
    reading near half a second rounds either way: recordings mirrored a second apart kept
    offsets a second apart, and any export over two of them was refused as 'put right in
    the middle of this stretch'. Offsets within the 2 s a clock is not worth showing for are
    one clock; each recording is still fetched by its own."""
    start, end = T0 + 4 * US, T0 + 24 * US   # on keyframes (GOP 2 s): a copy starts there
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        sim.device.recorded_before = T0 + 20 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.put_right(T0 + 20 * US, 1.0)   # a second ahead from the third
        agent.scan()
        done = agent.export("nvr/Driveway", start, end, tmp_path / "out")
    times = stamps(Path(done.clip))
    assert times and start <= min(times) < start + US and end - US < max(times) < end


def test_a_recorder_clock_drifting_a_second_does_not_read_its_two_months_again(
        agent, recent_footage):
    """Recorders hunt: any change of the offset read, a second of drift or a reading near
    half a second rounding the other way, made the next refresh read the last 62 days again
    (a Reolink: a search a day, each channel), every 15 minutes for such a recorder. The
    hour an incremental read goes back covers a drift of a second or two."""
    from agent.index.mirror import MIRROR_DAYS

    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.set_clock(1.0)
        before = len(sim.device.log)
        (report,) = agent.scan()
        assert not report.problems, report.problems
        searches = [p for _m, p in sim.device.log[before:] if "cmd=Search" in p]
        assert 0 < len(searches) < MIRROR_DAYS, len(searches)
        assert agent.recorders()[0].clock_offset_s == pytest.approx(1, abs=0.5)


def test_a_recording_a_drifting_clock_ends_a_moment_into_the_next_keeps_its_end():
    """Offsets a second apart are one clock drifting: a recording that ends half a second
    into the next one (a device's own overlap, or the drift) keeps the end its clock wrote,
    rather than being taken for one the clock was put right inside (cut short, fetched
    whole)."""
    from agent.index.clock_change import placed_ends
    from agent.recorders.model import DeviceTime, Recording

    def recording(start_s: float, end_s: float) -> Recording:
        return Recording(0, DeviceTime("s", T0 + round(start_s * US)),
                         DeviceTime("e", T0 + round(end_s * US)), 1000, "main", "h")

    first, second = recording(0, 10.5), recording(11, 20)   # the second by the clock now
    assert placed_ends([(first, 0), (second, US)], US) == [T0 + 10_500_000, T0 + 19 * US]
    # A clock 3 hours slow put right while the first recorded: its end is the clock's now.
    first, second = recording(-HOURS_OFF, 10), recording(10, 20)
    assert placed_ends([(first, -HOURS_OFF * US), (second, 0)], 0) == [T0 + 10 * US,
                                                                       T0 + 20 * US]


def test_a_rows_own_reason_shows_beside_the_stale_note_and_stays_after_it(
        agent, recent_footage):
    """Recorders hunt: a refresh that failed wrote its note ("the recorder could not be asked
    since: ...") over every mirrored row's reason, so a row's own (its clock put right while it
    recorded, a start in the repeated hour) was gone while the recorder was away, and, since an
    incremental refresh re-reads only the last hour, until the next whole read 6 hours on. The
    owner now reads both, and the row's own stays once the note goes."""
    from agent.index.clock_change import SPANS_CHANGE
    from agent.index.remote_rows import STALE

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        sim.device.recorded_before = T0 + 15 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        sim.device.put_right(T0 + 15 * US, 0.0)   # in the middle clip
        agent.scan()
        sim.device.faults.add("garbage")
        (report,) = agent.scan()
    assert report.problems
    reasons = {r.start_us: r.reason for r in agent.recordings("nvr/Driveway")}
    assert STALE in reasons[T0] and SPANS_CHANGE not in reasons[T0]
    assert STALE in reasons[T0 + 10 * US] and SPANS_CHANGE in reasons[T0 + 10 * US], reasons
    # The note goes once the recorder answers, whatever that refresh re-read.
    (rec,) = agent.recorders()
    agent.store.mark_remote(rec.source_id, None)
    reasons = {r.start_us: r.reason for r in agent.recordings("nvr/Driveway")}
    assert reasons == {T0: None, T0 + 10 * US: SPANS_CHANGE, T0 + 20 * US: None}


def test_a_recorder_slow_to_say_its_time_is_not_taken_for_its_clock_put_right():
    """Recorders hunt: the clock is read as the midpoint of the round trip, so a recorder
    taking 9 s to answer (busy playing back, on Wi-Fi) reads up to 4.5 s off; that reading
    became the offset applied, new recordings were placed 4 s off, and, past 2 s from the
    one before, it was taken for a clock put right (62 days read again, the recordings
    before and after it 'timed by two clocks'). A reading no further from the offset before
    than its round trip allows keeps that offset; a clock truly put right still moves it."""
    from datetime import datetime, timezone

    from agent.index.mirror import applied_offset, moved
    from agent.recorders.clock import read_clock

    pc = iter([T0, T0 + 9 * US])   # this PC's clock before and after the device answered
    answered = datetime.fromtimestamp(T0 // US + 8, timezone.utc)   # as it left the device
    slow = read_clock(lambda: (answered, answered.isoformat(), None), now=lambda: next(pc))
    assert slow.uncertainty_s == pytest.approx(5.0) and slow.offset_s == pytest.approx(4.0, abs=1)
    assert applied_offset(slow, 0.0) == 0.0 and not moved(applied_offset(slow, 0.0), 0.0)
    assert applied_offset(slow, HOURS_OFF) == float(round(slow.offset_s))   # put right: moved
    fast = replace(slow, offset_s=0.4, uncertainty_s=0.5)
    assert applied_offset(fast, None) == 0.0 and applied_offset(fast, 3.0) == 0.0
