"""`footage-agent verify` on a package tar whose headers name a file so that Python's tarfile
(which `verify` reads with) and the tar tools a receiver extracts with disagree.

A genuine package's tar with a changed clip appended under two name headers (two pax headers,
two GNU long names, or a long name then a pax header), the first naming it `PKG/._x` (a file a
Mac leaves, only noted beside the tag files), was told "OK: ... complete, unchanged and signed
by owner ...": tarfile took the first name, while GNU tar, and for two of the same kind bsdtar
(the tar of Windows and macOS) too, took the last and wrote the changed clip over the checked
one. A global pax header naming the file after it `PKG/._x`, before a member whose own header
names the clip, passed too: tarfile and GNU tar apply it, bsdtar ignores it and extracts the
changed clip. Real package; GNU tar and bsdtar run where the machine has them."""
from __future__ import annotations

import io
import shutil
import subprocess
import tarfile

import pytest

from agent.export.bagtar import tar_package
from tests.test_verify_credentials import made, verify  # noqa: F401

ENC, ERR = "utf-8", "surrogateescape"


@pytest.fixture(scope="module")
def whole(made, tmp_path_factory):
    return tar_package(made[1], tmp_path_factory.mktemp("tar") / "p.tar").path.read_bytes()


def _pax(path: str, kind=tarfile.XHDTYPE) -> bytes:
    return tarfile.TarInfo._create_pax_generic_header({"path": path}, kind, ENC)


def _long(path: str) -> bytes:
    return tarfile.TarInfo._create_gnu_long_header(path, tarfile.GNUTYPE_LONGNAME, ENC, ERR)


HEADERS = {   # what comes before the changed clip's own header, which names `own`
    "two pax headers": (lambda hidden, clip: _pax(hidden) + _pax(clip), "{top}/zz",
                        ("tar", "bsdtar")),
    "two long names": (lambda hidden, clip: _long(hidden) + _long(clip), "{top}/zz",
                       ("tar", "bsdtar")),
    "long name, pax header": (lambda hidden, clip: _long(hidden) + _pax(clip), "{top}/zz",
                              ("tar",)),
    "global pax header": (lambda hidden, clip: _pax(hidden, tarfile.XGLTYPE), "{clip}",
                          ("bsdtar",)),
}


@pytest.mark.parametrize("how", list(HEADERS))
def test_a_file_named_otherwise_by_tar_tools_fails(capsys, made, whole, tmp_path, how):
    home, package, clip_name = made
    top = package.name
    clip = f"{top}/data/{clip_name}"
    with tarfile.open(fileobj=io.BytesIO(whole)) as tar:
        changed = bytearray(tar.extractfile(clip).read())
    changed[len(changed) // 2] ^= 1
    headers, own, tools = HEADERS[how]
    member = tarfile.TarInfo(own.format(top=top, clip=clip))
    member.size = len(changed)
    files_end = len(whole.rstrip(b"\0"))
    files_end += -files_end % 512
    tar = tmp_path / "p.tar"
    tar.write_bytes(whole[:files_end] + headers(f"{top}/._x", clip)
                    + member.tobuf(tarfile.USTAR_FORMAT, ENC, ERR) + bytes(changed)
                    + b"\0" * (-len(changed) % 512) + b"\0" * 10240)
    for tool in tools:   # what the receiver who extracts it gets
        if shutil.which(tool):
            into = tmp_path / tool
            into.mkdir()
            subprocess.run([tool, "-xf", str(tar), "-C", str(into)], capture_output=True)
            assert (into / clip).read_bytes() == bytes(changed), tool
    code, out = verify(capsys, home, tar)
    assert code == 3 and not out["ok"]
    if how == "global pax header":
        assert out["problems"] == [
            "The tar holds a global header giving every file after it its 'path': bsdtar (the "
            "tar of Windows and macOS) ignores it, where GNU tar and this check apply it, so "
            "extracting the tar may give its files other names and contents than the ones "
            "checked. It is not the tar that was sent: get it again as it was sent."], out
        return
    kinds = {"two pax headers": "a pax header, a pax header",
             "two long names": "a GNU long name, a GNU long name",
             "long name, pax header": "a GNU long name, a pax header"}[how]
    assert out["problems"] == [
        f"{top}/._x in the tar is named by 2 headers before its own ({kinds}), where a tar "
        "tool writes one: this check takes the first, GNU tar and bsdtar (the tar of Windows "
        "and macOS) another, so extracting the tar may write this file under another name, "
        "over a checked one too. It is not the tar that was sent: get it again as it was "
        "sent."], out


@pytest.mark.parametrize("form", [tarfile.GNU_FORMAT, tarfile.PAX_FORMAT, "gnu tar gnu",
                                  "gnu tar posix"])
def test_a_tar_a_tool_writes_with_one_name_header_per_file_verifies(capsys, made, tmp_path,
                                                                   form):
    """Written after `./`, the package's longest names pass the 100 characters a tar header
    holds: GNU's form gives each a long name, pax a pax header; a global header naming no
    file (as `git archive` writes one) is read past."""
    home, package, _clip = made
    tar = tmp_path / "p.tar"
    if isinstance(form, str):
        if not shutil.which("tar"):
            pytest.skip("no GNU tar on this machine")
        subprocess.run(["tar", f"--format={form.rsplit(' ', 1)[1]}", "-cf", str(tar), "-C",
                        str(package.parent), f"./{package.name}"], check=True)
    else:
        with tarfile.open(tar, "w", format=form,
                          pax_headers={"comment": "made by hand"}) as out:
            out.add(package, arcname=f"./{package.name}")
    with tarfile.open(tar) as read:
        assert max(len(m.name) for m in read) > 100
    code, out = verify(capsys, home, tar)
    assert code == 0 and out["problems"] == [], out


def test_a_header_larger_than_any_tool_writes_is_refused_unread(made, whole, tmp_path):
    """A pax header of 48 MiB before a file: tarfile read it whole and parsed it into some
    five times its size (a 300 MiB one took 1.8 GB), so a tar of a few gigabytes made of one
    exhausted the memory of the detective's computer or of the portal checking an upload. It
    is refused now before it is read: the check's own allocations stay far below its size."""
    import tracemalloc

    from frp.verify import verify_package
    size = 48 << 20
    body = b"comment=" + b"x" * (size - 20) + b"\n"
    record = f"{len(body) + 9} ".encode() + body   # "<length> comment=...\n", 8 digits
    assert len(record) == int(record.split(b" ", 1)[0])
    header = tarfile.TarInfo("././@PaxHeader")
    header.type, header.size = tarfile.XHDTYPE, len(record)
    after = tarfile.TarInfo(f"{made[1].name}/._x")
    files_end = len(whole.rstrip(b"\0"))
    files_end += -files_end % 512
    tar = tmp_path / "p.tar"
    with open(tar, "wb") as out:
        out.write(whole[:files_end] + header.tobuf(tarfile.USTAR_FORMAT, ENC, ERR))
        out.write(record + b"\0" * (-len(record) % 512))
        out.write(after.tobuf(tarfile.USTAR_FORMAT, ENC, ERR) + b"\0" * 10240)
    del body, record
    tracemalloc.start()
    try:
        report = verify_package(tar)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.problems == (
        f"p.tar holds a header of {header.size:,} bytes before a file (a pax header or GNU "
        "long name), where a tar tool writes a few hundred: it was not read (it would take "
        "several times its size in memory), and the tar is not a package's. Get it again as "
        "it was sent.",), report.problems
    assert peak < size // 4, peak
