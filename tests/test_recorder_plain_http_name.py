"""A recorder reached over plain http by a name (`http://nvr.lan`, `http://nvr`): recorders
hunt. The home-network rule for plain http was checked on the name as typed, never on the
address it leads to when the agent connects, so a name that now leads off the home network
(a router's DNS answering every unknown name with its own page, an ISP's resolver turning a
one-word name into a public address through its search domain, a spoofed answer) was sent
the login: a Reolink's password in the clear, a Dahua's or Hikvision's Digest answer for
anyone to guess against. Now each address the name leads to is checked as it is connected to,
and the connection is made to the address checked (no second lookup in between).

The network here is loopback only, so the lookup (socket.getaddrinfo) is replaced to lead the
name where a test needs, and a connection to the outside address is routed to a second
simulator on 127.0.0.1 standing in for the machine on the internet: both what this machine
cannot do for real. The recorders and the agent's client are real."""
from __future__ import annotations

import os
import socket

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.recorders.connect import RecorderAddress, open_recorder
from agent.recorders.model import RecorderError
from nvrsim.server import Simulator
from tests.gui_support import spanish  # noqa: F401
from tests.recorder_support import footage

__all__ = ["footage"]
OUTSIDE = "93.184.215.14"   # example.com's: an address off the home network


@pytest.fixture
def names(monkeypatch):
    """Lead names where the test says, and route connections to OUTSIDE to `outside[0]`."""
    leads: dict[str, str] = {}
    outside: list[int] = []
    real_lookup, real_connect = socket.getaddrinfo, socket.create_connection

    def lookup(host, port, *args, **kw):
        return real_lookup(leads.get(host, host), port, *args, **kw)

    def connect(address, *args, **kw):
        host, port = address[:2]
        if leads.get(host, host) == OUTSIDE:
            return real_connect(("127.0.0.1", outside[0]), *args, **kw)
        return real_connect(address, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    monkeypatch.setattr(socket, "create_connection", connect)
    return leads, outside


@pytest.mark.parametrize("vendor", ("reolink", "dahua", "hikvision"))
def test_a_plain_http_name_now_leading_off_the_home_network_is_sent_nothing(
        vendor, footage, names):
    leads, outside = names
    with Simulator(footage, vendor, "admin", "s3cret-pw") as impostor:
        outside.append(impostor.port)
        leads["nvr.lan"] = OUTSIDE
        address = RecorderAddress(f"http://nvr.lan:{impostor.port}", vendor, "admin", None,
                                  "America/Los_Angeles", allow_plain_http=True)
        with pytest.raises(RecorderError) as caught:
            recorder = open_recorder(address, "s3cret-pw", timeout_s=5)
            try:
                recorder.info()
            finally:
                recorder.close()
        assert impostor.device.log == [], impostor.device.log   # not one request reached it
    said = str(caught.value)
    assert "nvr.lan" in said and OUTSIDE in said and "home network" in said, said
    assert "s3cret" not in said


@pytest.mark.parametrize("vendor", ("reolink", "dahua", "hikvision"))
def test_a_plain_http_name_leading_to_the_home_network_is_used(vendor, footage, names):
    leads, _outside = names
    with Simulator(footage, vendor, "admin", "s3cret-pw") as sim:
        leads["nvr.lan"] = "127.0.0.1"
        address = RecorderAddress(f"http://nvr.lan:{sim.port}", vendor, "admin", None,
                                  "America/Los_Angeles", allow_plain_http=True)
        recorder = open_recorder(address, "s3cret-pw", timeout_s=5)
        try:
            info = recorder.info()
        finally:
            recorder.close()
        assert info.model and sim.device.log


def test_the_refusal_reads_in_spanish(spanish, footage, names):
    from gui.views.core_words import in_owner_language

    leads, outside = names
    with Simulator(footage, "reolink", "admin", "s3cret-pw") as impostor:
        outside.append(impostor.port)
        leads["nvr"] = OUTSIDE
        address = RecorderAddress(f"http://nvr:{impostor.port}", "reolink", "admin", None,
                                  None, allow_plain_http=True)
        with pytest.raises(RecorderError) as caught:
            open_recorder(address, "s3cret-pw", timeout_s=5).info()
    said = in_owner_language(str(caught.value))
    assert said.startswith(f"nvr lleva ahora a {OUTSIDE}, que no está en su red doméstica"), said
    assert "home network" not in said
