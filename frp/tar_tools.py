"""Where the tar tools a receiver extracts a package with read a tar otherwise than Python's
tarfile, which `verify` reads it with (bagview.read_tar).

A tar `verify` passed must extract, with GNU tar (Linux) and bsdtar (the `tar` of Windows and
macOS) alike, to the files it checked. They differ from tarfile on a tar no tool writes: tarfile
stops without a word at a damaged header or a lone block of zeros where the tools read on; of
two headers naming the next file it takes the first, where they take another; and it applies a
global pax header's file name, which bsdtar ignores. Each is named here as a problem; what
every reader agrees on (empty and `.` parts of a name) is read as they read it. And tarfile
reads a pax header or GNU long name whole into memory, several times over while parsing it:
one larger than any tool writes is refused unread (BoundedTarInfo).
"""
from __future__ import annotations

import tarfile
import unicodedata
from pathlib import Path
from typing import BinaryIO

from frp.text import one_line, quoted

_BLOCK = 512
_CHUNK = 1 << 20


def as_extracted(name: str) -> str:
    """A member's name as extracting it names the file: tar tools skip empty and `.` parts
    (`tar -cf p.tar ./FOLDER` and `tar -C FOLDER .` write every name after `./`, and
    `pkg//data/x` or `pkg/./data/x` is `pkg/data/x`), so a second member spelled so is the
    same file twice, the second written over the first."""
    return "/".join(part for part in name.split("/") if part not in ("", "."))


def twice_words(name: str, spelled: str) -> str:
    """A file the tar holds twice: extracting it keeps the second, this check read the first."""
    also = "" if spelled == name else f", the second time as {quoted(spelled, 200)}"
    return (f"{one_line(name)} appears twice in the tar{also}: extracting the tar writes the "
            "second over the first, which is the one this check read, so what it gives is not "
            "what was checked.")


def fold(name: str) -> str:
    """A name as Windows and macOS compare names: case ignored, Unicode composed (macOS's
    file systems take "ü" and "u" with a combining mark as one name), and, on Windows, the
    dots and spaces ending each part dropped."""
    return "/".join(part.rstrip(". ") for part in
                    unicodedata.normalize("NFC", name).casefold().split("/"))


def alike_words(first: str, second: str) -> str:
    """Two files of the tar that are one file where names ignore case (fold)."""
    return (f"{quoted(second, 200)} in the tar is {quoted(first, 200)} on Windows and macOS, "
            "whose file names ignore case (and Unicode composition, and on Windows a final dot "
            "or space): extracting the tar there writes the second over the first, which is "
            "the one this check read.")


def more_after(path: Path, ended: int) -> bool:
    """Whether anything but zeros follows where tarfile stopped reading. tarfile stops without
    a word at a header it cannot read or at a lone block of zeros; GNU tar and bsdtar read on
    past a damaged header and extract what follows, so a file appended there would be
    extracted, over a checked one too, though never checked."""
    with open(path, "rb") as fh:
        fh.seek(ended)
        while chunk := fh.read(_CHUNK):
            if chunk.strip(b"\0"):
                return True
    return False


def after_end(path: Path, ended: int) -> str | None:
    """What follows where tarfile stopped reading, as a problem (more_after), None when only
    zeros do; when the tar cannot be read there (taken away or its drive pulled mid-check, a
    disk error), the system's reason in words, never Python's "[Errno 2] ...": what follows
    was not checked, so the tar has not passed."""
    try:
        return more_after_words(path, ended) if more_after(path, ended) else None
    except OSError as exc:
        return (f"{one_line(path.name)} could not be read on this computer after byte "
                f"{ended:,}, where its files end ({exc.strerror or one_line(str(exc))}): "
                "whether it holds more there, which tar tools would extract, was not "
                "checked. Check it again where it can be read whole.")


def more_after_words(path: Path, ended: int) -> str:
    """What a tar holding more after where its reading stopped is, and what to do."""
    return (f"{one_line(path.name)} holds more after byte {ended:,}, where its files end as "
            "this check reads it (a damaged header, or a block of zeros that is not the tar's "
            "end): tar tools read on past such a block and may extract files from there that "
            "this check never saw, even over the ones it checked. A package's tar ends with "
            "blocks of zeros only, so this is not the tar that was sent: get it again as it "
            "was sent.")


