"""A package tar made on a Mac with its own `tar` (verify hunt 10). macOS's tar writes, before
each file or folder with extended attributes (a quarantine mark, and since macOS 13 the
provenance every file a program wrote carries), a `._NAME` member holding them in AppleDouble
form, and puts them back onto the file when it extracts. `verify` failed such a tar ('data/._
CLIP is an extra file in data/ ...', 'The tar does not hold exactly one package folder.' for
the folder's own `._PKG`), though unpacking it on a Mac gives a valid package folder. Such
members are now left out and noted; a `._` member that is no AppleDouble, or belongs to no
file, is read as any file (the package fails). The tar is written here as macOS's tar writes
it (it cannot run here): each `._` member, of AppleDouble's 4,096 bytes, just before its
file."""
from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from tests.test_verify_credentials import made, verify  # noqa: F401

APPLEDOUBLE = (b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        "
               + b"\x00\x02" + bytes(4080))[:4096]


def _mac_tar(package: Path, out: Path, odd: str | None = None,
             extra: tuple[str, bytes] | None = None) -> Path:
    """`tar -cf out PKG` as macOS's tar writes it, every entry carrying attributes (but the
    entry `odd`, whose `._` member holds other bytes)."""
    top = package.name
    entries = [package, *sorted(package.rglob("*"))]
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as tar:
        for entry in entries:
            rel = top if entry == package else f"{top}/{entry.relative_to(package).as_posix()}"
            folder, _, base = rel.rpartition("/")
            info = tarfile.TarInfo(f"{folder}/._{base}" if folder else f"._{base}")
            attributes = b"\0\0\0\0 other bytes" if rel == odd else APPLEDOUBLE
            info.size = len(attributes)
            tar.addfile(info, io.BytesIO(attributes))
            tar.add(entry, rel, recursive=False)
        if extra:
            info = tarfile.TarInfo(f"{top}/{extra[0]}")
            info.size = len(extra[1])
            tar.addfile(info, io.BytesIO(extra[1]))
    return out


def test_a_package_tarred_by_macos_verifies_with_its_attributes_noted(capsys, made, tmp_path):
    tar = _mac_tar(made[1], tmp_path / "p.tar")
    code, out = verify(capsys, made[0], tar)
    assert code == 0 and out["ok"], out["problems"]
    assert (f"{made[1].name}/data/._{made[2]} in the tar holds the extended attributes of "
            f"{made[1].name}/data/{made[2]} as macOS's tar keeps them (the tar was made on a "
            "Mac): not part of the package, it was ignored. Unpacked on a Mac it goes back onto "
            "that file; unpacked elsewhere it is a ._ file to delete (the package's README "
            "says how).") in out["notes"]
    assert any(n.startswith(f"._{made[1].name} in the tar holds") for n in out["notes"])


@pytest.mark.parametrize("what", ["no AppleDouble", "belonging to no file"])
def test_a_dot_underscore_member_that_is_no_attributes_still_fails(capsys, made, tmp_path,
                                                                    what):
    if what == "no AppleDouble":
        tar = _mac_tar(made[1], tmp_path / "p.tar", odd=f"{made[1].name}/data/{made[2]}")
        name = f"data/._{made[2]}"
    else:
        tar = _mac_tar(made[1], tmp_path / "p.tar", extra=("data/._statement.mp4", APPLEDOUBLE))
        name = "data/._statement.mp4"
    code, out = verify(capsys, made[0], tar)
    assert code == 3
    assert any(p.startswith(f"{name} is an extra file in data/") for p in out["problems"]), \
        out["problems"]
