"""The owner's request desk: requests come in and are verified; the owner holds, approves or
declines; an approval is cut, sealed, delivered and receipted (approval_run.py).

Nothing leaves this PC without an explicit approve, and never more than the request asked for.
Every step goes to the audit log; a failure leaves the request `failed` with the reason, and
running approve again resumes. An `emergency` request is treated exactly like any other.

Requests coming in are the desk's intake (desk_intake.py); holding, releasing, approving and
declining are its decisions (desk_decisions.py); both are mixins of `RequestDesk`, whose errors
are in desk_errors.py.
"""
from __future__ import annotations

import ssl
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from agent.audit.log import AuditLog
from agent.callbacks import call_safely
from agent.config import ConfigError, Settings, ensure_home, load_settings, settings_stamp
from agent.identity.keys import OwnerKey
from agent.index.mirror import Connect, connector
from agent.index.store import Store
from agent.recorders.credentials import CredentialStore
from agent.requests import holds, running_deliveries
from agent.requests.agencies import TrustStore
from agent.requests.agency_changes import TrustStoreError
from agent.requests.approval_step import Step
from agent.requests.desk_decisions import DeskDecisions
from agent.requests.desk_holds import DeskHolds
from agent.requests.desk_errors import DeskRefusal
from agent.requests.desk_intake import DeskIntake
from agent.requests.held_window import usable_hold
from agent.requests.hold_history import HoldHistory
from agent.requests.holds import Hold
from agent.requests.inbox import Inbox, InboxError
from agent.requests.statuses import ENDED, UNDECIDED
from agent.requests.portal_client import PollPolicy, PortalClient
from agent.requests.poll_trouble import PollTroubles, PortalTrouble
from agent.requests.records import Entry
from agent.requests.trust_snapshot import TrustSnapshot
from agent.requests.registrations import Registration
from agent.requests.view import RequestView, declined_before, request_view
from agent.timebase import US, system_zone_name
from frp.agency import Agency
from frp.claims import Rejected
from frp.request import Request, verify_request


# An inbox record that no longer says what its token does (records.Entry.differs_from).
TAMPERED = ("the inbox's record of it was changed on this PC ({details}), so it no longer says "
            "what the agency signed")


