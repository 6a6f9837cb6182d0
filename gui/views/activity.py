"""How the activity log reads: each record's time in the owner's zone, what happened in words,
and its details as short 'key: value' text (hashes and tokens left out)."""
from __future__ import annotations

from agent.views import LogRecord
from gui.views import display

EVENTS = {
    "request-seen": "Request received", "request-rejected": "Request refused (failed checks)",
    "hold": "Footage kept safe", "release": "Kept footage released", "approve": "You approved",
    "decline": "You declined", "export": "Package made", "upload": "Package sent",
    "receipt": "Receipt received", "log-recovered": "Log repaired after a crash",
    "request-expired": "Request expired", "agency-added": "Agency trusted",
    "agency-replaced": "Agency file replaced", "agency-removed": "Agency no longer trusted",
    "source-added": "Recordings folder added",
    "source-changed": "Recordings folder changed", "source-removed": "Recordings folder removed",
    "masks": "Privacy masks changed", "settings": "Settings changed",
    "key-created": "Your signing key was made",
    "registered": "Registered with an agency", "registration-updated": "Registration changed",
    "unregistered": "Registration ended", "registration-refused": "A registration step failed",
    "key-rotation-started": "Key change started",
    "registration-rekeyed": "Agency given your new key",
    "key-rotated": "Key changed (old key retired)",
    "camera-rename": "Camera renamed",
}
# A failed registration step says which step (the record's `action`).
FAILED = {"register": "Registering failed", "update": "Changing a registration failed",
          "unregister": "Unregistering failed", "rotate": "Giving an agency your new key failed"}
_SKIP = ("token", "sha256", "signature", "prev", "hash")


def details(data: dict) -> str:
    """A record's data as short 'key: value' text (long values cut)."""
    parts = []
    for key, value in sorted(data.items()):
        if key in _SKIP or key.endswith("sha256") or value in (None, "", [], {}, False):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{key}: {text if len(text) <= 60 else text[:57] + '...'}")
    return "; ".join(parts)


def row(record: LogRecord, zone_name: str) -> tuple[str, str, str]:
    """(when, what, details) of one record; a time that cannot be read is shown as written."""
    when = (display.day_time(record.at_us, zone_name) if record.at_us is not None
            else record.at)
    what = EVENTS.get(record.event, record.event)
    if record.event == "registration-refused":
        what = FAILED.get(record.data.get("action"), what)
    return when, what, details(record.data)
