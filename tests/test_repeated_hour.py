"""The hour the clocks repeat: two recordings named 01:20 on the fall-back night, one from each
pass, and nothing on either file telling which. Neither may be exported as the other's hour."""
from __future__ import annotations

import contextlib
import os
import time
from datetime import datetime, timezone
from pathlib import Path

import av
import pytest

from agent.requests.holds import make_hold
from agent.errors import AgentError
from agent.recorders import credentials
from agent.service import Agent, NotFound
from agent.timebase import US
from agent.views import RecorderAddress
from demo.samples import ClipSpec, read_stamp, write_clip
from nvrsim.catalogue import channel_folder, clip_name
from nvrsim.server import Simulator
from tests.conftest import t
from tests.recorder_sources_support import PASSPHRASE, PASSWORD

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

LA = "America/Los_Angeles"
OLD = 1_700_000_000   # a card copied long ago: the dates on its files say nothing
FIRST = "2026-11-01/001/dav/01/01.20.00-01.20.20[R][0@0][0].mp4"    # 01:20 PDT
SECOND = "2026-11-01/001/dav/01/01.20.00-01.20.20[R][0@0][1].mp4"   # 01:20 PST, an hour later


@pytest.fixture
def card(agent, tmp_path):
    root = tmp_path / "card"
    for rel, start in ((FIRST, "2026-11-01T08:20:00Z"), (SECOND, "2026-11-01T09:20:00Z")):
        path = write_clip(ClipSpec(path=root / rel, start_us=t(start), seconds=20, fps=5,
                                   gop_s=1.0, creation_time=False))
        os.utime(path, (OLD, OLD))
    agent.add_source(root, camera="yard", tz=LA)
    agent.scan()
    return agent, root


def test_neither_recording_of_the_repeated_hour_is_exported_as_the_first_pass(card, tmp_path):
    # Both were placed at 01:20 PDT and one was cut into the clip, chosen by its file name:
    # half the time footage from 01:20 PST went out as 01:20 PDT, outside the approved window.
    agent, root = card
    rows = {Path(r.path).relative_to(root).as_posix(): r for r in agent.recordings()}
    assert {rows[FIRST].status, rows[SECOND].status} == {"ambiguous"}
    with pytest.raises(NotFound) as refused:
        agent.export("yard", t("2026-11-01T08:20:05Z"), t("2026-11-01T08:20:15Z"),
                     tmp_path / "out")
    said = str(refused.value)
    assert f"{FIRST} is ambiguous" in said and f"{SECOND} is ambiguous" in said
    assert "01:20:00 PDT or 01:20:00 PST" in said
    assert not any((tmp_path / "out").glob("*/data/*.mp4"))


def test_a_safe_copy_of_the_repeated_hour_keeps_both_passes(card):
    # Never exported, but a hold preserves first: both files may be the one asked for.
    agent, root = card
    hold = make_hold(agent.home, agent.store, "req-1", t("2026-11-01T08:20:05Z"),
                     t("2026-11-01T08:20:15Z"))
    kept = sorted(p.read_bytes() for p in hold.path.rglob("*.mp4"))
    assert kept == sorted((root / rel).read_bytes() for rel in (FIRST, SECOND))


def test_coverage_says_the_repeated_hour_is_marked_not_recorded(card):
    agent, _root = card
    cov = agent.coverage("yard", t("2026-11-01T08:20:00Z"), t("2026-11-01T08:20:20Z"))
    assert cov.covered_us == 0
    assert {m.status for m in cov.marks} == {"ambiguous"} and len(cov.marks) == 2


