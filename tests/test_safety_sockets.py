"""No listening socket and no live-view path: the desktop app (offscreen) with recordings and
a portal configured holds no listening TCP/UDP socket, and no module of the agent or the app
uses an API that could serve or stream. (`footage-agent run` is checked in test_safety_flow.py
and test_watch.py, and here with a recorder on the network as a source.)"""
from __future__ import annotations

import ast
import base64
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent.commands.gui import load_app
from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings
from portal.server import PortalServer
from portal.state import Portal
from tests import child_sockets
from tests.registering import enrol
from tests.test_safety_flow import _inbox_ids

ROOT = Path(__file__).resolve().parent.parent
AGENCY_ID = "https://police.example.gov"

# Modules whose only use would be to accept connections or stream media out.
SERVING_MODULES = {"socket", "socketserver", "http.server", "xmlrpc.server", "wsgiref",
                   "asyncore", "asynchat", "smtpd", "PySide6.QtNetwork", "PySide6.QtWebSockets",
                   "PySide6.QtHttpServer", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineCore",
                   "PySide6.QtMultimedia", "PySide6.QtRemoteObjects"}
SERVING_CALLS = {"start_server", "start_unix_server", "create_server", "create_datagram_endpoint",
                 "listen", "serve_forever", "QTcpServer", "QUdpSocket", "QLocalServer"}
# ffmpeg can push to or listen on the network with these; the agent only reads and writes files.
STREAM_MARKERS = ("rtsp://", "rtmp://", "rtp://", "udp://", "tcp://", "srt://", "icecast://")


# The one module allowed `socket`, for what alone: recorders reached over plain http by name are
# connected to only at an address of the home network, so the name is looked up first
# (agent/recorders/transport.py, home_addresses). Anything else of `socket` there fails below.
NAME_LOOKUP = ("agent/recorders/transport.py", {"getaddrinfo", "SOCK_STREAM"})


