"""Another disk in the same slot is not the registered camera's footage: a card reader's drive
(a USB disk, a NAS mount point) added as camera porch's folder, then ANOTHER camera's card put
in the same slot. The scan took the other card for porch's: porch's rows were dropped and the
other camera's footage was indexed as porch, so a request for porch could be answered with it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agent.index.disk_identity import (linux_uuid, serial_words, volume_identity,
                                       volume_root_argument)
from agent.service import Agent, AgentError, Refusal
from demo.samples import ClipSpec, write_clip
from tests.conftest import t
from tests.test_index_hostile import mounted

OLD = 1_700_000_000   # an mtime long past: nothing is still being written
REPO = Path(__file__).parent.parent


def card(folder: Path, name: str, starts: list[str], seconds: float = 1.0) -> list[Path]:
    """A camera's card: one recording (real H.264 by PyAV) per start, named by the recorder's
    layout `name.YYYYMMDD_HHMMSS.mp4`, all under `record/` as a camera writes them."""
    made = []
    for start in starts:
        stamp = start.replace("-", "").replace(":", "").replace("T", "_").rstrip("Z")
        path = write_clip(ClipSpec(path=folder / "record" / f"{name}.{stamp}.mp4",
                                   start_us=t(start), seconds=seconds, fps=5))
        os.utime(path, (OLD, OLD))
        made.append(path)
    return made


class Slot:
    """A folder where a disk is put (a real tmpfs mounted there where this machine allows it;
    else the folder's contents replaced wholesale, as a swapped card leaves it)."""

    def __init__(self, where: Path):
        self.where = where
        where.mkdir()
        self.real = mounted(where, "64m")

    def swap(self, other: Path) -> None:
        """Take the disk out and put in one holding what `other` holds."""
        if self.real:
            subprocess.run(["umount", str(self.where)], check=True)
            assert mounted(self.where, "64m")
        else:
            shutil.rmtree(self.where)
            self.where.mkdir()
        shutil.copytree(other, self.where, dirs_exist_ok=True, copy_function=shutil.copy2)

    def close(self) -> None:
        if self.real:
            subprocess.run(["umount", str(self.where)], capture_output=True)


@pytest.fixture
def slot(tmp_path):
    s = Slot(tmp_path / "reader")
    yield s
    s.close()


def porch_and_garage(tmp_path: Path) -> tuple[Path, Path]:
    """Porch's card and garage's card, kept aside: the garage card's first recording has the
    same path as one of porch's (cameras of one make name files alike)."""
    porch, garage = tmp_path / "porch-card", tmp_path / "garage-card"
    card(porch, "cam", ["2026-11-20T14:00:00Z", "2026-11-20T14:10:00Z"])
    card(garage, "cam", ["2026-11-20T14:00:00Z", "2026-11-21T09:00:00Z"], seconds=2.0)
    return porch, garage


def test_another_cameras_card_in_the_same_slot_keeps_porch_and_indexes_nothing(tmp_path, slot):
    porch, garage = porch_and_garage(tmp_path)
    shutil.copytree(porch, slot.where, dirs_exist_ok=True, copy_function=shutil.copy2)
    home = tmp_path / "home"
    agent = Agent(home)
    try:
        agent.add_source(slot.where, camera="porch", tz="UTC")
        agent.scan()
        before = agent.recordings("porch")
        assert len(before) == 2
        slot.swap(garage)
        (report,) = agent.scan()
        assert report.removed == 0 and report.added == 0
        (problem,) = report.problems
        assert "another disk" in problem and "--new-disk" in problem
        assert agent.recordings("porch") == before   # every row kept, nothing of garage's
        with pytest.raises(Refusal, match="another disk"):
            agent.scan([str(slot.where)])   # named: refused, as the command exits 3
        assert agent.recordings("porch") == before
        # The watcher's rescan of one folder of it (a file the other card holds) is refused too.
        with pytest.raises(AgentError, match="another disk"):
            agent.rescan_root(str(slot.where), folders=[str(slot.where / "record")])
        assert agent.recordings("porch") == before
    finally:
        agent.close()
    cli = [sys.executable, "-m", "agent.cli", "--home", str(home), "scan"]
    done = subprocess.run(cli, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 3, done.stderr
    assert "another disk" in done.stderr and "Traceback" not in done.stderr
    # The owner says it is porch's new card: its recordings become porch's, the old ones go.
    done = subprocess.run(cli + [str(slot.where), "--new-disk"], capture_output=True, text=True,
                          cwd=REPO)
    assert done.returncode == 0, done.stderr
    agent = Agent(home)
    try:
        now = agent.recordings("porch")
        assert sorted(r.path for r in now) == sorted(
            str(slot.where / p.relative_to(garage)) for p in garage.rglob("*.mp4"))
        assert {r.end_us - r.start_us for r in now} == {2_000_000}   # garage's, read anew
        (report,) = agent.scan()   # and from now on it is the disk of that folder
        assert not report.problems and report.unchanged == 2
        said = [r for r in agent.activity() if r.event == "source-changed"]
        assert said[-1].data["new_disk"] is True and said[-1].data["folder"] == str(slot.where)
    finally:
        agent.close()


def test_new_disk_needs_a_folder_named(tmp_path):
    """`--new-disk` says which folder holds the new card: for every folder at once it would
    take any card in any slot for its camera's."""
    home = tmp_path / "home"
    card(tmp_path / "f", "cam", ["2026-11-20T14:00:00Z"])
    agent = Agent(home)
    try:
        agent.add_source(tmp_path / "f", camera="porch", tz="UTC")
    finally:
        agent.close()
    done = subprocess.run([sys.executable, "-m", "agent.cli", "--home", str(home), "scan",
                           "--new-disk"], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2 and "--new-disk" in done.stderr and "PATH" in done.stderr


def test_the_same_card_put_back_and_filled_on_is_scanned_as_usual(tmp_path, slot):
    """No false alarm: porch's own card taken out and put back, its camera having recorded
    more meanwhile and recycled its oldest recording."""
    porch, _garage = porch_and_garage(tmp_path)
    shutil.copytree(porch, slot.where, dirs_exist_ok=True, copy_function=shutil.copy2)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(slot.where, camera="porch", tz="UTC")
        agent.scan()
        oldest = min(porch.rglob("*.mp4"))
        oldest.unlink()
        card(porch, "cam", ["2026-11-20T14:20:00Z"])
        slot.swap(porch)
        (report,) = agent.scan()
        assert not report.problems and (report.added, report.removed) == (1, 1)
    finally:
        agent.close()


def test_a_zone_changed_then_the_same_card_is_not_taken_for_another(tmp_path):
    """A new zone marks every row to be placed again (no kept date matches any file): the
    card's recordings, same names and sizes, still say it is the same card."""
    folder = tmp_path / "card"
    card(folder, "cam", ["2026-11-20T14:00:00Z"])
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(folder, camera="porch", tz="UTC")
        agent.scan()
        agent.add_source(folder, tz="Europe/Madrid")
        (report,) = agent.scan()
        assert not report.problems and report.updated == 1
    finally:
        agent.close()


def test_a_windows_volume_is_asked_by_its_root():
    """GetVolumeInformationW takes the root of a volume with its trailing backslash; its serial
    reads as Windows' `dir` shows it."""
    assert volume_root_argument("E:\\") == "E:\\"
    assert volume_root_argument("E:") == "E:\\"
    assert volume_root_argument("\\\\nas\\cams\\") == "\\\\nas\\cams\\"
    assert serial_words(0x1234ABCD) == "1234-ABCD"
    assert serial_words(0x0000000F) == "0000-000F"


def test_a_linux_disk_is_known_by_the_uuid_of_its_device(tmp_path):
    """/dev/disk/by-uuid names each formatted device by its file system's UUID (a FAT card's
    volume serial): the one whose device is the folder's is its disk; none for a disk that
    has none (tmpfs, a network share)."""
    links = tmp_path / "by-uuid"
    links.mkdir()
    fake_devices = tmp_path / "dev"
    fake_devices.mkdir()
    for name in ("sdb1", "sdc1"):
        (fake_devices / name).write_text("")
    (links / "1234-ABCD").symlink_to(fake_devices / "sdb1")
    (links / "9999-0000").symlink_to(fake_devices / "sdc1")
    devices = {str(fake_devices / "sdb1"): 0x811, str(fake_devices / "sdc1"): 0x821}
    assert linux_uuid(0x821, links, lambda p: devices[os.path.realpath(p)]) == "9999-0000"
    assert linux_uuid(0x999, links, lambda p: devices[os.path.realpath(p)]) is None
    assert linux_uuid(0x811, tmp_path / "none", lambda p: 0) is None


def test_a_recording_still_being_written_and_grown_since_is_the_same_disk(tmp_path):
    """The folder's only recording was being written when it was indexed: grown since, it is
    still that disk's, not another's."""
    folder = tmp_path / "cam"
    (path,) = card(folder, "cam", ["2026-11-20T14:00:00Z"])
    whole = path.read_bytes()
    path.write_bytes(whole[:len(whole) // 2])   # written just now: the recorder is still at it
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(folder, camera="porch", tz="UTC")
        agent.scan()
        assert agent.recordings()[0].status == "in-progress"
        with path.open("ab") as f:
            f.write(whole[len(whole) // 2:])
        (report,) = agent.scan()
        assert not report.problems and report.seen == 1
    finally:
        agent.close()


def test_the_disk_named_by_the_system_decides_when_the_files_cannot(tmp_path):
    """Where the system names the disk: the same name is the same disk though the camera
    recorded over all that was indexed; another name is another disk though it holds no
    recording yet (a card just formatted), or holds what was indexed (a copy)."""
    from agent.index.other_disk import OtherDisk, judge
    folder = tmp_path / "reader"
    (kept,) = card(folder, "cam", ["2026-11-20T14:00:00Z"])
    size, mtime = kept.stat().st_size, kept.stat().st_mtime_ns
    gone = {str(folder / "record" / "cam.20261101_000000.mp4"): (size, mtime, True)}
    judge(folder, gone, "uuid:A", "uuid:A")   # recycled, same disk: scanned
    with pytest.raises(OtherDisk):
        judge(folder, gone, None, None)   # no name: what it holds says another
    kept.unlink()
    (folder / "DCIM").mkdir()
    judge(folder, gone, None, None)   # nothing recorded there: the owner emptied it
    with pytest.raises(OtherDisk, match="now holds another disk"):
        judge(folder, gone, "uuid:A", "uuid:B")
    (again,) = card(folder, "cam", ["2026-11-20T14:00:00Z"])
    there = {str(again): (again.stat().st_size, again.stat().st_mtime_ns, True)}
    judge(folder, there, None, None)   # what was indexed is there as it was
    with pytest.raises(OtherDisk):   # ...but on a card of another name: a copy, the owner's say
        judge(folder, there, "uuid:A", "uuid:B")
    # A file of the same path and size but another date (recorders writing files of one
    # fixed size) says nothing: the folder holds recordings, none of them indexed.
    os.utime(again, ns=(OLD * 10**9 - 10**9, OLD * 10**9 - 10**9))   # an older file
    with pytest.raises(OtherDisk):
        judge(folder, there, None, None)


def test_an_index_of_version_3_opens_with_its_rows_and_gains_its_disks(tmp_path):
    """An older home opens: its rows are kept as they are (not looked at again), and the
    table of disks is made."""
    import sqlite3
    from contextlib import closing

    from agent.index.schema import VERSION
    folder, home = tmp_path / "card", tmp_path / "home"
    card(folder, "cam", ["2026-11-20T14:00:00Z"])
    agent = Agent(home)
    agent.add_source(folder, camera="porch", tz="UTC")
    agent.scan()
    agent.close()
    with closing(sqlite3.connect(home / "index.db")) as db:
        db.execute("DROP TABLE disks")
        db.execute("PRAGMA user_version=3")
        db.commit()
    agent = Agent(home)
    try:
        (report,) = agent.scan()
        assert report.unchanged == 1 and not report.problems
    finally:
        agent.close()
    with closing(sqlite3.connect(home / "index.db")) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        named = volume_identity(str(folder)) is not None   # none for most test disks
        assert db.execute("SELECT count(*) FROM disks").fetchone()[0] == int(named)


def test_another_hikvision_card_is_another_disk_and_its_own_recorded_on_is_not(tmp_path, slot):
    """Hikvision cards hold ring files of one preallocated size under the same names
    (datadir0/hiv00000.mp4): another camera's card whose files were last written before
    porch's index was passed for porch's. The recordings its index lists say which card it
    is: porch's own card, recorded on in the camera and put back, is porch's."""
    from demo.hikvision_card import Recording, write_card
    start = t("2026-11-20T22:00:00Z")
    porch, garage = tmp_path / "porch-card", tmp_path / "garage-card"
    first = [Recording(start, 4, 0), Recording(start + 10_000_000, 4, 1)]
    write_card(porch, first)
    write_card(garage, [Recording(start + 3_600_000_000, 4, 0)])
    for f in (garage / "datadir0").iterdir():   # garage's card written the day before
        os.utime(f, (OLD - 86400, OLD - 86400))
    shutil.copytree(porch, slot.where, dirs_exist_ok=True, copy_function=shutil.copy2)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(slot.where, camera="porch", tz="UTC")
        agent.scan()
        before = agent.recordings()
        assert {r.camera for r in before} == {"porch"} and len(before) == 2
        slot.swap(garage)
        (report,) = agent.scan()
        assert "another disk" in " ".join(report.problems)
        assert agent.recordings() == before
        write_card(porch, first + [Recording(start + 20_000_000, 4, 2)])   # recorded on
        slot.swap(porch)
        (report,) = agent.scan()
        assert not report.problems and len(agent.recordings()) == 3
    finally:
        agent.close()


def test_scan_json_says_which_folder_holds_another_disk(tmp_path, slot):
    """A script reading `scan --json` tells the folder that holds another disk (exit 3, its
    rows kept) from one that merely failed or was scanned: `other_disk` on each report."""
    porch, garage = porch_and_garage(tmp_path)
    shutil.copytree(porch, slot.where, dirs_exist_ok=True, copy_function=shutil.copy2)
    yard = tmp_path / "yard"
    card(yard, "cam", ["2026-11-22T08:00:00Z"])
    home = tmp_path / "home"
    agent = Agent(home)
    try:
        agent.add_source(slot.where, camera="porch", tz="UTC")
        agent.add_source(yard, camera="yard", tz="UTC")
        agent.scan()
    finally:
        agent.close()
    slot.swap(garage)
    cli = [sys.executable, "-m", "agent.cli", "--home", str(home), "scan", "--json"]
    done = subprocess.run(cli, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 3, done.stderr
    reports = {r["source"]: r for r in json.loads(done.stdout)}
    assert reports[str(slot.where)]["other_disk"] is True
    assert reports[str(slot.where)]["seen"] == 0
    assert reports[str(yard)]["other_disk"] is False and reports[str(yard)]["unchanged"] == 1
