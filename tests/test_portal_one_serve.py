"""One `footage-portal serve` per portal folder. A second serve of the same folder (real
processes on 127.0.0.1) rewrote agency.json with its own origin, silently: requests signed
from then on named its upload address, which owners holding the first one's agency file refuse
(protocol.md, request rule 8). It is refused now, naming where the folder is served; the
administrative commands go on working beside the one serve, and the folder is free again once
that process ends. The Windows lock is exercised through its pure part."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from portal import cli
from portal.errors import PortalError
from portal.serve_lock import _LOCK_BYTE, claim_folder, note_origin, release_folder
from portal.server import PortalServer
from portal.state import Portal

PORTAL = [sys.executable, "-m", "portal.cli"]
ROOT = Path(__file__).resolve().parents[1]


def serve(folder: Path) -> subprocess.Popen:
    return subprocess.Popen([*PORTAL, "serve", str(folder), "--quiet"], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_second_serve_of_a_folder_is_refused_and_leaves_the_agency_file_alone(tmp_path,
                                                                                capsys):
    portal = Portal.init(tmp_path / "portal", "Example Police Department",
                         "https://police.example.gov", "+1-206-555-0100")
    first = serve(portal.state_dir)
    try:
        said = first.stdout.readline()
        assert said.startswith("Serving http://127.0.0.1:"), first.stderr.read()
        origin = said.split()[1]
        published = (portal.state_dir / "agency.json").read_text()
        assert json.loads(published)["upload_origins"] == [origin]

        second = subprocess.run([*PORTAL, "serve", str(portal.state_dir)], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 1, second.stdout
        assert f"Another footage-portal serve is serving {portal.state_dir} at {origin} " \
               "already" in second.stderr
        assert "stop the other one first" in second.stderr and "Traceback" not in second.stderr
        assert (portal.state_dir / "agency.json").read_text() == published

        # The administrative commands share the folder with the one serve.
        assert cli.main(["invite", "create", str(portal.state_dir), "--name", "Ann",
                         "--email", "ann@example.org"]) == 0
        assert "inv-" in capsys.readouterr().out
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=60)
    with PortalServer(portal.state_dir) as again:   # the folder is free once it ended
        assert json.loads((portal.state_dir / "agency.json").read_text())[
            "upload_origins"] == [again.origin]


class FakeMsvcrt:
    """msvcrt's locking, as Windows answers it: one holder of a byte at a time."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self, held: bool = False) -> None:
        self.held, self.calls = held, []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, nbytes))
        if mode == self.LK_NBLCK and self.held:
            raise OSError(36, "Resource deadlock avoided")
        self.held = mode == self.LK_NBLCK


def test_on_windows_the_folder_is_claimed_by_a_byte_past_the_origin_written(tmp_path):
    msvcrt = FakeMsvcrt()
    claim = claim_folder(tmp_path, os_name="nt", module=msvcrt)
    note_origin(claim, "https://portal.example.gov")
    assert msvcrt.calls == [(_LOCK_BYTE, msvcrt.LK_NBLCK, 1)]   # the origin stays readable
    with pytest.raises(PortalError) as refused:
        claim_folder(tmp_path, os_name="nt", module=msvcrt)
    assert f"serving {tmp_path} at https://portal.example.gov already" in str(refused.value)
    release_folder(claim, os_name="nt", module=msvcrt)
    assert msvcrt.calls[-1] == (_LOCK_BYTE, msvcrt.LK_UNLCK, 1) and not msvcrt.held
    release_folder(claim_folder(tmp_path, os_name="nt", module=msvcrt), "nt", msvcrt)
