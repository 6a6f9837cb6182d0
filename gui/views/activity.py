"""How the activity log reads: each record's time in the owner's zone, what happened in words,
and its details as short 'key: value' text (hashes and tokens left out)."""
from __future__ import annotations

from agent.views import LogRecord
from gui.views import display
from gui.views.words import QT_TRANSLATE_NOOP, translate

EVENTS = {
    "request-seen": QT_TRANSLATE_NOOP("activity", "Request received"),
    "request-rejected": QT_TRANSLATE_NOOP("activity", "Request refused (failed checks)"),
    "hold": QT_TRANSLATE_NOOP("activity", "Footage kept safe"),
    "release": QT_TRANSLATE_NOOP("activity", "Kept footage released"),
    "approve": QT_TRANSLATE_NOOP("activity", "You approved"),
    "decline": QT_TRANSLATE_NOOP("activity", "You declined"),
    "export": QT_TRANSLATE_NOOP("activity", "Package made"),
    "upload": QT_TRANSLATE_NOOP("activity", "Package sent"),
    "receipt": QT_TRANSLATE_NOOP("activity", "Receipt received"),
    "log-recovered": QT_TRANSLATE_NOOP("activity", "Log repaired after a crash"),
    "request-expired": QT_TRANSLATE_NOOP("activity", "Request expired"),
    "agency-added": QT_TRANSLATE_NOOP("activity", "Agency trusted"),
    "agency-replaced": QT_TRANSLATE_NOOP("activity", "Agency file replaced"),
    "agency-removed": QT_TRANSLATE_NOOP("activity", "Agency no longer trusted"),
    "source-added": QT_TRANSLATE_NOOP("activity", "Recordings folder added"),
    "source-changed": QT_TRANSLATE_NOOP("activity", "Recordings folder changed"),
    "source-removed": QT_TRANSLATE_NOOP("activity", "Recordings folder removed"),
    "masks": QT_TRANSLATE_NOOP("activity", "Privacy masks changed"),
    "settings": QT_TRANSLATE_NOOP("activity", "Settings changed"),
    "key-created": QT_TRANSLATE_NOOP("activity", "Your signing key was made"),
    "registered": QT_TRANSLATE_NOOP("activity", "Registered with an agency"),
    "registration-updated": QT_TRANSLATE_NOOP("activity", "Registration changed"),
    "unregistered": QT_TRANSLATE_NOOP("activity", "Registration ended"),
    "registration-refused": QT_TRANSLATE_NOOP("activity", "A registration step failed"),
    "key-rotation-started": QT_TRANSLATE_NOOP("activity", "Key change started"),
    "registration-rekeyed": QT_TRANSLATE_NOOP("activity", "Agency given your new key"),
    "key-rotated": QT_TRANSLATE_NOOP("activity", "Key changed (old key retired)"),
    "camera-rename": QT_TRANSLATE_NOOP("activity", "Camera renamed"),
}
# A failed registration step says which step (the record's `action`).
FAILED = {
    "register": QT_TRANSLATE_NOOP("activity", "Registering failed"),
    "update": QT_TRANSLATE_NOOP("activity", "Changing a registration failed"),
    "unregister": QT_TRANSLATE_NOOP("activity", "Unregistering failed"),
    "rotate": QT_TRANSLATE_NOOP("activity", "Giving an agency your new key failed"),
}
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
    what = translate("activity", EVENTS[record.event]) if record.event in EVENTS else record.event
    if record.event == "registration-refused" and record.data.get("action") in FAILED:
        what = translate("activity", FAILED[record.data["action"]])
    return when, what, details(record.data)