def _python_files() -> list[Path]:
    return sorted(p for folder in ("agent", "gui") for p in (ROOT / folder).rglob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def _stopped(proc: subprocess.Popen) -> str:
    """Stop a child as a service manager would (SIGTERM, then kill); what it wrote to stderr."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.communicate(timeout=30)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()[1]


def test_no_module_of_the_agent_or_the_app_can_serve_or_stream():
    files = _python_files()
    assert len(files) > 40
    problems = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(ROOT)
        looks_up = rel.as_posix() == NAME_LOOKUP[0]
        for name in _imports(tree):
            if looks_up and name == "socket":
                problems += _socket_uses_beyond_lookup(tree, rel)
            elif any(name == m or name.startswith(m + ".") for m in SERVING_MODULES):
                problems.append(f"{rel}: imports {name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in SERVING_CALLS:
                problems.append(f"{rel}:{node.lineno}: uses .{node.attr}")
            elif isinstance(node, ast.Name) and node.id in SERVING_CALLS:
                problems.append(f"{rel}:{node.lineno}: uses {node.id}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.lower()
                if any(m in text for m in STREAM_MARKERS) or text.strip() == "-listen":
                    problems.append(f"{rel}:{node.lineno}: network media address {node.value!r}")
    assert problems == []


def _socket_uses_beyond_lookup(tree: ast.AST, rel: Path) -> list[str]:
    """What NAME_LOOKUP's module takes of `socket` besides looking a name up: only
    `socket.NAME` with NAME allowed (no `from socket import`, no other use of the module)."""
    allowed, uses = NAME_LOOKUP[1], []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "socket":
            uses.append(f"{rel}:{node.lineno}: imports from socket")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                node.value.id == "socket" and node.attr not in allowed:
            uses.append(f"{rel}:{node.lineno}: uses socket.{node.attr}")
    names = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "socket"]
    attributes = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute)
                  and isinstance(n.value, ast.Name) and n.value.id == "socket"]
    if len(names) != len(attributes):   # the module itself handed on or kept
        uses.append(f"{rel}: uses the socket module other than socket.NAME")
    return uses


def test_only_a_name_lookup_of_socket_is_let_through():
    """The exception above holds only for a lookup: a listening use in that module fails."""
    served = ast.parse("import socket\ns = socket.socket()\ns.bind(('', 80))\n")
    handed = ast.parse("import socket\nkeep = socket\nsocket.getaddrinfo('nvr', 80)\n")
    looked_up = ast.parse("import socket\nsocket.getaddrinfo('nvr', 80, "
                          "type=socket.SOCK_STREAM)\n")
    rel = Path(NAME_LOOKUP[0])
    assert _socket_uses_beyond_lookup(served, rel) == [f"{rel}:2: uses socket.socket"]
    assert _socket_uses_beyond_lookup(handed, rel) == [
        f"{rel}: uses the socket module other than socket.NAME"]
    assert _socket_uses_beyond_lookup(looked_up, rel) == []


def test_the_desktop_app_offscreen_with_a_portal_listens_on_nothing(tmp_path):
    # The app must exist and load; if it cannot, this fails rather than skipping quietly.
    assert load_app() is not None, "gui.shell.app cannot be imported (PySide6 missing?)"
    rec = tmp_path / "rec"
    t0 = (int(time.time()) - 3600) * US
    make_recordings(rec, "blue-iris", "porch", t0, 1, 2.0, fps=5)
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    home = tmp_path / "home"
    with PortalServer(portal.state_dir):
        agent = Agent(home)
        try:
            agent.add_source(rec, camera="porch", tz="UTC")
            agent.requests.trust.add(portal.state_dir / "agency.json")
            reg = enrol(home, portal, ("porch",)).registration
        finally:
            agent.close()
        request = portal.create_request(reg, t0, t0 + 2 * US, "2026-9", "Det. Roe",
                                        cameras=("porch",))
        jti = json.loads(base64.urlsafe_b64decode(request.split(".")[1] + "==="))["jti"]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        since = child_sockets.mark()
        proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(home), "gui"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env=env, cwd=ROOT)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                if jti in _inbox_ids(home):
                    break
                time.sleep(0.3)
            time.sleep(0.5)
            running = proc.poll() is None
        finally:
            err = _stopped(proc)
    assert running, f"the app stopped by itself: {err}"
    assert jti in _inbox_ids(home), "the app's service never polled the portal"
    assert child_sockets.calls(proc.pid, since) == []   # from start to quit, not sampled
    assert "Traceback" not in err


def test_the_audit_hook_sees_a_child_that_listens_and_a_child_without_it_proves_nothing():
    """The check above is worth something only if it catches a listener: a child that binds
    and listens is recorded, and one started so that it skips the hook fails the check."""
    listener = ("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); "
                "s.close()")
    since = child_sockets.mark()
    done = subprocess.Popen([sys.executable, "-c", listener])
    done.wait()
    events = [c["event"] for c in child_sockets.calls(done.pid, since)]
    assert events == ["socket.bind", "socket.listen"]
    unbound = subprocess.Popen([sys.executable, "-c",   # listening without binding first
                                "import socket; socket.socket().listen()"])
    unbound.wait()
    assert [c["event"] for c in child_sockets.calls(unbound.pid, since)] == ["socket.listen"]
    isolated = subprocess.Popen([sys.executable, "-I", "-c", listener])   # -I: no PYTHONPATH
    isolated.wait()
    with pytest.raises(AssertionError, match="without the socket audit hook"):
        child_sockets.calls(isolated.pid, since)


def test_run_with_a_recorder_source_asks_it_outbound_and_listens_on_nothing(tmp_path, monkeypatch):
    """`footage-agent run` with a recorder on the network (the simulator, over HTTPS) and a
    folder: it mirrors the recorder's search, outbound, and binds or listens on nothing."""
    from agent.views import RecorderAddress
    from nvrsim.server import Simulator
    from tests.recorder_sources_support import PASSPHRASE, PASSWORD, T0
    from demo.samples import ClipSpec, write_clip
    from nvrsim.catalogue import channel_folder, clip_name

    nvr = tmp_path / "nvr"
    write_clip(ClipSpec(path=nvr / channel_folder(1, "Gate") / clip_name(T0, T0 + 4 * US),
                        start_us=T0, seconds=4, fps=5))
    rec = tmp_path / "rec"
    make_recordings(rec, "blue-iris", "porch", T0, 1, 2.0, fps=5)
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)   # no keychain here
    env = {**os.environ}
    home = tmp_path / "home"
    with Simulator(nvr, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent = Agent(home)
        try:
            agent.add_source(rec, camera="porch", tz="UTC")
            agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin",
                                               agent.look_at_recorder(sim.url)), PASSWORD,
                               name="gate")
        finally:
            agent.close()
        searched_before = sum(1 for _m, p in sim.device.log if "search" in p)
        since = child_sockets.mark()
        proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(home), "run"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env=env, cwd=ROOT)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                if sum(1 for _m, p in sim.device.log if "search" in p) > searched_before:
                    break
                time.sleep(0.2)
            time.sleep(0.5)
            asked = sum(1 for _m, p in sim.device.log if "search" in p) > searched_before
        finally:
            err = _stopped(proc)
    assert asked, f"run never asked the recorder: {err}"
    assert child_sockets.calls(proc.pid, since) == []   # from start to quit, not sampled
    assert "Traceback" not in err
