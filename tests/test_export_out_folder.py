"""`export --out` named as the owner types it, on the disks they have: a locked SD card, a
write-protected stick, and the odd paths a script or a slip gives. Real footage written by
PyAV, the real `footage-agent` command, a real read-only disk (a tmpfs mounted read-only,
where this runs as root)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agent.cli import main
from demo.samples import make_recordings
from tests.conftest import require_tool, t
from tests.test_errors import DROP_READ_OVERRIDE

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


def run_bound(home: Path, *argv: str) -> tuple[int, str, str]:
    """`footage-agent --home HOME ...` in a process of its own; as root, one without the
    capabilities that pass over a folder's permissions."""
    prefix = [require_tool("setpriv"), *DROP_READ_OVERRIDE[1:]] if os.geteuid() == 0 else []
    done = subprocess.run([*prefix, sys.executable, "-m", "agent.cli", "--home", str(home),
                           *argv], capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


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


@pytest.mark.skipif(os.name == "nt", reason="Windows writes in a folder whatever its mode says")
def test_a_folder_this_account_may_not_write_in_is_a_usage_error(capsys, home, footage,
                                                                  tmp_path):
    """The same for a folder whose permissions refuse this account (another user's). Root
    writes anywhere: as root the export runs in a process without the capability that lets it
    (setpriv, as tests/test_errors.py does), so the folder's mode binds it."""
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o555)
    try:
        assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
        code, stdout, err = run_bound(home, "export", "--camera", "porch", *WINDOW,
                                      "--out", str(theirs))
        assert (code, stdout) == (2, ""), err
        assert f"--out permission denied for {theirs}" in err and "cannot be made" not in err
        assert list(theirs.iterdir()) == []
    finally:
        theirs.chmod(0o755)


@pytest.mark.skipif(os.name == "nt", reason="making a link needs an administrator on Windows")
@pytest.mark.parametrize("below", [False, True])
def test_a_link_that_leads_nowhere_is_said_so(capsys, home, footage, tmp_path, below):
    """Export hunt 13: --out a link to a stick no longer plugged in was "a file, not a
    folder", and a new folder below it "does not exist, nor does the folder it would go in"."""
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    link = tmp_path / "stick"
    link.symlink_to(tmp_path / "unplugged" / "clips")
    out = link / "new" if below else link
    code, stdout, err = run(capsys, home, "export", "--camera", "porch", *WINDOW,
                            "--out", str(out))
    assert (code, stdout) == (2, ""), err
    assert f"{link} is a link to {tmp_path / 'unplugged' / 'clips'}, which is not there" in err
    assert "connect it, or choose another folder" in err
    assert "a file, not a folder" not in err and "does not exist" not in err
    assert link.is_symlink() and not (tmp_path / "unplugged").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
@pytest.mark.parametrize("out", ["/proc", "/proc/clips"])
def test_a_folder_of_the_systems_own_is_not_called_missing(capsys, home, footage, out):
    """Export hunt 13: --out /proc, which is there, was "/proc does not exist: check the path"
    (exit 1)."""
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, stdout, err = run(capsys, home, "export", "--camera", "porch", *WINDOW, "--out", out)
    assert (code, stdout) == (2, ""), err
    assert "/proc is a folder of the system's own, where no file can be kept" in err
    assert "does not exist" not in err


def test_the_paths_it_prints_lead_to_the_package_from_any_folder(capsys, home, footage,
                                                                  tmp_path, monkeypatch):
    """Export hunt 13: `export --out clips --json` gave "package": "clips/manual_..." (and
    stdout the same), which a script reading it from another folder cannot find."""
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    monkeypatch.chdir(tmp_path)
    code, stdout, err = run(capsys, home, "export", "--camera", "porch", *WINDOW,
                            "--out", "clips", "--json")
    assert code == 0, err
    done = json.loads(stdout)
    package, clip = Path(done["package"]), Path(done["clip"])
    assert package.is_absolute() and clip.is_absolute()
    assert package.parent == tmp_path / "clips" and clip.is_file()
    monkeypatch.chdir(footage)   # from elsewhere, the path still leads to it
    assert run(capsys, home, "verify", done["package"])[0] == 0
    code, stdout, err = run(capsys, home, "export", "--camera", "porch", "--from",
                            "2026-11-20T22:00:05Z", "--to", "2026-11-20T22:00:08Z",
                            "--progress", "none", "--out", os.path.relpath(tmp_path / "clips"))
    assert code == 0, err
    printed = Path(stdout.strip())   # as typed, from the root: `.../porch/../../clips/...`
    assert printed.is_absolute() and printed.parent.resolve() == (tmp_path / "clips").resolve()
