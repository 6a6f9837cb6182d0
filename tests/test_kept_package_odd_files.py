"""What else can stand in the place of a file of a package the app cut and is still to send
(home files hunt 14; test_safe_copy_odd_files.py has a safe copy's): a sync or restore program,
or anyone who can write the home, may leave a named pipe or a 2 GB sparse file there. Approving
again a request whose delivery failed reads the waiting package's `data/owner.pub` (was it
sealed by another key?) and `data/provenance.json` (does it hide what the camera's masks hide
now?). Each is read only when it is an ordinary file and no further than such a file goes:
the pipe is never waited on, the 2 GB file never held. The package then fails its seal check
as any package changed since it was sealed does: set aside, said, and cut again.

The pipes and files are made in the test's own folder; nothing links to a system device."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from agent.requests import portal_retries
from portal.server import PortalServer
from tests.test_requests_e2e import footage, flow, new_request, only_request  # noqa: F401

pytestmark = pytest.mark.skipif(os.name != "posix", reason="named pipes are made here with "
                                "POSIX calls")


def _run(home, *args) -> subprocess.CompletedProcess:
    """A command in a process of its own, its memory capped at 1 GiB, so a reading without
    end is stopped (and said) rather than taking the test's machine with it. (The timeout
    only keeps a hang from stalling the suite; no assert is about time.)"""
    cap = ("import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, "
           "1 << 30)); sys.argv = ['footage-agent', '--home'] + sys.argv[1:]; "
           "runpy.run_module('agent.cli', run_name='__main__')")
    return subprocess.run([sys.executable, "-c", cap, str(home), *args], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def _place(path: Path, what: str) -> None:
    """`what` in the place of the file at `path` (removed first, as a sync program replaces)."""
    path.unlink()
    if what == "a named pipe":
        os.mkfifo(path)
    else:
        with open(path, "wb") as f:
            f.truncate(2 << 30)


def _left(path: Path, what: str) -> bool:
    return path.is_fifo() if what == "a named pipe" else path.stat().st_size == 2 << 30


@pytest.fixture
def waiting(flow, monkeypatch):
    """A request approved while the portal was down: its package cut and waiting, its tar
    deleted (by hand), so approving again checks the package folder itself."""
    portal, server, run, reg = flow
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))
    new_request(portal, reg, cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    port = server.port
    server.stop()
    code, _, err = run("approve", "--yes", "--", jti)
    assert code == 1 and only_request(run)["status"] == "failed", err
    (package,) = [p for p in (run.home / "packages").glob("*/*") if p.is_dir()]
    for tar in (run.home / "outbox").glob("*/*.tar"):
        tar.unlink()
    return portal, port, run, jti, package


@pytest.mark.parametrize("name, what, why", [
    ("owner.pub", "a named pipe", "data/owner.pub is not a plain file"),
    ("owner.pub", "a 2 GB sparse file", "data/owner.pub was changed"),
    ("provenance.json", "a named pipe", "data/provenance.json is not a plain file")])
def test_what_stands_in_a_waiting_packages_files_is_not_read_and_the_package_set_aside(
        waiting, name, what, why):
    """owner.pub was read whole (read_text): a pipe kept `approve` waiting for ever, a 2 GB
    file ended it "footage-agent: MemoryError". provenance.json was opened with open(): a pipe
    kept it waiting. Neither is read now; the package no longer verifies against its seal, so
    it is set aside (kept, for a look, the pipe or file in it as it was) and said, and the
    next approval cuts the approved footage again and delivers it."""
    portal, port, run, jti, package = waiting
    _place(package / "data" / name, what)
    with PortalServer(portal.state_dir, port=port):
        done = _run(run.home, "approve", "--yes", "--", jti)
        assert done.returncode == 3, done.stderr[-3000:]
        said = done.stderr
        assert f"the package for porch changed after it was sealed ({why}" in said, said
        assert "approve it again to export the approved footage again" in said, said
        (aside,) = package.parent.glob(f"{package.name}.changed-*")   # never sent
        assert _left(aside / "data" / name, what)
        done = _run(run.home, "approve", "--yes", "--", jti)
        assert done.returncode == 0, done.stderr[-3000:]
    assert only_request(run)["status"] == "delivered"
    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
