"""The trust store: agencies the owner imported, and the registrations the owner holds with
them (agent/requests/registrations.py). Which file in its folder is an agency's, and which
are usable, is read in agency_files.py.

An agency file is the only place a request's signer, call-back phone, upload origins and
registration CA come from; nothing in a request can add to it. Registration tokens are secrets
and live in a 0600 file that nothing here ever prints.
"""
from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path

from agent.audit.changes import record_change
from agent.config import ConfigError, ensure_home
from agent.permissions import make_folder
from agent.file_kinds import saved_agency
from agent.identity.keys import private_key_file
from agent.os_words import plain_home_error, plain_os_error
from agent.requests.agency_changes import (
    AgencyChange,
    ReplaceRefused,
    TrustStoreError,
    TrustStoreFailure,
    look_alike,
    moves_tokens,
    shared_key,
)
from agent.requests.agency_files import AgencyFiles
from agent.requests.registrations import RegistrationsFile
from agent.requests.trust_registrations import HeldRegistrations
from agent.requests.trust_pins import (
    PINNED_EVENT,
    Pins,
    accepted_pins,
    canonical,
    key_at_hand,
    write_pins,
)
from agent.storage import read_file_start, write_atomic
from frp.agency import MAX_FILE_BYTES, Agency, AgencyError, agency_doc
from frp.text import one_line


# Signing what the owner trusts takes the owner key (agent/requests/trust_pins.py).
KEY_LOCKED = ("trusting an agency is signed with your owner key, which is locked by its "
              "passphrase; nothing was imported: unlock it (in the app, or set "
              "FOOTAGE_AGENT_PASSPHRASE) and import the file again")


def trusted_in(home: Path) -> list[Agency]:
    """The agencies trusted in `home`, read as they are, making nothing: a home that is not
    there (a detective's computer, where `verify` runs) trusts none."""
    return TrustStore(home).list() if Path(home).is_dir() else []


