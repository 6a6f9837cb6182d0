"""The agent's databases are private (issue 15, finding 9): index.db and inbox.db, with their
-wal and -shm files, are 0600 whatever the umask, and ones left looser are tightened."""
from __future__ import annotations

import os
import stat
import sys

import pytest

from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
FILES = [f"{db}{tail}" for db in ("index.db", "inbox.db") for tail in ("", "-wal", "-shm")]


def modes(home) -> dict[str, str]:
    return {name: oct(stat.S_IMODE((home / name).stat().st_mode)) for name in FILES
            if (home / name).exists()}


@pytest.fixture
def open_umask():
    old = os.umask(0o022)   # the usual default: new files 0644, readable by every account
    yield
    os.umask(old)


def _use(home, rec) -> Agent:
    agent = Agent(home)
    agent.scan([str(rec)], tz="UTC")
    agent.requests.list()
    return agent


def test_index_and_inbox_with_wal_and_shm_are_0600(tmp_path, open_umask):
    rec = tmp_path / "rec"
    make_recordings(rec, "blue-iris", "porch", 1_700_000_000 * US, 1, 1.0, fps=5)
    agent = _use(tmp_path / "home", rec)
    try:   # -wal and -shm exist while the databases are open
        assert modes(tmp_path / "home") == {name: "0o600" for name in FILES}
    finally:
        agent.close()


def test_databases_left_looser_are_tightened_on_opening(tmp_path, open_umask):
    rec = tmp_path / "rec"
    make_recordings(rec, "blue-iris", "porch", 1_700_000_000 * US, 1, 1.0, fps=5)
    home = tmp_path / "home"
    _use(home, rec).close()
    for name in FILES:
        path = home / name
        if not path.exists():
            path.write_bytes(b"")
        path.chmod(0o644)
    agent = _use(home, rec)
    try:
        assert modes(home) == {name: "0o600" for name in FILES}
    finally:
        agent.close()
    assert sys.platform != "win32"
