"""How the activity log reads: each record's time in the owner's zone, what happened in words
(a delivery's steps by the status they record), and its details as short 'label: value' text
in the owner's words, times in their zone (hashes and tokens left out)."""
from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone

from agent.views import LogRecord, one_line
from gui.views import display
from gui.views.core_words import in_owner_language
from gui.views.layout_names import layout_name
from gui.views.shown import runs_isolated
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
    "agencies-pinned": QT_TRANSLATE_NOOP("activity", "Trusted agencies signed with your key"),
    "source-added": QT_TRANSLATE_NOOP("activity", "Recordings folder added"),
    "source-changed": QT_TRANSLATE_NOOP("activity", "Recordings folder changed"),
    "source-removed": QT_TRANSLATE_NOOP("activity", "Recordings folder removed"),
    "masks": QT_TRANSLATE_NOOP("activity", "Privacy masks changed"),
    "settings": QT_TRANSLATE_NOOP("activity", "Settings changed"),
    "key-created": QT_TRANSLATE_NOOP("activity", "Your signing key was made"),
    "invite-sent": QT_TRANSLATE_NOOP("activity", "Invite code sent to an agency"),
    "registered": QT_TRANSLATE_NOOP("activity", "Registered with an agency"),
    "registration-updated": QT_TRANSLATE_NOOP("activity", "Registration changed"),
    "unregistered": QT_TRANSLATE_NOOP("activity", "Registration ended"),
    "registration-refused": QT_TRANSLATE_NOOP("activity", "A registration step failed"),
    "key-rotation-started": QT_TRANSLATE_NOOP("activity", "Key change started"),
    "registration-rekeyed": QT_TRANSLATE_NOOP("activity", "Agency given your new key"),
    "key-rotated": QT_TRANSLATE_NOOP("activity", "Key changed (old key retired)"),
    "camera-rename": QT_TRANSLATE_NOOP("activity", "Camera renamed"),
    "log-gap": QT_TRANSLATE_NOOP("activity", "Log found cut or changed"),
}
# A failed registration step says which step (the record's `action`).
FAILED = {
    "register": QT_TRANSLATE_NOOP("activity", "Registering failed"),
    "update": QT_TRANSLATE_NOOP("activity", "Changing a registration failed"),
    "unregister": QT_TRANSLATE_NOOP("activity", "Unregistering failed"),
    "rotate": QT_TRANSLATE_NOOP("activity", "Giving an agency your new key failed"),
}
# A delivery's records carry the request's new status: they are worded by it, so a stopped
# export never reads as a package made.
BY_STATUS = {
    ("export", "exporting"): QT_TRANSLATE_NOOP("activity", "Preparing footage"),
    ("upload", "uploading"): QT_TRANSLATE_NOOP("activity", "Sending"),
    ("receipt", "delivered"): QT_TRANSLATE_NOOP("activity", "Delivered"),
    ("export", "tar-changed"): QT_TRANSLATE_NOOP("activity",
                                                 "Package file changed on disk: made again"),
    ("export", "refused"): QT_TRANSLATE_NOOP("activity",
                                             "Package changed after it was sealed: not sent"),
    ("approve", "changed"): QT_TRANSLATE_NOOP("activity",
                                              "Approval changed before anything was sent"),
    ("export", "changed-after-sending"): QT_TRANSLATE_NOOP(
        "activity", "Package changed on disk after it was sent: the agency has it as sealed"),
    ("upload", "withdrawn"): QT_TRANSLATE_NOOP("activity", "Upload withdrawn"),
    ("upload", "gone"): QT_TRANSLATE_NOOP("activity", "Upload lost by the portal"),
    ("receipt", "unchecked"): QT_TRANSLATE_NOOP(
        "activity", "Kept receipt no longer checks out: asked for again"),
    ("upload", "address_refused"): QT_TRANSLATE_NOOP(
        "activity", "Upload address on record not the agency's: not used"),
    ("upload", "refused"): QT_TRANSLATE_NOOP("activity",
                                             "Package refused: footage outside the approval"),
}
STOPPED = {   # a delivery that did not complete, by the stage it stopped at: (cancelled, failed)
    "approve": (QT_TRANSLATE_NOOP("activity", "Delivery cancelled"),
                QT_TRANSLATE_NOOP("activity", "Delivery stopped")),
    "export": (QT_TRANSLATE_NOOP("activity", "Export cancelled"),
               QT_TRANSLATE_NOOP("activity", "Export failed")),
    "upload": (QT_TRANSLATE_NOOP("activity", "Sending cancelled"),
               QT_TRANSLATE_NOOP("activity", "Sending failed")),
}
# The details' labels, in the order they are shown; keys not named here follow as written.
LABELS = {
    "problem": QT_TRANSLATE_NOOP("activity", "Problem"),
    "reason": QT_TRANSLATE_NOOP("activity", "Reason"),
    "agency": QT_TRANSLATE_NOOP("activity", "Agency"),
    "name": QT_TRANSLATE_NOOP("activity", "Name"),
    "case": QT_TRANSLATE_NOOP("activity", "Case"),
    "id": QT_TRANSLATE_NOOP("activity", "Request"),
    "via": QT_TRANSLATE_NOOP("activity", "Came by"),
    "camera": QT_TRANSLATE_NOOP("activity", "Camera"),
    "cameras": QT_TRANSLATE_NOOP("activity", "Cameras"),
    "window": QT_TRANSLATE_NOOP("activity", "Time"),
    "delivered": QT_TRANSLATE_NOOP("activity", "Footage in the package"),
    "mode": QT_TRANSLATE_NOOP("activity", "Cut"),
    "audio": QT_TRANSLATE_NOOP("activity", "Sound"),
    "masks": QT_TRANSLATE_NOOP("activity", "Privacy masks"),
    "blur_faces": QT_TRANSLATE_NOOP("activity", "Faces blurred"),
    "redactions": QT_TRANSLATE_NOOP("activity", "Hidden"),
    "masks_left_off": QT_TRANSLATE_NOOP("activity", "Privacy masks left off"),
    "dropped_frames": QT_TRANSLATE_NOOP("activity", "Damaged frames left out"),
    "dropped_audio_packets": QT_TRANSLATE_NOOP("activity", "Damaged sound left out"),
    "credentials": QT_TRANSLATE_NOOP("activity", "Signed for"),
    "size": QT_TRANSLATE_NOOP("activity", "Size"),
    "received_at": QT_TRANSLATE_NOOP("activity", "Received"),
    "package": QT_TRANSLATE_NOOP("activity", "Package"),
    "folder": QT_TRANSLATE_NOOP("activity", "Folder"),
    "new_disk": QT_TRANSLATE_NOOP("activity", "New card or disk, same camera"),
    "disk": QT_TRANSLATE_NOOP("activity", "Disk"),
    "files": QT_TRANSLATE_NOOP("activity", "Files"),
    "added": QT_TRANSLATE_NOOP("activity", "Files added to the safe copy"),
    "safe_copy": QT_TRANSLATE_NOOP("activity", "Cut from the safe copy made"),
    "url": QT_TRANSLATE_NOOP("activity", "Sent to"),
    "layout": QT_TRANSLATE_NOOP("activity", "Recorder"),
    "tz": QT_TRANSLATE_NOOP("activity", "Time zone"),
    "phone": QT_TRANSLATE_NOOP("activity", "Phone"),
    "portal": QT_TRANSLATE_NOOP("activity", "Portal"),
    "registration": QT_TRANSLATE_NOOP("activity", "Registration"),
    "action": QT_TRANSLATE_NOOP("activity", "Step"),
    "old": QT_TRANSLATE_NOOP("activity", "Old name"),
    "new": QT_TRANSLATE_NOOP("activity", "New name"),
    "changed": QT_TRANSLATE_NOOP("activity", "Changed"),
    "owner": QT_TRANSLATE_NOOP("activity", "Key"),
    "owner_id": QT_TRANSLATE_NOOP("activity", "Key"),
    "old_owner_id": QT_TRANSLATE_NOOP("activity", "Old key"),
    "passphrase": QT_TRANSLATE_NOOP("activity", "Protected by a passphrase"),
    "rule": QT_TRANSLATE_NOOP("activity", "Rule"),
    "tar": QT_TRANSLATE_NOOP("activity", "Package file"),
    "sealed_records": QT_TRANSLATE_NOOP("activity", "Records sealed"),
    "areas": QT_TRANSLATE_NOOP("activity", "Areas"),
    "bytes": QT_TRANSLATE_NOOP("activity", "Size"),
    "count": QT_TRANSLATE_NOOP("activity", "How many"),
    "reasons": QT_TRANSLATE_NOOP("activity", "Reasons"),
    "problems": QT_TRANSLATE_NOOP("activity", "Problems"),
    "emergency": QT_TRANSLATE_NOOP("activity", "Marked urgent"),
    "endpoint": QT_TRANSLATE_NOOP("activity", "Upload server"),
    "ok": QT_TRANSLATE_NOOP("activity", "Done"),
    "recorder": QT_TRANSLATE_NOOP("activity", "Recorder"),
    "registrations": QT_TRANSLATE_NOOP("activity", "Registrations"),
    "request": QT_TRANSLATE_NOOP("activity", "Request"),
    "resumed_from": QT_TRANSLATE_NOOP("activity", "Resumed after"),
    "set_aside": QT_TRANSLATE_NOOP("activity", "Set aside in"),
    "removed": QT_TRANSLATE_NOOP("activity", "Removed"),
    "urls": QT_TRANSLATE_NOOP("activity", "Upload addresses"),
    "unused_url": QT_TRANSLATE_NOOP("activity", "Address not used"),
    "not_deleted": QT_TRANSLATE_NOOP("activity", "Not deleted by the portal"),
    "not_this_package": QT_TRANSLATE_NOOP("activity", "Another package's upload, left alone"),
    "withdrawn": QT_TRANSLATE_NOOP("activity", "Withdrawn"),
    "after": QT_TRANSLATE_NOOP("activity", "After"),
    "signed_again": QT_TRANSLATE_NOOP("activity", "Signed again"),
    "found_records": QT_TRANSLATE_NOOP("activity", "Records found"),
    "recordings_let_go": QT_TRANSLATE_NOOP("activity", "Recordings let go"),
}
_SKIP = ("token", "sha256", "signature", "prev", "hash", "status")   # status: said by `what`
# Values in the core's words (why a step failed or a request was refused), said in the owner's
# language as the core said them then (no advice for now); a decline's reason is the owner's
# own, shown as typed.
_CORE_WORDED = ("reason", "reasons", "problems", "after")
_CUT = 60


