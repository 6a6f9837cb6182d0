"""The grammar hooks: what the folders above a recording's name say, and the fixes a name
needs beyond its regex (see layout_rules.py, whose GRAMMARS table uses them).

Each hook gets (roles, path), may add or change roles, and returns False when the folders
rule the layout out.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta


def _folders(tail: str, above: bool = False) -> re.Pattern:
    """A regex for the folders above a file name: `tail` must be the nearest folders; anything
    may sit above them (the owner's root can be at any depth). With `above`, the folder just
    above the tail is captured first (None when the tail starts the path). The greedy lead-in
    makes the regex settle on the tail nearest the name."""
    lead = r"(?:(?:.*/)?([^/]+)/)?" if above else r"(?:.*/)?"
    return re.compile(lead + tail, re.ASCII | re.DOTALL)


_FRIGATE_DIRS = _folders(r"(?:(\d{4})-(\d\d)-(\d\d)|(\d{4})-(\d\d)/(\d\d))/(\d\d)/([^/]+)")
_WYZE_DIRS = _folders(r"(\d{4})(\d\d)(\d\d)/(\d\d)")
_YI_DIRS = _folders(r"(\d{4})Y(\d\d)M(\d\d)D(\d\d)H")
_DAY_DIRS = _folders(r"(\d{4})-(\d\d)-(\d\d)", above=True)
_DAHUA_DIRS = _folders(r"(\d{4})-(\d\d)-(\d\d)(?:/([^/]+)(?:/.*)?)?", above=True)
_ZM_MEDIUM_DIRS = _folders(r"(\d{4}-\d\d-\d\d)/\d+", above=True)
_ZM_DEEP_DIRS = _folders(r"(\d\d)/(\d\d)/(\d\d)/(\d\d)/(\d\d)/(\d\d)", above=True)
_TWO_DIRS = _folders(r"([^/]+)", above=True)
_DIGITS = re.compile(r"\d+", re.ASCII)
_HOUR_FOLDER = re.compile(r"\d\dhour", re.ASCII | re.IGNORECASE)

# docker-wyze-bridge writes strftime's %Z. Abbreviations that name one offset and season; ones
# that mean different things in different places (IST, CST in China) are left out on purpose.
_ZONE_DST = {
    "EST": False, "EDT": True, "CST": False, "CDT": True, "MST": False, "MDT": True,
    "PST": False, "PDT": True, "AKST": False, "AKDT": True, "HST": False, "HDT": True,
    "AST": False, "ADT": True, "NST": False, "NDT": True, "BST": True, "WET": False,
    "WEST": True, "CET": False, "CEST": True, "EET": False, "EEST": True, "AEST": False,
    "AEDT": True, "ACST": False, "ACDT": True, "AWST": False, "NZST": False, "NZDT": True,
    "JST": False, "KST": False, "MSK": False, "SAST": False, "HKT": False,
}
_ZONE_UTC = frozenset({"UTC", "GMT", "UT", "Z", "ZULU"})


def _match_folders(rx: re.Pattern, path: str) -> re.Match | None:
    """Match rx against the folders of path (everything before the file name)."""
    slash = path.rfind("/")
    return rx.fullmatch(path, 0, slash) if slash > 0 else None


def _parent(path: str) -> str:
    slash = path.rfind("/")
    return path[path.rfind("/", 0, slash) + 1:slash] if slash > 0 else ""


def frigate(g: dict, path: str) -> bool:
    m = _match_folders(_FRIGATE_DIRS, path)
    if m is None:
        return False
    y, mo, d, old_y, old_mo, old_d, g["h"], g["cam"] = m.groups()
    if y:  # 0.12+: one date folder, UTC
        g["Y"], g["M"], g["D"] = y, mo, d
    else:  # 0.8-0.11: month folder, then day folder, local time
        g["Y"], g["M"], g["D"], g["layout"] = old_y, old_mo, old_d, "frigate-legacy"
    return True


def frigate_flat_or_motion(g: dict, path: str) -> bool:
    folder = _parent(path)
    if folder in ("recordings", "cache"):
        g["in_progress"] = folder == "cache"
        return True
    if _DIGITS.fullmatch(g["cam"]):  # motion's event number is not a camera
        g["cam"], g["layout"] = None, "motion"
        return True
    return path.lower().endswith(".mp4")


def in_progress(g: dict, path: str) -> bool:
    g["in_progress"] = True
    return True


def reolink_sd(g: dict, path: str) -> bool:
    if g["eh"] == g["em"] == g["es"] == "00":  # 000000 means the camera did not know the end
        g["eh"] = g["em"] = g["es"] = None
        g["note"] = "end unknown in name"
    return True


def hikvision(g: dict, path: str) -> bool:
    g["nostart"], g["note"] = True, "time in index00.bin, not in name"
    return True


def wyze_bridge(g: dict, path: str) -> bool:
    abbrev = g.pop("zone").upper()
    if abbrev in _ZONE_UTC:
        g["tz"] = "+0000"
    elif abbrev[0] in "+-":
        g["tz"] = abbrev
    elif abbrev in _ZONE_DST:
        g["dst"] = _ZONE_DST[abbrev]
    else:
        g["note"] = f"zone abbreviation {abbrev} not recognised; using the source's zone"
    return True


def yi(g: dict, path: str) -> bool:
    m = _match_folders(_YI_DIRS, path)
    if m is None:
        return False
    g["Y"], g["M"], g["D"], g["h"] = m.groups()
    return True


def wyze_sd(g: dict, path: str) -> bool:
    m = _match_folders(_WYZE_DIRS, path)
    if m is None:
        return False
    g["Y"], g["M"], g["D"], g["h"] = m.groups()
    g["s"] = "00"
    return True


def dahua_tree(g: dict, path: str) -> bool:
    # The date folder may sit right above the name or a few levels up (<chan>/dav/HH/...).
    m = _match_folders(_DAHUA_DIRS, path)
    if m is None:
        return False
    above, g["Y"], g["M"], g["D"], below = m.groups()
    if below and _HOUR_FOLDER.fullmatch(below):
        g["layout"], below = "amcrest-hour", None
    elif below and below.lower() in ("dav", "mp4"):
        below = None
    g["cam"] = f"{above}/{below}" if above and below else above or below
    return True


def motioneye(g: dict, path: str) -> bool:
    m = _match_folders(_DAY_DIRS, path)
    if m is None:
        return False
    g["cam"], g["Y"], g["M"], g["D"] = m.groups()
    return True


def viseron(g: dict, path: str) -> bool:
    cam = _parent(path)
    g["cam"] = cam if cam != "segments" else None
    return True


def zoneminder(g: dict, path: str) -> bool:
    if g["inc"]:
        g["in_progress"] = True
    m = _match_folders(_ZM_MEDIUM_DIRS, path)
    if m is not None:
        g["cam"], day = m.groups()
        g["nostart"], g["layout"] = True, "zoneminder-medium"
        g["note"] = f"date {day} only in name; time from container or events DB"
        return True
    m = _match_folders(_ZM_DEEP_DIRS, path)
    if m is not None:  # YY/MM/DD/HH/MM/SS
        g["cam"], yy, g["M"], g["D"], g["h"], g["m"], g["s"] = m.groups()
        g["Y"], g["layout"] = "20" + yy, "zoneminder-deep"
        return True
    return False


def shinobi(g: dict, path: str) -> bool:
    m = _match_folders(_TWO_DIRS, path)
    if m is not None:
        group, monitor = m.groups()
        g["cam"] = f"{group}/{monitor}" if group else monitor
    return True


def canon(g: dict, path: str) -> bool:
    # The name's date belongs to the creation stamp; the start (a time only) is the nearest
    # such time to the creation, which may fall on the day before or after.
    try:
        created = datetime(int(g["cY"]), int(g["cM"]), int(g["cD"]),
                           int(g["ch"]), int(g["cm"]), int(g["cs"]))
        same_day = created.replace(hour=int(g["h"]), minute=int(g["m"]), second=int(g["s"]))
    except (ValueError, OverflowError):
        return False
    best = min((same_day + timedelta(days=k) for k in (-1, 0, 1)),
               key=lambda t: abs(t - created))
    g["Y"], g["M"], g["D"] = best.year, best.month, best.day
    if created > best:
        g["note"] = "continuation file: the name repeats the recording's start"
    return True


def mdvr(g: dict, path: str) -> bool:
    g["cam"] = f"CH{int(g['chan']):02d}"
    return True
