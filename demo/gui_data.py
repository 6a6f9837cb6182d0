"""Sample data for the screenshots and the GUI tests: real footage, a trusted agency the home
registered with (an invite code, at a reference portal run in this process), and a request the
agency signed. Everything is made locally (PyAV, fresh keys); nothing is fetched, and nothing
listens: the portal's API is handed each call by the agent's client directly.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.timebase import US
from agent.views import Camera, Contact
from demo.samples import make_recordings
from frp import jws
from portal.signers import sign_request

AGENCY_ID = "https://police.example.gov"
AGENCY_NAME = "Example City Police Department"
PORTAL_ORIGIN = "https://frp.police.example.gov"


@dataclass(frozen=True)
class SampleWorld:
    home: Path
    recordings: Path
    agency_file: Path
    request_file: Path
    request_id: str
    start_us: int          # first recorded instant
    end_us: int            # last recorded instant
    key: Ed25519PrivateKey
    registration: str      # the home's registration with the agency (requests' `aud`)


def _iso(us: int) -> str:
    return datetime.fromtimestamp(us / US, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def write_footage(root: Path, start_us: int, seconds: float) -> None:
    """Two cameras: 'driveway' (Frigate layout, UTC) and 'porch' (Reolink SD card, Los Angeles
    time) with a two-second gap in the middle of the porch recording."""
    half = seconds / 2
    make_recordings(root / "frigate", "frigate", "driveway", start_us, 2, half)
    porch = root / "reolink"
    make_recordings(porch, "reolink-sd", "porch", start_us, 1, half - 1,
                    zone_name="America/Los_Angeles", encoder="libx264-baseline")
    make_recordings(porch, "reolink-sd", "porch", start_us + int((half + 1) * US), 1, half - 1,
                    zone_name="America/Los_Angeles", encoder="libx264-baseline")
    old = time.time() - 3600   # settled files, not `in-progress`
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(dirpath, name), (old, old))


def agency_doc(key: Ed25519PrivateKey, registration_ca: str | None = None) -> dict:
    doc = {"frp": 1, "id": AGENCY_ID, "name": AGENCY_NAME,
           "phone": "+1-206-555-0100", "portal": PORTAL_ORIGIN + "/v1",
           "upload_origins": ["https://upload.police.example.gov"],
           "keys": {"keys": [jws.public_jwk(key)]}, "max_window_s": 7200}
    if registration_ca is not None:
        doc["registration_ca"] = registration_ca
    return doc


def request_claims(jti: str, start_us: int, end_us: int, now: int, aud: str = "reg-4711",
                   **extra) -> dict:
    claims = {
        "iss": AGENCY_ID, "aud": aud, "jti": jti, "iat": now - 60, "exp": now + 5 * 86400,
        "case": {"number": "2026-118842", "incident": "Package theft from a porch on Elm Street"},
        "window": {"start": _iso(start_us), "end": _iso(end_us)},
        "cameras": ["driveway", "porch"],
        "location": {"lat": 47.61, "lon": -122.33, "radius_m": 150, "address": "1200 Elm Street"},
        "requester": {"name": "Det. Jane Roe", "unit": "North Precinct", "badge": "4471"},
        "legal_basis": "voluntary",
        "message": "A parcel was taken from a porch nearby around this time. Your cameras may "
                   "show the street. Thank you for considering it.",
        "upload": {"protocol": "tus", "endpoint": "https://upload.police.example.gov/files/",
                   "max_bytes": 2_000_000_000},
    }
    claims.update(extra)
    return claims


def sign(key: Ed25519PrivateKey, claims: dict) -> str:
    return sign_request(claims, key, jws.public_jwk(key)["kid"])


def index_footage(home: Path, rec: Path) -> None:
    """Register and index the two sample folders in an agent home."""
    from agent.service import Agent

    agent = Agent(home)
    try:
        agent.add_source(rec / "frigate", camera="driveway", tz="UTC")
        agent.add_source(rec / "reolink", camera="porch", tz="America/Los_Angeles")
        agent.scan()
    finally:
        agent.close()


def make_world(root: Path, home: Path, seconds: float = 8.0, ago_s: int = 3600,
               footage: tuple[Path, int] | None = None) -> SampleWorld:
    """Footage (indexed into `home`), an imported agency with a registration, a request file.

    `footage` = (recordings folder, start) reuses footage written earlier by `write_footage`.
    """
    now = int(time.time())
    if footage is None:
        rec, start = root / "recordings", (now - ago_s) * US
        write_footage(rec, start, seconds)
    else:
        rec, start = footage
    index_footage(home, rec)
    key = Ed25519PrivateKey.generate()
    root.mkdir(parents=True, exist_ok=True)
    registration = register_at_sample_portal(root / "portal", home, key, root / "agency.json")
    end = start + int(seconds * US)
    request_file = root / "request.jws"
    request_file.write_text(sign(key, request_claims("req-2026-0001", start, end, now,
                                                     aud=registration)) + "\n")
    return SampleWorld(home, rec, root / "agency.json", request_file, "req-2026-0001", start, end,
                       key, registration)


def register_at_sample_portal(portal_dir: Path, home: Path, key: Ed25519PrivateKey,
                              agency_file: Path) -> str:
    """Write the agency file (with the portal's registration CA), import it into `home` and
    register there with an invite code, as `agencies register` does: the agent's own code
    signs and checks, the reference portal's API answers, handed each call in process."""
    from agent.requests import registering
    from agent.requests.portal_client import PortalClient
    from agent.service import Agent
    from portal.api import Api
    from portal.invites import create_invite
    from portal.state import Portal
    from portal.tus import open_storage

    portal = Portal.init(portal_dir, AGENCY_NAME, AGENCY_ID, "+1-206-555-0100")
    agency_file.write_text(json.dumps(agency_doc(key, portal.ca().pem), indent=2))
    api = Api(portal, open_storage(portal), PORTAL_ORIGIN)

    def answer(request: httpx.Request) -> httpx.Response:
        done = api.handle(request.method, request.url.raw_path.decode("ascii"),
                          dict(request.headers), request.read())
        return httpx.Response(done.status, headers=done.headers, content=done.body)

    code = create_invite(portal.db_path, "Sam Sample", "sam@example.com").code
    agent = Agent(home)
    try:
        agent.add_agency(agency_file)
        cameras = (Camera("driveway", address="1200 Elm Street", sees="the driveway and the street",
                          retention_days=14),
                   Camera("porch", address="1200 Elm Street", sees="the porch and the sidewalk",
                          retention_days=7))
        with PortalClient(transport=httpx.MockTransport(answer)) as client:
            return registering.register(agent.requests.trust, client, agent.requests.audit,
                                        agent.owner_key(), AGENCY_ID, code,
                                        Contact("Sam Sample", "sam@example.com"), cameras).id
    finally:
        agent.close()
