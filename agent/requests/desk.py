"""The owner's request desk: requests come in and are verified; the owner holds, approves or
declines; an approval is cut, sealed, delivered and receipted (approval_run.py).

Nothing leaves this PC without an explicit approve, and never more than the request asked for.
Every step goes to the audit log; a failure leaves the request `failed` with the reason, and
running approve again resumes. An `emergency` request is treated exactly like any other.
"""
from __future__ import annotations

import hashlib
import ssl
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from agent.audit.log import AuditLog
from agent.callbacks import call_safely
from agent.config import Settings, ensure_home
from agent.errors import AgentError, Refusal
from agent.identity.keys import OwnerKey
from agent.index.mirror import Connect, connector
from agent.index.store import Store
from agent.recorders.credentials import CredentialStore
from agent.requests import approval_run, holds, polling
from agent.requests.agencies import TrustStore
from agent.requests.approval_step import DeliveryError, Step
from agent.requests.decisions import sign_decision
from agent.requests.inbox import ENDED, UNDECIDED, Inbox, InboxError
from agent.requests.intake import checked_request
from agent.requests.portal_client import PollPolicy, PortalClient, PortalError
from agent.requests.records import Entry
from agent.requests.view import RequestView, request_view
from agent.timebase import US
from frp.agency import Agency
from frp.claims import MAX_MESSAGE_CHARS, Rejected
from frp.jws import MAX_TOKEN_BYTES
from frp.request import Request, verify_request

Progress = Callable[[str, float], None]
_REASONS_LOGGED = 5  # distinct reasons kept in a poll's one rejection record


class DeskError(AgentError):
    """Something the desk could not do; the message says why in plain words."""


class DeskRefusal(DeskError, Refusal):
    """Refused: the request failed verification, or the owner's rules forbid the action."""


