"""FRP/1 as a second, independent implementer reads docs/protocol.md: every token here is
signed, and every call made, with `cryptography`, base64 and json alone (not frp/), against
the real reference portal on 127.0.0.1 and the agent's own request verifier. Where the doc
leaves a choice open (JSON spacing, an offset other than Z, hex in capitals), the choice a
stock implementation may make is the one taken."""
from __future__ import annotations

import base64
import datetime
import hashlib
import json
import secrets
import time

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from agent.identity.keys import OwnerKey
from frp.agency import parse_agency
from frp.request import verify_request
from portal.server import PortalServer
from portal.state import Portal
from tests.portal_support import make_clip, package_tar
from tests.registering import invite

AGENCY_ID = "https://police.example.gov"
PACIFIC = datetime.timezone(datetime.timedelta(hours=-8))


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """An Ed25519 key as the doc describes it: its JWK, and its RFC 7638 thumbprint as kid."""

    def __init__(self) -> None:
        self.key = Ed25519PrivateKey.generate()
        x = b64(self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
        self.jwk = {"kty": "OKP", "crv": "Ed25519", "x": x}
        canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"))
        self.kid = b64(hashlib.sha256(canonical.encode()).digest())

    def sign(self, header: dict, claims: dict) -> str:
        """A compact JWS, its JSON written with Python's default spacing (', ', ': ')."""
        head, body = (b64(json.dumps(part).encode()) for part in (header, claims))
        return f"{head}.{body}.{b64(self.key.sign(f'{head}.{body}'.encode()))}"

    def owner_token(self, typ: str, claims: dict) -> str:
        return self.sign({"alg": "EdDSA", "typ": typ, "kid": self.kid, "jwk": self.jwk}, claims)


def pacific(rfc3339: str) -> str:
    """The same instant written at -08:00 (RFC 3339 allows any offset)."""
    dt = datetime.datetime.fromisoformat(rfc3339.replace("Z", "+00:00"))
    return dt.astimezone(PACIFIC).isoformat()


@pytest.fixture
def served(tmp_path):
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=10) as client:
        yield portal, server, client


def register(portal: Portal, origin: str, client: httpx.Client, owner: Signer) -> dict:
    token = owner.owner_token("frp-registration+jwt", {
        "iss": owner.kid, "aud": AGENCY_ID, "action": "register", "jti": secrets.token_hex(16),
        "iat": int(time.time()), "invite": invite(portal).upper(),   # either case, says the doc
        "contact": {"name": "Owner"},
        "cameras": [{"name": "Front door", "address": "1200 Elm Street, Seattle"}]})
    r = client.post(origin + "/v1/registrations", content=token,
                    headers={"Content-Type": "application/jose"})
    assert r.status_code == 201, r.text
    return r.json()


def test_a_request_signed_from_the_doc_alone_is_what_the_agent_reads():
    """A request made from the table (JSON spaced, the window at -08:00 with a fraction of a
    second) verifies, and says the instants it was signed with. Its `typ` is written as RFC
    8725 shows one, `application/frp-request+jwt`, which RFC 7515 says a recipient must read
    as `frp-request+jwt`: the agent rejected it (rule 1)."""
    agency = Signer()
    doc = {"frp": 1, "id": AGENCY_ID, "name": "Example Police Department",
           "phone": "+1-206-555-0100", "portal": "https://frp.police.example.gov/v1",
           "upload_origins": ["https://upload.police.example.gov"],
           "keys": {"keys": [dict(agency.jwk, kid=agency.kid)]}}
    now = int(time.time())
    claims = {"iss": AGENCY_ID, "aud": "reg-1", "jti": "req-1", "iat": now, "exp": now + 3600,
              "case": {"number": "2026-001234"},
              "window": {"start": pacific("2026-03-01T10:00:00.25Z"),
                         "end": pacific("2026-03-01T10:10:00Z")},
              "requester": {"name": "Det. Jane Roe"}, "legal_basis": "voluntary",
              "upload": {"protocol": "tus", "max_bytes": 1 << 30,
                         "endpoint": "https://upload.police.example.gov/files"}}
    token = agency.sign({"alg": "EdDSA", "typ": "application/frp-request+jwt", "kid": agency.kid},
                        claims)

    class Trusted:
        def get(self, agency_id):
            return parse_agency(doc) if agency_id == AGENCY_ID else None

        def list(self):   # rule 2: no other trusted agency lists the signing key
            return [parse_agency(doc)]

    req = verify_request(token, Trusted(), ["reg-1"], seen=lambda iss, jti: False)
    assert (req.window_start_us, req.window_end_us) == (1772359200_250000, 1772359800_000000)


