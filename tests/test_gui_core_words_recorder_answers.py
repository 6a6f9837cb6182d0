"""A recorder's answers that reached the Spanish app in English (a hunt ran the messages under
agent/ the app shows through core_words with the Spanish catalogue): a download stopped or
refused (more than announced, too slow, shorter than announced every time, its password
refused part way, text instead of footage, the owner's stop); a certificate not the one
trusted (a recorder's HTTPS certificate, the one a portal sent for the owner key); a
recorder's clock or time zone it cannot read. Each is made by the agent's own
code, against a real HTTP server on 127.0.0.1 where the answer matters; every part of it must
read in Spanish with its values kept."""
from __future__ import annotations

import os
import ssl
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402
import trustme  # noqa: E402

from agent.recorders import fetch  # noqa: E402
from agent.recorders.connect import RecorderAddress, open_recorder  # noqa: E402
from agent.recorders.model import BadAnswer, CertificateChanged, RecorderError  # noqa: E402
from agent.recorders import reolink_answers, zones  # noqa: E402
from agent.recorders.wire import Wire  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words_answers import reads_in_spanish  # noqa: E402
from tests.test_registration_agent import cas  # noqa: E402,F401
from tests.test_safety_network import reply, serving  # noqa: E402

ANNOUNCED = 5000   # bytes


def answering(how: str):
    """A recorder's download answer: `how` it misbehaves."""
    def behave(h, _server):
        if how.startswith("short"):   # sends 100 bytes and hangs up
            h.send_response(200)
            if how == "short":   # after saying ANNOUNCED in its answer
                h.send_header("Content-Length", str(ANNOUNCED))
            h.end_headers()
            h.wfile.write(b"\0" * 100)
            h.close_connection = True
        elif how == "huge":
            h.send_response(200)
            h.send_header("Content-Length", str(10**13))
            h.end_headers()
        elif how == "password":
            reply(h, 401, b"Unauthorized")
        elif how == "text":
            reply(h, 200, b"Error: no such file", {"Content-Type": "text/plain"})
        else:
            reply(h, 200, b"\0" * 100)
    return behave


def download(tmp_path, how: str, expected_size: int | None = ANNOUNCED, cancel=None,
             refusal=None) -> str:
    """The message the agent's download from a recorder answering `how` fails with."""
    with serving(answering(how)) as server:
        wire = Wire(httpx.URL(server.origin), "dahua", timeout_s=5)
        spec = fetch.Download("GET", "/cgi-bin/RPC_Loadfile/mnt/dvr/clip.dav", None, 1, 0,
                              10 * 10**6, "clip.dav", expected_size=expected_size,
                              refusal=refusal, cancel=cancel)
        try:
            with pytest.raises(RecorderError) as caught:
                fetch.fetch_to_file(wire, spec, tmp_path / "out")
        finally:
            wire.close()
    assert not any((tmp_path / "out").iterdir())   # nothing of it kept
    return str(caught.value)


@pytest.mark.parametrize("how", ["short", "short-unsized"])
def test_a_download_shorter_than_announced_every_time_reads_in_spanish(spanish, tmp_path, how):
    # announced in the answer's length, or only in the search (its length not given)
    message = download(tmp_path, how)
    said = reads_in_spanish(message, "127.0.0.1", "100")
    assert "3 intentos" in said and "recorder" not in said
    assert (f"{ANNOUNCED} bytes" in said) == (how == "short")


@pytest.mark.parametrize("announced", [ANNOUNCED, None], ids=["announced", "unannounced"])
def test_a_download_larger_than_allowed_reads_in_spanish(spanish, tmp_path, announced):
    message = download(tmp_path, "huge", expected_size=announced)
    said = reads_in_spanish(message, "127.0.0.1")
    assert "nothing of it was kept" not in said and "no se conservó nada" in said
    assert (str(ANNOUNCED) in said) == (announced is not None)


@pytest.mark.parametrize("how, words", [("password", "contraseña"), ("text", "texto")])
def test_a_download_answered_with_no_footage_reads_in_spanish(spanish, tmp_path, how, words):
    message = download(tmp_path, how, refusal=lambda *_a: None)
    said = reads_in_spanish(message)
    assert words in said


def test_a_download_the_owner_stopped_reads_in_spanish(spanish, tmp_path):
    stop = threading.Event()
    stop.set()
    said = reads_in_spanish(download(tmp_path, "fine", cancel=stop))
    assert "grabadora" in said


@pytest.mark.parametrize("limit_s, kept", [(1800.0, "30 minutos"), (90.0, "90\u00a0s")])
def test_a_download_too_slow_reads_in_spanish(spanish, limit_s, kept):
    wire = Wire(httpx.URL("http://127.0.0.1:9"), "dahua")
    try:
        message = str(fetch._too_slow(wire, limit_s))   # its time is minutes: said as built
    finally:
        wire.close()
    said = reads_in_spanish(message, kept)
    assert "reinicie la grabadora" in said


