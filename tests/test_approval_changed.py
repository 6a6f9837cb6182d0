"""Approving again with other choices after a delivery stopped while the footage was cut, before
anything of it left this PC (docs/protocol.md, "Changing an approval"): the camera that could not
be cut is left out, or the cut mode changed, and the cameras already cut are sent as they are.
Once the signed decision may have reached the agency, the approval stands as it was. Against the
real reference portal on loopback, through `footage-agent`; real footage written with PyAV."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.audit.log import AuditLog
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from agent.owner_records import LogRecord
from agent.requests import portal_retries
from agent.timebase import format_utc
from demo.samples import make_recordings
from gui.views import activity
from tests.test_requests_e2e import T0, flow, new_request  # noqa: F401 (flow: a fixture)

# 1.5 s inside porch's keyframes (every second) and between yard's (every 4 s): copy mode cuts
# porch and finds no keyframe of yard, which only the cut finds out.
TRIM = ("--from", format_utc(T0 + 1_200_000), "--to", format_utc(T0 + 2_700_000))


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec")
    make_recordings(root / "porch", "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0)
    make_recordings(root / "yard", "blue-iris", "yard", T0, 2, 4.0, fps=10, gop_s=4.0)
    return root


def _stopped_at_yard(portal, run, reg) -> str:
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    (jti,) = [r["id"] for r in run.json("inbox")]
    code, _, err = run("approve", *TRIM, "--yes", "--progress", "none", "--", jti)
    assert code != 0 and "nothing of yard can be cut" in err, err   # named, and what to do
    assert "approve it again without that camera" in err and "to resume" not in err, err
    shown = run.json("inbox", "show", "--", jti)
    assert shown["status"] == "failed" and [d["camera"] for d in shown["deliveries"]] == ["porch"]
    assert portal.decision(jti) is None   # nothing left this PC
    return jti


def _cuts(run, camera: str) -> int:
    return len([r for r in AuditLog(run.home).entries() if r["event"] == "export"
                and r["data"].get("camera") == camera and "clip_sha256" in r["data"]])


def test_a_camera_that_could_not_be_cut_can_be_left_out(flow):
    """Seen: yard had no keyframe in a 1.5 s trim (copy mode); porch's package was made, then
    the request stayed `failed`: approving again stopped at yard every time, and approving porch
    alone was refused ('already approved with other choices'), so the owner could only
    decline, though porch's footage was fine."""
    portal, _, run, reg = flow
    jti = _stopped_at_yard(portal, run, reg)
    (porch,) = run.json("inbox", "show", "--", jti)["deliveries"]

    # masks off for a camera with none (as the app says it) is the same package
    code, _, err = run("approve", "--camera", "porch", "--no-masks", "--yes", "--progress",
                       "none", "--", jti)
    assert code == 0, err
    shown = run.json("inbox", "show", "--", jti)
    assert shown["status"] == "delivered"
    (sent,) = shown["deliveries"]
    assert sent["camera"] == "porch" and sent["package"] == porch["package"]   # kept, not cut again
    assert _cuts(run, "porch") == 1
    approved = portal.decision(jti).approved
    assert approved["cameras"] == ["porch"]   # the agency is told what was approved in the end
    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
    (changed,) = [r for r in AuditLog(run.home).entries()
                  if r["event"] == "approve" and r["data"]["status"] == "changed"]
    assert changed["data"]["cameras"] == ["porch"]
    shown = LogRecord(changed["seq"], changed["at"], None, "approve", changed["data"])
    assert activity.what(shown) == "Approval changed before anything was sent"   # not "stopped"


def test_the_cut_mode_can_be_changed_and_what_was_cut_before_is_not_sent(flow, spanish):
    from gui.views.core_words import in_owner_language

    portal, _, run, reg = flow
    jti = _stopped_at_yard(portal, run, reg)
    said = in_owner_language(run.json("inbox", "show", "--", jti)["reason"])
    assert said.startswith("no se puede recortar nada de yard") and "sin esa cámara" in said, said
    assert "Inicio exacto puede encontrar" in said, said   # the cut's own reason, in turn
    (before,) = run.json("inbox", "show", "--", jti)["deliveries"]

    code, _, err = run("approve", "--mode", "exact", "--yes", "--progress", "none", "--", jti)
    assert code == 0, err
    shown = run.json("inbox", "show", "--", jti)
    assert shown["status"] == "delivered"
    assert sorted(d["camera"] for d in shown["deliveries"]) == ["porch", "yard"]
    assert not Path(before["package"]).exists()   # cut in copy mode: removed, never sent
    assert _cuts(run, "porch") == 2
    assert sorted(portal.decision(jti).approved["cameras"]) == ["porch", "yard"]
    assert all(s["ok"] for s in portal.submissions())


def test_once_the_decision_may_have_reached_the_agency_the_approval_stands(flow, monkeypatch,
                                                                          spanish):
    from gui.views.core_words import in_owner_language

    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    portal, server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    (jti,) = [r["id"] for r in run.json("inbox")]
    server.stop()   # the decision is signed, and its answer never comes
    code, _, err = run("approve", "--camera", "porch", "--camera", "yard", "--mode", "exact",
                       "--yes", "--progress", "none", "--", jti)
    assert code == 1, err
    assert run.json("inbox", "show", "--", jti)["status"] == "failed"

    # the same cameras in another order are the same approval: resumed (the portal still down)
    code, _, err = run("approve", "--camera", "yard", "--camera", "porch", "--mode", "exact",
                       "--yes", "--progress", "none", "--", jti)
    assert code == 1 and "other choices" not in err, err
    code, _, err = run("approve", "--camera", "porch", "--yes", "--progress", "none", "--", jti)
    assert code == 3 and "already approved with other choices" in err, err
    assert "may have reached the agency" in err and "decline the request" in err
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())
    assert said.startswith("esta solicitud ya se aprobó") and "ya no se puede cambiar" in said, said
    shown = run.json("inbox", "show", "--", jti)
    assert shown["status"] == "failed" and len(shown["deliveries"]) == 2