class TrustStore(HeldRegistrations, AgencyFiles):
    """Agencies under `<home>/agencies/`, registrations in `<home>/registrations.json` (0600)."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.folder = self.home / "agencies"
        self._regs = RegistrationsFile(self.home / "registrations.json")
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"TrustStore({str(self.home)!r})"

    def _ensure(self) -> None:
        try:
            ensure_home(self.home)
            make_folder(self.folder)   # a file in its place said as one, not "already exists"
        except ConfigError as exc:
            raise TrustStoreFailure(str(exc)) from None
        except OSError as exc:
            raise TrustStoreFailure("cannot create the agencies folder: "
                                  + plain_home_error(exc, str(self.folder))) from None

    def add(self, path: Path, replace: bool = False) -> Agency:
        """Validate an agency file and import it (see import_file)."""
        return self.import_file(path, replace).agency

    def change(self, path: Path) -> AgencyChange:
        """What importing this agency file would change, without importing it."""
        agency = self._read_file(Path(path))
        with self._lock:
            return self._change(agency)

    def import_file(self, path: Path, replace: bool = False,
                    shown: Agency | None = None) -> AgencyChange:
        """Validate an agency file and import it. A file for an agency trusted already with
        other details (keys, phone, portal, ...) replaces it only with `replace`, else
        ReplaceRefused; its registrations are forgotten when the new file would send their
        bearer token to another origin. `shown`: the agency the owner confirmed (change()),
        refused if the file no longer says that."""
        agency = self._read_file(Path(path))
        if shown is not None and agency_doc(agency) != agency_doc(shown):
            raise TrustStoreError(f"the agency file {Path(path).name} changed since it was "
                                  "shown to you; nothing was imported: import it again")
        data = json.dumps(agency_doc(agency), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        with self._lock:
            change = self._change(agency)
            if change.before is not None and not change.replaces:
                if self.get(agency.id) is not None:
                    return change   # the same file again: nothing to write or log
                change = dataclasses.replace(change, restored=True)
            if change.replaces and not replace:
                raise ReplaceRefused(change)
            if private_key_file(self.home).exists() and key_at_hand(self.home) is None:
                raise TrustStoreError(KEY_LOCKED)
            pins = self._pins()
            if pins.newer:   # signed over, the newer version's record would be lost
                raise TrustStoreError(f"{pins.problem}; nothing was imported")
            self._ensure()
            # The registrations go first: a change stopped between the two writes (a crash,
            # a full disk) must never leave a bearer token kept for the new file's portal.
            if change.forgotten:
                self._write_regs([r for r in self._read_regs() if r.agency_id != agency.id])
            try:
                write_atomic(self._file(agency.id), data, 0o600)
            except OSError as exc:
                raise TrustStoreFailure("cannot save the agency: "
                                      + plain_home_error(exc, str(self.folder))) from None
            # The record says the import is pinned (so pins gone later are seen to be gone),
            # and goes first: in a new home it makes the owner key the pins are signed with.
            try:
                self._log_import(change)
            except TrustStoreFailure:   # "the change was made" (not recorded): so it is, the
                self._pin(agency.id, canonical(agency), said=True)   # file trusted, not left
                raise                                                # as never accepted
            self._pin(agency.id, canonical(agency), said=True)
        return change

    def _pin(self, agency_id: str, doc: dict | None, said: bool = False) -> None:
        """Sign the accepted agencies again with this one's content (None: without it)."""
        key = key_at_hand(self.home)
        if key is None:
            if doc is None:
                return   # a removal needs no key: its file is gone, so nothing is trusted
            raise TrustStoreError(KEY_LOCKED)
        pins = self._pins()
        if pins.newer:
            return   # left as it is (a removal: its file is gone, so nothing is trusted)
        docs = {k: v for k, v in pins.docs.items() if k != agency_id}
        if doc is not None:
            docs[agency_id] = doc
        try:
            write_pins(self.home, key, docs)
        except OSError as exc:
            raise TrustStoreFailure("cannot keep the agencies you accept: "
                                  + plain_os_error(exc, str(self.home))) from None
        if pins.missing and not said:
            self._log(PINNED_EVENT, agencies=sorted(docs))

    def _pins(self) -> Pins:
        """The agencies the owner accepted (trust_pins.accepted_pins)."""
        def on_disk():
            return [self._parse(p) for p in sorted(self.folder.glob("*.json"))] \
                if self.folder.is_dir() else []
        return accepted_pins(self.home, on_disk, self._log)

    def accepted(self, agency_id: str) -> Agency | None:
        """The agency as the owner last accepted it, whatever its file now says."""
        return self._pins().accepted(agency_id)

    def _change(self, agency: Agency) -> AgencyChange:
        before = self.get(agency.id) or self.accepted(agency.id)
        if before is None or agency_doc(before) != agency_doc(agency):
            trusted = self.list()
            look_alike(agency, before, trusted)
            shared_key(agency, trusted)
        if before is None or not moves_tokens(before, agency):
            return AgencyChange(agency, before)
        held = tuple(r.id for r in self._read_regs() if r.agency_id == agency.id)
        return AgencyChange(agency, before, held)

    def _read_file(self, path: Path) -> Agency:
        try:
            raw = read_file_start(path, MAX_FILE_BYTES + 1)   # a named pipe: said, not waited on
        except OSError as exc:
            raise TrustStoreError(f"cannot read the agency file: {plain_os_error(exc, str(path))}") \
                from None
        if len(raw) > MAX_FILE_BYTES:
            raise TrustStoreError(f"the agency file {path.name} is larger than 256 KiB; "
                                  "that is not an agency file")
        try:   # as saved on Windows too: a byte-order mark, UTF-16
            return saved_agency(raw)
        except AgencyError as exc:   # named: the owner may have picked the wrong download
            raise TrustStoreError(f"{one_line(path.name)}: {exc}") from None

    def _log_import(self, change: AgencyChange) -> None:
        agency, before = change.agency, change.before
        was = {} if before is None else {
            "before": list(before.fingerprints()), "before_phone": before.phone,
            "before_portal": before.portal, "before_upload_origins": list(before.upload_origins),
            "registrations_forgotten": list(change.forgotten)}
        self._log("agency-added" if before is None else "agency-replaced", agency=agency.id,
                  name=agency.name, phone=agency.phone, fingerprints=list(agency.fingerprints()),
                  portal=agency.portal, pinned=True, **was,
                  **({"restored": True} if change.restored else {}))

    def _log(self, event: str, **data) -> None:
        # Every change to whom the owner trusts is in the activity log (never a token).
        record_change(self.home, event, TrustStoreFailure, **data)

    def remove(self, agency_id: str) -> bool:
        """Forget an agency and its registrations; False when it was not there."""
        with self._lock:
            path = self._file(agency_id) if isinstance(agency_id, str) else None
            if path is None or not path.is_file():
                return False
            # Its registrations go first: a removal stopped between the two (a crash, a full
            # disk) leaves the agency listed, to remove again, never its registrations kept
            # unseen, to come back when it is added again.
            regs = self._read_regs()
            kept = [r for r in regs if r.agency_id != agency_id]
            if len(kept) != len(regs):
                self._write_regs(kept)
            try:
                path.unlink()
            except OSError as exc:
                raise TrustStoreFailure("cannot remove the agency file: "
                                      + plain_os_error(exc, str(path))) from None
            self._log("agency-removed", agency=agency_id)
            self._pin(agency_id, None)
        return True
