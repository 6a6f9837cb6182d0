"""Where a package's files are in a tar: its one package folder at the top (as footage-agent
writes it), or the bag's files at its root (bagit.txt, data/...). Each member's name in the
bag follows from that, the one rule reading and reopening a member go by (bagview). A tar
holding the package folder inside another folder (`tar -cf p.tar Evidence/PKG`) is neither:
it is named, with the folder to check, never read as a package missing every file.
"""
from __future__ import annotations

from pathlib import Path

from frp.text import one_line

_SHOWN = 5


def bag_names(raw: dict[str, object], tar: Path) -> tuple[dict[str, str], str | None, str | None]:
    """(each member's name in the bag, the tar's one package folder or None, a problem or
    None) for the members named in `raw`. A package folder found elsewhere than where a
    package's tar holds it (inside another folder, or beside other files) gives no names."""
    tops = {n.split("/", 1)[0] for n in raw}
    if len(tops) == 1 and all("/" in n for n in raw):
        (top,) = tops
        names = {n: n.split("/", 1)[1] for n in raw}
        elsewhere = None if "bagit.txt" in names.values() else _elsewhere(raw, tops, tar)
        return ({}, top, elsewhere) if elsewhere else (names, top, None)
    if raw and "bagit.txt" not in raw:
        elsewhere = _elsewhere(raw, tops, tar)
        if elsewhere:
            return {}, None, elsewhere
        return {n: n for n in raw}, None, "The tar does not hold exactly one package folder."
    return {n: n for n in raw}, None, None


def _elsewhere(raw: dict[str, object], tops: set[str], tar: Path) -> str | None:
    """What a tar holding package folders only where a package's tar does not is (inside
    another folder; beside other files or folders at its top), with the folders to check once
    it is extracted; None when it holds none."""
    folders = sorted({n[:-len("/bagit.txt")] for n in raw if n.endswith("/bagit.txt")})
    inside = [f for f in folders if "/" in f]
    if len(tops) == 1 or not folders:   # one top folder, itself no package: only deeper ones
        folders, where = inside, "inside another folder, not at its top"
    else:
        others = sorted(tops - set(folders))
        shown = ", ".join(one_line(o, 100) for o in others[:_SHOWN])
        where = (f"beside other files or folders ({shown}{', ...' if len(others) > _SHOWN else ''}), "
                 "not alone") if others else "together, not each alone"
    if not folders:
        return None
    named = ", ".join(one_line(f, 200) for f in folders[:_SHOWN])
    more = f" and {len(folders) - _SHOWN:,} more" if len(folders) > _SHOWN else ""
    one = len(folders) == 1
    return (f"{one_line(tar.name)} holds {'the package folder' if one else 'package folders'} "
            f"{named}{more} {where} as a package's tar holds it, so nothing in it was "
            "checked as a package: extract the tar (tar -xf) and check "
            f"{'that folder' if one else 'each folder'}, or give a tar of "
            f"{'it' if one else 'each'} alone.")
