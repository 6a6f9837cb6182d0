"""Links in a recordings folder: followed only to files inside the folder, never out of it.

A recorder never writes links, but a copied card or a NAS share can hold them, and one pointing
at a private video or a system file must never be read as a recording. The scan lists a link
out with a reason; the export and holds check again before reading, in case a file was swapped
for a link after the scan.
"""
from __future__ import annotations

import os
from typing import Iterable

from agent.index.rows import FileRow, Source

LINK_OUT = ("a link to a file outside this recordings folder; links out of a recordings folder "
            "are never followed (copy the file in if it belongs here)")


def link_inside(real_root: str, path: str) -> str | None:
    """Where the link at `path` points, relative to the source whose real path is `real_root`,
    or None when it points outside it (or nowhere)."""
    target = os.path.realpath(path)
    try:
        inside = os.path.commonpath([real_root, target]) == real_root
    except ValueError:  # another drive (Windows): outside by definition
        return None
    return os.path.relpath(target, real_root).replace(os.sep, "/") if inside else None


def links_out(sources: Iterable[Source], rows: Iterable[FileRow]) -> list[str]:
    """Paths of these rows that are now links out of their recordings folder."""
    roots = {s.id: os.path.realpath(s.root) for s in sources}
    return [r.path for r in rows if os.path.islink(r.path)
            and (r.source_id not in roots or link_inside(roots[r.source_id], r.path) is None)]
