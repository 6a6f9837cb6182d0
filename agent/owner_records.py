"""The owner's own records as Agent methods: the agencies they trust with the registration ids
each gave them (the trust store), and the activity log with its check.

A mixin of `agent.service.Agent`, which provides `home` and `requests` (the request desk, whose
trust store verifies requests: the same one is changed here, so a change counts at once).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agent.audit.changes import record_change
from agent.audit.log import AuditError, AuditLog, AuditReport
from agent.errors import AgentError, Refusal
from agent.file_kinds import file_kind
from agent.requests.agency_files import is_copy
from agent.requests.agency_changes import (
    AgencyChange,
    TrustStoreError,
    TrustStoreFailure,
    is_unaccepted,
)
from agent.storage import by_newer_version
from agent.timebase import TimeError, parse_rfc3339
from frp.agency import Agency


@dataclass(frozen=True)
class LogRecord:
    """One line of the activity log."""

    seq: int
    at: str                 # the time as written (RFC 3339, UTC)
    at_us: int | None       # the same instant; None when the line's time cannot be read
    event: str              # request-seen, decline, upload, ... (agent/audit/log.py EVENTS)
    data: dict


@dataclass(frozen=True)
class DamagedAgencyFile:
    """An agency file in the trust store that no longer validates (edited or damaged on
    disk), or a second file for an agency (`copy`): shown to the owner, never trusted.
    Importing the agency's file again replaces a damaged one; a copy is moved out."""

    file: str               # its name under <home>/agencies/
    problem: str            # what is wrong, in the words of the agency-file check
    copy: bool = False      # a copy of an agency's file beside the one kept for it
    unaccepted: bool = False   # whole, but not what the owner accepted: to compare and accept
    newer: bool = False     # the accepted agencies' record is a newer version's: left as it is


class OwnerRecords:
    """Trust store and activity log methods of the Agent."""

    # trust store ---------------------------------------------------------------------------
    def agencies(self) -> list[Agency]:
        """Every trusted agency, sorted by name."""
        return self.requests.trust.list()

    def add_agency(self, path: str | Path, replace: bool = False) -> Agency:
        """Check an agency file and trust the agency (import_agency); the owner compares its
        key fingerprints with the ones the agency publishes."""
        return self.import_agency(path, replace).agency

    def agencies_unreadable(self) -> str | None:
        """Why the agencies folder cannot be read (a file a sync program or a restore left in
        its place), in plain words; None when it can, or none was imported yet. agencies() and
        damaged_agencies() are then empty, which is not the owner having trusted none."""
        return self.requests.trust.unreadable_folder()

    def agency_change(self, path: str | Path) -> AgencyChange:
        """What importing an agency file would change (nothing is imported): ask the owner
        before a replacement (AgencyChange.replaces)."""
        try:
            return self.requests.trust.change(Path(path))
        except TrustStoreError as exc:
            raise Refusal(str(exc)) from None

    def import_agency(self, path: str | Path, replace: bool = False,
                      shown: Agency | None = None) -> AgencyChange:
        """Import an agency file. Replacing a trusted agency's details (keys, phone, portal,
        ...) is refused unless `replace`; `shown` is the agency the owner confirmed."""
        try:
            return self.requests.trust.import_file(Path(path), replace, shown)
        except TrustStoreFailure as exc:   # not written, or not recorded: no refusal
            raise AgentError(str(exc)) from None
        except TrustStoreError as exc:
            raise Refusal(str(exc)) from None

    def file_kind(self, path: str | Path) -> str | None:
        """"request" when the file at `path` is a signed footage request, "agency" when it is an
        agency file, else None: where one was given for the other, the app says where it goes."""
        return file_kind(str(path))

    def damaged_agencies(self) -> list[DamagedAgencyFile]:
        """Agency files that no longer validate, which agencies() leaves out."""
        return [DamagedAgencyFile(name, problem, is_copy(problem), is_unaccepted(problem),
                                  by_newer_version(problem))
                for name, problem in self.requests.trust.damaged()]

    def remove_agency(self, agency_id: str) -> bool:
        """Stop trusting an agency and forget its registrations; False when it was not there."""
        try:
            return self.requests.trust.remove(agency_id)
        except TrustStoreError as exc:
            raise AgentError(str(exc)) from None

    def registrations(self) -> dict[str, list[str]]:
        """Agency id -> the registration ids kept for it."""
        try:
            return self.requests.trust.registrations()
        except TrustStoreError as exc:
            raise AgentError(str(exc)) from None

    # activity log --------------------------------------------------------------------------
    def _log_change(self, event: str, **data) -> None:
        """Record a change the owner made (settings, recordings folders, masks) in the log."""
        record_change(self.home, event, AgentError, **data)

    def activity(self) -> list[LogRecord]:
        """Every record of the activity log, oldest first."""
        try:
            return [_record(r) for r in AuditLog(self.home).entries()]
        except AuditError as exc:
            raise AgentError(str(exc)) from None

    def verify_activity(self, witnesses=()) -> AuditReport:
        """Check that no line of the activity log was changed, removed or reordered, that none
        was cut off the end (against the signed seal) and, for each head an agency was sent
        in a decision (`witnesses`, frp.decision.LogHead), that the log still holds it."""
        try:
            return AuditLog(self.home).verify(witnesses)
        except AuditError as exc:
            raise AgentError(str(exc)) from None


def _record(rec: dict) -> LogRecord:
    """A record as AuditLog.entries() gives it (seq, event and data already checked)."""
    at = rec["at"]
    try:
        at_us = parse_rfc3339(at) if isinstance(at, str) else None
    except TimeError:
        at_us = None
    return LogRecord(rec["seq"], str(at), at_us, rec["event"], rec["data"])