# a certificate not the one trusted ------------------------------------------------------------
@pytest.mark.parametrize("pin", ["ab" * 32, None], ids=["another", "none-yet"])
def test_a_recorder_showing_another_certificate_than_the_one_trusted_reads_in_spanish(
        spanish, pin):
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("127.0.0.1").configure_cert(tls)
    with serving(answering("fine"), tls=tls) as server:
        wire = Wire(httpx.URL(server.origin), "dahua", pin=pin, timeout_s=5)
        try:
            with pytest.raises(CertificateChanged) as caught:
                wire.call("GET", "/cgi-bin/RPC_Loadfile/mnt/dvr/clip.dav")
        finally:
            wire.close()
    assert server.hits == []   # nothing was sent to it
    said = reads_in_spanish(str(caught.value), "127.0.0.1")
    assert "certificado" in said and ("AB:AB:AB" in said) == (pin is not None)


def test_a_recorder_opened_before_its_certificate_was_looked_at_reads_in_spanish(spanish):
    address = RecorderAddress("https://192.168.1.20", "hikvision", "admin")
    with pytest.raises(RecorderError) as caught:
        open_recorder(address, "secret")
    assert "certificado" in reads_in_spanish(str(caught.value))


@pytest.mark.parametrize("which", ["another key", "another CA", "not a certificate"])
def test_a_certificate_a_portal_sent_that_cannot_be_used_reads_in_spanish(spanish, tmp_path,
                                                                           cas, which):
    from agent.audit.log import AuditLog
    from agent.errors import Refusal
    from agent.identity.keys import OwnerKey
    from agent.requests import registering
    from agent.requests.portal_client import PortalClient
    from frp.registration import Contact
    from portal.ca import issue_owner_certificate
    from tests.test_registration_agent import AGENCY_ID, CODE, HOME_CAMERAS, answering_portal

    ours, theirs = cas
    home = tmp_path / "home"
    with answering_portal(tmp_path, home, ours) as (server, trust, key):
        stranger = OwnerKey.load_or_create(tmp_path / "stranger").public.raw
        server.answer = {"registration": "reg-1", "token": "bearer", "certificate": {
            "another key": lambda: issue_owner_certificate(ours, stranger),
            "another CA": lambda: issue_owner_certificate(theirs, key.public.raw),
            "not a certificate": lambda: "not a certificate"}[which]()}
        with PortalClient() as client:
            with pytest.raises(Refusal) as caught:
                registering.register(trust, client, AuditLog(home), key, AGENCY_ID, CODE,
                                     Contact("Ann"), HOME_CAMERAS)
    said = reads_in_spanish(str(caught.value), "Example Police Department")
    assert "certificado" in said and "certificate" not in said


# a recorder's clock or time zone it cannot read ---------------------------------------------
ISAPI = "http://www.hikvision.com/ver20/XMLSchema"


def hikvision_time(local: str, zone: str | None):
    """A Hikvision's answer to GET /ISAPI/System/time: its clock `local`, its time zone `zone`."""
    said = f"<timeZone>{zone}</timeZone>" if zone is not None else ""
    body = (f'<?xml version="1.0" encoding="UTF-8"?><Time version="2.0" xmlns="{ISAPI}">'
            f"<timeMode>NTP</timeMode><localTime>{local}</localTime>{said}</Time>").encode()
    return lambda h, _s: reply(h, 200, body, {"Content-Type": "application/xml"})


@pytest.mark.parametrize("local, zone, kept", [
    ("2026-13-45T99:00:00", "CST-8", "2026-13-45T99:00:00"),
    ("2026-11-20T22:00:00", "not a zone!", "not a zone!"),
    ("2026-11-20T22:00:00", "CST+6CDT,M13.2.0,M11.1.0", "M13.2.0"),
    ("2026-11-20T22:00:00", None, "")], ids=["clock", "zone", "summer-time", "no-zone"])
def test_a_recorders_clock_or_zone_it_cannot_read_reads_in_spanish(spanish, local, zone, kept):
    with serving(hikvision_time(local, zone)) as server:
        address = RecorderAddress(server.origin, "hikvision", "admin", allow_plain_http=True)
        recorder = open_recorder(address, "secret", timeout_s=5)
        try:
            with pytest.raises(BadAnswer) as caught:
                recorder.clock() if zone is not None else recorder.zone()
        finally:
            recorder.close()
    said = reads_in_spanish(str(caught.value), kept)
    assert "recorder" not in said and "rule" not in said


def test_a_reolinks_clock_it_cannot_read_reads_in_spanish(spanish):
    import types

    from agent.recorders.reolink import ReolinkRecorder

    # its answer to GetTime, as the recorder's session gives it: a Time that is none
    session = types.SimpleNamespace(cmd=lambda *_a: {"Time": {"year": "soon"}})
    asked = types.SimpleNamespace(_session=session, _zone_override=object())
    with pytest.raises(BadAnswer) as caught:
        ReolinkRecorder._time(asked)
    assert "GetTime" in reads_in_spanish(str(caught.value))


@pytest.mark.parametrize("settings", [{"timeZone": "eight"}, {"timeZone": 10**9}])
def test_a_reolinks_time_zone_settings_it_cannot_read_read_in_spanish(spanish, settings):
    with pytest.raises(BadAnswer) as caught:
        zones.reolink_zone(settings, {})
    assert "GetTime" in reads_in_spanish(str(caught.value))


