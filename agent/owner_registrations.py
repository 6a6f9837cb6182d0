"""The owner's registrations as Agent methods: whether an agency can be registered with,
registering with an invite code, changing or ending a registration, rotating the owner key, and
the registrations held with their cameras and certificates.

A mixin of `agent.service.Agent`, which provides `home`, `requests` (the desk: trust store,
portal client, activity log) and `owner_key`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from agent.errors import AgentError, Refusal
from agent.identity.keys import OwnerKey, OwnerKeyError, known_owner_id, private_key_file
from agent.identity.rotation import next_key, rotation_pending
from agent.identity.typed_passphrase import passphrase_for
from agent.requests import key_rotation, registering
from agent.requests.agencies import TrustStoreError
from agent.requests.key_rotation import KeyRotation
from agent.requests.registrations import Registration
from frp.agency import Agency
from frp.certificates import (
    CertificateError,
    CertificateFacts,
    certificate_facts,
    check_owner_certificate,
)
from frp.registration import Camera, Contact


@dataclass(frozen=True)
class RegistrationReadiness:
    """Whether the owner can register with an agency now, and if not, why (in words)."""

    agency_id: str
    ready: bool
    reason: str | None
    registrations: tuple[str, ...]      # ids already held with this agency


@dataclass(frozen=True)
class RegistrationView:
    """One registration held, as the owner sees it (never its token)."""

    agency_id: str
    agency_name: str
    id: str
    owner_id: str | None            # the key the agency pinned; None: an id kept by hand
    contact: Contact | None
    cameras: tuple[Camera, ...]
    certificate: CertificateFacts | None
    certificate_problem: str | None  # why the kept certificate does not check out now
    registered_at: str | None
    updated_at: str | None


class OwnerRegistrations:
    """Registration and key-rotation methods of the Agent."""

    def _passphrase(self) -> bytes | None:
        return passphrase_for(self.home)

    def key_for(self, owner_id: str | None) -> OwnerKey:
        """The owner key with this owner id: the current key, or during a key rotation the
        next one (each registration is answered with the key pinned to it)."""
        current = self.owner_key()
        if owner_id is None or current.public.owner_id() == owner_id:
            return current
        try:
            upcoming = next_key(self.home, self._passphrase())
        except OwnerKeyError as exc:
            raise AgentError(str(exc)) from None
        if upcoming is not None and upcoming.public.owner_id() == owner_id:
            return upcoming
        raise registering.KeyNotHeld(f"this registration is pinned to owner key {owner_id}, "
                                     "which this app does not hold; register again with a new "
                                     "invite code")

    def signing_key(self, agency_id: str, registration_id: str) -> OwnerKey:
        """The key that signs for one registration (decisions, packages)."""
        record = self._trust(lambda t: t.registration(agency_id, registration_id))
        return self.key_for(record.owner_id if record else None)

    def _trust(self, work):
        try:
            return work(self.requests.trust)
        except TrustStoreError as exc:
            raise AgentError(str(exc)) from None

    # reading ---------------------------------------------------------------------------------
    def registration_readiness(self, agency_id: str) -> RegistrationReadiness:
        """Whether the agency's file lets the owner register with it."""
        held = tuple(self._trust(lambda t: t.registrations()).get(agency_id, []))
        try:
            registering.registrable(self.requests.trust, agency_id)
        except Refusal as exc:
            return RegistrationReadiness(agency_id, False, str(exc), held)
        if rotation_pending(self.home):
            return RegistrationReadiness(agency_id, False, "a key rotation is under way; finish "
                                         "it first (rotate the key again)", held)
        return RegistrationReadiness(agency_id, True, None, held)

    def registration_views(self) -> list[RegistrationView]:
        """Every registration held, with its cameras and certificate, by agency then id."""
        agencies = {a.id: a for a in self.requests.trust.list()}
        held = self._held_owner_id()
        return [_view(r, agencies.get(r.agency_id), held)
                for r in self._trust(lambda t: t.registration_records())]

    def _held_owner_id(self) -> str | None:
        """The id of the owner key this home signs with, read without its passphrase; None
        when not known, or during a key rotation (each registration may then be pinned to
        either key, and the next key's file is locked too)."""
        return None if rotation_pending(self.home) else known_owner_id(self.home)

    def key_rotation_pending(self) -> bool:
        """A key rotation was begun and some registration still waits to move."""
        return rotation_pending(self.home)

    # changing --------------------------------------------------------------------------------
    def register(self, agency_id: str, invite: str, contact: Contact,
                 cameras: tuple[Camera, ...] | list[Camera] = ()) -> RegistrationView:
        """Register with an agency using the invite code it sent: the owner key is pinned,
        the contact and cameras are registered, and the certificate kept."""
        if rotation_pending(self.home):
            raise Refusal("a key rotation is under way; finish it first (rotate the key again)")
        desk = self.requests
        record = registering.register(desk.trust, desk.portal, desk.audit, self.owner_key(),
                                      agency_id, invite, contact, tuple(cameras))
        return self._view_of(record)

    def update_registration(self, agency_id: str, registration_id: str | None,
                            contact: Contact,
                            cameras: tuple[Camera, ...] | list[Camera]) -> RegistrationView:
        """Replace what a registration says (contact and cameras); `registration_id` may be
        None when only one registration is held with the agency."""
        desk = self.requests
        record = registering.update(desk.trust, desk.portal, desk.audit, self.key_for,
                                    agency_id, registration_id, contact, tuple(cameras))
        return self._view_of(record)

    def unregister(self, agency_id: str, registration_id: str | None = None) -> str:
        """End a registration: the agency forgets the cameras and the token stops working.
        Returns the registration id ended."""
        desk = self.requests
        return registering.unregister(desk.trust, desk.portal, desk.audit, self.key_for,
                                      agency_id, registration_id).id

    def rotate_key(self) -> KeyRotation:
        """Replace the owner key everywhere it is registered (or resume a rotation that was
        interrupted); the old key is retired only once every registration has moved. A home
        without a key has nothing to replace: Refusal, and no key is made only to be retired."""
        if not private_key_file(self.home).exists() and not rotation_pending(self.home):
            raise Refusal("there is no owner key to change yet: one is made the first time "
                          "this computer signs something ('footage-agent keys show' makes it "
                          "now)")
        desk = self.requests
        try:
            return key_rotation.rotate_key(self.home, desk.trust, desk.portal, desk.audit,
                                           self._passphrase())
        except OwnerKeyError as exc:
            raise AgentError(str(exc)) from None

    def _view_of(self, record: Registration) -> RegistrationView:
        return _view(record, self.requests.trust.get(record.agency_id), self._held_owner_id())


