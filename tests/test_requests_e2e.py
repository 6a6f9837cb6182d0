"""The whole request flow over real HTTP on loopback, driven through the `footage-agent` command:
reference portal -> agencies add/register -> inbox sync -> approve part -> package uploaded ->
receipt stored -> the portal's own checks pass. Plus declines, replays, refusals, hostile portals,
a portal outage that approve resumes from, and one run over TLS."""
from __future__ import annotations

import json
import os
import shutil
import ssl
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import trustme
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.audit.log import AuditLog
from agent.cli import main
from agent.delivery import source as upload_source
from agent.delivery import sums as upload_sums
from agent.delivery import upload
from agent.export.bagtar import tar_package
from agent.requests import package_export, portal_retries
from agent.requests import registering
from agent.requests.agencies import TrustStore
from agent.requests.running_deliveries import delivery_lock
from agent.requests.desk import RequestDesk
from agent.service import Agent
from agent.commands.local_time import window
from agent.timebase import US, format_utc
from demo.samples import make_recordings
from frp import jws
from frp.verify import verify_package
from frp.registration import Contact
from portal.server import PortalServer
from portal.state import Portal
from tests.registering import cameras, invite, keep_unpinned

AGENCY_ID = "https://police.example.gov"
T0 = (int(time.time()) - 7200) * US  # footage two hours ago: porch and yard, 8 s each


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec")
    for camera in ("porch", "yard"):   # one folder per camera, named for it
        make_recordings(root / camera, "blue-iris", camera, T0, 2, 4.0, fps=10, gop_s=1.0,
                        audio=True)
    for p in root.glob("*/*"):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


class Run:
    """`footage-agent --home HOME ...` in-process, returning (exit code, stdout, stderr)."""

    def __init__(self, home: Path, capsys) -> None:
        self.home, self.capsys = home, capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--home", str(self.home), *argv])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def json(self, *argv: str):
        at = argv.index("--") if "--" in argv else len(argv)  # ids may start with "-"
        code, out, err = self(*argv[:at], "--json", *argv[at:])
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def flow(tmp_path, footage, capsys):
    """A served portal, an agent home that indexed the footage, imported the agency and
    registered with it."""
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir) as server:
        run = Run(tmp_path / "home", capsys)
        assert run("scan", str(footage / "porch"), str(footage / "yard"), "--tz", "UTC")[0] == 0
        code, out, _ = run("agencies", "add", str(portal.state_dir / "agency.json"))
        assert code == 0 and portal.kid in out  # fingerprints shown for the owner to compare
        code, out, err = run("agencies", "register", AGENCY_ID, "--invite", invite(portal),
                             "--name", "Ann Owner", "--camera", "porch", "--camera", "yard",
                             "--address", "1200 Elm Street", "--retention-days", "30")
        assert code == 0, err
        (reg,) = TrustStore(tmp_path / "home").registrations()[AGENCY_ID]
        yield portal, server, run, reg


def new_request(portal: Portal, reg: str, **kw) -> str:
    kw.setdefault("cameras", ("porch", "yard"))
    return portal.create_request(reg, T0, T0 + 8 * US, kw.pop("case", "2026-77"), "Det. Jane Roe",
                                 **kw)


def only_request(run: Run) -> dict:
    (item,) = run.json("inbox")
    return item


