"""A recording's end as its name says it, checked against what the file holds and against the
night the clocks go back: coverage and the package must claim only seconds with frames."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

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
