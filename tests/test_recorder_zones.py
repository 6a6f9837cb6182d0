"""A recorder's zone rules as the device reports them: POSIX TZ texts and Reolink's DST fields
agree with the IANA database instant by instant; repeated and skipped hours are marked; and
end to end, recordings written in a repeated hour come back marked (Dahua, and Hikvision
firmware that writes local time) or exact (Reolink's UTC PlaybackTime)."""
from __future__ import annotations

import random
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from agent.owner_recorders import clock_words
from agent.recorders.model import BadAnswer
from agent.recorders.zones import (IanaZone, named_once, posix_zone, reolink_zone, repeated,
                                  steady, wall_span)
from agent.timebase import US, parse_rfc3339
from nvrsim.posixtz import PosixZone
from nvrsim.server import Simulator
from tests.recorder_support import PASSWORD, POSIX_LA, connect, first_channel, footage, many_clips

__all__ = ["footage"]
CASES = [("PST8PDT,M3.2.0,M11.1.0", "America/Los_Angeles"),
         ("CET-1CEST,M3.5.0,M10.5.0/3", "Europe/Berlin"),
         ("AEST-10AEDT,M10.1.0,M4.1.0/3", "Australia/Sydney"),
         ("<+0530>-5:30", "Asia/Kolkata"),
         ("NZST-12NZDT,M9.5.0,M4.1.0/3", "Pacific/Auckland")]


@pytest.mark.parametrize("posix,iana", CASES)
def test_posix_rules_agree_with_the_iana_database_both_ways(posix, iana):
    rules, tz, rng = posix_zone(posix), ZoneInfo(iana), random.Random(7)
    for _ in range(3000):
        us = rng.randrange(1_767_225_600, 1_767_225_600 + 3 * 365 * 86400) * US
        wall = datetime.fromtimestamp(us / US, timezone.utc).astimezone(tz).replace(tzinfo=None)
        assert rules.wall_at(us) == wall
        reading = rules.resolve(wall)
        assert us in reading.readings and reading.readings == IanaZone(iana).resolve(wall).readings


def test_repeated_and_skipped_hours_are_marked():
    la = posix_zone(POSIX_LA)
    fold = la.resolve(datetime(2026, 11, 1, 1, 30))
    assert fold.ambiguous and fold.readings == (parse_rfc3339("2026-11-01T08:30:00Z"),
                                               parse_rfc3339("2026-11-01T09:30:00Z"))
    gap = la.resolve(datetime(2026, 3, 8, 2, 30))
    assert gap.nonexistent and gap.earliest == parse_rfc3339("2026-03-08T10:30:00Z")


def test_a_stretch_asked_by_wall_times_in_the_repeated_hour_is_named_twice():
    """01:20 to 01:30 winter time on the fall-back night: its wall times run straight, yet a
    device reads them as summer time's too. A search for it must reach both readings of each
    end; a download of it by wall times names it ambiguously."""
    la = posix_zone(POSIX_LA)
    winter = parse_rfc3339("2026-11-01T09:20:00Z")   # 01:20 PST
    assert steady(la, winter, winter + 600 * US)
    assert repeated(la, winter) and not named_once(la, winter, winter + 600 * US)
    first, last = wall_span(la, winter, winter + 600 * US)
    assert (first, last) == (datetime(2026, 11, 1, 0, 20), datetime(2026, 11, 1, 2, 30))
    evening = parse_rfc3339("2026-11-01T04:00:00Z")  # 21:00 PDT the night before
    assert named_once(la, evening, evening + 600 * US)
    assert wall_span(la, evening, evening + 600 * US) == (datetime(2026, 10, 31, 21, 0),
                                                         datetime(2026, 10, 31, 21, 10))


def test_reolinks_dst_fields_with_the_posix_sign_read_as_the_zone_they_describe():
    time_value = {"timeZone": 28800}  # POSIX sign: eight hours *west*
    dst = {"enable": 1, "offset": 1, "startMon": 3, "startWeek": 2, "startWeekday": 0,
           "startHour": 2, "startMin": 0, "startSec": 0, "endMon": 11, "endWeek": 1,
           "endWeekday": 0, "endHour": 2, "endMin": 0, "endSec": 0}
    rules, la = reolink_zone(time_value, dst), posix_zone(POSIX_LA)
    for text in ("2026-01-15T12:00:00Z", "2026-07-04T12:00:00Z", "2026-11-01T09:30:00Z"):
        assert rules.wall_at(parse_rfc3339(text)) == la.wall_at(parse_rfc3339(text))
    assert reolink_zone({"timeZone": -3600}, {"enable": 0}).std_east_s == 3600
    with pytest.raises(BadAnswer):
        reolink_zone({"timeZone": "x"}, {})
    with pytest.raises(BadAnswer):
        posix_zone("not a zone")


