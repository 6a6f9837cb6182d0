"""The recorder address an owner types in "Add a recorder on your network", refused before
anything is sent, and a recorder whose answers are not the chosen make's, in the owner's
language: each reached the Spanish app in English (no template). Each message is made by the agent's own call, the one the app makes
(Agent.look_at_recorder, the recorder's wire), against real sockets on 127.0.0.1."""
from __future__ import annotations

import os
import re
import socket
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from agent.recorders.connect import RecorderAddress, open_recorder  # noqa: E402
from agent.recorders.model import RecorderError  # noqa: E402
from agent.recorders.wire import Wire  # noqa: E402
from agent.service import Agent  # noqa: E402
from gui.views import core_words  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from nvrsim.reolink import MAX_SESSIONS  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_safety_network import reply, serving  # noqa: E402

# Words of the core's English that no Spanish sentence here holds.
ENGLISH = re.compile(r"\b(is|not|the|address|give|would|reached|refused|complete|wants|"
                     r"add|try)\b", re.IGNORECASE)


def refusal(address: str, plain_http: bool = False) -> str:
    with pytest.raises(RecorderError) as caught:
        Agent.look_at_recorder(address, plain_http)
    return str(caught.value)


def spanish_of(message: str, **values) -> str:
    template = matches(message)
    assert template is not None, f"no template for the agent's {message!r}"
    said = QCoreApplication.translate(core_words.CONTEXT, template)
    assert said != template, f"no Spanish for {template!r}"
    return said.format(**values)


@pytest.mark.parametrize("typed, plain_http, values", [
    ("192.168.1.20", False, {"address": "192.168.1.20"}),            # no https:// before it
    ("https://admin:secret@192.168.1.20", False, {}),
    ("https://192.168.1.20/doc/page/login.asp", False, {}),          # its web page's address
    ("http://192.168.1.20", False, {"host": "192.168.1.20"}),        # the box left unticked
    ("http://93.184.216.34", True, {"host": "93.184.216.34"}),           # not on the home network
], ids=["no scheme", "password in it", "a page", "plain http", "away"])
def test_a_recorder_address_refused_reads_in_spanish(spanish, typed, plain_http, values):
    message = refusal(typed, plain_http)
    said = in_owner_language(message)
    assert said == spanish_of(message, **values)
    assert not ENGLISH.search(said.replace(values.get("host", "-"), "")), said


def test_a_recorder_that_does_not_speak_https_reads_in_spanish(spanish):
    # Something answers on the port but never completes the handshake (a plain-http box).
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.settimeout(5)
    try:
        def hang_up() -> None:
            conn, _ = listener.accept()
            conn.recv(1024)
            conn.close()
        hung = threading.Thread(target=hang_up)
        hung.start()
        message = refusal(f"https://127.0.0.1:{port}")
        hung.join()
    finally:
        listener.close()
    assert matches(message) is not None, message
    said = in_owner_language(message)
    assert said.startswith("127.0.0.1 no completó la conexión segura"), said
    assert "plain http only" not in said


def test_a_recorder_sending_the_app_to_https_reads_in_spanish(spanish):
    with serving(lambda h, s: reply(h, 302, b"", {"Location": "https://127.0.0.1/"})) as server:
        wire = Wire(httpx.URL(server.origin), "hikvision")
        try:
            with pytest.raises(RecorderError) as caught:
                wire.call("GET", "/ISAPI/System/deviceInfo")
        finally:
            wire.close()
    message = str(caught.value)
    where = server.origin.split("://")[1]
    assert in_owner_language(message) == spanish_of(message, where=where,
                                                    address="https://127.0.0.1")
    assert in_owner_language(message).endswith("añádala con la dirección https://127.0.0.1.")


@pytest.mark.parametrize("real, chosen", [
    ("hikvision", "hikvision"), ("dahua", "dahua"), ("reolink", "reolink"),   # garbage answers
    ("hikvision", "dahua"), ("hikvision", "reolink"),                         # another make
], ids=["not ISAPI", "not Dahua", "not Reolink", "Dahua refused", "Reolink HTTP status"])
def test_a_recorder_of_another_make_or_none_reads_in_spanish(spanish, tmp_path, real, chosen):
    (tmp_path / "nvr").mkdir()
    faults = ("garbage",) if real == chosen else ()
    agent = Agent(tmp_path / "home")
    try:
        with Simulator(tmp_path / "nvr", real, "admin", "pw", faults=faults) as sim:
            with pytest.raises(RecorderError) as caught:
                agent.check_recorder(RecorderAddress(sim.url, chosen, "admin", None, "UTC"), "pw")
            where = sim.url.split("://")[1].rstrip("/")
    finally:
        agent.close()
    message = str(caught.value)
    said = in_owner_language(message)
    assert said.startswith(f"La grabadora en {where} "), said
    assert not ENGLISH.search(said.split(where, 1)[1]), said


def test_a_recorder_redirecting_elsewhere_reads_in_spanish(spanish):
    with serving(lambda h, s: reply(h, 302, b"", {"Location": "/login"})) as server:
        wire = Wire(httpx.URL(server.origin), "hikvision")
        try:
            with pytest.raises(RecorderError) as caught:
                wire.call("GET", "/ISAPI/System/deviceInfo")
        finally:
            wire.close()
    message = str(caught.value)
    where = server.origin.split("://")[1]
    assert in_owner_language(message) == spanish_of(message, where=where, status="302")


def test_a_reolink_with_every_session_taken_reads_in_spanish(spanish, tmp_path):
    # The owner's phone apps and browser tabs hold the recorder's few sessions.
    (tmp_path / "nvr").mkdir()
    agent = Agent(tmp_path / "home")
    held = []
    try:
        with Simulator(tmp_path / "nvr", "reolink", "admin", "pw") as sim:
            address = RecorderAddress(sim.url, "reolink", "admin", None, "UTC")
            for _ in range(MAX_SESSIONS):
                held.append(open_recorder(address, "pw"))
                held[-1].info()
            with pytest.raises(RecorderError) as caught:
                agent.check_recorder(address, "pw")
            where = sim.url.split("://")[1].rstrip("/")
            for recorder in held:
                recorder.close()
    finally:
        agent.close()
    message = str(caught.value)
    assert in_owner_language(message) == spanish_of(message, where=where)


def test_a_reolink_refusing_the_login_for_another_reason_reads_in_spanish(spanish):
    # An error code that is not about the password: the general "refused {request}" must not
    # take it, or "the login" would stay English in the Spanish sentence.
    body = b'[{"cmd": "Login", "code": 1, "error": {"rspCode": -12, "detail": "ability error"}}]'
    with serving(lambda h, s: reply(h, 200, body, {"Content-Type": "application/json"})) as server:
        address = RecorderAddress(server.origin, "reolink", "admin", None, "UTC")
        recorder = open_recorder(address, "pw")
        try:
            with pytest.raises(RecorderError) as caught:
                recorder.info()
        finally:
            recorder.close()
    message = str(caught.value)
    where = server.origin.split("://")[1]
    said = in_owner_language(message)
    assert said == spanish_of(message, where=where, detail="ability error")
    assert "login" not in said
