"""The lines of a package's README.txt that state facts, made from its provenance.json.

The README is written for whoever is handed the package, and they read it rather than the
JSON: its camera, times, stretches not recorded, what was hidden and who sealed it must be
the record's. The writer (agent/export/readme.py) writes these lines and `verify`
(frp/verify_readme.py) makes them again from the record and holds the README to them, so the
two cannot drift apart. Each line is given without its indentation.
"""
from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from frp.count_words import counted
from frp.late_start import early_end_us, keyframe_wait_us, unrecorded_until
from frp.text import one_line
from frp.times import format_local, parse_rfc3339

GAPS_SHOWN = 12   # a camera that records on motion leaves many: the record has them all

# What each kind of fact line starts with (or, for the window in the recorder's zone, ends
# with): verify finds the README's lines of each kind by these and compares them as lists.
KINDS = (
    ("camera", re.compile(r"Camera: ")),
    ("window", re.compile(r"Time: ")),
    ("window in the recorder's zone", re.compile(r".*, the recorder's time zone\)$")),
    ("request", re.compile(r"Answers request |Exported by hand ")),
    ("clip", re.compile(r"Open data")),
    ("first frame", re.compile(r"The player's 0:00 ")),
    ("late start", re.compile(r"The video starts at ")),
    ("stretch not recorded", re.compile(r"Nothing was recorded from ")),
    ("more stretches not recorded", re.compile(r"\.\.\. and [\d,]+ more such stretches")),
    ("early end", re.compile(r"The video ends with ")),
    ("privacy masks", re.compile(r"[\d,]+ areas? of the picture ")),
    ("blurred faces", re.compile(r"Faces a face detector found ")),
    ("silenced sound", re.compile(r"The sound is silenced from ")),
    ("frames encoded again", re.compile(r"For this every frame was encoded again")),
    ("Content Credentials", re.compile(r"The video also carries its own signed Content ")),
    ("sealed by", re.compile(r"It was sealed on ")),
)
# Kinds that carry a time in the recorder's zone: on a computer without that zone, that part
# is left out of both sides (the window's own line altogether) and the UTC times compared.
ZONED = {"window in the recorder's zone", "stretch not recorded", "silenced sound"}


def kind_of(line: str) -> str | None:
    """The kind of fact a README line (without its indentation) states, or None for prose."""
    return next((kind for kind, pattern in KINDS if pattern.match(line)), None)


def recorder_zone(record: dict) -> str | None:
    """The recorders' one zone, when it is not UTC (times are shown in it too)."""
    zones = record["clock"]["time_zones"]
    return zones[0] if len(zones) == 1 and zones[0] != "UTC" else None


def zone_known(name: str) -> bool:
    """Whether this computer knows the IANA zone `name` (its times can be written)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def when(text: str, name: str | None = None) -> str:
    """One RFC 3339 instant as the README shows it, in UTC or in the zone `name`."""
    return format_local(parse_rfc3339(text), name or "UTC")


def span(start: int, end: int, record: dict) -> str:
    """Two instants in UTC, and in the recorders' zone when it is another it knows."""
    text = f"{format_local(start)} to {format_local(end)}"
    name = recorder_zone(record)
    if name is not None and zone_known(name):
        text += f" ({format_local(start, name)} to {format_local(end, name)})"
    return text


def seconds(us: int) -> str:
    """`5 s`, `1.5 s`, `0.04 s`: a span of the window, to the hundredth of a second."""
    return f"{round(us / 1e6, 2):g} s"


