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

Hooks (in layout_hooks.py) get (roles, path), may add or change roles, and return False when
the folders rule the layout out. Every capturing group must be named so groups map back to
roles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from agent.index.layout_hooks import (canon, dahua_tree, frigate, frigate_flat_or_motion,
                                      hikvision, in_progress, mdvr, motioneye, reolink_sd,
                                      shinobi, viseron, wyze_bridge, wyze_sd, yi,
                                      zoneminder)

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


# Most specific shapes first: the registry takes the first grammar whose name regex matches.
_MAIN = ("mp4",)
# Names many recorders write (DVR exports, NVR backups): any video container, since the owner's
# recorder may save .mkv, .ts or .asf where the documented one saves .mp4 or .avi.
_GENERIC = VIDEO_EXTS
GRAMMARS: tuple[Grammar, ...] = (
    Grammar(("frigate-cache",), rf"(?P<cam>[^/]+)@{_STAMP}(?P<tz>[+-]\d{{4}})", _MAIN,
            in_progress),
    Grammar(("frigate-export",),
            rf"(?P<cam>[^/]+)_{_date('')}_{_time('')}-{_date('', 'e')}_{_time('', 'e')}_[^/]+",
            _MAIN),
    Grammar(("reolink-sd",),
            rf"Rec(?P<stream>[MSEC])[0-9A-Fa-f]{{2}}_(?P<dst>DST)?{_date('')}_{_time('')}_"
            rf"{_time('', 'e')}"
            r"(?:_[0-9A-Fa-f]+)*", _MAIN, reolink_sd),
    Grammar(("reolink-fragment",), rf"fragment_(?P<cam>[^/]+)_{_STAMP}", _MAIN),
    Grammar(("dahua-backup",),
            rf"(?P<cam>[^/]+_[cC][hH]\d+)_(?P<stream>(?i:main|sub))_{_STAMP}_{_ESTAMP}(?:_[^/]*)?",
            _GENERIC + ("dav.mp4",)),
    # The documented token is CH<nn>; DVRs write ch1, D01, Cam-2, IPC ... in the same place.
    Grammar(("dvr-export",), rf"(?P<cam>[^/_]+)_{_date('')}_?{_time('')}_{_time('', 'e')}",
            _GENERIC),
    Grammar(("hikvision",), r"hiv\d{5}", _MAIN, hikvision),
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
    Grammar(("yi",), r"(?:E1)?(?P<m>\d\d)M(?P<s>\d\d)S(?P<dur>\d\d)", _MAIN, yi),
    Grammar(("blink",), rf"(?:(?P<cam>[^/]+)_)?{_date('-')}T{_time('_')}(?P<tz>[+-]\d\d_?\d\d)",
            _MAIN),
    Grammar(("wyze-bridge",),
            rf"(?:(?P<cam>[^/]+)_)?{_date('-')}_{_time('-')}"
            r"_(?P<zone>[A-Za-z]{1,6}|[+-]\d\d(?:\d\d)?)", _MAIN, wyze_bridge),
    Grammar(("ispy",),
            rf"(?P<cam>\d+)_(?:TimeLapse_)?{_date('-')}_{_time('-')}(?:_(?P<ms>\d{{3}}))?", _MAIN),
    Grammar(("shinobi",), rf"{_date('-')}T{_time('-')}", ("mp4", "webm", "mkv"), shinobi),
    Grammar(("canon-vb",),
            r"(?P<cY>\d{4})(?P<cM>\d\d)(?P<cD>\d\d)(?P<ch>\d\d)(?P<cm>\d\d)(?P<cs>\d\d)"
            rf"-{_time('')}-[A-Za-z]+\d+_\d+", ("mov", "mp4"), canon),
    Grammar(("brickcom",),
            rf"{_date('')}-{_time('')}-{_time('', 'e')}"
            r"_(?P<cam>\d{1,3}(?:\.\d{1,3}){3}-CH\d+)", None),
    Grammar(("mdvr",),
            rf"H{_date('')}-{_time('')}[PN][0-9A-Za-z][AN](?P<chan>\d{{1,2}})[0-9A-Za-z]{{2}}",
            ("avi",), mdvr),
    Grammar(("blue-iris",), rf"(?P<cam>[^/]+)\.{_date('')}_{_time('')}\[?(?P<ms>\d{{3}})?\]?",
            ("bvr", "mp4", "mkv", "avi")),
    Grammar(("synology",), r"[^/]*-(?P<epms>\d{13})(?:-\d+)?", ("mp4", "mkv", "avi")),
    Grammar(("frigate", "frigate-legacy"), r"(?P<m>\d\d)\.(?P<s>\d\d)", _MAIN, frigate),
    Grammar(("wyze-sd",), r"(?P<m>\d\d)", _MAIN, wyze_sd),
    Grammar(("dahua-tree", "amcrest-hour"), rf"{_time(_DOT)}-{_time(_DOT, 'e')}(?:\[[^\]/]*\])*",
            ("dav", "mp4", "dav.mp4"), dahua_tree),
    Grammar(("motioneye",), _time("-"), ("mp4", "avi", "mkv"), motioneye),
    Grammar(("viseron",), r"(?P<ep>\d{10})", ("m4s",), viseron),
    Grammar(("zoneminder-medium", "zoneminder-deep"),
            r"(?:\d+-video(?:\.[A-Za-z0-9]+)?|(?P<inc>incomplete))", VIDEO_EXTS, zoneminder),
    Grammar(("frigate-flat", "motion"), rf"(?P<cam>[^/]+)-{_STAMP}", ("mp4", "avi", "mkv"),
            frigate_flat_or_motion),
    Grammar(("reolink-ftp",), rf"(?P<cam>[^/]+?)(?:_\d\d)?_{_STAMP}", _MAIN),
)
