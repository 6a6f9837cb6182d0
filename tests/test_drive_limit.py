"""A clip bigger than the drive the owner exports to holds (FAT32: under 4 GiB, most USB
sticks): refused before anything is cut, and said as that limit when a write still runs into
it (Windows says "disk full" for it, Linux "File too large"). Real footage and the real
command; the drive's file system is read from a mountinfo naming the folder FAT, and the
limit is made small, since no 4 GiB FAT drive can be written here."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from agent.cli import main
from agent import file_systems
from agent.export import drive_limit
from agent.export.drive_limit import (FAT_LARGEST, clip_estimate, file_system, largest_file,
                                      limit_hit, mount_type, shown_name, size_problem)
from agent.index.rows import FileRow
from demo.samples import make_recordings
from tests.conftest import t

T0 = "2026-11-20T22:00:00Z"
MOUNTS = ("22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw\n"
          "40 22 8:17 / /media/ann/USB\\040STICK rw,nosuid - vfat /dev/sdb1 rw,fmask=0022\n"
          "41 22 8:33 / /media/ann/USB rw,nosuid - exfat /dev/sdc1 rw\n"
          "42 40 0:50 / /media/ann/USB\\040STICK/inner rw - ntfs3 /dev/sdd1 rw\n")


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec") / "porch"
    make_recordings(root, "blue-iris", "porch", t(T0), 1, 20.0, fps=10, gop_s=2.0)
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


def test_the_mount_a_path_is_on_is_the_deepest_holding_it_by_whole_folder_names():
    assert mount_type("/media/ann/USB STICK/clips", MOUNTS) == "vfat"   # \040 is a space
    assert mount_type("/media/ann/USB STICK", MOUNTS) == "vfat"
    assert mount_type("/media/ann/USB/clips", MOUNTS) == "exfat"        # not "USB STICK"'s
    assert mount_type("/media/ann/USB STICK/inner/x", MOUNTS) == "ntfs3"
    assert mount_type("/home/ann", MOUNTS) == "ext4"
    assert mount_type("/home/ann", "garbage\n\n1 2 3\n") is None


def test_fat_by_its_linux_and_windows_names_holds_under_4_gib_and_nothing_else_is_limited():
    for name in ("vfat", "msdos", "FAT32", "FAT", "fat16"):
        assert largest_file(name) == FAT_LARGEST == 2**32 - 1
    for name in ("exFAT", "exfat", "NTFS", "ntfs3", "ext4", "apfs", "", None):
        assert largest_file(name) is None
    assert (shown_name("vfat"), shown_name("FAT32"), shown_name("FAT")) == ("FAT32",) * 2 + ("FAT",)


def test_the_file_system_is_read_from_mountinfo_and_windows_asks_its_own_call(tmp_path):
    info = tmp_path / "mountinfo"
    stick = os.path.realpath(tmp_path / "stick").replace(" ", "\\040")
    info.write_text(MOUNTS.replace("/media/ann/USB\\040STICK", stick))
    assert file_system(tmp_path / "stick" / "new folder", windows=False, mountinfo=info) == "vfat"
    assert file_system(tmp_path, windows=False, mountinfo=tmp_path / "none") is None   # macOS
    # The Windows branch here, with no kernel32: no answer, as if not asked (never an error).
    if os.name != "nt":
        assert file_system(tmp_path, windows=True) is None


def test_a_clip_is_estimated_at_each_recordings_bytes_for_its_share_of_the_window():
    s = 1_000_000
    rows = [FileRow(1, "a.mp4", "porch", 0, 10 * s, 1000, 0, None, "ok", None),
            FileRow(1, "b.mp4", "porch", 20 * s, 30 * s, 5000, 0, None, "ok", None),
            FileRow(1, "ring", "porch", 30 * s, 40 * s, 10**9, 0, None, "ok", None,
                    byte_start=100, byte_end=2100),     # a recording inside a ring file
            FileRow(1, "c.mp4", "porch", None, None, 7777, 0, None, "ok", None)]
    assert clip_estimate(rows, 5 * s, 35 * s) == 500 + 5000 + 1000
    assert size_problem(Path("E:/clips"), FAT_LARGEST, "FAT32") is None
    said = size_problem(Path("E:/clips"), 5_200_000_000, "vfat")
    assert said.startswith("this clip would be about 5.2 GB, too big for the drive holding ")
    assert "formatted FAT32, which holds no file of 4 GB or more" in said and "exFAT" in said
    assert size_problem(Path("E:/clips"), 5_200_000_000, "exFAT") is None


def test_a_write_said_to_be_full_on_a_fat_drive_with_room_is_its_size_limit(tmp_path):
    windows = "the clip could not be written ([WinError 112] There is not enough space on the disk)"
    assert limit_hit(windows, tmp_path, "FAT32")
    assert not limit_hit(windows, tmp_path, "NTFS")           # a full NTFS disk is full
    assert not limit_hit("the clip could not be finished (Invalid data)", tmp_path, "FAT32")
    assert limit_hit("the clip could not be finished (File too large)", tmp_path, None)


def _fat_here(monkeypatch, tmp_path: Path, folder: Path) -> None:
    """This run's mountinfo, with `folder` a FAT drive of its own."""
    text = Path("/proc/self/mountinfo").read_text() if Path("/proc/self/mountinfo").exists() \
        else MOUNTS
    info = tmp_path / "mountinfo"
    info.write_text(text + f"99 22 8:17 / {os.path.realpath(folder)} rw - vfat /dev/sdb1 rw\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)


def test_an_export_bigger_than_its_fat_drive_holds_is_refused_before_anything_is_cut(
        capsys, monkeypatch, tmp_path, footage):
    stick = tmp_path / "stick"
    stick.mkdir()
    _fat_here(monkeypatch, tmp_path, stick)
    size = sum(p.stat().st_size for p in footage.iterdir())
    monkeypatch.setattr(drive_limit, "FAT_LARGEST", size // 4)   # its "4 GiB": 5 s of the 20
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(footage), "--tz", "UTC"]) == 0
    capsys.readouterr()
    code = main(["--home", str(home), "export", "--camera", "porch", "--from", T0, "--to",
                 "2026-11-20T22:00:06Z", "--out", str(stick / "for the insurer")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "too big for the drive holding" in err and "formatted FAT32" in err
    assert not any(stick.iterdir())    # no package, no folder made for it, nothing cut
    # Four seconds of it fit: exported as ever.
    code = main(["--home", str(home), "export", "--camera", "porch", "--from", T0, "--to",
                 "2026-11-20T22:00:04Z", "--out", str(stick), "--json"])
    assert code == 0 and Path(json.loads(capsys.readouterr().out)["clip"]).is_file()


@pytest.mark.skipif(os.name == "nt", reason="a file size limit set as POSIX does")
def test_a_write_that_runs_into_the_drives_file_size_limit_says_so(capsys, tmp_path, footage):
    # The estimate passed (a re-encode can come out bigger than its recordings), and the
    # system refuses the write past the limit: the real error, from a limit on this process
    # for the export's time (64 KiB: the home's files stay under it, the 20 s clip, about
    # 110 KB, does not).
    import resource
    import signal
    home, out = tmp_path / "home", tmp_path / "out"
    out.mkdir()
    assert main(["--home", str(home), "scan", str(footage), "--tz", "UTC"]) == 0
    capsys.readouterr()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    was = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # the write fails, EFBIG, instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (65536, hard))
    try:
        code = main(["--home", str(home), "export", "--camera", "porch", "--from", T0,
                     "--to", "2026-11-20T22:00:20Z", "--out", str(out)])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, was)
    err = capsys.readouterr().err
    assert code == 2, err
    assert ("the clip is too big for the drive holding " + str(out) + ": it may be formatted "
            "FAT32, as most USB sticks are, which holds no file of 4 GB or more") in err
    assert "File too large" not in err and not any(out.iterdir())
