"""The index commands as cli.md promises them: names, JSON shapes and exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.cli import main
from demo.samples import ClipSpec, write_clip
from tests.conftest import t


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec") / "porch"   # the folder names the camera
    root.mkdir()
    for i, start in enumerate(("2026-11-20T14:00:00", "2026-11-20T14:00:10", "2026-11-20T14:00:30")):
        name = f"porch.{start.replace('-', '').replace(':', '').replace('T', '_')}.mp4"
        write_clip(ClipSpec(path=root / name, start_us=t(start + "-08:00"), seconds=10, fps=5))
    (root / "porch.20261120_150000.mp4").write_bytes(b"")
    for p in root.iterdir():  # finished long ago: not "in-progress"
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sources_add_list_remove(capsys, recordings, home):
    h = ["--home", str(home)]
    assert run(capsys, *h, "sources", "add", str(recordings), "--tz", "America/Los_Angeles",
               "--clock-offset", "2.5")[0] == 0
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert code == 0
    assert json.loads(out) == [{"path": str(recordings), "camera": recordings.name,
                                "tz": "America/Los_Angeles", "layout": "auto", "clock_offset_s": 2.5,
                                "cameras": [recordings.name], "recorder": None}]
    assert run(capsys, "sources", "remove", str(recordings), *h)[0] == 0
    code, _, err = run(capsys, *h, "sources", "remove", str(recordings))
    assert code == 3 and "not a registered" in err


def test_scan_recordings_and_coverage_json(capsys, recordings, home):
    h = ["--home", str(home)]
    code, out, _ = run(capsys, *h, "scan", str(recordings), "--tz", "America/Los_Angeles", "--json")
    assert code == 0 and json.loads(out)[0]["seen"] == 4
    code, out, err = run(capsys, *h, "recordings", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4
    first = rows[0]
    for key in ("path", "source", "camera", "start", "end", "layout", "status", "reason"):
        assert key in first
    ok = [r for r in rows if r["status"] == "ok"]
    assert ok[0]["start"] == "2026-11-20T22:00:00Z" and ok[0]["end"] == "2026-11-20T22:00:10Z"
    assert ok[0]["source"] == str(recordings) and Path(ok[0]["path"]).is_absolute()
    assert {r["status"] for r in rows} == {"ok", "empty"}
    code, out, _ = run(capsys, *h, "recordings", "--from", "2026-11-20T14:00:05-08:00",
                       "--to", "2026-11-20T14:00:12-08:00", "--json")
    assert [r["start"] for r in json.loads(out)] == ["2026-11-20T22:00:00Z", "2026-11-20T22:00:10Z"]
    code, out, _ = run(capsys, *h, "coverage", "--camera", "porch", "--from", "2026-11-20T22:00:05Z",
                       "--to", "2026-11-20T22:00:35Z", "--json")
    cov = json.loads(out)
    assert code == 0
    assert cov["spans"] == [{"start": "2026-11-20T22:00:05Z", "end": "2026-11-20T22:00:20Z"},
                            {"start": "2026-11-20T22:00:30Z", "end": "2026-11-20T22:00:35Z"}]
    assert cov["gaps"] == [{"start": "2026-11-20T22:00:20Z", "end": "2026-11-20T22:00:30Z"}]
    assert cov["covered_s"] == 20.0


@pytest.mark.parametrize("args, code, words", [
    (["coverage", "--camera", "porch", "--from", "yesterday", "--to", "2026-11-20T22:00:35Z"], 2, "is not a time"),
    (["coverage", "--camera", "porch", "--from", "2026-11-20T22:00:35Z", "--to", "2026-11-20T22:00:05Z"], 2, "before"),
    (["coverage", "--camera", "nobody", "--from", "2026-11-20T22:00:05Z", "--to", "2026-11-20T22:00:35Z"], 3, "no recordings"),
    (["coverage", "--camera", "porch", "--from", "2027-01-01T00:00:00Z", "--to", "2027-01-01T01:00:00Z"], 3, "nothing recorded"),
    # Without an offset, a time in the hour the camera's clock repeats is refused, naming
    # both readings (other times without one are read in its zone: test_local_time.py).
    (["recordings", "--camera", "porch", "--from", "2026-11-01T01:30:00"], 2,
     "2026-11-01 01:30:00 PDT (-07:00, 08:30:00Z) or 2026-11-01 01:30:00 PST (-08:00, 09:30:00Z)"),
    (["sources", "add", "/no/such/folder"], 1, "not a folder"),
    (["sources", "add", ".", "--tz", "Mars/Olympus"], 1, "unknown time zone"),
    (["sources", "add", ".", "--layout", "vhs-tape"], 1, "unknown layout"),
])
def test_errors_are_plain_with_contract_exit_codes(capsys, recordings, home, args, code, words):
    run(capsys, "--home", str(home), "scan", str(recordings), "--tz", "America/Los_Angeles")
    got, out, err = run(capsys, "--home", str(home), *args)
    assert got == code and words in err
    assert "Traceback" not in err


def test_scan_with_nothing_to_scan_is_a_usage_error(capsys, home):
    code, _, err = run(capsys, "--home", str(home), "scan")
    assert code == 2 and "sources add" in err


def test_the_installed_command_runs_and_home_env_works(recordings, tmp_path):
    env = {"FOOTAGE_AGENT_HOME": str(tmp_path / "h"), "PATH": "/usr/bin:/bin"}
    version = subprocess.run([sys.executable, "-m", "agent.cli", "--version"], capture_output=True,
                             text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("footage-agent ")
    res = subprocess.run([sys.executable, "-m", "agent.cli", "scan", str(recordings), "--json"],
                         capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)[0]["seen"] == 4  # stdout holds only the JSON
    assert (tmp_path / "h" / "index.db").exists()
    assert ((tmp_path / "h").stat().st_mode & 0o777) == 0o700
