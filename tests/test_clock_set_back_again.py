"""A camera reset again by a power cut after its owner set its clock difference once.

Its clock read 2000-01-01 00:05 on 1 June (10:05 UTC), and the owner set the folder's clock
difference from that. On 1 August it lost power again and started again at 2000-01-01: its
next recordings got the times of June's. The folder keeps one clock difference, so August's
recordings were placed in June, on top of June's, with nothing said: an export of June's
minutes could cut August's footage into the clip as June's. Which clock is which no file
tells; the scan now says so, naming the camera, each time it scans the whole folder.

Real footage written by PyAV, the real command.
"""
from __future__ import annotations

import json

from agent.cli import main
from agent.index.clock_repeats import OVERLAP_US, repeated_times
from agent.index.rows import FileRow
from agent.timebase import US, format_utc
from tests.conftest import t
from tests.test_index import clip

JUNE = t("2026-06-01T10:00:00Z")    # the camera's 2000-01-01 00:00:00 the first time


def test_recordings_after_a_second_reset_are_said_to_share_the_first_ones_times(
        tmp_path, capsys):
    rec = tmp_path / "porch"
    y2k = t("2000-01-01T00:00:00Z")
    for minute in (5, 6, 7):   # June: 00:05, 00:06, 00:07 by the camera's clock
        clip(rec, f"Porch.20000101_00{minute:02d}00.mp4", format_utc(y2k + minute * 60 * US), 60)
    # August, after the second reset: 00:05:15 by its clock again (another file name).
    clip(rec, "Porch.20000101_000515.mp4", format_utc(y2k + 315 * US), 60)
    home = tmp_path / "home"
    offset = (y2k - JUNE) / US   # set from June's recordings
    assert main(["--home", str(home), "sources", "add", str(rec), "--camera", "porch",
                 "--tz", "UTC", "--clock-offset", str(offset)]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "scan", "--json"]) == 0
    captured = capsys.readouterr()
    (report,) = json.loads(captured.out)
    (note,) = report["notes"]
    assert note.startswith("1 recording of porch (the first at 2026-06-01 10:05:15 UTC) "
                           "overlaps others")
    assert "the camera's clock was set back between them" in note and note in captured.err
    # Every scan of the whole folder says it again, changed or not.
    assert main(["--home", str(home), "scan"]) == 0
    assert "the camera's clock was set back" in capsys.readouterr().err


def _row(start_s: int, seconds: int, size: int = 100, stream: str | None = None,
         time_source: str = "name") -> FileRow:
    return FileRow(1, f"/r/{start_s}-{size}-{stream}.mp4", "porch", start_s * US,
                   (start_s + seconds) * US, size, 0, "blue-iris", "ok", None, stream,
                   time_source=time_source)


def test_what_is_not_a_clock_set_back():
    # Segments that abut, or event clips whose pre-recording overlaps the last by seconds.
    assert repeated_times([_row(0, 60), _row(60, 60), _row(118, 60),
                           _row(178 - OVERLAP_US // US + 1, 60)]) == []
    # A copy of one file (same size and times), and a sub stream beside the main one.
    assert repeated_times([_row(0, 60), _row(0, 60), _row(0, 60, 7, "sub")]) == []
    # A row placed by its file date, whose clock is not the camera's; an export copied
    # beside the recordings, placed by its container.
    assert repeated_times([_row(0, 60), _row(10, 60, time_source="mtime")]) == []
    assert repeated_times([_row(0, 60), _row(10, 60, time_source="container")]) == []
    # A re-recorded stretch is, even wholly inside a longer recording.
    (found,) = repeated_times([_row(0, 600), _row(100, 60, 5)])
    assert (found.camera, found.count, found.first_us) == ("porch", 1, 100 * US)
