"""Progress on the command line: a live bar on a terminal (tqdm), plain lines when the output
is not one, one JSON object per update with --progress json; frames or bytes, rate, time left."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agent.cli import main
from agent.commands.progress import Display, chosen_mode, json_update, plain_line
from demo.samples import ClipSpec, write_clip
from tests.conftest import t


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_is_a_bar_on_a_terminal_and_plain_lines_elsewhere():
    assert chosen_mode("auto", Terminal()) == "bar"
    assert chosen_mode("auto", io.StringIO()) == "plain"
    assert chosen_mode("json", Terminal()) == "json"


def test_plain_lines_say_frames_rate_and_time_left_once_per_stage_or_every_few_seconds():
    out, clock = io.StringIO(), Clock()
    shown = Display("plain", "frame", 3000, out, clock)
    for step in range(1, 11):
        clock.now += 1.0
        shown.fraction("cutting", step * 0.045)   # 135 frames a second
    clock.now += 1.0
    shown.fraction("checking", 0.92)
    shown.fraction("done", 0.85)   # a part of the job ended: not shown
    shown.fraction("done", 1.0)    # the job ended: shown
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("cutting: 4% (135 of 3000 frames")
    assert lines[1] == "cutting: 27% (810 of 3000 frames, 135 frames/s, about 16 s left)"
    assert lines[2].startswith("checking: 92% (2760 of 3000 frames")
    assert lines[3].startswith("done: 100% (3000 of 3000 frames")
    assert len(lines) == 4   # each stage's first report, and every 5 s within one


def test_json_updates_are_one_object_a_line_with_fraction_rate_and_time_left():
    out, clock = io.StringIO(), Clock()
    shown = Display("json", "B", None, out, clock)
    clock.now += 2.0
    shown.update("uploading", 4_000_000, 10_000_000, rate=2_000_000.0, eta_s=3.0)
    clock.now += 3.0
    shown.update("uploading", 10_000_000, 10_000_000, rate=2_000_000.0, eta_s=0.0)
    first, last = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == {"stage": "uploading", "fraction": 0.4, "done": 4_000_000,
                     "total": 10_000_000, "unit": "byte", "rate": 2_000_000.0, "eta_s": 3.0}
    assert last["fraction"] == 1.0 and last["eta_s"] == 0.0


def test_the_terminal_bar_is_drawn_by_tqdm_with_counts_rate_and_time_left():
    out = Terminal()
    shown = Display("auto", "frame", 300, out)
    shown.fraction("cutting", 0.5)
    shown.fraction("sealing", 1.0)
    shown.close()
    text = out.getvalue()
    assert "cutting" in text and "sealing" in text and "300/300 frames" in text
    assert "\r" in text and "%|" in text


def test_formats():
    assert plain_line("uploading", 12_900_000, 28_600_000, "B", 2_700_000.0, 6.0) == \
        "uploading: 45% (12.9 MB of 28.6 MB, 2.7 MB/s, about 6 s left)"
    assert plain_line("sealing", 0, None, "frame", None, None) == "sealing"
    assert json_update("cutting", 1, 4, "frame", None, None)["fraction"] == 0.25


@pytest.fixture
def porch(tmp_path: Path) -> Path:
    rec = tmp_path / "porch"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=8, fps=10, gop_s=1.0))
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(rec), "--tz", "UTC"]) == 0
    return home


def test_export_with_progress_json_reports_rising_frames_on_stderr(porch, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:07Z", "--mode", "exact",
                 "--out", str(tmp_path), "--json", "--progress", "json"]) == 0
    cap = capsys.readouterr()
    assert json.loads(cap.out)["mode"] == "exact"   # stdout: the answer alone
    updates = [json.loads(line) for line in cap.err.splitlines() if line.startswith("{")]
    assert updates and all(u["unit"] == "frame" and u["total"] == 60 for u in updates)
    fractions = [u["fraction"] for u in updates]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {"cutting", "sealing"} <= {u["stage"] for u in updates}


def test_export_with_json_alone_shows_no_progress(porch, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:07Z", "--out",
                 str(tmp_path), "--json"]) == 0
    assert "cutting" not in capsys.readouterr().err
