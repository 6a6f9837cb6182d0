"""What the tus loop (tus_loop.py) does when a step fails: each failure in a row without
progress counted against max_attempts, a passing one waited on by UPLOAD_BACKOFF's growing waits
(never before the server's Retry-After), an upload the server lost or cannot be trusted with
withdrawn (tus termination) and started afresh, a creation whose answer was lost counted as a
fresh start (it may have made one), and the owner's cancel heard while waiting.

A mixin of `agent.delivery.tus_loop.UploadJob`, which provides `failures`, `new_uploads`,
`max_attempts`, `pacer`, `store`, `state`, `http`, `headers`, `cancel` and `_url`.
"""
from __future__ import annotations

import logging
import time

import httpx

from agent.backoff import Backoff
from agent.delivery.tus_outcomes import Restart, Retry
from agent.delivery.wire import UploadCancelled, UploadError, exchange

log = logging.getLogger(__name__)

# 0.5 s doubling up to 30 s, +/- 12.5 %: the default 8 attempts span about a minute. A
# Retry-After is waited for up to a minute; a server wanting longer is asked again then.
UPLOAD_BACKOFF = Backoff(base_s=0.5, factor=2.0, cap_s=30.0, jitter=0.125, retry_after_cap_s=60.0)
_sleep = time.sleep  # tests record the backoff through this
# Fresh starts (expired or untrustworthy server, a creation's answer lost) before giving up.
MAX_NEW_UPLOADS = 3


class Setbacks:
    """An upload's failures, waits, fresh starts and cancel."""

    def _count_failure(self, reason: str, status: int | None = None) -> None:
        self.failures += 1
        if self.failures >= self.max_attempts:
            # a network failure's words say when to try again already ("refused ...; try again
            # later"): said twice, the owner reads the sentence as a stutter
            advice = "" if "try again" in reason else "try again later: "
            raise UploadError(f"Gave up after {self.failures} attempts: {reason}. Nothing is lost; "
                              f"{advice}the upload resumes where it stopped.", status)

    def _backoff(self, exc: Retry) -> None:
        self._count_failure(str(exc), exc.status)
        delay = UPLOAD_BACKOFF.delay(self.failures, exc.retry_after)
        log.info("upload: %s; retrying in %.1f s", exc, delay)
        self.wait(delay)
        self.pacer.reset()

    def _creation_unanswered(self, exc: Retry) -> None:
        """A creation whose answer was lost may have made an upload, which nothing here can
        reach: a flaky uplink losing every answer left the agency's server one upload a try
        (8 a run), each counted against the request (the reference portal takes 16 at most,
        12 an hour a registration) and never ended. Counted as a fresh start, so a run leaves
        MAX_NEW_UPLOADS at most."""
        self.new_uploads += 1
        if self.new_uploads >= MAX_NEW_UPLOADS:
            # a cut connection's words end in "try again" already: said again at the end, the
            # owner read it twice in one message (and three times with approve's own advice)
            advice = ("use a steadier connection if you can" if "try again" in str(exc) else
                      "try again later, on a steadier connection if you can")
            raise UploadError(f"The answer to starting the upload was lost {self.new_uploads} "
                              f"times ({exc}), and each start may have left the upload server "
                              "an upload it counts for this request, so no more were started. "
                              f"Nothing of the package was sent; {advice}.")

    def _start_over(self, exc: Restart) -> None:
        log.warning("upload: %s; starting a new upload", exc)
        if exc.terminate:
            self._terminate()
            self.store.drop()
        # An upload said gone (404, 410) stays on record until the new one replaces it (the
        # same state file): a web server's own 404 page while the tus server behind it
        # restarts, followed by creations that fail, lost the progress of one still there.
        self.state = None

    def _withdraw(self) -> None:
        self._terminate()
        self.store.drop()

    def _terminate(self) -> None:
        """Best-effort tus termination of an upload we abandon, so the server frees it."""
        try:
            exchange(self.http, "DELETE", self._url(), dict(self.headers), cancel=self.cancel)
        except (httpx.HTTPError, UploadError) as exc:
            log.info("could not withdraw abandoned upload: %s", exc)

    def wait(self, seconds: float) -> None:
        if self.cancel is not None:
            self.cancel.wait(seconds)
        else:
            _sleep(seconds)
        self.check_cancel()

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise UploadCancelled("The upload was cancelled; it resumes from here next time.")
