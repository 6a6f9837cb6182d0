"""An activity log of gigabytes (home-files hunt 12). `footage-agent log` and `log verify` read
audit.log whole: a 3 GiB sparse file (a restore's or a sync program's doing, a failing disk's
zeros) made `log` fail with "unexpected failure: MemoryError" where memory was short, and on
Linux a read stops at 2 GiB, so the rest was never looked at. The log is read a piece at a time
now (agent/audit/log_lines.py): a line longer than any record is hashed as it passes, never
held, and named by its number as a damaged line is; the records around it are read as ever."""
from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc

import pytest

from agent.audit.log import AuditError, AuditLog
from agent.audit.log_lines import MAX_LINE_BYTES
from tests.test_audit import filled


def _long_line(log: AuditLog, size: int, ended: bool = True) -> None:
    """A line of `size` zero bytes after the log's records, made sparse (nothing written but
    its newline), as a restore or a failing disk leaves one."""
    with open(log.path, "r+b") as f:
        f.truncate(os.path.getsize(log.path) + size)
        if ended:
            f.seek(0, os.SEEK_END)
            f.write(b"\n")


def _peak(call) -> int:
    """The most memory Python held while `call` ran."""
    tracemalloc.start()
    try:
        call()
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def test_a_line_longer_than_any_record_is_named_and_never_held(home):
    log = filled(home, 3)
    _long_line(log, 8 * MAX_LINE_BYTES)   # 8 MiB: read whole, every byte was held
    report = log.verify()
    assert report.problems == ("line 4 is not a valid log record (edited or damaged)",), report
    assert report.count == 3
    assert [e["seq"] for e in log.entries()] == [1, 2, 3]
    for reading in (log.verify, log.entries):
        assert _peak(reading) < 2 * MAX_LINE_BYTES, reading


def test_a_long_torn_tail_is_covered_by_the_next_record_without_being_held(home):
    """The next append reads the log whole when its end is no record; the tail it covers with
    a `log-recovered` record is hashed as it passes."""
    log = filled(home, 2)
    _long_line(log, 8 * MAX_LINE_BYTES, ended=False)
    assert log.verify().problems == ("line 3: last line incomplete (crash while writing)",)
    assert _peak(lambda: log.append("hold", request="req-9", agency="x")) < 2 * MAX_LINE_BYTES
    recovered = log.entries()[-2]
    assert recovered["event"] == "log-recovered"
    assert recovered["data"]["line"] == 3 and recovered["data"]["bytes"] == 8 * MAX_LINE_BYTES
    assert log.verify().ok, log.verify().problems


def test_a_record_longer_than_the_readers_hold_is_not_written(home):
    log = filled(home, 1)
    before = log.path.read_bytes()
    with pytest.raises(AuditError, match="too long to be logged"):
        log.append("hold", request="x" * MAX_LINE_BYTES, agency="x")
    assert log.path.read_bytes() == before and log.verify().ok


@pytest.mark.skipif(os.name != "posix", reason="the memory cap is set with POSIX resource")
@pytest.mark.parametrize("command", [["log"], ["log", "verify"]])
def test_the_commands_read_a_log_of_gigabytes_in_a_process_capped_at_one(home, command):
    """The reproduction: with 1 GiB of memory, a log holding a 1.5 GiB line failed with
    MemoryError ("unexpected failure", exit 1) before saying anything."""
    log = filled(home, 2)
    _long_line(log, 3 << 29)
    cap = ("import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, "
           "1 << 30)); sys.argv = ['footage-agent', '--home'] + sys.argv[1:]; "
           "runpy.run_module('agent.cli', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", cap, str(home), *command], capture_output=True,
                          text=True, timeout=600)
    assert "MemoryError" not in done.stderr, done.stderr[-2000:]
    if command == ["log"]:
        assert done.returncode == 0, done.stderr[-2000:]
        assert [x.split("\t")[0] for x in done.stdout.splitlines()] == ["1", "2"], done.stdout
    else:
        assert done.returncode == 3, done.stderr[-2000:]
        assert "problem: line 3 is not a valid log record (edited or damaged)" in done.stderr
