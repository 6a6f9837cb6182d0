"""The portal reads every clip it receives by the clip's own sample tables and refuses (422
footage_outside_approval, nothing kept) a package holding footage the owner's approval does
not cover: frames or sound past the approved window, whatever provenance.json claims, or a
file that is no part of a package. A modified agent signing with the pinned key could
otherwise deliver more than was approved, the portal trusting its record. Real portal over
HTTP, real packages signed by the pinned key, real H.264 clips."""
from __future__ import annotations

import time
from dataclasses import replace

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.audit.log import AuditLog
from agent.identity.keys import OwnerKey
from agent.timebase import US
from frp.decision import Approved, make_decision
from frp.jws import parse_compact
from frp.times import format_utc
from portal import api
from portal.server import PortalServer
from portal.state import Portal
from tests.portal_support import (deliver, make_clip, package_tar, post_decision,
                                  register_http, request_of)
from tests.test_requests_e2e import flow, footage, new_request  # noqa: F401

NOW_US = int(time.time()) * US
CAMERA = "Front door"


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    """(a 1 s clip, a 3 s clip), 10 frames a second."""
    folder = tmp_path_factory.mktemp("clips")
    (folder / "long").mkdir()
    return make_clip(folder), make_clip(folder / "long", seconds=3)


@pytest.fixture
def approved(tmp_path):
    """A portal holding the owner's approval of the request's first 2 s for the one camera:
    (portal, origin, client, owner key, bearer, request token, approved start)."""
    portal = Portal.init(tmp_path / "portal", "Example Police Department",
                         "https://police.example.gov", "+1-206-555-0100")
    owner = OwnerKey(Ed25519PrivateKey.generate())
    with PortalServer(portal.state_dir) as server, httpx.Client(timeout=30) as client:
        reg = register_http(client, server.origin, portal, owner)
        token = portal.create_request(reg["registration"], NOW_US - 7200 * US,
                                      NOW_US - 3600 * US, "2026-1", "Det. Jane Roe")
        req = request_of(portal, token)
        start = req.window_start_us
        approval = make_decision(req, owner.sign, owner.public.jwk(), "approve",
                                 approved=Approved(start, start + 2 * US, (CAMERA,)))
        assert post_decision(client, server.origin, reg["token"], req.id,
                             approval).status_code == 204
        yield portal, server.origin, client, owner, reg["token"], token, start


def window(start_us: int, end_us: int) -> dict:
    return {"start": format_utc(start_us), "end": format_utc(end_us)}


def says(start_us: int, frames: int = 10) -> dict:
    """provenance.json's windows for a clip of `frames` at 10 a second from the approved
    start: approved the 2 s, delivered those frames."""
    return {"approved": window(start_us, start_us + 2 * US),
            "delivered": {**window(start_us, start_us + (frames - 1) * US // 10),
                          "frames": frames}}


def refused(portal, r: httpx.Response) -> str:
    """The refusal's detail, once shown to be a 422 that kept nothing."""
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "footage_outside_approval"
    assert portal.submissions() == []
    received = portal.state_dir / "received"
    assert not received.exists() or not any(received.iterdir())
    return r.json()["detail"]


def test_a_clip_whose_frames_run_past_the_approved_window_is_refused_whatever_it_claims(
        approved, clips, tmp_path):
    """A 3 s clip sealed with a record saying it holds 1 s (10 frames) inside the 2 s the
    owner approved: taken with a receipt, as the portal read only the record."""
    portal, origin, client, owner, bearer, token, start = approved
    tar = package_tar(owner, clips[1], tmp_path / "p", request=token, says=says(start))
    detail = refused(portal, deliver(client, origin, bearer, token_id(token),
                                     tar.read_bytes()))
    assert "data/front.mp4" in detail
    assert "10 frames lie outside the approved window" in detail, detail
    assert format_utc(start + 2 * US) in detail and "nothing of it was kept" in detail


def test_a_file_that_is_no_part_of_a_package_is_refused(approved, clips, tmp_path):
    """A recording sent as one more output of the package, listed and hashed like the clip
    (a package holds its clips, its record, the request and the owner's key, nothing more)."""
    portal, origin, client, owner, bearer, token, start = approved
    tar = package_tar(owner, clips[0], tmp_path / "p", request=token, says=says(start),
                      extra={"data/recording.ts": b"G" * 188 * 4})
    detail = refused(portal, deliver(client, origin, bearer, token_id(token),
                                     tar.read_bytes()))
    assert "data/recording.ts" in detail and "no part of a package" in detail, detail


def test_a_clip_inside_the_approval_is_taken(approved, clips, tmp_path):
    portal, origin, client, owner, bearer, token, start = approved
    tar = package_tar(owner, clips[0], tmp_path / "p", request=token, says=says(start))
    r = deliver(client, origin, bearer, token_id(token), tar.read_bytes())
    assert r.status_code == 201, r.text
    (row,) = portal.submissions()
    checks = {c["name"]: c for c in row["checks"]}
    assert checks["package_valid"]["ok"], checks["package_valid"]


def token_id(token: str) -> str:
    return parse_compact(token).claims["jti"]


def test_the_owner_is_told_the_agency_refused_footage_outside_the_approval(flow, monkeypatch):
    """The owner's side of the refusal. A genuine agent's check before sealing never lets such
    a clip out, so the portal's finding is made for this package (the real check's result
    with one clip's frames found outside): the owner read 'portal refused (HTTP 422)' and the
    portal's words, exit 1, as if approving again could help."""
    portal, server, run, reg = flow
    real = api.check_arrival
    found = "data/porch.mp4: 3 frames lie outside the approved window"
    monkeypatch.setattr(api, "check_arrival",
                        lambda *a, **k: replace(real(*a, **k), beyond=found))
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    (item,) = run.json("inbox")
    code, _, err = run("approve", "--camera", "porch", "--yes", "--progress", "none", "--",
                       item["id"])
    assert code == 3, err
    assert "Example Police Department's portal found footage in the package for porch " \
           "outside the window you approved" in err
    assert "approving again would send the same package" in err and "HTTP 422" not in err
    assert portal.submissions() == []
    assert run.json("inbox", "show", "--", item["id"])["status"] == "failed"
    (said,) = [r for r in AuditLog(run.home).entries() if r["data"].get("status") == "refused"]
    assert said["event"] == "upload" and found in said["data"]["reason"]
