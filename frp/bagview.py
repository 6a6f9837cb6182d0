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
from dataclasses import dataclass, field
from pathlib import Path

from frp.bagit import MANIFEST, OWNER_PUB, PROVENANCE, REQUEST, SIGNATURE, TAGMANIFEST
from frp import mac_tar
from frp.folder_links import is_link
from frp.tar_layout import bag_names
from frp.tar_tools import (BoundedTarInfo, HugeHeader, alike_words, as_extracted, compressed,
                           after_end, fold, global_words, headers_words, huge_words,
                           name_headers, twice_words)
from frp.text import one_line
from frp.unread_files import unread_file, unread_folder

SMALL_MAX = 16 << 20  # owner.pub, provenance.json, request.jws: kept in memory up to this
# A genuine tag file (bagit.txt, bag-info.txt, the two manifests, the signature) is a few
# hundred bytes: one far larger is kept out of memory and named, not parsed line by line.
TAG_MAX = 1 << 20
MAX_ENTRIES = 10_000
MAX_PROBLEMS = 100    # a hostile package could otherwise make millions of sentences
_CHUNK = 1 << 20
_KEEP = {OWNER_PUB, PROVENANCE, REQUEST}
# The tag files read as text. Any other file beside them is only named (a problem, or a note
# for a file browser's): kept too, 10,000 of them would hold 10 GB in memory.
_TAGS = {"bagit.txt", "bag-info.txt", MANIFEST, TAGMANIFEST, SIGNATURE, "README.txt"}
_KEPT_MAX = len(_KEEP) * SMALL_MAX + len(_TAGS) * TAG_MAX   # all a package's kept files


@dataclass
class _File:
    sha256: str
    size: int
    content: bytes | None


class Problems(list):
    """The problems found, each once, the first MAX_PROBLEMS kept and the rest only counted:
    memory and output stay bounded whatever a package holds."""

    def __init__(self) -> None:
        super().__init__()
        self.more = 0

    def append(self, problem: str) -> None:
        """Keep `problem` unless it was said already or enough were."""
        if problem in self:
            return
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def first(self, problem: str) -> None:
        """Put `problem` first (what the others follow from), within MAX_PROBLEMS still."""
        if problem in self:
            self.remove(problem)
        self.insert(0, problem)
        if len(self) > MAX_PROBLEMS:
            self.pop()
            self.more += 1


@dataclass
class Bag:
    """Every file of one package by its path inside it, and the problems found while reading.
    For a tar: `members` gives each file's header offset (so it is reopened under the very name
    it was read as), `top` the one package folder the names were taken out of (None without)."""

    files: dict[str, _File] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    members: dict[str, int] = field(default_factory=dict)
    top: str | None = None
    notes: list[str] = field(default_factory=list)   # for the receiver; no problem
    # What this computer would not let be read (permissions, a file another program holds,
    # a cloud file kept online with no connection): a file's path, or a folder's ending "/".
    # Its problem was said; what follows from its absence is not said again as if it were
    # missing from the package, which a receiver would take for a file taken out.
    unread: set[str] = field(default_factory=set)

    def not_read(self, name: str) -> bool:
        """Whether `name` could not be read here, itself or a folder holding it."""
        return isinstance(name, str) and (name in self.unread or any(
            name.startswith(f) for f in self.unread if f.endswith("/")))

    def text(self, name: str) -> str | None:
        """A small file as UTF-8 text, or None (with the problem recorded)."""
        f = self.files.get(name)
        if f is None:
            if not self.not_read(name):
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


def _keep(name: str) -> int:
    """How many bytes of the file are kept in memory (0: only its digest)."""
    if name in _KEEP:
        return SMALL_MAX
    return TAG_MAX if name in _TAGS else 0


def _digest(stream, keep: int) -> _File:
    sha, size, kept = hashlib.sha256(), 0, bytearray()
    while chunk := stream.read(_CHUNK):
        sha.update(chunk)
        size += len(chunk)
        if size <= keep:
            kept += chunk
    return _File(sha.hexdigest(), size, bytes(kept) if size <= keep else None)


