"""A log that no longer matches its seal is never sealed over: records cut off the end, a
deleted log, a sealed record torn in half or a rewritten one stay named by `log verify`
(exit 3) after the agent next writes a record, which names the gap instead of sealing what is
left; the agent keeps working. A crash's torn tail after the seal is still recovered.
"""
from __future__ import annotations

import json

import pytest

from agent.audit import seal as seals
from agent.audit.log import AuditLog
from agent.audit.records import GENESIS, canonical, line_hash, record_hash
from agent.identity.keys import OwnerKey
from agent.identity.rotation import begin_rotation, finish_rotation
from tests.test_audit_seal import Cli

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")


class Run(Cli):
    def __init__(self, home, capsys, caplog):
        super().__init__(home, capsys)
        self.caplog = caplog
        self.log = home / "audit.log"

    def gaps(self) -> list[dict]:
        return [r["data"] for r in AuditLog(self.home).entries() if r["event"] == "log-gap"]


@pytest.fixture
def run(tmp_path, capsys, caplog):
    """A home with three sealed records: the key's making and two recordings folders."""
    r = Run(tmp_path / "home", capsys, caplog)
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        assert r("sources", "add", str(tmp_path / name), "--camera", name)[0] == 0
    assert r.events() == ["key-created", "source-added", "source-added"]
    assert r("log", "verify")[0] == 0
    return r


def _lines(run) -> list[bytes]:
    return run.log.read_bytes().splitlines()


def _write(run, lines: list[bytes], tail: bytes = b"") -> None:
    run.log.write_bytes(b"".join(line + b"\n" for line in lines) + tail)


def _change(run) -> None:
    """An ordinary change the owner makes, which writes a record."""
    run.caplog.clear()
    code, _out, err = run("cameras", "rename", "one", "uno")
    assert code == 0, err
    assert "did not match its seal" in run.caplog.text   # said at once, not only by verify


def test_records_cut_off_the_end_stay_named_after_the_next_change(run):
    lines = _lines(run)
    _write(run, lines[:-1])
    code, _out, err = run("log", "verify")
    assert code == 3 and "shorter than its seal" in err
    _change(run)
    code, _out, err = run("log", "verify")
    assert code == 3, err
    assert "a gap was found when record 3 was written" in err
    assert "sealed with 3 records" in err and "2 records were left" in err
    assert (run.gaps()[0]["sealed_records"], run.gaps()[0]["sealed_head"]) == (
        3, line_hash(lines[-1]))
    assert (run.gaps()[0]["found_records"], run.gaps()[0]["found_head"]) == (
        2, line_hash(lines[-2]))
    # The agent goes on working and sealing; the gap is named once, and for good.
    assert run("cameras", "rename", "uno", "eins")[0] == 0
    assert run.events() == ["key-created", "source-added", "log-gap", "camera-rename",
                            "camera-rename"]
    assert seals.read_seal(run.home).count == 5
    code, _out, err = run("log", "verify")
    assert code == 3 and err.count("problem:") == 1 and "a gap was found" in err
    assert "the audit log was altered (1 problem)" in err


def test_a_deleted_log_stays_named_after_the_next_change(run):
    sealed_head = line_hash(_lines(run)[-1])
    run.log.unlink()
    assert run("log", "verify")[0] == 3
    _change(run)
    code, _out, err = run("log", "verify")
    assert code == 3 and "sealed with 3 records" in err and "none was left" in err
    first = AuditLog(run.home).entries()[0]
    assert first["event"] == "log-gap" and first["prev"] == GENESIS
    assert (first["data"]["sealed_head"], first["data"]["found_records"]) == (sealed_head, 0)


