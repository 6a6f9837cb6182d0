"""The portal's part of issue 15: a package is checked once, when it arrives, and listing never
reads it again (finding 1); uploads are capped per request and rate-limited per registration,
and every portal database file is 0600 (finding 9)."""
from __future__ import annotations

import base64
import json
import os
import sqlite3
import stat
import time

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import frp.verify
from agent.identity.keys import OwnerKey
from agent.timebase import US
from portal import cli
from portal.server import PortalServer
from portal.state import Portal
from portal.submissions import UploadLimits, note_upload, open_uploads
from tests.portal_support import (
    auth,
    decision,
    deliver,
    make_clip,
    package_tar,
    post_decision,
    register_http,
    upload,
    with_sparse_member,
)

AGENCY_ID = "https://police.example.gov"
NOW_US = int(time.time()) * US


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clip(tmp_path_factory.mktemp("clip"))


@pytest.fixture
def portal(tmp_path) -> Portal:
    return Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                       "+1-206-555-0100")


def approved(portal, origin, client, owner, **kw) -> tuple[dict, str]:
    """A registration of `owner` and the jti of a request of it the owner approved."""
    reg = register_http(client, origin, portal, owner)
    request = portal.create_request(reg["registration"], NOW_US - 7200 * US,
                                    NOW_US - 3600 * US, "2026-1", "Det. Roe", **kw)
    jti, token = decision(portal, request, owner)
    assert post_decision(client, origin, reg["token"], jti, token).status_code == 204
    return reg, jti


def test_a_sparse_package_is_checked_on_arrival_and_listing_never_reads_it(portal, clip,
                                                                           tmp_path, capsys,
                                                                           monkeypatch):
    owner = OwnerKey(Ed25519PrivateKey.generate())
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
        reg, jti = approved(portal, server.origin, client, owner)
        signed = package_tar(owner, clip, tmp_path / "pkg", request=portal.request(jti).token)
        hostile = with_sparse_member(signed, tmp_path / "hostile.tar").read_bytes()
        # Answered at all, so its 1 PiB member was never read (not a clock).
        r = deliver(client, server.origin, reg["token"], jti, hostile)
        assert r.status_code == 201, r.text    # signed by the pinned key: kept, marked
    # Listing works from what was stored: the verifier is not even called.
    monkeypatch.setattr(frp.verify, "verify_package", lambda *a, **k: pytest.fail("read"))
    assert cli.main(["submissions", str(portal.state_dir), "--json"]) == 1
    (row,) = json.loads(capsys.readouterr().out)
    checks = {c["name"]: c for c in row["checks"]}
    assert not row["ok"] and not checks["package_valid"]["ok"]
    assert "declaring 1,125,899,906,842,624 bytes" in checks["package_valid"]["detail"]
    assert checks["owner_pinned"]["ok"] and checks["tar_sha256"]["ok"]
    assert cli.main(["submissions", str(portal.state_dir)]) == 1
    assert "[FAIL] package_valid" in capsys.readouterr().out


def test_uploads_are_capped_per_request_and_rate_limited_per_registration(portal):
    owner = OwnerKey(Ed25519PrivateKey.generate())
    limits = UploadLimits(per_request=3, per_hour=5)
    with PortalServer(portal.state_dir, upload_limits=limits) as server, \
            httpx.Client(timeout=30) as client:
        origin = server.origin
        reg, jti = approved(portal, origin, client, owner, max_bytes=1000)
        bearer = reg["token"]

        first = upload(client, origin, bearer, jti, b"")   # creation only, 0 bytes sent
        big = upload(client, origin, bearer, jti, b"")
        assert first.status_code == 201 and big.status_code == 201
        def create(length: int) -> httpx.Response:
            meta = "request " + base64.b64encode(jti.encode()).decode()
            return client.post(origin + "/files", headers=auth(bearer, **{
                "Tus-Resumable": "1.0.0", "Upload-Length": str(length),
                "Upload-Metadata": meta}))

        r = create(1001)   # more than the request takes at all
        assert r.status_code == 413 and r.headers["content-type"] == "application/json"
        assert r.json()["error"] == "too_large"

        r = create(600)
        assert r.status_code == 201
        r = create(500)                              # 600 + 500 > 1000 (and a 4th upload)
        assert r.status_code in (409, 413)
        # Terminating an upload frees its bytes but not its place in the count.
        term = client.delete(first.headers["Location"], headers=auth(bearer, **{
            "Tus-Resumable": "1.0.0"}))
        assert term.status_code == 204
        r = create(100)
        assert r.status_code == 409 and r.json()["error"] == "too_many_uploads"

        # Another approved request of the same registration: the hourly rate is the limit now.
        request = portal.create_request(reg["registration"], NOW_US - 7200 * US,
                                        NOW_US - 3600 * US, "2026-2", "Det. Roe")
        jti2, token = decision(portal, request, owner)
        assert post_decision(client, origin, bearer, jti2, token).status_code == 204
        statuses = [upload(client, origin, bearer, jti2, b"").status_code for _ in range(3)]
        assert statuses == [201, 201, 429]
        r = upload(client, origin, bearer, jti2, b"")
        assert r.status_code == 429 and r.json()["error"] == "too_many_uploads"
        assert 1 <= int(r.headers["Retry-After"]) <= 3600


