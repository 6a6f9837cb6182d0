"""Hikvision SD cards: ring files `datadir0/hiv*.mp4` whose recordings index00.bin lists. Each
recording becomes a row (ring file, byte range, times), on a card written by
demo/hikvision_card.py: real MPEG-PS footage written with PyAV, an index built from the
public description of the format."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import av
import pytest

from agent.cli import main
from agent.index.hikvision import RingIndexError, read_index
from agent.media.byte_range import RangeFile
from demo.hikvision_card import Recording, write_card
from demo.samples import read_stamp
from tests.conftest import t

LA = "America/Los_Angeles"
T = t("2026-11-20T22:00:00Z")
S = 1_000_000
RECORDINGS = [
    Recording(T, 6, 0), Recording(T + 10 * S, 6, 0),
    Recording(T + 20 * S, 6, 1), Recording(T + 30 * S, 4, 1, overwritten=True),
    Recording(T + 40 * S, 6, 2), Recording(T + 50 * S, 6, 2, open=True),
]


@pytest.fixture(scope="module")
def card(tmp_path_factory) -> tuple[Path, list]:
    root = tmp_path_factory.mktemp("hik") / "garage"
    written = write_card(root, RECORDINGS, zone_name=LA)
    for p in root.rglob("*"):
        if p.is_file():
            os.utime(p, (1_700_000_000, 1_700_000_000))   # pulled from the camera long ago
    return root, written


def scanned(capsys, home: Path, root: Path) -> list[dict]:
    assert main(["--home", str(home), "sources", "add", str(root), "--tz", LA]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "recordings", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_index_lists_each_recording_once_and_skips_stale_slots(card):
    root, written = card
    index = read_index((root / "datadir0" / "index00.bin").read_bytes())
    assert (index.version, index.files) == (2, 3)
    got = [(s.ring_name, s.byte_start, s.byte_end, s.start.isoformat()) for s in index.segments]
    want = [(w.ring.name, w.byte_start, None if w.recording.open else w.byte_end,
             f"2026-11-20T14:00:{(w.recording.start_us - T) // S:02d}") for w in written]
    assert got == want   # the stale slot after each file's last one is not among them
    assert index.segments[-1].end is None   # the newest slot of the file being written is open
    with pytest.raises(RingIndexError, match="shorter than"):
        read_index(b"\0" * 100)
    with pytest.raises(RingIndexError, match="ring files need"):
        read_index((root / "datadir0" / "index00.bin").read_bytes()[:5000])


def test_each_recording_is_a_row_with_its_ring_file_byte_range_and_times(card, capsys, tmp_path):
    root, written = card
    rows = scanned(capsys, tmp_path / "home", root)
    assert len(rows) == len(RECORDINGS)   # ring files are not rows of their own
    for row, w in zip(rows, sorted(written, key=lambda w: w.recording.start_us)):
        rec = w.recording
        assert row["path"] == str(w.ring) and row["camera"] == "garage" and row["channel"] == "ch1"
        assert (row["layout"], row["time_source"]) == ("hikvision", "index00.bin")
        assert row["start"] == f"2026-11-20T22:00:{(rec.start_us - T) // S:02d}Z"
        if rec.open:
            assert (row["status"], row["end"]) == ("damaged", None)
            assert "still recording" in row["reason"]
            assert row["range"] == {"start": w.byte_start, "end": w.ring.stat().st_size}
            continue
        assert row["range"] == {"start": w.byte_start, "end": w.byte_end}
        assert row["end"] == f"2026-11-20T22:00:{(rec.start_us - T) // S + int(rec.seconds):02d}Z"
        if rec.overwritten:
            assert row["status"] == "damaged" and "recorded over it" in row["reason"]
        else:
            assert row["status"] == "ok", row["reason"]
            assert (row["codec"], row["width"], row["height"]) == ("h264", 320, 240)
    assert main(["--home", str(tmp_path / "home"), "recordings"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[3] == "ok, time from index00.bin"
    assert first[4] == f"{written[0].ring} bytes {written[0].byte_start}-{written[0].byte_end}"


def test_a_rows_byte_range_is_exactly_its_recording(card, capsys, tmp_path):
    """What a cutter needs: the range read as a file of its own gives the recording's frames,
    and the row's start is the first frame's capture time."""
    root, written = card
    rows = [r for r in scanned(capsys, tmp_path / "home", root) if r["status"] == "ok"]
    for row in rows:
        with RangeFile(row["path"], row["range"]["start"], row["range"]["end"]) as part, \
                av.open(part, format="mpeg") as c:
            stamps = [read_stamp(f.to_ndarray(format="gray")) for f in c.decode(video=0)]
        start = t(row["start"])
        assert stamps == [start + n * S // 10 for n in range(len(stamps))]
        assert len(stamps) == (t(row["end"]) - start) // (S // 10)


def test_coverage_comes_from_the_index(card, capsys, tmp_path):
    root, _ = card
    home = tmp_path / "home"
    scanned(capsys, home, root)
    window = ["--camera", "garage", "--from", "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:40Z"]
    assert main(["--home", str(home), "coverage", *window, "--json"]) == 0
    cov = json.loads(capsys.readouterr().out)
    assert cov["spans"] == [{"start": "2026-11-20T22:00:00Z", "end": "2026-11-20T22:00:06Z"},
                            {"start": "2026-11-20T22:00:10Z", "end": "2026-11-20T22:00:16Z"},
                            {"start": "2026-11-20T22:00:20Z", "end": "2026-11-20T22:00:26Z"}]
    assert [(m["start"], m["end"], m["status"]) for m in cov["marked"]] == [
        ("2026-11-20T22:00:30Z", "2026-11-20T22:00:34Z", "damaged")]


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_an_export_cuts_each_recording_from_its_byte_range(card, capsys, tmp_path, mode):
    """A window over three recordings in two ring files (a gap between each): every frame of
    the clip is one the window asked for, in order, and provenance names each recording's bytes
    with the SHA-256 of those bytes alone."""
    import hashlib

    from demo.samples import read_stamp as stamp_of

    root, written = card
    home, out = tmp_path / "home", tmp_path / "out"
    scanned(capsys, home, root)
    code = main(["--home", str(home), "export", "--camera", "garage", "--from",
                 "2026-11-20T22:00:01.05Z", "--to", "2026-11-20T22:00:24Z", "--out", str(out),
                 "--mode", mode, "--json"])
    assert code == 0, capsys.readouterr().err
    package = Path(json.loads(capsys.readouterr().out)["package"])
    assert main(["verify", str(package)]) == 0
    clip = next((package / "data").glob("*.mp4"))
    with av.open(str(clip), options={"ignore_editlist": "1"}) as c:
        got = [stamp_of(f.to_ndarray(format="gray")) for f in c.decode(video=0)]
    # exact starts at the first frame inside the window; copy at the next keyframe (1 s GOPs)
    first = T + (11 * S // 10 if mode == "exact" else 2 * S)
    want = ([n for n in range(first, T + 6 * S, S // 10)]
            + [n for n in range(T + 10 * S, T + 16 * S, S // 10)]
            + [n for n in range(T + 20 * S, T + 24 * S, S // 10)])
    assert got == want
    sources = json.loads((package / "data" / "provenance.json").read_text())["sources"]
    used = sorted(written, key=lambda w: w.recording.start_us)[:3]
    assert [(s["path"], s["bytes"]) for s in sources] == [
        (str(w.ring.relative_to(root).as_posix()), {"start": w.byte_start, "end": w.byte_end})
        for w in used]
    for s, w in zip(sources, used):
        with RangeFile(w.ring, w.byte_start, w.byte_end) as part:
            assert s["sha256"] == hashlib.file_digest(part, "sha256").hexdigest()
        assert s["size"] == w.byte_end - w.byte_start


def test_rescans_follow_the_index_and_a_fresh_copy_is_ok(card, capsys, tmp_path,
                                                        written_just_now):
    root, _ = card
    copy = tmp_path / "copy" / "garage"
    shutil.copytree(root, copy, copy_function=shutil.copyfile)   # new mtimes everywhere
    home = tmp_path / "home"
    rows = scanned(capsys, home, copy)
    assert [r["status"] for r in rows] == ["ok", "ok", "ok", "damaged", "ok", "in-progress"]
    # The camera goes on: file 2's open recording closes and a new one starts in file 0.
    later = [*RECORDINGS[:5], Recording(T + 50 * S, 6, 2), Recording(T + 60 * S, 6, 0)]
    shutil.rmtree(copy / "datadir0")
    write_card(copy, later, zone_name=LA)
    assert main(["--home", str(home), "scan", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)[0]
    assert (report["seen"], report["removed"]) == (3, 0)
    assert main(["--home", str(home), "recordings", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["start"], r["status"]) for r in rows) == [
        ("2026-11-20T22:00:00Z", "ok"), ("2026-11-20T22:00:10Z", "ok"),
        ("2026-11-20T22:00:20Z", "ok"), ("2026-11-20T22:00:30Z", "damaged"),
        ("2026-11-20T22:00:40Z", "ok"), ("2026-11-20T22:00:50Z", "ok"),
        ("2026-11-20T22:01:00Z", "ok")]


def test_ring_files_without_their_index_are_listed_with_what_to_do(card, capsys, tmp_path):
    root, _ = card
    bare = tmp_path / "bare"
    (bare / "datadir0").mkdir(parents=True)
    for ring in sorted((root / "datadir0").glob("hiv*.mp4")):
        shutil.copy2(ring, bare / "datadir0" / ring.name)
    rows = scanned(capsys, tmp_path / "home", bare)
    assert len(rows) == 3
    for row in rows:
        assert (row["status"], row["start"], row["time_source"]) == ("unsupported", None, None)
        assert "index00.bin, which is missing from this folder" in row["reason"]
        assert "copy the card's whole datadir folder" in row["reason"]


def test_newer_cards_index_in_sqlite_give_the_same_rows(card, capsys, tmp_path):
    root, written = card
    newer = tmp_path / "newer"
    write_card(newer, RECORDINGS, zone_name=LA, sqlite=True)
    for p in newer.rglob("*"):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    assert not (newer / "datadir0" / "index00.bin").exists()
    rows = scanned(capsys, tmp_path / "home", newer)
    old = scanned(capsys, tmp_path / "home-old", root)
    strip = lambda r: (r["start"], r["end"], r["status"], r["range"], r["time_source"])  # noqa: E731
    assert [strip(r) for r in rows] == [strip(r) for r in old]