def file_sha256(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file read in 1 MiB blocks; OSError when it cannot be read."""
    with open(path, "rb") as f:
        got = _digest(f, keep=0)
    return got.sha256, got.size


def read_folder(root: Path, bag: Bag) -> None:
    """Read a package folder into `bag`; links and other non-plain files are problems, never
    followed. A folder or file that cannot be read is named with the system's reason and
    kept in `bag.unread`."""
    root = Path(os.path.abspath(root))   # the whole path, as Windows' limit counts it
    for dirpath, dirnames, filenames in os.walk(
            root, onerror=lambda exc: unread_folder(bag, root, exc)):
        for name in sorted(dirnames + filenames):
            full = os.path.join(dirpath, name)
            rel = Path(full).relative_to(root).as_posix()
            try:   # a path past Windows' 259 characters is not found here already
                st = os.lstat(full)
            except OSError as exc:
                unread_file(bag, rel, full, exc)
                continue
            if stat.S_ISDIR(st.st_mode) and not is_link(st):
                continue
            # Links (a Windows junction too), pipes, devices: never followed or opened.
            if is_link(st) or not stat.S_ISREG(st.st_mode):
                if name in dirnames:   # os.walk would walk into a junction
                    dirnames.remove(name)
                    # A folder in Explorer or Finder; what it holds was not read, so is not
                    # called missing (bag.unread) but said here as not checked.
                    bag.problems.append(f"{one_line(rel)} is a link to another folder (a "
                                        "symbolic link, or on Windows a junction), not a folder "
                                        "of the package: it was not followed, so nothing in it "
                                        "was checked. A package holds only its own files and "
                                        "folders: copy the package itself.")
                    bag.unread.add(rel + "/")
                    continue
                bag.problems.append(f"{one_line(rel)} is not a plain file; a package holds only plain files.")
                continue
            if len(bag.files) >= MAX_ENTRIES:
                bag.problems.append(f"The package holds more than {MAX_ENTRIES} files; not a genuine package.")
                return
            try:
                with open(full, "rb") as f:
                    bag.files[rel] = _digest(f, _keep(rel))
            except OSError as exc:
                unread_file(bag, rel, full, exc)


def read_tar(path: Path, bag: Bag) -> None:
    """Read an uncompressed package tar into `bag` without extracting, its one top folder stripped."""
    raw: dict[str, _File] = {}
    offsets: dict[str, int] = {}
    declared = 0
    budget = _KEPT_MAX
    folded: dict[str, str] = {}
    dirs: set[str] = set()
    packed = compressed(path)
    if packed:
        bag.problems.append(f"{one_line(path.name)} is compressed ({packed}), not the plain tar a "
                            "package travels as: unpack it first, then check the .tar inside.")
        return
    try:
        archive_size = os.stat(path).st_size
        with tarfile.open(path, "r:", tarinfo=BoundedTarInfo) as tar, \
                open(path, "rb") as heads:
            for count, member in enumerate(tar):
                if count >= MAX_ENTRIES:
                    bag.problems.append(f"The tar holds more than {MAX_ENTRIES} entries; not a genuine package.")
                    break
                name = as_extracted(member.name)
                parts = name.split("/")
                if (member.name.startswith("/") or "\\" in name or ".." in parts
                        or "\0" in name or not (name or member.isdir())):
                    bag.problems.append(f"The tar holds an unsafe path: {one_line(member.name)}.")
                    continue
                headers = name_headers(heads, member)
                if len(headers) > 1:   # tar tools and tarfile take different ones
                    bag.problems.append(headers_words(name, headers))
                    continue
                if member.isdir():
                    dirs.add(name)
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
                    bag.problems.append(_cut_short(path, f"its files declare more bytes "
                                                         f"({declared:,}) than the tar holds "
                                                         f"({archive_size:,})"))
                    return
                if name in raw:
                    bag.problems.append(twice_words(name, member.name))
                    continue
                alike = folded.setdefault(fold(name), name)
                if alike != name:   # one file where names ignore case: Windows, macOS
                    bag.problems.append(alike_words(alike, name))
                # What to keep is decided on the name stripped or not, whichever the layout
                # turns out to be: the larger of the two, so nothing needed is dropped.
                # Within what a package's own files take: a tar of many folders, each
                # holding a file of a kept name, keeps no more.
                keep = min(max(_keep(name), _keep(name.split("/", 1)[-1]),
                               mac_tar.keep_bytes(name)), budget)
                raw[name] = _digest(tar.extractfile(member), keep)
                budget -= len(raw[name].content or b"")
                offsets[name] = member.offset
            ended = tar.offset
            named_all = global_words(tar.pax_headers)
            if named_all:
                bag.problems.append(named_all)
    except (tarfile.TarError, OSError, EOFError) as exc:
        if isinstance(exc, OSError):   # the disk's or the system's, not the tar's
            bag.problems.append(f"{one_line(path.name)} could not be read on this computer "
                                f"({exc.strerror or one_line(str(exc))}), so nothing in it "
                                "was checked.")
        elif isinstance(exc, HugeHeader):
            bag.problems.append(huge_words(path, exc.size))
        elif str(exc) == "empty file":   # tarfile's words for 0 bytes
            bag.problems.append(f"{one_line(path.name)} is empty (0 bytes): a download or copy "
                                "of it did not finish, or nothing was ever written to it. Get "
                                "it again whole.")
        elif str(exc) == "truncated header":   # said only of the first header, at offset 0
            bag.problems.append(_cut_short(path, f"it ends inside its first header "
                                                 f"({archive_size:,} bytes)"))
        elif isinstance(exc, EOFError) or "unexpected end of data" in str(exc):
            bag.problems.append(_cut_short(path))
        else:
            bag.problems.append(f"{one_line(path.name)} is not a readable uncompressed tar "
                                f"file ({one_line(str(exc))}).")
        return
    # A tar ends with two blocks of zeros after its last file: a tar that stops before them
    # was cut short (a download or copy that did not finish), files after the cut unread.
    if archive_size - ended < _END_BLOCKS and archive_size > 0:
        bag.problems.append(_cut_short(path))
    elif after := after_end(path, ended):
        bag.problems.append(after)
    for name in mac_tar.attribute_members(raw, dirs):
        bag.notes.append(mac_tar.attribute_words(name))
        del raw[name], offsets[name]
    names, bag.top, layout = bag_names(raw, path)
    if layout:
        bag.problems.append(layout)
    bag.files.update({names[n]: f for n, f in raw.items() if n in names})
    bag.members.update({names[n]: at for n, at in offsets.items() if n in names})


_END_BLOCKS = 1024


def _cut_short(path: Path, how: str = "it stops before the end every tar has") -> str:
    """What a tar that ends early is: most often a download or copy that did not finish."""
    return (f"{one_line(path.name)} is cut short: {how}, so a download or copy of it did not "
            "finish (or it was never a genuine package), and what was after the cut is "
            "missing. Get it again whole.")