def test_api_calls_are_rate_limited_per_registration(portal):
    owner, other = (OwnerKey(Ed25519PrivateKey.generate()) for _ in range(2))
    with PortalServer(portal.state_dir, calls_per_minute=4) as server, \
            httpx.Client(timeout=30) as client:
        mine = register_http(client, server.origin, portal, owner)
        theirs = register_http(client, server.origin, portal, other)
        url = server.origin + "/v1/requests"
        assert [client.get(url, headers=auth(mine["token"])).status_code
                for _ in range(4)] == [200] * 4
        r = client.get(url, headers=auth(mine["token"]))
        assert r.status_code == 429 and r.json()["error"] == "too_many_calls"
        assert 1 <= int(r.headers["Retry-After"]) <= 60
        assert client.get(url, headers=auth(theirs["token"])).status_code == 200


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_every_portal_database_file_is_private(portal, clip, tmp_path):
    owner = OwnerKey(Ed25519PrivateKey.generate())
    old = os.umask(0o022)   # files made without care would be 0644
    try:
        with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
            # Readers held open keep the -wal and -shm files of both databases in place.
            held = [sqlite3.connect(portal.state_dir / name) for name in ("portal.db", "tus.db")]
            try:
                for conn in held:
                    conn.execute("SELECT 1 FROM sqlite_master").fetchall()
                reg, jti = approved(portal, server.origin, client, owner)
                data = package_tar(owner, clip, tmp_path / "pkg",
                                   request=portal.request(jti).token).read_bytes()
                assert deliver(client, server.origin, reg["token"], jti, data).status_code == 201
                found = sorted(p.name for p in portal.state_dir.iterdir()
                               if p.name.endswith((".db", "-wal", "-shm")))
                assert found == ["portal.db", "portal.db-shm", "portal.db-wal", "tus.db",
                                 "tus.db-shm", "tus.db-wal"]
                for name in found:
                    assert _mode(portal.state_dir / name) == 0o600, name
            finally:
                for conn in held:
                    conn.close()
        # A database someone loosened is made private again when the portal opens it.
        os.chmod(portal.db_path, 0o644)
        Portal(portal.state_dir)
        assert _mode(portal.db_path) == 0o600
        for name in ("agency.key", "registration-ca.key"):
            assert _mode(portal.state_dir / name) == 0o600
    finally:
        os.umask(old)


def test_an_upload_being_created_still_counts_and_one_the_store_forgot_no_longer_does(portal):
    # A new upload ends the registration's uploads of the request that the tus store no longer
    # holds (expired, cleaned up), which would hold the request's room for ever; one the store
    # does not hold *yet* (its creation under way: the store makes it after the portal counts
    # it) must still count, or racing creations would each end the other's and pass the limit.
    owner = OwnerKey(Ed25519PrivateKey.generate())
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
        reg, jti = approved(portal, server.origin, client, owner, max_bytes=1000)

        def create(length: int) -> httpx.Response:
            meta = "request " + base64.b64encode(jti.encode()).decode()
            return client.post(server.origin + "/files", headers=auth(reg["token"], **{
                "Tus-Resumable": "1.0.0", "Upload-Length": str(length),
                "Upload-Metadata": meta}))

        note_upload(portal.db_path, "being-created", portal.request(jti), reg["registration"],
                    600, UploadLimits())
        r = create(600)
        assert r.status_code == 413 and r.json()["error"] == "too_large"
        with sqlite3.connect(portal.db_path) as db:   # a day later: it was never made
            db.execute("UPDATE uploads SET created_at = created_at - 86400")
        db.close()
        assert create(600).status_code == 201
        assert "being-created" not in open_uploads(portal.db_path, jti)
