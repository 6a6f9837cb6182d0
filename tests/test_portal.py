"""The reference agency portal: CLI, FRP/1 API over real loopback HTTP(S), tus upload of a real
package tar, receipts the agent accepts, submission checks, and surviving a restart."""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import signal
import ssl
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import imageio_ffmpeg
import pytest
import trustme

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.identity.keys import OwnerKey
from agent.requests.agencies import TrustStore
from agent.timebase import US
from frp.agency import parse_agency
from frp.decision import Approved, make_decision, verify_receipt
from frp.registration import Contact
from frp.registration_token import make_registration_token
from frp.request import verify_request
from portal import cli
from portal.checks import check_arrival
from portal.errors import PortalError
from portal.server import PortalServer
from portal.state import Portal
from tests.portal_support import package_tar as answering_package
from tests.portal_support import request_of
from tests.registering import cameras, keep, register_key

AGENCY_ID = "https://police.example.gov"
CLI = [sys.executable, "-m", "portal.cli"]
NOW_US = int(time.time()) * US
START, END = NOW_US - 7200 * US, NOW_US - 3600 * US


# --- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def owner(tmp_path_factory) -> OwnerKey:
    return OwnerKey.load_or_create(tmp_path_factory.mktemp("owner"))


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """A 1 s 320x240 H.264 clip."""
    work = tmp_path_factory.mktemp("package")
    clip = work / "clip.mp4"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=10", "-t", "1", "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", str(clip)], check=True, timeout=60)
    return clip


@pytest.fixture
def portal(tmp_path) -> Portal:
    return Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                       "+1-206-555-0100")


@pytest.fixture
def server(portal):
    with PortalServer(portal.state_dir) as srv:
        yield srv


@pytest.fixture
def client():
    with httpx.Client(timeout=10, follow_redirects=False) as c:
        yield c


@dataclasses.dataclass(frozen=True)
class RegisteredAnswer:
    """The portal's JSON answer to a registration."""

    registration: str
    token: str
    certificate: str


def pair(done) -> tuple[str, str]:
    """(registration id, bearer token) of a portal's answer."""
    return done.registration, done.token


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def new_request(portal: Portal, reg: str, **kw) -> str:
    kw.setdefault("cameras", ("Front door",))
    return portal.create_request(reg, kw.pop("start", START), kw.pop("end", END), "2026-001234",
                                 "Det. Jane Roe", **kw)


def stranger() -> OwnerKey:
    """Some other owner's key."""
    return OwnerKey(Ed25519PrivateKey.generate())


def owner_side(home: Path, portal: Portal, done) -> TrustStore:
    """The agent's trust store after importing this portal's agency.json and keeping the
    portal's answer to a registration."""
    store = TrustStore(home)
    store.add(portal.state_dir / "agency.json")
    keep(home, AGENCY_ID, done)
    return store


def decide(store: TrustStore, owner: OwnerKey, request_token: str, decision="approve",
           tweak=None) -> tuple[object, str]:
    req = verify_request(request_token, store, None, seen=lambda iss, jti: False)
    target = tweak(req) if tweak else req
    approved = Approved(START, END, ("Front door",)) if decision == "approve" else None
    return req, make_decision(target, owner.sign, owner.public.jwk(), decision,
                              reason="ok" if decision == "approve" else "no footage",
                              approved=approved)


def post_decision(client, server, token, jti, body, ctype="application/jose"):
    return client.post(f"{server.origin}/v1/requests/{jti}/decision", content=body,
                       headers={**auth(token), "Content-Type": ctype})


def submit(client, server, token, jti, url, data: bytes):
    return client.post(f"{server.origin}/v1/requests/{jti}/submissions", headers=auth(token),
                       json={"upload_url": url, "sha256": hashlib.sha256(data).hexdigest(),
                             "size": len(data), "package": "case-7_front"})


# --- CLI ----------------------------------------------------------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).parents[1])


