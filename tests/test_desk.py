"""The request desk with a stand-in portal (httpx MockTransport) and real footage: intake,
replays, refusals, signed declines, failures that resume, and the audit trail."""
from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.audit.log import AuditLog
from agent.config import Settings
from agent.requests.desk import RequestDesk
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.requests.portal_client import PollPolicy, PortalClient
from agent.requests.registrations import Registration
from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings
from frp import jws
from gui.views.core_words import matches
from portal.signers import sign_receipt, sign_request

NOW = 1_800_000_000
T0 = NOW - 7200  # the footage starts here: two cameras, two 4 s files each
AGENCY_ID = "https://police.example.gov"
PORTAL = "https://frp.police.example.gov/v1"
KEY = Ed25519PrivateKey.generate()
JWK = jws.public_jwk(KEY)


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def agency_doc(upload_origin: str = "https://upload.police.example.gov", **extra) -> dict:
    return {"frp": 1, "id": AGENCY_ID, "name": "Example Police Department",
            "phone": "+1-206-555-0100", "portal": PORTAL, "upload_origins": [upload_origin],
            "keys": {"keys": [JWK]}, **extra}


def request_token(jti: str = "req-1", start: float = T0, end: float = T0 + 8,
                  cameras=("porch", "yard"), upload: str = "https://upload.police.example.gov/files",
                  **changes) -> str:
    claims = {"iss": AGENCY_ID, "aud": "reg-1", "jti": jti, "iat": NOW - 10, "exp": NOW + 3600,
              "case": {"number": "2026-0042"}, "window": {"start": iso(start), "end": iso(end)},
              "requester": {"name": "Det. Jane Roe", "phone": "+1-555-000-0000"},
              "legal_basis": "voluntary", "upload": {"protocol": "tus", "endpoint": upload},
              "message": "Call me at +1-555-000-0000"}
    if cameras:
        claims["cameras"] = list(cameras)
    claims.update(changes)
    return sign_request(claims, KEY, JWK["kid"])


class FakePortal:
    """The portal API as a MockTransport: queued tokens for polls, recorded decisions."""

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.calls: list[httpx.Request] = []
        self.decisions: list[str] = []
        self.decision_status = 204
        self.sign_in_page = False   # a network's sign-in page answers every call instead

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        if self.sign_in_page:
            return httpx.Response(200, headers={"Content-Type": "text/html"},
                                  content=b"<html><body>Sign in to use the Wi-Fi</body></html>")
        assert request.headers.get("authorization") == "Bearer portal-secret"
        path = request.url.path
        if path == "/v1/requests":
            after = int(request.url.params.get("after", "0"))
            return httpx.Response(200, json={"requests": self.tokens[after:],
                                             "cursor": str(len(self.tokens))})
        if path.endswith("/decision"):
            if self.decision_status == 204:
                self.decisions.append(request.content.decode())
            return httpx.Response(self.decision_status, json={"error": "x", "detail": "portal says no"})
        if path.endswith("/submissions"):
            body = json.loads(request.content)
            receipt = sign_receipt({"iss": AGENCY_ID, "request": path.split("/")[3],
                                    "sha256": body["sha256"], "size": body["size"],
                                    "received_at": iso(NOW)}, KEY, JWK["kid"])
            return httpx.Response(201, json={"receipt": receipt})
        return httpx.Response(404, json={"error": "not_found", "detail": "no such thing"})


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec")
    for camera in ("porch", "yard"):   # one folder per camera: the folder names it
        make_recordings(root / camera, "blue-iris", camera, T0 * US, 2, 4.0, fps=10, gop_s=1.0)
        for p in (root / camera).iterdir():
            os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


class World:
    def __init__(self, tmp_path: Path, footage: Path, settings: Settings | None = None,
                 upload_origin: str = "https://upload.police.example.gov") -> None:
        self.tmp, self.home = tmp_path, tmp_path / "home"
        self.agent = Agent(self.home)
        self.agent.scan([str(footage / "porch"), str(footage / "yard")], tz="UTC")
        self.portal = FakePortal()
        self.now = float(NOW)
        self.desk = RequestDesk(self.home, lambda: self.agent.store, self.agent.owner_key,
                                settings=settings,
                                portal=PortalClient(transport=httpx.MockTransport(self.portal)),
                                clock=lambda: self.now, policy=PollPolicy(0.05, 0, 0.05, 0.05))
        doc = tmp_path / "agency.json"
        doc.write_text(json.dumps(agency_doc(upload_origin)))
        self.desk.trust.add(doc)
        self.desk.trust.keep_registration(Registration(AGENCY_ID, "reg-1", "portal-secret"))
        # Setting up (folders, the key, the agency) is logged too; the tests below look at
        # what requests add after it.
        self.setup = [r["event"] for r in AuditLog(self.home).entries()]
        assert self.setup == ["key-created", "source-added", "source-added", "agency-added"], \
            self.setup

    def records(self) -> list[dict]:
        """The log's records written since the set-up."""
        return AuditLog(self.home).entries()[len(self.setup):]

    def file(self, token: str, name: str = "request.jws") -> Path:
        path = self.tmp / name
        path.write_text(token + "\n")
        return path

    def events(self) -> list[str]:
        return [r["event"] for r in self.records()]

    def close(self) -> None:
        self.desk.close()
        self.agent.close()