def test_approve_part_of_a_request_delivers_a_receipted_package(flow):
    portal, server, run, reg = flow
    new_request(portal, reg, message="<script>alert('x')</script>\x1b[2J call 555-0199")
    code, _, err = run("inbox", "sync")
    assert code == 0 and "1 new" in err
    item = only_request(run)
    assert set(item) >= {"id", "agency", "case", "window", "status", "received_at", "expires_at"}
    assert item["status"] == "new" and item["agency"] == AGENCY_ID and item["case"] == "2026-77"
    assert item["window"] == {"start": format_utc(T0), "end": format_utc(T0 + 8 * US)}
    jti = item["id"]

    code, out, _ = run("inbox", "show", "--", jti)
    assert "Example Police Department" in out and "+1-206-555-0100" in out
    assert "<script>alert('x')</script>" in out and "\x1b" not in out  # plain text, inert
    # the basis said as the app says it: a bare "voluntary" never said the owner may say no
    assert "Legal basis: voluntary request (no warrant: you may say no)" in out

    code, out, err = run("approve", "--camera", "porch", "--from", format_utc(T0 + US),
                         "--to", format_utc(T0 + 6 * US), "--yes", "--json", "--", jti)
    assert code == 0, err
    done = json.loads(out)
    assert done["status"] == "delivered"
    (delivery,) = done["deliveries"]
    assert delivery["camera"] == "porch" and delivery["upload_url"].startswith(server.origin)

    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
    assert sub["sha256"] == delivery["sha256"] and sub["size"] == delivery["size"]
    (decision,) = portal.decisions()
    assert decision["decision"] == "approve" and decision["approved"] == {
        "window": {"start": format_utc(T0 + US), "end": format_utc(T0 + 6 * US)},
        "cameras": ["porch"]}
    view = Agent(run.home).requests.show(jti)
    assert view.deliveries[0].receipt  # the checked receipt is kept
    events = [r["event"] for r in AuditLog(run.home).entries()]
    # setting up (the flow fixture) is logged first, then what the request brought
    assert events == ["key-created", "source-added", "source-added", "agency-added",
                      "invite-sent", "registered", "request-seen", "approve", "export", "export", "upload", "upload",
                      "receipt", "receipt"]
    assert run("log", "verify")[0] == 0
    assert [r["event"] for r in run.json("log")] == events
    log = run.home / "audit.log"
    log.write_text(log.read_text().replace('"approve"', '"decline"', 1))
    code, _, err = run("log", "verify")
    assert code == 3 and f"line {events.index('approve') + 1} was edited" in err


def test_a_delivered_package_keeps_its_folder_and_lets_its_tar_go_once_receipted(
        flow, tmp_path):
    """Seen: every delivered package stayed twice in the home for good, its folder under
    packages/ and its tar under outbox/. Once the signed receipt is kept the tar goes (the
    folder is the package: packed again it is the very bytes the receipt names); a tar
    without a receipt stays (test_delivery_faults: a failed delivery resumes from it)."""
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, out, err = run("approve", "--yes", "--json", "--progress", "none", "--", jti)
    assert code == 0, err
    done = json.loads(out)["deliveries"]
    assert {d["camera"] for d in done} == {"porch", "yard"}
    assert [p for p in (run.home / "outbox").rglob("*")] == []   # no tar, no empty folder
    received = {s["sha256"] for s in portal.submissions()}
    for d in done:
        assert not Path(d["tar"]).exists()
        assert verify_package(Path(d["package"])).ok
        again = tar_package(Path(d["package"]), tmp_path / f"{d['camera']}.tar")
        assert (again.sha256, again.size) == (d["sha256"], d["size"])
        assert again.sha256 in received
    shown = run.json("inbox", "show", "--", jti)
    assert [(d["receipt"], d["receipt_problem"]) for d in shown["deliveries"]] == [
        (True, None), (True, None)]

    # A home an earlier version left with the tars: the tidy of `run` and the app lets go.
    for d in done:
        Path(d["tar"]).parent.mkdir(exist_ok=True)
        tar_package(Path(d["package"]), Path(d["tar"]))
    agent = Agent(run.home)
    try:
        # Not while the request is being delivered (its other cameras' tars being packed).
        with delivery_lock(run.home, agent.requests.inbox.get(jti)):
            assert agent.tidy_home().tars == 0
        assert all(Path(d["tar"]).exists() for d in done)
        assert agent.tidy_home().tars == 2
    finally:
        agent.close()
    assert [p for p in (run.home / "outbox").rglob("*")] == []


def test_approve_inbox_and_inbox_show_name_the_agency_alike_in_json(flow):
    """The docs hunt: `approve --json` printed `"agency_name": null` for a trusted agency,
    and `inbox --json` put the agency's id there once it was no longer trusted, where `inbox
    show --json` put null: one field, three readings. It is the trust store's name, or null."""
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, out, err = run("approve", "--camera", "porch", "--yes", "--json", "--", jti)
    assert code == 0, err
    named = {json.loads(out)["agency_name"], run.json("inbox", "show", "--", jti)["agency_name"],
             only_request(run)["agency_name"]}
    assert named == {"Example Police Department"}
    assert run("agencies", "remove", AGENCY_ID)[0] == 0
    shown, listed = run.json("inbox", "show", "--", jti), only_request(run)
    assert not listed["verified"] and shown["agency_name"] is listed["agency_name"] is None


