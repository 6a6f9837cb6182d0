"""A scan meets broken input and keeps going: an MP4 whose header gives an impossible duration,
a Hikvision card index with an impossible time, and a card pulled out in the middle of a
rescan. Each is listed (or kept) with a reason, and the rest of the folder is indexed."""
from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from agent.index import scan as scan_mod
from agent.media.mp4box import parse_bytes
from agent.service import Agent
from agent.timebase import US
from demo.hikvision_card import Recording, write_card
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

OLD = 1_700_000_000   # an mtime long past: nothing is still being written


def clip(path: Path, start: str, seconds: float = 2.0) -> Path:
    written = write_clip(ClipSpec(path=path, start_us=t(start), seconds=seconds, fps=5, gop_s=1.0))
    os.utime(written, (OLD, OLD))
    return written


def claim_duration(data: bytes, seconds: int) -> bytes:
    """The same file, its movie and track headers (mvhd, mdhd) claiming `seconds`."""
    out = bytearray(data)
    for kind in (b"mvhd", b"mdhd"):
        at = out.index(kind) + 4
        if out[at] == 1:   # version 1: 64-bit times
            timescale = struct.unpack_from(">I", out, at + 20)[0]
            struct.pack_into(">Q", out, at + 24, seconds * timescale)
        else:   # version 0: 32-bit; whole seconds when the ticks would not fit
            timescale = struct.unpack_from(">I", out, at + 12)[0]
            if seconds * timescale > 0xFFFFFFFE:
                timescale = 1
            struct.pack_into(">II", out, at + 12, timescale, min(seconds * timescale, 0xFFFFFFFE))
    return bytes(out)


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def crafted_mp4(duration: int, timescale: int = 1, frames: int = 10) -> bytes:
    """A small MP4 written by hand: version 1 (64-bit) headers claiming `duration` ticks, one
    video track of `frames` one-tick samples."""
    times = b"\1\0\0\0" + struct.pack(">QQIQ", 0, 0, timescale, duration)
    mvhd = box(b"mvhd", times + b"\0" * 80)
    mdhd = box(b"mdhd", times + b"\0" * 4)
    tkhd = box(b"tkhd", b"\0\0\0\3" + b"\0" * 8 + struct.pack(">I", 1) + b"\0" * 60
               + struct.pack(">II", 320 << 16, 240 << 16))
    hdlr = box(b"hdlr", b"\0" * 8 + b"vide" + b"\0" * 13)
    entry = (struct.pack(">I4s", 86, b"avc1") + b"\0" * 6 + b"\0\1" + b"\0" * 16
             + struct.pack(">HH", 320, 240) + b"\0" * 50)
    stsd = box(b"stsd", b"\0" * 4 + struct.pack(">I", 1) + entry)
    stts = box(b"stts", b"\0" * 4 + struct.pack(">III", 1, frames, 1))
    trak = box(b"trak", tkhd + box(b"mdia", mdhd + hdlr + box(b"minf", box(b"stbl", stsd + stts))))
    return (box(b"ftyp", b"isom\0\0\0\1isom") + box(b"moov", mvhd + trak)
            + box(b"mdat", b"\0" * 64))


# -- an MP4 header claiming an impossible duration ---------------------------------------------

def test_a_duration_past_any_recording_is_damaged_with_a_reason(tmp_path):
    data = clip(tmp_path / "a.mp4", "2026-05-14T18:00:00Z").read_bytes()
    assert parse_bytes(data).status == "ok"
    facts = parse_bytes(claim_duration(data, 400 * 86400))
    assert facts.status == "damaged" and facts.duration_us is None
    assert "impossible duration" in facts.reason
    assert parse_bytes(crafted_mp4(10, 10)).status == "ok"   # the crafted file, told the truth
    assert parse_bytes(crafted_mp4(1 << 62)).status == "damaged"


