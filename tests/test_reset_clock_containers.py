"""A camera whose clock was reset (a power cut: it starts again at 1970, 1980 or 2000) and
whose file names carry no time: its recordings are placed by the creation time its container
holds, which is its own clock, as a name of that clock is.

The probe believed only creation times from 2000 on ("earlier means an unset camera clock"),
so a camera reset to 1980 (or 1970, or 1999) had its recordings placed by their file dates
instead: on a card copied to the PC, the moment of the copy. They showed as recorded an hour
ago, a few seconds apart, looking right and being wrong, while the same camera reset to 2000
was placed at 2000 and the owner told its clock was wrong. A container's zero (1904, or the
Unix epoch itself, which some muxers write for "no time") is still no time.

Real footage written by PyAV, a real index and export.
"""
from __future__ import annotations

import os
import subprocess
import time

import pytest

from agent.index.probe import probe
from agent.timebase import US
from tests.conftest import t
from tests.ffmpeg_program import ffmpeg_exe
from tests.test_index import clip, first_stamp


def _copied_now(path, offset_s: float = 0.0) -> None:
    """The card copied to this PC: the file's date is the copy's, not the camera's."""
    now = time.time() - 3600 + offset_s
    os.utime(path, (now, now))


@pytest.mark.parametrize("reset", ["1970-01-01T00:05:00Z", "1980-01-01T00:05:00Z",
                                   "1999-12-31T23:05:00Z", "2000-01-01T00:05:00Z"])
def test_a_reset_cameras_recordings_are_placed_by_its_own_clock_and_set_right(
        tmp_path, agent, reset):
    folder = tmp_path / "porch"
    first = clip(folder, "DCIM/MOVI0001.mp4", reset, 4)
    second = clip(folder, "DCIM/MOVI0002.mp4", reset.replace(":05:", ":06:"), 4)
    _copied_now(first)
    _copied_now(second, 7)
    agent.add_source(folder, camera="porch", tz="UTC")
    agent.scan()
    rows = agent.recordings("porch")
    assert [(r.time_source, r.start_us) for r in rows] == [
        ("container", t(reset)), ("container", t(reset) + 60 * US)]
    (src,) = agent.sources()
    assert agent.newest_recording(src.id).start_us == t(reset) + 60 * US   # dated long ago
    # The owner says the first picture was taken at a real time: both move together.
    real = t("2026-12-06T10:00:00Z")
    agent.add_source(folder, camera="porch", clock_offset_s=(t(reset) - real) / US)
    agent.scan()
    rows = agent.recordings("porch")
    assert [r.start_us for r in rows] == [real, real + 60 * US]
    done = agent.export("porch", real + 61 * US, real + 63 * US, tmp_path / "out")
    assert first_stamp(done.clip) == t(reset) + 61 * US   # the second recording's frames


def test_other_containers_keep_a_reset_clocks_creation_time(tmp_path):
    """Matroska goes through PyAV's demuxer, not the MP4 box reader: held to the same rule."""
    path = clip(tmp_path, "clip.mkv", "1985-06-01T12:00:00Z", 2)
    assert probe(path).creation_us == t("1985-06-01T12:00:00Z")


@pytest.mark.parametrize("written", ["1970-01-01T00:00:00Z", None])
def test_a_containers_zero_is_still_no_time(tmp_path, written):
    """ffmpeg writes 0 (1904-01-01) in an MP4 when no creation time is given; some muxers
    write the Unix epoch itself. Neither is a clock reading."""
    path = tmp_path / "zero.mp4"
    extra = [] if written is None else ["-metadata", f"creation_time={written}"]
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc2=size=320x240:rate=5", "-t", "1", "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", *extra, str(path)],
                   check=True)
    assert probe(path).creation_us is None
    mkv = tmp_path / "zero.mkv"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(path),
                    "-c", "copy", *extra, str(mkv)], check=True)
    assert probe(mkv).creation_us is None


def test_an_index_made_before_is_placed_again_at_the_next_scan(tmp_path):
    """Rows an earlier version placed by the copy's date are looked at again once
    (schema.relooked), not left at the copy's time until the file changes."""
    import sqlite3

    from agent.service import Agent
    folder = tmp_path / "porch"
    _copied_now(clip(folder, "DCIM/MOVI0001.mp4", "1980-01-01T00:05:00Z", 4))
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz="UTC")
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        db.execute("UPDATE files SET start_us = 7, time_source = 'mtime'")
        db.execute("DELETE FROM relooked WHERE rule = 'reset-clock-creation'")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        (row,) = agent.recordings("porch")
        assert (row.time_source, row.start_us) == ("container", t("1980-01-01T00:05:00Z"))
    finally:
        agent.close()
