"""Trust and safety across the whole flow, with the reference portal on loopback:

sources add -> scan -> `run` (polls the portal) -> inbox sync -> hold -> approve (export and
upload) -> decline -> a manual export. One module-scoped run of that flow, then one test per
promise: the recordings are never written, the service listens on nothing, every decision is
one chained log line that `log verify` checks, and the owner key and portal token never leave
their files.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from agent.audit.log import AuditLog
from agent.requests.agencies import TrustStore
from agent.cli import main
from agent.timebase import US, format_utc
from demo.samples import make_recordings
from portal.server import PortalServer
from portal.state import Portal
from tests import child_sockets
from tests.conftest import tree_fingerprint
from tests.registering import invite
from tests.test_watch import watches

AGENCY_ID = "https://police.example.gov"
T0 = (int(time.time()) - 7200) * US  # recordings from two hours ago: 2 files of 4 s
DECISIONS = {"request-seen", "hold", "approve", "decline", "export", "upload", "receipt"}


@dataclass
class Flow:
    """What the flow left behind, for the tests to examine."""

    rec: Path
    home: Path
    portal: Portal
    manual: Path
    token: str              # the portal's bearer token, once registered
    before: dict
    after: dict = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    socket_calls: list[dict] | None = None   # what `run` bound or listened on (audit hook)
    run_err: str = ""
    polled_by_run: list[str] = field(default_factory=list)
    watched: bool = False
    logs: list[str] = field(default_factory=list)
    invite: str = ""


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(self.format(record))


def cli(flow: Flow, *argv: str) -> tuple[int, str, str]:
    """`footage-agent --home HOME ...` in this process; output kept for the leak checks."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--home", str(flow.home), *argv])
    flow.outputs += [out.getvalue(), err.getvalue()]
    return code, out.getvalue(), err.getvalue()


def ok(flow: Flow, *argv: str) -> str:
    code, out, err = cli(flow, *argv)
    assert code == 0, (argv, err)
    return out