@pytest.fixture
def world(tmp_path, footage):
    w = World(tmp_path, footage)
    yield w
    w.close()


def test_an_imported_request_is_verified_and_kept_exactly(world):
    token = request_token()
    view = world.desk.import_request(world.file(token))
    assert (view.id, view.status, view.verified, view.problem) == ("req-1", "new", True, None)
    assert view.cameras == ("porch", "yard") and view.case == "2026-0042"
    entry = world.desk.inbox.get("req-1")
    assert (entry.jti, entry.status, entry.via, entry.token) == ("req-1", "new", "file", token)
    assert world.events() == ["request-seen"]


def test_a_request_file_saved_by_notepad_or_powershell_is_imported(world):
    """Seen in the code: a request's token pasted into Notepad and saved as "UTF-8 with BOM"
    or "Unicode" (UTF-16, as Windows PowerShell's `>` also writes) was refused as 'not a
    well-formed signed token' and logged as a rejected request. The mark is no part of the
    token: the token kept is the one the agency signed."""
    import codecs

    one, two = request_token("req-1"), request_token("req-2")
    world.file("", "notepad.jws").write_bytes(codecs.BOM_UTF8 + one.encode() + b"\r\n")
    world.file("", "unicode.jws").write_bytes(
        codecs.BOM_UTF16_LE + (two + "\r\n").encode("utf-16-le"))
    for name, token in (("notepad.jws", one), ("unicode.jws", two)):
        view = world.desk.import_request(world.tmp / name)
        assert view.verified and world.desk.inbox.get(view.id).token == token
    assert world.events() == ["request-seen", "request-seen"]


@pytest.mark.parametrize("token,reason", [
    (lambda: request_token(exp=NOW - 3600), "expired"),
    (lambda: request_token(aud="someone-else"), "not one of your registration ids"),
    (lambda: sign_request({"iss": AGENCY_ID}, Ed25519PrivateKey.generate(), JWK["kid"]),
     "does not verify"),
    (lambda: request_token(start=T0 + 10, end=T0), "the end must come after the start"),
    (lambda: request_token(upload="https://evil.example.com/files"), "not one of"),
    (lambda: "not a token at all", "not a well-formed signed token"),
])
def test_rejected_requests_never_reach_the_inbox_and_are_logged(world, token, reason):
    with pytest.raises(DeskRefusal, match=reason):
        world.desk.import_request(world.file(token()))
    assert world.desk.list() == []
    (record,) = world.records()
    assert record["event"] == "request-rejected" and reason in record["data"]["reason"]


def test_a_replayed_request_is_rejected_and_not_shown_twice(world):
    path = world.file(request_token())
    world.desk.import_request(path)
    with pytest.raises(DeskRefusal, match="replay"):
        world.desk.import_request(path)
    # The same id in another token through the portal is a replay; the very token held
    # already is the portal sending it again after a cursor never saved (test_poll_crash).
    world.portal.tokens = [request_token(message="another"), request_token()]
    report = world.desk.sync()
    assert report.new == () and len(report.rejected) == 1 and "replay" in report.rejected[0]
    assert [v.id for v in world.desk.list()] == ["req-1"]


def test_a_url_is_fetched_only_from_a_trusted_portal(world):
    with pytest.raises(DeskRefusal, match="not the portal of any agency"):
        world.desk.import_request("https://evil.example.com/v1/requests/req-1")
    with pytest.raises(DeskRefusal):
        world.desk.import_request("http://frp.police.example.gov/v1/requests/req-1")
    assert world.portal.calls == []
    token = request_token()
    world.portal.tokens = [token]
    with pytest.raises(DeskError, match="refused \\(HTTP 404\\)"):
        world.desk.import_request(PORTAL + "/nowhere")
    assert world.desk.list() == []


