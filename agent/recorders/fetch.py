"""Footage from a recorder to a file: hashed as the bytes arrive, resumed with a byte range
when the connection drops (started again when the device ignores ranges, or answers the range
from another answer than the one resumed, of another size: a window it cut again), retried a
few times, then refused. The file appears under its name only when complete; until then it is a hidden
`.NAME.partial-XXXX` beside it (agent.storage.remove_stale_partials tidies a killed one).

Bounded, so a broken or hostile device cannot fill the disk or keep a download going for ever:
at most what the device announced for the recording (plus a little), or, when it announced
nothing, what a camera could record in the window at a rate no camera reaches; and all of it,
retries included, within a time that allows a slow recorder several times the window's
length. Past either bound the download is refused and nothing of it is kept."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from agent.recorders.model import (CredentialsRefused, CutOff, DeviceBusy, DownloadFailed, Fetched,
                                   FetchCancelled, Query, RecorderError, RecorderUnreachable,
                                   SessionEnded)
from agent.recorders.wire import Wire, whole_number
from agent.storage import replace, safe_name

ATTEMPTS = 3
BUSY_WAIT_S = 2.0
SIZE_SLACK = 1 << 20          # a device's own cut may end a little past what it announced
MAX_RATE = 50_000_000 // 8    # bytes a second: far above any camera's stream (4K is ~16 Mbit/s)
LEAD_S = 600                  # a device cuts from a keyframe before, or sends a file around it
TIME_BASE_S = 600             # every download gets this much time, however short its window
SLOWEST_RATE = 256 << 10      # bytes a second the slowest recorder still manages
_RANGE = re.compile(r"^bytes (\d{1,19})-(\d{1,19})/(\d{1,19}|\*)$", re.ASCII)
_REFUSAL_CAP = 65536   # of an answer that is not footage: enough for any device's error text


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
    cancel: threading.Event | None = None   # the owner's stop: looked at as each piece comes
    # The params to ask again with once the device ended the session (SessionEnded): a new
    # session's (Reolink's token is a param); None where there is no session to begin anew.
    renew: Callable[[], dict] | None = None


def _unique(folder: Path, name: str) -> Path:
    stem, dot, ext = safe_name(name).rpartition(".")
    base = stem if dot else ext
    suffix = f".{ext}" if dot else ""
    path, n = folder / f"{base}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}{suffix}"
    return path


def byte_cap(spec: Download) -> int:
    """The most a download may bring: what the device announced plus a little, else the
    window (and a lead-in) at MAX_RATE."""
    if spec.expected_size is not None:
        return spec.expected_size + max(SIZE_SLACK, spec.expected_size // 100)
    return (_window_s(spec) + LEAD_S) * MAX_RATE


def time_limit_s(spec: Download) -> float:
    """How long a download may take in all, retries included: a recorder that sends footage
    at only a quarter of real time still finishes, and a large announced file at SLOWEST_RATE."""
    return TIME_BASE_S + 4 * _window_s(spec) + (spec.expected_size or 0) / SLOWEST_RATE


def _window_s(spec: Download) -> int:
    return max(0, spec.end_us - spec.start_us) // 1_000_000


def _too_large(wire: Wire, spec: Download, cap: int) -> DownloadFailed:
    if spec.expected_size is not None:
        said = f"more than the {spec.expected_size} bytes it announced for this recording"
    else:
        said = (f"more than {cap >> 20} MiB for {_window_s(spec)} s of footage, far more than "
                "any camera records")
    return DownloadFailed(f"The recorder at {wire.where} sent {said}; the download was stopped "
                          "and nothing of it was kept.")


def _too_slow(wire: Wire, limit_s: float) -> DownloadFailed:
    took = f"{limit_s / 60:.0f} minutes" if limit_s >= 120 else f"{limit_s:g} s"
    return DownloadFailed(f"The recorder at {wire.where} took longer than {took} "
                          "to send this recording; the download was stopped and nothing "
                          "of it was kept. Try again later, or restart the recorder.")


def _not_footage(resp: httpx.Response, spec: Download) -> RecorderError | None:
    """The error an answer stands for, or None when it is footage to read."""
    if resp.status_code not in (200, 206):
        body = _head_of(resp)
        if resp.status_code == 401:
            return CredentialsRefused("The recorder refused the password while downloading.")
        if resp.status_code == 503:
            return DeviceBusy("The recorder is busy with another download.")
        custom = spec.refusal(resp.status_code, resp.headers, body) if spec.refusal else None
        return custom or RecorderError(f"The recorder refused the download ({resp.status_code}).")
    if spec.refusal is not None:
        kind = resp.headers.get("content-type", "").lower()
        if kind.startswith(("text/", "application/json", "application/xml")):
            body = _head_of(resp)
            return spec.refusal(resp.status_code, resp.headers, body) or RecorderError(
                "The recorder answered a download with text instead of footage.")
    return None


def _head_of(resp: httpx.Response) -> bytes:
    """The first _REFUSAL_CAP bytes of an answer (the rest is never read)."""
    body = b""
    for piece in resp.iter_raw():
        body += piece
        if len(body) >= _REFUSAL_CAP:
            break
    return body[:_REFUSAL_CAP]


def _total(have: int, resp: httpx.Response, span: re.Match | None) -> int | None:
    """The whole download's size, as this answer gives it (None: not said)."""
    length = whole_number(resp.headers.get("content-length"))
    if length is not None:
        return have + length
    return whole_number(span[3]) if span and span[3] != "*" else None


