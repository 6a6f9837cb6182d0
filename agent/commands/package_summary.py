"""What a verified package holds, said in plain lines for a detective or a defence expert who
does not read JSON: the request, the camera, the approved window in UTC and in the recorders'
own zone, what the clip holds and misses, what was re-encoded or changed, and the sound.

Every value comes from the package's signed provenance.json, which its owner's key vouches for
but which a forger holding that key writes as they like: each is read for its type (anything
else is left out, never a crash) and shown on one line through the display sanitiser.
"""
from __future__ import annotations

from agent.commands.local_time import shown, window
from frp.count_words import counted
from frp.late_start import keyframe_wait_us
from agent.timebase import TimeError, zone
from frp.text import one_line
from frp.times import parse_rfc3339, window_of

PROVENANCE = "data/provenance.json"


def summary_lines(record: object) -> list[str]:
    """The lines (each indented by two spaces) saying what a package's record says it holds."""
    r = record if isinstance(record, dict) else {}
    zones = [z for z in _list(_dict(r, "clock").get("time_zones")) if isinstance(z, str)]
    lines = [_request(r.get("request")), _camera(r), _approved(r, zones), _clip(r, zones),
             *_missing(r), _frames(r), *_changes(r), _sound(r), _damaged(r), _clock(r),
             _sources(r), _hold(r)]
    return ["  " + one_line(ln) for ln in lines if ln]


# What no package proves (package-format.md, "What a package does not prove"), said under
# what it holds: "OK ... unchanged" and true-UTC times read as more than the owner's word.
# Who the owner is, the other thing, is said on the line naming the key.
UNPROVED = ("  not proved by the package: that the camera's clock was right (its times are true "
            "time only as far as the owner set the camera's clock difference: compare a clock "
            "the camera draws in the picture), nor that the recordings were unedited before the "
            "export (their SHA-256 fix them only as they were then)")


def owner_line(owner_id: str | None, expected: str | None = None) -> str:
    """Who sealed the package, and how to know who that is: a key is no identity. `expected`:
    the owner id given with --owner, which it was compared with."""
    if expected is not None and expected == owner_id:
        return (f"  sealed by: owner {one_line(owner_id, 100)}, the owner id you gave (--owner)")
    return (f"  sealed by: owner {one_line(owner_id, 100)}, a key, not a person: compare it with "
            "the owner id the agency keeps for the registration (or give it with --owner), or "
            "with `footage-agent keys show` on the owner's computer")


def _dict(r: dict, key: str) -> dict:
    value = r.get(key)
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _count(value: object) -> int | None:
    return value if type(value) is int and value >= 0 else None


def _time(value: object) -> int | None:
    try:
        return parse_rfc3339(value) if isinstance(value, str) else None
    except (TimeError, ValueError):
        return None


def _utc(span: tuple[int, int]) -> str:
    return window(*span, "UTC")


def _request(request: object) -> str:
    if request is None:
        return "exported by hand, for no request"
    if not isinstance(request, dict):
        return ""
    asked = window_of(request.get("window"))
    checked = ("its signature checked against the owner's trusted agencies"
               if request.get("verified") is True else "its signature NOT checked by the owner's app")
    return (f"request: case {one_line(request.get('case'), 100)} from "
            f"{one_line(request.get('agency'), 200)}, request {one_line(request.get('id'), 100)}"
            + (f", asked for {_utc(asked)}" if asked else "") + f" ({checked})")


def _camera(r: dict) -> str:
    return f"camera: {one_line(r['camera'], 200)}" if isinstance(r.get("camera"), str) else ""


def _approved(r: dict, zones: list[str]) -> str:
    span = window_of(r.get("approved"))
    if span is None:
        return ""
    local = _local(zones)
    if local is None:
        return f"approved window: {_utc(span)}"
    return (f"approved window: {_utc(span)} ({window(*span, local)}, {local} time, "
            "the recorder's zone)")


def _local(zones: list[str]) -> str | None:
    """The recorders' one zone, when they share one other than UTC (the clock a camera
    draws in its picture usually shows): None otherwise."""
    if len(zones) != 1 or zones[0] == "UTC" or not _known(zones[0]):
        return None
    return zones[0]


