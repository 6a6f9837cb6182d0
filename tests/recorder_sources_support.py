"""Shared pieces of the tests of recorders as sources: real footage of the last day (the index
mirrors the last weeks only) in the simulator's layout, the command line in this process, and
a request for a hold."""
from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from agent.cli import main
from agent.service import Agent
from agent.requests.agencies import TrustStore
from agent.requests.registrations import Registration
from agent.timebase import US
from tests.recorder_support import (CLIP_S, stand_clocks_still,  # noqa: F401 (CLIP_S: the tests')
                                    two_channels)
from tests.test_desk import AGENCY_ID, agency_doc, request_token

PASSWORD = "correct horse 7"
PASSPHRASE = "owner passphrase for the recorders"
POSIX_LA, IANA_LA = "PST8PDT,M3.2.0,M11.1.0", "America/Los_Angeles"

HOURS_OFF = 3 * 3600
# Yesterday, on the hour: recent enough to be mirrored whenever the tests run.
T0 = (int(time.time()) // 3600 - 24) * 3600 * US


@pytest.fixture(scope="session")
def recent_footage(tmp_path_factory) -> Path:
    """Driveway: three 10 s clips from T0 (GOP 2 s); Porch: one."""
    return two_channels(tmp_path_factory.mktemp("nvr-recent"), T0)


@pytest.fixture
def agent(tmp_path, monkeypatch):
    """An Agent of a new home whose owner key (made as a recorder is added) is locked with
    PASSPHRASE, its recorders' clocks read with this PC's and the simulator's standing still
    (stand_clocks_still: the offsets read are the simulator's exactly, whatever the load)."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    stand_clocks_still(monkeypatch)
    a = Agent(tmp_path / "home")
    yield a
    a.close()


def cli(capsys, monkeypatch, home: Path, *args: str, stdin: str = "") -> tuple[int, object, str]:
    """`footage-agent --home HOME ARGS` in this process: exit code, stdout (parsed when JSON),
    stderr."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--home", str(home), *args])
    out = capsys.readouterr()
    text = out.out.strip()
    return code, (json.loads(text) if text.startswith(("[", "{")) else out.out), out.err


def trust_demo_agency(home: Path, tmp: Path) -> None:
    """The agency of tests/test_desk.py trusted, with a registration, as registering leaves it."""
    doc = tmp / "agency.json"
    doc.write_text(json.dumps(agency_doc()))
    trust = TrustStore(home)
    trust.add(doc)
    trust.keep_registration(Registration(AGENCY_ID, "reg-1", "portal-secret"))


def request_file(tmp: Path, jti: str, start_us: int, end_us: int, cameras: tuple[str, ...]) -> Path:
    """A signed request for [start, end), made now, as a file to import."""
    now = int(time.time())
    token = request_token(jti, start_us / US, end_us / US, cameras=cameras, iat=now - 10,
                          exp=now + 3600)
    path = tmp / f"{jti}.jws"
    path.write_text(token + "\n")
    return path