def test_a_duration_far_beyond_the_frames_the_file_holds_is_damaged(tmp_path):
    data = clip(tmp_path / "a.mp4", "2026-05-14T18:00:00Z").read_bytes()
    # Two days claimed by a file whose frames cover two seconds: within the week, but no
    # recorder pads a header by days.
    facts = parse_bytes(claim_duration(data, 2 * 86400))
    assert facts.status == "damaged" and "its frames cover only 00:02" in facts.reason
    # A header a little longer than its frames (rounding, a last frame's length) is kept.
    assert parse_bytes(claim_duration(data, 3)).duration_us == 3 * US


def test_a_folder_with_an_impossible_duration_is_indexed_and_listed(tmp_path):
    rec = tmp_path / "rec"
    good = clip(rec / "Backyard.20260514_190000.mp4", "2026-05-14T19:00:00Z")
    bad = rec / "Backyard.20260514_180000.mp4"
    bad.write_bytes(crafted_mp4(1 << 62))   # past what the index can even keep
    longer = rec / "Backyard.20260514_170000.mp4"   # 10^12 s fits the index: an end in year 33,700
    longer.write_bytes(crafted_mp4(10 ** 12))
    for p in (bad, longer):
        os.utime(p, (OLD, OLD))
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(rec, tz="UTC")
        (report,) = agent.scan()
        assert report.seen == 3
        rows = {Path(r.path).name: r for r in agent.recordings()}
        assert rows[good.name].status == "ok"
        for p in (bad, longer):
            assert rows[p.name].status == "damaged", rows[p.name]
            assert "impossible duration" in rows[p.name].reason
            assert rows[p.name].end_us is None
        # The ten-frame files claim none of the hours after them, and the listing works.
        assert len(agent.recordings()) == 3
        cover = agent.coverage("rec", t("2026-05-14T17:00:00Z"), t("2026-05-14T19:00:00Z"))
        assert cover.covered_us == 0
        assert agent.scan()[0].unchanged == 3   # and every later scan is as calm
    finally:
        agent.close()



# -- a Hikvision card index (record_db_index00) with impossible times ---------------------------

def test_a_card_index_row_with_an_impossible_time_is_skipped_and_the_rest_indexed(tmp_path):
    card = tmp_path / "card"
    start = t("2026-11-20T22:00:00Z")
    written = write_card(card, [Recording(start, 6, 0), Recording(start + 10 * US, 6, 0)],
                         sqlite=True)
    with closing(sqlite3.connect(card / "datadir0" / "record_db_index00")) as db:
        good = db.execute("SELECT * FROM record_segment_idx_tb WHERE record_type != 0").fetchall()
        file_no, _b_start, b_end, s, e, kind = good[-1]
        # Each after the last good one, as if recorded later (rows are told apart by offset).
        for n, (s2, e2, end, k) in enumerate(((400_000_000_000, 400_000_000_060, None, kind),
                                              (s, 1 << 62, None, kind),   # year 14,645 above
                                              (s, e, None, "x"),          # SQLite keeps any type
                                              (2.5, e, None, kind),
                                              (s, e, 1 << 62, kind))):    # past the ring file
            at = b_end + n * 4096
            db.execute("INSERT INTO record_segment_idx_tb VALUES (?,?,?,?,?,?)",
                       (file_no, at, end or at + 4096, s2, e2, k))
        db.commit()
    for p in card.rglob("*"):
        os.utime(p, (OLD, OLD))
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(card, tz="UTC")
        agent.scan()
        rows = agent.recordings()
    finally:
        agent.close()
    placed = sorted((r.start_us, r.end_us) for r in rows if r.status == "ok")
    assert placed == [(w.recording.start_us, w.recording.start_us + 6 * US) for w in written]
    (beyond,) = [r for r in rows if r.status != "ok"]
    assert beyond.status == "damaged" and "past the end" in beyond.reason


# -- a card pulled out in the middle of a rescan ------------------------------------------------

def card_of_ten(tmp_path: Path) -> tuple[Path, Path]:
    """A card of ten one-minute recordings (hard links to one real clip) and the clip."""
    card = tmp_path / "card"
    one = clip(tmp_path / "one.mp4", "2026-05-14T18:00:00Z")
    card.mkdir()
    for i in range(10):
        os.link(one, card / f"CH01_20260514_18{i:02d}00_18{i:02d}59.mp4")
    return card, one