def test_a_sealed_record_torn_in_half_is_a_gap_not_a_crash(run):
    lines = _lines(run)
    fragment = lines[-1][:len(lines[-1]) // 2]
    _write(run, lines[:-1], fragment)
    code, _out, err = run("log", "verify")
    assert code == 3 and "last line incomplete (a sealed record was cut short)" in err
    _change(run)
    assert "log-recovered" not in run.events()
    (gap,) = run.gaps()
    assert (gap["line"], gap["sha256"], gap["bytes"]) == (3, line_hash(fragment), len(fragment))
    code, _out, err = run("log", "verify")
    assert code == 3 and err.count("problem:") == 1
    assert "a crash cannot do that to a sealed record" in err
    # The fragment stays covered by the chain.
    now = _lines(run)
    _write(run, now[:2] + [now[2] + b"x"] + now[3:])
    assert "records a cut-short line that does not match" in run("log", "verify")[2]


def test_a_crash_torn_record_after_the_seal_is_still_recovered(run):
    _write(run, _lines(run), b'{"at":"2026-11-20T14:05:00Z","data":{"req')
    code, _out, err = run("cameras", "rename", "one", "uno")
    assert code == 0 and "seal" not in err + run.caplog.text
    assert run.events()[-2:] == ["log-recovered", "camera-rename"] and run.gaps() == []
    assert run("log", "verify")[0] == 0


def test_a_rewritten_last_record_is_a_gap(run):
    lines = _lines(run)
    # Rewritten without the key: a well-made record in its place, chained to the one before.
    fake = json.loads(lines[-1])
    fake["data"]["camera"] = "someone-else"
    fake["hash"] = record_hash(fake)
    _write(run, lines[:-1] + [canonical(fake)])
    code, _out, err = run("log", "verify")
    assert code == 3 and "record 3 is not the record that was sealed" in err
    _change(run)
    code, _out, err = run("log", "verify")
    assert code == 3 and "record 3 was not the record that was sealed (the log was" in err


def test_a_forged_seal_is_not_replaced_quietly(run):
    lines = _lines(run)
    _write(run, lines[:-1])
    doc = json.loads(seals.seal_path(run.home).read_text())
    doc.update(count=2, head=line_hash(lines[-2]))       # made to fit, but not signed so
    seals.seal_path(run.home).write_text(json.dumps(doc))
    assert "signature does not verify" in run("log", "verify")[2]
    _change(run)
    code, _out, err = run("log", "verify")
    assert code == 3 and "a gap was found" in err and "signature does not verify" in err


def test_a_deleted_seal_is_not_replaced_quietly(run):
    _write(run, _lines(run)[:-1])
    seals.seal_path(run.home).unlink()      # cut the log, and remove what shows it
    assert "seal (audit.seal) is missing" in run("log", "verify")[2]
    _change(run)
    code, _out, err = run("log", "verify")
    assert code == 3 and "a gap was found when record 3 was written" in err
    assert "seal (audit.seal) was missing" in err
    assert "what the seal vouched for is not known" in err


def test_a_log_from_before_seals_is_sealed_by_its_next_record(tmp_path):
    home = tmp_path / "home"
    OwnerKey.load_or_create(home)            # made before the log knew of seals: no record
    log = AuditLog(home)
    log.append("hold", id="a")
    seals.seal_path(home).unlink()
    assert not log.verify().ok              # missing, and cannot be told from a deleted one
    log.append("hold", id="b")
    assert log.verify().ok and [r["event"] for r in log.entries()] == ["hold", "hold"]


def test_a_locked_key_names_the_gap_once_and_the_seal_catches_up(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "correct horse")
    log = AuditLog(home)
    for n in range(3):
        log.append("hold", id=f"r{n}")
    lines = log.path.read_bytes().splitlines()
    log.path.write_bytes(b"".join(line + b"\n" for line in lines[:-1]))
    monkeypatch.delenv("FOOTAGE_AGENT_PASSPHRASE")
    log.append("hold", id="a")           # locked: the seal stays where it was
    log.append("hold", id="b")
    events = [r["event"] for r in log.entries()]
    assert events.count("log-gap") == 1 and seals.read_seal(home).count == len(lines)
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "correct horse")
    record = log.append("hold", id="c")  # unlocked: sealed, the gap still named once
    assert [r["event"] for r in log.entries()].count("log-gap") == 1
    assert seals.read_seal(home).count == record["seq"]
    report = log.verify()
    assert not report.ok and len(report.problems) == 1 and "a gap was found" in report.problems[0]


def test_a_seal_made_before_a_key_rotation_is_the_owners(tmp_path):
    home = tmp_path / "home"
    log = AuditLog(home)
    log.append("hold", id="a")
    old = OwnerKey.load(home)
    begin_rotation(home)
    finish_rotation(home, old)
    log.append("key-rotated", old_owner_id=old.public.owner_id())
    assert [r["event"] for r in log.entries()] == ["key-created", "hold", "key-rotated"]
    assert log.verify().ok


def test_a_rename_the_log_cannot_record_says_the_rename_was_made(run):
    saved = run.log.read_bytes()
    run.log.unlink()
    run.log.mkdir()                       # the log cannot be opened
    code, _out, err = run("cameras", "rename", "one", "uno")
    assert code == 1 and "unexpected" not in err and "AuditError" not in err
    assert "'one' is now 'uno', but the activity log could not record the change" in err
    code, _out, err = run("sources", "add", str(run.home.parent / "two"), "--camera", "zwei")
    assert code == 1 and "'two' is now 'zwei', but the activity log could not" in err
    run.log.rmdir()
    run.log.write_bytes(saved)
    code, out, _err = run("cameras")
    assert code == 0 and "uno" in out and "zwei" in out