def test_approve_sends_the_tar_in_chunks_sealed_when_it_was_written(flow, monkeypatch):
    portal, server, run, reg = flow
    monkeypatch.setattr(upload_sums, "CHUNK_SIZE", 16 * 1024)
    written = []
    real_tar = package_export.tar_package
    monkeypatch.setattr(package_export, "tar_package", lambda *a: written.append(real_tar(*a)) or written[-1])

    def no_hashing(*args):
        raise AssertionError("the upload hashed bytes although the portal checks every chunk")

    monkeypatch.setattr(upload_source, "hashlib", SimpleNamespace(sha256=no_hashing))
    monkeypatch.setattr(upload, "compute_sums", no_hashing)  # the digests come from the packing
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    code, out, err = run("approve", "--camera", "porch", "--yes", "--json", "--",
                         only_request(run)["id"])
    assert code == 0, err
    (packed,) = written
    assert len(packed.sums.chunks) > 3  # several PATCHes, each checked by the portal
    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
    assert (sub["sha256"], sub["size"]) == (packed.sha256, packed.size)


def test_decline_reaches_the_portal_signed_and_a_replay_is_not_shown_twice(flow, tmp_path):
    portal, _server, run, reg = flow
    token = new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    (tmp_path / "req.jws").write_text(token)
    code, _, err = run("import-request", str(tmp_path / "req.jws"))
    assert code == 3 and "replay" in err
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0 and "held 4 recordings" in err
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 3 and "kept until the request is declined" in err
    code, _, err = run("decline", "--reason", "that camera was off", "--", jti)
    assert code == 0 and "sent to the agency" in err
    (decision,) = portal.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == "that camera was off"
    assert only_request(run)["status"] == "declined"
    assert run("approve", "--yes", "--", jti)[0] == 3
    shown = run.json("inbox", "show", "--", jti)
    assert shown["status"] == "declined" and shown["reason"] == "that camera was off"
    assert shown["decision"]["sent_at"] and shown["decision"]["error"] is None
    assert "did not take" not in run("inbox", "show", "--", jti)[1]
    assert shown["agency_name"] == "Example Police Department" and shown["verified"] is True
    assert Path(shown["hold"]).is_dir()
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 0 and not Path(shown["hold"]).exists()
    (agency,) = [a for a in run.json("agencies", "list")]
    assert agency["registrations"] == [reg] and agency["fingerprints"] == [portal.kid]
    secret = TrustStore(run.home).portal_token(AGENCY_ID, reg)
    assert secret
    assert secret not in json.dumps(agency) and secret not in run("agencies", "list")[1]


def test_wider_approval_is_refused_and_without_yes_nothing_leaves(flow):
    portal, _server, run, reg = flow
    new_request(portal, reg, emergency=True)
    run("inbox", "sync")
    jti = only_request(run)["id"]
    code, _, err = run("approve", "--from", format_utc(T0 - US), "--yes", "--", jti)
    assert code == 3 and "wider" in err
    # The docs hunt: the request's window was given as raw UTC text ('...T22:05:00Z'), not on
    # the clock the owner types --from on, as every time shown without --json is.
    assert f"the request's ({window(T0, T0 + 8 * US, 'UTC')})" in err
    code, _, err = run("approve", "--camera", "porch", "--", jti)  # no terminal, no --yes
    assert code == 2 and "--yes" in err
    # which request is being answered: an owner with two from one agency can tell them apart
    assert f"for case 2026-77 (request {jti}):" in err
    assert "porch" in err and "public record" in err and "sound: removed" in err
    assert only_request(run)["status"] == "new" and portal.decisions() == []


