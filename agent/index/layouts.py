"""Vendor path grammars: what a recording's path says about its camera and time.

The grammars themselves live in layout_rules.py, the times read from their fields in
name_times.py. This module holds the result types, the registry, and the conversion from a
grammar's roles to NameFacts. The scanner calls parse_path for every file of trees with
100,000+ files, so the registry merges the grammars for each file extension into one regex: a
name costs one C-level match to find its grammar, then one more to read its fields.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from typing import Callable, Iterable

from agent.index.layout_rules import GRAMMARS, UTC_LAYOUTS, VIDEO_EXTS, Grammar
from agent.index.name_times import end_time, offset, start_time

# A single path component longer than this cannot exist on any common file system; refusing
# it early keeps the regexes linear-time on hostile input.
_MAX_NAME = 1024
_UTC = timezone.utc
# Reolink's E (external lens) and C (crop) streams show another picture of the same camera:
# like a sub stream, they are kept as alternatives to the main one.
_STREAMS = {"m": "main", "s": "sub", "main": "main", "sub": "sub", "0": "main", "1": "sub",
            "2": "sub", "e": "ext", "c": "crop"}
_RECORDING_EXTS = frozenset(VIDEO_EXTS)


@dataclass(frozen=True)
class NameTime:
    """A time read from a path.

    `wall` is naive for local wall-clock time (resolve it with the source's zone) and aware when
    the name carried UTC, an epoch number or an explicit offset. `dst` is the summer-time marker
    the name carried (Reolink `DST`, a zone abbreviation such as PDT/PST), or None.
    """

    wall: datetime
    dst: bool | None = None


@dataclass(frozen=True)
class NameFacts:
    """Everything a recording's path says, for one file."""

    layout: str
    camera: str | None
    start: NameTime | None
    end: NameTime | None
    stream: str | None = None
    in_progress: bool = False
    note: str | None = None


@dataclass(frozen=True)
class _Entry:
    grammar: Grammar
    regex: re.Pattern
    roles: tuple[str, ...]
    layout: str  # what a match yields unless the hook picks another of grammar.layouts
    hook: Callable[[dict, str], bool] | None


def _ext_keys(grammar: Grammar) -> frozenset[str] | None:
    """What follows the last dot of names this grammar accepts (None: anything)."""
    if grammar.exts is None:
        return None
    return frozenset(e.rsplit(".", 1)[-1].lower() for e in grammar.exts)


def _bucket(entries: list[_Entry], key: str) -> tuple[re.Pattern, tuple[_Entry, ...]]:
    """One regex over the grammars that can end in `key`, each branch closed by an empty group
    so Match.lastindex names the branch. Inner groups are made non-capturing: with hundreds of
    groups the regex engine spends most of its time saving and restoring group marks."""
    members = tuple(e for e in entries
                    if (keys := _ext_keys(e.grammar)) is None or key in keys)
    branches = (re.sub(r"\(\?P<\w+>", "(?:", e.grammar.name) + "()" for e in members)
    return re.compile("|".join(branches), re.ASCII), members


def _compile() -> tuple[tuple[_Entry, ...], dict[str, tuple[re.Pattern, tuple[_Entry, ...]]]]:
    entries = []
    for grammar in GRAMMARS:
        rx = re.compile(grammar.name, re.ASCII)
        if len(rx.groupindex) != rx.groups:
            raise RuntimeError(f"grammar {grammar.layouts[0]}: every group must be named")
        roles = tuple(sorted(rx.groupindex, key=rx.groupindex.get))
        entries.append(_Entry(grammar, rx, roles, grammar.layouts[0], grammar.hook))
    keys = set().union(*(k for e in entries if (k := _ext_keys(e.grammar)) is not None))
    # "" holds the grammars for names whose extension no grammar names (or that have none).
    buckets = {key: _bucket(entries, key) for key in keys | {""}}
    return tuple(entries), buckets


_ENTRIES, _BUCKETS = _compile()
_OTHER = _BUCKETS[""]
LAYOUTS: tuple[str, ...] = tuple(dict.fromkeys(lid for g in GRAMMARS for lid in g.layouts))
_BY_LAYOUT = {layout: tuple(e for e in _ENTRIES if layout in e.grammar.layouts)
              for layout in LAYOUTS}
_new = object.__new__
_set = object.__setattr__


def _name_time(wall: datetime, dst: bool | None) -> NameTime:
    # Builds the same value as NameTime(wall, dst). A frozen dataclass __init__ sets each field
    # through object.__setattr__; for NameTime and NameFacts that was a fifth of parse_path.
    t = _new(NameTime)
    _set(t, "__dict__", {"wall": wall, "dst": dst})
    return t


def _name_facts(layout: str, camera: str | None, start: NameTime | None, end: NameTime | None,
                stream: str | None, in_progress: bool, note: str | None) -> NameFacts:
    f = _new(NameFacts)
    _set(f, "__dict__", {"layout": layout, "camera": camera, "start": start, "end": end,
                         "stream": stream, "in_progress": in_progress, "note": note})
    return f


def _facts(entry: _Entry, name: str, path: str) -> tuple[NameFacts | None, bool]:
    """(facts, whole): what the grammar reads from the name, and whether every field it
    promised was readable. A name whose shape matches but one field is not a real time still
    gives its layout and camera, with a note for what could not be read."""
    m = entry.regex.fullmatch(name)
    if m is None:
        return None, False
    g = dict(zip(entry.roles, m.groups()))
    hook = entry.hook
    if hook is not None and not hook(g, path):
        return None, False
    layout = g.get("layout") or entry.layout
    tz = _UTC if layout in UTC_LAYOUTS else None
    note = g.get("note")
    whole = True
    start = end = None
    if g.get("tz"):
        tz = offset(g["tz"])
        if tz is None:
            whole, note = False, _join(note, f"the offset {g['tz']} in the name is not a real one")
    dst = g.get("dst")
    if isinstance(dst, str):
        dst = True
    if whole and not g.get("nostart"):
        try:
            wall = start_time(g, tz)
        except (ValueError, OverflowError, TypeError):  # month 13, Feb 30, hour 25, year 99999
            whole, note = False, _join(note, "the start written in the name is not a real time")
        else:
            start = _name_time(wall, dst)
            try:
                end_wall = end_time(g, wall, tz)
            except (ValueError, OverflowError, TypeError):
                whole, end_wall = False, None
                note = _join(note, "the end written in the name is not a real time")
            end = _name_time(end_wall, dst) if end_wall is not None else None
    stream = g.get("stream")
    if stream:
        stream = _STREAMS.get(stream.lower())
    return _name_facts(layout, g.get("cam") or None, start, end, stream,
                       bool(g.get("in_progress")), note), whole


def _join(note: str | None, more: str) -> str:
    return f"{note}; {more}" if note else more


def parse_path(rel_path: str, layout: str | None = None) -> NameFacts | None:
    """What a recording's path says, or None when it is not a recording of any known layout.

    rel_path is relative to the recordings root, '/'-separated ('\\' is accepted too). With
    layout=None every grammar is tried, most specific first; a layout id restricts the match to
    that grammar (an unknown id matches nothing). Never raises on any string.
    """
    if not isinstance(rel_path, str):
        return None
    if "\\" in rel_path:
        rel_path = rel_path.replace("\\", "/")
    name = rel_path[rel_path.rfind("/") + 1:]
    if not name or len(name) > _MAX_NAME:
        return None
    partial = None
    if layout is not None:
        for entry in _BY_LAYOUT.get(layout, ()):
            facts, whole = _facts(entry, name, rel_path)
            if facts is not None and facts.layout == layout:
                if whole:
                    return facts
                partial = partial or facts
        return partial
    merged, members = _BUCKETS.get(name[name.rfind(".") + 1:].lower(), _OTHER)
    m = merged.fullmatch(name)
    if m is None:
        return None
    first = m.lastindex - 1
    # A hook may rule its grammar out by the folders, and a field may not be a real time; a
    # later grammar may still read the whole name. Failing that, the first partial reading.
    for entry in members[first:]:
        facts, whole = _facts(entry, name, rel_path)
        if facts is not None:
            if whole:
                return facts
            partial = partial or facts
    return partial


def looks_like_recording(rel_path: str) -> bool:
    """True for a file the scanner must list even when no grammar matches: a video-ish
    extension (.mp4 .mov .m4s .mkv .avi .ts .dav .asf .bvr .ubv .264 .h264 ...), any case,
    '.dav.mp4' included. Such files are indexed with a status even if unparseable."""
    if not isinstance(rel_path, str):
        return False
    name = rel_path[max(rel_path.rfind("/"), rel_path.rfind("\\")) + 1:]
    dot = name.rfind(".")
    return dot > 0 and name[dot + 1:].lower() in _RECORDING_EXTS


def detect_layout(rel_paths: Iterable[str], sample: int = 200) -> str | None:
    """Most common layout id among up to `sample` recognised paths (for `sources add --layout
    auto`). Looks at no more than 50 x sample paths in all; ties go to the earlier layout in
    LAYOUTS. None when nothing is recognised."""
    counts: Counter[str] = Counter()
    seen = 0
    for path in islice(rel_paths, max(sample, 0) * 50):
        facts = parse_path(path)
        if facts is not None:
            counts[facts.layout] += 1
            seen += 1
            if seen >= sample:
                break
    if not counts:
        return None
    return max(counts, key=lambda lid: (counts[lid], -LAYOUTS.index(lid)))
