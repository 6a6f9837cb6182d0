"""The part of the gate that needs only the clip's own sample tables: every video sample's
capture time, none outside the window or hidden by an edit list, every audio sample wholly
inside it, and nothing in the file but the samples (gate_layout).

The gate runs these on the clip it is about to seal; `verify` runs them again, through
`table_problems`, on a clip it received: neither the recordings nor a decoder are needed.
"""
from __future__ import annotations

import numpy as np

from agent.count_words import counted
from agent.export.gate_layout import layout_problems
from agent.media.mp4tables import Movie, SampleTable
from agent.timebase import format_utc

US = 1_000_000


def sample_times(video: SampleTable, origin_us: int) -> np.ndarray:
    """Capture time of every video sample: origin plus its offset from the first sample."""
    if not len(video):
        return np.zeros(0, dtype=np.int64)
    rel = video.pts - video.pts[0]
    return origin_us + (rel * US * 2 + video.timescale) // (2 * video.timescale)


def time_problems(video: SampleTable, times: np.ndarray, start_us: int,
                  end_us: int) -> list[str]:
    """Video samples outside [start, end), and stored samples an edit list hides."""
    problems = []
    outside = (times < start_us) | (times >= end_us)
    if outside.any():
        first = int(times[np.argmax(outside)])
        lie = counted(int(outside.sum()), "frame lies", "frames lie")
        problems.append(f"{lie} outside the approved window "
                        f"{format_utc(start_us)} to {format_utc(end_us)} "
                        f"(the first at {format_utc(first)})")
    if video.edits is not None and len(video):
        shown = np.zeros(len(video), dtype=bool)
        for a, b in video.edits.shown:
            shown |= (video.pts >= a) & (video.pts < b)
        hidden = int((~shown).sum())
        if hidden:
            are = counted(hidden, "stored frame is", "stored frames are")
            problems.append(f"{are} hidden by an edit list: players would not show them, but "
                            "their bytes would leave this computer")
    return problems


def audio_problems(audio: SampleTable, video: SampleTable, origin_us: int,
                   start_us: int, end_us: int) -> list[str]:
    """Audio samples not wholly inside the window (times from the same origin)."""
    if not len(audio) or not len(video):
        return []
    lead = audio.edits.lead_us if audio.edits is not None else 0
    zero_us = int(video.pts[0]) * US / video.timescale
    starts = origin_us + np.round(audio.pts * US / audio.timescale - zero_us).astype(np.int64) \
        + lead
    ends = starts + np.round(audio.durations * US / audio.timescale).astype(np.int64)
    outside = int(((starts < start_us) | (ends > end_us)).sum())
    if outside:
        return [counted(outside, "audio packet lies", "audio packets lie")
                + " outside the approved window"]
    return []


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
