"""The gate's account of the clip's layout (gate.py): which top-level boxes it holds, and that
every byte of its media data belongs to exactly one sample and every sample lies in the media
data. Besides `ftyp`, `moov`, `mdat` and empty `free`/`skip` boxes a clip may hold one box more:
its Content Credentials (agent/export/credentials.py), and only byte for byte as they were
signed for it, after every other box.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from agent.media.mp4tables import Movie, c2pa_boxes

_PLAIN_BOXES = {"ftyp", "moov", "mdat", "free", "skip"}


def layout_problems(path: Path, movie: Movie, credentials: bytes | None) -> list[str]:
    """What is wrong with the clip's boxes and media data (nothing: an empty list).
    `credentials`: the C2PA box made for the clip, when one was."""
    problems = []
    sealed = set(_sealed(path, movie, credentials, problems))
    odd = sorted({kind for kind, s, n in movie.boxes if (s, n) not in sealed and (
        kind not in _PLAIN_BOXES or (kind in ("free", "skip") and n > 16))})
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
        problems.append(f"{int((~inside).sum())} sample(s) lie outside the clip's media data")
    return problems


def _sealed(path: Path, movie: Movie, credentials: bytes | None,
            problems: list[str]) -> list[tuple[int, int]]:
    """The C2PA box the clip may hold: exactly the one signed for it, as its last box."""
    found = c2pa_boxes(path, movie.boxes)
    if credentials is None:
        return []
    last = movie.boxes[-1][1:] if movie.boxes else None
    if len(found) != 1 or found[0] != last or found[0][1] != len(credentials):
        problems.append("the clip does not hold exactly the Content Credentials signed for it "
                        "as its last box")
        return []
    with open(path, "rb") as fh:
        fh.seek(found[0][0])
        if fh.read(len(credentials)) != credentials:
            problems.append("the clip's Content Credentials are not the ones signed for it")
            return []
    return found