class RequestDesk(DeskIntake, DeskHolds, DeskDecisions):
    """Requests for one home folder. `store` and `owner_key` are callables so the index and
    the key are only opened when a step needs them."""

    def __init__(self, home: Path, store: Callable[[], Store], owner_key: Callable[[], OwnerKey],
                 *, settings: Settings | None = None, verify: bool | ssl.SSLContext = True,
                 portal: PortalClient | None = None, clock: Callable[[], float] = time.time,
                 policy: PollPolicy | None = None,
                 on_arrived: Callable[[int], None] | None = None,
                 on_unreachable: Callable[[int], None] | None = None,
                 signing_key: Callable[[str, str], OwnerKey] | None = None,
                 recorders: Callable[[], Connect] | None = None) -> None:
        self.home = ensure_home(Path(home))
        self._on_arrived = on_arrived
        self.settings = settings or Settings()
        self._settings_stamp = settings_stamp(self.home)   # the saving they were read from
        self.trust = TrustStore(self.home)
        self.audit = AuditLog(self.home)
        # The log's hold and export records by request, for each request's page (read once).
        self.hold_history = HoldHistory(self.audit.path)
        self.policy = policy or PollPolicy(interval_s=float(self.settings.poll_interval_s))
        self._store, self._verify, self._clock = store, verify, clock
        # Which key answers a registration: the one pinned to it (during a key rotation some
        # registrations are pinned to the next key already).
        self.signing_key = signing_key or (lambda agency_id, registration: owner_key())
        self.portal = portal or PortalClient(verify=verify)
        self.inbox = Inbox(self.home / "inbox.db", clock, on_expired=self._expired)
        self._running = running_deliveries.RunningDeliveries(self.home)
        # (agency, registration) -> SHA-256 of the tokens its last poll refused (logged once).
        self._last_refused: dict[tuple[str, str], str] = {}
        # (agency, request) -> (when to send its decision again, failures in a row): a decision
        # the portal could not take yet waits as a poll does (polling.send_decision).
        self.decision_waits: dict[tuple[str, str], tuple[float, int]] = {}
        # Registrations whose polls keep failing, for the owner to be told (poll_trouble.py).
        self.troubles = PollTroubles(on_unreachable)
        # How holds and exports reach a recorder camera's footage (the Agent's passwords).
        self._recorders = recorders or (lambda: connector(CredentialStore(self.home)))

    def apply_settings(self, settings: Settings) -> None:
        """Use new owner settings from now on: holds, the upload cap, how often to poll (the
        poll thread takes the new interval after its current wait)."""
        self.settings = settings
        self.policy = replace(self.policy, interval_s=float(settings.poll_interval_s))
        self._settings_stamp = settings_stamp(self.home)

    def take_up_saved_settings(self) -> None:
        """Use the settings as saved now, when another footage-agent sharing the home saved
        them since (the app's Settings, beside `run`, whose poll thread asks at each pass):
        else a request `run` took in was never held however the owner asked, and it polled
        at the old interval until it was started again. Settings that cannot be read now
        (a half-copied file) leave the ones in use, and are asked again at the next pass."""
        stamp = settings_stamp(self.home)
        if stamp is None or stamp == self._settings_stamp:
            return
        try:
            saved = load_settings(self.home)
        except ConfigError:
            return
        self.apply_settings(saved)

    def close(self) -> None:
        self.inbox.close()
        self.portal.close()

    def arrived(self, count: int) -> None:
        """Tell the owner's side (the app's inbox) that new requests came in."""
        if count:
            call_safely(self._on_arrived, count)

    # reading -----------------------------------------------------------------------------
    def unreachable(self) -> list[PortalTrouble]:
        """The agencies' portals the poll thread has not reached for a while (or that refused
        a registration), longest first: no request can arrive from them meanwhile."""
        return self.troubles.lasting()

    def list(self) -> list[RequestView]:
        """Every request in the inbox, newest first, each checked again against today's trust
        store: `verified` and `problem` say how it stands now (its agency removed, its key
        rotated out). Holds are not read here; `show` reads them."""
        trust = TrustSnapshot(self.trust)   # one reading for them all, not one a request
        agencies = {a.id: a for a in trust.list()}
        held = {(r.agency_id, r.id): r for r in self._registrations()}
        views, entries = [], self.inbox.list()
        for entry in entries:
            entry = self._settled(entry)
            request, problem = None, None
            try:
                request = self._reverify(entry, trust)[1]
            except DeskRefusal as exc:
                problem = str(exc)
            views.append(request_view(
                entry, agencies.get(entry.iss), request, verified=request is not None,
                problem=problem, on_file=_names_on_file(held.get((entry.iss, entry.registration))),
                declined_before=declined_before(entry, entries)))
        return views

    def show(self, jti: str, iss: str | None = None) -> RequestView:
        """One request with its agency from the trust store and its re-verified details.
        `iss` names the agency, needed when two agencies used the same request id (as every
        action below)."""
        return self._view(self._settled(self._entry(jti, iss)))

    def held(self, jti: str, iss: str | None = None) -> Hold | None:
        """The request's safe copy, or None when it has none or its record cannot be used
        (`show` says why): what the request's page shows where its recordings are gone."""
        entry = self._entry(jti, iss)
        return usable_hold(self.home, entry.folder, (entry.jti, entry.iss))

    def _settled(self, entry: Entry) -> Entry:
        """The entry, a delivery cut off by a crash made `failed` (running_deliveries)."""
        return self._running.settle(self.inbox, lambda event, **data: self._log(
            event, entry, **data), entry)

    def _view(self, entry: Entry) -> RequestView:
        agency, request, problem = self.trust.get(entry.iss), None, None
        try:
            request = self._reverify(entry)[1]
        except DeskRefusal as exc:
            problem = str(exc)
        hold, hold_problem = None, None
        try:
            hold = holds.read_hold(self.home, entry.folder, (entry.jti, entry.iss))
        except holds.HoldError as exc:
            hold_problem = str(exc)
        failed = (None if hold is not None or hold_problem or entry.status not in UNDECIDED
                  else self.hold_history.failure(entry.jti, entry.iss))
        gone = self._hold_gone(entry) if hold is None and not hold_problem and not failed \
            else None
        return request_view(entry, agency, request, verified=request is not None,
                            problem=problem or hold_problem, hold=hold,
                            on_file=self._on_file(entry), hold_problem=hold_problem,
                            hold_failed=failed, hold_gone=gone,
                            declined_before=declined_before(entry, self.inbox.list()))

    def _hold_gone(self, entry: Entry) -> str | None:
        """Where the open request's safe copy was, when the log says it was made and it is no
        longer there: deleted or moved by hand (a release waits for the request to end)."""
        if entry.status in ENDED or not self.hold_history.made(entry.jti, entry.iss):
            return None
        path = holds.hold_path(self.home, entry.folder)
        return None if path.is_dir() else str(path)

    def claim(self, entry: Entry):
        """`with desk.claim(entry):` the request decided, delivered or asked about by this
        footage-agent alone (its delivery lock, which the app, `run` and a terminal's commands
        share); running_deliveries.AlreadyRunning when another does it now."""
        return self._running.claim(entry)

    def asking_step(self, entry: Entry, cancel=None) -> Step:
        """A Step that asks `entry`'s portal only (a receipt a refused decline left owed:
        owed_receipts.py): the request verified again against today's trust store, with its
        registration's portal token. Asking signs nothing and reads no recording, so neither
        the owner key (which may be locked) nor the index is opened. DeskRefusal when it cannot
        be asked now (its agency removed, the request no longer verifying)."""
        agency, request = self._reverify(entry)
        return Step(self.home, None, None, self.inbox, self.audit, self.portal, agency, request,
                    self._bearer(entry, agency), self._verify, None, cancel,
                    trusted=tuple(self.trust.list()))

    # internals ---------------------------------------------------------------------------
    def _entry(self, jti: str, iss: str | None = None) -> Entry:
        try:
            return self.inbox.get(jti, iss)
        except InboxError as exc:
            raise DeskRefusal(str(exc)) from None

    def _reverify(self, entry: Entry, trust=None) -> tuple[Agency, Request]:
        """Check the stored token again against today's trust store (as of its arrival);
        `trust`: a TrustSnapshot of it, for a pass over many requests."""
        trust = trust or self.trust
        agency = trust.get(entry.iss)
        if agency is None:
            raise DeskRefusal(f"the agency {entry.iss} is no longer in your trust store: you "
                              "removed it, or its file changed since you accepted it "
                              "(`agencies list` says which)")
        try:
            request = verify_request(entry.token, trust, [entry.registration],
                                     seen=lambda iss, jti: False, now=entry.received_at_us / US,
                                     zone_name=system_zone_name())
        except Rejected as exc:
            raise DeskRefusal(f"the request no longer verifies: {exc.reason}") from None
        changed = entry.differs_from(request)
        if changed:
            raise DeskRefusal("the request no longer verifies: " + TAMPERED.format(
                details=", ".join(changed)))
        return agency, request

    def _on_file(self, entry: Entry) -> tuple[str, ...] | None:
        held = (r for r in self._registrations()
                if (r.agency_id, r.id) == (entry.iss, entry.registration))
        return _names_on_file(next(held, None))

    def _registrations(self) -> list[Registration]:
        """The registrations held, or none when their file cannot be read: the inbox is still
        shown (what the registration says is then not known; answering says why not)."""
        try:
            return self.trust.registration_records()
        except TrustStoreError:
            return []

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


def _names_on_file(registration: Registration | None) -> tuple[str, ...] | None:
    return registration.names_on_file if registration is not None else None