# A registration pinned to a key this home no longer holds: its certificate certifies that key,
# and nothing of the registration can be signed (owner_registrations.key_for refuses).
KEY_NOT_HELD = ("it is for an owner key this PC no longer holds (lost with its passphrase or "
                "its disk, or replaced from another copy of this app's folder), so requests of "
                "this registration cannot be answered: ask the agency for a new invite code to "
                "register again, and to retire this registration")


def _view(r: Registration, agency: Agency | None, held: str | None) -> RegistrationView:
    facts, problem = None, None
    if r.certificate is not None:
        try:
            facts = certificate_facts(r.certificate)
            if agency is None:   # removed, or its file not what the owner accepted (DAMAGED)
                problem = (f"{r.agency_id} is not trusted now (its file was removed, or is not "
                           "what you accepted: see your agencies), so it cannot be checked")
            elif agency.registration_ca is None:
                problem = "the agency's file has no registration CA to check it with"
            elif facts.owner_id != r.owner_id:
                problem = "the certificate is for another key"
            else:
                check_owner_certificate(r.certificate, agency.registration_ca, facts.key,
                                        time.time())
        except CertificateError as exc:
            problem = str(exc)
        if held is not None and r.owner_id not in (None, held):
            problem = KEY_NOT_HELD
    return RegistrationView(r.agency_id, agency.name if agency else r.agency_id, r.id,
                            r.owner_id, r.contact, r.cameras, facts, problem, r.registered_at,
                            r.updated_at)
