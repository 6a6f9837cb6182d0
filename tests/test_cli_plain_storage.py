"""Failures of the disk and of the agent's own files, said in plain words through the real
command: a disk that fills while the clip's Content Credentials are appended, a witness file
that cannot be read, settings.json or the index that cannot be used, a recordings folder
whose own name is not text, and a read-only `--out` disk. Never `[Errno N]`, a codec's words
or "unexpected failure: <Python class>"; and nothing the owner keeps is deleted or changed."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from agent.cli import main
from agent.export import credentials
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

WINDOW = ["--camera", "porch", "--from", "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z"]
JARGON = ("Errno", "Error:", "Traceback", "unexpected failure", "codec", "surrogates")


@pytest.fixture
def porch(tmp_path: Path) -> Path:
    """A home with one camera, porch, indexed: six seconds of real footage."""
    rec = tmp_path / "porch"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=6, fps=10, gop_s=1.0))
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(rec), "--tz", "UTC"]) == 0
    return home


def said(capsys, *argv: str) -> tuple[int, str]:
    """Run the command in this process: (exit code, its one line on stderr), checked plain."""
    capsys.readouterr()
    code = main(list(argv))
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("footage-agent: "), err
    for word in JARGON:
        assert word not in err, err
    return code, err


def _mount_tmpfs(where: Path, options: str) -> bool:
    """A small disk of our own (root only); False where none can be mounted."""
    where.mkdir(exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", str(where)], check=True)


# finding 7: the disk fills while the credentials are appended ------------------------------
def test_a_disk_that_fills_as_the_credentials_are_appended_says_the_disk_is_full(
        porch, tmp_path, capsys, monkeypatch):
    # Only the append of the C2PA box (the clip opened "r+b") meets a full disk: where a
    # tmpfs fills exactly then depends on the clip's size, so the disk's refusal is made here.
    def full_on_append(path, mode="r", *args, **kwargs):
        handle = open(path, mode, *args, **kwargs)
        if mode == "r+b":
            def write(_data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            handle.write = write
        return handle

    monkeypatch.setattr(credentials, "open", full_on_append, raising=False)
    out = tmp_path / "out"
    out.mkdir()
    code, err = said(capsys, "--home", str(porch), "export", *WINDOW, "--out", str(out),
                     "--progress", "none")
    assert code == 1
    assert f"the disk holding {out} is full: free some space there" in err
    assert list(out.iterdir()) == []   # no package, no partial folder
