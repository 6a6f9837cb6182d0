"""A camera whose clock ignores summer time (winter time all year, as many cheap cameras and
DVRs keep) was given its place's zone, and nothing said otherwise: its recordings were placed
an hour off for half the year. Where the owner sets the zone (Set up, step 1) the app now names
the fixed zone to choose instead, whose name the zone database writes with the sign reversed
(Etc/GMT+8 is UTC-8); `sources add --help` says so too."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gui.views.times import US, fixed_zone  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import ZONE  # noqa: E402
from tests.test_gui_first_hour import fresh  # noqa: E402,F401
from tests.test_index import clip  # noqa: E402

NOW = int(time.time() * US)


def test_the_fixed_zone_named_places_a_summer_recording_of_such_a_camera_at_its_time(
        agent, tmp_path):
    """14:00 on a clock on Los Angeles' winter time (UTC-8) all year is 22:00Z in July, not
    21:00Z as Los Angeles' own zone reads it."""
    fixed = fixed_zone(ZONE, NOW)
    clip(tmp_path / "dvr", "Porch.20260720_140000.mp4", "2026-07-20T22:00:00Z", 2,
         creation_time=False)
    agent.add_source(tmp_path / "dvr", camera="porch", tz=fixed)
    agent.scan()
    (row,) = agent.recordings("porch")
    assert row.start_us == t("2026-07-20T22:00:00Z")


@pytest.mark.parametrize("zone_name, winter, offset_h", [
    ("America/Los_Angeles", "2026-01-15", -8), ("Australia/Sydney", "2026-07-15", 10),
    ("Europe/London", "2026-01-15", 0), ("America/Santiago", "2026-07-15", -4)])
def test_a_zone_with_summer_time_names_the_fixed_zone_of_its_winter_time(
        zone_name, winter, offset_h):
    fixed = fixed_zone(zone_name, NOW)
    at = datetime.fromisoformat(f"{winter}T12:00:00+00:00")
    assert at.astimezone(ZoneInfo(fixed)).utcoffset() == timedelta(hours=offset_h) == \
        at.astimezone(ZoneInfo(zone_name)).utcoffset()   # its winter time, kept all year


@pytest.mark.parametrize("zone_name", ["Asia/Tokyo", "UTC", "Australia/Lord_Howe",
                                       "America/St_Johns", "not/a zone", ""])
def test_no_fixed_zone_where_none_is_needed_or_named(zone_name):
    """No summer time; or a winter time no whole hour from UTC (no fixed zone has a name)."""
    assert fixed_zone(zone_name, NOW) is None


def test_set_up_names_the_fixed_zone_under_the_zone_chosen(qtbot, fresh):
    step = fresh.first_run.folder
    step.tz.setCurrentText(ZONE)
    assert not step.zone_hint.isHidden()
    assert "Etc/GMT+8" in step.zone_hint.text() and "UTC-8" in step.zone_hint.text()
    step.tz.setCurrentText("Asia/Tokyo")   # no summer time: nothing to say
    assert step.zone_hint.isHidden()
    step.tz.setCurrentText("Europe/Paris")
    assert "Etc/GMT-1" in step.zone_hint.text() and "UTC+1" in step.zone_hint.text()
