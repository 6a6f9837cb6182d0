"""A finished package folder is opened to others as any folder made there is (verify hunt 10).
It was built in a folder mkdtemp makes, mode 0700, and renamed as it was: its files 0644 and
data/ 0755 (the umask's), but the package folder itself could be opened by nobody but the
owner, so a detective's account on the same PC, or another user of the NAS share the owner
exported to, was refused ("Permission denied") though handed the folder. It now takes the
mode its own data/ folder was made with, the umask's: a stricter umask (077) keeps it 0700.
Windows' branch (nothing done: the mode means nothing there) is tested through its pure
part: no chmod is made."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from agent.hidden_files import open_as_made
from tests.test_package import build, clip, key  # noqa: F401


@pytest.fixture
def shared():
    """A folder other accounts can reach (pytest's own is private to its user)."""
    top = Path(tempfile.mkdtemp(prefix="shared-", dir="/tmp"))
    os.chmod(top, 0o755)
    yield top
    shutil.rmtree(top)


def test_a_finished_package_opens_for_another_account(shared, key, clip):
    old = os.umask(0o022)
    try:
        package = build(shared / "out", key, clip).path
    finally:
        os.umask(old)
    assert package.stat().st_mode & 0o777 == 0o755
    assert (package / "data").stat().st_mode & 0o777 == 0o755
    if os.geteuid() != 0 or not shutil.which("runuser"):
        return   # the mode above is what another account is let in by
    listed = subprocess.run(["runuser", "-u", "nobody", "--", "ls", str(package / "data")],
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert "provenance.json" in listed.stdout


def test_a_strict_umask_keeps_the_package_private(tmp_path, key, clip):
    old = os.umask(0o077)
    try:
        package = build(tmp_path / "out", key, clip).path
    finally:
        os.umask(old)
    assert package.stat().st_mode & 0o777 == 0o700
    assert (package / "data").stat().st_mode & 0o777 == 0o700


def test_windows_takes_no_mode(tmp_path):
    folder, model = tmp_path / "f", tmp_path / "m"
    folder.mkdir(mode=0o700)
    model.mkdir(mode=0o755)
    os.chmod(model, 0o755)
    assert open_as_made(folder, model, os_name="nt") is False
    assert folder.stat().st_mode & 0o777 == 0o700
    assert open_as_made(folder, model, os_name="posix") is True
    assert folder.stat().st_mode & 0o777 == 0o755