def _known(name: str) -> bool:
    try:
        zone(name)
    except TimeError:
        return False
    return True


def _clip(r: dict, zones: list[str]) -> str:
    delivered = _dict(r, "delivered")
    first, last = _time(delivered.get("start")), _time(delivered.get("end"))
    frames = _count(delivered.get("frames"))
    clip = _dict(r, "content_credentials").get("clip")
    if first is None or last is None or frames is None:
        return ""
    name = f"{one_line(clip, 200)}, " if isinstance(clip, str) else ""
    local = _local(zones)
    there = (f" ({shown(first, local)}, {local} time, the recorder's zone)"
             if local else "")
    return (f"clip: {name}{counted(frames, 'frame')}, the first captured at "
            f"{shown(first, 'UTC')}{there}, the last at {shown(last, 'UTC')}; a player's 0:00 "
            "is the first frame")


def _missing(r: dict) -> list[str]:
    delivered = _dict(r, "delivered")
    gaps = [span for span in map(window_of, _list(r.get("gaps"))) if span]
    out = []
    for key, where in (("shortfall_start_s", "start"), ("shortfall_end_s", "end")):
        value = delivered.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            out.append(f"not in the clip: the approved window's {value:g} s at the {where}"
                       + (_late_start(r, gaps) if where == "start" else ""))
    unsaved = {span for g in _list(r.get("gaps")) if isinstance(g, dict)
               and g.get("not_saved_yet") is True for span in [window_of(g)] if span}
    for span in gaps:
        out.append(f"not saved yet: the camera's recording was still being written, its file "
                   f"holding nothing from {_utc(span)}" if span in unsaved else
                   f"not recorded: the camera recorded nothing from {_utc(span)}")
    return out


def _late_start(r: dict, gaps: list[tuple[int, int]]) -> str:
    """Why the clip starts late: a copy's keyframe, or nothing recorded (said below)."""
    approved, first = window_of(r.get("approved")), _time(_dict(r, "delivered").get("start"))
    if approved is None or first is None:
        return ""
    if keyframe_wait_us(approved[0], first, gaps):
        return " (a copy starts on a keyframe)" if _dict(r, "cut").get("mode") == "copy" else ""
    return " (nothing was recorded then)"


def _frames(r: dict) -> str:
    cut = _dict(r, "cut")
    frames = _count(_dict(r, "delivered").get("frames"))
    again = _count(cut.get("reencoded_frames"))
    if cut.get("mode") == "copy":
        return "frames: copied as recorded, none re-encoded"
    if cut.get("mode") != "exact" or again is None:
        return ""
    if again == 0:
        return "frames: exact cut; none re-encoded (the clip starts on a keyframe)"
    if again == frames:   # redaction re-encodes every frame: there is no rest
        return f"frames: exact cut; all {counted(again, 'frame')} re-encoded, none copied as recorded"
    of = f" of {frames}" if frames is not None else ""
    return f"frames: exact cut; {again}{of} frames re-encoded, the rest copied as recorded"


def _changes(r: dict) -> list[str]:
    out = []
    for item in _list(r.get("redactions")):
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind == "privacy-mask":
            n = _count(item.get("frames"))
            out.append("changed: the owner's privacy masks filled black"
                       + (f" in {counted(n, 'frame')}" if n is not None else ""))
        elif kind == "face-blur":
            n = _count(item.get("frames_blurred"))
            out.append("changed: faces blurred"
                       + (f" in {counted(n, 'frame')}" if n is not None else ""))
    return out


