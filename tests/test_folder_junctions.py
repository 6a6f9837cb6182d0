"""A Windows directory junction in a package folder (verify hunt 10). `mklink /J data D:\\other`
needs no privilege, and Python 3.11 does not report a junction as a link: `is_symlink()` and
`S_ISLNK` are false and `os.walk` walks into it. So `verify` read a package whose `data` was a
junction to another folder as if that folder were its own (exit 0), and `tar_package` packed
it, where a symlinked `data` is refused on Linux. Both now take a reparse point whose tag stands
for another name (frp.folder_links.is_link) as the link it is.

Junctions cannot be made here: the Windows side is tested through its pure part, the lstat
result Windows gives (st_file_attributes with FILE_ATTRIBUTE_REPARSE_POINT, st_reparse_tag
IO_REPARSE_TAG_MOUNT_POINT) put on a real folder of a real package."""
from __future__ import annotations

import os
import stat
from types import SimpleNamespace

import pytest

from agent.export.bagtar import tar_package
from agent.export.package import PackageError
from frp.folder_links import FILE_ATTRIBUTE_REPARSE_POINT, is_link
from tests.test_verify_credentials import made, package, verify  # noqa: F401

FILE_ATTRIBUTE_DIRECTORY = 0x10
IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003   # a junction
IO_REPARSE_TAG_SYMLINK = 0xA000000C
IO_REPARSE_TAG_CLOUD_6 = 0x9000601A       # a OneDrive file kept online: a file, no link
IO_REPARSE_TAG_DEDUP = 0x80000013


def _windows(st, tag: int | None):
    """What Windows' lstat gives for the entry `st` describes, with reparse tag `tag`."""
    attributes = FILE_ATTRIBUTE_DIRECTORY if stat.S_ISDIR(st.st_mode) else 0x20
    if tag is not None:
        attributes |= FILE_ATTRIBUTE_REPARSE_POINT
    return SimpleNamespace(st_mode=st.st_mode, st_size=st.st_size, st_mtime=st.st_mtime,
                           st_file_attributes=attributes, st_reparse_tag=tag or 0)


@pytest.mark.parametrize("tag, link", [
    (IO_REPARSE_TAG_MOUNT_POINT, True), (IO_REPARSE_TAG_SYMLINK, True),
    (IO_REPARSE_TAG_CLOUD_6, False), (IO_REPARSE_TAG_DEDUP, False), (None, False)])
def test_a_reparse_point_standing_for_another_name_is_a_link(tmp_path, tag, link):
    assert is_link(_windows(os.lstat(tmp_path), tag)) is link


def test_a_symbolic_link_is_a_link_everywhere(tmp_path):
    (tmp_path / "to").symlink_to(tmp_path)
    assert is_link(os.lstat(tmp_path / "to")) and not is_link(os.lstat(tmp_path))


@pytest.fixture
def data_a_junction(package, monkeypatch):
    """The package's data/ as Windows' lstat would give it were it a junction."""
    real, data = os.lstat, str(package / "data")

    def lstat(path, *args, **kwargs):
        st = real(path, *args, **kwargs)
        return _windows(st, IO_REPARSE_TAG_MOUNT_POINT) if os.fspath(path) == data else st
    monkeypatch.setattr(os, "lstat", lstat)
    return package


def test_verify_never_reads_a_junction_as_the_packages_data(capsys, made, data_a_junction):
    code, out = verify(capsys, made[0], data_a_junction)
    assert code == 3 and not out["ok"]
    assert LINKED_DATA in out["problems"]
    assert not any(p.startswith("data/") and "changed" in p for p in out["problems"])


LINKED_DATA = ("data is a link to another folder (a symbolic link, or on Windows a junction), "
               "not a folder of the package: it was not followed, so nothing in it was "
               "checked. A package holds only its own files and folders: copy the package "
               "itself.")


def test_a_data_folder_linked_elsewhere_is_named_as_a_link_not_as_files_missing(
        capsys, made, package, tmp_path):
    """data/ moved elsewhere and linked back (to save space, or as a trap): verify read
    nothing outside the package, but said "data is not a plain file" (it is a folder, as
    Explorer and Finder show it) and then each file in it "missing", Payload-Oxum "holds
    0.0", as if they had been taken out."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (package / "data").rename(elsewhere / "data")
    (package / "data").symlink_to(elsewhere / "data", target_is_directory=True)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        LINKED_DATA,
        "The owner's signature on tagmanifest-sha256.txt could not be checked without "
        "data/owner.pub, the key it is checked with, so nothing in the package is tied to the "
        "owner's key."]
    assert out["clips"] == []   # nothing outside the package was read


def test_a_junction_is_never_packed(data_a_junction, tmp_path):
    with pytest.raises(PackageError, match="data in the package is not a plain file"):
        tar_package(data_a_junction, tmp_path / "p.tar")
    assert not (tmp_path / "p.tar").exists()
