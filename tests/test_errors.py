"""Errors a camera owner can act on, through the real `footage-agent` command in its own process:
a missing recordings folder, an unreadable drive, a full disk, an unreachable portal and an
expired request. Each must exit with the documented code and say, in one plain sentence on
stderr, what happened and what to do; never a traceback or an errno."""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from agent.timebase import US, format_utc
from demo.world import AGENCY_ID, prepare_dir, prepare_home, serve, write_sample_footage
from portal.claims import RequestSpec, request_claims
from portal.signers import sign_request
from tests.conftest import require_tool
from tests.registering import keep_unpinned

ROOT = Path(__file__).resolve().parent.parent
DROP_READ_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                      "--inh-caps=-dac_override,-dac_read_search"]


def run(home: Path, *argv: str, prefix: list[str] | None = None) -> tuple[int, str, str]:
    """`footage-agent --home HOME ...` in a fresh process: (exit code, stdout, stderr)."""
    cmd = [*(prefix or []), sys.executable, "-m", "agent.cli", "--home", str(home), *argv]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    return res.returncode, res.stdout, res.stderr


def assert_plain(err: str, *actions: str) -> str:
    """One line, the command's own words, no traceback or errno, and it says what to do."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("footage-agent: "), line
    for jargon in ("Traceback", "Errno", "Error:", "Exception", "unexpected failure"):
        assert jargon not in line, line
    assert any(a in line for a in actions), f"no action ({actions}) in: {line}"
    return line


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Three minutes of demo footage, the demo portal serving, and a home that trusts it."""
    folder, _ = prepare_dir(tmp_path_factory.mktemp("errors") / "demo")
    footage = write_sample_footage(folder, 3)
    built, portal = serve(folder, footage)
    try:
        yield built, portal
    finally:
        portal.stop()


def fresh_home(tmp_path: Path, world) -> tuple[Path, str]:
    """A new agent home with its own registration at the demo portal; (home, registration)."""
    built, portal = world
    home = tmp_path / "home"
    reg = prepare_home(home, built.footage.root, built.portal_dir / "agency.json",
                       portal.invite())
    return home, reg


def test_a_recordings_folder_that_went_missing_says_to_connect_the_drive(tmp_path, world):
    moved = tmp_path / "rec"
    shutil.copytree(world[0].footage.root / "frigate", moved)
    home = tmp_path / "home"
    assert run(home, "sources", "add", str(moved), "--camera", "driveway", "--tz", "UTC")[0] == 0
    shutil.rmtree(moved)  # the USB drive was unplugged
    code, out, err = run(home, "scan")
    assert code == 1 and out == ""
    line = assert_plain(err, "connect the drive")
    assert str(moved) in line and "missing" in line


def test_an_unreadable_drive_says_to_check_the_drive_and_permissions(tmp_path, world):
    rec = tmp_path / "rec"
    shutil.copytree(world[0].footage.root / "frigate", rec)
    home = tmp_path / "home"
    assert run(home, "sources", "add", str(rec), "--camera", "driveway", "--tz", "UTC")[0] == 0
    # root reads anything: drop the capabilities that let it, so the folder is really unreadable
    prefix = [require_tool("setpriv"), *DROP_READ_OVERRIDE[1:]] if os.geteuid() == 0 else []
    rec.chmod(0)
    try:
        code, out, err = run(home, "scan", prefix=prefix)
    finally:
        rec.chmod(0o755)
    assert code == 1
    line = assert_plain(err, "check that the drive is connected")
    assert "cannot be read (permission denied)" in line and str(rec) in line


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    return done.returncode == 0


def _full_disk_simulated(tmp_path, built, monkeypatch, capsys) -> None:
    """Without root no tmpfs can be mounted: the disk fills at the package's first tag file."""
    import errno

    from agent.cli import main
    from agent.export import package

    def full(path, chunks):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(package, "write_hashed", full)
    t, out_dir = built.footage.times, tmp_path / "out"
    code = main(["--home", str(built.home), "export", "--camera", "driveway", "--from",
                 format_utc(t.start_us), "--to", format_utc(t.end_us), "--out", str(out_dir),
                 "--json"])
    err = capsys.readouterr().err
    assert code == 1
    assert "is full" in assert_plain(err, "free some space")
    assert list(out_dir.iterdir()) == []


def test_a_full_disk_says_to_free_space_and_leaves_no_half_package(tmp_path, world, monkeypatch,
                                                                   capsys):
    built = world[0]
    assert run(built.home, "scan")[0] == 0
    disk = tmp_path / "usb"
    if not _mount_tmpfs(disk, "2m"):
        return _full_disk_simulated(tmp_path, built, monkeypatch, capsys)
    try:
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * (free - 64 * 1024))  # 64 KiB left: less than a clip
        (disk / "out").mkdir()
        t = built.footage.times
        code, out, err = run(built.home, "export", "--camera", "driveway", "--from",
                             format_utc(t.start_us), "--to", format_utc(t.end_us),
                             "--out", str(disk / "out"), "--json")
        assert code == 1 and out == ""
        line = assert_plain(err, "free some space")
        assert "is full" in line and str(disk / "out") in line
        assert [p.name for p in (disk / "out").iterdir()] == []  # no folder that looks finished
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_portal_says_what_happened_and_what_to_do(tmp_path, world):
    built, portal = world
    home = tmp_path / "home"
    doc = portal.portal.trust_document(f"http://127.0.0.1:{_closed_port()}")
    agency = tmp_path / "agency.json"
    agency.write_text(json.dumps({**doc, "id": "https://offline.example.gov"}))
    assert run(home, "agencies", "add", str(agency))[0] == 0
    code, out, err = run(home, "agencies", "register", "https://offline.example.gov",
                         "--invite", portal.invite(), "--name", "Ann")
    assert code == 1 and out == ""
    line = assert_plain(err, "try again later")
    assert "cannot reach" in line and "registering with" in line
    assert run(home, "agencies", "registrations", "--json")[1] == "[]\n"   # nothing half-kept
    keep_unpinned(home, "https://offline.example.gov", "reg-1", "secret-token")
    code, out, err = run(home, "inbox", "sync")
    assert code == 1 and out == ""
    line = assert_plain(err, "try again later")
    assert "cannot reach" in line and "the connection was refused" in line


