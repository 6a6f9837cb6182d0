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
    None) for the members named in `raw`. A package found only deeper gives no names."""
    tops = {n.split("/", 1)[0] for n in raw}
    if len(tops) == 1 and all("/" in n for n in raw):
        (top,) = tops
        names = {n: n.split("/", 1)[1] for n in raw}
        deeper = None if "bagit.txt" in names.values() else _deeper(raw, tar)
        return ({}, top, deeper) if deeper else (names, top, None)
    if raw and "bagit.txt" not in raw:
        deeper = _deeper(raw, tar)
        if deeper:
            return {}, None, deeper
        return {n: n for n in raw}, None, "The tar does not hold exactly one package folder."
    return {n: n for n in raw}, None, None


def _deeper(raw: dict[str, object], tar: Path) -> str | None:
    """What a tar holding package folders only inside other folders is, with the folders to
    check once it is extracted; None when it holds none."""
    folders = sorted({n[:-len("/bagit.txt")] for n in raw
                      if n.endswith("/bagit.txt") and n.count("/") > 1})
    if not folders:
        return None
    named = ", ".join(one_line(f, 200) for f in folders[:_SHOWN])
    more = f" and {len(folders) - _SHOWN:,} more" if len(folders) > _SHOWN else ""
    one = len(folders) == 1
    return (f"{one_line(tar.name)} holds {'the package folder' if one else 'package folders'} "
            f"{named}{more} inside another folder, not at its top as a package's tar holds "
            "it, so nothing in it was checked as a package: extract the tar (tar -xf) and "
            f"check {'that folder' if one else 'each folder'}, or give a tar of "
            f"{'it' if one else 'each'} alone.")
