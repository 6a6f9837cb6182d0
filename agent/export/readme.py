"""README.txt: the package explained to whoever is handed it, in plain words.

A detective at the door, an insurer or a neighbour gets a folder of BagIt files with names
that mean nothing to them. The first file they can open says which file is the video, what
plays it, what it shows (camera and time), to keep the folder whole, and how to check it.
It is a tag file the tag manifest lists, so the owner's signature covers it: a receiver can
trust it as far as provenance.json, which it is written from. CRLF line ends, so Windows'
Notepad of any age shows its lines.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from agent.export.late_start import early_end_us, keyframe_wait_us, unrecorded_until
from frp.count_words import counted
from frp.mp4tables import TableError, read_movie

from agent.timebase import TimeError, parse_rfc3339, to_datetime, zone
from frp.text import one_line

README = "README.txt"

# What plays the clip, by its video's MP4 sample entry. hev1 and avc3 (parameter sets inside
# the stream: a recording from MPEG-TS/PS or .dav, or GOPs of two encoders joined) are said
# apart: QuickTime Player opens H.265 only as hvc1.
_PLAYERS = {
    "avc1": ("H.264 video in an MP4 file: it plays in the video player that comes with "
             "Windows (Media Player, Films & TV) or a Mac (QuickTime Player), and in VLC."),
    "avc3": ("H.264 video in an MP4 file that carries its settings in the stream (avc3): it "
             "plays in VLC (free, for Windows, Mac and Linux); some players built into "
             "Windows or a Mac may not open it."),
    "hvc1": ("H.265 (HEVC) video in an MP4 file: it plays in QuickTime Player on a Mac and in "
             "VLC; on Windows, Media Player needs Microsoft's HEVC Video Extensions for it "
             "(from the Microsoft Store), or use VLC."),
    "hev1": ("H.265 (HEVC) video in an MP4 file that carries its settings in the stream "
             "(hev1): it plays in VLC (free, for Windows, Mac and Linux); QuickTime Player "
             "does not open this form, and on Windows, Media Player needs Microsoft's HEVC "
             "Video Extensions for it."),
    "mp4v": "Motion JPEG video in an MP4 file: it plays in VLC and most video players.",
}
_ANY = "Video in an MP4 file: it plays in VLC (free, for Windows, Mac and Linux)."


# What a file browser writes into data/ by itself when the receiver opens it to play the
# video (frp/bagit.py OS_LEFTOVERS): footage-agent verify names them, but bagit.py just says
# the bag "is invalid", so the README says to delete them, with what to type where.
_LEFTOVERS = (
    "  If bagit.py finds files in data/ that are not listed (\"Payload-Oxum validation",
    "  failed\"), a computer may have added them by itself when data/ was opened: a Mac's",
    "  .DS_Store and ._ files (on a USB stick or network drive), Windows' Thumbs.db and",
    "  desktop.ini. They are not part of the package: delete them, then check again",
    "  (footage-agent verify names them):",
    "    find data -name '._*' -delete; rm -f data/.DS_Store data/Thumbs.db data/desktop.ini"
    "   (inside this folder, on a Mac)",
    "    del /a data\\._* data\\.DS_Store data\\Thumbs.db data\\desktop.ini"
    "   (inside this folder, on Windows)",
)


def video_entry(clip: Path) -> str:
    """The MP4 sample entry of `clip`'s video (avc1, hev1, ...), or "" when it cannot be read."""
    try:
        movie = read_movie(clip)
    except TableError:
        return ""
    return next((t.fourcc for t in movie.tracks if t.handler == "vide"), "")


