"""The recording index over real footage in vendor layouts: placement, bad input, read-only."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from agent.index import describe as describe_mod
from agent.index import scan as scan_mod
from agent.requests.holds import HoldError, make_hold
from agent.service import AgentError, NotFound
from agent.timebase import US
from demo.samples import ClipSpec, write_clip
from tests.conftest import t, tree_fingerprint

LA = "America/Los_Angeles"


def clip(root: Path, rel: str, start: str, seconds: float = 4.0, **kw) -> Path:
    return write_clip(ClipSpec(path=root / rel, start_us=t(start), seconds=seconds, fps=5,
                               gop_s=1.0, **kw))


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """One recordings folder holding several recorders' layouts and every kind of bad input."""
    root = tmp_path_factory.mktemp("recordings")
    # Frigate 0.12+: UTC names, camera folder.
    clip(root, "recordings/2026-11-20/22/driveway/00.00.mp4", "2026-11-20T22:00:00Z", 10)
    clip(root, "recordings/2026-11-20/22/driveway/00.10.mp4", "2026-11-20T22:00:10Z", 10)
    # Reolink SD: local names with the end in the name.
    clip(root, "Mp4Record/2026-11-20/RecM01_20261120_140000_140020_6D28808_9A1B2C.mp4",
         "2026-11-20T22:00:00Z", 20)
    # Reolink on the fall-back night: the DST marker tells the two 01:30:50s apart.
    clip(root, "Mp4Record/2026-11-01/RecM01_DST20261101_013050_013100_6D28808_9A1B2C.mp4",
         "2026-11-01T08:30:50Z", 10)
    clip(root, "Mp4Record/2026-11-01/RecM01_20261101_013050_013100_6D28808_9A1B2C.mp4",
         "2026-11-01T09:30:50Z", 10)
    # Dahua tree, channel folder at the root.
    clip(root, "2026-11-20/001/dav/14/14.00.00-14.00.10[R][0@0][0].mp4", "2026-11-20T22:00:00Z", 10)
    # Dahua backup: main and sub stream of one camera, overlapping.
    clip(root, "garage_ch3_main_20261120140000_20261120140010.mp4", "2026-11-20T22:00:00Z", 10)
    clip(root, "garage_ch3_sub_20261120140000_20261120140010.mp4", "2026-11-20T22:00:00Z", 10)
    # Blue Iris: no end in the name (taken from the container).
    clip(root, "Backyard.20261120_140000.mp4", "2026-11-20T22:00:00Z", 6)
    # Unusual characters.
    clip(root, "Front Door ☃ [1] 50% 'x'.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    # Fall-back hour with no marker and no creation time: truly ambiguous.
    amb = clip(root, "Yard.20261101_013000.mp4", "2026-11-01T08:30:00Z", 4, creation_time=False)
    os.utime(amb, (1_900_000_000, 1_900_000_000))
    # Fall-back hour, no marker, but the container's creation time tells.
    clip(root, "Shed.20261101_013000.mp4", "2026-11-01T09:30:00Z", 4)
    # Spring-forward gap: 02:30 never happened in Los Angeles on 2026-03-08.
    clip(root, "Yard.20260308_023000.mp4", "2026-03-08T10:30:00Z", 4)
    # Bad input.
    (root / "Backyard.20261120_150000.mp4").write_bytes(b"")
    whole = clip(root, "tmp-whole.mp4", "2026-11-20T23:00:00Z", 4)
    data = whole.read_bytes()
    (root / "Backyard.20261120_160000.mp4").write_bytes(data[: data.index(b"moov") - 4])
    whole.unlink()
    (root / "Backyard.20261120_170000.mp4").write_bytes(os.urandom(5000))
    (root / "notes.txt").write_text("not a recording")
    (root / "unknown-name.mp4").write_bytes(
        (root / "recordings/2026-11-20/22/driveway/00.00.mp4").read_bytes())
    old = 1_700_000_000
    for dirpath, _d, files in os.walk(root):
        for name in files:
            p = Path(dirpath, name)
            if p != amb:
                os.utime(p, (old, old))
    return root


@pytest.fixture(scope="module")
def rows(tree, tmp_path_factory):
    from agent.service import Agent

    a = Agent(tmp_path_factory.mktemp("home"))
    a.add_source(tree, camera="sdcard", tz=LA)
    a.scan()
    out = {os.path.relpath(r.path, tree): r for r in a.recordings()}
    a.close()
    return out


def test_frigate_names_are_utc_with_camera_folder(rows):
    r = rows["recordings/2026-11-20/22/driveway/00.10.mp4"]
    assert (r.camera, r.status, r.start_us) == ("sdcard/driveway", "ok", t("2026-11-20T22:00:10Z"))
    assert r.end_us == t("2026-11-20T22:00:20Z")  # start + container duration
    assert (r.codec, r.width, r.height, r.fps) == ("h264", 320, 240, 5.0)


def test_reolink_local_names_use_the_source_zone(rows):
    r = rows["Mp4Record/2026-11-20/RecM01_20261120_140000_140020_6D28808_9A1B2C.mp4"]
    assert r.start_us == t("2026-11-20T14:00:00-08:00")
    assert r.end_us == t("2026-11-20T14:00:20-08:00")
    assert r.camera == "sdcard" and r.status == "ok"


def test_reolink_dst_marker_places_each_fall_back_file(rows):
    summer = rows["Mp4Record/2026-11-01/RecM01_DST20261101_013050_013100_6D28808_9A1B2C.mp4"]
    winter = rows["Mp4Record/2026-11-01/RecM01_20261101_013050_013100_6D28808_9A1B2C.mp4"]
    assert summer.start_us == t("2026-11-01T01:30:50-07:00")
    assert winter.start_us == t("2026-11-01T01:30:50-08:00")
    assert summer.status == winter.status == "ok"


def test_dahua_tree_channel_camera(rows):
    r = rows["2026-11-20/001/dav/14/14.00.00-14.00.10[R][0@0][0].mp4"]
    assert (r.camera, r.channel) == ("sdcard/001", "001")
    assert (r.start_us, r.end_us) == (t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:10Z"))


def test_main_and_sub_stream_are_one_camera(rows):
    main = rows["garage_ch3_main_20261120140000_20261120140010.mp4"]
    sub = rows["garage_ch3_sub_20261120140000_20261120140010.mp4"]
    assert main.camera == sub.camera == "sdcard/garage_ch3"
    assert (main.stream, sub.stream) == ("main", "sub")


def test_blue_iris_end_comes_from_the_container(rows):
    r = rows["Backyard.20261120_140000.mp4"]
    assert r.camera == "sdcard/Backyard"
    assert r.end_us - r.start_us == 6 * US


def test_unusual_characters_in_names(rows):
    r = rows["Front Door ☃ [1] 50% 'x'.20261120_140000.mp4"]
    assert r.status == "ok" and r.start_us == t("2026-11-20T22:00:00Z")


def test_fall_back_hour_without_evidence_is_marked_ambiguous(rows):
    r = rows["Yard.20261101_013000.mp4"]
    assert r.status == "ambiguous"
    assert r.start_us == t("2026-11-01T01:30:00-07:00")  # the earlier reading
    assert r.alt_start_us == t("2026-11-01T01:30:00-08:00")
    assert "fall-back" in r.reason


def test_fall_back_hour_resolved_by_creation_time(rows):
    r = rows["Shed.20261101_013000.mp4"]
    assert r.status == "ok" and r.start_us == t("2026-11-01T01:30:00-08:00")


def test_spring_forward_gap_does_not_crash_or_shift(rows):
    r = rows["Yard.20260308_023000.mp4"]
    assert r.status == "ok" and r.start_us == t("2026-03-08T10:30:00Z")
    assert "spring-forward" in r.reason


@pytest.mark.parametrize("name, status, words", [
    ("Backyard.20261120_150000.mp4", "empty", "zero-byte"),
    ("Backyard.20261120_160000.mp4", "damaged", "moov"),
    ("Backyard.20261120_170000.mp4", "damaged", ""),
])
def test_bad_files_are_listed_with_status_and_reason(rows, name, status, words):
    r = rows[name]
    assert r.status == status and r.reason and words in r.reason
    assert r.start_us is not None  # the name still tells when


def test_unknown_names_are_listed_with_container_time(rows):
    r = rows["unknown-name.mp4"]
    assert r.layout is None and "no known recorder layout" in r.reason
    assert r.start_us == t("2026-11-20T22:00:00Z")  # creation time
    assert "notes.txt" not in rows


def test_scan_leaves_every_byte_and_mtime_unchanged(tree, tmp_path):
    from agent.service import Agent

    before = tree_fingerprint(tree)
    a = Agent(tmp_path / "h")
    a.add_source(tree, tz=LA)
    a.scan()
    a.scan()
    a.close()
    assert tree_fingerprint(tree) == before


def test_rescan_is_incremental(tree, tmp_path):
    from agent.service import Agent

    work = tmp_path / "rec"
    shutil.copytree(tree, work)
    a = Agent(tmp_path / "h")
    a.add_source(work, tz=LA)
    first = a.scan()[0]
    assert first.added == first.seen > 15
    again = a.scan()[0]
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, first.seen)
    (work / "Backyard.20261120_140000.mp4").unlink()
    grown = work / "Backyard.20261120_150000.mp4"
    grown.write_bytes((work / "Shed.20261101_013000.mp4").read_bytes())
    os.utime(grown, (1_700_000_100, 1_700_000_100))
    third = a.scan()[0]
    assert (third.removed, third.updated) == (1, 1)
    assert {r.status for r in a.recordings() if r.path == str(grown)} == {"ok"}
    a.close()


def test_unreadable_folder_is_reported_not_fatal(tree, tmp_path, monkeypatch):
    # Tests run as root here, which reads any folder whatever its mode, so the OS refusal is
    # simulated at os.scandir for one folder; everything else is real.
    from agent.service import Agent

    real = os.scandir
    locked = str(tree / "Mp4Record" / "2026-11-01")

    def scandir(path):
        if str(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(scan_mod.os, "scandir", scandir)
    a = Agent(tmp_path / "h")
    a.add_source(tree, tz=LA)
    report = a.scan()[0]
    rows = {r.path: r for r in a.recordings()}
    a.close()
    assert rows[locked].status == "damaged" and "cannot be read" in rows[locked].reason
    assert any("Permission denied" in p for p in report.problems)
    assert str(tree / "Backyard.20261120_140000.mp4") in rows  # the rest was indexed


def test_frigate_db_times_win(tmp_path, agent):
    root = tmp_path / "frigate"
    clip(root, "recordings/2026-11-20/22/driveway/00.00.mp4", "2026-11-20T22:00:00Z", 4)
    with sqlite3.connect(root / "frigate.db") as db:
        db.execute("CREATE TABLE recordings (id TEXT, camera TEXT, path TEXT, start_time REAL, end_time REAL)")
        db.execute("INSERT INTO recordings VALUES ('a', 'driveway', "
                   "'/media/frigate/recordings/2026-11-20/22/driveway/00.00.mp4', ?, ?)",
                   (t("2026-11-20T22:00:00.5Z") / US, t("2026-11-20T22:00:04.25Z") / US))
    db.close()
    before = tree_fingerprint(root)
    agent.add_source(root, tz="UTC")
    agent.scan()
    (row,) = agent.recordings()
    assert (row.start_us, row.end_us) == (t("2026-11-20T22:00:00.5Z"), t("2026-11-20T22:00:04.25Z"))
    assert tree_fingerprint(root) == before  # the database was opened read-only


def test_coverage_reports_spans_gaps_and_overlaps(tmp_path, agent):
    root = tmp_path / "rec"
    clip(root, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 10)
    clip(root, "cam.20261120_140020.mp4", "2026-11-20T22:00:20Z", 10)
    clip(root, "copy/cam.20261120_140020.mp4", "2026-11-20T22:00:20Z", 10)
    agent.add_source(root, camera="cam", tz=LA)
    agent.scan()
    cov = agent.coverage("cam", t("2026-11-20T21:59:55Z"), t("2026-11-20T22:00:40Z"))
    assert [(s.start_us, s.end_us) for s in cov.spans] == [
        (t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:10Z")),
        (t("2026-11-20T22:00:20Z"), t("2026-11-20T22:00:30Z"))]
    assert [(g.start_us, g.end_us) for g in cov.gaps] == [
        (t("2026-11-20T21:59:55Z"), t("2026-11-20T22:00:00Z")),
        (t("2026-11-20T22:00:10Z"), t("2026-11-20T22:00:20Z")),
        (t("2026-11-20T22:00:30Z"), t("2026-11-20T22:00:40Z"))]
    assert len(cov.overlaps) == 1 and len(cov.files) == 2


def test_changing_a_folders_zone_or_clock_offset_re_places_its_files(tmp_path, agent):
    root = tmp_path / "rec"
    path = clip(root, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    agent.add_source(root, tz="UTC")
    agent.scan()
    assert agent.recordings()[0].start_us == t("2026-11-20T14:00:00Z")
    agent.add_source(root, tz=LA, clock_offset_s=2.5)
    agent.scan()
    (row,) = agent.recordings()
    assert row.start_us == t("2026-11-20T22:00:00Z") - 2_500_000


def test_links_out_of_a_source_are_listed_never_opened_and_links_inside_are_recorded(
        tmp_path, agent, monkeypatch):
    """A link to a private video elsewhere, and one to /etc/passwd, named like recordings:
    neither is opened, indexed as usable or exported; a link inside the folder is indexed and
    provenance names the file it points to."""
    root, private = tmp_path / "rec", tmp_path / "private"
    clip(root, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    secret = clip(private, "cam.20261120_140010.mp4", "2026-11-20T22:00:10Z", 4)
    (root / "cam.20261120_140010.mp4").symlink_to(secret)
    (root / "cam.20261120_140020.mp4").symlink_to("/etc/passwd")
    (root / "cam.20261120_140030.mp4").symlink_to(root / "cam.20261120_140000.mp4")
    opened = []
    real_probe = describe_mod.probe
    monkeypatch.setattr(describe_mod, "probe", lambda path, size, **kw: (
        opened.append(path), real_probe(path, size, **kw))[1])
    agent.add_source(root, camera="cam", tz=LA)
    agent.scan()
    rows = {Path(r.path).name: r for r in agent.recordings()}
    for name in ("cam.20261120_140010.mp4", "cam.20261120_140020.mp4"):
        assert rows[name].status == "unsupported" and "outside this recordings folder" in \
            rows[name].reason
        assert str(root / name) not in opened
    inside = rows["cam.20261120_140030.mp4"]
    assert inside.status == "ok" and "a link to cam.20261120_140000.mp4 in this folder" in \
        inside.reason
    cov = agent.coverage("cam", t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:40Z"))
    assert secret not in {Path(r.path).resolve() for r in cov.files}
    done = agent.export("cam", t("2026-11-20T22:00:30Z"), t("2026-11-20T22:00:34Z"),
                        tmp_path / "out")
    prov = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert [(s["path"], s.get("link_to")) for s in prov["sources"]] == [
        ("cam.20261120_140030.mp4", "cam.20261120_140000.mp4")]


def test_links_that_lead_to_no_file_are_listed_and_the_scan_goes_on(tmp_path, agent):
    """A link to itself, two links round a loop and a link to a file deleted since, named like
    recordings, were skipped without a word: the scan said '0 files' and then to run a scan."""
    root = tmp_path / "rec"
    clip(root, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    (root / "cam.20261120_140010.mp4").symlink_to("cam.20261120_140010.mp4")
    (root / "cam.20261120_140020.mp4").symlink_to("cam.20261120_140030.mp4")
    (root / "cam.20261120_140030.mp4").symlink_to("cam.20261120_140020.mp4")
    (root / "cam.20261120_140040.mp4").symlink_to("deleted.mp4")
    agent.add_source(root, camera="cam", tz=LA)
    (report,) = agent.scan()
    rows = {Path(r.path).name: r for r in agent.recordings()}
    assert rows.pop("cam.20261120_140000.mp4").status == "ok"
    assert sorted(rows) == [f"cam.20261120_1400{n}0.mp4" for n in (1, 2, 3, 4)]
    for row in rows.values():
        assert row.status == "unsupported" and "a link that leads to no file" in row.reason
    assert len(report.problems) == 4
    # A first scan met five files: none of them was there before.
    assert (report.seen, report.added, report.unchanged) == (5, 5, 0)


def test_a_file_swapped_for_a_link_out_after_the_scan_is_not_exported(tmp_path, agent):
    root, private = tmp_path / "rec", tmp_path / "private"
    clip(root, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    secret = clip(private, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    agent.add_source(root, camera="cam", tz=LA)
    agent.scan()
    (root / "cam.20261120_140000.mp4").unlink()
    (root / "cam.20261120_140000.mp4").symlink_to(secret)
    with pytest.raises(NotFound, match="now a link to a file outside its recordings folder"):
        agent.export("cam", t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:04Z"), tmp_path / "o")
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
    with pytest.raises(HoldError, match="now a link to a file outside"):
        make_hold(agent.home, agent.store, "req-1", t("2026-11-20T22:00:00Z"),
                  t("2026-11-20T22:00:04Z"))
    assert not (agent.home / "holds" / "req-1").exists()


def first_stamp(clip_path: Path) -> int:
    """The capture time barcoded in a clip's first frame."""
    import av

    from demo.samples import read_stamp
    with av.open(str(clip_path)) as container:
        frame = next(container.decode(video=0))
        return read_stamp(frame.to_ndarray(format="gray"))


def test_a_file_replaced_after_the_scan_is_not_cut_at_the_old_files_times(tmp_path, agent):
    """A name with no time: the scan placed it by its container's creation time. Replaced by a
    recording of an hour later (a card copied over the folder), the export cut the new footage
    into a package saying it was the old file's seconds."""
    root = tmp_path / "rec"
    indexed = clip(root, "porch-clip.mp4", "2026-11-20T22:00:00Z", 10)
    agent.add_source(root, camera="porch", tz=LA)
    agent.scan()
    later = clip(tmp_path / "elsewhere", "porch-clip.mp4", "2026-11-20T23:00:00Z", 10)
    os.replace(later, indexed)
    with pytest.raises(NotFound, match="porch-clip.mp4 changed after it was indexed"):
        agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:06Z"),
                     tmp_path / "out")
    assert not (tmp_path / "out").exists()
    # Nothing indexed from the folder is there as it was: another card's copy, maybe, so the
    # owner says it is the same camera's (test_index_other_disk.py).
    assert agent.scan()[0].other_disk
    agent.scan([str(root)], new_disk=True)   # its row is the new file's: cut at its own times
    done = agent.export("porch", t("2026-11-20T23:00:02Z"), t("2026-11-20T23:00:06Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-11-20T23:00:02Z")


@pytest.mark.parametrize("ext", ["mp4", "ts"])
def test_a_file_replaced_while_it_is_cut_leaves_no_package(tmp_path, agent, ext):
    """Replaced while the cut reads it: the check of an MP4's copied frames failed saying the
    clip was broken, and an MPEG-TS (whose frames are matched by what the cut read) was sealed
    with the hash of the other file."""
    root = tmp_path / "rec"
    indexed = clip(root, f"porch-clip.{ext}", "2026-11-20T22:00:00Z", 10)
    later = clip(tmp_path / "elsewhere", f"porch-clip.{ext}", "2026-11-20T23:00:00Z", 10)
    agent.add_source(root, camera="porch", tz=LA)
    agent.scan()

    def replace_once(stage, fraction):
        if stage == "cutting" and later.exists():   # the card copied over mid-cut
            os.replace(later, indexed)
    with pytest.raises(AgentError, match=f"porch-clip.{ext} changed after it was indexed"):
        agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:06Z"),
                     tmp_path / "out", progress=replace_once)
    assert not later.exists()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("which", [0, 1])
def test_a_recording_its_recorder_deletes_while_it_is_cut_is_said_gone_not_a_broken_clip(
        tmp_path, agent, which):
    """A loop recorder deletes its oldest recordings to make room, also while an export of
    them reads them: the export was refused as if the clip were broken, 'the cut clip failed
    its final check ...: 40 copied frames differ from the recording they were copied from'."""
    root = tmp_path / "rec"
    files = [clip(root, f"porch.20261120_1400{s:02d}.mp4", f"2026-11-20T22:00:{s:02d}Z", 10)
             for s in (0, 10)]
    agent.add_source(root, camera="porch", tz=LA)
    agent.scan()

    def recorder_makes_room(stage, fraction):
        if stage == "cutting" and files[which].exists():
            files[which].unlink()
    with pytest.raises(AgentError) as refused:
        agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:16Z"),
                     tmp_path / "out", progress=recorder_makes_room)
    said = str(refused.value)
    assert said.startswith(f"the recording {files[which]} is no longer there"), said
    assert "differ" not in said and "final check" not in said
    assert not files[which].exists()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


APPLE_DOUBLE = bytes.fromhex("0005160700020000") + b"Mac OS X        " + bytes(4096 - 24)


def test_the_companions_a_mac_writes_on_a_card_are_not_recordings(tmp_path, agent):
    """A card looked at on a Mac gets a `._<name>` file (AppleDouble: 4 KiB of Finder data)
    beside each recording. Each was indexed as a damaged recording placed at its twin's time,
    and `._Backyard` was taken for a second channel, so the folder's one camera became two,
    `yard/Backyard` and `yard/._Backyard`."""
    root = tmp_path / "card"
    clip(root, "Backyard.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    clip(root, "Backyard.20261120_140010.mp4", "2026-11-20T22:00:10Z", 4)
    for name in ("Backyard.20261120_140000.mp4", "Backyard.20261120_140010.mp4"):
        (root / f"._{name}").write_bytes(APPLE_DOUBLE)
    (root / ".DS_Store").write_bytes(b"\0\0\0\1Bud1" + bytes(100))
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    look = agent.look_at_folder(root)
    assert (look.recordings, look.cameras) == (2, ("Backyard",))
    agent.add_source(root, camera="yard", tz=LA)
    (report,) = agent.scan()
    assert report.seen == 2 and report.statuses == {"ok": 2}
    assert agent.cameras() == ["yard"]


def test_a_link_to_a_folder_outside_is_said_and_one_inside_is_walked_once(tmp_path, agent):
    """A link to a folder of recordings elsewhere (an owner gathering cameras with links)
    was skipped without a word: the scan said "0 files" and nothing else. One inside the
    folder (ZoneMinder links each monitor's name to its numbered folder) is walked through
    its target alone."""
    root, elsewhere = tmp_path / "rec", tmp_path / "nas" / "porch"
    clip(elsewhere, "cam.20261120_140000.mp4", "2026-11-20T22:00:00Z", 4)
    clip(root, "1/cam.20261120_140010.mp4", "2026-11-20T22:00:10Z", 4)
    (root / "porch").symlink_to(elsewhere, target_is_directory=True)
    (root / "Front Door").symlink_to("1", target_is_directory=True)
    agent.add_source(root, camera="cam", tz=LA)
    (report,) = agent.scan()
    rows = {r.path: r for r in agent.recordings()}
    assert sorted(rows) == [str(root / "1" / "cam.20261120_140010.mp4"), str(root / "porch")]
    out = rows[str(root / "porch")]
    assert out.status == "unsupported" and "a link to a folder outside" in out.reason
    assert [p for p in report.problems if "a link to a folder outside" in p]
    assert not [p for p in report.problems if "Front Door" in p]
