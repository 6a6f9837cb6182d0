"""`footage-agent verify` on a package tar holding a file twice, the second time spelled with
an empty or `.` part (`pkg//data/clip.mp4`, `pkg/./data/clip.mp4`, `pkg/data/./clip.mp4`).

GNU tar and bsdtar skip those parts, as they skip a leading `./`, so extracting such a tar
writes the second copy over the first. `verify` read them as two files: it said the clip's
Content Credentials were valid and named the second one as "an extra file that is not part of
the signed package" (or "an extra file in data/ ... delete it and check again"), as if it
could be deleted, when it is what extracting the tar gives in the clip's place. Real package,
real tar tool where the machine has one."""
from __future__ import annotations

import io
import shutil
import subprocess
import tarfile

import pytest

from agent.export.bagtar import tar_package
from tests.test_verify_credentials import made, verify  # noqa: F401


@pytest.fixture(scope="module")
def whole(made, tmp_path_factory):
    return tar_package(made[1], tmp_path_factory.mktemp("tar") / "p.tar").path.read_bytes()


def _members(whole: bytes) -> list[tuple[tarfile.TarInfo, bytes | None]]:
    with tarfile.open(fileobj=io.BytesIO(whole)) as tar:
        return [(m, tar.extractfile(m).read() if m.isreg() else None) for m in tar]


def _tar(members, out) -> None:
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, None if data is None else io.BytesIO(data))


@pytest.mark.parametrize("spelled", ["{top}//data/{clip}", "{top}/./data/{clip}",
                                     "{top}/data/./{clip}", "{top}/data//{clip}"])
def test_a_file_spelled_twice_is_named_as_twice_and_what_extracting_keeps(
        capsys, made, whole, tmp_path, spelled):
    home, package, clip = made
    members = _members(whole)
    (data,) = [d for m, d in members if m.name.endswith(".mp4")]
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 1
    name = spelled.format(top=package.name, clip=clip)
    second = tarfile.TarInfo(name)
    second.size = len(changed)
    tar = tmp_path / "p.tar"
    _tar([*members, (second, bytes(changed))], tar)
    if shutil.which("tar"):
        into = tmp_path / "x"
        into.mkdir()
        subprocess.run(["tar", "-xf", str(tar), "-C", str(into)], check=True)
        assert (into / package.name / "data" / clip).read_bytes() == bytes(changed)
    code, out = verify(capsys, home, tar)
    assert code == 3
    assert out["problems"] == [
        f"{package.name}/data/{clip} appears twice in the tar, the second time as '{name}': "
        "extracting the "
        "tar writes the second over the first, which is the one this check read, so what it "
        "gives is not what was checked."], out


def test_a_tar_whose_names_have_empty_parts_verifies_as_what_it_extracts_to(capsys, made,
                                                                            whole, tmp_path):
    """Each name spelled with `//`: tar extracts the package as sealed, so it verifies."""
    members = []
    for info, data in _members(whole):
        info.name = info.name.replace("/", "//", 1)
        members.append((info, data))
    tar = tmp_path / "p.tar"
    _tar(members, tar)
    code, out = verify(capsys, made[0], tar)
    assert code == 0 and out["problems"] == [] and out["notes"] == [], out


@pytest.mark.parametrize("spelled", ["{top}/data/{upper}", "{top}/DATA/{clip}",
                                     "{top}/data/{clip}."], ids=["case", "folder-case",
                                                                  "final-dot"])
def test_a_file_that_is_the_clip_where_names_ignore_case_is_named_so(capsys, made, whole,
                                                                      tmp_path, spelled):
    """A second clip spelled in other capitals, or with a final dot: extracted on Windows or
    a Mac (the receivers' usual computers), whose names ignore case and Windows a final dot,
    it is written over the clip. verify named it only as an extra file, 'not part of the
    signed package', as if it could be deleted beside the one checked."""
    home, package, clip = made
    members = _members(whole)
    (data,) = [d for m, d in members if m.name.endswith(".mp4")]
    name = spelled.format(top=package.name, clip=clip, upper=clip.upper())
    second = tarfile.TarInfo(name)
    second.size = len(data)
    tar = tmp_path / "p.tar"
    _tar([*members, (second, data[:-1] + b"x")], tar)
    code, out = verify(capsys, home, tar)
    assert code == 3
    assert (f"'{name}' in the tar is '{package.name}/data/{clip}' on Windows and macOS, whose "
            "file names ignore case (and Unicode composition, and on Windows a final dot or "
            "space): extracting the tar there writes the second over the first, which is the "
            "one this check read.") in out["problems"], out["problems"]