def _stop_if_cancelled(spec: Download) -> None:
    if spec.cancel is not None and spec.cancel.is_set():
        raise FetchCancelled("the download from the recorder was cancelled")


def _check_room(folder: Path, spec: Download) -> None:
    """DownloadFailed before a byte is asked for when what the device announced cannot fit on
    the disk: a Reolink NVR's recording fetched whole is up to an hour, gigabytes, and running
    out of space only at its end wastes the minutes it took."""
    if spec.expected_size is None:
        return
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return   # cannot tell: a download the disk cannot take still fails and leaves nothing
    if spec.expected_size > free:
        raise DownloadFailed(f"The footage the recorder would send is {spec.expected_size:,} "
                             f"bytes and the disk holding {folder} has {free:,} bytes free, so "
                             "it was not downloaded. Free some space there, then try again.")


def fetch_to_file(wire: Wire, spec: Download, folder: Path, attempts: int = ATTEMPTS) -> Fetched:
    """Download `spec` into `folder`; the Fetched record carries the SHA-256 of what arrived."""
    folder.mkdir(parents=True, exist_ok=True)
    _check_room(folder, spec)
    final = _unique(folder, spec.name)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.partial-")
    os.close(fd)
    partial = Path(tmp)
    digest, have, promised, resumed = hashlib.sha256(), 0, None, []
    cap, limit_s = byte_cap(spec), time_limit_s(spec)
    deadline = time.monotonic() + limit_s
    params = spec.params
    try:
        with partial.open("r+b", buffering=0) as fh:
            for attempt in range(1, attempts + 1):
                _stop_if_cancelled(spec)
                left_s = deadline - time.monotonic()
                if left_s <= 0:
                    raise _too_slow(wire, limit_s)
                headers = dict(spec.headers)
                if have:
                    headers["Range"] = f"bytes={have}-"
                    resumed.append(have)
                try:
                    # What is left of the whole download's time bounds this attempt, its
                    # headers included (a device may trickle those too).
                    with wire.stream(spec.method, spec.path, params=params,
                                     content=spec.content, headers=headers,
                                     limit_s=left_s) as resp:
                        error = _not_footage(resp, spec)
                        if isinstance(error, DeviceBusy) and attempt < attempts:
                            time.sleep(BUSY_WAIT_S * attempt)
                            continue
                        if isinstance(error, SessionEnded) and spec.renew and attempt < attempts:
                            params = spec.renew()   # from the byte reached, in a new session
                            if have:
                                resumed.pop()   # nothing came of that range
                            continue
                        if error is not None:
                            raise error
                        span = _RANGE.match(resp.headers.get("content-range", ""))
                        ranged = resp.status_code == 206 and span and int(span[1]) == have
                        total = _total(have if ranged else 0, resp, span)
                        if have and ranged and promised is not None and total != promised:
                            # Another answer than the one resumed (the device cut the window
                            # again): its tail would not continue what came. Ask it afresh.
                            fh.seek(0)
                            fh.truncate()
                            digest, have, promised = hashlib.sha256(), 0, None
                            resumed.pop()
                            continue
                        if have and not ranged:
                            # The device ignored the range: start again from the first byte.
                            fh.seek(0)
                            fh.truncate()
                            digest, have = hashlib.sha256(), 0
                            resumed.pop()
                        promised = total
                        if promised is not None and promised > cap:
                            raise _too_large(wire, spec, cap)   # said before a byte is kept
                        # Written and hashed as it comes, on this thread: a writer thread was
                        # tried and lost more to GIL hand-offs than it gained (docs/benchmarks.md).
                        for piece in resp.iter_raw():
                            _stop_if_cancelled(spec)   # an hour's recording takes minutes
                            if have + len(piece) > cap:
                                raise _too_large(wire, spec, cap)
                            fh.write(piece)
                            digest.update(piece)
                            have += len(piece)
                except httpx.TransportError:
                    pass  # dropped mid-body: resume from what arrived
                except CutOff:
                    raise _too_slow(wire, limit_s) from None
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
        replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Fetched(final, digest.hexdigest(), have, spec.query, spec.channel, spec.start_us,
                   spec.end_us, attempts=attempt, resumed_at=tuple(resumed))
