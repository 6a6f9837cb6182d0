"""Failures of the disk and of the agent's own files, said in plain words through the real
command: a disk that fills while the clip's Content Credentials are appended, a witness file
that cannot be read, settings.json or the index that cannot be used, a recordings folder
whose own name is not text, and a read-only `--out` disk. Never `[Errno N]`, a codec's words
or "unexpected failure: <Python class>"; and nothing the owner keeps is deleted or changed."""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
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


# finding 8 ---------------------------------------------------------------------------------
def test_a_witness_file_that_cannot_be_read_is_named_in_plain_words(porch, tmp_path, capsys):
    missing = tmp_path / "nowhere" / "decision.jws"
    code, err = said(capsys, "--home", str(porch), "log", "verify", "--witness", str(missing))
    assert code == 2 and f"{missing} does not exist: check the path" in err
    code, err = said(capsys, "--home", str(porch), "log", "verify", "--witness", str(tmp_path))
    assert code == 2 and f"{tmp_path} is a folder where a file was expected" in err
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not a decision")
    code, err = said(capsys, "--home", str(porch), "log", "verify", "--witness", str(binary))
    assert code == 2 and f"{binary}: not a decision file" in err


def test_settings_that_are_a_folder_are_named_in_plain_words(porch, capsys):
    (porch / "settings.json").mkdir()
    code, err = said(capsys, "--home", str(porch), "recordings")
    assert code == 1
    assert f"{porch / 'settings.json'} is a folder where a file was expected" in err
    (porch / "settings.json").rmdir()
    (porch / "settings.json").write_bytes(b"\xff\xfe{}")
    code, err = said(capsys, "--home", str(porch), "recordings")
    assert code == 1 and "cannot be used: it is not text: fix it, or delete it" in err


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_index_is_kept_and_the_owner_is_told_not_to_delete_it(porch, capsys, damage):
    index = porch / "index.db"
    if damage == "truncated":
        with open(index, "r+b") as fh:
            fh.truncate(8192)
    else:
        index.write_bytes(bytes(range(256)) * 80)
    before = index.read_bytes()
    code, err = said(capsys, "--home", str(porch), "recordings")
    assert code == 1
    assert f"the index {index} is damaged" in err
    assert "holds your recordings folders and camera names" in err and "do not delete it" in err
    assert index.read_bytes() == before   # nothing recreated or repaired behind the owner


def test_an_index_that_is_a_folder_is_named_in_plain_words(porch, capsys):
    index = porch / "index.db"
    for side in porch.glob("index.db*"):
        side.unlink()
    index.mkdir()
    code, err = said(capsys, "--home", str(porch), "sources", "list")
    assert code == 1 and f"{index} is a folder where a file was expected" in err


def test_a_full_disk_under_the_home_says_so(tmp_path, capsys):
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "size=300k"):
        # No disk of our own to fill: the words SQLite's "full" gets, at least.
        from agent.index.store_errors import database_words
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorcode = sqlite3.SQLITE_FULL
        assert "is full: free some space there" in database_words(tmp_path / "index.db", exc)
        return
    try:
        home = disk / "home"
        assert main(["--home", str(home), "keys", "show"]) == 0   # the home, before the index
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * free)
        code, err = said(capsys, "--home", str(home), "sources", "list")
        assert code == 1
        assert f"the disk holding the index {home / 'index.db'} is full: free some space" in err
    finally:
        _umount(disk)


@pytest.mark.skipif(os.name != "posix", reason="names on Windows are always text")
def test_a_recordings_folder_whose_name_is_not_text_is_refused_in_plain_words(
        porch, tmp_path, capsys):
    card = os.fsdecode(os.fsencode(str(tmp_path)) + b"/card\xff")
    try:
        os.mkdir(card)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    for argv in (["sources", "add", card], ["scan", card]):
        code, err = said(capsys, "--home", str(porch), *argv)
        assert code == 1
        assert f"the name of the folder {tmp_path}/card\ufffd is not valid text" in err
        assert "rename the folder" in err
    code, out = main(["--home", str(porch), "sources", "list"]), capsys.readouterr().out
    assert code == 0 and "card" not in out   # nothing half-registered


def test_a_read_only_out_disk_says_what_to_do(porch, tmp_path, capsys):
    disk = tmp_path / "locked"
    if not _mount_tmpfs(disk, "size=1m,ro"):
        pytest.skip("mounting a read-only disk needs root")
    try:
        code, err = said(capsys, "--home", str(porch), "export", *WINDOW, "--out", str(disk),
                         "--progress", "none")
        # the folder the owner chose cannot take a package: a usage error, as a new folder
        # on that disk is (test_export_out_folder.py), no longer exit 1
        assert code == 2
        assert f"--out {disk} is on a read-only disk" in err and "choose another folder" in err
    finally:
        _umount(disk)


def test_a_home_on_a_disk_made_read_only_says_why_and_what_to_do(porch, tmp_path, capsys):
    """A home that was in use, its disk now read-only (a backup drive's lock, a share remounted
    read-only): the reason and the way out are said, as for a new home there."""
    disk = tmp_path / "locked"
    if not _mount_tmpfs(disk, "size=4m"):
        pytest.skip("mounting a disk needs root")
    try:
        shutil.copytree(porch, disk / "home")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        code, err = said(capsys, "--home", str(disk / "home"), "sources", "list")
        assert code == 1
        assert f"cannot use {disk / 'home'} as the agent's home folder" in err
        assert "is on a read-only disk" in err and "unlock it" in err
    finally:
        _umount(disk)


