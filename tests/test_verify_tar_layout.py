"""`footage-agent verify` on a tar holding the package folder inside another one (verify hunt
11): packed by whoever passed it on with its parent folder, `tar -cf p.tar Evidence/PKG` (GNU
tar, or Windows' own tar.exe, bsdtar). The package in it is whole, but verify said "bagit.txt
is missing.", "manifest-sha256.txt is missing.", each tag file and data/owner.pub missing and
"The package is not signed by its owner.": seven problems reading like a package gutted. It
now names the folder the package is in, to extract and check. Real package, real tar tools."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.test_verify_credentials import made, package, verify  # noqa: F401


@pytest.mark.parametrize("tool", ["tar", "bsdtar"])
def test_a_tar_holding_the_package_inside_another_folder_names_that_folder(
        capsys, made, package, tmp_path, tool):
    if not shutil.which(tool):
        pytest.skip(f"no {tool} here")
    evidence = tmp_path / "Evidence"
    evidence.mkdir()
    package.rename(evidence / package.name)
    tar = tmp_path / "p.tar"
    subprocess.run([tool, "-cf", str(tar), f"Evidence/{package.name}"], cwd=tmp_path,
                   check=True)
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    assert out["problems"] == [
        f"p.tar holds the package folder Evidence/{package.name} inside another folder, not at "
        "its top as a package's tar holds it, so nothing in it was checked as a package: "
        "extract the tar (tar -xf) and check that folder, or give a tar of it alone."]
    subprocess.run([tool, "-xf", str(tar)], cwd=tmp_path / "Evidence", check=True)
    code, out = verify(capsys, made[0], tmp_path / "Evidence" / "Evidence" / package.name)
    assert code == 0 and out["ok"], out   # the folder it names, extracted, is the package


def test_a_tar_of_a_folder_holding_no_package_still_says_what_is_missing(capsys, made,
                                                                         tmp_path):
    (tmp_path / "Evidence" / "notes").mkdir(parents=True)
    (tmp_path / "Evidence" / "notes" / "case.txt").write_text("case 42")
    tar = tmp_path / "p.tar"
    subprocess.run(["tar", "-cf", str(tar), "Evidence"], cwd=tmp_path, check=True)
    code, out = verify(capsys, made[0], tar)
    assert code == 3 and "bagit.txt is missing." in out["problems"], out


def test_a_tar_holding_the_package_beside_other_files_names_the_package(capsys, made,
                                                                        package, tmp_path):
    """`tar -cf p.tar PKG letter.txt`, a cover letter packed with the package: "The tar does
    not hold exactly one package folder." then "bagit.txt is missing.", each tag file and
    data/owner.pub missing and "The package is not signed by its owner."."""
    (tmp_path / "letter.txt").write_text("Case 42: footage from the porch camera.")
    tar = tmp_path / "p.tar"
    subprocess.run(["tar", "-cf", str(tar), package.name, "letter.txt"], cwd=tmp_path,
                   check=True)
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    assert out["problems"] == [
        f"p.tar holds the package folder {package.name} beside other files or folders "
        "(letter.txt), not alone as a package's tar holds it, so nothing in it was checked as "
        "a package: extract the tar (tar -xf) and check that folder, or give a tar of it "
        "alone."]


def test_a_tar_of_two_packages_names_each(capsys, made, package, tmp_path):
    """Two cameras' packages packed into one tar (`tar -cf p.tar PKG1 PKG2`): each is named,
    to be checked alone, none read as a package missing every file."""
    shutil.copytree(package, tmp_path / "second")
    tar = tmp_path / "p.tar"
    subprocess.run(["tar", "-cf", str(tar), package.name, "second"], cwd=tmp_path, check=True)
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    assert out["problems"] == [
        f"p.tar holds package folders {package.name}, second together, not each alone as a "
        "package's tar holds it, so nothing in it was checked as a package: extract the tar "
        "(tar -xf) and check each folder, or give a tar of each alone."]
