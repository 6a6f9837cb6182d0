"""Hash-chained audit log: a clean chain verifies, every kind of tampering is named, crashes heal."""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import stat
import threading

import pytest

from agent.audit.log import GENESIS, AuditError, AuditLog, canonical, record_hash
from agent.identity.keys import OwnerKey
from agent.timebase import parse_rfc3339


def keyed(home) -> None:
    """The owner key made beforehand (as any real home has by its first record), so the log
    holds only the records a test writes, not also the key's making."""
    OwnerKey.load_or_create(home)


def filled(home, n: int = 4) -> AuditLog:
    keyed(home)
    log = AuditLog(home)
    for i in range(n):
        log.append("hold", request=f"req-{i}", agency="https://police.example.gov")
    return log


def lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().splitlines()


def rewrite(log: AuditLog, new_lines: list[bytes]) -> None:
    log.path.write_bytes(b"".join(line + b"\n" for line in new_lines))


def problems(log: AuditLog) -> str:
    report = log.verify()
    assert not report.ok
    return " | ".join(report.problems)


def test_clean_chain(home):
    log = filled(home)
    report = log.verify()
    assert report.ok and report.problems == () and report.count == 4
    entries = log.entries()
    assert [e["seq"] for e in entries] == [1, 2, 3, 4]
    assert entries[0]["prev"] == GENESIS
    assert entries[2]["data"] == {"request": "req-2", "agency": "https://police.example.gov"}
    raw = lines(log)
    for before, after in zip(raw, entries[1:]):
        assert after["prev"] == hashlib.sha256(before).hexdigest()
    for entry in entries:
        assert entry["hash"] == record_hash(entry)
        assert parse_rfc3339(entry["at"]) > 0
    if os.name == "posix":
        assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


def test_append_returns_record_and_converts_values(home):
    keyed(home)
    log = AuditLog(home)
    record = log.append("export", package=home / "pkg", seconds=12.5, cameras=("a", "b"))
    assert record["data"] == {"package": str(home / "pkg"), "seconds": 12.5, "cameras": ["a", "b"]}
    assert log.entries() == [record]
    assert AuditLog(home).verify().ok  # a second instance reads the same file


def test_bad_appends_are_errors(home):
    log = AuditLog(home)
    with pytest.raises(AuditError, match="cannot be logged"):
        log.append("export", seconds=float("nan"))
    with pytest.raises(AuditError, match="needs a name"):
        log.append("")
    assert log.entries() == []


def test_empty_log_verifies(home):
    report = AuditLog(home).verify()
    assert report.ok and report.count == 0


def test_edited_line(home):
    log = filled(home)
    raw = lines(log)
    raw[1] = raw[1].replace(b"req-1", b"req-X")
    rewrite(log, raw)
    text = problems(log)
    assert "line 2 was edited" in text


def test_reformatted_line(home):
    log = filled(home)
    raw = lines(log)
    raw[3] = json.dumps(json.loads(raw[3]), indent=1).replace("\n", " ").encode()
    rewrite(log, raw)
    assert "line 4 is not a valid log record" in problems(log)


def test_removed_line(home):
    log = filled(home)
    raw = lines(log)
    del raw[1]
    rewrite(log, raw)
    text = problems(log)
    assert "line 2 does not follow" in text and "line 2 has sequence number 3, expected 2" in text


def test_swapped_lines(home):
    log = filled(home)
    raw = lines(log)
    raw[1], raw[2] = raw[2], raw[1]
    rewrite(log, raw)
    text = problems(log)
    assert "line 2 does not follow" in text and "line 3 does not follow" in text


def test_forged_line_with_recomputed_hash(home):
    log = filled(home)
    forged = {"seq": 5, "at": "2026-11-20T14:05:00Z", "event": "approve",
              "data": {"request": "req-9"}, "prev": "ab" * 32}
    forged["hash"] = record_hash(forged)
    with open(log.path, "ab") as f:
        f.write(canonical(forged) + b"\n")
    text = problems(log)
    assert "line 5 does not follow" in text and "line 5 was edited" not in text


def test_inserted_line(home):
    log = filled(home)
    raw = lines(log)
    inserted = {"seq": 2, "at": "2026-11-20T14:05:00Z", "event": "decline", "data": {},
                "prev": hashlib.sha256(raw[0]).hexdigest()}
    inserted["hash"] = record_hash(inserted)
    rewrite(log, raw[:1] + [canonical(inserted)] + raw[1:])
    text = problems(log)
    assert "line 2" not in text  # the forged line itself is well made ...
    assert "line 3 does not follow" in text  # ... but the line after it no longer links


def test_torn_last_line_then_recovery(home):
    log = filled(home, 3)
    with open(log.path, "ab") as f:
        f.write(b'{"at":"2026-11-20T14:05:00Z","data":{"req')
    report = log.verify()
    assert not report.ok and report.count == 3
    assert report.problems == ("line 4: last line incomplete (crash while writing)",)
    record = log.append("release", request="req-0")
    assert record["seq"] == 5
    report = log.verify()
    assert report.ok, report.problems
    events = [e["event"] for e in log.entries()]
    assert events == ["hold", "hold", "hold", "log-recovered", "release"]
    recovered = log.entries()[3]
    assert recovered["data"]["line"] == 4
    # The fragment is covered by the chain: changing or removing it is detected.
    raw = lines(log)
    rewrite(log, raw[:3] + [raw[3] + b"x"] + raw[4:])
    assert "line 5 records a crash recovery that does not match" in problems(log)
    rewrite(log, raw[:3] + raw[4:])
    assert "line 4 records a crash recovery" in problems(log)


def test_garbage_line_in_the_middle(home):
    log = filled(home, 2)
    raw = lines(log)
    rewrite(log, raw[:1] + [b"garbage"] + raw[1:])
    assert "line 2 is not a valid log record" in problems(log)


def test_threads_keep_one_chain(home):
    errors = []

    def worker(n: int) -> None:
        log = AuditLog(home) if n % 2 else shared
        try:
            for i in range(20):
                log.append("upload", worker=n, i=i)
        except Exception as exc:  # collected so the main thread fails the test
            errors.append(exc)

    keyed(home)
    shared = AuditLog(home)
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    report = shared.verify()
    assert report.ok and report.count == 80, report.problems
    assert [e["seq"] for e in shared.entries()] == list(range(1, 81))
    assert sorted((e["data"]["worker"], e["data"]["i"]) for e in shared.entries()) == \
        [(n, i) for n in range(4) for i in range(20)]


def _process_worker(home: str, n: int) -> None:
    log = AuditLog(home)
    for i in range(15):
        log.append("receipt", process=n, i=i)


def test_processes_keep_one_chain(home):
    keyed(home)
    AuditLog(home).append("hold", request="first")  # create the home before the workers
    procs = [multiprocessing.Process(target=_process_worker, args=(str(home), n)) for n in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    report = AuditLog(home).verify()
    assert report.ok and report.count == 46, report.problems


def test_unusable_home_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(AuditError, match="not-a-folder"):
        AuditLog(blocker).append("hold", request="r")
