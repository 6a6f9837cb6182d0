"""Whether the pictures an export would cut are the ones a camera's privacy masks were drawn on.

Masks are drawn on a camera's main picture, in shares of its width and height, and fill the
same shares of any frame: right on the main picture and its sub stream (the whole picture,
smaller), wrong on a crop (a part of the picture the camera chooses, and may move) or another
lens, where other things lie under them and what they hide lies elsewhere, in the clear. Such a
picture is cut only where no main or sub recording covers the window (agent/index/coverage.py);
with masks to fill, that window is refused rather than sent looking masked.
"""
from __future__ import annotations

from pathlib import Path

from agent.index.coverage import Coverage
from agent.media.frame_reader import ELSEWHERE_PICTURES
from agent.timebase import local_text


class MasksElsewhere(Exception):
    """The window holds only a picture the camera's masks were not drawn on; the message says
    which, and what the owner can do."""


def masks_elsewhere(cov: Coverage) -> str | None:
    """Why the camera's privacy masks cannot be filled on the recordings `cov` chose (a crop or
    another lens), in the owner's words; None when they can."""
    kinds = [(ELSEWHERE_PICTURES[r.stream], r.path) for r in cov.files
             if r.stream in ELSEWHERE_PICTURES]
    if not kinds:
        return None
    picture, path = kinds[0]
    return (f"from {local_text(cov.start_us)} to {local_text(cov.end_us)}, camera "
            f"'{cov.camera}' recorded only its {picture} picture ({Path(path).name}), not the "
            "main picture its privacy masks were drawn on, where they would cover other "
            f"places and leave what they hide in the clear: {AWAY}")


# What the owner can do (the app says its own words: gui/views/core_app_words.py).
AWAY = ("choose a window the main picture recorded, or export this one without privacy masks "
        "(--no-masks) only if nothing they hide is in that picture")
