"""One file of a received package opened again, after `bagview` read the package into a
`Bag`, for the checks that read a file's bytes themselves (its clip's Content Credentials and
sample tables): from a folder by its path, from a tar at the very member it was read as.
"""
from __future__ import annotations

import tarfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from frp.bagview import Bag
from frp.tar_tools import BoundedTarInfo


@contextmanager
def open_file(package: Path, name: str, bag: Bag) -> Iterator[BinaryIO | None]:
    """One plain file of a package (a folder, or an uncompressed tar of one) read into `bag`,
    as a seekable binary stream, or None when it is not there as a plain file. A tar's member
    is reopened at the offset it was read from, so the name maps as it did then; tars are
    read in place."""
    package = Path(package)
    if package.is_dir():
        full = package / name
        if not full.is_file() or full.is_symlink():
            yield None
            return
        with open(full, "rb") as fh:
            yield fh
        return
    at = bag.members.get(name)
    if at is None:
        yield None
        return
    with tarfile.open(package, "r:", tarinfo=BoundedTarInfo) as tar:
        tar.fileobj.seek(at)
        member = BoundedTarInfo.fromtarfile(tar)
        if not member.isreg() or member.issparse():
            yield None
            return
        with tar.extractfile(member) as fh:
            yield fh
