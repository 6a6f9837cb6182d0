"""A recorder's answers that reached the Spanish app in English (a hunt ran the messages under
agent/ the app shows through core_words with the Spanish catalogue): a download stopped or
refused (more than announced, too slow, shorter than announced every time, its password
refused part way, text instead of footage, the owner's stop). Each is made by the agent's own
code, against a real HTTP server on 127.0.0.1 where the answer matters; every part of it must
read in Spanish with its values kept."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

from agent.recorders import fetch  # noqa: E402
from agent.recorders.model import RecorderError  # noqa: E402
from agent.recorders.wire import Wire  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words_answers import reads_in_spanish  # noqa: E402
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