def details(data: dict, zone_name: str, cut: bool = True, typed: tuple[str, ...] = ()) -> str:
    """A record's data as short 'label: value' text in the owner's words (times in their
    zone); each value cut to 60 characters unless `cut` is False (the full text, for a
    tooltip). The keys in `typed` hold what the owner typed, shown as it is."""
    order = list(LABELS)
    keys = sorted(data, key=lambda k: (order.index(k) if k in order else len(order), k))
    parts = []
    for key in keys:
        value = data[key]
        if (key in _SKIP or key.endswith(("sha256", "_head")) or
                value in (None, "", [], {}, False)):
            continue
        text = _value(key, value, zone_name)
        if key in _CORE_WORDED and key not in typed:
            text = (", ".join(in_owner_language(str(v), advice=False) for v in value)
                    if isinstance(value, list) else in_owner_language(text, advice=False))
        if cut and len(text) > _CUT:
            text = text[:_CUT - 3] + "..."
        label = translate("activity", LABELS[key]) if key in LABELS else key
        parts.append(f"{label}: {text}")
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    """The parts one after another: "; " between them, but only a space after one that ends
    its own sentence (a reason typed or said with its full stop), never ".;" or "?;". A part
    cut short ("...") is not a sentence's end."""
    out = ""
    for i, part in enumerate(parts):
        if i:
            ended = out.endswith((".", "!", "?", "\u3002")) and not out.endswith("...")
            out += " " if ended else "; "
        out += part
    return out


