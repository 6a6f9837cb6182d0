"""The hash-chained audit log: every decision about a police request, every export, hold,
trust-store, key and settings change, in order, tamper-evident.

`<home>/audit.log` holds one JSON record per line. Each record carries the SHA-256 of the
previous record's line (`prev`) and of its own content (`hash`), so an edited, removed,
inserted or reordered line breaks the chain at a line `verify()` can name. Records cut off the
end leave a valid chain, so each append also replaces the signed seal beside the log
(agent/audit/seal.py): `verify()` names a log shorter than its seal, a missing seal, and a log
deleted from a home that shows it was used. Someone holding the owner key can still rewrite
log and seal together; the heads carried in decisions sent to agencies are the witness then.

A crash can leave a partly written last line (a disk that fills part way through a record
cannot: the record is cut back off and its append fails, `log_file.write_whole`). The next append
terminates that fragment and writes a `log-recovered` record that names the fragment's line
and hash, so the fragment stays covered by the chain and the log verifies again.

Before it seals anything, an append compares the log with its seal. A log cut short, deleted,
rewritten, or torn at or below the sealed count (which a crash cannot do: a record is sealed
only once it is on the disk) is not sealed over as it stands: a `log-gap` record naming what
was sealed and what was found goes first (agent/audit/gap.py), and `verify()` names it for
good, while the agent goes on logging.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from agent.audit import seal as seals
from agent.audit.checks import AuditReport, check_log, split_lines
from agent.audit.log_lines import MAX_LINE_BYTES, LogLine, log_lines, record_texts
from agent.audit.gap import already_named, seal_gap
from agent.audit.log_file import head_in, write_whole
from agent.audit.records import (
    GAP,
    GENESIS,
    KEY_CREATED,
    RECOVERED,
    canonical,
    line_hash,
    parse_record,
    record_hash,
)
from agent.config import ConfigError, ensure_home
from agent.identity.keys import OwnerKey
from agent.identity.typed_passphrase import passphrase_for
from agent.media.read_at import read_at
from agent.os_words import plain_home_error, plain_os_error
from agent.file_locks import FileLock
from agent.storage import open_ordinary
from agent.timebase import format_utc
from frp.decision import LogHead

log = logging.getLogger(__name__)

__all__ = ["AuditLog", "AuditError", "AuditReport", "EVENTS", "GENESIS", "canonical",
           "parse_record", "record_hash"]

EVENTS = ("request-seen", "request-rejected", "hold", "release", "approve", "decline", "export",
          "upload", "receipt", "request-expired", "agency-added", "agency-replaced",
          "agency-removed", "registration", "source-added", "source-changed", "source-removed",
          "masks", "settings", "camera-rename", "agencies-pinned", KEY_CREATED, RECOVERED, GAP)
_TAIL_BYTES = 64 * 1024

_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


class AuditError(Exception):
    """The log cannot be written or read; the message says why."""


def _thread_lock(path: Path) -> threading.Lock:
    with _thread_locks_guard:
        return _thread_locks.setdefault(str(path.absolute()), threading.Lock())


class AuditLog:
    """Append-only, hash-chained, sealed log in `<home>/audit.log`.

    `sealer` gives the owner key to seal with (None: locked); by default the home's owner key,
    unlocked with FOOTAGE_AGENT_PASSPHRASE when protected, and made on first use (its making
    is then the log's first record)."""

    def __init__(self, home: Path, sealer: Callable[[], OwnerKey | None] | None = None) -> None:
        self.home = Path(home)
        self.path = self.home / "audit.log"
        self._sealer = sealer

    def _sealing_key(self) -> tuple[OwnerKey | None, bool]:
        if self._sealer is None:
            return seals.sealing_key(self.home)
        try:
            return self._sealer(), False
        except Exception:  # noqa: BLE001 - a key that cannot be had leaves the seal waiting
            return None, False

    def append(self, event: str, **data) -> dict:
        """Append one record (written with one write call, then fsync'd) and return it."""
        if not isinstance(event, str) or not event:
            raise AuditError("an audit event needs a name")
        try:
            # Round-trip so the record hashed is exactly what a reader will parse back.
            data = json.loads(json.dumps(data, default=str, allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise AuditError(f"the details of '{event}' cannot be logged: {exc}") from None
        key, created = self._sealing_key()  # before the lock: unlocking may take a moment
        with _thread_lock(self.path):
            try:
                ensure_home(self.home)
                fd = open_ordinary(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
            except ConfigError as exc:
                raise AuditError(str(exc)) from None
            except OSError as exc:
                raise AuditError("cannot open the audit log: "
                                 + plain_home_error(exc, str(self.path))) from None
            try:
                with FileLock(fd):
                    return self._append_locked(fd, event, data, key, created)
            except seals.NewerSeal as exc:
                raise AuditError(str(exc)) from None
            except OSError as exc:
                raise AuditError("cannot write the audit log: "
                                 + plain_home_error(exc, str(self.path))) from None
            finally:
                os.close(fd)

    def _append_locked(self, fd: int, event: str, data: dict, key: OwnerKey | None,
                       created: bool) -> dict:
        lines, tail = self._tail(fd)
        last = next((r for r in map(parse_record, reversed(lines)) if r is not None), None)
        seq = last["seq"] if last else 0
        prev = line_hash(canonical(last)) if last else GENESIS
        out = b""
        gap = self._gap(fd, lines, seq, prev, tail is not None)
        if gap is not None:
            # The seal vouched for records that are not there (as they were): name the gap
            # before sealing anything, and cover a fragment left behind as a recovery would.
            if tail is not None:
                out += b"\n"
                gap.update(line=tail.number, sha256=tail.sha256, bytes=tail.size)
            seq += 1
            named = self._record(seq, GAP, gap, prev)
            out += canonical(named) + b"\n"
            prev = line_hash(canonical(named))
            log.warning("the activity log did not match its seal (%s); a record naming the gap "
                        "was written, and 'log verify' names it", gap["problem"])
        elif tail is not None:
            # A crash left `tail` half written: end its line and account for it in the chain.
            out += b"\n"
            seq += 1
            note = self._record(seq, RECOVERED, {"line": tail.number, "sha256": tail.sha256,
                                                 "bytes": tail.size}, prev)
            out += canonical(note) + b"\n"
            prev = line_hash(canonical(note))
        if created and key is not None and event != KEY_CREATED:
            # Sealing made the owner key just now: say so first, in the same write.
            seq += 1
            made = self._record(seq, KEY_CREATED, {"owner": key.public.owner_id(),
                                                   "passphrase": passphrase_for(self.home) is not None},
                                prev)
            out += canonical(made) + b"\n"
            prev = line_hash(canonical(made))
        record = self._record(seq + 1, event, data, prev)
        line = canonical(record)
        if len(line) > MAX_LINE_BYTES:   # the readers hold no longer line (log_lines.py)
            raise AuditError(f"the details of '{event}' are too long to be logged "
                             f"({len(line)} bytes; a record holds at most {MAX_LINE_BYTES})")
        out += line + b"\n"
        write_whole(fd, out)
        # Only once the record is on disk is the seal moved on: a crash in between leaves the
        # log one record longer than its seal, which verify() reads as "not yet sealed".
        if key is not None:
            try:
                seals.write_seal(self.home, seals.make_seal(key, record["seq"],
                                                            line_hash(canonical(record))))
            except OSError as exc:
                log.warning("the audit log's seal could not be written: %s", exc.strerror)
        return record

    def _gap(self, fd: int, lines: list[bytes], seq: int, head: str,
             torn: bool) -> dict | None:
        """The data of the `log-gap` record to write first, None when the log matches its
        seal (or the gap it has is already named by a record)."""
        every: list[dict] = []

        def records() -> list[dict]:   # the whole log, read only when needed, and once
            if not every:
                every.extend(filter(None, map(parse_record, record_texts(log_lines(fd)))))
            return every

        gap = seal_gap(self.home, seq, head, lambda n: self._head_at(fd, lines, n), torn,
                       records)
        return None if gap is None or already_named(records(), gap) else gap

    @staticmethod
    def _head_at(fd: int, lines: list[bytes], seq: int) -> str | None:
        """The head of record `seq`: looked for in the last lines read, else in the whole log
        (records written while the key was locked can reach further back)."""
        found = head_in(lines, seq)
        if found is None:
            found = head_in(list(record_texts(log_lines(fd))), seq)
        return found

    def head(self) -> LogHead:
        """The log as it stands: the number of the last record and the SHA-256 of its line
        (what decisions carry as `audit_log`); LogHead(0, GENESIS) for an empty log."""
        try:
            fd = open_ordinary(self.path)
        except FileNotFoundError:
            return LogHead(0, GENESIS)
        except OSError as exc:
            raise AuditError("cannot read the audit log: "
                             + plain_os_error(exc, str(self.path))) from None
        try:
            lines, _tail = self._tail(fd)
        finally:
            os.close(fd)
        for line in reversed(lines):
            record = parse_record(line)
            if record is not None:
                return LogHead(record["seq"], line_hash(line))
        return LogHead(0, GENESIS)

    @staticmethod
    def _record(seq: int, event: str, data: dict, prev: str) -> dict:
        record = {"seq": seq, "at": format_utc(time.time_ns() // 1000), "event": event,
                  "data": data, "prev": prev}
        record["hash"] = record_hash(record)
        return record

    def _tail(self, fd: int) -> tuple[list[bytes], LogLine | None]:
        """Last complete lines (one longer than any record as b""), and the unterminated
        tail, None when there is none."""
        size = os.fstat(fd).st_size
        start = max(0, size - _TAIL_BYTES)
        lines, tail = split_lines(read_at(fd, size - start, start))
        if start == 0:
            return lines, (LogLine(len(lines) + 1, tail, line_hash(tail), len(tail), False)
                           if tail else None)
        lines = lines[1:]  # the first piece may be the middle of a line
        if not tail and lines and parse_record(lines[-1]) is not None:
            return lines, None
        # Unusual tail (huge record, fragment, damage): read everything once, a piece at a
        # time, no line longer than a record held (a tail of gigabytes is hashed as it passes).
        every = list(log_lines(fd))
        last = every[-1] if every and not every[-1].ended else None
        return [x.text or b"" for x in every if x.ended], last

    def _lines(self) -> Iterator[LogLine]:
        """The log's lines, read a piece at a time (none when there is no log)."""
        try:
            fd = open_ordinary(self.path)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise AuditError("cannot read the audit log: "
                             + plain_os_error(exc, str(self.path))) from None
        try:
            yield from log_lines(fd)
        finally:
            os.close(fd)

    def entries(self) -> list[dict]:
        """Every well-formed record, oldest first (crash fragments left out)."""
        return [r for r in map(parse_record, record_texts(self._lines())) if r is not None]

    def verify(self, witnesses: Iterable[LogHead] = ()) -> AuditReport:
        """Check every line's hash and its link to the line before, and the log against its
        seal (and against `witnesses`: heads an agency was sent); name each problem."""
        try:
            return check_log(self.home, self._lines(), witnesses)
        except seals.NewerSeal as exc:
            raise AuditError(str(exc)) from None
