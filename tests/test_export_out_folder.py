"""`export --out` named as the owner types it, on the disks they have: a locked SD card, a
write-protected stick, and the odd paths a script or a slip gives. Real footage written by
PyAV, the real `footage-agent` command, a real read-only disk (a tmpfs mounted read-only,
where this runs as root)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from agent.cli import main
from demo.samples import make_recordings
from tests.conftest import t

T0 = "2026-11-20T22:00:00Z"
WINDOW = ["--from", "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z", "--progress", "none"]


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    """Porch: one 10 s file, 2 s GOP, finished long ago."""
    root = tmp_path_factory.mktemp("rec") / "porch"
    make_recordings(root, "blue-iris", "porch", t(T0), 1, 10.0, fps=10, gop_s=2.0)
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def _mount_read_only(where: Path) -> bool:
    """A disk of our own holding an empty folder `stick`, then made read-only (root only);
    False where none can be mounted."""
    where.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
                      capture_output=True).returncode != 0:
        return False
    (where / "stick").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
    return True


@pytest.mark.parametrize("inside", ["", "stick", "stick/clips"])
def test_a_folder_on_a_read_only_disk_is_one_usage_error_whether_there_or_new(
        capsys, home, footage, tmp_path, inside):
    """Export hunt 13: an existing --out folder on a read-only disk was "the package folder
    cannot be made: ... is on a read-only disk" (exit 1), a new folder inside it "--out ... is
    on a read-only disk" (exit 2). Both are the folder the owner chose, which cannot take a
    package: a usage error (exit 2) naming it, before anything is cut (docs/cli.md)."""
    disk = tmp_path / "disk"
    if not _mount_read_only(disk):
        pytest.skip("mounting a read-only disk needs root")
    try:
        assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
        out = disk / inside if inside else disk
        code, stdout, err = run(capsys, home, "export", "--camera", "porch", *WINDOW,
                                "--out", str(out))
        assert (code, stdout) == (2, ""), err
        assert f"--out {out} is on a read-only disk" in err
        assert "unlock it, or choose another folder" in err
        assert "cannot be made" not in err
        assert sorted(p.name for p in disk.iterdir()) == ["stick"]
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root, and Windows, write in a folder whatever its mode says")
def test_a_folder_this_account_may_not_write_in_is_a_usage_error(capsys, home, footage,
                                                                  tmp_path):
    """The same for a folder whose permissions refuse this account (another user's)."""
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o555)
    try:
        assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
        code, stdout, err = run(capsys, home, "export", "--camera", "porch", *WINDOW,
                                "--out", str(theirs))
        assert (code, stdout) == (2, ""), err
        assert f"--out permission denied for {theirs}" in err and "cannot be made" not in err
        assert list(theirs.iterdir()) == []
    finally:
        theirs.chmod(0o755)