# The headers that carry what the next file is named (or how long it is) before its own.
_NAMING = {b"x": "a pax header", b"X": "a pax header", b"L": "a GNU long name",
           b"K": "a GNU long link name"}


def name_headers(fh: BinaryIO, member: tarfile.TarInfo) -> list[str]:
    """The headers read before `member`'s own (tarfile counts them into its offset), in
    words. A tar tool writes at most one (a pax header or, for GNU tar, a long name); of two,
    tarfile takes the first, GNU tar the last (or the pax one) and bsdtar the last (or the
    long name)."""
    found: list[str] = []
    at, own = member.offset, member.offset_data - _BLOCK
    while at < own and len(found) < 8:
        fh.seek(at)
        block = fh.read(_BLOCK)
        try:
            size = tarfile.nti(block[124:136])
        except (tarfile.TarError, ValueError):
            break
        found.append(_NAMING.get(block[156:157], "another header"))
        at += _BLOCK + -(-size // _BLOCK) * _BLOCK
    return found


def headers_words(name: str, headers: list[str]) -> str:
    """A file named by more than one header before its own."""
    return (f"{one_line(name)} in the tar is named by {len(headers)} headers before its own "
            f"({', '.join(headers)}), where a tar tool writes one: this check takes the first, "
            "GNU tar and bsdtar (the tar of Windows and macOS) another, so extracting the tar "
            "may write this file under another name, over a checked one too. It is not the "
            "tar that was sent: get it again as it was sent.")


def global_words(pax_headers: dict) -> str | None:
    """A global pax header that names the files after it or says how long they are: tarfile
    and GNU tar apply it, bsdtar ignores it, so the two extract other files."""
    keys = sorted(k for k in pax_headers
                  if k in ("path", "linkpath", "size") or k.startswith("GNU.sparse"))
    if not keys:
        return None
    return (f"The tar holds a global header giving every file after it its "
            f"{', '.join(quoted(k) for k in keys)}: bsdtar (the tar of Windows and macOS) "
            "ignores it, where GNU tar and this check apply it, so extracting the tar may give "
            "its files other names and contents than the ones checked. It is not the tar that "
            "was sent: get it again as it was sent.")


# A pax header or GNU long name a tool writes holds a path and a few times: a few hundred bytes.
EXTENDED_MAX = 1 << 20
_EXTENDED = (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE,
             tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE)


class HugeHeader(tarfile.TarError):
    """A header before a file (a pax header, a GNU long name) larger than EXTENDED_MAX."""

    def __init__(self, size: int) -> None:
        super().__init__(f"a header of {size:,} bytes")
        self.size = size


class BoundedTarInfo(tarfile.TarInfo):
    """tarfile's member, refusing an extended header over EXTENDED_MAX before reading it:
    tarfile reads one whole into memory, and parsing it takes some five times its size, so a
    tar of a few gigabytes made of one would exhaust the memory of whoever checks it (the
    portal receiving uploads of up to a terabyte too)."""

    def _proc_member(self, tarfile_):
        if self.type in _EXTENDED and self.size > EXTENDED_MAX:
            raise HugeHeader(self.size)
        return super()._proc_member(tarfile_)


def huge_words(path: Path, size: int) -> str:
    """A tar holding a header larger than any tar tool writes."""
    return (f"{one_line(path.name)} holds a header of {size:,} bytes before a file (a pax "
            "header or GNU long name), where a tar tool writes a few hundred: it was not read "
            "(it would take several times its size in memory), and the tar is not a "
            "package's. Get it again as it was sent.")


# The first bytes of the compressed files a package tar is most often put in.
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
          (b"\x28\xb5\x2f\xfd", "zstd"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"))


def compressed(path: Path) -> str | None:
    """The compression a file is in, by its first bytes, if one a tar is often put in (a tar
    compressed on the way, which a tar tool unpacks on its own and tarfile's "r:" does not)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(6)
    except OSError:
        return None
    return next((name for magic, name in _MAGIC if head.startswith(magic)), None)
