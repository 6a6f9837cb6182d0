"""What a clip's own sample tables show: every video sample's capture time, none outside the
window or hidden by an edit list, every audio sample wholly inside it, and nothing in the file
but the samples (clip_layout).

The owner's gate runs these on the clip it is about to seal; a receiver runs them again on a
clip it received (`clip_problems`, against what its package's provenance.json says; the
portal's `clip_beyond`, against the window the owner approved): neither the recordings nor a
decoder are needed. A clip someone else made is read under a cap on its samples, so its
tables cannot ask for gigabytes.
"""
from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO, Callable

import numpy as np

from frp.clip_layout import layout_problems
from frp.count_words import counted
from frp.mp4tables import Movie, SampleTable, TableError, c2pa_boxes, read_movie
from frp.times import format_utc, window_of

US = 1_000_000
# A track's samples: a week of 30 fps video (the longest window an agency may ask for) is
# 18 million; far more is no clip.
MAX_SAMPLES = 20_000_000
PROVENANCE = "provenance.json"


def sample_times(video: SampleTable, origin_us: int) -> np.ndarray:
    """Capture time of every video sample: origin plus its offset from the first sample."""
    if not len(video):
        return np.zeros(0, dtype=np.int64)
    rel = video.pts - video.pts[0]
    return origin_us + (rel * US * 2 + video.timescale) // (2 * video.timescale)


def video_delay_us(video: SampleTable) -> int:
    """How long after a player's 0:00 its edit list shows the clip's first frame: an empty
    edit before it, or an edit starting before the frame's time. A clip as the cut writes it
    has none (0), so the player's 0:00 is its first frame, as its README says; the sound is
    placed against the first frame, and a player plays it that much earlier."""
    if video.edits is None or not len(video):
        return 0
    delay = video.edits.lead_us
    if video.edits.shown:
        early = int(video.pts[0]) - video.edits.shown[0][0]
        delay += max(0, early) * US // video.timescale
    return delay


def time_problems(video: SampleTable, times: np.ndarray, start_us: int,
                  end_us: int, said: Callable[[int], str] = format_utc) -> list[str]:
    """Video samples outside [start, end), and stored samples an edit list hides; times are
    written by `said` (UTC for a verifier's report; the owner's gate says them on their clock)."""
    problems = []
    outside = (times < start_us) | (times >= end_us)
    if outside.any():
        first = int(times[np.argmax(outside)])
        lie = counted(int(outside.sum()), "frame lies", "frames lie")
        problems.append(f"{lie} outside the approved window "
                        f"{said(start_us)} to {said(end_us)} "
                        f"(the first at {said(first)})")
    if video.edits is not None and len(video):
        shown = np.zeros(len(video), dtype=bool)
        for a, b in video.edits.shown:
            shown |= (video.pts >= a) & (video.pts < b)
        hidden = int((~shown).sum())
        if hidden:
            are = counted(hidden, "stored frame is", "stored frames are")
            problems.append(f"{are} hidden by an edit list: players would not show them, but "
                            "their bytes would leave this computer")
    problems += pieces_problems(video, "the video", "shows frames again, held or out of "
                                "their order")
    delay = video_delay_us(video)
    if delay:
        problems.append(f"an edit list shows the first frame {round(delay / US, 3):g} s after a "
                        "player's 0:00, so a player's times are not the clip's and its sound "
                        "plays that much early")
    return problems


def pieces_problems(track: SampleTable, what: str, so: str) -> list[str]:
    """A track its edit list plays in more than one piece: what a player shows or plays is
    then not the samples in their stored order once each, though no sample is hidden."""
    if track.edits is None or track.edits.pieces <= 1:
        return []
    return [f"its edit list plays {what} in {track.edits.pieces:,} pieces, so a player {so}"]


def audio_problems(audio: SampleTable, video: SampleTable, origin_us: int,
                   start_us: int, end_us: int) -> list[str]:
    """Audio samples not wholly inside the window (times from the same origin), and sound its
    edit list plays in pieces."""
    if not len(audio) or not len(video):
        return []
    pieces = pieces_problems(audio, "the sound", "plays some of it again or out of its time")
    # Where a player plays each packet against the first frame: the video's delay (none in
    # a clip the cut wrote) plays the sound that much earlier.
    lead = (audio.edits.lead_us if audio.edits is not None else 0) - video_delay_us(video)
    zero_us = int(video.pts[0]) * US / video.timescale
    starts = origin_us + np.round(audio.pts * US / audio.timescale - zero_us).astype(np.int64) \
        + lead
    ends = starts + np.round(audio.durations * US / audio.timescale).astype(np.int64)
    outside = int(((starts < start_us) | (ends > end_us)).sum())
    if outside:
        return [counted(outside, "audio packet lies", "audio packets lie")
                + " outside the approved window", *pieces]
    return pieces


def table_problems(movie: Movie, origin_us: int, start_us: int, end_us: int) -> list[str]:
    """Everything the tables alone show wrong with a clip whose first frame was captured at
    `origin_us` and which must hold nothing outside [start, end)."""
    videos = [t for t in movie.tracks if t.handler == "vide"]
    audios = [t for t in movie.tracks if t.handler == "soun"]
    if not videos or not len(videos[0]):
        return ["the clip holds no video frames"]
    video = videos[0]
    problems = time_problems(video, sample_times(video, origin_us), start_us, end_us)
    if audios:
        problems += audio_problems(audios[0], video, origin_us, start_us, end_us)
    problems += layout_problems(movie)
    extra = len(movie.tracks) - 1 - min(1, len(audios))
    if extra:
        problems.append(f"the clip holds {counted(extra, 'track')} besides one video and one "
                        "audio track")
    return problems


def clip_problems(stream: BinaryIO, record: object) -> list[str]:
    """What a received clip's tables show that its package's record does not say; [] when the
    record states no window to compare with (its own checks then say what is missing)."""
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


def clip_beyond(stream: BinaryIO, first_frame_us: int, start_us: int, end_us: int) -> list[str]:
    """What a received clip holds that the window [start, end) does not cover, its first frame
    placed at `first_frame_us`: frames or sound outside it, frames an edit list hides, bytes
    or tracks no frame accounts for, or tables that cannot be read (then nothing in it can
    be placed). [] when everything in it lies inside."""
    try:
        movie = read_movie(stream, max_samples=MAX_SAMPLES)
    except TableError as exc:
        return [f"its own tables cannot be read, so its frames cannot be placed in time: {exc}"]
    return table_problems(_without_credentials(movie, stream), first_frame_us, start_us, end_us)


def _without_credentials(movie: Movie, stream: BinaryIO) -> Movie:
    """The movie less its last box when that is a C2PA manifest store: appended after the
    gate, as the one box it does not judge (the credentials' own check reads it)."""
    if not c2pa_boxes(stream, movie.boxes[-1:]):
        return movie
    return replace(movie, boxes=movie.boxes[:-1])
