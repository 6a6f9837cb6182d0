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
SCHEMA_VERSION = 2
_SIDE_FILES = ("-wal", "-shm", "-journal")

# Registrations always have a pinned owner key (there is no other way to make one): a
# decision or a package counts only when signed by it (protocol.md, "Registration").
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invites (
    code_sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    registration TEXT
);
CREATE TABLE IF NOT EXISTS registrations (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    jwk TEXT NOT NULL,
    token_sha256 TEXT UNIQUE,
    contact TEXT,
    certificate TEXT NOT NULL,
    invite_sha256 TEXT NOT NULL REFERENCES invites(code_sha256),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    ended_at INTEGER,
    ended_by TEXT
);
CREATE TABLE IF NOT EXISTS registration_keys (
    registration TEXT NOT NULL REFERENCES registrations(id),
    owner_id TEXT NOT NULL,
    jwk TEXT NOT NULL,
    certificate TEXT NOT NULL,
    pinned_at INTEGER NOT NULL,
    replaced_at INTEGER,
    PRIMARY KEY (registration, owner_id)
);
CREATE TABLE IF NOT EXISTS cameras (
    registration TEXT NOT NULL REFERENCES registrations(id),
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    address TEXT,
    lat REAL,
    lon REAL,
    sees TEXT,
    retention_days INTEGER,
    PRIMARY KEY (registration, pos)
);
CREATE INDEX IF NOT EXISTS cameras_by_place ON cameras (lat, lon);
CREATE TABLE IF NOT EXISTS owner_jtis (
    owner_id TEXT NOT NULL,
    jti TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (owner_id, jti)
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
-- A decline after an approve (protocol.md): the approval stays in decisions, its withdrawal here.
CREATE TABLE IF NOT EXISTS withdrawals (
    jti TEXT PRIMARY KEY REFERENCES decisions(jti),
    token TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    reason TEXT,
    received_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS uploads (
    upload_id TEXT PRIMARY KEY,
    jti TEXT NOT NULL REFERENCES requests(jti),
    registration TEXT NOT NULL,
    length INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    ended_at INTEGER
);
CREATE INDEX IF NOT EXISTS uploads_by_request ON uploads (jti);
CREATE INDEX IF NOT EXISTS uploads_by_registration ON uploads (registration, created_at);
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
    signer TEXT,
    ok INTEGER NOT NULL,
    checks TEXT NOT NULL,
    receipt TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
-- The camera each package that passed its checks was for: one such package per camera and
-- request (protocol.md). A portal made before this table counts only what arrives after.
CREATE TABLE IF NOT EXISTS received_cameras (
    jti TEXT NOT NULL REFERENCES requests(jti),
    camera TEXT NOT NULL,
    upload_id TEXT NOT NULL,
    PRIMARY KEY (jti, camera)
);
"""


def private_file(path: Path) -> None:
    """Make `path` (if missing) and its SQLite side files 0600: SQLite creates -wal and -shm
    with the database file's own mode, so the database is made private before it is opened."""
    path = Path(path)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for name in ("",) + _SIDE_FILES:
        side = path.with_name(path.name + name)
        try:
            if os.name == "posix" and side.stat().st_mode & 0o077:
                os.chmod(side, 0o600)
        except FileNotFoundError:
            pass


def create(path: Path) -> None:
    """Make a new database with the portal's tables (the file must not exist yet)."""
    private_file(path)  # registration hashes and requests are the agency's business only
    with connect(path, must_exist=False) as conn:
        # Before any write opens a transaction, inside which SQLite ignores a mode change.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(_SCHEMA)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    private_file(path)


def add_missing_tables(path: Path) -> None:
    """Give a portal made by an earlier release of this schema version the tables added
    since (every table is created only if missing; nothing existing changes)."""
    with connect(path) as conn:
        conn.executescript(_SCHEMA)


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
