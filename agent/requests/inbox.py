"""The inbox: every verified request, its status, and what was delivered for it (`<home>/inbox.db`).

The status machine (cli.md) is written down as data in statuses.py and every change goes
through `transition()`, which refuses a move its table does not allow. A request stays in the
inbox for good: declined, expired and delivered rows are the owner's record of what was asked.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

from agent.requests.inbox_file import InboxError, open_database, written
from agent.requests.statuses import check_transition
from agent.requests.records import Approval, Delivery, Entry, approval_json, entry_from_row
from agent.databases import Transaction
from agent.storage import is_device_name
from agent.timebase import US
from frp.claims import TOLERANCE_S
from frp.count_words import counted
from frp.request import Request


class UnknownRequest(InboxError):
    """No request with that id is in the inbox (or the id is ambiguous)."""


# Ids (a UUID's 36 characters, the reference portal's 28) are folder names up to this long. The
# protocol allows 128: in full, `<home>\packages\<id>` on Windows left too little of its 259
# characters for the package inside (agent/export/path_room.py).
FOLDER_ID_MAX = 40
_KEPT_OF_LONG_ID = FOLDER_ID_MAX - 11   # then `-` and 10 hex digits of the whole id's SHA-256


def folder_name(jti: str, iss: str, taken: Callable[[str], bool]) -> str:
    """The request's folder name under holds/, packages/, outbox/ and locks/: its id (a long
    one shortened to FOLDER_ID_MAX), made unable to climb out of its parent (`..` is a valid
    id), never a Windows device name or a name Windows would cut (a final dot), and unique
    across agencies and requests as `taken` compares names (without case: Windows and macOS
    fold it)."""
    if len(jti) > FOLDER_ID_MAX:
        jti = f"{jti[:_KEPT_OF_LONG_ID]}-{hashlib.sha256(jti.encode()).hexdigest()[:10]}"
    name = "_" + jti if jti.startswith(".") else jti
    if name.endswith("."):
        name += "_"
    if is_device_name(name):
        name = "_" + name
    if not taken(name):
        return name
    stem = f"{name}-{hashlib.sha256(iss.encode()).hexdigest()[:10]}"
    candidate, n = stem, 1
    while taken(candidate):   # an id may be another's name with this suffix already
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


class Inbox:
    """Thread-safe access to the inbox database (WAL, one connection guarded by a lock)."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time,
                 on_expired: Callable[[Entry], None] | None = None) -> None:
        self.path = Path(path)
        self._clock = clock
        self._on_expired = on_expired
        self._lock = threading.RLock()
        self._db = open_database(self.path)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # reading -----------------------------------------------------------------------------
    def seen(self, iss: str, jti: str) -> bool:
        """True when this agency's request id is already in the inbox (a replay)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM requests WHERE iss=? AND jti=?",
                                    (iss, jti)).fetchone() is not None

    def list(self) -> list[Entry]:
        """Every request, newest first (undecided ones past their expiry become expired)."""
        self.expire()
        with self._lock:
            rows = self._db.execute("SELECT * FROM requests ORDER BY received_at_us DESC, jti")
            return [self._entry(r) for r in rows.fetchall()]

    def get(self, jti: str, iss: str | None = None) -> Entry:
        """One request by id (and agency, when two agencies used the same id)."""
        self.expire()
        with self._lock:
            if iss is None:
                rows = self._db.execute("SELECT * FROM requests WHERE jti=?", (jti,)).fetchall()
            else:
                rows = self._db.execute("SELECT * FROM requests WHERE jti=? AND iss=?",
                                        (jti, iss)).fetchall()
            if not rows:
                raise UnknownRequest(f"there is no request '{jti}' in the inbox"
                                     + (f" from {iss}" if iss is not None else "")
                                     + self._meant(jti, iss))
            if len(rows) > 1:
                agencies = sorted(r[0] for r in rows)
                raise UnknownRequest(f"more than one agency sent a request called '{jti}' "
                                     f"({', '.join(agencies)}); say which with --agency, for "
                                     f"example --agency {agencies[0]}")
            return self._entry(rows[0])

    def holds(self, iss: str, sha256: str) -> bool:
        """True when the inbox holds this agency's request token with this SHA-256 (the
        very token, not only its id)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM requests WHERE iss=? AND sha256=?",
                                    (iss, sha256)).fetchone() is not None

    def cursor(self, iss: str, registration: str) -> str | None:
        """Where the last poll of this registration stopped."""
        with self._lock:
            row = self._db.execute("SELECT cursor FROM cursors WHERE iss=? AND registration=?",
                                   (iss, registration)).fetchone()
            return row[0] if row else None

    # writing -----------------------------------------------------------------------------
    def add(self, request: Request, via: str) -> Entry:
        """Put a verified request in the inbox as `new`."""
        now = int(self._clock() * US)
        with self._lock, written(self.path), Transaction(self._db):
            if self.seen(request.agency_id, request.id):
                raise InboxError(f"request '{request.id}' is already in the inbox")
            folder = folder_name(request.id, request.agency_id, self._folder_taken)
            try:
                self._insert(request, via, folder, now)
            except (ValueError, OverflowError, sqlite3.InterfaceError) as exc:
                # The request's own values (text SQLite cannot hold, a number too large):
                # refused, never a failure that would stop polling at this token.
                raise InboxError(f"request '{request.id}' holds a value the inbox cannot "
                                 f"keep ({type(exc).__name__})") from None
        return self.get(request.id, request.agency_id)

    def _insert(self, request: Request, via: str, folder: str, now: int) -> None:
        self._db.execute(
            "INSERT INTO requests (iss, jti, registration, token, sha256, case_number, "
            "window_start_us, window_end_us, cameras, status, received_at_us, expires_at_us, "
            "folder, via) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (request.agency_id, request.id, request.registration_id, request.raw,
             request.sha256, request.case_number, request.window_start_us,
             request.window_end_us, json.dumps(list(request.cameras)), "new", now,
             request.expires_at * US, folder, via))

    def _meant(self, jti: str, iss: str | None = None) -> str:
        """What to say after an unknown id: the agency that sent it when it is another than
        `iss` (`--agency` given wrong: 'did you mean' the very id typed was no help), the id
        meant when one is spelled nearly alike (a character left out copying it by hand), else
        where the ids are listed."""
        senders = [r[0] for r in self._db.execute("SELECT iss FROM requests WHERE jti=?", (jti,))]
        if senders:
            if len(senders) == 1:
                return (f"; the inbox holds it from {senders[0]}: give that id to --agency, or "
                        "leave --agency out")
            return (f"; the inbox holds it from {' and from '.join(senders)}: give one of "
                    "them to --agency")
        ids = [r[0] for r in self._db.execute("SELECT DISTINCT jti FROM requests")]
        if not ids:
            return ("; the inbox is empty: `footage-agent inbox sync` asks the agencies you "
                    "registered with")
        meant = difflib.get_close_matches(jti, ids, n=1, cutoff=0.75)
        if meant:
            return f"; did you mean '{meant[0]}'?"
        return f"; `footage-agent inbox` lists the {counted(len(ids), 'request')} it holds"

    def transition(self, iss: str, jti: str, new: str, reason: str | None = None) -> Entry:
        """Move a request to `new`, or raise IllegalTransition (nothing changes then)."""
        now = int(self._clock() * US)
        with self._lock, written(self.path), Transaction(self._db):
            self._may_become(iss, jti, new)
            decided = now if new in ("approved", "declined") else None
            self._db.execute(
                "UPDATE requests SET status=?, reason=?, decided_at_us=coalesce(?, decided_at_us) "
                "WHERE iss=? AND jti=?", (new, reason, decided, iss, jti))
        return self.get(jti, iss)

    def decline(self, iss: str, jti: str, token: str, reason: str | None) -> Entry:
        """Record a decline in one write: the request `declined` (as transition moves it)
        with `reason`, and its signed token to send. In two, a request the second failed for
        (a failing disk, a power cut) held a decline the next check sent, never declined."""
        now = int(self._clock() * US)
        with self._lock, written(self.path), Transaction(self._db):
            self._may_become(iss, jti, "declined")
            self._db.execute(
                "UPDATE requests SET status='declined', reason=?, decided_at_us=?, decision=?, "
                "decision_sent_at_us=NULL, decision_error=NULL, decision_refusal=NULL "
                "WHERE iss=? AND jti=?", (reason, now, token, iss, jti))
        return self.get(jti, iss)

    def set_approval(self, iss: str, jti: str, approval: Approval) -> None:
        """Record what the owner approved (before anything is exported)."""
        self._update(iss, jti, "approved=?", approval_json(approval))

    def set_decision(self, iss: str, jti: str, token: str) -> None:
        """Record the signed decision token (sent or not yet)."""
        self._update(iss, jti, "decision=?, decision_sent_at_us=NULL, decision_error=NULL, "
                     "decision_refusal=NULL", token)

    def decision_sent(self, iss: str, jti: str, error: str | None = None,
                      refusal: str | None = None) -> None:
        """Record that the portal took the decision, or the error that means it never will
        (for the owner) with, when the owner's side acts on it, the portal's code for it
        (`refusal`: records.DELIVERED_ELSEWHERE)."""
        now = None if error else int(self._clock() * US)
        self._update(iss, jti, "decision_sent_at_us=?, decision_error=?, decision_refusal=?",
                     now, error, refusal if error else None)

    def save_delivery(self, iss: str, jti: str, delivery: Delivery) -> None:
        """Insert or update one camera's delivery record."""
        with self._lock, written(self.path):
            self._db.execute(
                "INSERT INTO deliveries (iss, jti, camera, package, tar, sha256, size, upload_url, "
                "receipt) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(iss, jti, camera) DO UPDATE SET "
                "package=excluded.package, tar=excluded.tar, sha256=excluded.sha256, "
                "size=excluded.size, upload_url=excluded.upload_url, receipt=excluded.receipt",
                (iss, jti, delivery.camera, delivery.package, delivery.tar, delivery.sha256,
                 delivery.size, delivery.upload_url, delivery.receipt))

    def drop_delivery(self, iss: str, jti: str, camera: str) -> None:
        """Forget a delivery whose files are gone, so approve makes it again."""
        with self._lock, written(self.path):
            self._db.execute("DELETE FROM deliveries WHERE iss=? AND jti=? AND camera=?",
                             (iss, jti, camera))

    def set_cursor(self, iss: str, registration: str, cursor: str | None) -> None:
        with self._lock, written(self.path):
            self._db.execute(
                "INSERT INTO cursors (iss, registration, cursor) VALUES (?,?,?) "
                "ON CONFLICT(iss, registration) DO UPDATE SET cursor=excluded.cursor",
                (iss, registration, cursor))

    def expire(self) -> list[Entry]:
        """Undecided requests past their expiry (plus the protocol's tolerance) become expired."""
        limit = int((self._clock() - TOLERANCE_S) * US)
        due = "status IN ('new', 'held') AND expires_at_us < ?"
        # Every read of the inbox comes here: look first, and take the write lock (which the
        # app and `footage-agent run` share) only when something is due.
        with self._lock:
            if self._db.execute(f"SELECT 1 FROM requests WHERE {due} LIMIT 1",
                                (limit,)).fetchone() is None:
                return []
        with self._lock, written(self.path), Transaction(self._db):
            rows = self._db.execute(f"SELECT iss, jti FROM requests WHERE {due}",
                                    (limit,)).fetchall()
            self._db.execute(f"UPDATE requests SET status='expired' WHERE {due}", (limit,))
        done = []
        for iss, jti in rows:
            with self._lock:
                row = self._db.execute("SELECT * FROM requests WHERE iss=? AND jti=?",
                                       (iss, jti)).fetchone()
            entry = self._entry(row)
            done.append(entry)
            if self._on_expired is not None:
                self._on_expired(entry)
        return done

    # internals ---------------------------------------------------------------------------
    def _may_become(self, iss: str, jti: str, new: str) -> None:
        row = self._db.execute("SELECT status FROM requests WHERE iss=? AND jti=?",
                               (iss, jti)).fetchone()
        if row is None:
            raise UnknownRequest(f"there is no request '{jti}' in the inbox")
        check_transition(row[0], new)

    def _folder_taken(self, name: str) -> bool:
        # Folder names are ASCII, which NOCASE folds as Windows and macOS do.
        row = self._db.execute("SELECT 1 FROM requests WHERE folder=? COLLATE NOCASE",
                               (name,)).fetchone()
        return row is not None

    def _update(self, iss: str, jti: str, assignments: str, *values) -> None:
        with self._lock, written(self.path):
            cur = self._db.execute(f"UPDATE requests SET {assignments} WHERE iss=? AND jti=?",
                                   (*values, iss, jti))
            if cur.rowcount == 0:
                raise UnknownRequest(f"there is no request '{jti}' in the inbox")

    def _entry(self, r: tuple) -> Entry:
        iss, jti = r[0], r[1]
        with self._lock:
            rows = self._db.execute(
                "SELECT camera, package, tar, sha256, size, upload_url, receipt FROM deliveries "
                "WHERE iss=? AND jti=? ORDER BY camera", (iss, jti)).fetchall()
        return entry_from_row(r, rows, self.path.parent)