def test_sync_adds_new_requests_rejects_bad_ones_and_keeps_the_cursor(world):
    world.portal.tokens = [request_token("a"), request_token("b", exp=NOW - 9999)]
    report = world.desk.sync()
    assert [e.jti for e in report.new] == ["a"] and "expired" in report.rejected[0]
    world.portal.tokens.append(request_token("c"))
    report = world.desk.sync()
    assert [e.jti for e in report.new] == ["c"] and report.rejected == ()
    assert str(world.portal.calls[-1].url).endswith("/v1/requests?after=2")
    assert sorted(v.id for v in world.desk.list()) == ["a", "c"]
    assert world.events().count("request-rejected") == 1


def test_a_failing_portal_is_reported_and_the_cursor_stays(world):
    world.portal.tokens = [request_token("a")]
    world.desk.sync()
    world.desk.portal = PortalClient(transport=httpx.MockTransport(
        lambda r: httpx.Response(503, json={"error": "busy", "detail": "try later"})))
    report = world.desk.sync()
    assert report.new == () and "try later" in report.problems[0]
    assert world.desk.inbox.cursor(AGENCY_ID, "reg-1") == "1"


@pytest.mark.parametrize("kwargs,reason", [
    (dict(start_us=(T0 - 1) * US), "wider than the request"),
    (dict(end_us=(T0 + 9) * US), "wider than the request"),
    (dict(cameras=["garage"]), "did not ask for garage"),
    (dict(mode="fast"), "cut mode"),
    (dict(start_us=(T0 + 5) * US, end_us=(T0 + 2) * US), "start before it ends"),
])
def test_approvals_wider_than_the_request_are_refused_even_in_an_emergency(world, kwargs, reason):
    world.desk.import_request(world.file(request_token(emergency=True)))
    with pytest.raises(DeskRefusal, match=reason):
        world.desk.approve("req-1", **kwargs)
    view = world.desk.show("req-1")
    assert view.status == "new" and view.approval is None
    assert world.portal.calls == [] and world.events() == ["request-seen"]


def test_a_camera_that_was_never_recorded_is_refused(world):
    world.desk.import_request(world.file(request_token(cameras=())))
    with pytest.raises(DeskRefusal, match="does not name cameras"):
        world.desk.approve("req-1")
    with pytest.raises(DeskRefusal, match="no recordings of garage"):
        world.desk.approve("req-1", cameras=["garage"])


def test_an_expired_request_cannot_be_approved(world):
    world.desk.import_request(world.file(request_token()))
    world.now = NOW + 3600 + 61
    with pytest.raises(DeskRefusal, match="expired"):
        world.desk.approve("req-1")
    assert world.desk.show("req-1").status == "expired"
    assert world.events() == ["request-seen", "request-expired"]


def test_decline_sends_a_signed_decision_for_exactly_this_request(world):
    token = request_token()
    world.desk.import_request(world.file(token))
    done = world.desk.decline("req-1", "no camera covers that street")
    assert done.status == "declined" and done.decision_sent_at_us is not None
    (decision,) = world.portal.decisions
    parsed = jws.parse_compact(decision)
    jws.verify_signature(parsed, parsed.header["jwk"])
    claims = parsed.claims
    assert claims["decision"] == "decline" and claims["reason"] == "no camera covers that street"
    assert claims["request"] == "req-1" and claims["aud"] == AGENCY_ID
    assert claims["request_sha256"] == __import__("hashlib").sha256(token.encode()).hexdigest()
    assert claims["iss"] == world.agent.owner_key().public.owner_id()
    with pytest.raises(DeskRefusal, match="declined"):
        world.desk.approve("req-1")
    assert world.events() == ["request-seen", "decline"]


def test_a_refusal_says_where_the_request_stands_in_words(world):
    """Refusals put the inbox's status key after "is": "request 'req-1' is declined; ...",
    "is failed", "is exporting". They say it as a person would."""
    world.desk.import_request(world.file(request_token()))
    # Nothing was held for it: 'its hold is kept until ...' spoke of a copy there was not.
    with pytest.raises(DeskRefusal, match=r"^request 'req-1' is not answered yet; nothing is "
                                          r"held for it, so there is no copy to delete$"):
        world.desk.release("req-1")
    world.desk.decline("req-1")
    for refused in (lambda: world.desk.approve("req-1"), lambda: world.desk.hold("req-1"),
                    lambda: world.desk.decline("req-1")):
        with pytest.raises(DeskRefusal, match=r"^request 'req-1' was declined; "):
            refused()


