"""`upload PACKAGE` given the package by another path than its folder's own name: `.` from
inside it (`cd` into the package, then upload it), `pkg/data/..`, the folder it was copied
into (a USB stick's top folder, `E:\\`), or a drive's top folder holding the package's files
themselves. The tar that travels is named, and its members rooted, by the package folder's
own name; a folder with no name of its own is refused in plain words, as is one that only
holds packages (naming them)."""
from __future__ import annotations

import io
import ntpath
import os
import tarfile
from pathlib import Path, PureWindowsPath

import pytest

from agent.cli import main
from agent.export.bagtar import package_root_name
from agent.export.package import PackageError
from agent.owner_paths import drive_rooted
from tests.test_upload import hostile  # noqa: F401

NAME = "CASE-1_porch_20261120T220000Z"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    pkg = tmp_path / "stick" / NAME
    (pkg / "data").mkdir(parents=True)
    (pkg / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    (pkg / "data" / "clip.mp4").write_bytes(os.urandom(20_000))
    return pkg


def _upload(home: Path, given: str, endpoint: str, capsys) -> tuple[int, str, str]:
    code = main(["--home", str(home), "upload", given, "--endpoint", endpoint])
    out, err = capsys.readouterr()
    return code, out.strip(), err


@pytest.mark.parametrize("given", [".", os.path.join("data", "..")])
def test_a_package_given_from_inside_travels_under_its_own_name(given, package, hostile,
                                                                home, capsys, monkeypatch):
    # Seen: the tar's members were named by the path as given, `/bagit.txt` (absolute) for
    # `.` and `../bagit.txt` for `data/..`: a tar no receiver should unpack as it is.
    monkeypatch.chdir(package)
    code, url, err = _upload(home, given, hostile.endpoint, capsys)
    assert code == 0, err
    with tarfile.open(fileobj=io.BytesIO(hostile.data(url))) as tar:
        names = tar.getnames()
    assert sorted(names) == [NAME, f"{NAME}/bagit.txt", f"{NAME}/data", f"{NAME}/data/clip.mp4"]


def test_the_folder_a_package_was_copied_into_names_the_package_to_upload(package, hostile,
                                                                         home, capsys):
    code, _url, err = _upload(home, str(package.parent), hostile.endpoint, capsys)
    assert code == 2 and f"footage-agent upload {package}" in err, err
    assert hostile.count("POST") == 0 and not (home / "outbox").exists()


def test_a_drives_top_folder_holding_a_packages_files_is_refused_in_plain_words():
    """Windows' branch through its pure part: `upload E:` (or `E:\\`) with the package's files
    at the drive's top. The tar was named `.tar`, its members `/bagit.txt`."""
    for typed in ("E:", "E:\\"):
        root = PureWindowsPath(drive_rooted(typed, "nt"))
        with pytest.raises(PackageError) as refused:
            package_root_name(root, ntpath.abspath)
        said = str(refused.value)
        assert said.startswith("E:\\ is the top folder of a drive") and "CASE_camera_TIME" in said
    named = PureWindowsPath(drive_rooted(f"E:{NAME}", "nt"))
    assert package_root_name(named, ntpath.abspath) == NAME   # `E:NAME` is E:\NAME
