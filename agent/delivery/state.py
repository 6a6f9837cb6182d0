"""What survives a killed upload: the tus URL and how far it got, one small JSON file per upload.

The file is keyed by (endpoint, file SHA-256, size), so the same bytes to the same endpoint
resume, and changed bytes never resume into an old upload. `sent_hi` is the highest byte end of
any PATCH we ever began: a server claiming more than that is claiming bytes we never sent.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from agent.delivery.wire import UploadError
from agent.os_words import plain_os_error
from agent.storage import BINARY, read_file_start, write_atomic

log = logging.getLogger(__name__)

# A state file is a few hundred bytes (its URL at most 2048 characters: protocol.md); what is
# far larger is no state file, and is read no further than this.
_STATE_LIMIT = 64 * 1024


@dataclass(frozen=True)
class UploadState:
    """One unfinished upload, as persisted."""

    endpoint: str
    url: str
    size: int
    sha256: str
    acked: int  # the last offset the server confirmed
    sent_hi: int  # the highest offset any PATCH of ours could have reached

    def advanced(self, acked: int, sent_hi: int) -> "UploadState":
        return replace(self, acked=acked, sent_hi=max(self.sent_hi, sent_hi))


def state_path(state_dir: Path, endpoint: str, sha256: str, size: int) -> Path:
    """Where the state for these bytes going to this endpoint lives."""
    key = hashlib.sha256(f"{endpoint}\n{sha256}\n{size}".encode()).hexdigest()[:32]
    return Path(state_dir) / f"{key}.json"


def load_state(path: Path, endpoint: str, sha256: str, size: int) -> UploadState | None:
    """The saved state if it exists, is an ordinary file of at most 64 KiB, is readable and is
    for exactly these bytes; else None (a fresh upload, the file replaced when it is saved)."""
    try:
        # Only an ordinary file, never more than the limit: a named pipe or a link to a device
        # left here by a sync program must not hold the approval waiting, nor fill memory.
        data = read_file_start(path, _STATE_LIMIT + 1)
        if len(data) > _STATE_LIMIT:
            raise ValueError(f"over {_STATE_LIMIT} bytes: no upload state is that large")
        raw = json.loads(data.decode("utf-8"))
        state = UploadState(**{k: raw[k] for k in UploadState.__dataclass_fields__})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, RecursionError) as exc:
        # A half-written or edited file must not block delivery: start a fresh upload.
        log.warning("ignoring unreadable upload state %s (%s); starting a new upload", path, exc)
        return None
    ints_ok = all(isinstance(v, int) and v >= 0 for v in (state.size, state.acked, state.sent_hi))
    if (state.endpoint, state.sha256, state.size) != (endpoint, sha256, size) or not ints_ok \
            or not isinstance(state.url, str) or state.acked > state.sent_hi or state.sent_hi > size:
        log.warning("ignoring upload state %s: it does not match this file", path)
        return None
    return state


def save_state(path: Path, state: UploadState) -> None:
    """Replace the state file atomically (a crash leaves the old one or the new one)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, json.dumps(asdict(state)).encode("utf-8"))
    except OSError as exc:
        raise UploadError("Cannot save the upload's progress: "
                          f"{plain_os_error(exc, str(path.parent))}.") from None


class StateFile:
    """One upload's state file, created atomically and then rewritten in place, one write per
    chunk (a rename per chunk cost more than sending a chunk over loopback).

    An in-place write of a few hundred bytes is not torn by a killed process; a power cut that
    tears it leaves unreadable JSON, which load_state answers with a fresh upload (and the
    portal ends the lost one when the fresh one is made: protocol.md).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._length = 0

    def save(self, state: UploadState) -> None:
        """Record state (it is on disk, for a later process, when this returns)."""
        data = json.dumps(asdict(state)).encode("utf-8")
        try:
            if self._fd is None:
                save_state(self.path, state)
                self._fd = os.open(self.path, os.O_WRONLY | BINARY)
            else:
                os.lseek(self._fd, 0, os.SEEK_SET)
                os.write(self._fd, data.ljust(self._length))  # JSON allows the trailing spaces
        except OSError as exc:
            raise UploadError("Cannot save the upload's progress: "
                              f"{plain_os_error(exc, str(self.path))}.") from None
        self._length = max(self._length, len(data))

    def close(self) -> None:
        """Let go of the file (it stays on disk)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def drop(self) -> None:
        """Forget the upload: close and remove the file (closed first, as Windows requires)."""
        self.close()
        drop_state(self.path)


def drop_state(path: Path) -> None:
    """Forget an upload (finished or abandoned)."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove upload state %s: %s", path, exc.strerror)