def test_a_decline_the_portal_could_not_take_is_sent_at_the_next_sync(world):
    world.desk.import_request(world.file(request_token()))
    world.portal.decision_status = 503
    done = world.desk.decline("req-1")
    assert done.status == "declined" and done.decision_sent_at_us is None
    world.portal.decision_status = 204
    assert world.desk.sync().problems == ()
    assert len(world.portal.decisions) == 1
    assert world.desk.show("req-1").decision_sent_at_us is not None


def test_a_decline_a_networks_sign_in_page_answered_is_sent_once_signed_in(world):
    # Hotel Wi-Fi answers every address with 200 and its page: the decline was taken as
    # received, and the agency never learnt of it.
    world.desk.import_request(world.file(request_token()))
    world.portal.sign_in_page = True
    done = world.desk.decline("req-1")
    assert done.status == "declined" and done.decision_sent_at_us is None
    assert "sign in to the network" in world.desk.sync().problems[0]
    world.portal.sign_in_page = False
    assert world.desk.sync().problems == ()
    assert len(world.portal.decisions) == 1
    assert world.desk.show("req-1").decision_sent_at_us is not None


def test_a_decline_refused_with_a_4xx_is_not_retried_unchanged(world):
    world.desk.import_request(world.file(request_token()))
    world.portal.decision_status = 409
    done = world.desk.decline("req-1")
    assert "portal says no" in done.decision_error
    posts = len(world.portal.calls)
    world.desk.sync()
    assert len([c for c in world.portal.calls[posts:] if c.method == "POST"]) == 0


def test_show_names_the_agency_from_the_trust_store_not_the_message(world):
    world.desk.import_request(world.file(request_token(message="<b>Call</b> 555-EVIL")))
    view = world.desk.show("req-1")
    assert view.agency_name == "Example Police Department" and view.agency_phone == "+1-206-555-0100"
    assert view.message == "<b>Call</b> 555-EVIL" and view.problem is None and view.verified
    world.desk.trust.remove(AGENCY_ID)
    view = world.desk.show("req-1")
    assert view.agency_name is None and "no longer in your trust store" in view.problem
    assert not view.verified and view.message == "<b>Call</b> 555-EVIL"  # still shown, unverified
    with pytest.raises(DeskRefusal, match="no longer in your trust store"):
        world.desk.approve("req-1")


def test_an_approval_already_running_is_refused_and_nothing_changes(tmp_path, footage):
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token()))
        with w.desk._running.claim(w.desk.inbox.get("req-1")):  # as if the app were delivering it on another thread
            with pytest.raises(DeskRefusal, match="being delivered right now"):
                w.desk.approve("req-1", ["porch"])
        assert w.desk.show("req-1").status == "new" and "approve" not in w.events()
    finally:
        w.close()


def test_a_failed_delivery_keeps_its_packages_and_resumes_without_redoing_them(
        tmp_path, footage, monkeypatch):
    import agent.delivery.tus_setbacks

    monkeypatch.setattr(agent.delivery.tus_setbacks, "_sleep", lambda s: None)
    with socket_closed_port() as port:
        w = World(tmp_path, footage, upload_origin=f"http://127.0.0.1:{port}")
        try:
            w.desk.import_request(w.file(request_token(upload=f"http://127.0.0.1:{port}/files")))
            w.portal.decision_status = 403
            with pytest.raises(DeskError, match="portal says no.*approve it again"):
                w.desk.approve("req-1", ["porch"], (T0 + 1) * US, (T0 + 6) * US)
            view = w.desk.show("req-1")
            assert view.status == "failed" and "portal says no" in view.reason
            (first,) = view.deliveries
            assert Path(first.tar).is_file() and first.upload_url is None
            with pytest.raises(DeskRefusal, match="already approved with other choices"):
                w.desk.approve("req-1", ["yard"])
            w.portal.decision_status = 204
            with pytest.raises(DeskError, match="(?i)gave up"):  # nothing listens for the upload
                w.desk.approve("req-1")
            view = w.desk.show("req-1")
            assert view.status == "failed" and view.deliveries == (first,)
            assert len(w.portal.decisions) == 1 and view.decision_sent_at_us is not None
            approved = json.loads(jws.b64url_decode(w.portal.decisions[0].split(".")[1]))["approved"]
            assert approved == {"window": {"start": iso(T0 + 1).replace(".000000", ""),
                                           "end": iso(T0 + 6).replace(".000000", "")},
                                "cameras": ["porch"]}
            assert w.events() == ["request-seen", "approve", "export", "export", "export",
                                  "export", "upload", "upload"]
            assert AuditLog(w.home).verify().ok
        finally:
            w.close()


