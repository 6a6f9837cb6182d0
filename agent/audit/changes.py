"""A change the owner made (settings, recordings folders, masks, the agencies trusted),
recorded in the activity log, or said in one sentence when the log could not take it: the
change stands, and the app reads those words as they are written here
(gui/views/core_camera_words.py)."""
from __future__ import annotations

from pathlib import Path

from agent.audit.log import AuditError, AuditLog

UNRECORDED = "the change was made, but the activity log could not record it"


def record_change(home: Path, event: str, failure: type[Exception], **data) -> None:
    """Append `event` with `data` to the home's activity log; `failure` (the caller's own
    error type) with UNRECORDED and the log's reason when it cannot be written."""
    try:
        AuditLog(home).append(event, **data)
    except AuditError as exc:
        raise failure(f"{UNRECORDED}: {exc}") from None
