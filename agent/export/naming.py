"""What a package folder is called: everything that tells two exports of one window apart.

Exporting the same window in copy and then exact mode, with and without masks, or with and
without sound, gives packages with different names; the same export made twice gets a
numbered name (`..._2`). A finished package is never overwritten (PackageBuilder refuses to).
A case number or camera name is at most PART_MAX characters in a name, so that a package's
paths stay well inside Windows' classic 259-character limit (path_room.py).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from agent.storage import safe_name
from agent.timebase import compact_utc

MAX_NUMBER = 999
PART_MAX = 24   # a case number or camera name, in a package's or clip's name
_DIGEST = 6     # hex digits of the whole text's SHA-256 ending a shortened part


def name_part(text: str) -> str:
    """`text` safe as part of a file name on every OS, in at most PART_MAX characters: a longer
    one keeps its beginning (what a person reads first) and ends with `-` and 6 hex digits of
    the whole text's SHA-256, so two long names that start alike still get different parts."""
    safe = safe_name(text)
    if len(safe) <= PART_MAX:
        return safe
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST]
    return f"{safe[:PART_MAX - _DIGEST - 1].rstrip('._-')}-{digest}"


def clip_name(camera: str, start_us: int, end_us: int) -> str:
    """The clip's file name inside the package: `<camera>_<start>_<end>.mp4` (UTC)."""
    return f"{name_part(camera)}_{compact_utc(start_us)}_{compact_utc(end_us)}.mp4"


def package_name(prefix: str, camera: str, start_us: int, end_us: int, mode: str, *,
                 audio: bool = False, masks: bool = False, faces: bool = False,
                 muted: bool = False) -> str:
    """`<prefix>_<camera>_<start>-<end>_<mode>[_masked][_faces][_sound][_muted]`.

    prefix is "manual" or the request's case; times are UTC (`20261120T220500Z`), so a name
    sorts by time and reads the same on every PC whatever its zone. The case and camera are
    each shortened to PART_MAX characters (name_part).
    """
    tags = [mode]
    tags += ["masked"] if masks else []
    tags += ["faces"] if faces else []
    tags += ["sound"] if audio else []
    tags += ["muted"] if muted else []
    return "_".join([name_part(prefix), name_part(camera),
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