def test_cli_init_serve_invite_register_request_and_poll(tmp_path, client, owner):
    folder = tmp_path / "cli-portal"
    done = run_cli("init", str(folder), "--name", "Example PD", "--id", AGENCY_ID,
                   "--phone", "+1-206-555-0100", "--max-window-s", "7200")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for secret in ("agency.key", "registration-ca.key", "portal.db"):
        assert stat.S_IMODE((folder / secret).stat().st_mode) == 0o600, secret
    assert Portal(folder).kid in done.stdout
    again = run_cli("init", str(folder), "--name", "X", "--id", AGENCY_ID, "--phone", "1")
    assert again.returncode == 1 and "never overwritten" in again.stderr

    proc = subprocess.Popen(CLI + ["serve", str(folder), "--port", "0", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).parents[1])
    try:
        first = proc.stdout.readline()
        assert first.startswith("Serving http://127.0.0.1:"), first + proc.stderr.read()
        origin = first.split()[1]
        assert str(folder / "agency.json") in proc.stdout.readline()
        doc = json.loads((folder / "agency.json").read_text())
        agency = parse_agency(doc)
        assert agency.upload_origins == (origin,) and agency.portal == origin + "/v1"
        assert agency.max_window_s == 7200 and agency.fingerprints() == (Portal(folder).kid,)
        assert agency.registration_ca == (folder / "registration-ca.pem").read_text()
        assert run_cli("register", str(folder)).returncode == 2   # no keyless registrations

        made = run_cli("invite", "create", str(folder), "--name", "Ann Owner", "--email",
                       "ann@example.com", "--expires", "3", "--json")
        assert made.returncode == 0, made.stderr
        invite = json.loads(made.stdout)
        assert invite["code"].startswith("inv-") and len(invite["code"]) == 30
        assert invite["code"] not in (folder / "portal.db").read_bytes().decode("latin-1")
        token = make_registration_token(owner.sign, owner.public.jwk(), AGENCY_ID, "register",
                                        invite=invite["code"], contact=Contact("Ann Owner"),
                                        cameras=cameras("Front door", "Garage"))
        r = client.post(origin + "/v1/registrations", content=token,
                        headers={"Content-Type": "application/jose"})
        assert r.status_code == 201, r.text
        reg = r.json()
        listed = run_cli("registrations", str(folder), "--json")
        (row,) = json.loads(listed.stdout)
        assert row["owner_id"] == owner.public.owner_id() and row["contact"] == {
            "name": "Ann Owner"} and [c["name"] for c in row["cameras"]] == ["Front door", "Garage"]
        assert reg["token"] not in listed.stdout
        made = run_cli("request", "create", str(folder), "--registration", reg["registration"],
                       "--from", "2026-01-01T10:00:00+01:00", "--to", "2026-01-01T10:30:00Z",
                       "--case", "C-9", "--requester", "Det. Roe", "--camera", "Front door",
                       "--legal-basis", "warrant", "--emergency", "--json")
        assert made.returncode == 0, made.stderr
        created = json.loads(made.stdout)
        other = run_cli("request", "create", str(folder), "--registration", reg["registration"],
                        "--from", "2026-01-01T10:00:00Z", "--to", "2026-01-01T10:30:00Z",
                        "--case", "C-9", "--requester", "Det. Roe", "--camera", "Back yard")
        assert other.returncode == 1 and "has no camera named 'Back yard'" in other.stderr
        r = client.get(origin + "/v1/requests", headers=auth(reg["token"]))
        assert r.status_code == 200 and r.json()["requests"] == [created["token"]]
        store = owner_side(tmp_path / "home", Portal(folder), RegisteredAnswer(**reg))
        req = verify_request(created["token"], store, None, seen=lambda i, j: False)
        assert (req.id, req.case_number, req.legal_basis, req.emergency) == \
            (created["jti"], "C-9", "warrant", True)
        assert req.upload_endpoint == origin + "/files" and req.cameras == ("Front door",)

        too_long = run_cli("request", "create", str(folder), "--registration",
                           reg["registration"], "--from", "2026-01-01T00:00:00Z", "--to",
                           "2026-01-01T03:00:00Z", "--case", "C", "--requester", "R")
        assert too_long.returncode == 1 and "at most 7200 s" in too_long.stderr
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Stopped." in out


# --- polling ----------------------------------------------------------------------------------

