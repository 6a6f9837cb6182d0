"""Whether a recording is still the file the scan indexed.

A row's times came from the file as the scan saw it (its name, its container's creation time or
duration, its modification time). A recorder that writes over a file, or an owner who copies a
newer card over the folder, leaves the row describing bytes that are no longer there; a cut
from it would put the new file's footage at the old file's times. The scan keeps each file's
size and modification time, and the export compares them before it cuts and again before it
seals, so such a file is never cut as if it were the one indexed.
"""
from __future__ import annotations

import os
from typing import Iterable

from agent.index.rows import FileRow


def changed_since_scan(rows: Iterable[FileRow]) -> list[str]:
    """Paths of these rows whose file is no longer as the scan saw it (another size or
    modification time). A file still being written (`in-progress`) may have grown since, and
    nothing else. A file that cannot be reached is left to the reader, which says why.

    Left out: a recorder's rows (no file here) and recordings inside a Hikvision ring file,
    whose rows come from the card's index and whose file the camera writes other recordings
    into (the scan checks each range's first bytes instead)."""
    out = []
    for row in rows:
        if row.status == "remote" or row.ranged:
            continue
        try:
            st = os.stat(row.path)
        except OSError:
            continue
        if row.status == "in-progress":
            same = st.st_size >= row.size and st.st_mtime_ns >= row.mtime_ns
        else:
            same = (st.st_size, st.st_mtime_ns) == (row.size, row.mtime_ns)
        if not same and row.path not in out:
            out.append(row.path)
    return out


def changed_words(paths: list[str]) -> str:
    """What the owner is told when `paths` (at least one) changed since they were indexed."""
    more = f" (and {len(paths) - 1} more)" if len(paths) > 1 else ""
    return (f"the recording {paths[0]}{more} changed after it was indexed (a recorder wrote over "
            "it, or it was replaced), so its times in the index may not be its footage's; "
            "nothing was cut from it: scan the folder again, then export again")
