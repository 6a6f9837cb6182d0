"""What an MP4 recording's edit lists tell a cut. The cut reads every stored sample with edit
lists ignored (as the gate reads the clip), so it applies them itself, each track by its own:
where the first frame shown lies, which sound they hide (an encoder's priming: never heard, so
never kept), and how much later than the picture's times the sound plays. Timing the sound by
the video's edit list alone put it off the picture (FFmpeg's AAC 1024 samples early, a
B-frame camera's video a frame or more late), and a muted range off the sound it was set on."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from frp.mp4tables import TrackEdits, track_edits

US = 1_000_000


@dataclass(frozen=True)
class EditTimes:
    """A recording's edit lists, as a cut uses them."""

    video_zero: int | None   # media time (video time base) of the first frame shown; None: any
    sound_from: int | None   # sound packets before this media time are hidden; None: none are
    sound_shift_us: int = 0  # how much later than the video's times the sound plays


NO_EDITS = EditTimes(None, None)


def edit_times(path: Path, video_tb: Fraction, sound_tb: Fraction | None) -> EditTimes:
    """The edit lists of the MP4 at `path`; `sound_tb` None when no sound is read."""
    edits = track_edits(path)
    video, sound = edits.get("vide"), edits.get("soun")
    zero = video.shown[0][0] if video and video.shown else None
    if sound_tb is None:
        return EditTimes(zero, None)
    return EditTimes(zero, sound.shown[0][0] if sound and sound.shown else None,
                     _zero_plays_at_us(sound, sound_tb) - _zero_plays_at_us(video, video_tb))


def _zero_plays_at_us(edits: TrackEdits | None, tb: Fraction) -> int:
    """Where a track's media time zero plays: after an empty edit, before what it hides."""
    if edits is None or not edits.shown:
        return edits.lead_us if edits is not None else 0
    hidden = edits.shown[0][0] * tb.numerator * US
    return edits.lead_us - (2 * hidden + tb.denominator) // (2 * tb.denominator)