def make_footage(rec: Path) -> None:
    make_recordings(rec, "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0, audio=True)
    # Files a scan must meet without touching: damaged, empty, odd names, a nested folder.
    (rec / "porch.20200101_000000.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + os.urandom(500))
    (rec / "empty.mp4").write_bytes(b"")
    (rec / "sub dir").mkdir()
    (rec / "sub dir" / "n\u00e4me; rm -rf $HOME.mp4").write_bytes(os.urandom(64))
    for p in rec.rglob("*"):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    os.utime(rec, (1_700_000_000, 1_700_000_000))


def run_service_until_polled(flow: Flow, jtis: set[str], staged: Path) -> None:
    """`footage-agent run` as its own process until its poll brought in `jtis` and its watcher
    indexed a new recording (a copy of `staged`), its socket calls watched by the audit hook
    every child of the tests carries; stopped with SIGTERM like a service manager would."""
    since = child_sockets.mark()
    proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(flow.home), "run"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            got = _inbox_ids(flow.home)
            if jtis <= got:
                flow.polled_by_run = sorted(got)
                break
            time.sleep(0.3)
        # The recorder closes a new file: the watcher indexes it (reading it, nothing more).
        # Once the child watches the folder: a file made before is found only by the walk
        # every 5 minutes (the poll may come before the first scan is done).
        while time.monotonic() < deadline and proc.poll() is None \
                and not watches(proc.pid, flow.rec):
            time.sleep(0.2)
        new = flow.rec / "porch.20300101_000000.mp4"
        shutil.copy2(staged, new)
        os.utime(new, (1_700_000_000, 1_700_000_000))
        os.utime(flow.rec, (1_700_000_000, 1_700_000_000))
        flow.before = {**flow.before, **{k: v for k, v in tree_fingerprint(flow.rec).items()
                                        if k == str(new)}}
        while time.monotonic() < deadline and proc.poll() is None:
            if str(new) in _indexed(flow.home):
                flow.watched = True
                break
            time.sleep(0.2)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        _, flow.run_err = proc.communicate(timeout=60)
    assert proc.returncode == 0, flow.run_err
    flow.socket_calls = child_sockets.calls(proc.pid, since)


def _read_only(db: Path, sql: str) -> set:
    if not db.exists():
        return set()
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as c:
            return {r[0] for r in c.execute(sql)}
    except sqlite3.Error:
        return set()


def _inbox_ids(home: Path) -> set[str]:
    return _read_only(home / "inbox.db", "SELECT jti FROM requests")


def _indexed(home: Path) -> set[str]:
    return _read_only(home / "index.db", "SELECT path FROM files")


@pytest.fixture(scope="module")
def flow(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("safety-flow")
    rec = tmp / "rec"
    make_footage(rec)
    (staged,) = make_recordings(tmp / "stage", "blue-iris", "porch", T0 + 60 * US, 1, 2.0, fps=5)
    portal = Portal.init(tmp / "portal", "Example Police Department", AGENCY_ID, "+1-206-555-0100")
    logs: list[str] = []
    handler = _Collect(logs)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with PortalServer(portal.state_dir):
            f = Flow(rec, tmp / "home", portal, tmp / "manual", "", tree_fingerprint(rec),
                     logs=logs, invite=invite(portal))
            ok(f, "sources", "add", str(rec), "--camera", "porch", "--tz", "UTC")
            ok(f, "scan")
            ok(f, "agencies", "add", str(portal.state_dir / "agency.json"))
            ok(f, "agencies", "register", AGENCY_ID, "--invite", f.invite, "--name", "Ann",
               "--camera", "porch", "--address", "1200 Elm Street")
            (reg,) = TrustStore(f.home).registrations()[AGENCY_ID]
            f.token = TrustStore(f.home).portal_token(AGENCY_ID, reg)
            window = dict(start_us=T0, end_us=T0 + 8 * US, requester_name="Det. Jane Roe",
                          cameras=("porch",))
            share = portal.create_request(reg, case_number="2026-1", **window)
            refuse = portal.create_request(reg, case_number="2026-2", **window)
            jti_share, jti_refuse = (json.loads(base64.urlsafe_b64decode(
                t.split(".")[1] + "==="))["jti"] for t in (share, refuse))
            run_service_until_polled(f, {jti_share, jti_refuse}, staged)
            ok(f, "inbox", "sync")
            ok(f, "inbox", "show", "--", jti_share)
            ok(f, "inbox", "hold", "--", jti_share)
            ok(f, "inbox", "hold", "--", jti_refuse)
            ok(f, "approve", "--camera", "porch", "--from", format_utc(T0 + US),
               "--to", format_utc(T0 + 6 * US), "--yes", "--", jti_share)
            ok(f, "decline", "--reason", "camera was off", "--", jti_refuse)
            ok(f, "export", "--camera", "porch", "--from", format_utc(T0 + 2 * US),
               "--to", format_utc(T0 + 7 * US), "--mode", "exact", "--out", str(f.manual))
            ok(f, "log")
            ok(f, "keys", "show")
            f.after = tree_fingerprint(rec)
            yield f
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def test_the_flow_really_ran(flow):
    """Guard for the tests below: each stage did its work (else they would prove nothing)."""
    (sub,) = flow.portal.submissions()
    assert sub["ok"], sub["checks"]
    assert {d["decision"] for d in flow.portal.decisions()} == {"approve", "decline"}
    assert len(list((flow.home / "holds").rglob("*.mp4"))) >= 4
    assert len(flow.polled_by_run) == 2 and flow.watched
    (package,) = [p for p in flow.manual.iterdir() if not p.name.startswith(".")]
    assert (package / "bagit.txt").is_file()


def test_run_with_sources_and_a_portal_listens_on_nothing(flow):
    """`footage-agent run` polled the portal (outbound) and never bound or listened on a
    socket: its audit hook saw every call from start to SIGTERM, none between samples."""
    assert flow.polled_by_run and flow.watched
    assert flow.socket_calls == []
    assert "Traceback" not in flow.run_err


def test_sources_are_unchanged_after_scan_run_hold_export_and_upload(flow):
    """Every file's bytes and mtime, and every folder's mtime, are as before the flow."""
    assert flow.after == flow.before


def test_every_decision_is_one_log_line_chained_to_the_line_before(flow):
    raw = (flow.home / "audit.log").read_bytes()
    lines = raw.split(b"\n")
    assert lines[-1] == b""  # every record ends its line: nothing torn
    records = AuditLog(flow.home).entries()
    assert len(records) == len(lines) - 1
    assert DECISIONS <= {r["event"] for r in records}
    prev = "0" * 64
    for number, (line, record) in enumerate(zip(lines, records), 1):
        assert record["seq"] == number and record["prev"] == prev, number
        prev = hashlib.sha256(line).hexdigest()
    assert cli(flow, "log", "verify")[0] == 0


@pytest.mark.parametrize("damage,expected", [
    ("edit", "was edited"),
    ("remove", "a line was removed"),
    ("reorder", "a line was removed, inserted or reordered"),
])
def test_log_verify_names_an_edited_removed_or_reordered_line(flow, tmp_path, damage, expected):
    lines = (flow.home / "audit.log").read_bytes().split(b"\n")[:-1]
    if damage == "edit":
        n = next(i for i, ln in enumerate(lines) if b'"decline"' in ln)
        lines[n] = lines[n].replace(b"camera was off", b"camera was on!")
    elif damage == "remove":
        del lines[len(lines) // 2]
    else:
        lines[2], lines[3] = lines[3], lines[2]
    copy = tmp_path / "copy"
    copy.mkdir(mode=0o700)
    (copy / "audit.log").write_bytes(b"\n".join(lines) + b"\n")
    code, _, err = cli(Flow(flow.rec, copy, flow.portal, flow.manual, "", {}), "log", "verify")
    assert code == 3 and expected in err, err


def _key_forms(home: Path) -> list[bytes]:
    private = serialization.load_pem_private_key((home / "keys" / "owner.key").read_bytes(), None)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    der = private.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return [raw, der, raw.hex().encode(), raw.hex().upper().encode(), base64.b64encode(raw),
            base64.urlsafe_b64encode(raw).rstrip(b"="), base64.b64encode(der)]


def _everything_written(flow: Flow) -> dict[str, bytes]:
    found = {}
    for root in (flow.home, flow.manual, flow.portal.state_dir):
        for p in root.rglob("*"):
            if p.is_file() and p != flow.home / "keys" / "owner.key":
                found[str(p)] = p.read_bytes()
    for n, text in enumerate(flow.outputs + [flow.run_err] + flow.logs):
        found[f"output {n}"] = text.encode()
    return found


def test_the_owner_key_and_portal_token_appear_nowhere_but_their_own_files(flow):
    """Not in the log, the index, the inbox, packages, what the portal received, command
    output or log messages: neither the key (in any usual encoding) nor the bearer token."""
    forms = _key_forms(flow.home)
    token, code = flow.token.encode(), flow.invite.encode()
    written = _everything_written(flow)
    assert len(written) > 20 and any("received" in name for name in written)
    assert token and code and any(token in data for data in written.values())
    for name, data in written.items():
        for form in forms:
            assert form not in data, f"owner key found in {name}"
        if not name.endswith("registrations.json"):
            assert token not in data, f"portal token found in {name}"
        assert code not in data, f"invite code found in {name}"


def test_home_folder_key_and_secrets_are_private(flow):
    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(flow.home) == 0o700
    assert mode(flow.home / "keys") == 0o700
    assert mode(flow.home / "keys" / "owner.key") == 0o600
    for secret in ("registrations.json", "audit.log"):
        assert mode(flow.home / secret) == 0o600, secret
    # A home folder someone loosened is tightened again by the next command.
    flow.home.chmod(0o755)
    assert cli(flow, "sources", "list")[0] == 0
    assert mode(flow.home) == 0o700
