"""The recording index: one SQLite row per file, plus the registered sources.

Overlap queries use the index on (camera, start_us), bounded below by the camera's longest file
(kept in `cameras.max_len_us`), so a window query touches only rows that can overlap it.
"""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from agent.storage import Transaction, private_database

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    root TEXT NOT NULL UNIQUE,
    camera TEXT NOT NULL,
    tz TEXT NOT NULL,
    layout TEXT NOT NULL DEFAULT 'auto',
    clock_offset_s REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    path TEXT NOT NULL UNIQUE,
    camera TEXT NOT NULL,
    start_us INTEGER,
    end_us INTEGER,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    layout TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    stream TEXT,
    alt_start_us INTEGER,
    codec TEXT,
    width INTEGER,
    height INTEGER,
    fps REAL,
    audio INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS files_camera_start ON files(camera, start_us);
CREATE INDEX IF NOT EXISTS files_source ON files(source_id);
CREATE TABLE IF NOT EXISTS cameras (
    camera TEXT PRIMARY KEY,
    max_len_us INTEGER NOT NULL
);
"""


class StoreError(Exception):
    """The index database cannot be used."""


@dataclass(frozen=True)
class Source:
    """A recordings root the owner registered."""

    id: int
    root: str
    camera: str
    tz: str
    layout: str
    clock_offset_s: float


class FileRow(NamedTuple):
    """One indexed file: what it is, which camera, which seconds (true UTC), and its state.

    Immutable like the frozen dataclasses elsewhere, but a NamedTuple: a scan builds one per
    file, hundreds of thousands at a time, and this is also exactly the row SQLite stores.
    """

    source_id: int
    path: str
    camera: str
    start_us: int | None
    end_us: int | None
    size: int
    mtime_ns: int
    layout: str | None
    status: str
    reason: str | None
    stream: str | None = None
    alt_start_us: int | None = None
    codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    audio: bool = False


class Store:
    """Thread-safe access to `<home>/index.db` (WAL, one connection guarded by a lock)."""

    def __init__(self, path: Path):
        try:
            self._db = sqlite3.connect(str(private_database(path)), check_same_thread=False,
                                       isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the index {path} cannot be opened: {exc}") from None
        except OSError as exc:
            raise StoreError(f"the index {path} cannot be opened: {exc.strerror}") from None
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # sources -----------------------------------------------------------------------------
    def add_source(self, root: str, camera: str, tz: str, layout: str, clock_offset_s: float) -> Source:
        """Register a root, or update its settings if it is registered already."""
        with self._lock:
            self._db.execute(
                "INSERT INTO sources(root, camera, tz, layout, clock_offset_s) VALUES (?,?,?,?,?) "
                "ON CONFLICT(root) DO UPDATE SET camera=excluded.camera, tz=excluded.tz, "
                "layout=excluded.layout, clock_offset_s=excluded.clock_offset_s",
                (root, camera, tz, layout, clock_offset_s))
            return self.source(root)

    def invalidate(self, source_id: int) -> None:
        """Make the next scan re-place every file of a source (its zone or clock changed)."""
        with self._lock:
            self._db.execute("UPDATE files SET mtime_ns=-1 WHERE source_id=?", (source_id,))

    def source(self, root: str) -> Source | None:
        row = self._db.execute("SELECT * FROM sources WHERE root=?", (root,)).fetchone()
        return Source(*row) if row else None

    def sources(self) -> list[Source]:
        with self._lock:
            return [Source(*r) for r in self._db.execute("SELECT * FROM sources ORDER BY root")]

    def remove_source(self, root: str) -> bool:
        """Forget a root and its index rows (the recordings themselves are never touched)."""
        with self._lock:
            return self._db.execute("DELETE FROM sources WHERE root=?", (root,)).rowcount > 0

    # files -------------------------------------------------------------------------------
    def file_stats(self, source_id: int) -> dict[str, tuple[int, int, bool]]:
        """path -> (size, mtime_ns, settled) for every row of a source: what a rescan compares.

        `settled` is False for rows still `in-progress`, which a rescan must look at again.
        """
        with self._lock:
            cur = self._db.execute("SELECT path, size, mtime_ns, status != 'in-progress' FROM files "
                                   "WHERE source_id=?", (source_id,))
            return {p: (s, m, bool(done)) for p, s, m, done in cur}

    def upsert(self, rows: Iterable[FileRow]) -> int:
        """Insert or replace rows in one transaction; keeps each camera's longest-file bound."""
        placeholders = ",".join("?" * len(FileRow._fields))
        sql = (f"INSERT INTO files({','.join(FileRow._fields)}) VALUES ({placeholders}) "
               "ON CONFLICT(path) DO UPDATE SET " +
               ",".join(f"{c}=excluded.{c}" for c in FileRow._fields if c != "path"))
        longest: dict[str, int] = {}
        values = list(rows)
        for r in values:
            if r.start_us is not None and r.end_us is not None:
                span = max(r.end_us, r.alt_start_us or 0) - r.start_us
                if span > longest.get(r.camera, -1):
                    longest[r.camera] = span
        with self._lock, Transaction(self._db):
            self._db.executemany(sql, values)
            self._db.executemany(
                "INSERT INTO cameras(camera, max_len_us) VALUES (?, ?) ON CONFLICT(camera) "
                "DO UPDATE SET max_len_us=max(max_len_us, excluded.max_len_us)",
                list(longest.items()))
        return len(values)

    def delete_paths(self, paths: Iterable[str]) -> int:
        """Drop rows of files that are gone from their source."""
        with self._lock, Transaction(self._db):
            cur = self._db.executemany("DELETE FROM files WHERE path=?", [(p,) for p in paths])
            return cur.rowcount

    def files(self, camera: str | None = None, start_us: int | None = None,
              end_us: int | None = None) -> list[FileRow]:
        """Rows, optionally one camera's, optionally only those overlapping [start, end).

        Rows with no known start are listed only when no window is given.
        """
        if start_us is None and end_us is None:
            sql, args = "SELECT * FROM files", []
            if camera is not None:
                sql, args = sql + " WHERE camera=?", [camera]
            with self._lock:
                return [_row(r) for r in self._db.execute(sql + " ORDER BY camera, start_us, path", args)]
        cams = [camera] if camera is not None else self.cameras()
        out: list[FileRow] = []
        for cam in cams:
            out.extend(self._overlapping(cam, start_us, end_us))
        return out

    def _overlapping(self, camera: str, start_us: int | None, end_us: int | None) -> Iterator[FileRow]:
        with self._lock:
            bound = self._db.execute("SELECT max_len_us FROM cameras WHERE camera=?", (camera,)).fetchone()
            lo = -(1 << 62) if start_us is None else start_us - (bound[0] if bound else 0)
            hi = (1 << 62) if end_us is None else end_us
            rows = self._db.execute(
                "SELECT * FROM files WHERE camera=? AND start_us>=? AND start_us<? "
                "ORDER BY start_us, path", (camera, lo, hi)).fetchall()
        for r in rows:
            row = _row(r)
            end = row.end_us if row.end_us is not None else row.start_us
            if start_us is None or end > start_us or row.start_us >= start_us:
                yield row

    def has_status(self, source_id: int, status: str) -> bool:
        """True if any row of the source has this status (the watcher re-checks in-progress files)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM files WHERE source_id=? AND status=? LIMIT 1",
                                    (source_id, status)).fetchone() is not None

    def cameras(self) -> list[str]:
        with self._lock:
            return [c for (c,) in self._db.execute("SELECT DISTINCT camera FROM files ORDER BY camera")]

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM files").fetchone()[0]

def _row(r: tuple) -> FileRow:
    # r[0] is the row id; the rest follow FileRow's field order (audio is stored as 0/1).
    return FileRow(*r[1:-1], bool(r[-1]))
