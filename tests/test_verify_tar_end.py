"""`footage-agent verify` on a package tar with more after the point where its reading stopped.

Python's tarfile, which `verify` reads a tar with, stops without a word at a header it cannot
read (a block whose checksum is wrong) or at a lone block of zeros; GNU tar ("Skipping to next
header") and bsdtar, the `tar` of Windows and macOS ("Damaged tar archive, Retrying..."), read
on past a damaged header and extract what follows. A genuine package's tar with one junk block
and a second copy of the clip appended was told "OK: ... complete, unchanged and signed by
owner ...", while `tar -xf` of the same file wrote the other clip over the checked one. Real
package, real tar tool where the machine has one."""
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


def _with_after_its_files(whole: bytes, made, between: bytes) -> tuple[bytes, bytes, int]:
    """The package's tar with its end blocks replaced by `between` and a changed copy of the
    clip; (the tar, the changed clip, where `between` starts)."""
    files_end = len(whole.rstrip(b"\0"))
    files_end += -files_end % 512
    member = f"{made[1].name}/data/{made[2]}"
    with tarfile.open(fileobj=io.BytesIO(whole)) as tar:
        clip = bytearray(tar.extractfile(member).read())
    clip[len(clip) // 2] ^= 1
    appended = io.BytesIO()
    with tarfile.open(fileobj=appended, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo(member)
        info.size = len(clip)
        tar.addfile(info, io.BytesIO(bytes(clip)))
    return whole[:files_end] + between + appended.getvalue(), bytes(clip), files_end


JUNK = (b"not a tar header " * 31)[:512]


@pytest.mark.parametrize("between", [JUNK, b"\0" * 512], ids=["damaged-header", "lone-zeros"])
def test_a_tar_holding_more_after_where_its_reading_stopped_fails(capsys, made, whole,
                                                                   tmp_path, between):
    data, clip, at = _with_after_its_files(whole, made, between)
    tar = tmp_path / "p.tar"
    tar.write_bytes(data)
    if between == JUNK and shutil.which("tar"):
        # What the receiver who extracts it gets: the appended clip over the checked one.
        into = tmp_path / "x"
        into.mkdir()
        subprocess.run(["tar", "-xf", str(tar), "-C", str(into)], capture_output=True)
        assert (into / made[1].name / "data" / made[2]).read_bytes() == clip
    code, out = verify(capsys, made[0], tar)
    assert code == 3 and not out["ok"]
    assert out["problems"] == [
        f"p.tar holds more after byte {at:,}, where its files end as this check reads it (a "
        "damaged header, or a block of zeros that is not the tar's end): tar tools read on "
        "past such a block and may extract files from there that this check never saw, even "
        "over the ones it checked. A package's tar ends with blocks of zeros only, so this is "
        "not the tar that was sent: get it again as it was sent."], out


def test_zeros_after_the_end_of_a_tar_are_its_padding_and_verify(capsys, made, whole,
                                                                  tmp_path):
    """A tar tool pads its last record with zeros (GNU tar to 10,240 bytes): only zeros
    after the end is a whole tar."""
    tar = tmp_path / "p.tar"
    tar.write_bytes(whole + b"\0" * 20480)
    code, out = verify(capsys, made[0], tar)
    assert code == 0 and out["problems"] == [], out
