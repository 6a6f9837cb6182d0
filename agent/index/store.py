"""The recording index: one SQLite row per recording, its camera, and the registered sources.

A row is a file, or a byte range of one (a Hikvision ring file holds many recordings). Rows
point at a camera by id, and a camera's name lives only in `cameras` (named by the rules of
cameras.py), so a rename touches one row however many recordings the camera has.

Overlap queries use the index on (camera_id, start_us), bounded below by the camera's longest
recording (kept in `cameras.max_len_us`), so a window query touches only rows that can overlap.
The rows themselves are in rows.py; why the index cannot be used, in words, in store_errors.py;
a recorder's mirrored rows, replaced and marked stale as its searches go, in remote_rows.py.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Iterator

from agent.index.camera_names import CameraNameError
from agent.index.cameras import CameraBook
from agent.index.recorder_book import RecorderBook
from agent.index.remote_rows import RemoteRows
from agent.index.rows import SELECT, SELECT_ONE, UPSERT, FileRow, Source, file_row
from agent.index.schema import VERSION, NewerIndex, prepare
from agent.index.store_errors import StoreError, check_source, database_words, is_text, storable
from agent.os_words import plain_os_error
from agent.databases import WAL_LIMIT_PRAGMA, Transaction, private_database
from agent.storage import newer_layout

class Store(RemoteRows):
    """Thread-safe access to `<home>/index.db` (WAL, one connection guarded by a lock).

    `rebuilt` is True when the index was made by an older version and its rows were dropped
    (the index is a cache of the recordings: the next scan fills it again).
    """

    def __init__(self, path: Path):
        self._db = None
        try:
            self._db = sqlite3.connect(str(private_database(path)), check_same_thread=False,
                                       isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(WAL_LIMIT_PRAGMA)
            self._db.execute("PRAGMA foreign_keys=ON")
            self.rebuilt = prepare(self._db)
        except NewerIndex as exc:
            self._close_unopened()
            raise StoreError(newer_layout("the index", path, exc.version, VERSION)) from None
        except sqlite3.DatabaseError as exc:
            self._close_unopened()
            raise StoreError(database_words(path, exc)) from None
        except OSError as exc:
            self._close_unopened()
            # the file named: the database's own, or a side file beside it (a journal)
            said = plain_os_error(exc, str(exc.filename or path))
            raise StoreError(f"the index cannot be opened: {said}") from None
        self._lock = threading.RLock()
        self.names = CameraBook(self._db, self._lock)
        self.recorders = RecorderBook(self._db, self._lock, self.names)
        if self.rebuilt:
            self.names.ensure_bases()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _close_unopened(self) -> None:
        """Let go of an index that could not be opened at once (its files stay unheld: the
        owner may move it aside, a test may unmount its disk)."""
        if self._db is not None:
            self._db.close()

    # sources -----------------------------------------------------------------------------
    def add_source(self, root: str, camera: str, tz: str, layout: str, clock_offset_s: float,
                   explicit: bool = True, disk: str | None = None) -> Source:
        """Register a root and its camera, or update a registered root's settings (its name is
        changed with `names.rename`). A name another camera holds is refused when `explicit`
        (the owner typed it) and made unique otherwise (a default from the folder's name),
        told by the folder's `disk` too (disk_identity.py, let_go.py)."""
        storable(root)
        with self._lock, Transaction(self._db):
            row = self._db.execute("SELECT id FROM sources WHERE root=?", (root,)).fetchone()
            if row is not None:
                self._db.execute("UPDATE sources SET tz=?, layout=?, clock_offset_s=? WHERE id=?",
                                 (tz, layout, clock_offset_s, row[0]))
            else:
                name = self.names.free_name(camera, explicit, disk, root)
                cur = self._db.execute(
                    "INSERT INTO sources(root, camera, tz, layout, clock_offset_s) VALUES (?,?,?,?,?)",
                    (root, name, tz, layout, clock_offset_s))
                self.names.add_base(cur.lastrowid, name)
        return self.source(root)

    def offered_name(self, wanted: str, disk: str | None, root: str | None = None) -> str:
        """The name folder `root` on `disk` would get by default (add_source, not `explicit`):
        what the app offers for it; `wanted` itself when that is no name a camera may have."""
        with self._lock:
            try:
                return self.names.free_name(wanted, False, disk, root)
            except CameraNameError:
                return wanted

    def invalidate(self, source_id: int) -> None:
        """Make the next scan re-place every file of a source (its zone or clock changed)."""
        with self._lock:
            self._db.execute("UPDATE files SET mtime_ns=-1 WHERE source_id=?", (source_id,))

    def source(self, root: str) -> Source | None:
        if not is_text(root):
            return None   # add_source refuses such a name: it was never registered
        with self._lock:
            row = self._db.execute("SELECT * FROM sources WHERE root=?", (root,)).fetchone()
        return Source(*row) if row else None

    def sources(self) -> list[Source]:
        with self._lock:
            return [Source(*r) for r in self._db.execute("SELECT * FROM sources ORDER BY root")]

    def remove_source(self, root: str) -> bool:
        """Forget a root, its cameras and its index rows (the recordings are never touched);
        its cameras' former names are kept for the folder added again (names.let_go)."""
        if not is_text(root):
            return False
        with self._lock, Transaction(self._db):
            row = self._db.execute("SELECT id FROM sources WHERE root=?", (root,)).fetchone()
            if row is None:
                return False
            self.names.let_go(row[0])
            return self._db.execute("DELETE FROM sources WHERE id=?", (row[0],)).rowcount > 0

    def disk(self, source_id: int) -> str | None:
        """The identity of the disk a folder's recordings were indexed from (disk_identity.py),
        None when the system named none."""
        with self._lock:
            row = self._db.execute("SELECT identity FROM disks WHERE source_id=?",
                                   (source_id,)).fetchone()
        return row[0] if row else None

    def ranges(self, source_id: int) -> dict[str, set[tuple[int, int]]]:
        """path -> (first byte, end byte) of each recording indexed inside a ring file."""
        out: dict[str, set[tuple[int, int]]] = {}
        with self._lock:
            for path, start, end in self._db.execute(
                    "SELECT path, byte_start, byte_end FROM files WHERE source_id=? AND "
                    "byte_end IS NOT NULL", (source_id,)):
                out.setdefault(path, set()).add((start, end))
        return out

    def set_disk(self, source_id: int, identity: str) -> None:
        """Keep the identity of the disk a folder holds now."""
        with self._lock:
            self._db.execute("INSERT INTO disks(source_id, identity) VALUES (?, ?) ON CONFLICT"
                             "(source_id) DO UPDATE SET identity=excluded.identity",
                             (source_id, identity))

    # files -------------------------------------------------------------------------------
    def file_stats(self, source_id: int) -> dict[str, tuple[int, int, bool]]:
        """path -> (size, mtime_ns, settled) for every file of a source: what a rescan compares.

        `settled` is False when a row of the file is still `in-progress`, which a rescan must
        look at again. The rows of one ring file share its size and mtime.
        """
        with self._lock:
            rows = self._db.execute("SELECT path, size, mtime_ns, status != 'in-progress' FROM "
                                    "files WHERE source_id=?", (source_id,)).fetchall()
        out = {p: (s, m, bool(done)) for p, s, m, done in rows}
        if len(out) != len(rows):   # a ring file's rows: settled only when all of them are
            for p, s, m, done in rows:
                if not done:
                    out[p] = (s, m, False)
        return out

    def upsert(self, rows: Iterable[FileRow], replace: Iterable[str] = ()) -> int:
        """Insert or replace rows in one transaction, first dropping every row of the paths in
        `replace` (a ring file whose recordings changed); keeps each camera's longest span.
        SourceGone when a row's folder was removed meanwhile (nothing is written then).

        A row's camera is found by name; a name not yet known becomes a camera of the row's
        source (the scan names cameras first, through `names`)."""
        values = list(rows)
        with self._lock, Transaction(self._db):
            for source_id in {r.source_id for r in values}:   # removed while it was scanned?
                check_source(self._db, source_id)
            self._db.executemany("DELETE FROM files WHERE path=?", [(p,) for p in replace])
            self._insert(values)
        return len(values)

    def _insert(self, values: list[FileRow]) -> None:
        """Upsert rows inside the caller's transaction; keeps each camera's longest span."""
        longest: dict[str, int] = {}
        sources: dict[str, int] = {}
        for r in values:
            if r.camera not in sources:
                sources[r.camera] = r.source_id
            if r.start_us is not None and r.end_us is not None:
                span = max(r.end_us, r.alt_start_us or 0) - r.start_us
                if span > longest.get(r.camera, -1):
                    longest[r.camera] = span
        ids = self.names.ids_for(set(sources.items()))
        # FileRow is the row as inserted: the camera's name becomes its id in SQLite.
        self._db.executemany(UPSERT, values)
        self._db.executemany("UPDATE cameras SET max_len_us=max(max_len_us, ?) WHERE id=?",
                             [(span, ids[name]) for name, span in longest.items()])

    def delete_paths(self, paths: Iterable[str]) -> int:
        """Drop rows of files that are gone from their source."""
        with self._lock, Transaction(self._db):
            cur = self._db.executemany("DELETE FROM files WHERE path=?", [(p,) for p in paths])
            return cur.rowcount

    def files(self, camera: str | None = None, start_us: int | None = None,
              end_us: int | None = None) -> list[FileRow]:
        """Rows, optionally one camera's (a former name finds the camera it was), optionally
        only those overlapping [start, end). Rows with no known start are listed only when no
        window is given; a row with a start but no known end may overlap the window, so it is
        listed when it starts inside it or less than the camera's longest recording before it.
        An unknown camera has none."""
        cams: list[tuple[int, str, int]]
        if camera is not None:
            found = self.names.lookup(camera)
            if found is None:
                return []
            cams = [found]
        if start_us is None and end_us is None:
            if camera is not None:
                cid, name, _ = cams[0]
                with self._lock:
                    return [file_row(r) for r in self._db.execute(
                        SELECT_ONE + " ORDER BY start_us, path, byte_start", (name, cid))]
            with self._lock:
                return [file_row(r) for r in self._db.execute(
                    SELECT + " ORDER BY c.name, f.start_us, f.path, f.byte_start")]
        if camera is None:
            with self._lock:
                cams = self._db.execute(
                    "SELECT id, name, max_len_us FROM cameras c WHERE EXISTS (SELECT 1 FROM files "
                    "WHERE camera_id=c.id) ORDER BY name").fetchall()
        out: list[FileRow] = []
        for cid, name, bound in cams:
            out.extend(self._overlapping(cid, name, bound, start_us, end_us))
        return out

    def _overlapping(self, camera_id: int, name: str, bound: int, start_us: int | None,
                     end_us: int | None) -> Iterator[FileRow]:
        lo = -(1 << 62) if start_us is None else start_us - bound
        hi = (1 << 62) if end_us is None else end_us
        with self._lock:
            rows = self._db.execute(
                SELECT_ONE + " AND start_us>=? AND start_us<? ORDER BY start_us, path, byte_start",
                (name, camera_id, lo, hi)).fetchall()
        for r in rows:
            row = file_row(r)
            if start_us is None or row.end_us is None or row.end_us > start_us \
                    or row.start_us >= start_us:
                yield row

    def newest(self, source_id: int) -> FileRow | None:
        """The source's usable recording (`ok`, its end known) that starts last, whatever its
        date: a camera whose clock was reset dates today's recordings years ago."""
        with self._lock:
            found = self._db.execute(SELECT + " WHERE f.source_id=? AND f.status='ok' AND "
                                     "f.end_us IS NOT NULL ORDER BY f.start_us DESC LIMIT 1",
                                     (source_id,)).fetchone()
        return None if found is None else file_row(found)

    def has_status(self, source_id: int, status: str) -> bool:
        """True if any row of the source has this status (the watcher re-checks in-progress files)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM files WHERE source_id=? AND status=? LIMIT 1",
                                    (source_id, status)).fetchone() is not None

    def paths_with_status(self, source_id: int, status: str) -> list[str]:
        """The paths of the source's rows with this status (the watcher walks the folders of
        in-progress files again)."""
        with self._lock:
            return [p for (p,) in self._db.execute(
                "SELECT DISTINCT path FROM files WHERE source_id=? AND status=?",
                (source_id, status))]

    def cameras(self) -> list[str]:
        """Current names of the cameras with indexed recordings."""
        with self._lock:
            return [n for (n,) in self._db.execute(
                "SELECT name FROM cameras c WHERE EXISTS (SELECT 1 FROM files WHERE camera_id=c.id) "
                "ORDER BY name")]

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM files").fetchone()[0]