def test_a_damaged_inbox_is_a_plain_failure_and_never_stops_an_export_by_hand(
        porch, tmp_path, capsys):
    """inbox.db holds the police requests; an export by hand answers none of them, so a damaged
    one must not keep a clip from the detective at the door. Where the inbox is needed, it is
    said as the command's failure, not as an unexpected one, and the file is kept as it was."""
    inbox = porch / "inbox.db"
    for side in porch.glob("inbox.db*"):
        side.unlink()
    inbox.write_bytes(bytes(range(256)) * 40)
    before = inbox.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    capsys.readouterr()
    assert main(["--home", str(porch), "export", *WINDOW, "--out", str(out),
                 "--progress", "none"]) == 0
    assert len(list(out.iterdir())) == 1
    code, err = said(capsys, "--home", str(porch), "inbox")
    assert code == 1 and f"the inbox {inbox} is damaged and cannot be used" in err
    assert "do not delete it: put back a copy from a backup" in err   # never "delete it"
    assert inbox.read_bytes() == before


def test_a_damaged_owner_key_is_kept_and_the_owner_is_told_how_to_recover(porch, capsys):
    """The owner key signs the packages, the activity log's seal and the registrations: a new
    one made in its place leaves the log with a gap for good and the agencies pinned to the old
    one, so the owner is told to put back a copy, and what moving it aside would cost."""
    key = porch / "keys" / "owner.key"
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    before = key.read_bytes()
    code, err = said(capsys, "--home", str(porch), "keys", "show")
    assert code == 1
    assert f"The owner key file {key} is damaged" in err
    assert "do not delete it" in err and "put back a copy of it from a backup" in err
    assert "register again with each agency" in err
    assert key.read_bytes() == before


def test_an_index_cut_to_nothing_is_said_not_taken_for_a_new_one(tmp_path, capsys):
    """New-user hunt: a 0-byte index.db (a copy or restore that failed) read as a new, empty
    index: 'no recordings folders yet', exit 0, the folders and camera names gone without a
    word. The activity log shows folders were added, so it is said, and the file kept."""
    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--tz", "UTC"]) == 0
    for side in home.glob("index.db*"):
        side.unlink()
    (home / "index.db").write_bytes(b"")
    capsys.readouterr()
    code, err = said(capsys, "--home", str(home), "sources", "list")
    assert code == 1 and f"the index {home / 'index.db'} is empty (0 bytes)" in err
    assert "do not delete it" in err and (home / "index.db").stat().st_size == 0
    fresh = tmp_path / "fresh"   # a first run that stopped before the index was written
    fresh.mkdir()
    (fresh / "index.db").write_bytes(b"")
    assert main(["--home", str(fresh), "sources", "list"]) == 0


def test_an_inbox_cut_to_nothing_is_said_not_taken_for_a_new_one(tmp_path, capsys):
    """Damage hunt: a 0-byte inbox.db (a power cut as it was copied back, a sync tool's
    half-written copy) was opened as a new, empty inbox: 'there is no request ... in the inbox',
    the requests and what was decided on them gone without a word, the file written over, and
    a request received before taken again as new. The activity log shows requests were
    received, so it is said, and the file kept as it is."""
    from demo.gui_data import make_world
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    home = world.home
    assert main(["--home", str(home), "import-request", str(world.request_file)]) == 0
    for side in home.glob("inbox.db*"):
        side.unlink()
    (home / "inbox.db").write_bytes(b"")
    for argv in (["inbox"], ["inbox", "show", world.request_id],
                 ["import-request", str(world.request_file)]):
        code, err = said(capsys, "--home", str(home), *argv)
        assert code == 1, err
        assert f"the inbox {home / 'inbox.db'} is empty (0 bytes), but your activity log " \
               "shows requests were received" in err
        assert "do not delete it: put back a copy from a backup" in err
    assert (home / "inbox.db").stat().st_size == 0
    fresh = tmp_path / "fresh"   # a first run that stopped before the inbox was written
    fresh.mkdir()
    (fresh / "inbox.db").write_bytes(b"")
    assert main(["--home", str(fresh), "inbox"]) == 0


def test_a_full_disk_under_the_inbox_says_so(tmp_path, capsys):
    """Restore hunt: every command that reads the inbox on a full disk said 'the inbox ...
    cannot be opened: disk I/O error' (SQLite cannot make its shared-memory file), with
    nothing to do; the index said the disk was full."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "size=300k"):
        from agent.requests.inbox_file import damaged_words
        exc = sqlite3.OperationalError("disk I/O error")
        exc.sqlite_errorcode = sqlite3.SQLITE_FULL
        assert "is full: free some space there" in damaged_words(tmp_path / "inbox.db", exc)
        return
    try:
        home = disk / "home"
        assert main(["--home", str(home), "inbox"]) == 0
        for side in home.glob("inbox.db-*"):   # as after the last program using it closed
            side.unlink()
        (disk / "filler").write_bytes(b"\0" * shutil.disk_usage(disk).free)
        code, err = said(capsys, "--home", str(home), "inbox")
        assert code == 1
        assert f"the disk holding the inbox {home / 'inbox.db'} is full: free some space" in err
        assert "the inbox was not changed" in err
    finally:
        _umount(disk)
