"""Resumable delivery: a tus 1.0.0 client (core, creation, checksum sha256, termination).

The package goes up in chunks streamed from disk, each PATCH carrying the sealed SHA-256 of its
bytes (agent/delivery/sums.py) for the server to check. The tus URL and how far it got are kept
under `state_dir`, so a killed process resumes where it stopped (HEAD asks the server). A
server that lies about its offset is not believed: offsets are checked against what this upload
ever sent, and a server claiming bytes it never got is abandoned for a fresh upload rather than
trusted with a corrupt copy.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import httpx

from agent.delivery.owned import names_other_bytes
from agent.delivery.pace import UploadProgress
from agent.delivery.source import ChunkSource
from agent.delivery.state import drop_state, load_state, state_path
from agent.delivery.sums import ChunkSums, checked_sums, compute_sums
from agent.delivery.tus_loop import UploadJob
from agent.delivery.tus_outcomes import UploadResult
from agent.delivery.wire import (
    UploadCancelled,
    UploadError,
    capabilities,
    check_endpoint,
    checksum_support,
    encode_metadata,
    exchange,
    new_client,
    same_origin_url,
)
from agent.os_words import plain_os_error

__all__ = ["UploadProgress", "UploadResult", "UploadError", "UploadCancelled", "upload_file",
           "check_endpoint", "withdraw_upload", "Withdrawn"]


def upload_file(path: Path, endpoint: str, *, state_dir: Path, metadata: dict[str, str] | None = None,
                sums: ChunkSums | None = None, chunk_size: int | None = None,
                rate_limit_bps: int | None = None,
                progress: Callable[[UploadProgress], None] | None = None,
                cancel: threading.Event | None = None, client: httpx.Client | None = None,
                headers: dict[str, str] | None = None, max_attempts: int = 8,
                recorded: Callable[[UploadResult], None] | None = None) -> UploadResult:
    """Upload one file to a tus endpoint, resuming an earlier attempt at the same bytes.

    sums are the file's sealed digests (PackageTar.sums); without them they are taken first
    (one read) in chunks of chunk_size (default sums.CHUNK_SIZE, 64 MiB, after a short first
    chunk). If given, metadata["sha256"] must match. PATCHes hold about 8 s of data at the
    measured rate: a whole chunk goes with its sealed digest, part of one with the digest of
    its bytes (the chunk is checked against its seal here). When the server does not say
    (OPTIONS) that it checks sha256 checksums, the stream is also hashed here and compared at
    the end (and a server that checks other algorithms only gets no digests). Either way the
    returned sha256 is that of the bytes the server holds; the caller compares it with the
    receipt.
    rate_limit_bps caps the average in bytes per second. max_attempts bounds failures in a row
    without progress (network errors, 5xx, timeouts, 409, 460, a PATCH the server takes none
    of, or only part of), each followed by a growing wait. Raises UploadError
    (UploadCancelled when cancel is set; the upload then resumes next time).
    recorded, when given, is called with the finished upload before its saved progress is
    forgotten: what it raises propagates and the progress stays, so the next call finds the
    upload finished and sends nothing again (the caller's record of it failed: a full disk).
    """
    base = check_endpoint(endpoint)
    if (chunk_size is not None and chunk_size < 1) or max_attempts < 1 \
            or (rate_limit_bps is not None and rate_limit_bps < 1):
        raise UploadError("chunk_size, max_attempts and rate_limit_bps must be positive.")
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UploadError(f"Cannot read the file to upload: {plain_os_error(exc, str(path))}.") \
            from None
    meta = {str(k): str(v) for k, v in (metadata or {}).items()}
    sums = checked_sums(path, size, sums or compute_sums(path, chunk_size, cancel), meta.get("sha256"))
    sha = meta["sha256"] = sums.sha256
    meta.setdefault("filename", path.name)
    spath = state_path(Path(state_dir), endpoint, sha, size)
    http = client or new_client()
    try:
        checksums = checksum_support(capabilities(http, base, headers or {}, cancel))
        with ChunkSource(path, sums, checksums != "checked", cancel) as source:
            job = UploadJob(source, size, sha, base, endpoint, http, spath,
                            encode_metadata(meta), headers=dict(headers or {}),
                            max_attempts=max_attempts, cancel=cancel,
                            rate_limit_bps=rate_limit_bps, progress=progress,
                            send_checksums=checksums != "refused")
            result = job.run()
    except OSError as exc:
        raise UploadError(f"Cannot read the file to upload: {plain_os_error(exc, str(path))}.") \
            from None
    finally:
        if client is None:
            http.close()
    if recorded is not None:
        recorded(result)   # outside the file's OSError: the caller's failure is its own
    drop_state(spath)      # only now: until the finish is recorded, a run resumes it whole
    return result


@dataclass(frozen=True)
class Withdrawn:
    """What withdraw_upload did: the URLs the server deleted (or no longer had), those it
    could not be asked to delete now (no answer, or a server error), and those it says are
    uploads of other bytes (owned.py: forgotten, never deleted)."""

    asked: tuple[str, ...]
    missed: tuple[str, ...]
    others: tuple[str, ...] = ()


def withdraw_upload(endpoint: str, *, state_dir: Path, sha256: str, size: int,
                    url: str | None = None, client: httpx.Client | None = None,
                    headers: dict[str, str] | None = None,
                    cancel: threading.Event | None = None) -> Withdrawn:
    """Forget the upload of these bytes to `endpoint` (its saved progress, and `url`, a
    finished one), so the next upload_file starts afresh; each is also deleted on the server
    (tus termination), best effort: a portal counts an upload it still holds against the
    request's size limit. Returns the URLs asked to be deleted and those missed (`cancel`
    set: a call the server does not answer at once is given up). Each is asked with HEAD
    first: one the server says is of other bytes is forgotten, not deleted (`others`)."""
    spath = state_path(Path(state_dir), endpoint, sha256, size)
    try:
        base = check_endpoint(endpoint)
        saved = load_state(spath, endpoint, sha256, size)
    except UploadError:
        drop_state(spath)
        return Withdrawn((), ())
    urls = list(dict.fromkeys(u for u in (saved.url if saved else None, url) if u))
    http = client or new_client()
    asked, missed, others = [], [], []
    try:
        for u in urls:
            try:   # only ever on the endpoint's origin, as every other tus request
                target = same_origin_url(base, u, "withdrawn upload")
                # Asked first whose upload it is: an address of another package's upload
                # (another request's, another camera's) is forgotten, never deleted (owned.py).
                reply = exchange(http, "HEAD", target, dict(headers or {}), cancel=cancel)
                if 200 <= reply.status < 300 and names_other_bytes(reply.headers, sha256):
                    others.append(u)
                    continue
                if reply.status < 500 and reply.status not in (404, 410):
                    reply = exchange(http, "DELETE", target, dict(headers or {}), cancel=cancel)
            except (httpx.HTTPError, UploadError):
                missed.append(u)   # the server forgets it in time; a fresh upload does not
                continue           # need it gone
            (missed if reply.status >= 500 else asked).append(u)
    finally:
        if client is None:
            http.close()
    drop_state(spath)
    return Withdrawn(tuple(asked), tuple(missed), tuple(others))
