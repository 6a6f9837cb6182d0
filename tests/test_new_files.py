"""A home on a USB stick or SD card (FAT32, exFAT) or on some network shares: the owner key,
a retired key and the outbox tar were put in place with a hard link, which such a drive does
not make, so the key could not be made ("Could not save the owner key: ... Incorrect
function" on Windows, "Operation not permitted" on Linux), nor a key rotation finished, nor
an upload's tar written. A real FAT image cannot be mounted here: `os.link` is made to answer
as such a drive does (Linux's vfat and exfat say EPERM; Windows ERROR_INVALID_FUNCTION, given
as Python raises it there); every other part is real."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from agent import new_files
from agent.new_files import copy_new, makes_no_links, place_new


def _windows_incorrect_function(*_args) -> None:
    exc = OSError(errno.EINVAL, "Incorrect function")
    exc.winerror = 1   # ERROR_INVALID_FUNCTION: CreateHardLinkW on a FAT32 or exFAT drive
    raise exc


def _vfat_refuses(*_args) -> None:
    raise OSError(errno.EPERM, os.strerror(errno.EPERM))   # Linux's vfat and exfat: no .link


@pytest.fixture
def no_links(monkeypatch):
    monkeypatch.setattr(os, "link", _vfat_refuses)


def _finished(folder: Path, data: bytes) -> Path:
    tmp = folder / ".x.tmp"
    tmp.write_bytes(data)
    return tmp


def test_a_drive_without_hard_links_gets_the_file_by_rename(tmp_path, no_links):
    tmp = _finished(tmp_path, b"key")
    place_new(tmp, tmp_path / "owner.key")
    assert (tmp_path / "owner.key").read_bytes() == b"key"
    assert not tmp.exists()


def test_a_file_there_already_is_never_replaced_without_hard_links(tmp_path, no_links):
    (tmp_path / "owner.key").write_bytes(b"theirs")
    tmp = _finished(tmp_path, b"ours")
    with pytest.raises(FileExistsError):
        place_new(tmp, tmp_path / "owner.key")
    assert (tmp_path / "owner.key").read_bytes() == b"theirs"


def test_windows_incorrect_function_is_a_drive_without_links_and_renames(tmp_path, monkeypatch):
    # The branch Windows takes: its own rename, which never replaces (FileExistsError there).
    monkeypatch.setattr(os, "link", _windows_incorrect_function)
    tmp = _finished(tmp_path, b"tar")
    place_new(tmp, tmp_path / "a.tar", os_name="nt")
    assert (tmp_path / "a.tar").read_bytes() == b"tar" and not tmp.exists()


def test_only_a_drive_without_links_is_taken_so():
    denied = OSError(errno.EACCES, "Permission denied")
    assert not makes_no_links(denied)
    denied.winerror = 5   # ERROR_ACCESS_DENIED
    assert not makes_no_links(denied)
    assert makes_no_links(OSError(errno.ENOTSUP, "Operation not supported"))   # SMB, macOS


def test_a_refusal_of_another_kind_is_said_as_it_is(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "link", full)
    tmp = _finished(tmp_path, b"x")
    with pytest.raises(OSError) as caught:
        place_new(tmp, tmp_path / "owner.key")
    assert caught.value.errno == errno.ENOSPC and not (tmp_path / "owner.key").exists()


def test_the_owner_key_is_made_on_a_drive_without_hard_links(tmp_path, no_links):
    from agent.identity.keys import OwnerKey

    key, made = OwnerKey.obtain(tmp_path / "home")
    assert made
    again = OwnerKey.load(tmp_path / "home")
    assert again.public.owner_id() == key.public.owner_id()
    assert not [p for p in (tmp_path / "home" / "keys").iterdir() if p.name.endswith(".tmp")]


def test_a_key_rotation_finishes_on_a_drive_without_hard_links(tmp_path, no_links):
    from agent.identity.keys import OwnerKey, private_key_file
    from agent.identity.rotation import begin_rotation, finish_rotation, retired_key_path

    home = tmp_path / "home"
    old = OwnerKey.load_or_create(home)
    before = private_key_file(home).read_bytes()
    new = begin_rotation(home)
    finish_rotation(home, old)
    assert retired_key_path(home, old.public.owner_id()).read_bytes() == before
    assert OwnerKey.load(home).public.owner_id() == new.public.owner_id()


def test_the_outbox_tar_is_written_on_a_drive_without_hard_links(tmp_path, monkeypatch):
    from agent.export.bagtar import tar_package
    from agent.export.package import PackageError

    package = tmp_path / "pkg"
    package.mkdir()
    (package / "bagit.txt").write_text("BagIt-Version: 1.0\n")
    with_links = tar_package(package, tmp_path / "linked.tar")
    monkeypatch.setattr(os, "link", _vfat_refuses)
    out = tmp_path / "outbox" / "pkg.tar"
    out.parent.mkdir()
    made = tar_package(package, out)
    assert made.sha256 == with_links.sha256 and out.read_bytes() == (tmp_path / "linked.tar").read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["pkg.tar"]   # no partial, no claim left
    with pytest.raises(PackageError, match="never overwritten"):
        tar_package(package, out)


def test_a_copy_is_new_and_whole(tmp_path, no_links):
    (tmp_path / "a").write_bytes(b"old key")
    copy_new(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == b"old key"
    with pytest.raises(FileExistsError):
        copy_new(tmp_path / "a", tmp_path / "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_posix_claim_is_taken_away_when_the_rename_fails(tmp_path, no_links, monkeypatch):
    def refused(*_args):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(new_files, "replace", lambda *a, **k: refused())
    tmp = _finished(tmp_path, b"x")
    with pytest.raises(PermissionError):
        place_new(tmp, tmp_path / "owner.key")
    assert not (tmp_path / "owner.key").exists()
