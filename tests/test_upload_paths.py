"""`upload PACKAGE` given the package by another path than its folder's own name: `.` from
inside it (`cd` into the package, then upload it), `pkg/data/..`, the folder it was copied
into (a USB stick's top folder, `E:\\`), or a drive's top folder holding the package's files
themselves. The tar that travels is named, and its members rooted, by the package folder's
own name; a folder with no name of its own is refused in plain words, as is one that only
holds packages (naming them)."""
from __future__ import annotations

import io
import json
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


DEEP = ("C:\\Users\\det\\OneDrive - Metro Police\\Downloads\\"
        + "\\".join(["Case 2026-11-20 porch footage"] * 8))


def test_a_package_path_too_long_for_windows_says_why_it_was_not_found(hostile, home, capsys,
                                                                       monkeypatch, tmp_path):
    # export hunt 15: `upload pkg` in a folder whose path is deep (a package unpacked with
    # Explorer's 'Extract all' in a long Downloads folder), long paths not turned on: Windows
    # finds no such folder, and upload said only "pkg is neither a package folder nor a .tar
    # file", where verify says the path's length is why. Windows' rules are taken as the
    # tests of owner_paths take them (owner_paths.SYSTEM), and the folder the command runs in
    # is a deep Windows one (upload's getcwd stands in for it: no such folder can be made
    # here); the package not being found is this computer's own answer (no `pkg` here).
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("agent.commands.upload.getcwd", lambda: DEEP, raising=False)
    code = main(["--home", str(home), "upload", "pkg", "--endpoint", hostile.endpoint])
    monkeypatch.undo()
    err = capsys.readouterr().err
    length = len(DEEP) + len("\\pkg")
    assert length > 259 and code == 2, err
    assert (f"pkg does not exist. Its path here is {length} characters, and Windows reads at "
            "most 259 unless long paths are turned on: move the package folder to a shorter "
            "path, such as directly on the drive (C:\\packages), and upload it again.") in err
    assert hostile.count("POST") == 0 and not (home / "outbox").exists()


def test_a_package_not_there_is_said_not_there(hostile, home, capsys, tmp_path):
    # Not "neither a package folder nor a .tar file", which reads as a file of the wrong kind.
    missing = tmp_path / "stick" / NAME
    code, _url, err = _upload(home, str(missing), hostile.endpoint, capsys)
    assert code == 2 and f"{missing} does not exist" in err, err
    assert "neither" not in err and "Windows reads at most" not in err
    assert hostile.count("POST") == 0


def test_upload_typed_inside_the_package_it_names_says_upload_dot(package, hostile, home,
                                                                  capsys, monkeypatch):
    # The README's command typed in a terminal opened inside the package, with upload.
    monkeypatch.chdir(package)
    code, _url, err = _upload(home, NAME, hostile.endpoint, capsys)
    assert code == 2 and "type footage-agent upload . here" in err, err
    assert hostile.count("POST") == 0


def test_a_full_home_disk_while_packing_is_said_as_the_apps_folder_with_nothing_sent(
        package, hostile, home, capsys, monkeypatch):
    # export hunt 15, seen on a real 1.2 MB disk holding the home: "Could not write the package
    # tar: the disk holding <home>/outbox/<name>.tar is full: free some space there, or choose
    # another folder" and exit 2, as if the command line were wrong, with advice upload gives
    # no way to follow (the outbox is the app's own). The disk filling is the system's
    # ENOSPC on a write of the tar (no full disk can be made here without mounting one).
    import errno

    from agent.export import bagtar

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(bagtar, "_add_member", full)
    code, _url, err = _upload(home, str(package), hostile.endpoint, capsys)
    outbox = home / "outbox"
    assert code == 1, err
    assert (f"the disk holding {outbox} is full: upload packs the package folder there, as a "
            "tar as big as the package, before sending it. Free some space there and upload "
            "it again; nothing was sent") in err
    assert "choose another folder" not in err
    assert hostile.count("POST") == 0 and not any(outbox.iterdir())   # nothing half-written


