"""The tus protocol loop behind one upload_file call: create, HEAD, PATCH, and what to do
when the server fails, refuses, expires the upload or misreports how much it has.

Failures in a row without progress are bounded (max_attempts); passing ones are retried after
UPLOAD_BACKOFF's growing waits, never before the server's Retry-After; an upload the server
lost or cannot be trusted with is withdrawn and started afresh, a few times at most (how each
is counted, waited on and undone: tus_setbacks.py).
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable

import httpx

from agent.delivery.owned import names_other_bytes
from agent.delivery.pace import Meter, Pacer, Sizer, UploadProgress
from agent.delivery.source import ChunkSource, FileChanged, Unsealed
from agent.delivery.state import StateFile, UploadState, load_state
from agent.delivery.tus_outcomes import Restart, Retry, UploadResult
from agent.delivery.tus_setbacks import MAX_NEW_UPLOADS, Setbacks
from agent.delivery.wire import (
    AddressTooLong,
    Reply,
    UnusableAddress,
    UploadError,
    exchange,
    origin,
    other_origin,
    refusal,
    same_origin_url,
)
from agent.network_words import SIGN_IN_PAGE, is_web_page, network_words

log = logging.getLogger(__name__)

MAX_UPLOAD_URL = 2048  # characters of a Location a submission's upload_url may hold (protocol.md)
SMALLEST_PART = 64 * 1024  # parts a server refuses as too large are halved down to this
_RETRYABLE = {408, 423, 429}


class UploadJob(Setbacks):
    """One upload_file call: the protocol loop and its bookkeeping.

    send_checksums is False for a server that checks other algorithms only (it would refuse a
    sha256 Upload-Checksum); the source then hashes the stream instead.
    """

    def __init__(self, source: ChunkSource, size: int, sha: str, base: httpx.URL, endpoint: str,
                 http: httpx.Client, spath: Path, meta_header: str, *, headers: dict[str, str],
                 max_attempts: int, cancel: threading.Event | None, rate_limit_bps: int | None,
                 progress: Callable[[UploadProgress], None] | None, send_checksums: bool) -> None:
        self.source, self.size, self.sha, self.base, self.endpoint = source, size, sha, base, endpoint
        self.http, self.store, self.meta_header = http, StateFile(spath), meta_header
        self.headers, self.max_attempts, self.cancel = headers, max_attempts, cancel
        self.send_checksums = send_checksums
        self.pacer = Pacer(rate_limit_bps, self.wait)
        self.meter = Meter(size, progress)
        self.sizer = Sizer(source.chunk_size)
        self.state: UploadState | None = load_state(spath, endpoint, sha, size)
        if self.state is not None:
            try:
                same_origin_url(base, self.state.url, "saved upload")
            except UploadError:
                log.warning("saved upload %s is not on %s; starting a new one", self.state.url, base)
                self.state = None
        self.failures = self.new_uploads = self.resent = self.best = 0
        # A PATCH answer counted as a failure that sends the loop to HEAD: the server standing
        # behind where it was, which that HEAD then finds, is the same setback, counted once.
        self.counted = False

    def run(self) -> UploadResult:
        """Upload to the end (resuming a saved upload when there is one), or raise UploadError;
        the saved progress is left for the caller to drop."""
        try:
            return self._run()
        finally:
            self.store.close()

    def _run(self) -> UploadResult:
        offset: int | None = None
        resumed_from: int | None = None
        while offset is None or offset < self.size:
            self.check_cancel()
            try:
                if self.state is None:
                    self._create()
                    offset = 0
                elif offset is None:
                    offset = self._head()
                if resumed_from is None:
                    resumed_from = self.best = offset
                    self.meter.show(offset, force=True)
                if offset < self.size:
                    offset = self._patch(offset)
            except Retry as exc:
                self._backoff(exc)
                offset = None
            except Restart as exc:
                self._start_over(exc)
                offset = None
            except Unsealed:
                self._withdraw()
                raise
        return self._finish(resumed_from or 0)

    # protocol steps --------------------------------------------------------------------------
    def _create(self) -> None:
        if self.new_uploads >= MAX_NEW_UPLOADS:
            raise UploadError("The upload server kept losing or misreporting the upload; gave up "
                              f"after {MAX_NEW_UPLOADS} fresh starts. Try again later or tell the agency.")
        try:
            reply = self._call("POST", self.base, {"Upload-Length": str(self.size),
                                                   "Upload-Metadata": self.meta_header})
        except Retry as exc:
            if exc.unanswered:
                self._creation_unanswered(exc)
            raise
        if reply.status != 201:
            raise refusal(reply, "the new upload")
        # A fresh start is one the server made: a creation that never got through (nothing
        # answering, a 503) is a passing failure, bounded by max_attempts instead.
        self.new_uploads += 1
        elsewhere = other_origin(self.base, reply.headers.get("location"))
        if elsewhere is not None:
            # Made, but named where nothing of the package may go (a reverse proxy handing
            # back its tus server's own address): every approve met the same, each leaving
            # one more upload the portal counts against the request, past reach from here.
            raise UnusableAddress(f"The upload server made the new upload at {elsewhere}, not "
                                  f"at {origin(self.base)}, the address the agency gave, so "
                                  "nothing was sent. Sending it again will not change that; "
                                  "tell the agency.")
        url = same_origin_url(self.base, reply.headers.get("location"), "creation")
        self.state = UploadState(self.endpoint, str(url), self.size, self.sha, 0, 0)
        if len(self.state.url) > MAX_UPLOAD_URL:
            # The submission names the upload by this address, and a portal takes at most
            # MAX_UPLOAD_URL characters of it (protocol.md): the whole package would go up
            # only to be refused at the end. Ended here, on its own origin.
            self._terminate()
            raise AddressTooLong(f"The upload server gave the package an address of "
                                 f"{len(self.state.url):,} characters, longer than the "
                                 f"{MAX_UPLOAD_URL:,} the agency's portal takes, so nothing "
                                 "was sent. Sending it again will not change that; tell the "
                                 "agency.")
        try:
            self.store.save(self.state)
        except UploadError:
            # Nothing here would ever resume or withdraw it, and a portal counts it against
            # the request's limit while it stands.
            self._terminate()
            raise

    def _head(self) -> int:
        counted, self.counted = self.counted, False
        reply = self._call("HEAD", self._url(), {})
        if reply.status in (404, 410):
            raise Restart("the earlier upload is no longer on the server (expired)", terminate=False)
        if reply.status not in (200, 204):
            raise refusal(reply, "the question how much of the package arrived")
        if names_other_bytes(reply.headers, self.sha):   # never sent into nor ended: owned.py
            raise Restart("the saved address is another package's upload", terminate=False)
        offset, length = reply.offset(), reply.length()
        if offset is None:
            raise Retry("the server did not say how much of the package it has")
        if length is not None and length != self.size:
            raise Restart(f"the server holds {length} bytes for an upload of {self.size}", terminate=True)
        assert self.state is not None
        if offset > self.size or offset > self.state.sent_hi:
            raise Restart(f"the server claims {offset} bytes but only {self.state.sent_hi} were ever "
                           "sent, so its copy cannot be trusted", terminate=True)
        if offset < self.state.acked:
            log.warning("upload server went back from %d to %d bytes; re-sending from there",
                        self.state.acked, offset)
            if not counted:   # the PATCH answer that sent us here counted this setback once
                self._count_failure(f"the server went back from {self.state.acked} to {offset} "
                                    "bytes")
        self.state = self.state.advanced(offset, 0)
        return offset

    def _patch(self, offset: int) -> int | None:
        """Send the chunk at offset; the server's new offset, or None to ask it with HEAD."""
        assert self.state is not None
        chunk = self.source.chunk(offset, self.sizer.size)
        end = offset + chunk.size
        if offset < self.state.sent_hi:
            self.resent += 1
        # Recorded before the bytes leave, so a kill mid-PATCH still bounds what the server may claim.
        self.state = self.state.advanced(offset, end)
        self.store.save(self.state)
        headers = {"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
                   "Content-Length": str(chunk.size)}
        if self.send_checksums:
            headers["Upload-Checksum"] = f"sha256 {chunk.digest}"
        began = time.monotonic()
        reply = self._call("PATCH", self._url(), headers, self._body(chunk))
        if reply.status == 460:
            if not self.source.matches_seal(offset):  # not the wire: the file itself changed
                raise Unsealed(offset)
            log.warning("upload server reports a checksum mismatch at %d; re-sending the chunk", offset)
            self._count_failure("the chunk kept arriving damaged (checksum mismatch)", 460)
            return offset
        if reply.status == 409:
            self._count_failure("the server and this PC disagree on how much was sent", 409)
            self.counted = True
            return None
        if reply.status in (404, 410):
            raise Restart("the upload expired on the server", terminate=False)
        if reply.status == 413:
            return self._too_large(reply, chunk.size, offset)
        if reply.status not in (200, 204):
            raise refusal(reply, "a part of the package")
        new = reply.offset()
        if new is not None and new > end:
            raise Restart(f"the server claims {new} bytes after receiving up to {end}, so its copy "
                           "cannot be trusted", terminate=True)
        if new is None or new < offset:
            self._count_failure("the server gave a confusing answer about how much it has")
            self.counted = True
            return None
        if new == offset:
            # It took none of the part: sending it again at once would only repeat that (a
            # broken or hostile server could keep the uplink busy for ever), so it counts as a
            # failure and waits, and the server is asked where it stands.
            raise Retry("the server took none of the part sent")
        self.state = self.state.advanced(new, 0)
        if new < end:
            # A 204 means the whole part arrived; a server keeping a sliver of each (one byte)
            # made progress every time, so the failures in a row never added up, and the rest
            # of the part went out again for every byte. Such a part counts as a failure, and
            # the rest is sent after a wait, from where the server stands.
            self.best = max(self.best, new)
            self._backoff(Retry(f"the server kept only {new - offset} of the {chunk.size} "
                                 "bytes sent"))
            return new
        if new > self.best:
            self.best, self.failures = new, 0
        self.sizer.sent(new - offset, time.monotonic() - began)
        return new

    def _too_large(self, reply: Reply, nbytes: int, offset: int) -> int:
        """A part of nbytes refused as too large (413): a body limit of the server's, or of the
        web server in front of it (often 1 MiB), not the package's. Parts are halved, down to
        SMALLEST_PART, and the one refused is sent again smaller; UploadError below that."""
        if nbytes <= SMALLEST_PART:
            detail = f": {reply.detail()}" if reply.detail() else ""
            raise UploadError(f"The upload server refuses even a part of {nbytes:,} bytes of the "
                              f"package as too large (413{detail}), so it cannot take the "
                              "package; tell the agency.", 413)
        self.sizer.refused(nbytes, SMALLEST_PART)
        log.warning("upload server refused a part of %d bytes as too large; sending parts of "
                    "at most %d", nbytes, self.sizer.largest)
        return offset

    def _body(self, chunk):
        offset = chunk.offset
        for block in self.source.blocks(chunk):
            for piece in self.pacer.pieces(block):
                self.check_cancel()
                self.pacer.before(len(piece))
                yield piece
                offset += len(piece)
                self.meter.moved(offset, len(piece))

    def _finish(self, resumed_from: int) -> UploadResult:
        assert self.state is not None
        if self.source.hashing and not self.source.stream_matches():
            self._withdraw()  # the server may hold other bytes than the sealed ones
            raise FileChanged("The bytes sent are not the package: the file changed while it was "
                              "being uploaded. The upload was withdrawn; export the package again.")
        # The saved progress stays until the caller recorded the finish (upload_file): a run
        # that stops before that finds the upload whole, and sends nothing again.
        self.meter.show(self.size, force=True)
        return UploadResult(self.state.url, self.size, self.sha, resumed_from, self.resent)

    # plumbing -------------------------------------------------------------------------------
    def _url(self) -> httpx.URL:
        assert self.state is not None
        return httpx.URL(self.state.url)

    def _call(self, method: str, url: httpx.URL, headers: dict[str, str], content=None) -> Reply:
        try:
            reply = exchange(self.http, method, url, {**self.headers, **headers}, content,
                             cancel=self.cancel)
        except httpx.TransportError as exc:
            self.check_cancel()
            raise Retry(f"cannot reach the upload server {self.base}: {network_words(exc)}",
                        unanswered=not isinstance(exc, (httpx.ConnectError,
                                                        httpx.ConnectTimeout))) from None
        if reply.status >= 500 or reply.status in _RETRYABLE:
            raise Retry(f"the server answered {reply.status} {reply.detail()}".rstrip(),
                         reply.retry_after(), reply.status)
        if 200 <= reply.status < 300 and is_web_page(reply.headers) \
                and not {"tus-resumable", "upload-offset", "location"} & set(reply.headers):
            # A network's sign-in page, answering every address: once the owner signs in,
            # the server answers again and the upload resumes from where it stands.
            raise Retry(f"the upload server {self.base} did not answer: {SIGN_IN_PAGE}")
        return reply
