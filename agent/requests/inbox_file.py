"""The inbox's database file, `<home>/inbox.db`: its tables, the layout version it says, and
opening it, with why it cannot be opened in words (agent/requests/inbox.py reads and writes
it)."""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from agent.audit.log import AuditError, AuditLog
from agent.index.store_errors import disk_words
from agent.os_words import plain_os_error
from agent.databases import Transaction, WAL_LIMIT_PRAGMA, private_database
from agent.storage import newer_layout

# PRAGMA user_version. Inboxes before it was kept say 0 and hold the same tables; a newer
# version's inbox is refused whole rather than written in a layout this one does not know.
# 2 adds `requests.decision_refusal`: the portal's code for a decision it refused for good
# (`already_delivered`), which an inbox of 1 (or 0) gains when opened, filled from the
# words version 1 kept for it in `decision_error`. A version-1 agent refuses a version-2
# inbox (as any newer layout) on purpose, though the column alone would not trip its SQL: it
# would keep a decline refused as already delivered in words only, and this version, finding
# layout 2, would never read those words again, so the receipt owed for it would never be
# asked for while the agency held the footage (owed_receipts.py).
VERSION = 2
# What version 1 kept as a decline's `decision_error` when the portal refused it as already
# delivered (owed_receipts.delivered_elsewhere, after the agency's name).
_V1_DELIVERED_ELSEWHERE = ("% already received footage for this request (sent from this PC "
                           "with the answer lost on the way%")

SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    iss TEXT NOT NULL, jti TEXT NOT NULL, registration TEXT NOT NULL, token TEXT NOT NULL,
    sha256 TEXT NOT NULL, case_number TEXT NOT NULL, window_start_us INTEGER NOT NULL,
    window_end_us INTEGER NOT NULL, cameras TEXT NOT NULL, status TEXT NOT NULL,
    received_at_us INTEGER NOT NULL, expires_at_us INTEGER NOT NULL, decided_at_us INTEGER,
    reason TEXT, folder TEXT NOT NULL UNIQUE, via TEXT NOT NULL, approved TEXT, decision TEXT,
    decision_sent_at_us INTEGER, decision_error TEXT, decision_refusal TEXT,
    PRIMARY KEY (iss, jti));
CREATE INDEX IF NOT EXISTS requests_jti ON requests(jti);
CREATE INDEX IF NOT EXISTS requests_sha256 ON requests(sha256);
CREATE TABLE IF NOT EXISTS deliveries (
    iss TEXT NOT NULL, jti TEXT NOT NULL, camera TEXT NOT NULL, package TEXT NOT NULL,
    tar TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, upload_url TEXT,
    receipt TEXT, PRIMARY KEY (iss, jti, camera));
CREATE TABLE IF NOT EXISTS cursors (
    iss TEXT NOT NULL, registration TEXT NOT NULL, cursor TEXT, PRIMARY KEY (iss, registration));
"""


class InboxError(Exception):
    """The inbox cannot do what was asked; the message says why."""


def open_database(path: Path) -> sqlite3.Connection:
    """The inbox's connection (WAL), its tables made or brought up to VERSION. InboxError when
    it cannot be used (a newer version's, damaged, its disk full), the file let go at once
    (the owner may move it aside, or unplug its disk)."""
    lost = lost_inbox(path)
    if lost is not None:
        raise InboxError(lost)
    db = None
    try:
        db = sqlite3.connect(str(private_database(path)), check_same_thread=False,
                             isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(WAL_LIMIT_PRAGMA)
        found = db.execute("PRAGMA user_version").fetchone()[0]
        if found > VERSION:
            raise InboxError(newer_layout("the inbox", path, found, VERSION))
        db.executescript(SCHEMA)
        if found < VERSION:
            _bring_up(db)
        db.execute(f"PRAGMA user_version={VERSION}")
        return db
    except InboxError:
        _close(db)
        raise
    except sqlite3.DatabaseError as exc:
        _close(db)
        raise InboxError(damaged_words(path, exc)) from None
    except OSError as exc:
        _close(db)
        # the file named: the database's own, or a side file beside it (a journal)
        said = plain_os_error(exc, str(exc.filename or path))
        raise InboxError(f"the inbox cannot be opened: {said}") from None


@contextlib.contextmanager
def written(path: Path):
    """A write to the inbox at `path`, a disk that refuses it (full, failing, read-only) or
    another program holding it said in plain words (InboxError, disk_words); the write itself
    changed nothing. Without it the owner read SQLite's "database or disk is full", or, from
    an approval, "unexpected failure: OperationalError"."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        words = disk_words("the inbox", path, exc)
        if words is None:
            raise
        raise InboxError(words) from None


def _bring_up(db: sqlite3.Connection) -> None:
    """An inbox of version 1 (or 0) gains `decision_refusal`, its declines the portal refused
    as already delivered marked so (the receipt they may leave owed is asked for by that
    mark, owed_receipts.owes). Another footage-agent opening it at once does it first, or not
    at all: the column is looked for inside the write lock."""
    with Transaction(db):
        columns = {row[1] for row in db.execute("PRAGMA table_info(requests)")}
        if "decision_refusal" in columns:
            return
        db.execute("ALTER TABLE requests ADD COLUMN decision_refusal TEXT")
        db.execute("UPDATE requests SET decision_refusal = 'already_delivered' WHERE "
                   "decision_error LIKE ?", (_V1_DELIVERED_ELSEWHERE,))


def _close(db: sqlite3.Connection | None) -> None:
    if db is not None:
        db.close()


def damaged_words(path: Path, exc: sqlite3.DatabaseError) -> str:
    """Why the inbox cannot be opened, for a person: a damaged one must not read as something
    to delete, as it holds what was decided and delivered."""
    if getattr(exc, "sqlite_errorcode", None) not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return disk_words("the inbox", path, exc) or f"the inbox {path} cannot be opened: {exc}"
    return (f"the inbox {path} is damaged and cannot be used ({exc}); it holds the requests "
            "you received and what you decided and sent for each, so do not delete it: put "
            "back a copy from a backup, or move it aside (keep it): the requests then come in "
            "again from the agencies' portals, without what you decided on them here")


def lost_inbox(path: Path) -> str | None:
    """Why the inbox must not be opened as a new one: it is there but cut to nothing (0 bytes)
    while the activity log shows requests were received (a power cut as it was copied back, a
    sync tool's half-written copy). SQLite would take it for a new inbox: the requests and what
    was decided on them gone without a word, and a request received before taken as new. None
    when it is whole, or new."""
    try:
        if not path.is_file() or path.stat().st_size:
            return None
        received = any(r["event"] == "request-seen" for r in AuditLog(path.parent).entries())
    except (OSError, AuditError):
        return None
    if not received:
        return None
    return (f"the inbox {path} is empty (0 bytes), but your activity log shows requests were "
            "received: it was cut short (a copy or restore that failed, a disk that filled). It "
            "held the requests you received and what you decided and sent for each, so do not "
            "delete it: put back a copy from a backup, or move it aside (keep it): the requests "
            "then come in again from the agencies' portals, without what you decided on them "
            "here")
