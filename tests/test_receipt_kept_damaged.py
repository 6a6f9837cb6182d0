"""A camera's receipt kept in inbox.db that no longer checks out (changed by another program or
a damaged disk) while the request's delivery is resumed for another camera: the real reference
portal behind the fault proxy (tests/fault_proxy.py), two cameras, one delivered and one not.
A resumed run must never pass off the kept receipt as checked; it asks the portal for it again
(the portal answers a submission made before with its receipt), and keeps that once checked."""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from agent.audit.log import AuditLog  # noqa: E402
from agent.timebase import US  # noqa: E402
from demo.samples import make_recordings  # noqa: E402
from frp.jws import parse_compact  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.signers import sign_receipt  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.fault_proxy import FaultProxy, Rule  # noqa: E402
from tests.registering import invite  # noqa: E402
from tests.test_delivery_faults import AGENCY_ID, T0  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_requests_e2e import Run  # noqa: E402

CAMERAS = ("porch", "yard")


def two_camera_footage(root: Path) -> Path:
    """A recording of each camera, in its own folder under root."""
    for camera in CAMERAS:
        make_recordings(root / camera, "blue-iris", camera, T0, 1, 4.0, fps=10, gop_s=1.0)
    return root


@contextmanager
def two_camera_world(tmp_path: Path, footage: Path, capsys):
    """The portal served, the proxy in front, a home registered through it with both
    cameras, and one synced request for both: (run, proxy, request id)."""
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    server = PortalServer(portal.state_dir).start()
    proxy = FaultProxy(server.origin)
    try:
        run = Run(tmp_path / "home", capsys)
        doc = tmp_path / "agency.json"
        doc.write_text(json.dumps(portal.trust_document(proxy.origin)))
        assert run("scan", *(str(footage / c) for c in CAMERAS), "--tz", "UTC")[0] == 0
        assert run("agencies", "add", str(doc))[0] == 0
        code, out, err = run("agencies", "register", AGENCY_ID, "--invite", invite(portal),
                             "--name", "Ann Owner", "--camera", "porch", "--camera", "yard",
                             "--address", "1200 Elm Street", "--json")
        assert code == 0, err
        reg = json.loads(out)["registration"]
        portal.create_request(reg, T0, T0 + 3 * US, "2026-77", "Det. Jane Roe",
                              cameras=CAMERAS, origin=proxy.origin)
        assert run("inbox", "sync")[0] == 0
        (jti,) = [r["id"] for r in run.json("inbox")]
        yield run, proxy, jti
    finally:
        proxy.close()
        server.stop()


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    return two_camera_footage(tmp_path_factory.mktemp("rec"))


@pytest.fixture
def world(tmp_path, footage, capsys):
    with two_camera_world(tmp_path, footage, capsys) as made:
        yield made


def approve(run: Run, jti: str) -> tuple[int, str, str]:
    return run("approve", "--yes", "--progress", "none", "--", jti)


def receipts(run: Run, jti: str) -> dict[str, dict]:
    return {d["camera"]: d for d in run.json("inbox", "show", "--", jti)["deliveries"]}


def test_a_kept_receipt_that_no_longer_checks_out_is_asked_for_again(world):
    """Seen: porch delivered (its receipt kept), yard's submission not answered (a portal
    asking to wait an hour); porch's kept receipt then changed in inbox.db (here re-signed
    with a key not the agency's). Approving again ended 'delivered porch: ... (receipt
    checked)', exit 0, the request delivered, while `inbox show` said 'delivered, but its
    stored receipt does not check out: ... it is not signed with one of Example Police
    Department's keys'. The run now reads each kept receipt again first: one that does not
    check out is dropped and asked for again."""
    run, proxy, jti = world
    proxy.rules.append(Rule("POST", "/submissions", status=503, headers={"Retry-After": "3600"},
                            body=b'{"error": "unavailable", "detail": "maintenance"}',
                            when=lambda body: b"_yard_" in body))
    code, _, err = approve(run, jti)
    assert code == 1 and "busy or down" in err, err
    kept = receipts(run, jti)
    assert kept["porch"]["receipt"] and not kept["yard"]["receipt"], kept

    claims = parse_compact(kept["porch"]["receipt_token"]).claims
    forged = sign_receipt(claims, Ed25519PrivateKey.generate().sign, "not-the-agencys-key")
    with sqlite3.connect(run.home / "inbox.db") as db:
        assert db.execute("UPDATE deliveries SET receipt = ? WHERE camera = 'porch'",
                          (forged,)).rowcount == 1
    assert receipts(run, jti)["porch"]["receipt_problem"], "the damage is seen by inbox show"

    proxy.rules.clear()   # the portal is back
    submitted = proxy.count("POST", "/submissions")
    code, out, err = approve(run, jti)
    assert code == 0, err
    now = receipts(run, jti)
    assert all(d["receipt"] and d["receipt_problem"] is None for d in now.values()), now
    assert now["porch"]["receipt_token"] != forged
    assert proxy.count("POST", "/submissions") == submitted + 2   # porch's asked again
    assert proxy.count("POST", "/files") == 2   # nothing uploaded again
    (dropped,) = [r["data"] for r in AuditLog(run.home).entries()
                  if r["event"] == "receipt" and r["data"].get("status") == "unchecked"]
    assert dropped["camera"] == "porch" and "not signed with one of" in dropped["reason"]
    assert dropped["token"] == forged   # nothing kept is lost: the log holds what was dropped


def test_the_activity_log_says_a_kept_receipt_was_asked_for_again(spanish):
    """Its record is not 'Receipt received' (the record of the event's other records), and
    its reason reads in the owner's language."""
    from agent.views import LogRecord
    from gui.views import activity
    record = LogRecord(1, "2026-12-08T02:15:50Z", T0, "receipt", {
        "camera": "porch", "status": "unchecked",
        "reason": "it is not signed with one of Example Police Department's keys"})
    _, what, detail = activity.row(record, "UTC")
    assert what == "El recibo guardado ya no es válido: se volvió a pedir", what
    assert "Motivo: no está firmado con ninguna de las claves de" in detail, detail
