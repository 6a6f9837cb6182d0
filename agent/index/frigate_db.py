"""Frigate's own database, read when it sits beside its media.

Frigate records every segment in `frigate.db` (table `recordings`: camera, path, start_time,
end_time as UTC epoch seconds). That is better evidence than a path, so the scanner prefers it.
The database is opened read-only and immutable: SQLite then creates no -wal/-shm files in the
owner's Frigate folder.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from agent.sqlite_uris import read_only_uri
from agent.timebase import US

_KEY_PARTS = 4  # YYYY-MM-DD/HH/<camera>/MM.SS.mp4 names a segment uniquely


@dataclass(frozen=True)
class FrigateTimes:
    """Segment times from frigate.db, keyed by the tail of each path."""

    db_path: str
    times: dict

    def lookup(self, rel: str) -> tuple[int, int] | None:
        """(start_us, end_us) for a file path relative to the source root, if Frigate knows it."""
        return self.times.get(_key(rel))


def _key(path: str) -> str:
    return "/".join(PurePosixPath(path.replace("\\", "/")).parts[-_KEY_PARTS:])


def load_frigate_times(root: Path) -> FrigateTimes | None:
    """Read frigate.db from the source root or its parent; None when absent or unreadable."""
    for candidate in (root / "frigate.db", root.parent / "frigate.db"):
        if candidate.is_file():
            times = _read(candidate)
            if times is not None:
                return FrigateTimes(str(candidate), times)
    return None


def _read(db_file: Path) -> dict | None:
    uri = read_only_uri(db_file.absolute(), immutable=True)
    try:
        with closing(sqlite3.connect(uri, uri=True)) as db:
            rows = db.execute("SELECT path, start_time, end_time FROM recordings").fetchall()
    except sqlite3.Error:
        return None
    times = {}
    for path, start, end in rows:
        if isinstance(path, str) and isinstance(start, (int, float)) and isinstance(end, (int, float)):
            times[_key(path)] = (round(start * US), round(end * US))
    return times