def test_the_simulator_speaks_the_same_rules_it_is_given():
    for posix, iana in CASES:
        sim_zone = PosixZone.parse(posix)
        assert posix_zone(sim_zone.text()).std_east_s == sim_zone.std_east_s


@pytest.mark.parametrize("vendor,kw", [("dahua", {"zone": "America/Los_Angeles"}),
                                       ("hikvision", {"z_is_local": True}),
                                       ("reolink", {})])
def test_recordings_in_the_repeated_hour_come_back_marked_or_exact(vendor, kw, footage, tmp_path):
    source = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    first = parse_rfc3339("2026-11-01T08:20:00Z")  # 01:20 PDT; the last one 01:40 PST
    root = many_clips(tmp_path / "nvr", source, 1, first, 5, 1200)
    with Simulator(root, vendor, "admin", PASSWORD, zone=POSIX_LA,
                   hik_z_is_local=vendor == "hikvision") as sim:
        rec = connect(sim, vendor, **kw)
        try:
            found = list(rec.search(first_channel(vendor), first - 3600 * US, first + 3 * 3600 * US))
        finally:
            rec.close()
    assert len(found) == 5
    texts = [r.start.text.rstrip("Z")[-8:] for r in found]
    assert texts[0].startswith("01:20") and texts[3].startswith("01:20")  # the same wall time twice
    if vendor == "reolink":  # PlaybackTime is UTC: every instant exact
        assert [r.start_us for r in found] == [first + i * 1200 * US for i in range(5)]
    else:  # wall times only: the repeated hour is marked, the earlier reading used
        # Every one starts in 01:00-02:00 local; the one across the change (01:40 to 01:00)
        # says by its end which 01:40 it began at, and ends 20 minutes later.
        assert [r.start.ambiguous for r in found] == [True, False, True, True, True]
        assert found[0].start_us == found[3].start_us == first
        assert (found[1].start_us, found[1].end_us) == (first + 1200 * US, first + 2400 * US)


@pytest.mark.parametrize("offset_s,said", [
    (1.4, "agrees with this computer's"), (-2.0, "agrees with this computer's"),
    (2.6, "is 3 s ahead of"), (-95.0, "is 1 min 35 s behind"),
    # read over the network an offset is good to a second or two: past an hour, to the minute
    (3 * 3600 + 0.6, "is 3 h ahead of"), (3 * 3600 - 3.0, "is 3 h ahead of"),
    (-(2 * 3600 + 29 * 60 + 31), "is 2 h 30 min behind"), (86400 + 45, "is 24 h 1 min ahead")])
def test_a_recorder_clock_is_told_as_precisely_as_it_was_read(offset_s, said):
    assert f"the recorder's clock {said}" in clock_words(offset_s)


@pytest.mark.parametrize("text, summer, east_s", [
    # qb60/hikvision-downloader#5: a Central European device
    ("CST-1:00:00DST01:00:00,M3.5.0/02:00:00,M10.5.0/03:00:00", "2026-07-01T12:00:00Z", 7200),
    # public field notes of a New York NVR
    ("CST+5:00:00DST01:00:00,M3.2.0/02:00:00,M11.1.0/02:00:00", "2026-09-09T11:24:30Z", -14400),
    # POSIX's own form still means the offset of summer time
    ("CET-1CEST-2,M3.5.0,M10.5.0/3", "2026-07-01T12:00:00Z", 7200),
    ("EST5EDT4,M3.2.0,M11.1.0", "2026-09-09T11:24:30Z", -14400),
])
def test_a_hikvisions_own_zone_form_moves_its_clock_by_the_amount_after_dst(text, summer, east_s):
    """Recorders hunt: Hikvision writes `DST01:00:00` for how far summer time moves the clock,
    not for summer time's POSIX offset, which read so put a Central European device at UTC-1
    in summer (3 hours off) and a New York one at UTC-1 (3 hours off the other way): where
    `Z` means local time (`--hik-z-local`) its recordings were placed hours off."""
    assert posix_zone(text).offset_at(parse_rfc3339(summer) / US) == east_s
