"""The hash-chained audit log: every decision about a police request, in order, tamper-evident.

`<home>/audit.log` holds one JSON record per line. Each record carries the SHA-256 of the
previous record's line (`prev`) and of its own content (`hash`), so an edited, removed,
inserted or reordered line breaks the chain at a line `verify()` can name. A hash chain only
proves the log was not altered by hand afterwards; it cannot stop someone rewriting all of it.

A crash can leave a partly written last line. The next append terminates that fragment and
writes a `log-recovered` record that names the fragment's line and hash, so the fragment stays
covered by the chain and the log verifies again.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from agent.config import ConfigError, ensure_home
from agent.storage import FileLock
from agent.timebase import format_utc

GENESIS = "0" * 64
RECOVERED = "log-recovered"
EVENTS = ("request-seen", "request-rejected", "hold", "release", "approve", "decline", "export",
          "upload", "receipt", "request-expired", RECOVERED)
_FIELDS = ("at", "data", "event", "hash", "prev", "seq")
_TAIL_BYTES = 64 * 1024

_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


class AuditError(Exception):
    """The log cannot be written or read; the message says why."""


@dataclass(frozen=True)
class AuditReport:
    """Result of `AuditLog.verify()`: ok is True only when problems is empty."""

    ok: bool
    problems: tuple[str, ...]
    count: int


def canonical(obj: object) -> bytes:
    """The one byte form a record is hashed and written in."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False).encode("ascii")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _no_duplicates(pairs: list) -> dict:
    keys = [k for k, _v in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate member")
    return dict(pairs)


def parse_record(line: bytes) -> dict | None:
    """The record on a line if it is exactly in the form the agent writes, else None."""
    try:
        record = json.loads(line.decode("ascii"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or tuple(sorted(record)) != _FIELDS:
        return None
    if type(record["seq"]) is not int or not isinstance(record["event"], str) \
            or not isinstance(record["data"], dict):
        return None
    try:
        return record if canonical(record) == line else None
    except ValueError:
        return None


def record_hash(record: dict) -> str:
    """SHA-256 (hex) of the record without its `hash` member, in canonical JSON."""
    return _sha(canonical({k: v for k, v in record.items() if k != "hash"}))


def _thread_lock(path: Path) -> threading.Lock:
    with _thread_locks_guard:
        return _thread_locks.setdefault(str(path.absolute()), threading.Lock())


def _split(data: bytes) -> tuple[list[bytes], bytes]:
    """Complete lines (without newline) and the unterminated tail (b"" when none)."""
    *lines, tail = data.split(b"\n")
    return lines, tail


def _pread(fd: int, size: int, offset: int) -> bytes:
    # lseek + read rather than os.pread, which Windows lacks; writes use O_APPEND regardless.
    os.lseek(fd, offset, os.SEEK_SET)
    parts, left = [], size
    while left > 0:
        block = os.read(fd, left)
        if not block:
            break
        parts.append(block)
        left -= len(block)
    return b"".join(parts)


class AuditLog:
    """Append-only, hash-chained log in `<home>/audit.log`."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.path = self.home / "audit.log"

    def append(self, event: str, **data) -> dict:
        """Append one record (written with one write call, then fsync'd) and return it."""
        if not isinstance(event, str) or not event:
            raise AuditError("an audit event needs a name")
        try:
            # Round-trip so the record hashed is exactly what a reader will parse back.
            data = json.loads(json.dumps(data, default=str, allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise AuditError(f"the details of '{event}' cannot be logged: {exc}") from None
        with _thread_lock(self.path):
            try:
                ensure_home(self.home)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            except ConfigError as exc:
                raise AuditError(str(exc)) from None
            except OSError as exc:
                raise AuditError(f"cannot open the audit log {self.path}: {exc.strerror}") from None
            try:
                with FileLock(fd):
                    return self._append_locked(fd, event, data)
            except OSError as exc:
                raise AuditError(f"cannot write the audit log {self.path}: {exc.strerror}") from None
            finally:
                os.close(fd)

    def _append_locked(self, fd: int, event: str, data: dict) -> dict:
        lines, tail, line_count = self._tail(fd)
        last = next((r for r in map(parse_record, reversed(lines)) if r is not None), None)
        seq = last["seq"] if last else 0
        prev = _sha(canonical(last)) if last else GENESIS
        out = b""
        if tail:
            # A crash left `tail` half written: end its line and account for it in the chain.
            out += b"\n"
            seq += 1
            note = self._record(seq, RECOVERED, {"line": line_count + 1, "sha256": _sha(tail),
                                                 "bytes": len(tail)}, prev)
            out += canonical(note) + b"\n"
            prev = _sha(canonical(note))
        record = self._record(seq + 1, event, data, prev)
        out += canonical(record) + b"\n"
        view = memoryview(out)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        return record

    @staticmethod
    def _record(seq: int, event: str, data: dict, prev: str) -> dict:
        record = {"seq": seq, "at": format_utc(time.time_ns() // 1000), "event": event,
                  "data": data, "prev": prev}
        record["hash"] = record_hash(record)
        return record

    def _tail(self, fd: int) -> tuple[list[bytes], bytes, int]:
        """Last complete lines, the unterminated tail, and (when there is a tail) the number of
        complete lines in the file."""
        size = os.fstat(fd).st_size
        start = max(0, size - _TAIL_BYTES)
        lines, tail = _split(_pread(fd, size - start, start))
        if start == 0:
            return lines, tail, len(lines)
        lines = lines[1:]  # the first piece may be the middle of a line
        if not tail and lines and parse_record(lines[-1]) is not None:
            return lines, tail, -1  # the count is only needed to name a fragment
        # Unusual tail (huge record, fragment, damage): read everything once.
        lines, tail = _split(_pread(fd, size, 0))
        return lines, tail, len(lines)

    def _read(self) -> bytes:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return b""
        except OSError as exc:
            raise AuditError(f"cannot read the audit log {self.path}: {exc.strerror}") from None

    def entries(self) -> list[dict]:
        """Every well-formed record, oldest first (crash fragments left out)."""
        lines, _tail = _split(self._read())
        return [r for r in map(parse_record, lines) if r is not None]

    def verify(self) -> AuditReport:
        """Check every line's hash and its link to the line before; name each broken line."""
        lines, tail = _split(self._read())
        problems: list[str] = []
        prev, seq, count = GENESIS, 0, 0
        fragment: tuple[int, bytes] | None = None
        for number, line in enumerate(lines, 1):
            record = parse_record(line)
            if record is None:
                if fragment is not None:
                    problems.append(f"line {fragment[0]} is not a valid log record "
                                    "(edited or damaged)")
                fragment = (number, line)
                continue
            count += 1
            if record["event"] == RECOVERED:
                problems += _check_recovery(number, record, fragment)
            elif fragment is not None:
                problems.append(f"line {fragment[0]} is not a valid log record (edited or damaged)")
            fragment = None
            if record_hash(record) != record["hash"]:
                problems.append(f"line {number} was edited (its content does not match its hash)")
            if record["prev"] != prev:
                problems.append(f"line {number} does not follow the record before it "
                                "(a line was removed, inserted or reordered)")
            if record["seq"] != seq + 1:
                problems.append(f"line {number} has sequence number {record['seq']}, expected "
                                f"{seq + 1} (a line was removed, inserted or reordered)")
            prev, seq = _sha(line), record["seq"]
        if fragment is not None:
            problems.append(f"line {fragment[0]} is not a valid log record (edited or damaged)")
        if tail:
            problems.append(f"line {len(lines) + 1}: last line incomplete (crash while writing)")
        return AuditReport(not problems, tuple(problems), count)


def _check_recovery(number: int, record: dict, fragment: tuple[int, bytes] | None) -> list[str]:
    data = record["data"]
    if fragment is None or data.get("line") != fragment[0] or data.get("sha256") != _sha(fragment[1]):
        return [f"line {number} records a crash recovery that does not match the line before it "
                "(a line was edited, removed or inserted)"]
    return []