class RequestDesk:
    """Requests for one home folder. `store` and `owner_key` are callables so the index and
    the key are only opened when a step needs them."""

    def __init__(self, home: Path, store: Callable[[], Store], owner_key: Callable[[], OwnerKey],
                 *, settings: Settings | None = None, verify: bool | ssl.SSLContext = True,
                 portal: PortalClient | None = None, clock: Callable[[], float] = time.time,
                 policy: PollPolicy | None = None,
                 on_arrived: Callable[[int], None] | None = None,
                 signing_key: Callable[[str, str], OwnerKey] | None = None,
                 recorders: Callable[[], Connect] | None = None) -> None:
        self.home = ensure_home(Path(home))
        self._on_arrived = on_arrived
        self.settings = settings or Settings()
        self.trust = TrustStore(self.home)
        self.audit = AuditLog(self.home)
        self.policy = policy or PollPolicy(interval_s=float(self.settings.poll_interval_s))
        self._store, self._verify, self._clock = store, verify, clock
        # Which key answers a registration: the one pinned to it (during a key rotation some
        # registrations are pinned to the next key already).
        self._signing_key = signing_key or (lambda agency_id, registration: owner_key())
        self.portal = portal or PortalClient(verify=verify)
        self.inbox = Inbox(self.home / "inbox.db", clock, on_expired=self._expired)
        self._running = approval_run.RunningDeliveries(self.home)
        # (agency, registration) -> SHA-256 of the tokens its last poll refused (logged once).
        self._last_refused: dict[tuple[str, str], str] = {}
        # How holds and exports reach a recorder camera's footage (the Agent's passwords).
        self._recorders = recorders or (lambda: connector(CredentialStore(self.home)))

    def apply_settings(self, settings: Settings) -> None:
        """Use new owner settings from now on: holds, the upload cap, how often to poll (the
        poll thread takes the new interval after its current wait)."""
        self.settings = settings
        self.policy = replace(self.policy, interval_s=float(settings.poll_interval_s))

    def close(self) -> None:
        self.inbox.close()
        self.portal.close()

    def arrived(self, count: int) -> None:
        """Tell the owner's side (the app's inbox) that new requests came in."""
        if count:
            call_safely(self._on_arrived, count)

    # intake ------------------------------------------------------------------------------
    def import_request(self, source: str | Path) -> RequestView:
        """Verify a request token from a file, or a URL on an agency portal, and add it."""
        text = str(source)
        if text.lower().startswith(("https://", "http://")):
            try:
                return self._view(self._accept(polling.fetch(self, text), "url"))
            except polling.NotTrusted as exc:
                raise DeskRefusal(str(exc)) from None
            except PortalError as exc:
                raise DeskError(str(exc)) from None
        try:
            with open(source, "rb") as fh:
                token = fh.read(MAX_TOKEN_BYTES + 64)
        except OSError as exc:
            raise DeskError(f"cannot read the request file {source}: {exc.strerror}") from None
        return self._view(self._accept(token, "file"))

    def take(self, token: str | bytes, via: str, registrations: list[str] | None = None,
             refused: list[tuple[int, str]] | None = None) -> tuple[Entry | None, str | None]:
        """Verify a token and add it: (entry, None), or (None, reason) when rejected. A
        rejection is logged, or put in `refused` as (rule, reason) when given: a poll logs
        its rejections together (log_poll_rejections)."""
        if isinstance(token, (bytes, bytearray)):
            token = bytes(token).strip()
        try:
            request = checked_request(token, self.trust, registrations, self.inbox.seen,
                                      self._clock())
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
                self.hold(entry.jti, entry.iss)
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

    def _accept(self, token: bytes, via: str) -> Entry:
        entry, reason = self.take(token, via)
        if entry is None:
            raise DeskRefusal(reason)
        return entry

    def sync(self) -> polling.SyncReport:
        """Poll every registered agency now, send decisions still waiting, expire old ones."""
        return polling.sync(self)

    def run_polling(self, stop: threading.Event) -> None:
        """The service's poll thread: poll on the policy's schedule until `stop` is set."""
        polling.run_polling(self, stop)

    # reading -----------------------------------------------------------------------------
    def list(self) -> list[RequestView]:
        """Every request in the inbox, newest first, each checked again against today's trust
        store: `verified` and `problem` say how it stands now (its agency removed, its key
        rotated out). Holds are not read here; `show` reads them."""
        agencies = {a.id: a for a in self.trust.list()}
        views = []
        for entry in self.inbox.list():
            request, problem = None, None
            try:
                request = self._reverify(entry)[1]
            except DeskRefusal as exc:
                problem = str(exc)
            views.append(request_view(entry, agencies.get(entry.iss), request,
                                      verified=request is not None, problem=problem))
        return views

    def show(self, jti: str, iss: str | None = None) -> RequestView:
        """One request with its agency from the trust store and its re-verified details.
        `iss` names the agency, needed when two agencies used the same request id (as every
        action below)."""
        return self._view(self._entry(jti, iss))

    def _view(self, entry: Entry) -> RequestView:
        agency, request, problem = self.trust.get(entry.iss), None, None
        try:
            request = self._reverify(entry)[1]
        except DeskRefusal as exc:
            problem = str(exc)
        try:
            hold = holds.read_hold(self.home, entry.folder)
        except holds.HoldError as exc:
            hold, problem = None, problem or str(exc)
        return request_view(entry, agency, request, verified=request is not None,
                            problem=problem, hold=hold)

    # holds -------------------------------------------------------------------------------
    def hold(self, jti: str, iss: str | None = None,
             cancel: threading.Event | None = None) -> holds.Hold:
        """Copy the recordings covering the request's window into its hold folder."""
        entry = self._entry(jti, iss)
        if entry.status not in UNDECIDED:
            raise DeskRefusal(f"request '{jti}' is {entry.status}; holds are made while you decide")
        store = self._store()
        known = set(store.cameras())
        # Camera names are the agency's record; if none matches ours, keep every camera.
        cameras = tuple(c for c in entry.cameras if c in known)
        try:
            made = holds.make_hold(self.home, store, entry.folder, entry.window_start_us,
                                   entry.window_end_us, cameras, entry.jti, cancel,
                                   connect=self._recorders())
        except holds.HoldError as exc:
            self._log("hold", entry, ok=False, reason=str(exc))
            raise DeskError(str(exc)) from None
        if entry.status == "new":
            self.inbox.transition(entry.iss, entry.jti, "held")
        self._log("hold", entry, status="held", folder=str(made.path), files=len(made.files),
                  bytes=made.size)
        return made

    def release(self, jti: str, iss: str | None = None) -> bool:
        """Delete a request's hold, only once the request has ended (the owner asked)."""
        entry = self._entry(jti, iss)
        if entry.status not in ENDED:
            raise DeskRefusal(f"request '{jti}' is {entry.status}; its hold is kept until the "
                              "request is declined, expired or delivered")
        try:
            removed = holds.release(self.home, entry.folder)
        except holds.HoldError as exc:
            raise DeskError(str(exc)) from None
        if removed:
            self._log("release", entry, folder=entry.folder)
        return removed

    # decisions ---------------------------------------------------------------------------
    def approve(self, jti: str, cameras: list[str] | tuple[str, ...] | None = None,
                start_us: int | None = None, end_us: int | None = None, mode: str | None = None,
                keep_audio: bool | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None, *, blur_faces: bool | None = None,
                masks: bool | None = None, accept_dropped: bool = False,
                iss: str | None = None) -> RequestView:
        """Export, deliver and receipt what the owner approves (never wider than the request).

        Unset choices default to the whole request (its cameras; copy mode; no audio; each
        camera's saved privacy masks applied, faces not blurred), or to what was approved
        before when resuming a failed delivery. Frames of the recordings that cannot be
        decoded stop it (refused, the request left `failed`) unless `accept_dropped`.
        """
        entry = self._entry(jti, iss)
        try:
            with self._running.claim(entry):
                done = self._approve(entry, cameras, start_us, end_us, mode, keep_audio,
                                     progress, cancel, blur_faces, masks, accept_dropped)
        except approval_run.AlreadyRunning as exc:
            raise DeskRefusal(str(exc)) from None
        return self._view(done)

    def _approve(self, entry: Entry, cameras, start_us, end_us, mode, keep_audio, progress,
                 cancel, blur_faces, masks, accept_dropped) -> Entry:
        agency, request = self._reverify(entry)
        bearer = self._bearer(entry, agency)
        try:
            entry, approval = approval_run.approval_to_run(
                self.inbox, self._store, self.home, self._log, entry, cameras, start_us, end_us,
                mode, keep_audio, blur_faces, masks)
        except DeliveryError as exc:  # refused
            raise DeskRefusal(str(exc)) from None
        step = Step(self.home, self._store(), self._signing_key(entry.iss, entry.registration),
                    self.inbox, self.audit, self.portal, agency, request, bearer, self._verify,
                    progress, cancel, accept_dropped, self._recorders())
        try:
            return approval_run.run_steps(step, entry, approval,
                                          self.settings.upload_rate_limit_bps)
        except approval_run.RunFailed as exc:
            if exc.refused:
                raise DeskRefusal(str(exc)) from None
            raise DeskError(f"{exc} (run approve again to resume)") from None

    def decline(self, jti: str, reason: str | None = None, *,
                iss: str | None = None) -> RequestView:
        """Decline: signed, kept, and sent to the portal (now, or by the next sync)."""
        entry = self._entry(jti, iss)
        if entry.status not in UNDECIDED:
            raise DeskRefusal(f"request '{jti}' is {entry.status}; only a new or held request "
                              "can be declined")
        if reason is not None and (len(reason) > MAX_MESSAGE_CHARS or not reason.strip()):
            raise DeskRefusal(f"the reason must be 1 to {MAX_MESSAGE_CHARS} characters of text")
        request = self._reverify(entry)[1]
        token = sign_decision(
            self.inbox, self._signing_key(entry.iss, entry.registration), request, "decline",
            reason=reason, audit=self.audit)
        done = self.inbox.transition(entry.iss, entry.jti, "declined", reason)
        self._log("decline", entry, status="declined", reason=reason,
                  decision_sha256=_sha(token))
        polling.send_decision(self, done)
        return self._view(self.inbox.get(entry.jti, entry.iss))

    # internals ---------------------------------------------------------------------------
    def _entry(self, jti: str, iss: str | None = None) -> Entry:
        try:
            return self.inbox.get(jti, iss)
        except InboxError as exc:
            raise DeskRefusal(str(exc)) from None

    def _reverify(self, entry: Entry) -> tuple[Agency, Request]:
        """Check the stored token again against today's trust store (as of its arrival)."""
        agency = self.trust.get(entry.iss)
        if agency is None:
            raise DeskRefusal(f"the agency {entry.iss} is no longer in your trust store")
        try:
            request = verify_request(entry.token, self.trust, [entry.registration],
                                     seen=lambda iss, jti: False, now=entry.received_at_us / US)
        except Rejected as exc:
            raise DeskRefusal(f"the request no longer verifies: {exc.reason}") from None
        return agency, request

    def _bearer(self, entry: Entry, agency: Agency) -> str:
        token = self.trust.portal_token(entry.iss, entry.registration)
        if not token:
            raise DeskRefusal(f"registration '{entry.registration}' of {agency.name} was not made "
                              "from this app, so it cannot answer for it: register with the "
                              "agency's invite code (`agencies register`)")
        return token

    def _expired(self, entry: Entry) -> None:
        self._log("request-expired", entry, status="expired")

    def _log(self, event: str, entry: Entry, **data) -> None:
        self.audit.append(event, id=entry.jti, agency=entry.iss, **data)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()
