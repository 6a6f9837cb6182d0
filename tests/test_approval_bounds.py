"""A package the portal takes must be one the owner's approval the portal holds covers: for
this request, a camera it approved, inside the window it approved. Against the real reference
portal and its tus server, with packages the real agent made: a home put back from a backup
approving again with another camera, and a package of one request submitted for another."""
from __future__ import annotations

import shutil
import sqlite3

import httpx

from agent.export.bagtar import tar_package
from agent.identity.keys import OwnerKey
from agent.requests.agencies import TrustStore
from agent.timebase import US
from frp.decision import Approved, make_decision
from tests.portal_support import (decision, deliver, make_clip, package_tar, post_decision,
                                  request_of)
from tests.test_requests_e2e import flow, footage, new_request  # noqa: F401


def uploads_made(portal) -> int:
    """How many tus uploads the portal ever let start (each counted on creation)."""
    with sqlite3.connect(portal.db_path) as conn:
        count = conn.execute("SELECT COUNT(*) FROM uploads").fetchone()[0]
    conn.close()
    return count


def _restore(home, backup) -> None:
    shutil.rmtree(home)
    shutil.copytree(backup, home)


def _porch_delivered_then_backup_restored(portal, run, reg) -> str:
    """A request whose porch was approved and delivered after a backup of the home was made,
    the backup then put back: its id."""
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    (item,) = run.json("inbox")
    jti = item["id"]
    backup = run.home.parent / "backup"
    shutil.copytree(run.home, backup)
    code, _, err = run("approve", "--camera", "porch", "--yes", "--progress", "none", "--", jti)
    assert code == 0, err
    _restore(run.home, backup)
    return jti


def test_a_home_put_back_from_a_backup_cannot_deliver_a_camera_the_agency_was_never_approved(
        flow):
    """The owner approved porch; the home put back from a backup made before shows the request
    as new, and approving it with yard took the portal's 409 already_decided for its own
    approval: yard's footage was uploaded and the portal kept it with a receipt, though the
    decision it holds approves porch alone."""
    portal, server, run, reg = flow
    jti = _porch_delivered_then_backup_restored(portal, run, reg)

    code, _, err = run("approve", "--camera", "yard", "--yes", "--progress", "none", "--", jti)
    assert code == 3, err
    subs = portal.submissions()
    assert [s["package"] for s in subs if "yard" in (s["package"] or "")] == []
    assert len(subs) == 1   # porch's, from the approval the portal holds
    assert uploads_made(portal) == 1   # yard's was refused before a byte of it was sent
    assert "Example Police Department holds an approval of this request" in err
    assert "yard" in err and "nothing of it was kept" in err
    assert "Approving again cannot change that" in err and "approve it again" not in err
    assert run.json("inbox", "show", "--", jti)["status"] == "failed"
    assert len(list((portal.state_dir / "received").glob("*.tar"))) == 1   # porch's alone


def test_a_package_made_for_one_request_is_refused_as_another_requests(flow):
    """Two requests of one registration, both approved: the package the agent made for the
    first, uploaded and submitted for the second, was taken with a receipt for the second."""
    portal, server, run, reg = flow
    first = new_request(portal, reg, case="2026-77")
    second = new_request(portal, reg, case="2026-78")
    assert run("inbox", "sync")[0] == 0
    ids = {i["case"]: i["id"] for i in run.json("inbox")}
    code, _, err = run("approve", "--camera", "porch", "--yes", "--progress", "none", "--",
                       ids["2026-77"])
    assert code == 0, err
    # The tar sent is let go of once receipted: its folder packed again is the same bytes.
    (package,) = [p for p in (run.home / "packages").glob("*/*") if (p / "bagit.txt").is_file()]
    tar = tar_package(package, run.home / "again.tar").path
    key = OwnerKey.load(run.home)
    (record,) = TrustStore(run.home).registration_records()
    with httpx.Client() as client:
        jti, token = decision(portal, second, key)
        assert post_decision(client, server.origin, record.token, jti, token).status_code == 204
        r = deliver(client, server.origin, record.token, jti, tar.read_bytes())
    assert r.status_code == 409, r.text
    assert r.json()["error"] == "outside_approval"
    assert "another request" in r.json()["detail"]
    assert [s["request"] for s in portal.submissions()] == [ids["2026-77"]]
    assert jti != ids["2026-77"] and first != second


