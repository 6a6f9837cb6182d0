"""Reading ISAPI's XML answers (Hikvision and its OEMs): elements by their local names, in any
of the three namespaces devices write, an answer declaring an encoding of several bytes a
character, and the ISO 8601 times a search result writes.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta


def local_name(tag: str) -> str:
    """A tag without its namespace: ISAPI answers come in any of three."""
    return tag.rsplit("}", 1)[-1]


def child(el: ET.Element, name: str) -> ET.Element | None:
    """The first element under `el` (or `el`) of that local name; None when there is none."""
    for c in el.iter():
        if local_name(c.tag) == name:
            return c
    return None


def child_text(el: ET.Element, name: str) -> str:
    """That element's text, stripped; '' when there is none."""
    c = child(el, name)
    return (c.text or "").strip() if c is not None else ""


# ISO 8601 as ISAPI writes times: `2026-08-27T00:00:00Z`, `20260827T000000Z`, with fractions
# (`...T00:00:00.000Z`) or an offset from UTC in place of the `Z` (`...T08:00:00+08:00`).
_ISO = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)[Tt](\d\d):?(\d\d):?(\d\d)(?:[.,](\d{1,9}))?"
                  r"([Zz]|[+-]\d\d(?::?\d\d)?)?", re.ASCII)


def iso_reading(text: str) -> tuple[datetime, timedelta | None]:
    """The date and time a search result writes, and the offset from UTC written with it
    (None for `Z` or none). ValueError when it is none: ISAPI writes ISO 8601 times."""
    found = _ISO.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"not a time: {text[:40]!r}")
    y, mo, d, h, mi, sec, fraction, zone = found.groups()
    micro = int((fraction or "0").ljust(6, "0")[:6])
    wall = datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec), micro)
    if zone is None or zone in "Zz":
        return wall, None
    digits = zone[1:].replace(":", "")
    east = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return wall, east if zone[0] == "+" else -east


_DECLARED = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def parsed(body: bytes) -> ET.Element:
    """An answer's XML. Python's XML reader takes only encodings of one byte a character
    from a declaration; one naming another (GB2312, as devices' GB28181 signalling is
    written) is decoded here by that name first."""
    try:
        return ET.fromstring(body)
    except ValueError:   # "multi-byte encodings are not supported"
        declared = _DECLARED.match(body.lstrip()[:200])
        if declared is None:
            raise
        return ET.fromstring(body.decode(declared.group(1).decode("ascii"), "replace"))
