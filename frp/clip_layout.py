"""The gate's account of the clip's layout (gate.py): it holds only the boxes a cut writes
(`ftyp`, `moov`, `mdat`, empty `free`/`skip`), every byte of its media data belongs to exactly
one sample, and every sample lies in the media data. (The clip's Content Credentials are
appended after the gate, as one more box that credentials.py reads back.)
"""
from __future__ import annotations

import numpy as np

from frp.count_words import counted
from frp.mp4tables import Movie

_PLAIN_BOXES = {"ftyp", "moov", "mdat", "free", "skip"}


def layout_problems(movie: Movie) -> list[str]:
    """What is wrong with the clip's boxes and media data (nothing: an empty list)."""
    problems = []
    odd = sorted({kind for kind, _s, n in movie.boxes
                  if kind not in _PLAIN_BOXES or (kind in ("free", "skip") and n > 16)})
    if odd:
        problems.append(f"the clip holds box(es) {', '.join(odd)} that no cut writes")
    spans = [(s, s + n) for kind, s, n in movie.boxes if kind == "mdat"]
    if not spans:
        return problems
    offsets = np.concatenate([t.offsets for t in movie.tracks] or [np.zeros(0, np.int64)])
    sizes = np.concatenate([t.sizes for t in movie.tracks] or [np.zeros(0, np.int64)])
    order = np.argsort(offsets, kind="stable")
    offsets, sizes = offsets[order], sizes[order]
    stored = sum(min(e, movie.file_size) - s for s, e in spans)
    header = sum(16 if n > 0xFFFFFFFF else 8 for _k, _s, n in movie.boxes if _k == "mdat")
    overlaps = int((offsets[1:] < offsets[:-1] + sizes[:-1]).sum()) if len(offsets) else 0
    if overlaps or int(sizes.sum()) < stored - header:
        problems.append("the clip's media data holds bytes that belong to no frame or "
                        "sound sample, or samples that share bytes")
    inside = np.zeros(len(offsets), dtype=bool)
    for s, e in spans:
        inside |= (offsets >= s + 8) & (offsets + sizes <= e)
    if not inside.all():
        problems.append(counted(int((~inside).sum()), "sample lies", "samples lie")
                        + " outside the clip's media data")
    return problems