def test_a_package_wider_than_the_approval_the_portal_holds_is_refused(flow):
    """The portal holds an approval of porch for the request's first 3 s (made from a copy of
    this home); approving here the whole request took the portal's 409 already_decided as its
    own approval, and porch's whole window and yard's were both taken with a receipt."""
    portal, server, run, reg = flow
    token = new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    key = OwnerKey.load(run.home)
    (record,) = TrustStore(run.home).registration_records()
    req = request_of(portal, token)
    approved = Approved(req.window_start_us, req.window_start_us + 3 * US, ("porch",))
    with httpx.Client() as client:
        assert post_decision(client, server.origin, record.token, req.id, make_decision(
            req, key.sign, key.public.jwk(), "approve", approved=approved)).status_code == 204

    code, _, err = run("approve", "--yes", "--progress", "none", "--", req.id)
    assert code == 3, err
    assert portal.submissions() == []
    assert list((portal.state_dir / "received").glob("*.tar")) == []
    assert "holds an approval of this request other than the one made here" in err
    assert "does not cover the package for porch" in err   # its whole window: wider


def test_a_home_put_back_from_a_backup_approving_the_same_camera_again_sends_no_second_package(
        flow):
    """The owner approved porch and it was delivered; the home put back from a backup made
    before approved porch again: its package (sealed anew, other bytes) was taken with a
    second receipt, two differing packages of one camera for one request at the agency."""
    portal, server, run, reg = flow
    jti = _porch_delivered_then_backup_restored(portal, run, reg)
    (first,) = portal.submissions()

    code, _, err = run("approve", "--camera", "porch", "--yes", "--progress", "none", "--", jti)
    assert code == 3, err
    assert portal.submissions() == [first]
    assert uploads_made(portal) == 1   # refused before a byte of it was sent
    assert len(list((portal.state_dir / "received").glob("*.tar"))) == 1
    assert "Example Police Department received a package for porch for this request " \
           "already" in err and "nothing of it was kept" in err
    assert "Approving again cannot change that" in err and "approve it again" not in err
    assert run.json("inbox", "show", "--", jti)["status"] == "failed"


def test_the_same_package_in_a_new_upload_gets_its_receipt_and_another_of_the_camera_none(
        flow, tmp_path):
    """The portal keeps one package per camera and request: the same bytes again in a new
    upload (the first answer lost, the agent's record of the upload gone) get the receipt
    they had, and nothing more is kept; a package of the camera sealed anew is refused."""
    portal, server, run, reg = flow
    token = new_request(portal, reg)
    key = OwnerKey.load(run.home)
    (record,) = TrustStore(run.home).registration_records()
    clip = make_clip(tmp_path)
    first = package_tar(key, clip, tmp_path / "a", request=token).read_bytes()
    again = package_tar(key, clip, tmp_path / "b", name="case-7_porch", request=token)
    with httpx.Client() as client:
        jti, approval = decision(portal, token, key)
        assert post_decision(client, server.origin, record.token, jti, approval).status_code == 204
        r1 = deliver(client, server.origin, record.token, jti, first)
        r2 = deliver(client, server.origin, record.token, jti, first)
        assert r1.status_code == r2.status_code == 201, r2.text
        assert r2.json()["receipt"] == r1.json()["receipt"]
        r3 = deliver(client, server.origin, record.token, jti, again.read_bytes())
    assert r3.status_code == 409 and r3.json()["error"] == "already_received", r3.text
    assert len(portal.submissions()) == 1
    assert len(list((portal.state_dir / "received").glob("*.tar"))) == 1


def test_declining_from_a_backup_a_request_a_copy_delivered_says_the_agency_has_the_footage(
        flow):
    """The owner approved porch and it was delivered; the home put back from a backup made
    before declined the request: it read 'declined ... (not sent: ...'s portal refused (HTTP
    409): the agency already received a package for this request; the approval stands)', a
    portal's words with nothing saying where that approval came from or what to do."""
    portal, server, run, reg = flow
    jti = _porch_delivered_then_backup_restored(portal, run, reg)

    code, _, err = run("decline", "--reason", "changed my mind", "--", jti)
    assert "Example Police Department already received footage for this request" in err
    assert "from another copy of this app's folder" in err
    assert "so that approval stands and your decline was not taken" in err   # never approved here
    assert "Ask the agency if you want that footage deleted" in err and "HTTP 409" not in err
    assert portal.decision(jti).decision == "approve" and len(portal.submissions()) == 1
    assert run("inbox", "sync")[0] == 0   # not sent again, nothing more said
    assert portal.decision(jti).withdrawn is None
    # read later, the request says so too, not a bare "declined (changed my mind)"
    shown = run("inbox", "show", "--", jti)[1]
    assert "The agency did not take this decline: Example Police Department already received " \
           "footage for this request" in shown
    told = run.json("inbox", "show", "--", jti)["decision"]
    assert told["sent_at"] is None and "already received footage" in told["error"]