def test_an_interrupted_run_is_taken_up_again(world):
    world.desk.import_request(world.file(request_token()))
    inbox = world.desk.inbox
    from agent.requests.records import Approval
    inbox.set_approval(AGENCY_ID, "req-1", Approval(T0 * US, (T0 + 3) * US, ("yard",), "copy", False))
    inbox.transition(AGENCY_ID, "req-1", "approved")
    inbox.transition(AGENCY_ID, "req-1", "exporting")  # the process died here
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DeskError, match="cancelled"):
        world.desk.approve("req-1", cancel=cancel)
    view = world.desk.show("req-1")
    assert view.status == "failed" and view.reason.startswith("cancelled")
    assert view.deliveries == ()
    left = list((world.home / "packages").rglob("bagit.txt"))
    assert left == []  # a cancelled export leaves nothing that looks finished


def test_run_polling_backs_off_parks_a_4xx_and_stops(world):
    stop = threading.Event()
    statuses = iter([503, 200, 401])
    extra_polls = []

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses, None)
        if status is None:  # a registration refused with 401 must not be polled unchanged
            extra_polls.append(request)
            status = 401
        elif status == 401:
            threading.Timer(0.5, stop.set).start()
        body = {"requests": [request_token("p1")], "cursor": "1"} if status == 200 else \
            {"error": "e", "detail": "d"}
        return httpx.Response(status, json=body, headers={"Retry-After": "0"})

    world.desk.portal = PortalClient(transport=httpx.MockTransport(handler))
    thread = threading.Thread(target=world.desk.run_polling, args=(stop,))
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and extra_polls == []
    assert [v.id for v in world.desk.list()] == ["p1"]


def test_holds_on_new_request_setting_preserves_footage_at_once(tmp_path, footage):
    w = World(tmp_path, footage, settings=Settings(holds_on_new_request=True))
    try:
        view = w.desk.import_request(w.file(request_token(cameras=("porch",))))
        assert view.status == "held" and view.hold is not None
        hold = w.desk.show("req-1").hold
        assert sorted(f.name for f in hold.files) == sorted(
            f"porch/{p.name}" for p in (footage / "porch").iterdir())
        assert w.events() == ["request-seen", "hold"]
    finally:
        w.close()


class socket_closed_port:
    """A loopback port nothing listens on (bound, then closed)."""

    def __enter__(self) -> int:
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        return self.port

    def __exit__(self, *exc) -> None:
        pass


hostile_text = st.one_of(
    st.text(max_size=60), st.sampled_from(["..", "../../etc/passwd", "<script>alert(1)</script>",
                                           "a.b.c", "\x00\x1b[2J", "C:\\Windows\\x", "-rf"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=st.lists(hostile_text, max_size=4), cursor=st.one_of(st.none(), hostile_text),
       status=st.sampled_from([200, 400, 500]))
def test_hostile_portal_answers_never_crash_sync_or_reach_the_inbox(world, tokens, cursor, status):
    body = {"requests": tokens, "cursor": cursor}
    world.desk.portal = PortalClient(transport=httpx.MockTransport(
        lambda r: httpx.Response(status, json=body)))
    report = world.desk.sync()
    assert report.new == () and world.desk.list() == []
    assert len(report.rejected) + len(report.problems) >= (1 if tokens or status != 200 else 0)
    assert all("\n" not in p for p in report.problems)


def provenance(delivery) -> dict:
    return json.loads((Path(delivery.package) / "data" / "provenance.json").read_text())


def test_saved_masks_and_face_blur_reach_the_package_and_a_resume_keeps_them(world):
    from agent.export.masks import CameraMasks, Polygon

    corners = ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5), (0.1, 0.5))
    world.agent.set_masks(CameraMasks("porch", (Polygon(corners, "neighbour's window"),)))
    world.desk.import_request(world.file(request_token()))
    world.portal.decision_status = 403   # stop after the packages are made
    with pytest.raises(DeskError, match="portal says no"):
        world.desk.approve("req-1", ["porch"], T0 * US, (T0 + 2) * US, blur_faces=True)
    (first,) = world.desk.show("req-1").deliveries
    kinds = {r["kind"]: r for r in provenance(first)["redactions"]}
    assert set(kinds) == {"privacy-mask", "face-blur"}
    assert kinds["privacy-mask"]["polygons"] == [{"name": "neighbour's window",
                                                  "points": [list(p) for p in corners]}]
    assert kinds["privacy-mask"]["frames"] > 0
    approve = next(r for r in AuditLog(world.home).entries() if r["event"] == "approve")
    assert approve["data"]["blur_faces"] is True and approve["data"]["masks"] is True
    with pytest.raises(DeskRefusal, match="other redaction choices"):
        world.desk.approve("req-1", blur_faces=False)
    with pytest.raises(DeskRefusal, match="other redaction choices"):
        world.desk.approve("req-1", masks=False)


