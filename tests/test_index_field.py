"""Recordings as owners' cards really hold them: freshly copied files, names that bend the
documented shapes, times from weaker evidence said as such, vendor formats we cannot read."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from agent.cli import main
from agent.index.probe import probe
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

LA = "America/Los_Angeles"


def clip(root: Path, rel: str, start: str, seconds: float = 4.0, **kw) -> Path:
    return write_clip(ClipSpec(path=root / rel, start_us=t(start), seconds=seconds, fps=5,
                               gop_s=1.0, **kw))


@pytest.fixture(scope="module")
def card(tmp_path_factory) -> Path:
    """An SD card as the recorder left it (closed long ago)."""
    root = tmp_path_factory.mktemp("card") / "porch"
    clip(root, "Mp4Record/2026-11-20/RecM0A_20261120_140000_140004_6D28808_9A1B2C.mp4",
         "2026-11-20T22:00:00Z")
    clip(root, "Mp4Record/2026-11-20/RecS13_20261120_140000_140004_6D28808_9A1B2C.mp4",
         "2026-11-20T22:00:00Z")
    clip(root, "export/CH01_20261120_140010_140014.mkv", "2026-11-20T22:00:10Z")
    clip(root, "export/CH01_20261120_140020_140024.avi", "2026-11-20T22:00:20Z")
    clip(root, "export/CH01_20261120_140030_140034.ts", "2026-11-20T22:00:30Z")
    # The end field is no real time (minute 60): the start still comes from the name.
    clip(root, "Mp4Record/2026-11-20/RecM01_20261120_140040_146044_6D28808_9A1B2C.mp4",
         "2026-11-20T22:00:40Z")
    # Second 60: the recorder's way of writing the next minute.
    clip(root, "2026-11-20/001/dav/14/14.00.50-14.00.60[R][0@0][0].mp4", "2026-11-20T22:00:50Z", 10)
    # A name no recorder writes: placed by its container's creation time, or else by its mtime.
    clip(root, "clips/unknown-a.mp4", "2026-11-20T22:01:00Z")
    late = clip(root, "clips/unknown-b.mp4", "2026-11-20T22:01:10Z", creation_time=False)
    # Files still open when the card was pulled: an MP4 without its index, a growing TS.
    whole = clip(root, "tmp.mp4", "2026-11-20T22:01:20Z")
    data = whole.read_bytes()
    (root / "Mp4Record/2026-11-20/RecM01_20261120_140120_140124_6D28808_9A1B2C.mp4").write_bytes(
        data[:data.index(b"moov") - 4])
    whole.unlink()
    # Vendors' own formats: listed with the time their names give, never skipped.
    (root / "ubv").mkdir()
    (root / "ubv/FCECDA1F0A2B_0_rotating_1795212000000.ubv").write_bytes(b"\x00UBV" * 4096)
    (root / "Porch.20261120_140200.bvr").write_bytes(b"BVR\x00" * 4096)
    for p in root.rglob("*"):
        if p.is_file():
            os.utime(p, (1_700_000_000, 1_700_000_000))
    closed_ns = t("2026-11-20T22:01:14Z") * 1000   # unknown-b closed at 22:01:14: its mtime says so
    os.utime(late, ns=(closed_ns, closed_ns))
    return root


def scan(tmp_path: Path, root: Path, capsys) -> dict[str, dict]:
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(root), "--tz", LA]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "recordings", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return {os.path.relpath(r["path"], root): r for r in rows}


def test_a_freshly_copied_card_scans_as_ok(card, tmp_path, capsys, written_just_now):
    copy = tmp_path / "copy" / "porch"
    shutil.copytree(card, copy, copy_function=shutil.copyfile)   # every mtime is now
    assert all(time.time() - p.stat().st_mtime < 60 for p in copy.rglob("*.mp4"))
    rows = scan(tmp_path, copy, capsys)
    status = {rel: r["status"] for rel, r in rows.items()}
    # Finished MP4s, MKV and AVI say so in their headers: ok however new their mtime.
    assert status["Mp4Record/2026-11-20/RecM0A_20261120_140000_140004_6D28808_9A1B2C.mp4"] == "ok"
    assert status["export/CH01_20261120_140010_140014.mkv"] == "ok"
    assert status["export/CH01_20261120_140020_140024.avi"] == "ok"
    assert status["clips/unknown-a.mp4"] == "ok"
    # Where the container cannot tell (MPEG-TS), or its index is missing, the new mtime counts.
    assert status["export/CH01_20261120_140030_140034.ts"] == "in-progress"
    assert status["Mp4Record/2026-11-20/RecM01_20261120_140120_140124_6D28808_9A1B2C.mp4"] == "in-progress"


def test_names_as_they_appear_in_the_field_are_placed_by_their_names(card, tmp_path, capsys):
    rows = scan(tmp_path, card, capsys)
    hexed = rows["Mp4Record/2026-11-20/RecM0A_20261120_140000_140004_6D28808_9A1B2C.mp4"]
    assert (hexed["layout"], hexed["stream"], hexed["start"], hexed["time_source"]) == (
        "reolink-sd", "main", "2026-11-20T22:00:00Z", "name")
    assert rows["Mp4Record/2026-11-20/RecS13_20261120_140000_140004_6D28808_9A1B2C.mp4"]["stream"] == "sub"
    for ext, second in (("mkv", 10), ("avi", 20), ("ts", 30)):
        row = rows[f"export/CH01_20261120_1400{second}_1400{second + 4}.{ext}"]
        assert (row["layout"], row["status"], row["time_source"]) == ("dvr-export", "ok", "name"), ext
        assert (row["start"], row["end"]) == (f"2026-11-20T22:00:{second}Z",
                                              f"2026-11-20T22:00:{second + 4}Z")
    bent = rows["Mp4Record/2026-11-20/RecM01_20261120_140040_146044_6D28808_9A1B2C.mp4"]
    assert (bent["start"], bent["end"], bent["status"]) == ("2026-11-20T22:00:40Z",
                                                            "2026-11-20T22:00:44Z", "ok")
    assert "the end written in the name is not a real time" in bent["reason"]
    sixty = rows["2026-11-20/001/dav/14/14.00.50-14.00.60[R][0@0][0].mp4"]
    assert sixty["end"] == "2026-11-20T22:01:00Z"


def test_what_placed_each_file_in_time_is_said(card, tmp_path, capsys):
    rows = scan(tmp_path, card, capsys)
    by_container = rows["clips/unknown-a.mp4"]
    assert (by_container["time_source"], by_container["start"]) == ("container", "2026-11-20T22:01:00Z")
    by_mtime = rows["clips/unknown-b.mp4"]
    assert (by_mtime["time_source"], by_mtime["start"]) == ("mtime", "2026-11-20T22:01:10Z")
    assert "modification time alone" in by_mtime["reason"]
    assert main(["--home", str(tmp_path / "home"), "recordings"]) == 0
    human = {line.split("\t")[4]: line for line in capsys.readouterr().out.splitlines()}
    line = human[str(card / "clips/unknown-b.mp4")]
    assert "\tok, time from file date\t" in line and "modification time alone" in line
    assert "\tok, time from container\t" in human[str(card / "clips/unknown-a.mp4")]


def test_vendor_formats_are_listed_with_their_times_and_what_to_do(card, tmp_path, capsys):
    rows = scan(tmp_path, card, capsys)
    ubv = rows["ubv/FCECDA1F0A2B_0_rotating_1795212000000.ubv"]
    assert (ubv["status"], ubv["layout"], ubv["start"], ubv["time_source"]) == (
        "unsupported", "unifi-protect", "2026-11-20T22:00:00Z", "name")
    assert "export the clips to MP4 from UniFi Protect" in ubv["reason"]
    bvr = rows["Porch.20261120_140200.bvr"]
    assert (bvr["status"], bvr["layout"], bvr["start"]) == ("unsupported", "blue-iris",
                                                            "2026-11-20T22:02:00Z")
    assert "MP4 in Blue Iris" in bvr["reason"]


def test_container_headers_tell_finished_from_still_written(tmp_path):
    for ext in ("mkv", "avi"):
        path = clip(tmp_path, f"a.{ext}", "2026-11-20T22:00:00Z")
        assert probe(path, judge_complete=True).complete is True
        data = path.read_bytes()
        cut = tmp_path / f"cut.{ext}"
        cut.write_bytes(data[:len(data) - 200])   # the size in its header no longer holds
        assert probe(cut, judge_complete=True).complete is None, ext
    mp4 = clip(tmp_path, "a.mp4", "2026-11-20T22:00:00Z")
    assert probe(mp4, judge_complete=True).complete is True
    assert probe(mp4).complete is None   # not asked: an old file's mtime already says enough
    ts = clip(tmp_path, "a.ts", "2026-11-20T22:00:00Z")
    assert probe(ts, judge_complete=True).complete is None


def test_damaged_and_empty_files_are_marked_in_coverage_and_named_by_a_refused_export(
        tmp_path, capsys):
    root = tmp_path / "porch"
    clip(root, "porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 10)
    whole = clip(root, "porch.20261120_140010.mp4", "2026-11-20T22:00:10Z", 10)
    data = whole.read_bytes()
    whole.write_bytes(data[:data.index(b"moov") - 4])        # the camera lost power
    (root / "porch.20261120_140020.mp4").write_bytes(b"")    # nothing was written
    clip(root, "porch.20261120_140030.mp4", "2026-11-20T22:00:30Z", 10)
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    home = str(tmp_path / "home")
    assert main(["--home", home, "scan", str(root), "--tz", LA]) == 0
    window = ["--camera", "porch", "--from", "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:40Z"]
    capsys.readouterr()
    assert main(["--home", home, "coverage", *window, "--json"]) == 0
    cov = json.loads(capsys.readouterr().out)
    assert cov["gaps"] == [{"start": "2026-11-20T22:00:10Z", "end": "2026-11-20T22:00:30Z"}]
    assert [(m["start"], m["end"], m["status"], Path(m["path"]).name, m["end_known"])
            for m in cov["marked"]] == [
        ("2026-11-20T22:00:10Z", "2026-11-20T22:00:20Z", "damaged", "porch.20261120_140010.mp4", False),
        ("2026-11-20T22:00:20Z", "2026-11-20T22:00:30Z", "empty", "porch.20261120_140020.mp4", False)]
    assert main(["--home", home, "coverage", *window]) == 0
    human = capsys.readouterr().out.splitlines()
    # The owner reads it on the camera's clock (Los Angeles), with the zone.
    gap = human.index("  gap      2026-11-20 14:00:10 PST to 14:00:30 PST")
    assert human[gap + 1].split()[:4] == ["damaged", "2026-11-20", "14:00:10", "PST"]
    assert "lost power" in human[gap + 1] and "(end unknown)" in human[gap + 1]
    assert human[gap + 2].split()[:4] == ["empty", "2026-11-20", "14:00:20", "PST"]
    assert "zero-byte" in human[gap + 2]

    code = main(["--home", home, "export", "--camera", "porch", "--from", "2026-11-20T22:00:12Z",
                 "--to", "2026-11-20T22:00:28Z", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 3
    assert "porch.20261120_140010.mp4 is damaged (no moov box" in err
    assert "porch.20261120_140020.mp4 is empty (zero-byte file)" in err


def test_the_recording_still_being_written_is_said_over_the_gap_it_leaves(tmp_path, capsys,
                                                                     written_just_now):
    # A request for the last minutes: the recorder's current MP4 has no moov until it closes
    # the file, so it cannot be cut yet. Coverage said 'nothing recorded' and a refused export
    # named nothing, and the owner could decline a request for footage that is being recorded.
    root = tmp_path / "porch"
    clip(root, "porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 10)
    whole = clip(root, "porch.20261120_140010.mp4", "2026-11-20T22:00:10Z", 10)
    os.utime(root / "porch.20261120_140000.mp4", (1_700_000_000, 1_700_000_000))
    data = whole.read_bytes()
    whole.write_bytes(data[:data.index(b"moov") - 4])        # modified just now
    home = str(tmp_path / "home")
    assert main(["--home", home, "scan", str(root), "--tz", LA]) == 0
    window = ["--camera", "porch", "--from", "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:40Z"]
    capsys.readouterr()
    assert main(["--home", home, "coverage", *window, "--json"]) == 0
    cov = json.loads(capsys.readouterr().out)
    assert cov["gaps"] == [{"start": "2026-11-20T22:00:10Z", "end": "2026-11-20T22:00:40Z"}]
    assert [(m["start"], m["end"], m["status"], Path(m["path"]).name, m["end_known"])
            for m in cov["marked"]] == [
        ("2026-11-20T22:00:10Z", "2026-11-20T22:00:40Z", "in-progress", "porch.20261120_140010.mp4",
         False)]
    assert "still being written" in cov["marked"][0]["reason"]
    code = main(["--home", home, "export", "--camera", "porch", "--from", "2026-11-20T22:00:12Z",
                 "--to", "2026-11-20T22:00:18Z", "--out", str(tmp_path / "out")])
    assert code == 3
    assert "porch.20261120_140010.mp4 is in-progress (" in capsys.readouterr().err
