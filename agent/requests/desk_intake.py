"""Requests coming in to the desk: a token from a file or a portal URL, verified and added to
the inbox (or rejected and logged), and polling the registered agencies' portals (polling.py,
its thread in poll_thread.py).

A mixin of `agent.requests.desk.RequestDesk`, which provides `trust`, `inbox`, `audit`,
`settings`, `hold`, `_view` and the rest of a desk.
"""
from __future__ import annotations

import threading
from pathlib import Path

from agent.os_words import plain_os_error
from agent.saved_text import saved_text
from agent.storage import read_file_start
from agent.requests import poll_thread, polling
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.requests.inbox import InboxError
from agent.requests.intake import checked_request
from agent.requests.portal_client import PortalError
from agent.requests.records import Entry
from agent.requests.view import RequestView
from frp.claims import Rejected
from frp.jws import MAX_TOKEN_BYTES

_REASONS_LOGGED = 5  # distinct reasons kept in a poll's one rejection record


def _as_saved(raw: bytes) -> bytes:
    """A request file's token without what Notepad or PowerShell put around it: a byte-order
    mark, or UTF-16 (its "Unicode", PowerShell's `>`). Bytes that are no text are left as they
    are: the token they hold is then refused as any other that is not well formed."""
    try:
        return saved_text(raw).encode("utf-8")
    except UnicodeDecodeError:
        return raw


class DeskIntake:
    """The desk's intake methods."""

    def import_request(self, source: str | Path, cancel: threading.Event | None = None,
                       progress=None) -> RequestView:
        """Verify a request token from a file, or a URL on an agency portal, and add it;
        `cancel` stops the safe copy made of it with "keep a safe copy" on (take), which
        `progress(stage, fraction)`, a job's, is told of (hold_copies' HOLD_ stages)."""
        text = str(source)
        if text.lower().startswith(("https://", "http://")):
            try:
                return self._view(self._accept(polling.fetch(self, text), "url", cancel,
                                               progress))
            except polling.NotTrusted as exc:
                raise DeskRefusal(str(exc)) from None
            except PortalError as exc:
                raise DeskError(str(exc)) from None
        try:
            token = read_file_start(source, MAX_TOKEN_BYTES + 64)   # a pipe: said, not waited on
        except OSError as exc:
            raise DeskError("cannot read the request file: "
                            + plain_os_error(exc, str(source))) from None
        return self._view(self._accept(_as_saved(token), "file", cancel, progress))

    def take(self, token: str | bytes, via: str, registrations: list[str] | None = None,
             refused: list[tuple[int, str]] | None = None,
             from_agency: str | None = None, trust=None,
             cancel: threading.Event | None = None,
             progress=None) -> tuple[Entry | None, str | None]:
        """Verify a token and add it: (entry, None), or (None, reason) when rejected. A
        rejection is logged, or put in `refused` as (rule, reason) when given: a poll logs
        its rejections together (log_poll_rejections). `registrations`: the ids it may be
        for, those of `from_agency` when given (the agency whose portal was polled).
        `trust`: a TrustSnapshot of the trust store, for a poll's many tokens. `cancel` (the
        poll's stop) stops its safe copy, made with "keep a safe copy" on; `progress` is told
        how far that copy got."""
        if isinstance(token, (bytes, bytearray)):
            token = bytes(token).strip()
        try:
            request = checked_request(token, trust or self.trust, registrations, self.inbox.seen,
                                      self._clock(), from_agency)
            entry = self.inbox.add(request, via)
        except (Rejected, InboxError) as exc:  # InboxError: the same request twice at once,
            # or a value the inbox cannot keep
            rule, reason = (exc.rule, exc.reason) if isinstance(exc, Rejected) else (5, str(exc))
            if refused is None:
                self.audit.append("request-rejected", via=via, rule=rule, reason=reason)
            else:
                refused.append((rule, reason))
            return None, f"request rejected: {reason}"
        self.audit.append("request-seen", id=entry.jti, agency=entry.iss, case=entry.case,
                          sha256=entry.sha256, via=via, status=entry.status,
                          emergency=request.emergency)
        if self.settings.holds_on_new_request:
            try:
                # The service's stop heard (waiting its turn, or copying for minutes): ended
                # by the process part way, the copy was never logged, and the request's page
                # said nothing of it; cancelled, its failure is logged, and the page says so.
                self.hold(entry.jti, entry.iss, cancel, progress)
            except DeskError:
                pass  # logged by hold(); the request itself is in
        return self.inbox.get(entry.jti, entry.iss), None

    def log_poll_rejections(self, agency_id: str, registration: str,
                            refused: list[tuple[int, str]], tokens_sha256: str) -> None:
        """One `request-rejected` record for all the tokens one poll refused: how many, the
        first rule and reason, a few distinct reasons and the SHA-256 of the refused tokens.
        One record per token let a portal fill the disk (each record is fsync'd and sealed);
        the same refused tokens polled again are not logged again while this desk runs."""
        if not refused or self._last_refused.get((agency_id, registration)) == tokens_sha256:
            return
        reasons = list(dict.fromkeys(reason for _rule, reason in refused))
        self.audit.append("request-rejected", via="portal", agency=agency_id,
                          registration=registration, rule=refused[0][0], reason=refused[0][1],
                          count=len(refused), reasons=reasons[:_REASONS_LOGGED],
                          tokens_sha256=tokens_sha256)
        self._last_refused[(agency_id, registration)] = tokens_sha256

    def _accept(self, token: bytes, via: str, cancel: threading.Event | None = None,
                progress=None) -> Entry:
        entry, reason = self.take(token, via, cancel=cancel, progress=progress)
        if entry is None:
            raise DeskRefusal(reason)
        return entry

    def sync(self, cancel: threading.Event | None = None) -> polling.SyncReport:
        """Poll every registered agency now, send decisions still waiting, expire old ones;
        `cancel` ends a portal call in flight (PortalCancelled), what came before it kept."""
        return polling.sync(self, cancel)

    def run_polling(self, stop: threading.Event) -> None:
        """The service's poll thread: poll on the policy's schedule until `stop` is set."""
        poll_thread.run_polling(self, stop)
