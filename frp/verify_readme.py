"""A package's README.txt held to its provenance.json.

Whoever is handed a package reads the README, not the JSON: it says which camera, which
window, where nothing was recorded, what the owner hid, who sealed it. It is a tag file, so
the owner's signature covers it; but the signature only says the owner's key sealed it, not
that it says what the record does. A README that differs was not written from this record by
footage-agent: edited and sealed again with the owner's key, or made by another tool. Its fact
lines (frp/readme_facts.py, the writer's own) are made again from the record and compared,
kind by kind; its other lines are prose, free to change from one version to the next.
"""
from __future__ import annotations

import re
from collections import Counter

from frp.bagit import PROVENANCE
from frp.bagview import Bag
from frp.readme_facts import KINDS, ZONED, fact_lines, kind_of, recorder_zone, zone_known
from frp.text import quoted

README = "README.txt"
# The commands the README gives name the package as it was sealed.
_NAMED = re.compile(r'(?:footage-agent verify|bagit\.py --validate|py -m bagit --validate) "(.*)"')
_BAGGING_DATE = re.compile(r"^Bagging-Date:[ \t]*(\S+)[ \t]*$", re.MULTILINE)
_SAID = 300   # characters of a line quoted in a problem
LOCAL_WINDOW = "window in the recorder's zone"
# A span's times in the recorder's zone, after its UTC ones: "(2026-11-20 14:00:02 PST to ...)".
_LOCAL_SPAN = re.compile(r" \(\d{4}-\d\d-\d\d [^()]* to [^()]*\)(?=: )")


def check_readme(bag: Bag, record: dict, owner_id: str | None, signed_name: str | None,
                 notes: list[str]) -> None:
    """Problems, in `bag`, for each fact line of README.txt that is not what provenance.json
    (`record`), the signature's owner and name and bag-info.txt's Bagging-Date make it. A
    package without a README (made before there was one) has nothing to compare."""
    if README not in bag.files:
        return
    text = bag.text(README)
    if text is None:   # not UTF-8 or too large: said by bag.text
        return
    lines = [line.strip() for line in text.splitlines()]
    day = _bagging_date(bag)
    try:
        expected = fact_lines(record, day, owner_id)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, StopIteration):
        bag.problems.append(f"{README} could not be compared with {PROVENANCE}: the record does "
                            "not hold what a package's record holds.")
        return
    skip = set()
    if day is None or owner_id is None:   # no signature that verifies: said already
        skip.add("sealed by")
    unknown = _zone_unknown(record)
    if unknown:   # the UTC times are still compared: the record names its zone itself
        skip.add(LOCAL_WINDOW)
        lines = [_LOCAL_SPAN.sub("", line, count=1) if kind_of(line) in ZONED else line
                 for line in lines]
        notes.append(f"{README}'s times in {quoted(unknown, 100)} were not compared with "
                     f"{PROVENANCE} (its UTC times were): this computer does not know that "
                     "time zone.")
    _compare(bag, _by_kind(lines, skip), _by_kind(expected, skip))
    if signed_name is not None:
        for line in lines:
            named = _NAMED.match(line)
            if named and named.group(1) != signed_name:
                bag.problems.append(f"{README} gives the command {quoted(line, _SAID)}, but the "
                                    f"package was sealed as {quoted(signed_name, 200)}.")


def _bagging_date(bag: Bag) -> str | None:
    f = bag.files.get("bag-info.txt")
    if f is None or f.content is None:
        return None
    found = _BAGGING_DATE.search(f.content.decode("utf-8", "replace"))
    return found.group(1) if found else None


def _zone_unknown(record: dict) -> str | None:
    """The recorder's zone, when this computer cannot write times in it (the owner's could)."""
    try:
        name = recorder_zone(record)
    except (KeyError, TypeError, IndexError):
        return None
    return name if isinstance(name, str) and not zone_known(name) else None


def _by_kind(lines: list[str], skip: set[str]) -> dict[str, Counter]:
    """The fact lines among `lines`, counted by kind, but for the kinds in `skip`."""
    out: dict[str, Counter] = {}
    for line in lines:
        kind = kind_of(line)
        if kind is not None and kind not in skip:
            out.setdefault(kind, Counter())[line] += 1
    return out


def _compare(bag: Bag, found: dict[str, Counter], want: dict[str, Counter]) -> None:
    lead = f"{README} does not say what {PROVENANCE} says:"
    for kind, _pattern in KINDS:
        has, should = found.get(kind, Counter()), want.get(kind, Counter())
        extra, missing = list((has - should).elements()), list((should - has).elements())
        if len(extra) == len(missing) == 1:
            bag.problems.append(f"{lead} its {kind} line reads {quoted(extra[0], _SAID)}, where "
                                f"the record makes it {quoted(missing[0], _SAID)}.")
            continue
        for line in missing:
            bag.problems.append(f"{lead} it leaves out the {kind} line "
                                f"{quoted(line, _SAID)}.")
        for line in extra:
            bag.problems.append(f"{lead} its {kind} line {quoted(line, _SAID)} is not in the "
                                "record.")
