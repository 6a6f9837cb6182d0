"""What the activity log says about requests' safe copies, read once and then only as it grows.

A request's page says why its copy is missing (hold_failures.py) and what deleting it loses
(hold_losses.py), both from the log's `hold` and `export` records. Reading the whole log for
each request shown made every page open and refresh cost an owner with a year of activity (tens
of thousands of records) a full read per request. The desk keeps one HoldHistory: the log's
`hold` and `export` records are kept by request the first time, and after that only lines
appended since are read. A log that shrank or whose last line read changed (rewritten, cut
back: audit/gap.py names that) is read whole again, so the answers are those of a full read.
A line changed further back with the last one kept is not noticed here; it breaks the log's
hash chain (each line carries the one before's hash), which `audit verify` names.
"""
from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

from agent.audit.log import AuditError
from agent.audit.log_lines import log_lines
from agent.audit.records import parse_record
from agent.media.read_at import read_at
from agent.os_words import plain_os_error
from agent.storage import open_ordinary
from agent.requests.hold_failures import hold_failure, hold_made, hold_tried
from agent.requests.hold_losses import HiddenOnlyThere, hidden_only_there
from agent.requests.package_hold import held_made

_KEPT = ("hold", "export")


class HoldHistory:
    """The `hold` and `export` records of an activity log (`path`), by request."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._forget()

    def _forget(self) -> None:
        self._offset = 0          # bytes read: always just after a newline
        self._last = b""          # the last complete line read, with its newline
        self._records: dict[tuple[str, str], list[dict]] = {}

    def failure(self, jti: str, iss: str) -> str | None:
        """hold_failures.hold_failure over the whole log, from what was kept."""
        return hold_failure(self._of(jti, iss), jti, iss)

    def made(self, jti: str, iss: str) -> bool:
        """hold_failures.hold_made over the whole log, from what was kept."""
        return hold_made(self._of(jti, iss), jti, iss)

    def tried(self, jti: str, iss: str) -> bool:
        """hold_failures.hold_tried over the whole log, from what was kept."""
        return hold_tried(self._of(jti, iss), jti, iss)

    def hidden(self, jti: str, iss: str, made: str | None,
               home: Path | None = None) -> tuple[HiddenOnlyThere, ...]:
        """hold_losses.hidden_only_there over the whole log, from what was kept; a package an
        earlier version logged without saying what it was cut from is asked in `home`."""
        asked = None if home is None else functools.partial(held_made, Path(home))
        return hidden_only_there(self._of(jti, iss), jti, iss, made, asked)

    def _of(self, jti: str, iss: str) -> list[dict]:
        with self._lock:
            self._catch_up()
            return list(self._records.get((jti, iss), ()))

    def _catch_up(self) -> None:
        try:   # an ordinary file only: a named pipe in its place was waited on for ever
            fd = open_ordinary(self.path)
        except FileNotFoundError:
            self._forget()
            return
        except OSError as exc:
            raise AuditError("cannot read the audit log: "
                             + plain_os_error(exc, str(self.path))) from None
        try:
            size = os.fstat(fd).st_size
            if not self._still_there(fd, size):
                self._forget()
            # A piece at a time: a line longer than any record is passed over, never held.
            for line in log_lines(fd, self._offset):
                if not line.ended:
                    break   # an unterminated tail waits for its newline
                if line.text is not None:
                    self._keep(line.text)
                self._offset += line.size + 1
                # Reads start after a newline, so this is always a whole line.
                self._last = b"" if line.text is None else line.text + b"\n"
        except OSError as exc:
            raise AuditError("cannot read the audit log: "
                             + plain_os_error(exc, str(self.path))) from None
        finally:
            os.close(fd)

    def _still_there(self, fd: int, size: int) -> bool:
        """Whether the bytes read before are still the start of the log (checked by the last
        line read: a log is appended to, and anything else means read it again)."""
        if size < self._offset:
            return False
        if not self._last:
            return True   # nothing read yet
        start = self._offset - len(self._last)
        return read_at(fd, len(self._last), start) == self._last

    def _keep(self, line: bytes) -> None:
        if b'"event":"hold"' not in line and b'"event":"export"' not in line:
            return   # parsed only when it may be one (canonical JSON, no spaces)
        record = parse_record(line)
        if record is None or record["event"] not in _KEPT:
            return
        data_ = record["data"]
        key = (data_.get("id"), data_.get("agency"))
        if isinstance(key[0], str) and isinstance(key[1], str):
            self._records.setdefault(key, []).append(record)
