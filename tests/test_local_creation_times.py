"""Cameras that write their local wall time as the MP4 creation time, which the format says
is UTC (many do: the camera knows no zone, only its clock). A recording whose name carries no
time is placed by that creation time; read as UTC, it was a zone's offset off: 8 hours early
in Los Angeles in winter, silently, with "start from the container's creation time".

The file's own date (the moment the camera closed it) tells the two apart: it agrees with the
start plus the footage's length either as UTC or as the camera's wall clock. Only where it
agrees with the wall clock is the creation time read in the folder's zone, and the row says so.

Real footage written by PyAV and remuxed by ffmpeg with the camera's creation time; a real
index and export.
"""
from __future__ import annotations

import os
import subprocess

import pytest

from agent.index.placement import place
from agent.index.probe import ContainerFacts
from agent.timebase import US
from tests.conftest import t
from tests.ffmpeg_program import ffmpeg_exe
from tests.test_index import LA, clip, first_stamp

LOCAL = "the container's creation time is the camera's wall clock, not UTC as the format says (its file date agrees): read in the folder's zone"


def _recording(folder, name: str, true_start: str, written: str, seconds: int = 6,
               closed: str | None = None):
    """A camera's recording of `seconds` from `true_start`, its container's creation time
    `written`, its file date the moment it was closed (`closed`, else its true end)."""
    raw = clip(folder, "raw-" + name, true_start, seconds, creation_time=False)
    path = folder / name
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(raw),
                    "-c", "copy", "-metadata", f"creation_time={written}", str(path)],
                   check=True)
    raw.unlink()
    end_ns = (t(closed) if closed else t(true_start) + seconds * US) * 1000
    os.utime(path, ns=(end_ns, end_ns))
    return path


def test_a_local_creation_time_is_read_in_the_cameras_zone(tmp_path, agent):
    """14:00:00 PST is 22:00:00Z; the camera wrote 14:00:00 as the creation time."""
    folder = tmp_path / "porch"
    _recording(folder, "MOVI0001.mp4", "2026-11-20T22:00:00Z", "2026-11-20T14:00:00Z")
    agent.add_source(folder, camera="porch", tz=LA)
    agent.scan()
    (row,) = agent.recordings("porch")
    assert (row.time_source, row.start_us, row.end_us) == (
        "container", t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:06Z"))
    assert LOCAL in row.reason
    done = agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:04Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-11-20T22:00:02Z")


def test_a_utc_creation_time_stays_as_written(tmp_path, agent):
    folder = tmp_path / "porch"
    _recording(folder, "MOVI0001.mp4", "2026-11-20T22:00:00Z", "2026-11-20T22:00:00Z")
    agent.add_source(folder, camera="porch", tz=LA)
    agent.scan()
    (row,) = agent.recordings("porch")
    assert (row.start_us, row.time_source) == (t("2026-11-20T22:00:00Z"), "container")
    assert LOCAL not in (row.reason or "")


def test_a_copys_date_says_nothing_and_the_creation_time_stands(tmp_path, agent):
    """A card copied days later: its date agrees with neither reading."""
    folder = tmp_path / "porch"
    _recording(folder, "MOVI0001.mp4", "2026-11-20T22:00:00Z", "2026-11-20T14:00:00Z",
               closed="2026-11-23T09:13:00Z")
    agent.add_source(folder, camera="porch", tz=LA)
    agent.scan()
    (row,) = agent.recordings("porch")
    assert row.start_us == t("2026-11-20T14:00:00Z") and LOCAL not in (row.reason or "")


SIX_S = ContainerFacts(status="ok", reason=None, container="mp4", duration_us=6 * US,
                       creation_us=None, codec="h264", width=320, height=240, fps=5.0,
                       frames=30)


@pytest.mark.parametrize("zone, wall, true", [
    ("Asia/Kolkata", "2026-11-20T14:00:00Z", "2026-11-20T08:30:00Z"),        # +5:30
    ("Asia/Kathmandu", "2026-11-20T14:00:00Z", "2026-11-20T08:15:00Z"),      # +5:45
    ("America/St_Johns", "2026-07-20T14:00:00Z", "2026-07-20T16:30:00Z"),    # -2:30 in summer
    ("Australia/Lord_Howe", "2026-11-20T14:00:00Z", "2026-11-20T03:00:00Z"),  # +11 in summer
])
def test_half_and_three_quarter_hour_zones_alike(zone, wall, true):
    from dataclasses import replace
    facts = replace(SIX_S, creation_us=t(wall))
    placed = place(None, facts, zone, 0.0, (t(true) + 6 * US) * 1000)
    assert placed.start_us == t(true) and LOCAL in placed.notes


def test_an_index_made_before_is_placed_again_at_the_next_scan(tmp_path):
    import sqlite3

    from agent.service import Agent
    folder = tmp_path / "porch"
    _recording(folder, "MOVI0001.mp4", "2026-11-20T22:00:00Z", "2026-11-20T14:00:00Z")
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz=LA)
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        db.execute("UPDATE files SET start_us = 7")
        db.execute("DELETE FROM relooked WHERE rule = 'local-creation-time'")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        (row,) = agent.recordings("porch")
        assert row.start_us == t("2026-11-20T22:00:00Z")
    finally:
        agent.close()


# London's clocks go back at 02:00 BST on 2026-10-25: 01:30 happens at 00:30Z and at 01:30Z.
LONDON = "Europe/London"
COPIED = "2026-11-02T09:00:00Z"   # a copy's date: says nothing of either pass


@pytest.mark.parametrize("written, closed, placed, status", [
    # The camera's wall clock as the creation time, first pass: it matched the GMT reading
    # (the wall time itself) and was placed an hour late, `ok`, exportable.
    ("2026-10-25T01:30:00Z", COPIED, "2026-10-25T00:30:00Z", "ambiguous"),
    # ... its file date tells which pass.
    ("2026-10-25T01:30:00Z", "2026-10-25T00:30:06Z", "2026-10-25T00:30:00Z", "ok"),
    # A camera writing UTC, as the format says, in the first pass: told by the creation time.
    ("2026-10-25T00:30:00Z", COPIED, "2026-10-25T00:30:00Z", "ok"),
])
def test_a_wall_clock_creation_time_tells_no_pass_where_winter_is_utc(
        tmp_path, agent, written, closed, placed, status):
    folder = tmp_path / "yard"
    _recording(folder, "Yard.20261025_013000.mp4", "2026-10-25T00:30:00Z", written,
               closed=closed)
    agent.add_source(folder, camera="yard", tz=LONDON)
    agent.scan()
    (row,) = agent.recordings("yard")
    assert (row.time_source, row.start_us, row.status) == ("name", t(placed), status)
    if status == "ambiguous":
        assert "01:30:00 BST or 01:30:00 GMT" in row.reason


def test_a_pass_chosen_before_by_a_wall_clock_creation_time_is_looked_at_again(tmp_path):
    import sqlite3

    from agent.service import Agent
    folder = tmp_path / "yard"
    _recording(folder, "Yard.20261025_013000.mp4", "2026-10-25T00:30:00Z",
               "2026-10-25T01:30:00Z", closed=COPIED)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="yard", tz=LONDON)
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        db.execute("UPDATE files SET start_us = ?, status = 'ok', alt_start_us = NULL",
                   (t("2026-10-25T01:30:00Z"),))
        db.execute("DELETE FROM relooked WHERE rule = 'wall-clock-creation-fall-back'")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        (row,) = agent.recordings("yard")
        assert (row.status, row.start_us) == ("ambiguous", t("2026-10-25T00:30:00Z"))
    finally:
        agent.close()