def test_a_camera_not_registered_with_the_agency_is_said_and_not_shared_by_default(flow):
    """A request naming a camera the owner never registered with the agency (here: asked for
    before the owner took it off the registration) says so, and a plain `approve` leaves it out;
    a request naming only such cameras needs the owner to choose."""
    portal, _server, run, reg = flow
    new_request(portal, reg)                                        # porch and yard
    new_request(portal, reg, cameras=("yard",), case="2026-78")
    code, _, err = run("agencies", "update", AGENCY_ID, "--camera", "porch",
                       "--address", "1200 Elm Street")
    assert code == 0, err
    assert run("inbox", "sync")[0] == 0
    both, yard_only = sorted(run.json("inbox"), key=lambda i: i["case"])
    assert both["cameras"] == ["porch", "yard"] and both["unregistered"] == ["yard"]
    code, out, _ = run("inbox", "show", "--", both["id"])
    assert "Not registered with this agency: yard" in out

    code, _, err = run("approve", "--yes", "--", yard_only["id"])
    assert code == 3 and "did not register with this agency (yard)" in err
    assert portal.decisions() == []

    code, out, err = run("approve", "--yes", "--json", "--", both["id"])
    assert code == 0, err
    assert [d["camera"] for d in json.loads(out)["deliveries"]] == ["porch"]
    (decision,) = portal.decisions()
    assert decision["approved"]["cameras"] == ["porch"]


def test_a_damaged_registrations_file_still_shows_the_inbox(flow):
    portal, _server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    (run.home / "registrations.json").write_text("{damaged")
    (item,) = run.json("inbox")
    assert item["cameras"] == ["porch", "yard"] and item["unregistered"] == []
    code, out, err = run("inbox", "show", "--", item["id"])
    assert code == 0 and "Cameras asked for: porch, yard" in out, err


def test_import_by_url_and_a_refused_import_exit_3(flow):
    portal, server, run, reg = flow
    code, _, err = run("import-request", "https://evil.example.com/v1/requests/x")
    assert code == 3 and "trust store" in err
    code, _, err = run("import-request", "/nonexistent/request.jws")
    assert code == 2 and "cannot read" in err   # a path typed wrong: a usage error


def test_a_portal_outage_fails_the_approval_and_approve_resumes(flow, monkeypatch):
    portal, server, run, reg = flow
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",   # retried, then given up on
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    new_request(portal, reg, cameras=("yard",))
    run("inbox", "sync")
    jti = only_request(run)["id"]
    port = server.port
    server.stop()
    code, _, err = run("approve", "--yes", "--", jti)
    assert code == 1 and "approve it again" in err
    assert only_request(run)["status"] == "failed"
    with PortalServer(portal.state_dir, port=port):
        code, _, err = run("approve", "--yes", "--", jti)
        assert code == 0, err
    assert only_request(run)["status"] == "delivered"
    exports = [r for r in AuditLog(run.home).entries() if r["event"] == "export" and "camera" in r["data"]]
    assert len(exports) == 1  # the package made before the outage was reused
    assert portal.submissions()[0]["ok"]


