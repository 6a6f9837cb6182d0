"""The agency the token fuzz target trusts, made the same way every run so the corpus seeds
(real tokens written by make_corpus.py) keep verifying: a fixed key, a fixed clock."""
from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.requests.agencies import TrustStore
from agent.requests.registrations import Registration
from frp.jws import public_jwk
from portal.signers import sign_request

AGENCY_ID = "https://police.example.gov"
PORTAL = "https://frp.police.example.gov"
UPLOAD = PORTAL + "/files"
REGISTRATION = "reg-fuzz"
NOW = 1_790_000_000  # the clock both the seeds and the target use, so seeds never expire
# A published, throw-away key: fuzzing needs tokens that verify, never secrecy.
KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"footage-agent fuzz agency").digest())
JWK = public_jwk(KEY)


def agency_doc() -> dict:
    """The trust-store file of the fuzz agency."""
    return {"frp": 1, "id": AGENCY_ID, "name": "Fuzz Police Department",
            "phone": "+1-206-555-0100", "portal": PORTAL + "/v1", "upload_origins": [PORTAL],
            "keys": {"keys": [JWK]}, "max_window_s": 43200}


def trust_store() -> TrustStore:
    """A trust store in a fresh temporary home holding only the fuzz agency."""
    home = Path(tempfile.mkdtemp(prefix="fuzz-agency-"))
    (home / "agency.json").write_text(json.dumps(agency_doc()))
    store = TrustStore(home / "home")
    store.add(home / "agency.json")
    store.keep_registration(Registration(AGENCY_ID, REGISTRATION))
    return store


def sign(claims: dict) -> str:
    """A compact JWS of `claims`, signed by the fuzz agency."""
    return sign_request(claims, KEY, JWK["kid"])
