"""The trust store read once for a pass over many requests (the inbox listed, each request
checked again): an inbox of hundreds of requests from one agency otherwise read and parsed
that agency's file twice for each of them."""
from __future__ import annotations

from frp.agency import Agency


class TrustSnapshot:
    """What a trust store says, each answer read from it the first time it is asked and kept
    for this pass (frp.request.Agencies). A failure to read is not kept: it is raised again."""

    def __init__(self, trust) -> None:
        self._trust = trust
        self._got: dict[str, Agency | None] = {}
        self._listed: list[Agency] | None = None
        self._registrations: dict[str, list[str]] | None = None

    def get(self, agency_id: str) -> Agency | None:
        """The agency with exactly this id, if imported (TrustStore.get)."""
        if agency_id not in self._got:
            self._got[agency_id] = self._trust.get(agency_id)
        return self._got[agency_id]

    def list(self) -> list[Agency]:
        """Every trusted agency (TrustStore.list)."""
        if self._listed is None:
            self._listed = self._trust.list()
        return self._listed

    def registrations(self) -> dict[str, list[str]]:
        """Agency id -> the registration ids held for it (TrustStore.registrations)."""
        if self._registrations is None:
            self._registrations = self._trust.registrations()
        return self._registrations
