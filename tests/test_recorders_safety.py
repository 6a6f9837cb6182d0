"""Read only, outbound only, and the device's certificate pinned: the allow-list refuses every
request off it before a byte leaves; a changed or untrusted certificate is refused before any
HTTP is written (so no password goes to an impostor); plain http only where the owner chose
it on the home network; sessions are closed."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
import pytest

from agent.recorders import allowlist
from agent.recorders.connect import RecorderAddress, look_at_certificate, open_recorder
from agent.recorders.model import CertificateChanged, NotAllowed, RecorderError
from agent.recorders.transport import fingerprint_text, recorder_url
from agent.recorders.wire import Wire
from nvrsim.server import Simulator
from tests.recorder_support import PASSWORD, VENDORS, connect, footage

__all__ = ["footage"]

# What a client must never send: settings changes, reboots, users, live streams.
FORBIDDEN = {
    "reolink": [("POST", "/cgi-bin/api.cgi?cmd=SetTime&token=x", [{"cmd": "SetTime"}]),
                ("POST", "/cgi-bin/api.cgi?cmd=GetTime&token=x", [{"cmd": "Reboot"}]),  # smuggled
                ("POST", "/cgi-bin/api.cgi?cmd=GetTime&token=x", [{"cmd": "GetTime"}, {"cmd": "Format"}]),
                ("GET", "/cgi-bin/api.cgi?cmd=Snap&channel=0", None),
                ("GET", "/flv?port=1935&app=bcs&stream=channel0_main.bcs", None)],
    "dahua": [("GET", "/cgi-bin/configManager.cgi?action=setConfig&NTP.Enable=false", None),
              ("GET", "/cgi-bin/configManager.cgi?action=getConfig&name=UserManager", None),
              ("GET", "/cgi-bin/magicBox.cgi?action=reboot", None),
              ("GET", "/cgi-bin/global.cgi?action=setCurrentTime&time=2020-01-01%2000:00:00", None),
              ("GET", "/cgi-bin/mjpg/video.cgi?channel=1", None),
              ("GET", "/cgi-bin/magicBox.cgi?action=getSystemInfo&action=reboot", None),
              ("POST", "/cgi-bin/global.cgi?action=getCurrentTime", None)],
    "hikvision": [("PUT", "/ISAPI/System/time", "<Time/>"),
                  ("PUT", "/ISAPI/System/reboot", None),
                  ("DELETE", "/ISAPI/ContentMgmt/record/tracks/101", None),
                  ("GET", "/ISAPI/Streaming/channels/101/picture", None),
                  ("GET", "/ISAPI/Security/users", None),
                  ("POST", "/ISAPI/System/deviceInfo", "<x/>")],
}


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_allow_list_refuses_anything_but_reading_and_nothing_reaches_the_device(vendor, footage):
    with Simulator(footage, vendor, "admin", PASSWORD) as sim:
        base = recorder_url(sim.url)
        wire = Wire(base, vendor, auth=httpx.DigestAuth("admin", PASSWORD), timeout_s=5)
        try:
            for method, path, body in FORBIDDEN[vendor]:
                content = json.dumps(body).encode() if isinstance(body, list) else (
                    body.encode() if body else None)
                with pytest.raises(NotAllowed):
                    wire.call(method, path, content=content)
        finally:
            wire.close()
        assert sim.device.log == []  # refused here, never sent


def test_the_allow_list_passes_each_vendors_read_calls():
    ok = [("reolink", "POST", "/cgi-bin/api.cgi?cmd=Search&token=t",
           json.dumps([{"cmd": "Search"}]).encode()),
          ("reolink", "GET", "/cgi-bin/api.cgi?cmd=Download&source=a.mp4&token=t", None),
          ("dahua", "GET", "/cgi-bin/mediaFileFind.cgi?action=findNextFile&object=1&count=100", None),
          ("dahua", "GET", "/cgi-bin/configManager.cgi?action=getConfig&name=ChannelTitle", None),
          ("dahua", "GET", "/cgi-bin/RPC_Loadfile/mnt/dvr/2024/a.dav", None),
          ("hikvision", "POST", "/ISAPI/ContentMgmt/search", b"<x/>"),
          ("hikvision", "GET", "/ISAPI/System/time", None)]
    for vendor, method, url, body in ok:
        allowlist.check(vendor, httpx.Request(method, "http://127.0.0.1" + url, content=body))
    with pytest.raises(NotAllowed):
        allowlist.check("dahua", httpx.Request("GET", "http://127.0.0.1/cgi-bin/RPC_Loadfile/../../etc/passwd"))
    with pytest.raises(NotAllowed):
        allowlist.check("acme", httpx.Request("GET", "http://127.0.0.1/"))


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_changed_certificate_is_refused_before_anything_is_sent(vendor, footage):
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True) as trusted, \
            Simulator(footage, vendor, "admin", PASSWORD, tls=True) as impostor:
        pin = look_at_certificate(trusted.url)
        assert pin == trusted.fingerprint != impostor.fingerprint
        # The impostor answers at the address the owner trusted another certificate for.
        rec = open_recorder(RecorderAddress(impostor.url, vendor, "admin", pin, "UTC"), PASSWORD,
                            timeout_s=5)
        try:
            with pytest.raises(CertificateChanged) as changed:
                rec.info()
        finally:
            rec.close()
        assert impostor.device.log == [] and impostor.device.failures == 0  # no login reached it
        assert fingerprint_text(impostor.fingerprint)[:23] in str(changed.value)
        assert "check its certificate" in str(changed.value)


def test_the_first_look_at_a_certificate_sends_no_request(footage):
    with Simulator(footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        seen = look_at_certificate(sim.url)
        assert seen == sim.fingerprint and len(seen) == 64
        assert sim.device.log == []
        with pytest.raises(RecorderError, match="trust it"):
            open_recorder(RecorderAddress(sim.url, "hikvision", "admin"), PASSWORD)
    assert fingerprint_text("ab" * 32).count(":") == 31


def test_plain_http_only_to_this_computer_or_by_choice_on_the_home_network():
    assert recorder_url("http://127.0.0.1:8080").port == 8080
    with pytest.raises(RecorderError, match="plain http"):
        recorder_url("http://192.168.1.20")
    assert recorder_url("http://192.168.1.20", allow_plain_http=True).host == "192.168.1.20"
    assert recorder_url("http://nvr.local", allow_plain_http=True).host == "nvr.local"
    with pytest.raises(RecorderError, match="not on your home network"):
        recorder_url("http://93.184.216.34", allow_plain_http=True)
    for bad in ("https://admin:pw@192.168.1.20", "ftp://192.168.1.20", "https://nvr/cgi-bin/x",
                "not a url at all"):
        with pytest.raises(RecorderError):
            recorder_url(bad)


def test_reolink_logs_in_once_logs_out_on_close_and_logs_in_again_when_the_session_ends(footage):
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        frontend = sim._server.frontend
        rec = connect(sim, "reolink")
        try:
            rec.info()
            rec.clock()
            assert len(frontend.tokens) == 1
            frontend.tokens.clear()  # the device ended the session ("please login first")
            assert rec.clock().zone
            assert len(frontend.tokens) == 1
        finally:
            rec.close()
        assert frontend.tokens == set()
        logins = [p for _m, p in sim.device.log if "cmd=Login" in p]
        assert len(logins) == 2 and PASSWORD not in repr(sim.device.log)


def test_the_simulator_command_serves_until_stopped(footage):
    """`footage-nvr-sim serve` (the installed command) prints its address and fingerprint,
    answers a client, and stops cleanly on SIGTERM."""
    import shutil
    import signal
    import subprocess

    command = shutil.which("footage-nvr-sim") or str(Path(sys.executable).parent / "footage-nvr-sim")
    proc = subprocess.Popen([command, "serve", str(footage), "--vendor", "hikvision",
                             "--password", PASSWORD, "--https", "--tz", "CET-1CEST,M3.5.0,M10.5.0/3"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline().split()
        assert first[:3] == ["hikvision", "recorder", "on"], first
        url, fingerprint = first[3], proc.stdout.readline().split()[-1]
        pin = look_at_certificate(url)
        assert pin == fingerprint
        rec = open_recorder(RecorderAddress(url, "hikvision", "admin", pin), PASSWORD, timeout_s=5)
        try:
            assert rec.clock().zone in ("UTC+0100", "UTC+0200")  # CET or CEST, as the device says
            assert [c.name for c in rec.info().channels] == ["Driveway", "Porch"]
        finally:
            rec.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_password_appears_in_no_log_record_message_or_repr(vendor, footage, tmp_path, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    from agent.recorders.connect import fetch_window
    from tests.recorder_support import T0
    from agent.timebase import US

    with Simulator(footage, vendor, "admin", PASSWORD, tls=True) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            rec.info()
            got = fetch_window(rec, 0 if vendor == "reolink" else 1, T0, T0 + 5 * US, tmp_path)
            shown = repr(rec) + repr(got) + repr(rec.clock())
        finally:
            rec.close()
        bad = connect(sim, vendor, password=PASSWORD + "x")
        try:
            with pytest.raises(RecorderError) as refused:
                bad.info()
        finally:
            bad.close()
    assert caplog.records  # the HTTP stack did log: and none of it carries the password
    for text in (caplog.text, shown, str(refused.value), repr(refused.value)):
        assert PASSWORD not in text


@pytest.mark.parametrize("lease_s", [300, 30])
def test_reolink_keeps_a_short_leased_token_and_logs_out_the_old_one_before_the_next(
        footage, lease_s, monkeypatch):
    """Recorders hunt: a Reolink token leased for 300 s or less was taken for expired as soon
    as it came (it was renewed 300 s before its lease ended), so every command logged in
    again and no session was logged out: the device's sessions piled up to 'max session' (8
    on an NVR), and the recorder could not be asked at all until they lapsed."""
    import agent.recorders.reolink_session as reolink_session

    now = [1000.0]
    monkeypatch.setattr(reolink_session.time, "monotonic", lambda: now[0])
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        frontend = sim._server.frontend
        frontend.lease_s = lease_s
        rec = connect(sim, "reolink")
        try:
            for _ in range(10):   # more commands than the device has sessions
                rec.info()
            assert len(frontend.tokens) == 1
            first = set(frontend.tokens)
            now[0] += lease_s - 1   # shortly before the lease ends: a new session, the old out
            assert rec.clock().zone
            assert len(frontend.tokens) == 1 and frontend.tokens != first
        finally:
            rec.close()
        assert frontend.tokens == set()
        assert len([p for _m, p in sim.device.log if "cmd=Login" in p]) == 2
