"""How much room the home folder takes on the owner's disk, by what it holds.

The app keeps, for good, the owner's copy of every package it delivered (`packages/`), the safe
copies of recordings made for requests (`holds/`), and caches, the index, inbox and activity
log. An owner on a small disk must be able to see which of these fills it before they can
decide what to free. Sizes are the files' own (links not followed, folders not counted), read
as they stand: a file removed while it is walked is skipped.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from agent.requests.records import Entry


@dataclass(frozen=True)
class Kept:
    """One kind of what the home holds: its bytes, and how many items (packages, safe
    copies) where that is counted."""

    size: int
    count: int = 0


@dataclass(frozen=True)
class HomeSpace:
    """What the home folder `home` holds, by kind, and what is left free on its disk (None when
    the system would not say)."""

    home: str
    delivered: Kept      # packages whose receipt the agency signed: the owner's copy of them
    undelivered: Kept    # packages, tars and upload progress of deliveries not yet receipted
    holds: Kept          # safe copies of recordings for requests (`inbox hold`)
    caches: Kept         # what a recorder sent for previews and cuts, made again when needed
    records: Kept        # the index, inbox, activity log, settings, keys and agency files
    free: int | None
    # Why which packages were delivered cannot be told (the inbox cannot be read: its disk
    # full, say, when the owner most needs this), every package then in `undelivered`; None.
    unsorted: str | None = None

    @property
    def total(self) -> int:
        """Every byte of the home folder."""
        return sum(k.size for k in (self.delivered, self.undelivered, self.holds, self.caches,
                                    self.records))


def home_space(home: Path, entries: Iterable[Entry], unsorted: str | None = None) -> HomeSpace:
    """Measure `home`; `entries` (the inbox's requests) say which packages were delivered: a
    package folder is delivered once its delivery's receipt is kept. `unsorted`: why the inbox
    could not be read (then `entries` is empty)."""
    home = Path(home)
    receipted = {_where(d.package) for e in entries for d in e.deliveries
                 if d.receipt and d.package}
    delivered = undelivered = Kept(0)
    holds = caches = records = Kept(0)
    for child in _children(home):
        name = child.name
        if name == "packages" and child.is_dir() and not child.is_symlink():
            for request in _children(child):
                for package in (_children(request) if request.is_dir() else [request]):
                    size = _bytes_in(package)
                    if _where(str(package)) in receipted:
                        delivered = Kept(delivered.size + size, delivered.count + 1)
                    else:
                        counted = package.is_dir() and not package.name.startswith(".")
                        undelivered = Kept(undelivered.size + size,
                                           undelivered.count + int(counted))
        elif name in ("outbox", "uploads"):
            undelivered = Kept(undelivered.size + _bytes_in(child), undelivered.count)
        elif name == "holds":
            held = [h for h in _children(child) if h.is_dir() and not h.name.startswith(".")]
            holds = Kept(_bytes_in(child), len(held))
        elif name == "cache":
            caches = Kept(_bytes_in(child))
        else:
            records = Kept(records.size + _bytes_in(child))
    try:
        free: int | None = shutil.disk_usage(home).free
    except OSError:
        free = None
    return HomeSpace(str(home), delivered, undelivered, holds, caches, records, free, unsorted)


def _where(package: str) -> tuple[str, str]:
    """A package folder by its request's folder and its own name: the same package however
    the home was reached (a home moved or restored elsewhere keeps the inbox's old paths)."""
    path = Path(package)
    return (os.path.normcase(path.parent.name), os.path.normcase(path.name))


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _bytes_in(path: Path) -> int:
    """The bytes of the file `path`, or of every file under the folder `path`."""
    try:
        if not path.is_dir() or path.is_symlink():
            return path.lstat().st_size
    except OSError:
        return 0
    total = 0
    for dirpath, _dirs, files in os.walk(path, onerror=lambda _exc: None):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                continue   # removed while walked
    return total
