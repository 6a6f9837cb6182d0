"""Why a request's safe copy is not there: the last try to make it failed.

With "keep a safe copy" on, a request's recordings are copied as it arrives (desk_intake), by
the poll thread: a failure then (the disk had no room, a recorder could not be reached) was
only logged, and the owner, counting on the copy while deciding, was never told. The log's
`hold` records say each try (`ok` false and a `reason` for one that failed), so the request's
page and `inbox show` say the last one's failure while the request has no copy.
"""
from __future__ import annotations

from typing import Iterable


def hold_failure(records: Iterable[dict], jti: str, iss: str) -> str | None:
    """The reason the last `hold` record of request (iss, jti) in the activity log (`records`,
    AuditLog.entries) gives, when that try failed; None when none failed last."""
    last = _last_hold(records, jti, iss)
    if last is None or last.get("ok", True) is not False:
        return None
    reason = last.get("reason")
    return reason if isinstance(reason, str) and reason else None


def hold_made(records: Iterable[dict], jti: str, iss: str) -> bool:
    """Whether the last `hold` record of request (iss, jti) says its safe copy was made (or
    added to): while the request is open only the owner's hand removes it then (a release
    waits for the request to end), so a copy not there is one deleted or moved by hand."""
    last = _last_hold(records, jti, iss)
    return last is not None and last.get("ok", True) is not False


def hold_tried(records: Iterable[dict], jti: str, iss: str) -> bool:
    """Whether a try to make (or add to) request (iss, jti)'s safe copy was logged, made or
    failed: none was when the process ended part way through its only one."""
    return _last_hold(records, jti, iss) is not None


def _last_hold(records: Iterable[dict], jti: str, iss: str) -> dict | None:
    """The data of the last `hold` record of request (iss, jti), None before any."""
    last = None
    for record in records:
        data = record.get("data")
        if record.get("event") == "hold" and isinstance(data, dict) \
                and (data.get("id"), data.get("agency")) == (jti, iss):
            last = data
    return last
