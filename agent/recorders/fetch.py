"""Footage from a recorder to a file: hashed as the bytes arrive, resumed with a byte range
when the connection drops (started again when the device ignores ranges), retried a few times,
then refused. The file appears under its name only when complete; until then it is a hidden
`.NAME.partial-XXXX` beside it (agent.storage.remove_stale_partials tidies a killed one)."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from agent.recorders.model import (CredentialsRefused, DeviceBusy, DownloadFailed, Fetched, Query,
                                   RecorderError, RecorderUnreachable)
from agent.recorders.wire import Wire
from agent.storage import safe_name

ATTEMPTS = 3
BUSY_WAIT_S = 2.0
_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")


@dataclass(frozen=True)
class Download:
    """What to ask for and how to read the device's refusals. `refusal` gets an answer that is
    not footage (status, headers, at most 64 KiB of body) and returns the error, or None when
    the answer is footage after all."""

    method: str
    path: str
    query: Query
    channel: int
    start_us: int
    end_us: int
    name: str
    params: dict | None = None
    content: bytes | None = None
    headers: dict = field(default_factory=dict)
    expected_size: int | None = None
    refusal: Callable[[int, httpx.Headers, bytes], RecorderError | None] | None = None


def _unique(folder: Path, name: str) -> Path:
    stem, dot, ext = safe_name(name).rpartition(".")
    base = stem if dot else ext
    suffix = f".{ext}" if dot else ""
    path, n = folder / f"{base}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}{suffix}"
    return path


def _not_footage(resp: httpx.Response, spec: Download) -> RecorderError | None:
    """The error an answer stands for, or None when it is footage to read."""
    if resp.status_code not in (200, 206):
        body = b""
        for piece in resp.iter_raw():
            body += piece
            if len(body) >= 65536:
                break
        if resp.status_code == 401:
            return CredentialsRefused("The recorder refused the password while downloading.")
        if resp.status_code == 503:
            return DeviceBusy("The recorder is busy with another download.")
        custom = spec.refusal(resp.status_code, resp.headers, body) if spec.refusal else None
        return custom or RecorderError(f"The recorder refused the download ({resp.status_code}).")
    if spec.refusal is not None:
        kind = resp.headers.get("content-type", "").lower()
        if kind.startswith(("text/", "application/json", "application/xml")):
            body = b"".join(resp.iter_raw())[:65536]
            return spec.refusal(resp.status_code, resp.headers, body) or RecorderError(
                "The recorder answered a download with text instead of footage.")
    return None


def fetch_to_file(wire: Wire, spec: Download, folder: Path, attempts: int = ATTEMPTS) -> Fetched:
    """Download `spec` into `folder`; the Fetched record carries the SHA-256 of what arrived."""
    folder.mkdir(parents=True, exist_ok=True)
    final = _unique(folder, spec.name)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.partial-")
    os.close(fd)
    partial = Path(tmp)
    digest, have, promised, resumed = hashlib.sha256(), 0, None, []
    try:
        with partial.open("r+b", buffering=0) as fh:
            for attempt in range(1, attempts + 1):
                headers = dict(spec.headers)
                if have:
                    headers["Range"] = f"bytes={have}-"
                    resumed.append(have)
                try:
                    with wire.stream(spec.method, spec.path, params=spec.params,
                                     content=spec.content, headers=headers) as resp:
                        error = _not_footage(resp, spec)
                        if isinstance(error, DeviceBusy) and attempt < attempts:
                            time.sleep(BUSY_WAIT_S * attempt)
                            continue
                        if error is not None:
                            raise error
                        span = _RANGE.match(resp.headers.get("content-range", ""))
                        if have and not (resp.status_code == 206 and span and int(span[1]) == have):
                            # The device ignored the range: start again from the first byte.
                            fh.seek(0)
                            fh.truncate()
                            digest, have = hashlib.sha256(), 0
                        length = resp.headers.get("content-length", "")
                        promised = have + int(length) if length.isdigit() else None
                        if promised is None and span and span[3].isdigit():
                            promised = int(span[3])
                        # Written and hashed as it comes, on this thread: a writer thread was
                        # tried and lost more to GIL hand-offs than it gained (docs/benchmarks.md).
                        for piece in resp.iter_raw():
                            fh.write(piece)
                            digest.update(piece)
                            have += len(piece)
                except httpx.TransportError:
                    pass  # dropped mid-body: resume from what arrived
                except RecorderUnreachable:
                    if attempt < attempts:
                        continue  # a timeout or a refused connection: try again, then give up
                    raise
                short = (promised is not None and have < promised) or (
                    spec.expected_size is not None and promised is None and have < spec.expected_size)
                if not short and (have or promised == 0):
                    break
            else:
                want = f"{promised} bytes" if promised is not None else "the whole recording"
                raise DownloadFailed(
                    f"The recorder at {wire.where} sent {have} of {want}, {attempts} times; "
                    "the download was refused. Try again later, or restart the recorder.")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Fetched(final, digest.hexdigest(), have, spec.query, spec.channel, spec.start_us,
                   spec.end_us, attempts=attempt, resumed_at=tuple(resumed))