def test_a_file_that_is_no_package_is_refused_before_anything_is_sent(package, hostile, home,
                                                                      capsys, tmp_path):
    # export hunt 15: upload sent whatever file it was given, said "delivered" and logged it
    # as a package's upload: a clip copied out of its package (reaching the receiver without
    # its signature or record), a ZIP of the package, its provenance.json, a note. Each is
    # now the command line's mistake, said as verify says it, with what to upload instead.
    import zipfile
    clip = tmp_path / "clip for the insurer.mp4"
    clip.write_bytes(b"\0\0\0\x18ftypisom" + os.urandom(4_000))
    zipped = tmp_path / "package.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.write(package / "bagit.txt", "bagit.txt")
    note = tmp_path / "notes.txt"
    note.write_text("the footage is in the folder on the stick\n")
    said = {
        clip: "is a video (MP4), not a package: upload sends a whole package, the folder or "
              ".tar the clip came in",
        zipped: "is a ZIP archive: unpack it, then upload the package folder that comes out "
                "of it",
        package / "data" / "clip.mp4": f"is a file inside a package: upload the package folder "
                                       f"itself, {package}",
        note: "is not a package: it is neither a package folder nor a .tar file",
    }
    for given, words in said.items():
        code, _url, err = _upload(home, str(given), hostile.endpoint, capsys)
        assert code == 2 and f"{given} {words}" in err, err
    assert hostile.count("POST") == 0 and hostile.patch_bytes == 0


def test_two_packages_of_one_name_uploaded_at_once_each_keep_their_own_tar(hostile, home,
                                                                          tmp_path, capsys):
    # Seen: both were packed as <home>/outbox/NAME.tar, so the second `upload` (another
    # package, of the same name, from another folder: two cases' copies of one camera's hour)
    # removed the tar the first was still sending, packed its own there, and removed that once
    # delivered; on Windows, where a file being read cannot be removed, it failed to pack. The
    # second runs as its own process while the first is held in its first PATCH.
    import hashlib
    import subprocess
    import sys

    first, second = (tmp_path / case / NAME for case in ("case-1", "case-2"))
    for pkg, size in ((first, 150_000), (second, 90_000)):
        (pkg / "data").mkdir(parents=True)
        (pkg / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        (pkg / "data" / "clip.mp4").write_bytes(os.urandom(size))
    seen = {}

    def meanwhile(method, _path, _headers, _body):
        if method == "PATCH" and not seen:
            seen["held"] = True   # the second's own PATCHes pass
            (tar,) = (home / "outbox").rglob("*.tar")   # the first's, being sent
            before = hashlib.sha256(tar.read_bytes()).hexdigest()
            seen["second"] = subprocess.run(
                [sys.executable, "-m", "agent.cli", "--home", str(home), "upload", str(second),
                 "--endpoint", hostile.endpoint, "--json"], capture_output=True, text=True)
            seen["kept"] = tar.exists() and hashlib.sha256(tar.read_bytes()).hexdigest() == before
        return None
    hostile.hook = meanwhile
    code, url, err = _upload(home, str(first), hostile.endpoint, capsys)
    assert code == 0, err
    assert seen["second"].returncode == 0, seen["second"].stderr
    assert seen["kept"], "the second upload removed or replaced the tar the first was sending"
    for pkg, sent in ((first, hostile.data(url)),
                      (second, hostile.data(json.loads(seen["second"].stdout)["url"]))):
        with tarfile.open(fileobj=io.BytesIO(sent)) as tar:
            clip = tar.extractfile(f"{NAME}/data/clip.mp4").read()
        assert clip == (pkg / "data" / "clip.mp4").read_bytes()
    assert not list((home / "outbox").rglob("*"))   # each removed its own tar, and its folder
