"""The signed evidence package: a BagIt 1.0 folder (RFC 8493) sealed with the owner's minisign key.

Everything is built in a hidden sibling folder (`.package.partial-XXXX`) and renamed into place
only after every file was fsync'd, every hash re-read from disk and the signature checked, so a
folder named like a package is always a finished one, after a power cut too. Hashes are taken
while bytes are written, never in a later pass, so what is listed is what was written.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from agent import __version__
from agent.export.hashed_files import (fsync_file, hash_file, make_folders, read_chunks,
                                       write_hashed)
from agent.export.package_inputs import (
    PackageError,
    PackageFile,
    check_bag_info,
    check_outputs,
    payload_name,
)
from agent.export.progress import Cancelled
from agent.export.readme import README
from agent.hidden_files import hide_folder, open_as_made
from agent.identity.keys import OwnerKey
from agent.os_words import plain_os_error
from agent.storage import fsync_dir, remove_stale_partials, replace, sync_renamed_into
from frp.bagit import (
    BAGIT_TXT,
    MANIFEST,
    OWNER_PUB,
    PROVENANCE,
    SIGNATURE,
    TAGMANIFEST,
    encode_path,
)
from frp.minisign import SignatureError, verify_minisign

STAGING = ".staging"


@dataclass(frozen=True)
class SealedPackage:
    """A finished, signed package folder."""

    path: Path
    files: tuple[PackageFile, ...]
    tagmanifest_sha256: str


class PackageBuilder:
    """Builds one package; use as a context manager so an unfinished build leaves nothing behind."""

    def __init__(self, parent: Path, name: str, bag_info: dict[str, str] | None = None) -> None:
        self._info = check_bag_info(bag_info or {})
        self.parent = Path(parent)
        self._sealed = False
        self.name_as(name)
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_partials(self.parent, folder_marker="data")  # a bag's payload folder
            # Not named for the package: its paths stay shorter than the finished ones.
            self._tmp = Path(tempfile.mkdtemp(prefix=".package.partial-", dir=self.parent))
            hide_folder(self._tmp)   # Explorer shows a dot folder: not one to hand over
            (self._tmp / "data").mkdir()
            self.staging = self._tmp / STAGING
            self.staging.mkdir()
        except OSError as exc:
            raise PackageError("the package folder cannot be made: "
                               + plain_os_error(exc, str(self.parent))) from None
        self._files: dict[str, PackageFile] = {}

    def name_as(self, name: str) -> None:
        """Name the finished folder `name` (until sealed): what a package holds, such as
        whether any sound was kept, is known only once its clip is cut."""
        if self._sealed:
            raise PackageError("the package is already sealed")
        if not name or name in (".", "..") or name.startswith(".") or re.search(r"[/\\\0\r\n]", name):
            raise PackageError(f"{name!r} is not a usable package folder name")
        destination = self.parent / name
        if os.path.lexists(destination):
            raise PackageError(f"A package named {name} already exists in {self.parent}. "
                               "Choose another folder; a finished package is never overwritten.")
        self.name, self.destination = name, destination

    def __enter__(self) -> "PackageBuilder":
        return self

    def __exit__(self, *exc) -> None:
        if not self._sealed:
            self.abort()

    def abort(self) -> None:
        """Remove everything built so far (safe to call more than once)."""
        if not self._sealed:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def _claim(self, name: str) -> str:
        if self._sealed:
            raise PackageError("the package is already sealed")
        full = payload_name(name)
        if full in (PROVENANCE, OWNER_PUB):
            raise PackageError(f"{full} is written by the package builder itself")
        if full in self._files or any(n.startswith(full + "/") or full.startswith(n + "/") for n in self._files):
            raise PackageError(f"{full} is already in the package")
        return full

    def add_file(self, name: str, src: Path,
                 hashed: tuple[str, int] | None = None) -> PackageFile:
        """Copy `src` into the bag as `name` ('data/x.mp4' or 'x.mp4'), hashing as it is written.

        A file the cutter wrote into `staging` is moved instead of copied (hashed by one read,
        or taken as `hashed`, its (SHA-256 hex, size) read while the gate checked it), since
        copying a large clip within the same folder would only double the disk work, and
        fsync'd like every file of the bag. Either way every byte is read back once more
        before the package is signed.
        """
        full = self._claim(name)
        src, dst = Path(src), self._tmp / full
        try:
            if not src.is_file():
                raise FileNotFoundError(src)
            if src.resolve().is_relative_to(self.staging.resolve()):
                sha, size = hashed if hashed is not None else hash_file(src)
                make_folders(dst.parent, self._tmp)
                # Windows: a scanner may still read it, for as long as it takes
                replace(src, dst, move=os.rename, held_bytes=size)
                fsync_file(dst)   # a folder named like a package holds its bytes, power cut or not
            else:
                sha, size = write_hashed(dst, read_chunks(src), self._tmp)
        except OSError as exc:
            _drop_unwritten(dst)
            if isinstance(exc, FileNotFoundError):
                raise PackageError(f"The file {src} to put in the package does not exist.") from None
            raise PackageError(f"Could not copy {src} into the package: "
                               + self._words(exc, dst)) from None
        return self._record(PackageFile(full, sha, size))

    def add_bytes(self, name: str, data: bytes) -> PackageFile:
        """Write `data` into the bag as `name`, hashing as it is written."""
        full = self._claim(name)
        return self._record(self._write_payload(full, bytes(data)))

    def _write_payload(self, full: str, data: bytes) -> PackageFile:
        try:
            sha, size = write_hashed(self._tmp / full, [data], self._tmp)
        except OSError as exc:
            _drop_unwritten(self._tmp / full)
            raise PackageError(f"Could not write {full} into the package: "
                               + self._words(exc, self._tmp / full)) from None
        return PackageFile(full, sha, size)

    def _words(self, exc: OSError, dst: Path) -> str:
        """Why a file could not be put at `dst`, naming the package's folder (a full disk,
        say), or `dst` itself when a folder stands there (open's "x" calls it existing, a
        rename a folder, Windows a denial: one cause, said one way)."""
        if dst.is_dir():
            return plain_os_error(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR),
                                                    str(dst)))
        return plain_os_error(exc, str(self.parent))

    def _record(self, pf: PackageFile) -> PackageFile:
        self._files[pf.name] = pf
        return pf

    def seal(self, key: OwnerKey,
             provenance: Callable[[tuple[PackageFile, ...]], dict] | dict,
             cancel: threading.Event | None = None,
             readme: Callable[[dict, str], str] | None = None) -> SealedPackage:
        """Write provenance, owner key, manifests and signature; re-check; rename into place.

        `readme` makes README.txt from the provenance record and the day it is sealed
        (bag-info.txt's Bagging-Date): a tag file for whoever is handed the package, covered
        by the tag manifest like the others.

        A `cancel` set at any point up to the rename (the last look is just before it) raises
        Cancelled with nothing left behind; once renamed, the package is finished and kept.
        """
        if self._sealed:
            raise PackageError("the package is already sealed")
        try:
            sealed = self._seal(key, provenance, cancel, readme)
        except BaseException:
            self.abort()
            raise
        self._sealed = True
        return sealed

    def _seal(self, key: OwnerKey, provenance, cancel: threading.Event | None,
              readme: Callable[[dict, str], str] | None) -> SealedPackage:
        _check(cancel)
        shutil.rmtree(self.staging, ignore_errors=True)
        added = tuple(sorted(self._files.values(), key=lambda f: f.name))
        record = provenance(added) if callable(provenance) else provenance
        check_outputs(record, self._files)
        try:
            text = json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise PackageError(f"the provenance record cannot be written as JSON: {exc}") from None
        self._record(self._write_payload(PROVENANCE, (text + "\n").encode("utf-8")))
        self._record(self._write_payload(OWNER_PUB, key.public.minisign_text().encode("ascii")))
        files = tuple(sorted(self._files.values(), key=lambda f: f.name))
        day = datetime.now(timezone.utc).strftime("%Y-%m-%d")   # bag-info's, and the README's
        tags = self._write_tags(files, day)
        if readme is not None:
            tags[README] = self._write_tag(README, readme(record, day).encode("utf-8"))
        tagmanifest = "".join(f"{sha}  {n}\n" for n, (sha, _) in sorted(tags.items())).encode("utf-8")
        tag_sha = self._write_tag(TAGMANIFEST, tagmanifest)[0]
        comment = f"footage-agent package {self.name} owner {key.public.owner_id()}"
        # UTF-8, as minisign writes it: the package's name may be in any script (naming.py).
        self._write_tag(SIGNATURE, key.minisign(tagmanifest, comment).encode("utf-8"))
        self._recheck(files, {**tags, TAGMANIFEST: (tag_sha, len(tagmanifest))}, key, cancel)
        self._rename(cancel)
        return SealedPackage(self.destination, files, tag_sha)

    def _write_tags(self, files: tuple[PackageFile, ...], day: str) -> dict[str, tuple[str, int]]:
        manifest = "".join(f"{f.sha256}  {encode_path(f.name)}\n" for f in files)
        info = {
            "Bag-Software-Agent": f"footage-agent {__version__}",
            "Bagging-Date": day,
            **self._info,
            "Payload-Oxum": f"{sum(f.size for f in files)}.{len(files)}",
        }
        bag_info = "".join(f"{label}: {value}\n" for label, value in info.items())
        return {
            "bagit.txt": self._write_tag("bagit.txt", BAGIT_TXT),
            "bag-info.txt": self._write_tag("bag-info.txt", bag_info.encode("utf-8")),
            MANIFEST: self._write_tag(MANIFEST, manifest.encode("utf-8")),
        }

    def _write_tag(self, name: str, data: bytes) -> tuple[str, int]:
        try:
            return write_hashed(self._tmp / name, [data], self._tmp)
        except OSError as exc:
            raise PackageError(f"Could not write {name}: "
                               + plain_os_error(exc, str(self.parent))) from None

    def _recheck(self, files, tags: dict[str, tuple[str, int]], key: OwnerKey,
                 cancel: threading.Event | None = None) -> None:
        """Read every byte back once: a disk or a concurrent writer must not slip past."""
        expected = {f.name: (f.sha256, f.size) for f in files} | tags
        try:
            on_disk = {p.relative_to(self._tmp).as_posix() for p in self._tmp.rglob("*") if p.is_file()}
            for name, want in expected.items():
                if hash_file(self._tmp / name, lambda: _check(cancel)) != want:
                    raise PackageError(f"{name} changed on disk while the package was built; try again.")
            if on_disk - set(expected) - {SIGNATURE}:
                extra = ", ".join(sorted(on_disk - set(expected) - {SIGNATURE}))
                raise PackageError(f"unexpected files appeared in the package while it was built: {extra}")
            verify_minisign(key.public, (self._tmp / SIGNATURE).read_text("utf-8"),
                            self._tmp / TAGMANIFEST)
        except SignatureError as exc:
            raise PackageError(f"the new signature did not verify: {exc}") from None
        except OSError as exc:
            raise PackageError("Could not re-read the package to check it: "
                               + plain_os_error(exc, str(self.parent))) from None

    def _rename(self, cancel: threading.Event | None = None) -> None:
        fsync_dir(self._tmp)
        fsync_dir(self._tmp / "data")
        _check(cancel)   # the last moment a stop can still leave nothing behind
        # os.rename would replace an empty folder made meanwhile, never a finished (non-empty) one.
        if os.path.lexists(self.destination):
            raise PackageError(f"A package named {self.name} appeared in {self.parent} meanwhile; "
                               "it was left untouched.")
        hide_folder(self._tmp, hidden=False)   # a renamed folder keeps it: a package shows
        open_as_made(self._tmp, self._tmp / "data")   # not mkdtemp's 0700: it is handed over
        try:
            replace(self._tmp, self.destination, move=os.rename,   # a scanner may read them
                    held_bytes=sum(f.size for f in self._files.values()))
        except OSError as exc:
            raise PackageError("Could not move the finished package into place: "
                               + plain_os_error(exc, str(self.destination))) from None
        sync_renamed_into(self.parent)


def _drop_unwritten(path: Path) -> None:
    """Remove what a failed write left at `path`, never a folder standing there (not the
    builder's: it makes only files); a failure to remove is passed over, the write's own
    failure being what is said (the build folder goes whole with the package's abort)."""
    try:
        if not path.is_dir():
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _check(cancel: threading.Event | None) -> None:
    """Raise Cancelled when the job was asked to stop."""
    if cancel is not None and cancel.is_set():
        raise Cancelled("the export was cancelled")