def clocks_back_recently() -> tuple[str, int]:
    """A POSIX zone (UTC+0, summer UTC+1) whose clocks went back about 20 hours ago, recent
    enough to be mirrored whenever the tests run, and that instant (UTC microseconds)."""
    back = (int(time.time()) // 3600 - 20) * 3600
    if datetime.fromtimestamp(back, timezone.utc).hour == 23:
        back -= 3600
    day = datetime.fromtimestamp(back, timezone.utc)
    summer_from = 1 if day.month > 2 else 8
    rule = f"M{day.month}.{(day.day - 1) // 7 + 1}.{(day.weekday() + 1) % 7}/{day.hour + 1}"
    return f"XST0XDT,M{summer_from}.1.0,{rule}", back * US


@contextlib.contextmanager
def yard_on_a_recorder(tmp_path: Path, vendor: str, posix: str, clips, quirks=()):
    """An agent with a `vendor` recorder on 127.0.0.1 in zone `posix` (Hikvision writing local
    time) whose channel Yard holds `clips`, (start, seconds, fps) each, added as camera yard;
    `quirks` are the simulated firmware's (nvrsim.behaviours.QUIRKS)."""
    root = tmp_path / "nvr"
    for start, seconds, fps in clips:
        write_clip(ClipSpec(path=root / channel_folder(1, "Yard") / clip_name(start, start + seconds * US),
                            start_us=start, seconds=seconds, fps=fps, gop_s=2.0))
    agent = Agent(tmp_path / "home")
    try:
        with Simulator(root, vendor, "admin", PASSWORD, tls=True, zone=posix,
                       hik_z_is_local=True, quirks=quirks) as sim:
            address = RecorderAddress(sim.url, vendor, "admin", agent.look_at_recorder(sim.url),
                                      None, z_is_local=vendor == "hikvision")
            agent.add_recorder(address, PASSWORD, cameras=("yard",))
            yield agent
    finally:
        agent.close()



def test_a_recorders_recording_of_the_repeated_hour_is_not_exported_either(
        tmp_path, monkeypatch):
    # A Hikvision NVR writing local time: its search gives both 01:20s at the same instant, and
    # the window downloaded for an export held both, cut as if they were one hour.
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    posix, back_us = clocks_back_recently()
    summer, winter = back_us - 40 * 60 * US, back_us + 20 * 60 * US   # the same wall time
    with yard_on_a_recorder(tmp_path, "hikvision", posix,
                            [(summer, 10, 10), (winter, 10, 10)]) as agent:
        assert [r.start_us for r in agent.recordings()] == [summer, summer]
        # Coverage says so before any export is tried: it counted both as recorded.
        assert [r.alt_start_us for r in agent.recordings()] == [winter, winter]
        cov = agent.coverage("yard", summer, summer + 10 * US)
        assert cov.covered_us == 0 and [m.status for m in cov.marks] == ["ambiguous"] * 2
        with pytest.raises(NotFound) as refused:
            agent.export("yard", summer + 2 * US, summer + 8 * US, tmp_path / "out")
    assert "is ambiguous (the recorder wrote its start in the repeated fall-back hour" in \
        str(refused.value)
    assert not any((tmp_path / "out").glob("*/data/*.mp4"))


@pytest.mark.parametrize("which", ["summer", "winter"])
def test_a_reolink_nvrs_download_by_times_of_the_repeated_hour_is_not_exported(
        which, tmp_path, monkeypatch):
    """A Reolink NVR says each recording's true start (PlaybackTime, UTC), but its download
    takes wall times only. Asked for 01:20 in winter time, the device cut the summer hour's
    01:20, and the export sealed that footage as the winter hour's, an hour off (the clip's
    first frame was captured 3,598 s before the window it claimed)."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    posix, back_us = clocks_back_recently()
    starts = {"summer": back_us - 40 * 60 * US, "winter": back_us + 20 * 60 * US}
    # the same wall time, one in each pass
    with yard_on_a_recorder(tmp_path, "reolink", posix,
                            [(start, 10, 10) for start in starts.values()]) as agent:
        assert sorted(r.start_us for r in agent.recordings()) == sorted(starts.values())
        start = starts[which]
        with pytest.raises(NotFound) as refused:
            agent.export("yard", start + 2 * US, start + 8 * US, tmp_path / "out")
    assert "which the repeated fall-back hour gives twice" in str(refused.value)
    assert not any((tmp_path / "out").glob("*/data/*.mp4"))


def test_a_part_of_a_recording_in_the_repeated_hour_is_fetched_as_the_hour_it_is(
        tmp_path, monkeypatch):
    """A Hikvision NVR writing local time, a recording from 5 minutes before the clocks went
    back to 5 minutes after. A part of its second 01:0x, asked for by wall times the device
    reads as the first, came back from before the recording: "no usable recording covers that
    window" (of a longer recording, the other hour's footage). The whole recording is fetched
    and cut, and the clip's first frame is the one captured at the window's start."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    posix, back_us = clocks_back_recently()
    with yard_on_a_recorder(tmp_path, "hikvision", posix, [(back_us - 300 * US, 600, 2)]) as agent:
        done = agent.export("yard", back_us + 60 * US, back_us + 70 * US, tmp_path / "out",
                            mode="exact")
    with av.open(str(done.clip)) as clip:
        first = next(clip.decode(video=0)).to_ndarray(format="gray")
    assert read_stamp(first) == back_us + 60 * US
    assert done.cut.frames == 10 * 2


def test_a_preview_of_a_part_only_the_whole_recording_can_give_is_not_downloaded(
        tmp_path, monkeypatch):
    """The recording of the test above, previewed: its part is named by wall times the device
    reads as the other hour, so only the whole recording (here 10 minutes, on an NVR an hour)
    would do, and a preview of a few seconds goes without rather than fetch it."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(credentials, "SCRYPT_N", 1 << 10)   # the password file's cost only
    posix, back_us = clocks_back_recently()
    with yard_on_a_recorder(tmp_path, "hikvision", posix, [(back_us - 120 * US, 240, 1)]) as agent:
        assert agent.usable_recordings("yard", back_us + 60 * US, back_us + 61 * US) == []
    previews = tmp_path / "home" / "cache" / "recorders" / "previews"
    assert not [p for p in previews.rglob("*") if p.is_file()]


@pytest.mark.parametrize("which", ["winter", "across"])   # summer: as winter, the other pass
def test_a_reolink_nvr_that_names_its_recordings_gives_the_repeated_hour_whole(
        which, tmp_path, monkeypatch):
    """Firmware 3.6.5 names each recording in its search: a part its wall times cannot name
    (the tests above: refused) is fetched whole by that name, placed by its exact PlaybackTime,
    and exported with the frame captured at the window's start first."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(credentials, "SCRYPT_N", 1 << 10)   # the password file's cost only
    posix, back_us = clocks_back_recently()
    starts = {"summer": back_us - 40 * 60 * US, "winter": back_us + 20 * 60 * US,
              "across": back_us - 10 * US}
    with yard_on_a_recorder(tmp_path, "reolink", posix, [(starts[which], 20, 5)],
                            quirks=("reolink-native-names",)) as agent:
        start = starts[which] + 2 * US
        done = agent.export("yard", start, start + 6 * US, tmp_path / "out", mode="exact")
    with av.open(str(done.clip)) as clip:
        first = next(clip.decode(video=0)).to_ndarray(format="gray")
    assert read_stamp(first) == start and done.cut.frames == 6 * 5


@pytest.mark.parametrize("vendor", ["hikvision", "reolink"])
def test_a_recorders_recording_across_the_change_ends_after_it_starts(vendor, tmp_path,
                                                                      monkeypatch):
    # 40 s from 00:59:40 summer time to 00:00:20 winter time: the device writes an end before
    # its start, which was read as 40 s before it (Reolink's exact PlaybackTime too): coverage
    # said nothing recorded and an export said no recording covers the window.
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    posix, back_us = clocks_back_recently()
    start, end = back_us - 20 * US, back_us + 20 * US
    with yard_on_a_recorder(tmp_path, vendor, posix, [(start, 40, 5)]) as agent:
        (row,) = agent.recordings()
        # Its end, read again by the clock after the change, says which start it was.
        assert (row.start_us, row.end_us, row.alt_start_us) == (start, end, None)
        assert agent.coverage("yard", start - 10 * US, end + 10 * US).covered_us == 40 * US
        if vendor == "reolink":
            # An NVR's download by wall times (00:59:50 to 00:00:10) cannot name it: it said
            # "no footage for that time any more", untrue.
            with pytest.raises(AgentError) as refused:
                agent.export("yard", start + 10 * US, end - 10 * US, tmp_path / "out")
            assert "its clock went back an hour inside this stretch" in str(refused.value)
            assert "no footage" not in str(refused.value)
            return
        # Its part asked by wall times (00:59:50 to 00:00:10) names no stretch: the whole
        # recording is fetched and cut.
        done = agent.export("yard", start + 10 * US, end - 10 * US, tmp_path / "out",
                            mode="exact")
    assert done.cut.frames == 20 * 5
    assert done.plan.start_us == start + 10 * US


@pytest.mark.parametrize("sqlite", [False, True])
def test_a_hikvision_card_recording_across_the_change_is_placed_and_exported(
        sqlite, agent, tmp_path):
    # index00.bin writes local start and end: 01:59:50 then 01:00:10, 20 s across the change,
    # and the next recording at 01:00:20 again. Both slots broke the index's ordering rules and
    # were skipped without a word: nothing of the card was indexed.
    from demo.hikvision_card import Recording, write_card

    root = tmp_path / "garage"
    start = t("2026-11-01T08:59:50Z")
    write_card(root, [Recording(start, 20, 0), Recording(start + 30 * US, 4, 0)], zone_name=LA,
               sqlite=sqlite)
    for p in root.rglob("*"):
        os.utime(p, (OLD, OLD))
    agent.add_source(root, camera="garage", tz=LA)
    agent.scan()
    # Whole seconds in the SQLite form; the slot after the change is the second 01:00:20.
    got = sorted((r.start_us, r.end_us, r.status) for r in agent.recordings())
    assert got == [(start, start + 20 * US, "ok"), (start + 30 * US, start + 34 * US, "ok")]
    done = agent.export("garage", start + 5 * US, start + 15 * US, tmp_path / "out", mode="exact")
    assert done.plan.coverage.covered_us == 10 * US
