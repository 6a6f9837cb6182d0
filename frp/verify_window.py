"""What a package holds beyond a window its receiver holds it to (the portal: the window the
owner approved), read from the bytes it holds rather than from what its provenance.json says:
every clip's own sample tables place its frames and sound in time from the first frame's
capture time, and a file that is no part of a package could hold anything, so it counts too.

Every file is looked at, listed in a manifest or not and changed since sealing or not: whoever
signed the package may have made its record say what they liked.
"""
from __future__ import annotations

from pathlib import Path

from frp.bagit import (MANIFEST, OWNER_PUB, PROVENANCE, REQUEST, SIGNATURE, TAGMANIFEST,
                       is_clip)
from frp.bag_open import open_file
from frp.bagview import Bag
from frp.clip_tables import clip_beyond
from frp.text import one_line
from frp.times import window_of

# Every file a package holds besides its clips (data/<name>.mp4): package-format.md, "Layout".
PACKAGE_FILES = {"bagit.txt", "bag-info.txt", MANIFEST, TAGMANIFEST, SIGNATURE, "README.txt",
                 PROVENANCE, OWNER_PUB, REQUEST}
SAID = 5   # sentences kept; the rest are counted


def beyond_window(bag: Bag, package: Path, record: dict | None, start_us: int,
                  end_us: int) -> tuple[str, ...]:
    """Why the package is not shown to hold only what lies in [start, end): one sentence a
    file, at most SAID and a count of the rest; () when everything in it lies inside."""
    said: list[str] = []
    clips = sorted(n for n in bag.files if is_clip(n))
    for name in sorted(bag.files):
        if name not in PACKAGE_FILES and name not in clips:
            said.append(f"{one_line(name, 200)} is no part of a package (a package holds its "
                        "clip, provenance.json, request.jws, owner.pub and its tag files), "
                        "so what it holds cannot be shown to lie inside the window")
    delivered = window_of(record.get("delivered")) if isinstance(record, dict) else None
    for name in clips:
        if delivered is None:
            said.append(f"{one_line(name, 200)}: {PROVENANCE} does not say when its first "
                        "frame was captured, so its frames cannot be placed in time")
            continue
        with open_file(package, name, bag) as stream:
            if stream is None:
                said.append(f"{one_line(name, 200)} could not be opened to place its frames "
                            "in time")
                continue
            said += [f"{one_line(name, 200)}: {p}"
                     for p in clip_beyond(stream, delivered[0], start_us, end_us)]
    if len(said) > SAID:
        said[SAID:] = [f"... and {len(said) - SAID:,} more like these"]
    return tuple(said)

