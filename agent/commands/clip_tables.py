"""A received clip's own sample tables against what its package's provenance.json says, for
`verify`: the checks of the owner's gate that need neither the recordings nor a decoder
(agent/export/gate_tables.py), from the first frame's capture time the record gives, and the
frame count and last frame's time it states. A clip someone else made is read under a cap on
its samples, so its tables cannot ask for gigabytes."""
from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO

from agent.export.gate_tables import sample_times, table_problems
from agent.media.mp4tables import Movie, TableError, c2pa_boxes, read_movie
from frp.times import format_utc, window_of

# A track's samples: a week of 30 fps video (the longest window an agency may ask for) is
# 18 million; far more is no clip.
MAX_SAMPLES = 20_000_000
PROVENANCE = "provenance.json"


def clip_problems(stream: BinaryIO, record: object) -> list[str]:
    """What the clip's tables show that its record does not say; [] when the record states no
    window to compare with (its own checks then say what is missing)."""
    r = record if isinstance(record, dict) else {}
    approved, delivered = window_of(r.get("approved")), window_of(r.get("delivered"))
    frames = (r.get("delivered") or {}).get("frames") if isinstance(r.get("delivered"), dict) else None
    if approved is None or delivered is None or type(frames) is not int:
        return []
    try:
        movie = read_movie(stream, max_samples=MAX_SAMPLES)
    except TableError as exc:
        return [f"its own tables cannot be read: {exc}"]
    problems = table_problems(_without_credentials(movie, stream), delivered[0], *approved)
    videos = [t for t in movie.tracks if t.handler == "vide"]
    if videos and len(videos[0]):
        video = videos[0]
        if len(video) != frames:
            problems.append(f"its own tables list {len(video)} video frames, but {PROVENANCE} "
                            f"says {frames}")
        last = int(sample_times(video, delivered[0]).max())
        if abs(last - delivered[1]) > 1_000_000 // (2 * video.timescale) + 1:
            problems.append(f"its own tables put the last frame at {format_utc(last)}, but "
                            f"{PROVENANCE} says {format_utc(delivered[1])}")
    return [f"its own tables: {p}" if not p.startswith("its own tables") else p
            for p in problems]


def _without_credentials(movie: Movie, stream: BinaryIO) -> Movie:
    """The movie less its last box when that is a C2PA manifest store: appended after the
    gate, as the one box it does not judge (the credentials' own check reads it)."""
    if not c2pa_boxes(stream, movie.boxes[-1:]):
        return movie
    return replace(movie, boxes=movie.boxes[:-1])