def _value(key: str, value, zone_name: str) -> str:
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        try:
            return display.window(_instant(value["start"]), _instant(value["end"]), zone_name)
        except (ValueError, TypeError, AttributeError, OverflowError):
            pass
    if key == "safe_copy" and isinstance(value, str):   # when the copy was made (true UTC)
        try:
            return display.day_time(_instant(value), zone_name)
        except (ValueError, OverflowError):
            return value
    if key == "received_at" and isinstance(value, str):
        # The portal's own words (its signed receipt's): a time a date cannot hold in UTC
        # (the year 1 at +23:59) is shown as written.
        try:
            return display.day_time(_instant(value), zone_name)
        except (ValueError, OverflowError):
            return value
    if key == "layout" and isinstance(value, str):   # the owner's name for their recorder
        return layout_name(value)
    if (key in ("size", "bytes", "resumed_from") and isinstance(value, int)
            and not isinstance(value, bool)):
        return display.size(value)
    if key == "signed_again" and value == "wrong_key":   # the portal's code for the first
        return translate("activity", "the first was refused for another key")
    if value is True:
        return translate("activity", "yes")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def what(record: LogRecord) -> str:
    """What happened, in words: a delivery's records by the status they record."""
    event, data = record.event, record.data
    status = data.get("status")
    if status == "failed" and event in STOPPED:
        cancelled = str(data.get("reason") or "").startswith("cancelled")
        return translate("activity", STOPPED[event][0 if cancelled else 1])
    if (event, status) in BY_STATUS:
        return translate("activity", BY_STATUS[(event, status)])
    if event == "registration-refused" and data.get("action") in FAILED:
        return translate("activity", FAILED[data["action"]])
    return translate("activity", EVENTS[event]) if event in EVENTS else event