def test_a_reolinks_clock_put_back_while_it_recorded_reads_in_spanish(spanish):
    said = reads_in_spanish(reolink_answers.PUT_BACK)
    assert "Reolink" in said and "recorder" not in said


@pytest.mark.parametrize("why", ["no CA", "no certificate", "not valid now"])
def test_why_a_clips_credentials_are_self_issued_reads_in_spanish(spanish, tmp_path, why):
    # The export's result said the core's reason in brackets as written.
    import datetime

    from agent.identity.keys import OwnerKey
    from agent.requests.agencies import TrustStore
    from agent.requests.clip_signing import signing_chain
    from gui.views.outcomes import credentials_line
    from portal.state import Portal
    from tests.test_credentials import AGENCY_ID, keep, register_key

    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    home = tmp_path / "home"
    key, trust = OwnerKey.load_or_create(home), TrustStore(home)
    now = None
    if why != "no CA":
        trust.add(portal.write_trust_document("http://127.0.0.1:9"))
    if why == "not valid now":
        keep(home, AGENCY_ID, register_key(portal, key), key)
        now = datetime.datetime.now().timestamp() + 3 * 365 * 86400   # three years on
    chain = signing_chain(trust, key, AGENCY_ID, now=now)
    said = credentials_line(chain)
    assert chain.note and chain.note not in said
    assert "certificado" in said and "certificate" not in said


# a recorder's answer to a search, a list or a call it cannot use ------------------------------
def test_a_dahuas_search_it_did_not_create_reads_in_spanish(spanish):
    # factory.create answered with no search object: "result=" and nothing after it
    with serving(lambda h, _s: reply(h, 200, b"result=\r\n")) as server:
        address = RecorderAddress(server.origin, "dahua", "admin", zone="UTC",
                                  allow_plain_http=True)
        recorder = open_recorder(address, "secret", timeout_s=5)
        try:
            with pytest.raises(BadAnswer) as caught:
                next(iter(recorder.search(1, 10**15, 10**15 + 60 * 10**6)))
        finally:
            recorder.close()
    assert "mediaFileFind" in reads_in_spanish(str(caught.value))


def test_a_dahuas_search_cut_short_reads_in_spanish(spanish):
    """As the refresh says it: the camera not refreshed, why (dahua_search.CUT_SHORT)."""
    from agent.index.unrefreshed import CHANNEL_FAILED
    from agent.recorders.dahua_search import CUT_SHORT

    said = CHANNEL_FAILED.format(camera="nvr/Driveway",
                                 reason=CUT_SHORT.format(where="192.168.1.20:443"))
    assert "192.168.1.20:443" in reads_in_spanish(said, "nvr/Driveway")


def test_a_login_no_recorder_can_take_reads_in_spanish(spanish):
    """The user name HTTP Digest cannot carry, and the password no Reolink can have: nothing
    sent (connect.DIGEST_USER, reolink_answers.NOT_REOLINK_TEXT)."""
    from agent.recorders.connect import DIGEST_USER
    from agent.recorders.reolink_answers import NOT_REOLINK_TEXT

    for words in (DIGEST_USER, NOT_REOLINK_TEXT):
        assert "192.168.1.20:443" in reads_in_spanish(words.format(where="192.168.1.20:443"))


def test_a_recorders_answer_larger_than_any_reads_in_spanish(spanish):
    with serving(lambda h, _s: reply(h, 200, b"x" * ((1 << 20) + 1))) as server:
        wire = Wire(httpx.URL(server.origin), "hikvision", timeout_s=5)
        try:
            with pytest.raises(BadAnswer) as caught:
                wire.call("GET", "/ISAPI/System/deviceInfo", cap=1 << 20)
        finally:
            wire.close()
    said = reads_in_spanish(str(caught.value), "/ISAPI/System/deviceInfo", "127.0.0.1")
    assert "grabadora" in said and "ignored" not in said


@pytest.mark.parametrize("status", [{"channels": 1}, [{"channel": "one"}]])
def test_a_reolinks_list_of_channels_not_in_its_form_reads_in_spanish(spanish, status):
    with pytest.raises(BadAnswer) as caught:
        reolink_answers.channels_of(status)
    assert "Reolink" in reads_in_spanish(str(caught.value))


@pytest.mark.parametrize("kept", [b"{not json", b"[1, 2]"], ids=["unreadable", "other shape"])
def test_a_damaged_file_of_recorder_passwords_reads_in_spanish(spanish, tmp_path, kept):
    from agent.recorders.credentials import FILE_NAME, CredentialError, CredentialStore

    (tmp_path / FILE_NAME).write_bytes(kept)
    store = CredentialStore(tmp_path, keyring_backend=False, passphrase=lambda: b"phrase")
    with pytest.raises(CredentialError) as caught:
        store.load("recorder-1")
    said = reads_in_spanish(str(caught.value), FILE_NAME)
    assert "damaged" not in said
