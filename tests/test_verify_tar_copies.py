"""`footage-agent verify` on a package tar that a download or copy did not finish, or that was
compressed on the way: the expert was told the tar was 'not a genuine package', or only that
files were 'missing' (a tar cut between two files ended without a word), or that a .tar.gz
was 'not a readable uncompressed tar file (invalid header)'. Each now says what happened and
what to do; all still exit 3."""
from __future__ import annotations

import gzip
import io
import tarfile

import pytest

from agent.export.bagtar import tar_package
from tests.test_verify_credentials import made, verify  # noqa: F401

CUT = ("so a download or copy of it did not finish (or it was never a genuine package), and "
       "what was after the cut is missing. Get it again whole.")


@pytest.fixture(scope="module")
def whole(made, tmp_path_factory):
    return tar_package(made[1], tmp_path_factory.mktemp("tar") / "p.tar").path.read_bytes()


@pytest.mark.parametrize("where", ["between two files", "inside the clip",
                                   "before the end blocks"])
def test_a_tar_cut_short_says_so(capsys, made, whole, tmp_path, where):
    """Between two files the tar read as ending there, and only the files after the cut were
    named, as missing."""
    with tarfile.open(fileobj=io.BytesIO(whole)) as tar:
        members = tar.getmembers()
    data = whole.rstrip(b"\0")
    cut = {"between two files": members[3].offset, "inside the clip": len(whole) // 2,
           "before the end blocks": len(data) + (-len(data) % 512)}[where]
    tar = tmp_path / "p.tar"
    tar.write_bytes(whole[:cut])
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    said = out["problems"][0]
    assert said.startswith("p.tar is cut short: ") and said.endswith(CUT), out["problems"]


def test_a_compressed_tar_says_to_unpack_it(capsys, made, whole, tmp_path):
    packed = tmp_path / "p.tar.gz"
    packed.write_bytes(gzip.compress(whole))
    code, out = verify(capsys, made[0], packed)
    assert code == 3
    assert out["problems"] == ["p.tar.gz is compressed (gzip), not the plain tar a package "
                               "travels as: unpack it first, then check the .tar inside."]
    (tmp_path / "p.tar").write_bytes(whole)
    assert verify(capsys, made[0], tmp_path / "p.tar")[0] == 0


@pytest.mark.parametrize("arcname", ["./{name}", "."])
def test_a_tar_of_dot_slash_names_verifies_as_the_package_it_holds(capsys, made, tmp_path,
                                                                  arcname):
    """`tar -cf p.tar ./FOLDER` and `tar -cf p.tar -C FOLDER .` write every name after `./`,
    which extracting ignores: the first was told every file of the package was missing and it
    was not signed, the second that its folder had been renamed '.'."""
    home, package, _clip = made
    tar = tmp_path / "p.tar"
    with tarfile.open(tar, "w") as out:
        out.add(package, arcname=arcname.format(name=package.name))
    code, out = verify(capsys, home, tar)
    assert code == 0 and out["problems"] == [] and out["notes"] == [], out


def test_an_empty_tar_says_the_download_or_copy_did_not_finish(capsys, made, tmp_path):
    """A 0-byte file (a download that never started writing, a copy cut at once) was 'not a
    readable uncompressed tar file (empty file)' (verify hunt 10)."""
    tar = tmp_path / "p.tar"
    tar.write_bytes(b"")
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    assert out["problems"] == [
        "p.tar is empty (0 bytes): a download or copy of it did not finish, or nothing was "
        "ever written to it. Get it again whole."]


def test_a_tar_cut_inside_its_first_header_is_cut_short(capsys, made, whole, tmp_path):
    """Cut within its first 512 bytes, it was 'not a readable uncompressed tar file
    (truncated header)' (verify hunt 10)."""
    tar = tmp_path / "p.tar"
    tar.write_bytes(whole[:300])
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    assert out["problems"] == [
        "p.tar is cut short: it ends inside its first header (300 bytes), " + CUT]