def row(record: LogRecord, zone_name: str) -> tuple[str, str, str]:
    """(when, what, details) of one record; a time that cannot be read is shown as written."""
    when = (display.day_time(record.at_us, zone_name) if record.at_us is not None
            else record.at)
    return when, what(record), details(record.data, zone_name, typed=typed(record))


def typed(record: LogRecord) -> tuple[str, ...]:
    """The record's keys holding the owner's own words: a decline's reason."""
    return ("reason",) if record.event == "decline" else ()


def table_rows(records: list[LogRecord], zone_name: str) -> list[tuple[str, str, str, str]]:
    """The log page's rows, newest first (`records` oldest first): (when, what, details, the
    details whole as a tooltip), each one line and sanitised, the tooltip escaped in a
    paragraph (one that looked like markup would be read as markup). Made off the GUI thread:
    formatting thousands of records there froze the app for seconds each time the page was
    shown."""
    out = []
    for record in reversed(records):
        when, said, detail = (one_line(text) for text in row(record, zone_name))
        full = runs_isolated(details(record.data, zone_name, cut=False, typed=typed(record)))
        # each Hebrew or Arabic stretch set apart (runs_isolated): bare, a path's two Hebrew
        # folders or a list's two Hebrew names made one right-to-left run, read backwards
        out.append((when, said, runs_isolated(detail), f"<p>{html.escape(full)}</p>"))
    return out


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _instant(text: str) -> int:
    """Microseconds since 1970 of a log record's UTC time ('...Z'; ValueError otherwise). The
    record's own words, read here: the app imports nothing of the protocol (frp)."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        raise ValueError("a time without its offset")
    return (when - _EPOCH) // timedelta(microseconds=1)