def at(us: int, up: bool = False) -> str:
    """A player's position: `0:10`, `1:02:03`, in whole seconds as players show it: down,
    or `up` for the end of a stretch (so that 0:01.0 to 0:02.5 reads 0:01 to 0:03)."""
    whole = max(0, -(-us // 1_000_000) if up else us // 1_000_000)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def clip_path(record: dict) -> str:
    """The clip's path in the package (data/<name>.mp4)."""
    return next(o["path"] for o in record["outputs"] if o["path"].endswith(".mp4"))


def heading_lines(record: dict) -> list[str]:
    """Camera, the approved window (and in the recorder's zone), and what it answers."""
    approved = record["approved"]
    lines = [f"Camera: {one_line(record['camera'])}",
             f"Time: {when(approved['start'])} to {when(approved['end'])}"]
    name = recorder_zone(record)
    if name is not None and zone_known(name):   # else UTC says it all
        lines.append(f"{when(approved['start'], name)} to {when(approved['end'], name)} "
                     f"({name}, the recorder's time zone)")
    request = record.get("request")
    lines.append("Exported by hand by the camera's owner, for no request." if request is None
                 else f"Answers request {one_line(request['id'])} of "
                      f"{one_line(request['agency'])}, case {one_line(request['case'])}.")
    return lines


def open_line(record: dict) -> str:
    clip = clip_path(record)
    return f"Open {clip.replace('/', chr(92))} (on a Mac or Linux: {clip})."


def first_frame_line(record: dict) -> str:
    # a stretch not saved yet only ever ends the window: the picture never stands still in it
    still = any(not g.get("not_saved_yet") for g in record.get("gaps") or ())
    return ("The player's 0:00 is the first frame, captured at "
            f"{when(record['delivered']['start'])}; every other frame is at its capture "
            "time's distance from it" + (": where the camera recorded nothing, the picture "
                                         "stands still (below)." if still else "."))


def not_in_video_lines(record: dict) -> list[str]:
    """What of the approved window the video does not hold, and where a player shows it: a
    receiver who sees the picture stand still, or a window that starts before the video,
    must not take it for something the owner cut out."""
    approved, delivered = record["approved"], record["delivered"]
    first, last = (parse_rfc3339(delivered[k]) for k in ("start", "end"))
    gaps = [(parse_rfc3339(g["start"]), parse_rfc3339(g["end"])) for g in record.get("gaps") or ()]
    # a stretch after a recording still being written: not "nothing was recorded"
    unsaved = {(parse_rfc3339(g["start"]), parse_rfc3339(g["end"]))
               for g in record.get("gaps") or () if g.get("not_saved_yet") is True}
    lines = []
    begin = parse_rfc3339(approved["start"])
    wait = keyframe_wait_us(begin, first, gaps)
    if wait and record["cut"]["mode"] == "copy":   # else only a stretch not recorded, below
        after = ("the window does" if unrecorded_until(begin, gaps) == begin
                 else "the recording in it does")
        lines.append(f"The video starts at {when(delivered['start'])}, {seconds(wait)} "
                     f"after {after}: a copy starts at a keyframe, the first whole picture "
                     "the camera stored.")
    for start, end in gaps[:GAPS_SHOWN]:
        if end <= first:
            where = "before the video's first frame"
        elif start > last:
            where = "after the video's last frame"
        else:
            where = (f"in the player the picture stands still from {at(start - first)} to "
                     f"{at(end - first, up=True)}")
        if (start, end) in unsaved:
            lines.append(f"Not saved yet when the package was made, from {span(start, end, record)}: "
                         "the camera's recording was still being written, and its file held "
                         f"nothing later then: {where}.")
        else:
            lines.append(f"Nothing was recorded from {span(start, end, record)}: {where}.")
    if len(gaps) > GAPS_SHOWN:
        lines.append(f"... and {len(gaps) - GAPS_SHOWN} more such stretches, all listed "
                     "in data/provenance.json (gaps).")
    end = parse_rfc3339(approved["end"])
    if early_end_us(end, last, round(delivered.get("shortfall_end_s", 0) * 1e6), gaps):
        lines.append(f"The video ends with the frame captured at {when(delivered['end'])}, "
                     f"{seconds(end - last)} before the window does.")
    return lines


def hidden_lines(record: dict) -> list[str]:
    """What the owner hid or silenced: a receiver who sees black shapes or blurred faces, or
    hears nothing, must read that the owner did it on purpose, and where the original is."""
    first = parse_rfc3339(record["delivered"]["start"])
    lines = []
    for done in record.get("redactions") or ():
        if done.get("kind") == "privacy-mask":
            areas = len(done.get("polygons") or ())
            lines.append(f"{counted(areas, 'area')} of the picture "
                         f"{'is' if areas == 1 else 'are'} filled black in every frame: "
                         f"{'a privacy mask' if areas == 1 else 'privacy masks'} the owner drew "
                         "(over a neighbour's window, say).")
        elif done.get("kind") == "face-blur":
            lines.append("Faces a face detector found are blurred "
                         f"({counted(done.get('frames_blurred', 0), 'frame')} with one); a small "
                         "face, or one on screen only briefly, may have been missed.")
        elif done.get("kind") == "audio-mute":
            for muted in done.get("ranges") or ():
                start, end = parse_rfc3339(muted["start"]), parse_rfc3339(muted["end"])
                lines.append(f"The sound is silenced from {span(start, end, record)}: in the "
                             f"player from {at(start - first)} to {at(end - first, up=True)}.")
    if lines and record["cut"].get("reencoded_frames") == record["delivered"].get("frames"):
        lines.append("For this every frame was encoded again; the recording itself was not "
                     "changed, and the owner keeps it.")
    return lines


def credentials_lines(record: dict) -> list[str]:
    """That the clip carries Content Credentials, when the record says it was sealed with
    them (a clip copied out of the folder keeps them); the first line states it."""
    if not isinstance(record.get("content_credentials"), dict):
        return []
    return ["The video also carries its own signed Content Credentials (C2PA), which stay with",
            "it when it is copied out of the folder."]


def sealed_line(day: str, owner_id: str) -> str:
    return f"It was sealed on {day} (UTC) by owner {owner_id}:"


def fact_lines(record: dict, day: str | None, owner_id: str | None) -> list[str]:
    """Every fact line the README of a package whose provenance.json is `record` says, in
    order; the sealing line only when both the day and the owner are known."""
    lines = [*heading_lines(record), open_line(record), first_frame_line(record),
             *not_in_video_lines(record), *hidden_lines(record), *credentials_lines(record)]
    if day is not None and owner_id is not None:
        lines.append(sealed_line(day, owner_id))
    return lines
