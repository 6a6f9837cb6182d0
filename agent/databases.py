"""The SQLite databases of the home (the index and the inbox): made owner-only and only as
ordinary files before SQLite opens them, their write-ahead log kept small, and one transaction
that commits whole or rolls back whole.
"""
from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from agent.os_words import NOT_A_FILE
from agent.storage import open_ordinary

_SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")

# SQLite resets its write-ahead log after a checkpoint but never shrinks it: one large write (a
# first scan of an NVR's hundred thousand recordings) left `index.db-wal` as large as the index
# for as long as the app kept the database open, months. Cut back to this at each reset.
WAL_LIMIT_PRAGMA = f"PRAGMA journal_size_limit={4 * 1024 * 1024}"


def private_database(path: Path) -> Path:
    """Make a SQLite database and its side files owner-only (0600) before it is opened.

    SQLite makes -wal, -shm and -journal with the mode of the database file, so creating the
    database 0600 (whatever the umask) keeps them private too; files an earlier version left
    looser are tightened. The home folder is 0700 already: this holds even if it is loosened.
    OSError for what is no ordinary file there (open_ordinary): a folder, a named pipe, the
    database's or a side file's.
    """
    path = Path(path)
    if os.name != "posix":
        return path
    # Only an ordinary file: SQLite opened a named pipe in its place and said a disk I/O error,
    # which the owner was told as a failing drive (os_words.NOT_A_FILE says what it is).
    os.close(open_ordinary(path, os.O_RDWR | os.O_CREAT))
    for tail in _SQLITE_SIDE_FILES:
        side = Path(f"{path}{tail}")
        try:
            mode = side.stat().st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(side))
        if not stat.S_ISREG(mode):
            # SQLite opens a journal left beside the database to read it: a named pipe there
            # kept `inbox` waiting in that open for ever, deaf to Ctrl-C and SIGTERM.
            raise OSError(NOT_A_FILE, "not an ordinary file", str(side))
        if stat.S_IMODE(mode) & 0o077:
            side.chmod(0o600)
    return path


class Transaction:
    """`with Transaction(db):` — BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error:
                self._roll_back()   # a COMMIT that failed leaves the transaction open
                raise
        else:
            self._roll_back()
        return False

    def _roll_back(self) -> None:
        # A statement that fails as the disk fills (SQLITE_FULL, an I/O error) may have rolled
        # the whole transaction back already: a ROLLBACK then failed with "no transaction is
        # active", and that error took the place of the one that says the disk is full.
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