def readme_text(record: dict, package: str, owner_id: str, entry: str, day: str) -> str:
    """The README of the package `package` whose provenance.json is `record`, sealed by
    `owner_id` on `day` (UTC, YYYY-MM-DD); `entry` is its clip's video sample entry
    (video_entry)."""
    clip = next(o["path"] for o in record["outputs"] if o["path"].endswith(".mp4"))
    approved, delivered = record["approved"], record["delivered"]
    request = record.get("request")
    made_for = ("Exported by hand by the camera's owner, for no request." if request is None
                else f"Answers request {one_line(request['id'])} of {one_line(request['agency'])}, "
                     f"case {one_line(request['case'])}.")
    lines = [
        "EVIDENCE PACKAGE made with footage-agent",
        "",
        f"Camera: {one_line(record['camera'])}",
        *_window(approved["start"], approved["end"], record),
        made_for,
        "",
        "TO WATCH THE VIDEO",
        f"  Open {clip.replace('/', chr(92))} (on a Mac or Linux: {clip}).",
        "  " + _PLAYERS.get(entry, _ANY),
        "  The player's 0:00 is the first frame, captured at "
        f"{_when(delivered['start'])}; every other frame is at its capture time's "
        "distance from it" + (": where the camera recorded nothing, the picture stands "
                              "still (below)." if record.get("gaps") else "."),
        "",
        *_not_in_video(record),
        *_hidden(record),
        "TO KEEP IT AS EVIDENCE",
        "  Keep and pass on this whole folder, exactly as it is: copy it, or play the video",
        "  from it, but do not rename, change or add any file in it (do not open the video in",
        "  an editor or converter and save it). Any change makes the check below fail.",
        "  The video also carries its own signed Content Credentials (C2PA), which stay with",
        "  it when it is copied out of the folder.",
        "",
        "TO CHECK IT",
        "  With footage-agent (free, open source):",
        f'    footage-agent verify "{package}"',
        "  Or with the standard BagIt and minisign tools (bagit.py: pip install bagit;",
        "  minisign: https://jedisct1.github.io/minisign/):",
        f'    bagit.py --validate "{package}"   (in the folder holding this one)',
        f'    py -m bagit --validate "{package}"   (in the folder holding this one, on Windows '
        "when bagit.py is not found)",
        "    minisign -Vm tagmanifest-sha256.txt -p data/owner.pub   (inside this folder)",
        *_LEFTOVERS,
        f"  It was sealed on {day} (UTC) by owner {owner_id}:",
        "  a key, not a person. Ask the owner for the id their app shows (when an export",
        "  ends, and in its Activity log; footage-agent keys show), or the agency, and compare.",
        "  data/provenance.json says where every second of the video came from.",
        "",
        "This file is part of the signed package (listed in tagmanifest-sha256.txt).",
    ]
    return "\r\n".join(lines) + "\r\n"


def _not_in_video(record: dict) -> list[str]:
    """What of the approved window the video does not hold, and where a player shows it: a
    receiver who sees the picture stand still, or a window that starts before the video,
    must not take it for something the owner cut out."""
    approved, delivered = record["approved"], record["delivered"]
    first, last = (parse_rfc3339(delivered[k]) for k in ("start", "end"))
    gaps = [(parse_rfc3339(g["start"]), parse_rfc3339(g["end"])) for g in record.get("gaps") or ()]
    lines = []
    begin = parse_rfc3339(approved["start"])
    wait = keyframe_wait_us(begin, first, gaps)
    if wait and record["cut"]["mode"] == "copy":   # else only a stretch not recorded, below
        after = ("the window does" if unrecorded_until(begin, gaps) == begin
                 else "the recording in it does")
        lines.append(f"  The video starts at {_when(delivered['start'])}, {_seconds(wait)} "
                     f"after {after}: a copy starts at a keyframe, the first whole picture "
                     "the camera stored.")
    for start, end in gaps[:_GAPS_SHOWN]:
        if end <= first:
            where = "before the video's first frame"
        elif start > last:
            where = "after the video's last frame"
        else:
            where = (f"in the player the picture stands still from {_at(start - first)} to "
                     f"{_at(end - first, up=True)}")
        lines.append(f"  Nothing was recorded from {_span(start, end, record)}: {where}.")
    if len(gaps) > _GAPS_SHOWN:
        lines.append(f"  ... and {len(gaps) - _GAPS_SHOWN} more such stretches, all listed "
                     "in data/provenance.json (gaps).")
    if early_end_us(parse_rfc3339(approved["end"]), last,
                    round(record["delivered"].get("shortfall_end_s", 0) * 1e6), gaps):
        lines.append(f"  The video ends with the frame captured at {_when(delivered['end'])}, "
                     f"{_seconds(parse_rfc3339(approved['end']) - last)} before the window does.")
    return ["NOT IN THE VIDEO", *lines, ""] if lines else []