def test_no_masks_leaves_them_off_and_a_damaged_mask_file_refuses_the_approval(world):
    from agent.export.masks import CameraMasks, Polygon, masks_file

    world.agent.set_masks(CameraMasks("yard", (Polygon(((0, 0), (1, 0), (1, 1))),)))
    world.desk.import_request(world.file(request_token()))
    world.portal.decision_status = 403
    with pytest.raises(DeskError, match="portal says no"):
        world.desk.approve("req-1", ["yard"], T0 * US, (T0 + 2) * US, masks=False)
    (first,) = world.desk.show("req-1").deliveries
    assert provenance(first)["redactions"] == []
    exported = next(r for r in AuditLog(world.home).entries()
                    if r["event"] == "export" and "package" in r["data"])
    assert exported["data"]["masks_left_off"] == 1   # masks hunt: what went out in the clear
    world.desk.import_request(world.file(request_token("req-2"), "two.jws"))
    masks_file(world.home, "yard").write_text('{"polygons": [{"points": [[0, 0], [2, 0]]}]}')
    with pytest.raises(DeskRefusal, match="saved masks of camera 'yard' are damaged"):
        world.desk.approve("req-2", ["yard"])
    assert world.desk.show("req-2").status == "new"


def test_masks_deleted_from_the_apps_folder_refuse_the_approval_rather_than_vanish(world):
    """Masks hunt: the app's `masks` folder deleted after masks were drawn: the approval cut
    and sent the camera unmasked, saying nothing."""
    import shutil

    from agent.export.masks import CameraMasks, Polygon

    world.agent.set_masks(CameraMasks("yard", (Polygon(((0, 0), (1, 0), (1, 1))),)))
    shutil.rmtree(world.home / "masks")
    world.desk.import_request(world.file(request_token()))
    with pytest.raises(DeskRefusal, match="masks of camera 'yard' are damaged .* is gone"):
        world.desk.approve("req-1", ["yard"], T0 * US, (T0 + 2) * US)
    assert world.desk.show("req-1").status == "new"


def test_the_list_checks_each_request_again_after_the_agency_is_removed_or_its_key_rotated(
        world, tmp_path):
    world.desk.import_request(world.file(request_token()))
    (view,) = world.desk.list()
    assert view.verified and view.problem is None
    rotated = tmp_path / "rotated.json"   # the agency's file with a new key, the old one gone
    rotated.write_text(json.dumps(agency_doc(keys={"keys": [
        jws.public_jwk(Ed25519PrivateKey.generate())]})))
    world.desk.trust.add(rotated, replace=True)   # the owner said to
    (view,) = world.desk.list()
    assert not view.verified and "no longer verifies" in view.problem
    assert view.agency_name == "Example Police Department"
    world.desk.trust.remove(AGENCY_ID)
    (view,) = world.desk.list()
    assert not view.verified and "no longer in your trust store" in view.problem
    assert view.agency_name is None and matches(view.problem)


def test_an_inbox_record_changed_on_disk_no_longer_verifies_nor_widens_an_approval(world):
    """The attacker hunt: the inbox keeps a request's case, window and cameras beside its
    signed token, and the list, the request's page and the approval's bounds read them from
    there; changed in inbox.db (anything that can write the home), a request for 8 s of porch
    and yard showed as verified for an hour of three cameras, and approving the whole of it
    cut that hour. Each is now held against the signed token whenever it is checked again."""
    import sqlite3

    world.desk.import_request(world.file(request_token()))
    db = sqlite3.connect(world.home / "inbox.db")
    with db:
        db.execute("UPDATE requests SET window_start_us=window_start_us-3600000000, "
                   "cameras=?, case_number='2026-9999'", (json.dumps(["porch", "yard", "den"]),))
    db.close()
    (view,) = world.desk.list()
    assert not view.verified and "was changed on this PC" in view.problem
    assert "case, window, cameras" in view.problem
    assert matches(view.problem)   # the app says it in the owner's language
    with pytest.raises(DeskRefusal, match="was changed on this PC"):
        world.desk.approve("req-1")
    assert world.desk.show("req-1").status == "new" and world.portal.decisions == []


@pytest.mark.parametrize("column, value", [("cameras", '["por'), ("cameras", "7"),
                                           ("approved", '{"start_us": 1')])