@pytest.mark.parametrize("kept", ["folder", "tar"])
def test_a_mask_drawn_after_a_failed_delivery_hides_its_area_in_what_is_sent(
        flow, tmp_path, monkeypatch, kept):
    """Approved with one privacy mask while the portal was down: the package was cut and
    waited. The owner then masked a second area (the request's page previews both, and says
    "What will leave this PC" is what Try sending again sends): the package cut before, that
    area in the clear, was what went (its folder, or its tar alone when the folder was
    deleted by hand)."""
    import av

    portal, server, run, reg = flow
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    new_request(portal, reg, cameras=("porch",))
    run("inbox", "sync")
    jti = only_request(run)["id"]
    first = [[0.0, 0.5], [0.3, 0.5], [0.3, 1.0], [0.0, 1.0]]
    second = [[0.6, 0.5], [1.0, 0.5], [1.0, 1.0], [0.6, 1.0]]

    def draw(*areas) -> None:
        (tmp_path / "m.json").write_text(json.dumps({"polygons": [{"points": a}
                                                                  for a in areas]}))
        assert run("masks", "set", "porch", str(tmp_path / "m.json"))[0] == 0
    draw(first)
    port = server.port
    server.stop()
    code, _, err = run("approve", "--to", format_utc(T0 + 2 * US), "--yes", "--", jti)
    assert code == 1 and only_request(run)["status"] == "failed"
    (before,) = [p for p in (run.home / "packages").glob("*/*") if p.is_dir()]
    if kept == "tar":
        assert list((run.home / "outbox").glob("*/*.tar"))
        shutil.rmtree(before)
    draw(first, second)
    with PortalServer(portal.state_dir, port=port):
        code, out, err = run("approve", "--yes", "--json", "--", jti)
    assert code == 0, err
    (delivery,) = json.loads(out)["deliveries"]
    package = Path(delivery["package"])
    record = json.loads((package / "data" / "provenance.json").read_text())
    (masked,) = [r for r in record["redactions"] if r["kind"] == "privacy-mask"]
    assert [p["points"] for p in masked["polygons"]] == [first, second]
    (clip,) = (package / "data").glob("*.mp4")
    with av.open(str(clip)) as c:
        for frame in c.decode(video=0):
            gray = frame.to_ndarray(format="gray")
            h, w = gray.shape
            assert gray[int(0.55 * h):, int(0.65 * w):].max() <= 20, "the second area shows"
            assert gray[int(0.55 * h):, :int(0.25 * w)].max() <= 20
            assert np.median(gray[int(0.55 * h):, int(0.35 * w):int(0.55 * w)]) > 60
    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
    asides = list(package.parent.glob("*.masks-changed-*"))   # kept for a look, never sent
    assert len(asides) == (1 if kept == "folder" else 0)
    assert [e["data"]["status"] for e in AuditLog(run.home).entries() if e["event"] == "export"
            and e["data"].get("status") == "masks-changed"] == ["masks-changed"]


@contextmanager
def hostile(respond):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            respond(self)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = False
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def hostile_agency(tmp_path: Path, run: Run, origin: str, portal: Portal) -> None:
    doc = portal.trust_document(origin)
    path = tmp_path / "hostile.json"
    # its own name and key too: a file under a trusted agency's name, or listing its key, is
    # refused (test_agencies, test_agency_shared_keys)
    path.write_text(json.dumps({**doc, "id": "https://hostile.example.gov",
                                "name": "Hostile Portal",
                                "keys": {"keys": [jws.public_jwk(Ed25519PrivateKey.generate())]}}))
    assert run("agencies", "add", str(path), "--replace")[0] == 0   # each test's own origin
    keep_unpinned(run.home, "https://hostile.example.gov", "r", "portal-token")


def test_an_agency_file_replacing_a_trusted_one_is_told_needs_replace_and_keeps_the_token_home(
        flow, tmp_path):
    """Trust hunt finding 7: `agencies add` of a file with the trusted agency's id but other
    keys, phone and portal said 'added' as for a new agency, and the next sync sent the
    registration's bearer token to the new file's portal."""
    portal, _server, run, reg = flow
    asked = []

    def record(h):
        asked.append(h.headers.get("Authorization"))
        body = b'{"requests": [], "cursor": null}'
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    with hostile(record) as origin:
        doc = portal.trust_document(origin)
        forged = {**doc, "phone": "+1-555-0199",
                  "keys": {"keys": [jws.public_jwk(Ed25519PrivateKey.generate())]}}
        path = tmp_path / "forged.json"
        path.write_text(json.dumps(forged))
        code, out, err = run("agencies", "add", str(path))
        assert code == 3 and out == "", err
        assert "would replace the trusted Example Police Department" in err
        assert "phone: +1-206-555-0100  ->  +1-555-0199" in err and f"{origin}/v1" in err
        assert f"({reg}) would be forgotten" in err and "--replace" in err
        assert run.json("agencies", "list")[0]["phone"] == "+1-206-555-0100"
        assert run("inbox", "sync")[0] == 0 and asked == []

        code, out, err = run("agencies", "add", str(path), "--replace")
        assert code == 0 and out.startswith("REPLACED Example Police Department"), err
        assert f"({reg}) are forgotten" in err
        assert run.json("agencies", "list")[0]["registrations"] == []
        run("inbox", "sync")
        assert asked == []   # the token made with the real portal never reached this one

        code, out, _err = run("agencies", "add", str(path))
        assert code == 0 and "trusted already with this same file; nothing changed" in out