def test_an_expired_request_file_is_refused_with_what_the_agency_can_do(tmp_path, world):
    built, portal = world
    home, reg = fresh_home(tmp_path, world)
    t = built.footage.times
    issued = time.time() - 3 * 24 * 3600  # issued three days ago, valid for one
    claims = request_claims(RequestSpec(reg, t.request_start_us - 4 * 24 * 3600 * US,
                                        t.request_end_us - 4 * 24 * 3600 * US, "OLD-1", "Det. Roe",
                                        expires_in=24 * 3600),
                            AGENCY_ID, built.origin + "/files", 43200, now=issued)
    key = serialization.load_pem_private_key((built.portal_dir / "agency.key").read_bytes(), None)
    path = tmp_path / "old.jws"
    path.write_text(sign_request(claims, key, portal.portal.kid))
    code, out, err = run(home, "import-request", str(path))
    assert code == 3 and out == ""
    line = assert_plain(err, "send a new request")
    assert "expired at" in line


def test_approving_a_request_that_expired_in_the_inbox_is_refused_plainly(tmp_path, world):
    built, portal = world
    home, reg = fresh_home(tmp_path, world)
    t = built.footage.times
    portal.portal.create_request(reg, t.request_start_us, t.request_end_us, "LATE-1", "Det. Roe",
                                 cameras=("driveway",))
    assert run(home, "scan")[0] == 0
    assert run(home, "inbox", "sync")[0] == 0
    (item,) = json.loads(run(home, "inbox", "--json")[1])
    # Ten days pass while the owner is away: the stored expiry now lies in the past.
    with sqlite3.connect(home / "inbox.db") as db:
        db.execute("UPDATE requests SET expires_at_us = ?", ((int(time.time()) - 3600) * US,))
    code, out, err = run(home, "approve", "--yes", item["id"])
    assert code == 3 and out == ""
    line = assert_plain(err, "send a new request")
    assert "can no longer be approved" in line
    assert json.loads(run(home, "inbox", "--json")[1])[0]["status"] == "expired"
    assert [d for d in portal.portal.decisions() if d["case"] == "LATE-1"] == []  # nothing sent


def test_the_agencys_two_files_swapped_say_which_command_takes_each(tmp_path, world, capsys):
    """An agency gives an owner two kinds of file: its agency file (`agencies add`) and, by
    email or on a USB stick, requests (`import-request`). Given to the other command, the
    agency file was 'not a well-formed signed token: a compact JWS has three parts separated
    by '.', this one has 9' and a request 'the agency file is not valid JSON': true, and no help
    to an owner holding the right file for the other command."""
    from agent.cli import main

    def run(home, *argv):   # in this process: two commands, no second interpreter to start
        capsys.readouterr()
        code = main(["--home", str(home), *argv])
        return (code, *capsys.readouterr())

    built, portal = world
    home = tmp_path / "home"
    agency = built.portal_dir / "agency.json"
    code, out, err = run(home, "import-request", str(agency))
    assert code == 3 and out == ""
    assert_plain(err, f"add it with `footage-agent agencies add {agency}`")
    t = built.footage.times
    claims = request_claims(RequestSpec("reg-1", t.request_start_us, t.request_end_us, "C-1",
                                        "Det. Roe"), AGENCY_ID, built.origin + "/files", 43200)
    key = serialization.load_pem_private_key((built.portal_dir / "agency.key").read_bytes(), None)
    request = tmp_path / "case.jws"
    request.write_text(sign_request(claims, key, portal.portal.kid) + "\n")
    code, out, err = run(home, "agencies", "add", str(request))
    assert code == 3 and out == ""
    assert_plain(err, f"open it with `footage-agent import-request {request}`")
    assert run(home, "agencies", "list", "--json")[1] == "[]\n"   # nothing was trusted


def test_a_request_from_an_agency_not_trusted_never_says_to_add_a_file_that_came_with_it(
        tmp_path, world, capsys):
    """The attacker hunt: a phisher mails a request signed by their own key, from
    `https://po1ice.example.gov`, with "their" agency file beside it. The refusal said 'add the
    agency's file first if you expect its requests': the very file in that email. It now says
    nothing was added, not to add an agency file that came with the request, and where an
    agency's file comes from; nothing is trusted or added."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from agent.cli import main
    from frp.jws import public_jwk

    built, _portal = world
    home, _reg = fresh_home(tmp_path, world)
    t = built.footage.times
    forged = "https://po1ice.example.gov"
    claims = request_claims(RequestSpec("reg-1", t.request_start_us, t.request_end_us, "C-9",
                                        "Det. Roe"), forged, forged + "/files", 43200)
    key = Ed25519PrivateKey.generate()
    request = tmp_path / "urgent.jws"
    request.write_text(sign_request(claims, key, public_jwk(key)["kid"]))
    capsys.readouterr()
    code = main(["--home", str(home), "import-request", str(request)])
    out, err = capsys.readouterr()
    assert code == 3 and out == ""
    line = assert_plain(err, "camera program")
    assert "'https://po1ice.example.gov'" in line and "not added" in line
    assert "do not add an agency file that came with the request" in line.lower()
    assert "add the agency's file first" not in line
    assert main(["--home", str(home), "inbox", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"