def test_one_request_damaged_in_the_inbox_never_hides_the_others(world, column, value):
    """Damage hunt: one request's row whose JSON a failing disk or a hand edit broke (its
    cameras, its approval) failed the whole inbox with the parser's words ('Unterminated
    string starting at: line 1 column 2 (char 1)'): no request listed, none shown. It is now
    listed as changed on this PC, naming what cannot be read, and cannot be approved; the
    others are as they were."""
    import sqlite3

    world.desk.import_request(world.file(request_token(jti="req-1")))
    world.desk.import_request(world.file(request_token(jti="req-2"), "two.jws"))
    db = sqlite3.connect(world.home / "inbox.db")
    with db:
        db.execute(f"UPDATE requests SET {column}=? WHERE jti='req-1'", (value,))
    db.close()
    views = {v.id: v for v in world.desk.list()}
    assert views["req-2"].verified and views["req-2"].cameras == ("porch", "yard")
    damaged = views["req-1"]
    assert not damaged.verified and "was changed on this PC" in damaged.problem
    assert ("cameras" if column == "cameras" else "approval") in damaged.problem
    assert matches(damaged.problem)
    assert not world.desk.show("req-1").verified
    with pytest.raises(DeskRefusal, match="was changed on this PC"):
        world.desk.approve("req-1")


def test_a_renamed_camera_keeps_its_masks_its_pending_approval_and_the_requests_naming_it(world):
    from agent.export.masks import CameraMasks, Polygon, masks_file

    corners = ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5), (0.1, 0.5))
    world.agent.set_masks(CameraMasks("porch", (Polygon(corners, "neighbour's window"),)))
    world.desk.import_request(world.file(request_token()))
    world.portal.decision_status = 403   # stop before anything is made
    with pytest.raises(DeskError, match="portal says no"):
        world.desk.approve("req-1", ["porch"], T0 * US, (T0 + 2) * US)
    world.agent.rename_camera("porch", "front")
    assert not masks_file(world.home, "porch").exists()
    # The approval and the signed decision keep the request's words; the export finds the
    # camera they mean, with its masks.
    (made,) = world.desk.show("req-1").deliveries
    world.desk.import_request(world.file(request_token("req-2", cameras=("porch",)), "two.jws"))
    with pytest.raises(DeskError, match="portal says no"):
        world.desk.approve("req-2", ["front"], T0 * US, (T0 + 2) * US)   # chosen by its new name
    entry = world.desk.inbox.get("req-2")
    assert entry.approval.cameras == ("porch",)
    approved = json.loads(jws.b64url_decode(entry.decision.split(".")[1]))["approved"]
    assert approved["cameras"] == ["porch"]
    for delivery in (made, *world.desk.show("req-2").deliveries):
        prov = provenance(delivery)
        masked = [r for r in prov["redactions"] if r["kind"] == "privacy-mask"]
        assert masked and masked[0]["polygons"][0]["name"] == "neighbour's window"
    assert prov["camera"] == "porch"   # as the agency knows it
    assert "camera-rename" in world.events()


