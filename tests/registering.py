"""Registering in tests: through the real portal (an invite, a registration token signed by the
owner key, the portal pinning it), the way an owner does it, so every test that decides or
delivers does so with a pinned key."""
from __future__ import annotations

from pathlib import Path

from agent.identity.keys import OwnerKey
from agent.requests.agencies import TrustStore
from agent.requests.registrations import Registration
from frp.registration import Camera, Contact
from frp.registration_token import make_registration_token
from portal.invites import create_invite
from portal.registry import Registered
from portal.state import Portal

HOME_ADDRESS = "1200 Elm Street, Seattle"


def cameras(*names: str) -> tuple[Camera, ...]:
    """Cameras at the test home, by name."""
    return tuple(Camera(n, address=HOME_ADDRESS, lat=47.61, lon=-122.33) for n in names)


def invite(portal: Portal, name: str = "Owner") -> str:
    """A fresh invite code of `portal`."""
    return create_invite(portal.db_path, name, "owner@example.com").code


def register_key(portal: Portal, key: OwnerKey, names: tuple[str, ...] = ("Front door",),
                 now: float | None = None) -> Registered:
    """Register `key` with `portal` directly (no HTTP): the portal's answer."""
    token = make_registration_token(key.sign, key.public.jwk(), portal.agency_id, "register",
                                    invite=invite(portal), contact=Contact("Owner"),
                                    cameras=cameras(*names), now=now)
    return portal.registry.register(token.encode(), now=now)


def keep(home: Path, agency_id: str, done: Registered, key: OwnerKey | None = None,
         names: tuple[str, ...] = ()) -> None:
    """Keep a portal's answer in an agent home's trust store (the agency file is imported)."""
    TrustStore(home).keep_registration(Registration(
        agency_id, done.registration, done.token, key.public.owner_id() if key else None,
        Contact("Owner"), cameras(*names), done.certificate))


def enrol(home: Path, portal: Portal, names: tuple[str, ...] = ("Front door",)) -> Registered:
    """Register the owner key of an agent home with `portal` and keep the answer there, as
    `agencies register` would (the agency file must be imported already)."""
    key = OwnerKey.load_or_create(home)
    done = register_key(portal, key, names)
    keep(home, portal.agency_id, done, key, names)
    return done


def keep_unpinned(home: Path, agency_id: str, registration: str, token: str | None = None) -> None:
    """A registration kept without a pinned key: for tests whose portal is a fake."""
    TrustStore(home).keep_registration(Registration(agency_id, registration, token))
