"""A package kept on a NAS (verify hunt 10). Synology's NAS makes an `@eaDir` folder in each
folder it shares (its thumbnails and index of each file), netatalk, a Linux NAS sharing to
Macs, an `.AppleDouble` one (each file's resource fork). Beside the tag files either was
'an extra file that is not part of the signed package', failing a package that a file
browser's `.DS_Store` there would not; in data/ a plain 'extra file' with nothing said of who
made it; and `tar_package` packed such a folder into the tar that travels. Both are now named
as the NAS's, as a file browser's leftovers are."""
from __future__ import annotations

import tarfile

import pytest

from agent.export.bagtar import tar_package
from tests.test_verify_credentials import made, package, verify  # noqa: F401

NAS = {"@eaDir": ("bagit.txt@SynoEAStream/SYNOINDEX_MEDIA_INFO", "Synology's NAS"),
       ".AppleDouble": ("bagit.txt", "a NAS sharing to Macs by netatalk")}


@pytest.mark.parametrize("folder", sorted(NAS))
def test_a_nas_folder_beside_the_tag_files_is_a_note(capsys, made, package, folder):
    inside, maker = NAS[folder]
    (package / folder / inside).parent.mkdir(parents=True)
    (package / folder / inside).write_bytes(b"\0\5\26\7 index")
    code, out = verify(capsys, made[0], package)
    assert code == 0 and out["ok"], out["problems"]
    assert (f"{folder}/{inside} is not part of the signed package: {maker} left it in the "
            "folder. It was ignored and can be deleted.") in out["notes"]


@pytest.mark.parametrize("folder", sorted(NAS))
def test_a_nas_folder_in_data_is_named_as_the_nas_s(capsys, made, package, folder):
    _inside, maker = NAS[folder]
    leftover = package / "data" / folder / f"{made[2]}@SynoEAStream"
    leftover.parent.mkdir()
    leftover.write_bytes(b"thumbnail")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert (f"data/{folder}/{made[2]}@SynoEAStream is an extra file in data/ that is not part "
            f"of the signed package (a file {maker} adds to folders): delete it and check "
            "again.") in out["problems"]


def test_the_tar_of_a_package_kept_on_a_nas_is_the_packages_own(made, package, tmp_path):
    clean = tar_package(package, tmp_path / "clean.tar")
    for folder, (inside, _maker) in NAS.items():
        (package / folder / inside).parent.mkdir(parents=True)
        (package / folder / inside).write_bytes(b"index")
    browsed = tar_package(package, tmp_path / "browsed.tar")
    with tarfile.open(browsed.path) as tar:
        names = tar.getnames()
    assert not [n for n in names if "@eaDir" in n or ".AppleDouble" in n], names
    assert browsed.sha256 == clean.sha256
