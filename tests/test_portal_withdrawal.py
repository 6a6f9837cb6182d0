"""A decline after an approve withdraws the approval (protocol.md, "Portal HTTP API"), against
the real reference portal on 127.0.0.1: both tokens kept, the request's unsubmitted uploads
deleted, no upload or submission taken afterwards, and no withdrawal once a package arrived."""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.identity.keys import OwnerKey
from agent.timebase import US
from portal import cli
from portal.server import PortalServer
from portal.state import Portal
from portal.tus import open_storage
from tests.portal_support import (
    auth,
    decision,
    deliver,
    make_clip,
    package_tar,
    post_decision,
    register_http,
    submit,
    upload,
)

AGENCY_ID = "https://police.example.gov"
NOW_US = int(time.time()) * US
TUS = {"Tus-Resumable": "1.0.0"}


@pytest.fixture(scope="module")
def owner() -> OwnerKey:
    return OwnerKey(Ed25519PrivateKey.generate())


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return make_clip(tmp_path_factory.mktemp("clip"))


@pytest.fixture
def tar_bytes(world, owner, clip, tmp_path) -> bytes:
    """The package answering the world's request (the approval covers it)."""
    return package_tar(owner, clip, tmp_path / "pkg", request=world[4]).read_bytes()


@pytest.fixture
def world(tmp_path, owner):
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
        reg = register_http(client, server.origin, portal, owner)
        request = portal.create_request(reg["registration"], NOW_US - 7200 * US,
                                        NOW_US - 3600 * US, "2026-1", "Det. Jane Roe")
        jti, approve = decision(portal, request, owner)
        assert post_decision(client, server.origin, reg["token"], jti, approve).status_code == 204
        yield portal, server.origin, client, reg["token"], request, jti


def test_a_decline_after_an_approve_withdraws_it_and_the_uploads_go(world, owner, tar_bytes,
                                                                     capsys):
    portal, origin, client, bearer, request, jti = world
    finished = upload(client, origin, bearer, jti, tar_bytes).headers["Location"]
    begun = upload(client, origin, bearer, jti, b"").headers["Location"]   # no bytes yet
    approve_token = portal.decision(jti).token

    _, decline = decision(portal, request, owner, "decline")
    assert post_decision(client, origin, bearer, jti, decline).status_code == 204

    kept = portal.decision(jti)
    assert kept.decision == "approve" and kept.token == approve_token   # the approval stays
    assert kept.withdrawn is not None and kept.withdrawn.token == decline.strip()
    # Neither upload is held any more, and neither counts against the request.
    storage = open_storage(portal)
    for url in (finished, begun):
        assert storage.get_upload(url.rsplit("/", 1)[1]) is None
        assert client.head(url, headers=auth(bearer, **TUS)).status_code == 404
    with sqlite3.connect(portal.db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM uploads WHERE jti = ? AND ended_at IS NULL",
                            (jti,)).fetchone()[0] == 0
    # Nothing more is taken for the request: no submission, no new upload.
    r = submit(client, origin, bearer, jti, finished, tar_bytes)
    assert r.status_code == 409 and r.json()["error"] == "approval_withdrawn"
    r = upload(client, origin, bearer, jti, tar_bytes)
    assert r.status_code == 409 and json.loads(r.content)["error"] == "approval_withdrawn"
    assert portal.submissions() == []
    # One withdrawal; no decision after it.
    for again in (decline, decision(portal, request, owner)[1]):
        r = post_decision(client, origin, bearer, jti, again)
        assert r.status_code == 409 and r.json()["error"] == "already_decided"
    (listed,) = portal.decisions()
    assert listed["decision"] == "approve" and listed["withdrawn"]["received_at"]
    assert cli.main(["decisions", str(portal.state_dir)]) == 0
    assert "APPROVE" in (out := capsys.readouterr().out) and "WITHDRAWN" in out


def test_an_approval_cannot_be_withdrawn_once_a_package_arrived(world, owner, tar_bytes):
    portal, origin, client, bearer, request, jti = world
    assert deliver(client, origin, bearer, jti, tar_bytes).status_code == 201
    _, decline = decision(portal, request, owner, "decline")
    r = post_decision(client, origin, bearer, jti, decline)
    assert r.status_code == 409 and r.json()["error"] == "already_delivered"
    assert portal.decision(jti).withdrawn is None and portal.decisions()[0]["withdrawn"] is None
    assert len(portal.submissions()) == 1


def test_a_portal_folder_from_before_withdrawals_gains_their_table(world):
    portal = world[0]
    with sqlite3.connect(portal.db_path) as conn:
        conn.execute("DROP TABLE withdrawals")
    assert Portal(portal.state_dir).decision(world[5]).withdrawn is None