def test_a_decision_at_another_offset_and_in_capitals_is_taken_and_listed_in_utc(served):
    """An approval naming the request's SHA-256 in capitals was refused as another request's
    (400 wrong_request), one whose `typ` had `application/` in front as another type of token
    (400 wrong_type), and one whose window was written at -08:00 was listed to the agency
    so, beside the requests' UTC, as the owner wrote it."""
    portal, server, client = served
    owner = Signer()
    answer = register(portal, server.origin, client, owner)
    end = int(time.time()) - 600
    portal.create_request(answer["registration"], (end - 600) * 1_000_000, end * 1_000_000,
                          "2026-001234", "Det. Jane Roe")
    bearer = {"Authorization": f"Bearer {answer['token']}"}
    (token,) = client.get(server.origin + "/v1/requests", headers=bearer).json()["requests"]
    claims = json.loads(unb64(token.split(".")[1]))
    window = {"start": pacific(claims["window"]["start"]), "end": pacific(claims["window"]["end"])}
    decision = owner.owner_token("Application/FRP-Decision+JWT", {   # RFC 7515: the same type
        "iss": owner.kid, "aud": AGENCY_ID, "request": claims["jti"],
        "request_sha256": hashlib.sha256(token.encode()).hexdigest().upper(),
        "decision": "approve", "approved": {"window": window, "cameras": ["Front door"]},
        "iat": int(time.time())})
    r = client.post(f"{server.origin}/v1/requests/{claims['jti']}/decision", content=decision,
                    headers={**bearer, "Content-Type": "application/jose"})
    assert r.status_code == 204, r.text
    (row,) = portal.decisions()
    assert row["approved"]["window"] == claims["window"]   # the portal's own UTC form


def _create(client: httpx.Client, origin: str, bearer: dict, metadata: dict, size: int):
    meta = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in metadata.items())
    return client.post(origin + "/files", headers={
        **bearer, "Tus-Resumable": "1.0.0", "Upload-Length": str(size), "Upload-Metadata": meta})


def test_the_same_package_sent_again_with_its_sha256_in_capitals_gets_its_receipt(
        served, tmp_path):
    """An upload's `sha256` metadata written in capitals: once the package was received, the
    same bytes sent again (the receipt lost on the way) were refused before a byte was sent
    as another package of the camera (409 already_received), not given the receipt they had.
    A digest that is not hex (base64, as Upload-Checksum writes one) is refused plainly."""
    portal, server, client = served
    owner = Signer()
    answer = register(portal, server.origin, client, owner)
    end = int(time.time()) - 600
    token = portal.create_request(answer["registration"], (end - 600) * 1_000_000,
                                  end * 1_000_000, "2026-001234", "Det. Jane Roe")
    claims = json.loads(unb64(token.split(".")[1]))
    bearer = {"Authorization": f"Bearer {answer['token']}"}
    decision = owner.owner_token("frp-decision+jwt", {
        "iss": owner.kid, "aud": AGENCY_ID, "request": claims["jti"],
        "request_sha256": hashlib.sha256(token.encode()).hexdigest(), "decision": "approve",
        "approved": {"window": claims["window"], "cameras": ["Front door"]},
        "iat": int(time.time())})
    assert client.post(f"{server.origin}/v1/requests/{claims['jti']}/decision", content=decision,
                       headers={**bearer, "Content-Type": "application/jose"}).status_code == 204
    data = package_tar(OwnerKey(owner.key), make_clip(tmp_path), tmp_path / "pkg",
                       request=token).read_bytes()
    digest = hashlib.sha256(data)
    metadata = {"filename": "case.tar", "request": claims["jti"], "camera": "Front door",
                "sha256": digest.hexdigest().upper()}

    receipts = []
    for _ in range(2):
        created = _create(client, server.origin, bearer, metadata, len(data))
        assert created.status_code == 201, created.text
        url = created.headers["Location"]
        sent = client.patch(url, content=data, headers={
            **bearer, "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + base64.b64encode(digest.digest()).decode()})
        assert sent.status_code == 204, sent.text
        r = client.post(f"{server.origin}/v1/requests/{claims['jti']}/submissions",
                        headers=bearer, json={"upload_url": url, "sha256": digest.hexdigest(),
                                              "size": len(data)})
        assert r.status_code == 201, r.text
        receipts.append(r.json()["receipt"])
    assert receipts[0] == receipts[1]
    assert json.loads(unb64(receipts[0].split(".")[1]))["sha256"] == digest.hexdigest()

    as_base64 = {**metadata, "sha256": base64.b64encode(digest.digest()).decode()}
    r = _create(client, server.origin, bearer, as_base64, len(data))
    assert r.status_code == 400 and r.json()["error"] == "bad_metadata", r.text
    assert len(portal.submissions()) == 1