def _hidden(record: dict) -> list[str]:
    """What the owner hid or silenced: a receiver who sees black shapes or blurred faces, or
    hears nothing, must read that the owner did it on purpose, and where the original is."""
    first = parse_rfc3339(record["delivered"]["start"])
    lines = []
    for done in record.get("redactions") or ():
        if done.get("kind") == "privacy-mask":
            areas = len(done.get("polygons") or ())
            lines.append(f"  {counted(areas, 'area')} of the picture "
                         f"{'is' if areas == 1 else 'are'} filled black in every frame: "
                         f"{'a privacy mask' if areas == 1 else 'privacy masks'} the owner drew "
                         "(over a neighbour's window, say).")
        elif done.get("kind") == "face-blur":
            lines.append("  Faces a face detector found are blurred "
                         f"({counted(done.get('frames_blurred', 0), 'frame')} with one); a small "
                         "face, or one on screen only briefly, may have been missed.")
        elif done.get("kind") == "audio-mute":
            for muted in done.get("ranges") or ():
                start, end = parse_rfc3339(muted["start"]), parse_rfc3339(muted["end"])
                lines.append(f"  The sound is silenced from {_span(start, end, record)}: in the "
                             f"player from {_at(start - first)} to {_at(end - first, up=True)}.")
    if not lines:
        return []
    if record["cut"].get("reencoded_frames") == record["delivered"].get("frames"):
        lines.append("  For this every frame was encoded again; the recording itself was not "
                     "changed, and the owner keeps it.")
    return ["HIDDEN BY THE OWNER", *lines, ""]


_GAPS_SHOWN = 12   # a camera that records on motion leaves many: the record has them all


def _seconds(us: int) -> str:
    """`5 s`, `1.5 s`, `0.04 s`: a span of the window, to the hundredth of a second."""
    return f"{round(us / 1e6, 2):g} s"


def _at(us: int, up: bool = False) -> str:
    """A player's position: `0:10`, `1:02:03`, in whole seconds as players show it: down,
    or `up` for the end of a stretch (so that 0:01.0 to 0:02.5 reads 0:01 to 0:03)."""
    whole = max(0, -(-us // 1_000_000) if up else us // 1_000_000)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _span(start: int, end: int, record: dict) -> str:
    """Two instants in UTC, and in the recorders' zone when it is another."""
    text = f"{_when_us(start)} to {_when_us(end)}"
    name = _zone(record)
    if name is not None:
        try:
            text += f" ({_when_us(start, name)} to {_when_us(end, name)})"
        except TimeError:
            pass
    return text


def _when_us(us: int, name: str | None = None) -> str:
    t = to_datetime(us)
    return _shown(t if name is None else t.astimezone(zone(name)))


def _zone(record: dict) -> str | None:
    """The recorders' one zone, when it is not UTC (times are shown in it too)."""
    zones = record["clock"]["time_zones"]
    return zones[0] if len(zones) == 1 and zones[0] != "UTC" else None


def _shown(t: datetime) -> str:
    """`2026-11-20 22:00:03.500 UTC`: milliseconds only when the instant has them."""
    ms = f".{t.microsecond // 1000:03d}" if t.microsecond >= 1000 else ""
    return f"{t.year:04d}-{t:%m-%d %H:%M:%S}{ms} {t.strftime('%Z')}"


def _when(text: str, name: str | None = None) -> str:
    """One instant in UTC, or in the zone `name`."""
    return _when_us(parse_rfc3339(text), name)


def _window(start: str, end: str, record: dict) -> list[str]:
    """The approved window's lines: in UTC, and in the recorders' zone."""
    lines = [f"Time: {_when(start)} to {_when(end)}"]
    name = _zone(record)
    if name is not None:
        try:
            lines.append(f"      {_when(start, name)} to {_when(end, name)} ({name}, the "
                         "recorder's time zone)")
        except TimeError:   # a zone this PC no longer knows: UTC says it all
            pass
    return lines
