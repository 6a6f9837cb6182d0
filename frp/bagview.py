"""A received evidence package read into one in-memory view, from a folder or a .tar of one.

The package is read into a `Bag`: every file's SHA-256 and size, plus the bytes of the
small tag files. Tars are read member by member without extracting, so a hostile tar can neither
write outside a folder nor fill the disk. The checks in `verify` then all run on that one view.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tarfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from frp.bagit import OWNER_PUB, PROVENANCE
from frp.text import one_line

SMALL_MAX = 16 << 20  # tag files, owner.pub and provenance.json are read into memory up to this
MAX_ENTRIES = 10_000
_CHUNK = 1 << 20
_KEEP = {OWNER_PUB, PROVENANCE}


@dataclass
class _File:
    sha256: str
    size: int
    content: bytes | None


@dataclass
class Bag:
    """Every file of one package by its path inside it, and the problems found while reading."""

    files: dict[str, _File] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def text(self, name: str) -> str | None:
        """A small file as UTF-8 text, or None (with the problem recorded)."""
        f = self.files.get(name)
        if f is None:
            self.problems.append(f"{name} is missing.")
            return None
        if f.content is None:
            self.problems.append(f"{name} is too large to be a genuine package file.")
            return None
        try:
            return f.content.decode("utf-8")
        except UnicodeDecodeError:
            self.problems.append(f"{name} is not UTF-8 text.")
            return None


def _keep(name: str) -> bool:
    return "/" not in name or name in _KEEP


def _digest(stream, keep: bool) -> _File:
    sha, size, kept = hashlib.sha256(), 0, bytearray()
    while chunk := stream.read(_CHUNK):
        sha.update(chunk)
        size += len(chunk)
        if keep and size <= SMALL_MAX:
            kept += chunk
    return _File(sha.hexdigest(), size, bytes(kept) if keep and size <= SMALL_MAX else None)


def file_sha256(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file read in 1 MiB blocks; OSError when it cannot be read."""
    with open(path, "rb") as f:
        got = _digest(f, keep=False)
    return got.sha256, got.size


def read_folder(root: Path, bag: Bag) -> None:
    """Read a package folder into `bag`; links and other non-plain files are problems, never followed."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: bag.problems.append(
            f"A folder in the package could not be read: {e.strerror}")):
        for name in sorted(dirnames + filenames):
            full = os.path.join(dirpath, name)
            rel = Path(full).relative_to(root).as_posix()
            st = os.lstat(full)
            if stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISREG(st.st_mode):  # links, pipes, devices: never followed or opened
                bag.problems.append(f"{one_line(rel)} is not a plain file; a package holds only plain files.")
                continue
            if len(bag.files) >= MAX_ENTRIES:
                bag.problems.append(f"The package holds more than {MAX_ENTRIES} files; not a genuine package.")
                return
            try:
                with open(full, "rb") as f:
                    bag.files[rel] = _digest(f, _keep(rel))
            except OSError as exc:
                bag.problems.append(f"{one_line(rel)} could not be read: {exc.strerror}")


def read_tar(path: Path, bag: Bag) -> None:
    """Read an uncompressed package tar into `bag` without extracting, its one top folder stripped."""
    raw: dict[str, _File] = {}
    declared = 0
    try:
        archive_size = os.stat(path).st_size
        with tarfile.open(path, "r:") as tar:
            for count, member in enumerate(tar):
                if count >= MAX_ENTRIES:
                    bag.problems.append(f"The tar holds more than {MAX_ENTRIES} entries; not a genuine package.")
                    break
                name = member.name
                parts = name.split("/")
                if name.startswith("/") or "\\" in name or ".." in parts or "\0" in name:
                    bag.problems.append(f"The tar holds an unsafe path: {one_line(name)}.")
                    continue
                if member.isdir():
                    continue
                if not member.isreg():
                    bag.problems.append(f"{one_line(name)} in the tar is a link or device, not a plain file.")
                    continue
                if member.issparse():  # it could "hold" a petabyte of zeros in a few bytes
                    bag.problems.append(f"{one_line(name)} in the tar is a sparse file declaring "
                                        f"{member.size:,} bytes; a package holds only plain files.")
                    continue
                declared += member.size
                if declared > archive_size:
                    bag.problems.append(f"The tar's files declare more bytes ({declared:,}) than "
                                        f"the tar holds ({archive_size:,}); not a genuine package.")
                    break
                if name in raw:
                    bag.problems.append(f"{one_line(name)} appears twice in the tar.")
                    continue
                raw[name] = _digest(tar.extractfile(member), _keep(_strip_top(name)))
    except (tarfile.TarError, OSError, EOFError) as exc:
        bag.problems.append(f"{path.name} is not a readable uncompressed tar file ({exc}).")
        return
    tops = {n.split("/", 1)[0] for n in raw}
    if len(tops) == 1 and all("/" in n for n in raw):
        raw = {n.split("/", 1)[1]: f for n, f in raw.items()}
    elif raw and "bagit.txt" not in raw:
        bag.problems.append("The tar does not hold exactly one package folder.")
    bag.files.update(raw)


def _strip_top(name: str) -> str:
    return name.split("/", 1)[1] if "/" in name else name


@contextmanager
def open_file(package: Path, name: str) -> Iterator[BinaryIO | None]:
    """One plain file of a package (a folder, or an uncompressed tar of one) as a seekable
    binary stream, or None when it is not there as a plain file. Tars are read in place."""
    package = Path(package)
    if package.is_dir():
        full = package / name
        if not full.is_file() or full.is_symlink():
            yield None
            return
        with open(full, "rb") as fh:
            yield fh
        return
    with tarfile.open(package, "r:") as tar:
        for count, member in enumerate(tar):
            if count >= MAX_ENTRIES:
                break
            if _strip_top(member.name) == name and member.isreg() and not member.issparse():
                with tar.extractfile(member) as fh:
                    yield fh
                return
    yield None