def test_poll_needs_token_sees_only_its_registration_and_cursor_advances(portal, server, client):
    reg_a, tok_a = pair(register_key(portal, stranger()))
    reg_b, tok_b = pair(register_key(portal, stranger()))
    a1, b1 = new_request(portal, reg_a), new_request(portal, reg_b)
    url = server.origin + "/v1/requests"

    for headers in ({}, auth("not-a-token"), {"Authorization": f"Basic {tok_a}"}):
        r = client.get(url, headers=headers)
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"
        assert r.headers["content-type"] == "application/json"

    r = client.get(url, headers=auth(tok_a))
    assert r.status_code == 200 and r.json()["requests"] == [a1]
    cursor = r.json()["cursor"]
    assert client.get(url, headers=auth(tok_b)).json()["requests"] == [b1]

    r = client.get(url, params={"after": cursor}, headers=auth(tok_a))
    assert r.json() == {"requests": [], "cursor": cursor}
    a2 = new_request(portal, reg_a, message="second")
    r = client.get(url, params={"after": cursor}, headers=auth(tok_a))
    assert r.json()["requests"] == [a2] and r.json()["cursor"] != cursor
    assert client.get(url, params={"after": "x'"}, headers=auth(tok_a)).status_code == 400
    assert client.get(server.origin + "/v1/nothing", headers=auth(tok_a)).status_code == 404
    assert client.post(url, headers=auth(tok_a)).status_code == 405


def test_throttle_answers_503_with_retry_after_then_recovers(portal, server, client):
    reg, tok = pair(register_key(portal, stranger()))
    server.throttle(2, retry_after=3)
    for _ in range(2):
        r = client.get(server.origin + "/v1/requests", headers=auth(tok))
        assert r.status_code == 503 and r.headers["Retry-After"] == "3"
        assert r.json()["error"] == "busy"
    assert client.get(server.origin + "/v1/requests", headers=auth(tok)).status_code == 200


def test_create_request_refuses_what_agents_would_reject(portal):
    reg, _ = pair(register_key(portal, stranger()))
    with pytest.raises(PortalError, match="not known yet"):
        Portal(portal.state_dir).create_request(reg, START, END, "C", "R")  # no agency.json
    origin = "http://127.0.0.1:9"
    with pytest.raises(PortalError, match="at most 43200 s"):
        portal.create_request(reg, START - 86400 * US, END, "C", "R", origin=origin)
    with pytest.raises(PortalError, match="in the future"):
        portal.create_request(reg, NOW_US + 3600 * US, NOW_US + 7200 * US, "C", "R", origin=origin)
    with pytest.raises(PortalError, match="no active registration"):
        portal.create_request("reg-unknown", START, END, "C", "R", origin=origin)
    with pytest.raises(PortalError, match="case number"):
        portal.create_request(reg, START, END, " ", "R", origin=origin)
    with pytest.raises(PortalError, match="twice"):   # agents refuse it (trust hunt 2)
        portal.create_request(reg, START, END, "C", "R", origin=origin,
                              cameras=("Front door", "Front door"))
    with pytest.raises(PortalError, match="1 to 1099511627776 bytes"):   # agents refuse it
        portal.create_request(reg, START, END, "C", "R", origin=origin, max_bytes=(1 << 40) + 1)
    portal.write_trust_document(origin)   # as `serve` writes it: what request_of trusts
    assert request_of(portal, portal.create_request(reg, START, END, "C", "R", origin=origin,
                                                    max_bytes=1 << 40)).upload_max_bytes == 1 << 40


# --- decisions --------------------------------------------------------------------------------

