"""What the processes the tests start did with sockets, as their audit hook recorded it
(tests/child_hooks/sitecustomize.py; tests/conftest.py sets it up for the whole session).

`since = mark()` before starting a child, then `calls(pid, since)` once it ended: every
`socket.bind` and `socket.listen` that process made, with a `started` record first proving the
hook was in place (a child without it proves nothing, and the check fails).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

ENV = "FOOTAGE_TEST_SOCKET_LOG"


def log_path() -> Path:
    return Path(os.environ[ENV])


def mark() -> int:
    """Where the log stands now: records after it belong to children started afterwards."""
    try:
        return log_path().stat().st_size
    except FileNotFoundError:
        return 0


def records(since: int = 0) -> list[dict]:
    try:
        with open(log_path(), "rb") as fh:
            fh.seek(since)
            data = fh.read()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def calls(pid: int, since: int) -> list[dict]:
    """The bind and listen calls of process `pid` since `since`; AssertionError when that
    process never installed the hook (then nothing it did was watched)."""
    mine = [r for r in records(since) if r["pid"] == pid]
    assert any(r["event"] == "started" for r in mine), \
        f"process {pid} ran without the socket audit hook"
    return [r for r in mine if r["event"] != "started"]