def walk_that(monkeypatch, after: int, then) -> None:
    """The scan's walk, doing `then()` once it has handed over `after` files (as a card's
    unmount or a camera's delete lands in the middle of a real walk)."""
    real = scan_mod.walk

    def walk(root, within=None):
        for n, item in enumerate(real(root, within), 1):
            yield item
            if n == after:
                then()
    monkeypatch.setattr(scan_mod, "walk", walk)


def test_a_card_pulled_out_mid_rescan_keeps_every_row_and_says_so(tmp_path, monkeypatch):
    card, _ = card_of_ten(tmp_path)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(card, tz="UTC")
        agent.scan()
        before = sorted(r.path for r in agent.recordings())
        assert len(before) == 10
        walk_that(monkeypatch, 3, lambda: card.rename(tmp_path / "card-pulled"))
        (report,) = agent.scan()
        assert report.removed == 0
        assert any("went away during the scan" in p for p in report.problems)
        kept = agent.recordings()
        assert sorted(r.path for r in kept if r.status == "ok") == before
        # Back in, scanned again: the folder's note goes, and every recording is there.
        monkeypatch.undo()
        (tmp_path / "card-pulled").rename(card)
        (report,) = agent.scan()
        assert not report.problems
        assert sorted(r.path for r in agent.recordings()) == before
    finally:
        agent.close()


def test_a_file_deleted_mid_scan_from_a_card_still_there_is_gone(tmp_path, monkeypatch):
    card, _ = card_of_ten(tmp_path)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(card, tz="UTC")
        agent.scan()
        doomed = sorted(card.iterdir())[5]   # one the walk has not reached (a camera recycling)
        walk_that(monkeypatch, 3, doomed.unlink)
        (report,) = agent.scan()
        assert report.removed == 1 and not report.problems
        assert str(doomed) not in {r.path for r in agent.recordings()}
    finally:
        agent.close()


# -- a network share or card reader whose mount point is left empty ----------------------------

def mounted(where: Path, size: str = "8m") -> bool:
    """A small disk of its own at `where` (root only, where mounts are allowed)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def test_a_share_no_longer_mounted_keeps_every_row_and_says_to_connect_it(tmp_path):
    """A NAS share mounted at a folder that stays when it drops (fstab, a card reader's mount
    point): the folder is there and empty, so the scan took every recording for deleted and
    forgot them, saying "10 gone", exit 0."""
    share = tmp_path / "nas"
    share.mkdir()
    real_mount = mounted(share)
    card, _ = card_of_ten(tmp_path)
    for f in card.iterdir():
        shutil.copy2(f, share / f.name)
    home = tmp_path / "home"
    agent = Agent(home)
    try:
        agent.add_source(share, camera="porch", tz="UTC")
        agent.scan()
        before = sorted(r.path for r in agent.recordings())
        assert len(before) == 10
        if real_mount:
            subprocess.run(["umount", str(share)], check=True)
        else:   # where nothing can be mounted: the folder as the dropped share leaves it
            for f in share.iterdir():
                f.rename(tmp_path / f.name)
        (report,) = agent.scan()
        assert report.removed == 0
        (problem,) = report.problems
        assert "is empty" in problem and "connect the drive or network share" in problem
        assert sorted(r.path for r in agent.recordings() if r.status == "ok") == before
    finally:
        agent.close()
    code = subprocess.run([sys.executable, "-m", "agent.cli", "--home", str(home), "scan"],
                          capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert code.returncode == 1 and "is empty" in code.stderr and "Traceback" not in code.stderr
    # Back (or the same folder filled by the camera again): the scan goes on from what it finds.
    for f in card.iterdir():
        shutil.copy2(f, share / f.name)
    (card / sorted(os.listdir(card))[0]).unlink()
    os.unlink(share / sorted(os.listdir(share))[0])   # the camera recycled its oldest
    agent = Agent(home)
    try:
        (report,) = agent.scan()
        assert not report.problems and report.removed == 1
        assert sorted(r.path for r in agent.recordings()) == before[1:]
    finally:
        agent.close()
        if real_mount:
            subprocess.run(["umount", str(share)], capture_output=True)


# -- a recording that cannot be read (permission denied on a share) --------------------------

def test_a_recording_that_could_not_be_read_is_read_again_once_it_can(tmp_path):
    """A file the owner's account may not read (a NAS share's permissions, a card copied as
    another user) was indexed `damaged` ("cannot read the file: permission denied") without a
    word from the scan, and stayed so after the owner fixed the permissions: fixing them does
    not change the file's size or date, so every later scan took it for unchanged."""
    from tests.conftest import require_tool
    from tests.test_errors import DROP_READ_OVERRIDE, run

    card, _ = card_of_ten(tmp_path)
    locked = sorted(card.iterdir())[4]
    shutil.copy2(locked, tmp_path / "copy.mp4")   # a file of its own, not one of the links
    os.replace(tmp_path / "copy.mp4", locked)
    home = tmp_path / "home"
    assert run(home, "sources", "add", str(card), "--camera", "porch", "--tz", "UTC")[0] == 0
    # root reads anything: the capabilities that let it are dropped for this scan
    prefix = [require_tool("setpriv"), *DROP_READ_OVERRIDE[1:]] if os.geteuid() == 0 else []
    locked.chmod(0)
    try:
        code, _, err = run(home, "scan", prefix=prefix)
    finally:
        locked.chmod(0o644)
    assert code == 0
    assert f"problem: {locked}: cannot read the file: permission denied" in err
    agent = Agent(home)
    try:
        (row,) = [r for r in agent.recordings() if r.path == str(locked)]
        assert row.status == "damaged" and "permission denied" in row.reason
        (report,) = agent.scan()   # the owner fixed the permissions: read now
        assert not report.problems and report.updated == 1
        assert {r.status for r in agent.recordings()} == {"ok"}
        (report,) = agent.scan()
        assert report.unchanged == 10
    finally:
        agent.close()