def _sound(r: dict) -> str:
    audio = r.get("audio")
    if audio == "removed":
        return "sound: removed"
    if audio != "kept":
        return ""
    words = ["sound: kept"]
    conversion = r.get("audio_conversion")
    if isinstance(conversion, dict) and conversion.get("formats"):
        words.append(f"converted to {one_line(conversion.get('to'), 40)}, as the recordings' "
                     "sound changes format")
    elif isinstance(conversion, dict):
        words.append(f"converted from {one_line(conversion.get('from'), 40)} to "
                     f"{one_line(conversion.get('to'), 40)}")
    for item in _list(r.get("redactions")):
        if isinstance(item, dict) and item.get("kind") == "audio-mute":
            spans = [s for s in map(window_of, _list(item.get("ranges"))) if s]
            words += [f"silenced from {_utc(s)}" for s in spans]
            if spans:   # a range cannot be cut out of a compressed packet: all is decoded
                words.append("all of it re-encoded as AAC to do so, none is the recorder's own")
    if len(words) == 1 and conversion is None:
        words.append("as recorded")
    return "; ".join(words)


def _damaged(r: dict) -> str:
    cut = _dict(r, "cut")
    frames, sound = _count(cut.get("dropped_frames")), _count(cut.get("dropped_audio_packets"))
    parts = []
    if frames:
        parts.append(f"{counted(frames, 'frame')} of the recordings could not be decoded: "
                     "left out")
    if sound:
        parts.append(f"{counted(sound, 'piece')} of sound could not be decoded: silent")
    return ("damaged recordings, exported knowingly by the owner: " + "; ".join(parts)) if parts else ""


def _clock(r: dict) -> str:
    offsets = [o for o in _list(_dict(r, "clock").get("clock_offset_s"))
               if isinstance(o, (int, float)) and not isinstance(o, bool) and o != 0]
    if not offsets:
        return ""
    return ("camera clock: off true time by " + ", ".join(f"{o:+g} s" for o in offsets)
            + ", as the owner set it (every time here is corrected by that)")


def _sources(r: dict) -> str:
    sources = r.get("sources")
    if not isinstance(sources, list):
        return ""
    return f"recordings used: {len(sources)} (each one's SHA-256 is in {PROVENANCE})"


def _hold(r: dict) -> str:
    """Said when the clip was cut from the owner's safe copy (held_window.py), not from the
    recordings themselves: those were gone or changed when it was cut."""
    hold = r.get("hold")
    if not isinstance(hold, dict):
        return ""
    made = _time(hold.get("made"))
    when = f" made {shown(made, 'UTC')}" if made is not None else ""
    said = (f"cut from the owner's safe copy{when}: the recordings were gone or changed in "
            "their folder since it was made (each copy's and original's SHA-256 is in "
            f"{PROVENANCE}, under hold)")
    added = hold.get("added")
    if isinstance(added, list) and added:   # copied into the safe copy after it was made
        files = sum(len(a["files"]) for a in added
                    if isinstance(a, dict) and isinstance(a.get("files"), list))
        last = max((t for t in (_time(a.get("at")) for a in added if isinstance(a, dict))
                    if t is not None), default=None)
        said += (f"; {counted(files, 'copy', 'copies')} of them added to the safe copy later"
                 + (f", the last at {shown(last, 'UTC')}" if last is not None else "")
                 + f" ({PROVENANCE}, under hold.added)")
    said += _clock_changed(hold.get("clock_changed"))
    missed = hold.get("left_out")
    if isinstance(missed, dict) and isinstance(missed.get("recordings"), list):
        said += (f"; left out of the clip: {counted(len(missed['recordings']), 'recording')} "
                 "still on the owner's computer that the safe copy does not hold, made (or "
                 f"finished) after it ({PROVENANCE}, under hold.left_out)")
    return said


def _clock_changed(changed: object) -> str:
    """Said when the copies were placed by a clock offset or zone the owner set after the
    safe copy was made (agent/requests/held_clocks.py): the clock used, and the one held."""
    if not isinstance(changed, dict) or not isinstance(changed.get("clock"), dict):
        return ""
    def clock(c: dict) -> str:
        return f"offset {c.get('clock_offset_s')} s, zone {c.get('zone')}"
    held = [clock(c) for c in _list(changed.get("held_under")) if isinstance(c, dict)]
    return ("; its copies placed in time by the camera's clock as the owner set it after the "
            f"safe copy was made ({clock(changed['clock'])}"
            + (f"; made under {', '.join(held)}" if held else "")
            + f": {PROVENANCE}, under hold.clock_changed)")
