"""The package as one uncompressed POSIX tar: what travels over tus and what the portal hashes.

Reproducible: members sorted, owners and times zeroed, so the same package always gives the
same bytes and the same SHA-256 that the portal's receipt must echo.
"""
from __future__ import annotations

import os
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable

from agent.delivery.sums import READ_SIZE, ChunkSums, SumsWriter
from agent.export.package import PackageError
from agent.new_files import place_new
from agent.os_words import plain_os_error
from agent.storage import remove_stale_partials
from frp.bagit import file_browser_leftover
from frp.folder_links import is_link


@dataclass(frozen=True)
class PackageTar:
    """A package written as one uncompressed POSIX tar file, with its upload digests."""

    path: Path
    sums: ChunkSums

    @property
    def sha256(self) -> str:
        return self.sums.sha256

    @property
    def size(self) -> int:
        return self.sums.size


def package_root_name(path: PurePath, absolute: Callable[[str], str] = os.path.abspath) -> str:
    """The name a package folder travels under: its own folder's name, however it was given
    (`.` from inside it, `pkg/data/..`: named so, the tar's members were `/bagit.txt` or
    `../bagit.txt`). PackageError for a folder with no name, a drive's top folder (`E:\\`)
    or `/`: a package is known by its folder's name, and a drive's top folder has none."""
    whole = type(path)(absolute(os.fspath(path)))
    if whole.name:
        return whole.name
    raise PackageError(
        f"{whole} is the top folder of a drive, not a package folder: a package travels under "
        "its own folder's name (CASE_camera_TIME), and a drive's top folder has none. Put the "
        "package's files in a folder of their own on that drive, named as the package, and "
        "give that folder")


def tar_package(path: Path, out: Path) -> PackageTar:
    """Write the package folder as a reproducible uncompressed POSIX (pax) tar, streamed.

    Members are sorted, owners and times normalised, so the same package always gives the
    same bytes (and the same SHA-256 the portal reports back). The SHA-256 and the per-chunk
    digests the upload sends are taken as the bytes are written.
    """
    path, out = Path(path), Path(out)
    name = package_root_name(path)
    if os.path.lexists(out):
        raise PackageError(f"{out} already exists; it is never overwritten.")
    remove_stale_partials(out.parent)
    tmp = out.with_name(f".{out.name}.partial-{os.urandom(4).hex()}")
    try:
        entries = _tar_entries(path)
        with open(tmp, "xb") as raw:
            writer = SumsWriter(raw)
            with tarfile.open(fileobj=writer, mode="w", format=tarfile.PAX_FORMAT,
                              copybufsize=READ_SIZE) as tar:
                for rel, is_dir in entries:
                    _add_member(tar, path, name, rel, is_dir)
            raw.flush()
            os.fsync(raw.fileno())
        place_new(tmp, out)  # unlike os.replace, never replaces a file that appeared meanwhile
    except FileExistsError:
        raise PackageError(f"{out} appeared meanwhile; it was left untouched.") from None
    except OSError as exc:
        raise PackageError(f"Could not write the package tar: {plain_os_error(exc, str(out))}") \
            from None
    finally:
        tmp.unlink(missing_ok=True)
    return PackageTar(out, writer.sums())


def _tar_entries(root: Path) -> list[tuple[str, bool]]:
    if not (root / "bagit.txt").is_file():
        raise PackageError(f"{root} is not a package folder (no bagit.txt).")
    entries = [("", True)]
    for dirpath, dirnames, filenames in os.walk(root):
        # A NAS's own folder (Synology's @eaDir) is the NAS's, as a file browser's leftover is.
        dirnames[:] = [d for d in dirnames if not file_browser_leftover(d)]
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            if name in filenames and file_browser_leftover(name):
                # A .DS_Store, Thumbs.db, ... the owner's file browser made when it showed the
                # folder is theirs, not the package's: it keeps names and pictures of their own.
                continue
            # A link, or on Windows a junction (which is_symlink does not tell), is never packed.
            if is_link(os.lstat(full)) or not (full.is_dir() or full.is_file()):
                raise PackageError(f"{rel} in the package is not a plain file; refusing to pack it.")
            entries.append((rel, full.is_dir()))
    return sorted(entries, key=lambda e: e[0].split("/"))


def _add_member(tar: tarfile.TarFile, root: Path, name: str, rel: str, is_dir: bool) -> None:
    info = tarfile.TarInfo(f"{name}/{rel}".rstrip("/"))
    info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
    if is_dir:
        info.type, info.mode = tarfile.DIRTYPE, 0o755
        tar.addfile(info)
        return
    info.mode = 0o644
    with open(root / rel, "rb") as src:
        info.size = os.fstat(src.fileno()).st_size
        tar.addfile(info, src)