def test_decision_is_verified_stored_once_and_bad_ones_refused(portal, server, client, owner,
                                                                home):
    done = register_key(portal, owner)
    reg, tok = pair(done)
    other_reg, other_tok = pair(register_key(portal, stranger()))
    store = owner_side(home, portal, done)
    t1, t2, t3 = (new_request(portal, reg) for _ in range(3))
    req1, good = decide(store, owner, t1)

    assert post_decision(client, server, other_tok, req1.id, good).status_code == 404
    assert post_decision(client, server, tok, "no-such-request", good).status_code == 404
    assert post_decision(client, server, tok, req1.id, good, "application/json").status_code == 415
    head, claims, sig = good.split(".")
    forged = f"{head}.{claims}.{sig[:10]}{'A' if sig[10] != 'A' else 'B'}{sig[11:]}"
    r = post_decision(client, server, tok, req1.id, forged)
    assert r.status_code == 400 and r.json()["error"] == "bad_signature"
    r = post_decision(client, server, tok, req1.id, b"x" * (64 * 1024 + 1))
    assert r.status_code == 413 and r.json()["error"] == "too_large"

    r = post_decision(client, server, tok, req1.id, good)
    assert r.status_code == 204 and r.content == b""
    again = post_decision(client, server, tok, req1.id, good)
    assert again.status_code == 409 and again.json()["error"] == "already_decided"

    req2, mismatched = decide(store, owner, t2, tweak=lambda q: dataclasses.replace(
        q, sha256=hashlib.sha256(b"another token").hexdigest()))
    r = post_decision(client, server, tok, req2.id, mismatched)
    assert r.status_code == 400 and r.json()["error"] == "wrong_request"
    wide = dataclasses.replace(req2, window_start_us=START - 60 * US)
    wider = make_decision(wide, owner.sign, owner.public.jwk(), "approve",
                          approved=Approved(START - 60 * US, END, ("Front door",)))
    r = post_decision(client, server, tok, req2.id, wider)
    assert r.status_code == 400 and r.json()["error"] == "window_outside_request"
    _, for_req2 = decide(store, owner, t2)
    r = post_decision(client, server, tok, verify_request(t3, store, None, lambda i, j: False).id,
                      for_req2)
    assert r.status_code == 400 and r.json()["error"] == "wrong_request"

    req3, decline = decide(store, owner, t3, decision="decline")
    assert post_decision(client, server, tok, req3.id, decline).status_code == 204
    rows = {d["request"]: d for d in portal.decisions()}
    assert set(rows) == {req1.id, req3.id}
    assert rows[req1.id]["decision"] == "approve" and rows[req3.id]["decision"] == "decline"
    assert rows[req1.id]["owner_id"] == owner.public.owner_id()
    assert rows[req1.id]["approved"]["cameras"] == ["Front door"]
    assert rows[req3.id]["reason"] == "no footage"


# --- upload, submission, receipt, checks, restart ---------------------------------------------

