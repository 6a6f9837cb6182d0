"""The portal's SQLite database: schema and connections.

One short-lived connection per operation: the server answers on many threads and the CLI may
run at the same time in another process, and SQLite (WAL mode, busy timeout) serialises them.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Iterator

from portal.errors import PortalError

DB_FILE = "portal.db"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS registrations (
    id TEXT PRIMARY KEY,
    label TEXT,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS requests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    jti TEXT NOT NULL UNIQUE,
    registration TEXT NOT NULL REFERENCES registrations(id),
    token TEXT NOT NULL,
    token_sha256 TEXT NOT NULL,
    case_number TEXT NOT NULL,
    start_us INTEGER NOT NULL,
    end_us INTEGER NOT NULL,
    cameras TEXT NOT NULL,
    max_bytes INTEGER,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_by_registration ON requests (registration, seq);
CREATE TABLE IF NOT EXISTS decisions (
    jti TEXT PRIMARY KEY REFERENCES requests(jti),
    token TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT,
    approved TEXT,
    received_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jti TEXT NOT NULL REFERENCES requests(jti),
    upload_id TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    claimed_sha256 TEXT NOT NULL,
    claimed_size INTEGER NOT NULL,
    package TEXT,
    receipt TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
"""


def create(path: Path) -> None:
    """Make a new database with the portal's tables (the file must not exist yet)."""
    with connect(path, must_exist=False) as conn:
        conn.executescript(_SCHEMA)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        conn.execute("PRAGMA journal_mode=WAL")
    os.chmod(path, 0o600)  # registration hashes and requests are the agency's business only


@contextlib.contextmanager
def connect(path: Path, must_exist: bool = True) -> Iterator[sqlite3.Connection]:
    """A connection that commits on success and rolls back on error, then closes."""
    if must_exist and not Path(path).is_file():
        raise PortalError(f"There is no portal database at {path}. Run 'footage-portal init' first.")
    try:
        conn = sqlite3.connect(str(path), timeout=15)
    except sqlite3.Error as exc:
        raise PortalError(f"Cannot open the portal database {path}: {exc}") from None
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        with conn:
            yield conn
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError):
            raise
        raise PortalError(f"The portal database {path} cannot be used: {exc}") from None
    finally:
        conn.close()
