"""A Hikvision answering in XML whose declaration names an encoding Python's XML reader takes
only one byte a character at a time (GB2312, as GB28181 devices, a Hikvision camera's among them, write their signalling; no
public report shows an ISAPI answer so) or names no encoding at all (a hostile device on the LAN). Before, both escaped the
client as Python's own words: adding the recorder said "multi-byte encodings are not
supported" or "unexpected failure: LookupError: unknown encoding: foo", and a refresh took
the device's answer for this computer's failure ("Refreshing it failed on this computer")."""
from __future__ import annotations

import pytest

from agent.recorders.model import BadAnswer
from agent.service import Agent
from agent.views import RecorderAddress
from tests.test_safety_network import reply, serving

NS = "http://www.hikvision.com/ver20/XMLSchema"
DEVICE = ('<DeviceInfo xmlns="{ns}"><deviceName>NVR</deviceName><model>DS-7608NI-K2</model>'
          "<serialNumber>SN1</serialNumber><firmwareVersion>V4.0</firmwareVersion></DeviceInfo>")
CHANNELS = ('<StreamingChannelList xmlns="{ns}"><StreamingChannel><id>101</id><channelName>'
            "大门</channelName></StreamingChannel></StreamingChannelList>")
TIME = ('<Time xmlns="{ns}"><localTime>2026-11-20T14:00:00-08:00</localTime>'
        "<timeZone>PST8PDT,M3.2.0,M11.1.0</timeZone></Time>")


def device(encoding: str, codec: str):
    """A Hikvision NVR answering in `codec`, its declaration saying `encoding`."""
    def behave(h, _server) -> None:
        body = {"/ISAPI/System/deviceInfo": DEVICE, "/ISAPI/Streaming/channels": CHANNELS,
                "/ISAPI/System/time": TIME}.get(h.path.split("?")[0], "<x/>").format(ns=NS)
        text = f'<?xml version="1.0" encoding="{encoding}"?>\n{body}'
        reply(h, 200, text.encode(codec), {"Content-Type": "application/xml"})
    return behave


@pytest.fixture
def agent(tmp_path):
    a = Agent(tmp_path / "home")
    yield a
    a.close()


def test_an_answer_in_gb2312_is_read(agent):
    with serving(device("GB2312", "gbk")) as server:
        check = agent.check_recorder(RecorderAddress(server.origin, "hikvision", "admin",
                                                     allow_plain_http=True), "pw")
    assert check.model == "DS-7608NI-K2" and check.channels == ((1, "大门"),)


def test_an_answer_in_an_encoding_no_one_knows_is_the_recorders_bad_answer(agent):
    with serving(device("x-no-such-encoding", "utf-8")) as server:
        with pytest.raises(BadAnswer) as caught:
            agent.check_recorder(RecorderAddress(server.origin, "hikvision", "admin",
                                                 allow_plain_http=True), "pw")
    said = str(caught.value)
    assert "does not answer as a Hikvision recorder" in said, said
    assert "encoding" not in said, said
