"""`verify` given a path that is no package: the folder a package was copied into, the
package's own data folder, a ZIP it was mailed in, an empty folder. The detective is told the
path that was meant (exit 2), not seven missing files that read like a package tampered with;
a package missing its files is still verified as one (exit 3)."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from agent.cli import main
from tests.test_verify_credentials import made, package  # noqa: F401


def said(capsys, home: Path, path: Path) -> tuple[int, str]:
    code = main(["--home", str(home), "verify", str(path)])
    return code, capsys.readouterr().err


def test_the_folder_a_package_was_copied_into_names_the_package_to_verify(capsys, made,
                                                                           package):
    code, err = said(capsys, made[0], package.parent)
    assert code == 2 and "not a package folder, but it holds a package" in err
    named = err.split("footage-agent verify ", 1)[1].rsplit(")", 1)[0]
    assert Path(named) == package
    assert said(capsys, made[0], Path(named))[0] == 0   # the path it names is the package


def test_the_data_folder_names_the_package_around_it(capsys, made, package):
    code, err = said(capsys, made[0], package / "data")
    assert code == 2 and f"data folder inside a package: verify the package folder itself, {package}" in err


def test_a_zip_is_to_be_unpacked_first(capsys, made, package, tmp_path):
    mailed = Path(shutil.make_archive(str(tmp_path / "package"), "zip", package.parent,
                                      package.name))
    assert zipfile.is_zipfile(mailed)
    code, err = said(capsys, made[0], mailed)
    assert code == 2 and "is a ZIP archive: unpack it" in err


def test_a_folder_with_nothing_of_a_package_says_what_to_give(capsys, made, tmp_path):
    empty = tmp_path / "Downloads"
    empty.mkdir()
    (empty / "notes.txt").write_text("case 42")
    code, err = said(capsys, made[0], empty)
    assert code == 2 and "holds none of a package's files" in err and "problem:" not in err


def test_a_package_missing_its_files_is_still_verified_as_one_and_fails(capsys, made, package):
    for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt"):
        (package / name).unlink()
    code, err = said(capsys, made[0], package)
    assert code == 3 and "problem: bagit.txt is missing" in err


def test_a_file_inside_a_package_names_the_package_to_verify(capsys, made, package):
    """The clip, provenance.json or README.txt given instead of their package: each was called
    'not a readable uncompressed tar file' (exit 3), as if a package were damaged."""
    for inside in (package / "data" / made[2], package / "data/provenance.json",
                   package / "README.txt"):
        code, err = said(capsys, made[0], inside)
        assert code == 2 and "problem:" not in err, err
        assert (f"{inside} is a file inside a package: verify the package folder itself, "
                f"{package}") in err, err


def test_a_clip_copied_out_of_its_package_says_how_a_clip_alone_is_checked(capsys, made,
                                                                          tmp_path):
    clip = tmp_path / "case file" / made[2]
    clip.parent.mkdir()
    shutil.copyfile(made[1] / "data" / made[2], clip)
    code, err = said(capsys, made[0], clip)
    assert code == 2 and "problem:" not in err, err
    assert (f"{clip} is a video (MP4), not a package: a clip copied out of its package is "
            "checked by its own Content Credentials, with a C2PA validator such as c2patool "
            "(package-format.md, \"Checking a clip alone\"); to check the package, give the "
            "folder or .tar it came in") in err, err


def test_paths_typed_from_inside_the_package_name_the_package(capsys, made, package,
                                                              monkeypatch):
    """A detective whose terminal is in data/ (where the video was played, or where the
    README's minisign line is typed, one folder up) typed `verify .`: "is not a package: it
    holds none of a package's files"; `verify owner.pub`: "is cut short: ... a download or copy
    of it did not finish ... Get it again whole." (exit 3); the clip: "a clip copied out of
    its package". Each is inside one, and is named so, with the package's own path."""
    monkeypatch.chdir(package / "data")
    for typed, what in ((".", "is the data folder inside a package"),
                        ("owner.pub", "is a file inside a package"),
                        (made[2], "is a file inside a package")):
        code, err = said(capsys, made[0], Path(typed))
        assert code == 2 and f"{typed} {what}: verify the package folder itself, {package}\n" \
            in err, err
    monkeypatch.chdir(package)
    code, err = said(capsys, made[0], Path("README.txt"))
    assert code == 2 and err.endswith(f"verify the package folder itself, {package}\n"), err
    monkeypatch.chdir(package.parent)   # typed from above: named as typed, as before
    code, err = said(capsys, made[0], Path(package.name) / "data")
    assert code == 2 and err.endswith(f"verify the package folder itself, {package.name}\n"), err
    assert said(capsys, made[0], Path(package.name))[0] == 0