# -- a recorder freeing space while the scan walks ---------------------------------------------

def reolink_days(tmp_path: Path, days=(14, 15, 16)) -> Path:
    """A Reolink card of three day folders, three recordings each (links to one real clip)."""
    card = tmp_path / "card"
    one = clip(tmp_path / "one.mp4", "2026-05-14T18:00:00Z")
    for day in days:
        folder = card / "Mp4Record" / f"2026-05-{day}"
        folder.mkdir(parents=True)
        for i in range(3):
            os.link(one, folder / f"RecM01_202605{day}_18{i:02d}00_18{i:02d}02_6D28808_9A1B2C.mp4")
    return card


def test_a_day_folder_the_recorder_deletes_mid_scan_is_gone_not_a_problem(tmp_path, monkeypatch):
    """A recorder with a full card deletes a day folder while the scan walks the card: the scan
    said "2026-05-15: No such file or directory" as a problem, indexed the folder as a damaged
    recording, and kept its three recordings until the scan after."""
    card = reolink_days(tmp_path)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(card, tz="UTC")
        agent.scan()
        day = card / "Mp4Record" / "2026-05-15"
        walk_that(monkeypatch, 1, lambda: shutil.rmtree(day))
        (report,) = agent.scan()
        assert not report.problems and (report.added, report.removed) == (0, 3)
        assert not [r for r in agent.recordings() if r.path.startswith(str(day))]
    finally:
        agent.close()


@pytest.mark.parametrize("flat", [False, True], ids=["day folders", "flat"])
def test_a_share_dropped_mid_scan_keeps_the_rows_of_what_the_walk_had_not_reached(
        tmp_path, monkeypatch, flat):
    """The share unmounted while the walk is at its first recording: with its mount point
    still there (empty), the recordings beside that one, which could not be looked at any
    more, read as deleted and their rows went."""
    share = tmp_path / "nas"
    share.mkdir()
    real_mount = mounted(share)
    if flat:
        card, _ = card_of_ten(tmp_path)
        for f in card.iterdir():
            shutil.copy2(f, share / f.name)
    else:
        shutil.copytree(reolink_days(tmp_path) / "Mp4Record", share / "Mp4Record")
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(share, tz="UTC")
        agent.scan()
        before = sorted(r.path for r in agent.recordings())

        def drop():
            if real_mount:
                subprocess.run(["umount", "--lazy", str(share)], check=True)
            else:   # the folder as the dropped share leaves it
                for f in share.iterdir():
                    shutil.move(f, tmp_path / f"away-{f.name}")
        walk_that(monkeypatch, 1, drop)
        (report,) = agent.scan()
        assert report.removed == 0 and report.problems
        assert sorted(r.path for r in agent.recordings() if r.status == "ok") == before
    finally:
        agent.close()
        if real_mount:
            subprocess.run(["umount", str(share)], capture_output=True)


