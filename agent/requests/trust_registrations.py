"""The registrations a trust store holds (`<home>/registrations.json`, 0600): kept, found and
forgotten; TrustStore (agent/requests/agencies.py) holds the agencies they are with."""
from __future__ import annotations

from agent.requests.agency_changes import TrustStoreError, TrustStoreFailure
from agent.requests.registrations import (
    Registration,
    RegistrationsFileError,
    check_registration_id,
    check_secret,
)


class HeldRegistrations:
    """TrustStore's registrations; it gives `_regs` (a RegistrationsFile), `_lock`, `get` and
    `_ensure`."""

    def keep_registration(self, registration: Registration) -> None:
        """Keep a registration (replacing one with the same agency and id) in one atomic write:
        the caller has checked it (the portal answered, the certificate is the agency's)."""
        if self.get(registration.agency_id) is None:
            raise TrustStoreError(f"no agency '{registration.agency_id}' in the trust store; "
                                  "add its file first")
        try:
            check_registration_id(registration.id)
            if registration.token is not None:
                check_secret(registration.token, "portal token")
        except ValueError as exc:
            raise TrustStoreError(str(exc)) from None
        with self._lock:
            regs = [r for r in self._read_regs()
                    if (r.agency_id, r.id) != (registration.agency_id, registration.id)]
            self._write_regs(regs + [registration])

    def forget_registration(self, agency_id: str, registration_id: str) -> bool:
        """Drop a registration (after the portal forgot it); False when it was not kept."""
        with self._lock:
            regs = self._read_regs()
            kept = [r for r in regs if (r.agency_id, r.id) != (agency_id, registration_id)]
            if len(kept) == len(regs):
                return False
            self._write_regs(kept)
        return True

    def registration(self, agency_id: str, registration_id: str) -> Registration | None:
        """One registration kept for an agency, if any."""
        return next((r for r in self.registration_records()
                     if (r.agency_id, r.id) == (agency_id, registration_id)), None)

    def registration_records(self) -> list[Registration]:
        """Every registration kept, by agency id then id."""
        with self._lock:
            return self._read_regs()

    def registrations(self) -> dict[str, list[str]]:
        """Agency id -> the registration ids held for it."""
        out: dict[str, list[str]] = {}
        for r in self.registration_records():
            out.setdefault(r.agency_id, []).append(r.id)
        return out

    def portal_token(self, agency_id: str, registration_id: str) -> str | None:
        """The bearer token for this registration, if one was given."""
        found = self.registration(agency_id, registration_id)
        return found.token if found else None

    def _read_regs(self) -> list[Registration]:
        try:
            return self._regs.read()
        except RegistrationsFileError as exc:
            raise TrustStoreError(str(exc)) from None

    def _write_regs(self, regs: list[Registration]) -> None:
        self._ensure()
        try:
            self._regs.write(regs)
        except RegistrationsFileError as exc:
            raise TrustStoreFailure(str(exc)) from None
