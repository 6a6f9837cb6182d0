"""One audit-log record: its byte form, how it is hashed, and how a line is read back.

Shared by the writer (log.py) and the checks (checks.py). A record is one line of canonical
JSON: `seq`, `at`, `event`, `data`, `prev` (the SHA-256 of the line before; GENESIS for the
first) and `hash` (of the record without it).
"""
from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64
RECOVERED = "log-recovered"
KEY_CREATED = "key-created"
# Written instead of sealing over a log that no longer matches its seal (agent/audit/log.py).
GAP = "log-gap"
_FIELDS = ("at", "data", "event", "hash", "prev", "seq")


def canonical(obj: object) -> bytes:
    """The one byte form a record is hashed and written in."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False).encode("ascii")


def line_hash(data: bytes) -> str:
    """SHA-256 (hex) of a line: what the next record carries as `prev`."""
    return hashlib.sha256(data).hexdigest()


def _no_duplicates(pairs: list) -> dict:
    keys = [k for k, _v in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate member")
    return dict(pairs)


def parse_record(line: bytes) -> dict | None:
    """The record on a line if it is exactly in the form the agent writes, else None."""
    try:
        record = json.loads(line.decode("ascii"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or tuple(sorted(record)) != _FIELDS:
        return None
    if type(record["seq"]) is not int or not isinstance(record["event"], str) \
            or not isinstance(record["data"], dict):
        return None
    try:
        return record if canonical(record) == line else None
    except ValueError:
        return None


def record_hash(record: dict) -> str:
    """SHA-256 (hex) of the record without its `hash` member, in canonical JSON."""
    return line_hash(canonical({k: v for k, v in record.items() if k != "hash"}))