def test_a_folder_still_listed_is_never_taken_for_deleted(tmp_path):
    """Windows says "not found" for a path too long to open as for one deleted: the walk asks
    the folder above whether the folder is still there before taking it for deleted (its rows
    would go, and the scan would say nothing)."""
    from agent.index.walk import no_longer_listed
    day = tmp_path / "Mp4Record" / "2026-05-15"
    day.mkdir(parents=True)
    assert not no_longer_listed(str(day))
    day.rmdir()
    assert no_longer_listed(str(day))
    assert not no_longer_listed(str(tmp_path / "gone" / "2026-05-15"))   # nor above it: not told


def test_a_folder_reached_again_inside_itself_is_walked_once(tmp_path):
    """A share whose server follows a link back up (a NAS's `latest -> .` seen over SMB) or
    a folder mounted inside itself shows the walk the same folder again below itself: every
    recording in it was indexed again under the second path (with a server that follows the
    link every time, again and again until the path is too long)."""
    from tests.test_cli_index import bind
    card, _ = card_of_ten(tmp_path)
    if not bind(card, card / "again"):
        pytest.skip("a folder cannot be mounted a second time here")
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(card, tz="UTC")
        (report,) = agent.scan()
        paths = [r.path for r in agent.recordings()]
    finally:
        agent.close()
        subprocess.run(["umount", str(card / "again")], capture_output=True)
    assert report.seen == 10 and len(paths) == 10
    assert not [p for p in paths if str(card / "again") in p]


def test_a_day_folder_emptied_file_by_file_mid_scan_is_not_a_card_pulled_out(tmp_path,
                                                                            monkeypatch):
    """A recorder deleting a day's files one by one while the scan is in that folder leaves
    it empty for a moment: that is files deleted, not the card pulled out (only the
    recordings folder itself found empty is a mount point left behind)."""
    card = reolink_days(tmp_path)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(card, tz="UTC")
        agent.scan()
        day = card / "Mp4Record" / "2026-05-15"
        walk_that(monkeypatch, 4, lambda: [f.unlink() for f in day.iterdir()])
        (report,) = agent.scan()
        assert not report.problems and report.removed == 2
    finally:
        agent.close()


@pytest.mark.parametrize("bin_name", ["$Recycle.Bin", "$recycle.bin", "SYSTEM VOLUME INFORMATION"])
def test_windows_own_folders_are_skipped_whatever_their_capitals(tmp_path, bin_name):
    """A drive added whole (a PC recorder's own disk, D:\\) holds Windows' recycle bin, and
    the owner's deleted videos in it (`$R<random>.mp4`); Windows names it `$Recycle.Bin` on
    its own NTFS disks and `$RECYCLE.BIN` elsewhere, and its file systems ignore capitals. The
    scan skipped only the capitals it knew: a deleted recording was indexed as the camera's,
    there to be cut into a package."""
    drive = tmp_path / "drive"
    start = t("2026-11-20T22:00:00Z")
    write_clip(ClipSpec(path=drive / "porch.20261120_220000.mp4", start_us=start, seconds=2,
                        fps=5, gop_s=1.0))
    write_clip(ClipSpec(path=drive / bin_name / "S-1-5-21-1004-1001" / "$RX4K2Q9.mp4",
                        start_us=start + 60 * US, seconds=2, fps=5, gop_s=1.0))
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(drive, camera="porch", tz="UTC")
        (report,) = agent.scan()
        paths = [r.path for r in agent.recordings()]
    finally:
        agent.close()
    assert report.seen == 1 and paths == [str(drive / "porch.20261120_220000.mp4")], paths