def test_upload_submission_receipt_checks_and_restart(portal, server, client, owner, home,
                                                       clip, tmp_path, capsys):
    done = register_key(portal, owner)
    reg, tok = pair(done)
    store = owner_side(home, portal, done)
    token = new_request(portal, reg)
    undecided = new_request(portal, reg)
    req, decision = decide(store, owner, token)
    package_tar = answering_package(owner, clip, tmp_path / "package", request=token)
    data = package_tar.read_bytes()

    # Before approval nothing may be uploaded or submitted.
    r = client.post(server.origin + "/files", headers={
        **auth(tok), "Tus-Resumable": "1.0.0", "Upload-Length": "10",
        "Upload-Metadata": "request " + base64.b64encode(req.id.encode()).decode()})
    assert r.status_code == 409
    assert post_decision(client, server, tok, req.id, decision).status_code == 204
    unapproved = verify_request(undecided, store, None, lambda i, j: False).id
    r = submit(client, server, tok, unapproved, server.origin + "/files/x", data)
    assert r.status_code == 409 and r.json()["error"] == "not_approved"

    # tus needs the bearer token.
    assert client.post(server.origin + "/files", headers={
        "Tus-Resumable": "1.0.0", "Upload-Length": "10"}).status_code == 401
    # A full upload in chunks, with an interruption: HEAD tells where to resume.
    meta = "request " + base64.b64encode(req.id.encode()).decode()
    r = client.post(server.origin + "/files", headers={
        **auth(tok), "Tus-Resumable": "1.0.0", "Upload-Length": str(len(data)),
        "Upload-Metadata": meta})
    upload_url = r.headers["Location"]
    assert upload_url.startswith(server.origin + "/files/")
    r = client.patch(upload_url, content=b"junk", headers={
        **auth(tok), "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": "sha256 " + base64.b64encode(hashlib.sha256(b"other").digest()).decode()})
    assert r.status_code == 460  # checksum mismatch: nothing written
    r = client.patch(upload_url, content=b"junk", headers={
        **auth(tok), "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream"})
    assert r.status_code == 400  # every chunk must carry its checksum
    chunk = 4096
    first = data[:chunk]
    assert client.patch(upload_url, content=first, headers={
        **auth(tok), "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": "sha256 " + base64.b64encode(hashlib.sha256(first).digest()).decode()
    }).status_code == 204
    r = submit(client, server, tok, req.id, upload_url, data)
    assert r.status_code == 409 and r.json()["error"] == "upload_incomplete"
    other_reg, other_tok = pair(register_key(portal, stranger()))
    assert client.head(upload_url, headers={**auth(other_tok), "Tus-Resumable": "1.0.0"}
                       ).status_code == 404
    offset = int(client.head(upload_url, headers={**auth(tok), "Tus-Resumable": "1.0.0"}
                             ).headers["Upload-Offset"])
    assert offset == chunk
    while offset < len(data):
        part = data[offset:offset + chunk]
        assert client.patch(upload_url, content=part, headers={
            **auth(tok), "Tus-Resumable": "1.0.0", "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + base64.b64encode(hashlib.sha256(part).digest()).decode()
        }).status_code == 204
        offset += len(part)

    r = submit(client, server, tok, req.id, upload_url, data)
    assert r.status_code == 201, r.text
    receipt = r.json()["receipt"]
    claims = verify_receipt(receipt, store.get(AGENCY_ID), hashlib.sha256(data).hexdigest(), req.id)
    assert claims["size"] == len(data)
    assert submit(client, server, tok, req.id, upload_url, data).json()["receipt"] == receipt
    assert submit(client, server, tok, req.id, "https://elsewhere.example/files/x",
                  data).status_code == 400

    # Terminating the tus upload afterwards does not touch the package the portal kept.
    assert client.delete(upload_url, headers={**auth(tok), "Tus-Resumable": "1.0.0"}
                         ).status_code == 204

    # The `submissions` command lists the checks made when the package arrived.
    assert cli.main(["submissions", str(portal.state_dir), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["ok"] and all(c["ok"] for c in row["checks"]
                             if c["name"] != "content_credentials"), row["checks"]
    assert {c["name"] for c in row["checks"]} == {
        "package_valid", "owner_signature", "owner_pinned", "tar_sha256",
        "owner_matches_decision", "content_credentials"}
    # This package's clip was made without Content Credentials: recorded, advisory.
    (cc,) = [c for c in row["checks"] if c["name"] == "content_credentials"]
    assert cc == {"name": "content_credentials", "ok": False, "advisory": True,
                  "detail": "data/front.mp4: the clip carries no Content Credentials"}
    assert row["signer"] == owner.public.owner_id()
    raw_key, sha = owner.public.raw, row["sha256"]
    lied = {c.name: c.ok for c in check_arrival(package_tar, raw_key, sha, "0" * 64,
                                                owner.public.owner_id()).checks}
    assert lied == {"package_valid": True, "owner_signature": True, "owner_pinned": True,
                    "tar_sha256": False, "owner_matches_decision": True,
                    "content_credentials": False}
    other = check_arrival(package_tar, stranger().public.raw, sha, sha, "someone")
    assert not other.pinned and not other.ok
    assert {c.name for c in other.checks if not c.ok and not c.advisory} == {
        "owner_pinned", "owner_matches_decision"}

    # Restart on the same folder: nothing is lost, the new origin is published.
    old_origin = server.origin
    server.stop()
    with PortalServer(portal.state_dir) as again:
        doc = json.loads((portal.state_dir / "agency.json").read_text())
        assert doc["upload_origins"] == [again.origin]
        r = client.get(again.origin + "/v1/requests", headers=auth(tok))
        assert r.json()["requests"] == [token, undecided]
        assert post_decision(client, again, tok, req.id, decision).status_code == 409
        moved = upload_url.replace(old_origin, again.origin)
        assert submit(client, again, tok, req.id, moved, data).json()["receipt"] == receipt
    assert [d["request"] for d in Portal(portal.state_dir).decisions()] == [req.id]

    # Listing never reads the kept packages again (issue 15): it shows what was found when
    # each arrived, even with the file gone.
    Path(row["file"]).unlink()
    assert cli.main(["submissions", str(portal.state_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [row]


def test_tls_origin_and_poll_over_https(tmp_path, portal, client):
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(server_ctx)
    reg, tok = pair(register_key(portal, stranger()))
    with PortalServer(portal.state_dir, ssl_context=server_ctx) as srv:
        assert srv.origin.startswith("https://127.0.0.1:")
        doc = parse_agency(json.loads((portal.state_dir / "agency.json").read_text()))
        assert doc.portal == srv.origin + "/v1" and doc.upload_origins == (srv.origin,)
        token = new_request(portal, reg)
        client_ctx = ssl.create_default_context()
        ca.configure_trust(client_ctx)
        with httpx.Client(verify=client_ctx, timeout=10) as tls:
            r = tls.get(srv.origin + "/v1/requests", headers=auth(tok))
            assert r.status_code == 200 and r.json()["requests"] == [token]
        with pytest.raises(httpx.ConnectError):  # an untrusted certificate is not accepted
            client.get(srv.origin + "/v1/requests", headers=auth(tok))