def test_a_portal_redirecting_elsewhere_or_sending_a_huge_body_is_refused(flow, tmp_path):
    portal, server, run, _reg = flow
    other_hits = []

    def record(h):
        other_hits.append(h.path)
        h.send_response(200)
        h.send_header("Content-Length", "2")
        h.end_headers()
        h.wfile.write(b"{}")

    with hostile(record) as elsewhere:
        def redirect(h):
            h.send_response(302)
            h.send_header("Location", elsewhere + "/v1/requests")
            h.send_header("Content-Length", "0")
            h.end_headers()

        with hostile(redirect) as origin:
            hostile_agency(tmp_path, run, origin, portal)
            code, _, err = run("inbox", "sync")
    assert "redirect" in err and elsewhere in err and code == 1
    assert other_hits == [] and run.json("inbox") == []

    def huge(h):
        h.send_response(200)
        h.end_headers()
        try:
            for _ in range(64):
                h.wfile.write(b'{"requests": ["' + b"A" * 65536)
        except OSError:
            pass

    with hostile(huge) as origin:
        hostile_agency(tmp_path, run, origin, portal)
        code, _, err = run("inbox", "sync")
    assert "larger than 1024 KiB" in err and run.json("inbox") == []


def test_the_whole_flow_over_tls(tmp_path, footage):
    ca = trustme.CA()
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(server_ctx)
    client_ctx = ssl.create_default_context()
    ca.configure_trust(client_ctx)
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    owner = Agent(tmp_path / "home")
    owner.scan([str(footage / "porch"), str(footage / "yard")], tz="UTC")
    desk = RequestDesk(owner.home, lambda: owner.store, owner.owner_key, verify=client_ctx)
    try:
        with PortalServer(portal.state_dir, ssl_context=server_ctx) as server:
            assert server.origin.startswith("https://")
            desk.trust.add(portal.state_dir / "agency.json")
            reg = registering.register(desk.trust, desk.portal, desk.audit, owner.owner_key(),
                                       AGENCY_ID, invite(portal), Contact("Ann"),
                                       cameras("porch", "yard")).id
            new_request(portal, reg, cameras=("yard",))
            (entry,) = desk.sync().new
            done = desk.approve(entry.jti, start_us=T0 + 2 * US, end_us=T0 + 5 * US)
            assert done.status == "delivered" and done.deliveries[0].upload_url.startswith("https://")
            assert portal.submissions()[0]["ok"]
    finally:
        desk.close()
        owner.close()


def test_approve_with_blur_faces_and_saved_masks_delivers_them_redacted(flow, tmp_path):
    portal, _server, run, reg = flow
    new_request(portal, reg, cameras=("porch",))
    run("inbox", "sync")
    jti = only_request(run)["id"]
    polygon = [[0.2, 0.2], [0.6, 0.2], [0.6, 0.7], [0.2, 0.7]]
    (tmp_path / "m.json").write_text(json.dumps({"polygons": [{"name": "gate",
                                                               "points": polygon}]}))
    assert run("masks", "set", "porch", str(tmp_path / "m.json"))[0] == 0
    code, _, err = run("approve", "--to", format_utc(T0 + 3 * US), "--blur-faces", "--", jti)
    assert code == 2 and "--yes" in err   # the confirmation named what is hidden first
    assert "1 privacy mask blacked out on porch; faces blurred" in err
    code, out, err = run("approve", "--to", format_utc(T0 + 3 * US), "--blur-faces", "--yes",
                         "--json", "--", jti)
    assert code == 0, err
    (delivery,) = json.loads(out)["deliveries"]
    record = json.loads((Path(delivery["package"]) / "data" / "provenance.json").read_text())
    kinds = {r["kind"]: r for r in record["redactions"]}
    assert set(kinds) == {"privacy-mask", "face-blur"}
    assert kinds["privacy-mask"]["polygons"] == [{"name": "gate", "points": polygon}]
    assert kinds["face-blur"]["detections"] > 0
    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