def test_two_agencies_sending_the_same_request_id_can_each_be_shown_held_and_decided(
        world, capsys):
    """Trust hunt finding 4: FRP/1 makes a request id unique per agency only. Two agencies
    both sending '0001' left neither shown, held, approved nor declined: no command took the
    agency. `--agency` names it, and the ambiguity says so."""
    from agent.cli import main

    sheriff, sheriff_key = "https://sheriff.example.gov", Ed25519PrivateKey.generate()
    doc = {"frp": 1, "id": sheriff, "name": "Example County Sheriff",
           "phone": "+1-206-555-0111", "portal": "https://frp.sheriff.example.gov/v1",
           "upload_origins": ["https://upload.sheriff.example.gov"],
           "keys": {"keys": [jws.public_jwk(sheriff_key)]}}
    (world.tmp / "sheriff.json").write_text(json.dumps(doc))
    world.desk.trust.add(world.tmp / "sheriff.json")
    world.desk.trust.keep_registration(Registration(sheriff, "reg-s", None))
    world.desk.import_request(world.file(request_token("0001"), "police.jws"))
    theirs = jws.parse_compact(request_token("0001")).claims | {
        "iss": sheriff, "aud": "reg-s", "case": {"number": "S-77"},
        "upload": {"protocol": "tus", "endpoint": "https://upload.sheriff.example.gov/files"}}
    world.desk.import_request(world.file(sign_request(theirs, sheriff_key,
                                                      jws.public_jwk(sheriff_key)["kid"]),
                                         "sheriff.jws"))

    def run(*argv):
        code = main(["--home", str(world.home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, _out, err = run("inbox", "show", "0001")
    assert code == 3 and "--agency" in err and sheriff in err and AGENCY_ID in err, err
    code, out, err = run("inbox", "show", "0001", "--agency", sheriff, "--json")
    assert code == 0 and json.loads(out)["case"] == "S-77", err
    code, out, err = run("inbox", "show", "0001", "--agency", AGENCY_ID, "--json")
    assert code == 0 and json.loads(out)["case"] == "2026-0042", err
    code, _out, err = run("inbox", "hold", "0001", "--agency", sheriff)
    assert code == 0 and "held" in err, err
    code, _out, err = run("decline", "0001", "--agency", sheriff, "--reason", "not ours")
    assert code == 0 and "declined 0001" in err, err
    assert world.desk.show("0001", sheriff).status == "declined"
    assert world.desk.show("0001", AGENCY_ID).status == "new"
    code, _out, err = run("inbox", "release", "0001", "--agency", sheriff)
    assert code == 0 and "deleted the hold of 0001" in err, err
    code, _out, err = run("approve", "0001", "--agency", AGENCY_ID)   # no terminal to ask on
    assert code == 2 and "add --yes" in err, err
    with pytest.raises(DeskRefusal, match="'reg-s' of Example County Sheriff"):
        world.desk.approve("0001", iss=sheriff)   # the sheriff's request, not the ambiguity
    with pytest.raises(DeskRefusal, match="no request '0001' in the inbox from"):
        world.desk.show("0001", "https://elsewhere.example.gov")


def test_approve_says_a_refused_choice_before_asking_to_confirm_it(world, capsys):
    """Tried as an owner: `approve ID --camera nocam` (or a window wider than the request's)
    printed "This will send to ...: cameras: nocam" and asked to confirm, and only an answer of
    yes learnt it was refused. The choices are checked first; a good one is summed up with the
    request's defaults filled in, as the approval will send them."""
    from agent.cli import main

    world.desk.import_request(world.file(request_token()))

    def run(*argv):
        code = main(["--home", str(world.home), "approve", "req-1", *argv])
        out = capsys.readouterr()
        return code, out.err

    for argv, reason in ((["--camera", "garage"], "did not ask for garage"),
                         (["--from", iso(T0 - 1)], "wider than the request")):
        code, err = run(*argv)
        assert code == 3 and reason in err and "This will send" not in err, err
    code, err = run("--camera", "porch", "--blur-faces")   # no terminal to ask on
    assert code == 2 and "add --yes" in err, err
    assert "cameras: porch\n" in err and "faces blurred" in err
    assert world.desk.show("req-1").status == "new" and world.portal.calls == []
    # The window's length is counted as a person says it: "1 second", not "1 seconds".
    code, err = run("--camera", "porch", "--from", iso(T0), "--to", iso(T0 + 1))
    assert code == 2 and "(1 second per camera)" in err, err
    code, err = run("--camera", "porch", "--from", iso(T0), "--to", iso(T0 + 2))
    assert code == 2 and "(2 seconds per camera)" in err, err


def test_a_request_for_a_case_the_owner_declined_says_so(world, capsys):
    """The attacker hunt: a request the owner declined, asked again under a new request id
    (the same token again is a replay, refused), arrived as if nothing had been asked before:
    nothing said the owner had said no to that case. Its view now names the declined request
    and when it was declined, and `inbox show` says so; another case's does not."""
    world.desk.import_request(world.file(request_token()))
    world.desk.decline("req-1", "not my street")
    declined_at = world.desk.inbox.get("req-1").decided_at_us
    world.desk.import_request(world.file(request_token("req-2")))
    world.desk.import_request(world.file(request_token("req-3", case={"number": "2026-0043"})))
    asked_again = world.desk.show("req-2")
    assert declined_at and asked_again.declined_before == (("req-1", declined_at),)
    listed = {v.id: v for v in world.desk.list()}
    assert listed["req-2"].declined_before == asked_again.declined_before
    assert listed["req-3"].declined_before == () and listed["req-1"].declined_before == ()
    from argparse import Namespace

    from agent.commands.requests import inbox_show

    assert inbox_show(world.agent, Namespace(id="req-2", agency=None, json=False)) == 0
    said = capsys.readouterr().out
    assert "Asked before: you declined request req-1 for this case on " in said
    assert "Asked before" not in (inbox_show(world.agent, Namespace(
        id="req-3", agency=None, json=False)), capsys.readouterr().out)[1]
