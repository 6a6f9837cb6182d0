"""Writing the agent's own state safely: atomic file replacement and SQLite transactions.

A crash or power loss must leave either the old state or the new, never half of each.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write a file via a temporary sibling: mode set before any byte, fsync, then rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Transaction:
    """`with Transaction(db):` — BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
