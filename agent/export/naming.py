"""What a package folder is called: everything that tells two exports of one window apart.

Exporting the same window in copy and then exact mode, with and without masks, or with and
without sound, gives packages with different names; the same export made twice gets a
numbered name (`..._2`). A finished package is never overwritten (PackageBuilder refuses to).
A case number or camera name is at most PART_MAX characters in a name, so that a package's
paths stay well inside Windows' classic 259-character limit (path_room.py).

The package folder's name is read by people, so it keeps a name's letters and digits in any
script ("Küche", "Вход", "玄関"): every file system an owner exports to (NTFS, APFS, ext4,
exFAT, FAT32's long names) stores them. The clip's name inside the bag stays ASCII: the bag's
manifests name files by their bytes, and a copy through a drive or tool that stores names
decomposed (macOS's HFS+ keeps "ü" as "u" and a combining mark, NFD) would leave the manifest
naming a file no longer there by that name.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from agent.storage import is_device_name, safe_name
from agent.timebase import compact_utc

MAX_NUMBER = 999
PART_MAX = 24   # a case number or camera name, in a package's or clip's name
_DIGEST = 6     # hex digits of the whole text's SHA-256 ending a shortened part


# Letters drawn as nothing at all (the Hangul fillers): a name of them would look empty.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def readable_name(text: str) -> str:
    """`text` (a camera or case name) safe as part of a file name on every OS, keeping the
    letters, digits and marks of any script, composed (NFC: as Windows and Linux programs
    write names, and as macOS shows them), with `.`, `_` and `-`; anything else (spaces,
    punctuation and symbols, `<>:"/\\|?*`, control and format characters such as a
    right-to-left override) becomes `-`. Never empty, never ending in a dot or space, never a
    name Windows takes as a device. ASCII text comes out as safe_name makes it."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch if _readable(ch) else "\0" for ch in text)
    cleaned = re.sub("\0+", "-", kept).strip(".-") or "camera"
    return "_" + cleaned if is_device_name(cleaned) else cleaned


def _readable(ch: str) -> bool:
    return ch in "._-" or (unicodedata.category(ch)[0] in "LNM"
                           and ch not in _INVISIBLE_LETTERS)


def utf16_units(text: str) -> int:
    """How long Windows counts `text`: UTF-16 code units (a character past U+FFFF is two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def name_part(text: str, *, readable: bool = False) -> str:
    """`text` safe as part of a file name on every OS (`readable`: in any script, else in
    ASCII), in at most PART_MAX UTF-16 units, so at most 3 bytes each in UTF-8: a longer one
    keeps its beginning (what a person reads first) and ends with `-` and 6 hex digits of the
    whole text's SHA-256, so two long names that start alike still get different parts."""
    safe = readable_name(text) if readable else safe_name(text)
    if utf16_units(safe) <= PART_MAX:
        return safe
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST]
    return f"{_first_units(safe, PART_MAX - _DIGEST - 1).rstrip('._-')}-{digest}"


def _first_units(text: str, most: int) -> str:
    """The longest beginning of `text` in whole characters of at most `most` UTF-16 units."""
    out, used = [], 0
    for ch in text:
        used += utf16_units(ch)
        if used > most:
            break
        out.append(ch)
    return "".join(out)


def clip_name(camera: str, start_us: int, end_us: int) -> str:
    """The clip's file name inside the package: `<camera>_<start>_<end>.mp4` (UTC)."""
    return f"{name_part(camera)}_{compact_utc(start_us)}_{compact_utc(end_us)}.mp4"


def package_name(prefix: str, camera: str, start_us: int, end_us: int, mode: str, *,
                 audio: bool = False, masks: bool = False, faces: bool = False,
                 muted: bool = False) -> str:
    """`<prefix>_<camera>_<start>-<end>_<mode>[_masked][_faces][_sound][_muted]`.

    prefix is "manual" or the request's case; times are UTC (`20261120T220500Z`), so a name
    sorts by time and reads the same on every PC whatever its zone. The case and camera keep
    their letters in any script, each shortened to PART_MAX characters (name_part).
    """
    tags = [mode]
    tags += ["masked"] if masks else []
    tags += ["faces"] if faces else []
    tags += ["sound"] if audio else []
    tags += ["muted"] if muted else []
    return "_".join([name_part(prefix, readable=True), name_part(camera, readable=True),
                     f"{compact_utc(start_us)}-{compact_utc(end_us)}", *tags])


def free_name(parent: Path, name: str) -> str:
    """`name`, or `name_2`, `name_3`, ... : the first no file or folder in `parent` has."""
    if not os.path.lexists(Path(parent) / name):
        return name
    for n in range(2, MAX_NUMBER + 1):
        candidate = f"{name}_{n}"
        if not os.path.lexists(Path(parent) / candidate):
            return candidate
    raise FileExistsError(f"{MAX_NUMBER} packages named {name} are in {parent} already")
