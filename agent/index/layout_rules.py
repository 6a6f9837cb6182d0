"""The vendor grammars: how each recorder spells a recording's path (see nvr-layouts.md).

A grammar is a regex for the file name (stem + extensions) whose named groups are *roles*, plus
an optional hook that reads the folders above the name; layouts.py turns roles into NameFacts.

  Y M D h m s   start (digits); ms = milliseconds; ap = am/pm on a 12-hour clock
  eY eM eD      end date (absent: a time-only end, placed on the start's date)
  eh em es      end time; dur = duration in seconds
  ep / epms     start as epoch seconds / milliseconds (UTC; wins over Y..s)
  tz            explicit offset: +0200, -08_00, +00:00, +03 (the name is aware)
  dst           summer-time marker: any text -> True, or a bool set by a hook
  cam, stream   camera id; stream as written ("M"/"S", "main"/"sub", UniFi "0"/"1"/"2")
  layout        set by hooks of grammars that yield more than one layout
  nostart, note, in_progress

Hooks get (roles, path), may add or change roles, and return False when the folders rule the
layout out. Every capturing group must be named so groups map back to roles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

Hook = Callable[[dict, str], bool]

# Layouts whose name times are UTC; every other name is local wall time unless it carries an
# offset or an epoch number.
UTC_LAYOUTS = frozenset({"frigate", "tapo", "unifi-remux", "canon-vb"})

VIDEO_EXTS = ("mp4", "mov", "m4s", "mkv", "avi", "ts", "dav", "asf", "bvr", "ubv", "264",
              "h264", "265", "h265", "hevc", "mpg", "mpeg", "ps", "webm", "m4v", "3gp",
              "flv", "wmv", "mts", "m2ts", "vob", "mjpg", "mjpeg", "mxf")


@dataclass(frozen=True)
class Grammar:
    """One vendor path shape: a regex for the name without its extension, the extensions it
    uses (any case; None = optional, any video extension), and a hook for the folders.
    `layouts[0]` is what a match yields unless the hook says otherwise."""

    layouts: tuple[str, ...]
    stem: str
    exts: tuple[str, ...] | None
    hook: Hook | None = None

    @property
    def name(self) -> str:
        """Regex for the whole file name."""
        if self.exts is None:
            return f"{self.stem}(?:{_VIDEO})?"
        return self.stem + _ext(*self.exts)


def _date(sep: str, e: str = "") -> str:
    return rf"(?P<{e}Y>\d{{4}}){sep}(?P<{e}M>\d\d){sep}(?P<{e}D>\d\d)"


def _time(sep: str, e: str = "") -> str:
    return rf"(?P<{e}h>\d\d){sep}(?P<{e}m>\d\d){sep}(?P<{e}s>\d\d)"


def _ext(*names: str) -> str:
    # Longest first so "dav.mp4" is tried before "dav".
    ordered = sorted(names, key=len, reverse=True)
    return r"\.(?i:" + "|".join(re.escape(n) for n in ordered) + ")"


_DOT = r"\."
_STAMP = _date("") + _time("")
_ESTAMP = _date("", "e") + _time("", "e")
_VIDEO = _ext(*VIDEO_EXTS)


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


def _frigate(g: dict, path: str) -> bool:
    m = _match_folders(_FRIGATE_DIRS, path)
    if m is None:
        return False
    y, mo, d, old_y, old_mo, old_d, g["h"], g["cam"] = m.groups()
    if y:  # 0.12+: one date folder, UTC
        g["Y"], g["M"], g["D"] = y, mo, d
    else:  # 0.8-0.11: month folder, then day folder, local time
        g["Y"], g["M"], g["D"], g["layout"] = old_y, old_mo, old_d, "frigate-legacy"
    return True


def _frigate_flat_or_motion(g: dict, path: str) -> bool:
    folder = _parent(path)
    if folder in ("recordings", "cache"):
        g["in_progress"] = folder == "cache"
        return True
    if _DIGITS.fullmatch(g["cam"]):  # motion's event number is not a camera
        g["cam"], g["layout"] = None, "motion"
        return True
    return path.lower().endswith(".mp4")


def _in_progress(g: dict, path: str) -> bool:
    g["in_progress"] = True
    return True


def _reolink_sd(g: dict, path: str) -> bool:
    if g["eh"] == g["em"] == g["es"] == "00":  # 000000 means the camera did not know the end
        g["eh"] = g["em"] = g["es"] = None
        g["note"] = "end unknown in name"
    return True


def _hikvision(g: dict, path: str) -> bool:
    g["nostart"], g["note"] = True, "time in index00.bin, not in name"
    return True


def _wyze_bridge(g: dict, path: str) -> bool:
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


def _yi(g: dict, path: str) -> bool:
    m = _match_folders(_YI_DIRS, path)
    if m is None:
        return False
    g["Y"], g["M"], g["D"], g["h"] = m.groups()
    return True


def _wyze_sd(g: dict, path: str) -> bool:
    m = _match_folders(_WYZE_DIRS, path)
    if m is None:
        return False
    g["Y"], g["M"], g["D"], g["h"] = m.groups()
    g["s"] = "00"
    return True


def _dahua_tree(g: dict, path: str) -> bool:
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


def _motioneye(g: dict, path: str) -> bool:
    m = _match_folders(_DAY_DIRS, path)
    if m is None:
        return False
    g["cam"], g["Y"], g["M"], g["D"] = m.groups()
    return True


def _viseron(g: dict, path: str) -> bool:
    cam = _parent(path)
    g["cam"] = cam if cam != "segments" else None
    return True


def _zoneminder(g: dict, path: str) -> bool:
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


def _shinobi(g: dict, path: str) -> bool:
    m = _match_folders(_TWO_DIRS, path)
    if m is not None:
        group, monitor = m.groups()
        g["cam"] = f"{group}/{monitor}" if group else monitor
    return True


def _canon(g: dict, path: str) -> bool:
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


def _mdvr(g: dict, path: str) -> bool:
    g["cam"] = f"CH{int(g['chan']):02d}"
    return True


# Most specific shapes first: the registry takes the first grammar whose name regex matches.
_MAIN = ("mp4",)
GRAMMARS: tuple[Grammar, ...] = (
    Grammar(("frigate-cache",), rf"(?P<cam>[^/]+)@{_STAMP}(?P<tz>[+-]\d{{4}})", _MAIN,
            _in_progress),
    Grammar(("frigate-export",),
            rf"(?P<cam>[^/]+)_{_date('')}_{_time('')}-{_date('', 'e')}_{_time('', 'e')}_[^/]+",
            _MAIN),
    Grammar(("reolink-sd",),
            rf"Rec(?P<stream>[MS])\d\d_(?P<dst>DST)?{_date('')}_{_time('')}_{_time('', 'e')}"
            r"(?:_[0-9A-Fa-f]+)*", _MAIN, _reolink_sd),
    Grammar(("reolink-fragment",), rf"fragment_(?P<cam>[^/]+)_{_STAMP}", _MAIN),
    Grammar(("dahua-backup",),
            rf"(?P<cam>[^/]+_[cC][hH]\d+)_(?P<stream>(?i:main|sub))_{_STAMP}_{_ESTAMP}(?:_[^/]*)?",
            ("dav", "mp4", "avi", "asf", "dav.mp4")),
    Grammar(("dvr-export",), rf"(?P<cam>CH\d+)_{_date('')}_?{_time('')}_{_time('', 'e')}",
            ("mp4", "avi", "dav")),
    Grammar(("hikvision",), r"hiv\d{5}", _MAIN, _hikvision),
    Grammar(("hikvision-extract",),
            rf"{_date('-')} {_time('-')} - {_date('-', 'e')} {_time('-', 'e')} \(\d+-\d+\)",
            ("mov", "mp4")),
    Grammar(("tapo",), rf"{_date('-')} {_time('_')}-{_date('-', 'e')} {_time('_', 'e')}", _MAIN),
    Grammar(("unifi-protect",),
            r"(?P<cam>[0-9A-Fa-f]{12})_(?P<stream>[^_/]+)_(?:rotating|timelapse)_(?P<epms>\d{13})",
            ("ubv",)),
    Grammar(("unifi-remux",),
            rf"(?P<cam>[0-9A-Fa-f]{{12}})_(?P<stream>[^_/]+)_[^_/]+_{_date('-')}T{_time(_DOT)}Z",
            _MAIN),
    Grammar(("unifi-archiver",),
            rf"(?P<cam>[^/]+ \([0-9A-Fa-f]{{4}}\)) - {_date('-')} - {_time(_DOT)}"
            r"(?P<tz>[+-]\d{4})?", _MAIN),
    Grammar(("unifi-export",),
            r"(?P<cam>[^/]+) - (?P<M>\d{1,2})-(?P<D>\d{1,2})-(?P<Y>\d{4}), "
            r"(?P<h>\d{1,2})\.(?P<m>\d\d)\.(?P<s>\d\d)(?P<ap>(?i:am|pm))", _MAIN),
    Grammar(("xiaomi",), r"\d\dM\d\dS_(?P<ep>\d{10})", _MAIN),
    Grammar(("yi",), r"(?:E1)?(?P<m>\d\d)M(?P<s>\d\d)S(?P<dur>\d\d)", _MAIN, _yi),
    Grammar(("blink",), rf"(?:(?P<cam>[^/]+)_)?{_date('-')}T{_time('_')}(?P<tz>[+-]\d\d_?\d\d)",
            _MAIN),
    Grammar(("wyze-bridge",),
            rf"(?:(?P<cam>[^/]+)_)?{_date('-')}_{_time('-')}"
            r"_(?P<zone>[A-Za-z]{1,6}|[+-]\d\d(?:\d\d)?)", _MAIN, _wyze_bridge),
    Grammar(("ispy",),
            rf"(?P<cam>\d+)_(?:TimeLapse_)?{_date('-')}_{_time('-')}(?:_(?P<ms>\d{{3}}))?", _MAIN),
    Grammar(("shinobi",), rf"{_date('-')}T{_time('-')}", ("mp4", "webm", "mkv"), _shinobi),
    Grammar(("canon-vb",),
            r"(?P<cY>\d{4})(?P<cM>\d\d)(?P<cD>\d\d)(?P<ch>\d\d)(?P<cm>\d\d)(?P<cs>\d\d)"
            rf"-{_time('')}-[A-Za-z]+\d+_\d+", ("mov", "mp4"), _canon),
    Grammar(("brickcom",),
            rf"{_date('')}-{_time('')}-{_time('', 'e')}"
            r"_(?P<cam>\d{1,3}(?:\.\d{1,3}){3}-CH\d+)", None),
    Grammar(("mdvr",),
            rf"H{_date('')}-{_time('')}[PN][0-9A-Za-z][AN](?P<chan>\d{{1,2}})[0-9A-Za-z]{{2}}",
            ("avi",), _mdvr),
    Grammar(("blue-iris",), rf"(?P<cam>[^/]+)\.{_date('')}_{_time('')}\[?(?P<ms>\d{{3}})?\]?",
            ("bvr", "mp4", "mkv", "avi")),
    Grammar(("synology",), r"[^/]*-(?P<epms>\d{13})(?:-\d+)?", ("mp4", "mkv", "avi")),
    Grammar(("frigate", "frigate-legacy"), r"(?P<m>\d\d)\.(?P<s>\d\d)", _MAIN, _frigate),
    Grammar(("wyze-sd",), r"(?P<m>\d\d)", _MAIN, _wyze_sd),
    Grammar(("dahua-tree", "amcrest-hour"), rf"{_time(_DOT)}-{_time(_DOT, 'e')}(?:\[[^\]/]*\])*",
            ("dav", "mp4", "dav.mp4"), _dahua_tree),
    Grammar(("motioneye",), _time("-"), ("mp4", "avi", "mkv"), _motioneye),
    Grammar(("viseron",), r"(?P<ep>\d{10})", ("m4s",), _viseron),
    Grammar(("zoneminder-medium", "zoneminder-deep"),
            r"(?:\d+-video(?:\.[A-Za-z0-9]+)?|(?P<inc>incomplete))", VIDEO_EXTS, _zoneminder),
    Grammar(("frigate-flat", "motion"), rf"(?P<cam>[^/]+)-{_STAMP}", ("mp4", "avi", "mkv"),
            _frigate_flat_or_motion),
    Grammar(("reolink-ftp",), rf"(?P<cam>[^/]+?)(?:_\d\d)?_{_STAMP}", _MAIN),
)
