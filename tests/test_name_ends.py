"""A recording's end as its name says it, checked against what the file holds and against the
night the clocks go back: coverage and the package must claim only seconds with frames, and
every second with frames."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from agent.service import NotFound
from agent.timebase import US
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

LA = "America/Los_Angeles"
OLD = 1_700_000_000   # an mtime that says nothing (the card was copied long ago)


def clip(root: Path, rel: str, start: str, seconds: float) -> Path:
    """Real footage whose only evidence of time is its name (no creation time, old mtime)."""
    path = write_clip(ClipSpec(path=root / rel, start_us=t(start), seconds=seconds, fps=5,
                               gop_s=1.0, creation_time=False))
    os.utime(path, (OLD, OLD))
    return path


def cut_short(path: Path) -> None:
    """The same recording, its moov lost (power cut): only the name tells its times."""
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"moov") - 4])
    os.utime(path, (OLD, OLD))


@pytest.fixture
def yard(agent, tmp_path):
    root = tmp_path / "card"
    root.mkdir()
    agent.add_source(root, camera="yard", tz=LA)
    return agent, root


def row(agent, root: Path, rel: str):
    return next(r for r in agent.recordings() if r.path == str(root / rel))


@pytest.mark.parametrize("rel", [
    "CH01_20261101_015950_010010.mp4",                              # generic DVR export
    "Mp4Record/2026-11-01/RecM01_DST20261101_015950_010010_6D28808_9A1B2C.mp4",  # Reolink
    "2026-11-01/001/dav/01/01.59.50-01.00.10[R][0@0][0].mp4",       # Dahua tree
    # Full dates, the end's before the start's: it was dropped as no end, so the start was
    # as ambiguous as a name without one (never exported).
    "garage_ch3_main_20261101015950_20261101010010.mp4",           # Dahua backup
    "2026-11-01 01-59-50 - 2026-11-01 01-00-10 (1-1).mp4",          # Hikvision extract
])
def test_a_recording_across_the_fall_back_ends_when_the_clock_read_its_end_again(yard, rel):
    # 20 s recorded from 01:59:50 PDT: the clock went back to 01:00 in it, so the recorder
    # named its end 01:00:10 (PST). Read as the next day's 01:00:10, it claimed 23 hours.
    agent, root = yard
    clip(root, rel, "2026-11-01T08:59:50Z", 20)
    agent.scan()
    r = row(agent, root, rel)
    assert (r.start_us, r.end_us) == (t("2026-11-01T01:59:50-07:00"), t("2026-11-01T01:00:10-08:00"))
    # The end read back before the start tells which 01:59:50 it began at.
    assert r.status == "ok" and r.alt_start_us is None


def test_a_damaged_recording_across_the_fall_back_marks_its_twenty_seconds_only(yard):
    agent, root = yard
    rel = "CH01_20261101_015950_010010.mp4"
    cut_short(clip(root, rel, "2026-11-01T08:59:50Z", 20))
    agent.scan()
    r = row(agent, root, rel)
    assert r.status == "damaged"
    assert r.end_us - r.start_us == 20 * US
    cov = agent.coverage("yard", t("2026-11-01T12:00:00Z"), t("2026-11-02T12:00:00Z"))
    assert cov.marks == ()   # the next day is not explained by a 20-second file


def test_a_name_promising_more_than_the_file_holds_claims_only_its_frames(yard, tmp_path):
    # Named 14:00:00-14:30:00, but the recorder stopped after 20 s (a power cut that still
    # closed the file, a firmware bug): the 29 min 40 s after it were never recorded.
    agent, root = yard
    rel = "CH01_20261120_140000_143000.mp4"
    clip(root, rel, "2026-11-20T22:00:00Z", 20)
    clip(root, "CH01_20261120_143000_143020.mp4", "2026-11-20T22:30:00Z", 20)
    agent.scan()
    r = row(agent, root, rel)
    assert (r.status, r.start_us, r.end_us) == ("ok", t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:20Z"))
    assert "14:30:00" in r.reason and "holds 20 s" in r.reason
    cov = agent.coverage("yard", t("2026-11-20T22:00:00Z"), t("2026-11-20T22:30:20Z"))
    assert cov.covered_us == 40 * US
    assert [(g.start_us, g.end_us) for g in cov.gaps] == [(t("2026-11-20T22:00:20Z"),
                                                          t("2026-11-20T22:30:00Z"))]
    # The package says the gap its clip has, instead of claiming the camera recorded it.
    done = agent.export("yard", t("2026-11-20T22:00:10Z"), t("2026-11-20T22:30:10Z"),
                        tmp_path / "out", mode="exact")
    facts = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert facts["gaps"] == [{"start": "2026-11-20T22:00:20Z", "end": "2026-11-20T22:30:00Z"}]
    # A window wholly in the stretch never recorded is refused as no recording, not as a cut
    # that found no keyframe.
    with pytest.raises(NotFound, match="no usable recording"):
        agent.export("yard", t("2026-11-20T22:10:00Z"), t("2026-11-20T22:11:00Z"),
                     tmp_path / "out")


def test_a_name_a_second_off_its_frames_keeps_the_recorders_end(yard):
    # Names count whole seconds; a file a frame or two short of its named end is normal.
    agent, root = yard
    rel = "CH01_20261120_140000_140010.mp4"
    clip(root, rel, "2026-11-20T22:00:00Z", 9.2)
    agent.scan()
    r = row(agent, root, rel)
    assert (r.end_us, r.reason) == (t("2026-11-20T22:00:10Z"), None)


def test_a_file_holding_more_than_its_name_says_is_covered_where_its_frames_are(yard, tmp_path):
    # Named 14:00:00-14:00:10 but holding 20 s: the clip held frames to 14:00:18 while the
    # package listed 14:00:10-14:00:18 as a gap when the camera recorded nothing.
    agent, root = yard
    rel = "CH01_20261120_140000_140010.mp4"
    clip(root, rel, "2026-11-20T22:00:00Z", 20)
    agent.scan()
    r = row(agent, root, rel)
    assert r.end_us == t("2026-11-20T22:00:20Z") and "holds 20 s" in r.reason
    done = agent.export("yard", t("2026-11-20T22:00:05Z"), t("2026-11-20T22:00:18Z"),
                        tmp_path / "out", mode="exact")
    facts = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert facts["gaps"] == [] and facts["delivered"]["frames"] == 13 * 5


def test_an_index_placed_by_the_rules_before_these_is_placed_again_by_the_next_scan(
        home, tmp_path):
    # Rows placed by an older version stayed as they were: a rescan skips a file whose size
    # and date have not changed, so the 23-hour recording kept claiming the day after.
    import sqlite3
    from contextlib import closing

    from agent.service import Agent

    root = tmp_path / "card"
    rel = "CH01_20261101_015950_010010.mp4"
    clip(root, rel, "2026-11-01T08:59:50Z", 20)
    first = Agent(home)
    first.add_source(root, camera="yard", tz=LA)
    first.scan()
    first.close()
    with closing(sqlite3.connect(home / "index.db")) as db, db:   # as version 2 left it
        db.execute("UPDATE files SET end_us = end_us + 23 * 3600 * 1000000, status = 'ambiguous'")
        db.execute("PRAGMA user_version = 2")
    again = Agent(home)
    try:
        (report,) = again.scan()
        (r,) = again.recordings()
        assert (r.end_us - r.start_us, r.status, report.updated) == (20 * US, "ok", 1)
    finally:
        again.close()


def test_an_index_that_kept_a_full_end_across_the_fall_back_as_ambiguous_places_it_again(
        home, tmp_path):
    """Indexed before a full end written before the start was read (`ambiguous`, its end
    dropped): a rescan skipped the file, unchanged, and it stayed never exported."""
    import sqlite3
    from contextlib import closing

    from agent.service import Agent

    root = tmp_path / "card"
    rel = "garage_ch3_main_20261101015950_20261101010010.mp4"
    clip(root, rel, "2026-11-01T08:59:50Z", 20)
    first = Agent(home)
    first.add_source(root, camera="yard", tz=LA)
    first.scan()
    first.close()
    with closing(sqlite3.connect(home / "index.db")) as db, db:   # as the version before left it
        db.execute("UPDATE files SET status = 'ambiguous', alt_start_us = start_us + 3600000000")
        db.execute("DELETE FROM relooked WHERE rule = 'full-end-across-fall-back'")
    again = Agent(home)
    try:
        again.scan()
        (r,) = again.recordings()
        assert (r.status, r.alt_start_us) == ("ok", None)
    finally:
        again.close()
