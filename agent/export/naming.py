"""What a package folder is called: everything that tells two exports of one window apart.

Exporting the same window in copy and then exact mode, with and without masks, or with and
without sound, gives packages with different names; the same export made twice gets a
numbered name (`..._2`). A finished package is never overwritten (PackageBuilder refuses to).
"""
from __future__ import annotations

import os
from pathlib import Path

from agent.storage import safe_name
from agent.timebase import compact_utc

MAX_NUMBER = 999


def package_name(prefix: str, camera: str, start_us: int, end_us: int, mode: str, *,
                 audio: bool = False, masks: bool = False, faces: bool = False,
                 muted: bool = False) -> str:
    """`<prefix>_<camera>_<start>-<end>_<mode>[_masked][_faces][_sound][_muted]`.

    prefix is "manual" or the request's case; times are UTC (`20261120T220500Z`), so a name
    sorts by time and reads the same on every PC whatever its zone.
    """
    tags = [mode]
    tags += ["masked"] if masks else []
    tags += ["faces"] if faces else []
    tags += ["sound"] if audio else []
    tags += ["muted"] if muted else []
    return "_".join([safe_name(prefix), safe_name(camera),
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
