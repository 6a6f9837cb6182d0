"""Whether the pictures an export would cut are the ones a camera's privacy masks were drawn on.

Masks are drawn on a camera's main picture, in shares of its width and height, and fill the
same shares of any frame: right on the main picture and its sub stream (the whole picture,
smaller), wrong on a crop (a part of the picture the camera chooses, and may move) or another
lens, where other things lie under them and what they hide lies elsewhere, in the clear. Such a
picture is cut only where no main or sub recording covers the window (agent/index/coverage.py);
with masks to fill, that window is refused rather than sent looking masked.

So is a recording whose picture has another shape (width to height) than the one the masks were
drawn on, when their file records it (masks.py): a camera switched from 16:9 to 4:3, or a sub
stream that crops the picture rather than squeezing it, puts the same shares elsewhere.
"""
from __future__ import annotations

from pathlib import Path

from agent.export.masks import CameraMasks
from agent.index.coverage import Coverage
from agent.media.frame_reader import ELSEWHERE_PICTURES, picture_rank
from agent.timebase import local_text

# Shapes closer than this (relative) are one: a picture squeezed to whole macroblocks (640x352
# of 1920x1080, 2.3% apart) is the same picture, while 16:10 and 16:9 are 10% apart and 4:3 of
# 16:9 (a crop) 25%. A D1 sub stream of a 16:9 camera (704x576) reads as another shape: it may
# be the whole picture squeezed, or cut out of it, which the recording does not say.
_SAME_SHAPE = 0.05


class MasksElsewhere(Exception):
    """The window holds only a picture the camera's masks were not drawn on: `why` says which,
    `advice` what the owner can do (AWAY, LOOK_AGAIN or ONE_SHAPE, or an approval's own
    words), `picture` the window's size when it is a picture of another shape."""

    def __init__(self, why: str, advice: str, picture: tuple[int, int] | None = None) -> None:
        super().__init__(f"{why}: {advice}")
        self.why, self.advice, self.picture = why, advice, picture


def masks_elsewhere(cov: Coverage) -> str | None:
    """Why the camera's privacy masks cannot be filled on the recordings `cov` chose (a crop or
    another lens), in the owner's words; None when they can."""
    found = _elsewhere(cov)
    return None if found is None else str(found)


def masks_misplaced(cov: Coverage, masks: CameraMasks | None,
                    shown: tuple[int, int] | None = None) -> str | None:
    """Why `masks` cannot be filled on the recordings `cov` chose (a crop or another lens, or a
    picture of another shape than the one they were drawn on), in the owner's words, with
    advice for the masks page showing a picture of size `shown` (for_the_page); None when they
    can (or there are none to fill)."""
    found = misplaced(cov, masks, shown)
    return None if found is None else str(found)


def misplaced(cov: Coverage, masks: CameraMasks | None,
              shown: tuple[int, int] | None = None) -> MasksElsewhere | None:
    """masks_misplaced as the refusal to raise, its words and its advice apart."""
    if masks is None or not masks.polygons:
        return None
    found = _elsewhere(cov) or _other_shape(cov, masks.picture)
    return None if found is None else for_the_page(found, shown)


def _elsewhere(cov: Coverage) -> MasksElsewhere | None:
    kinds = [(ELSEWHERE_PICTURES[r.stream], r.path) for r in cov.files
             if r.stream in ELSEWHERE_PICTURES]
    if not kinds:
        return None
    picture, path = kinds[0]
    return MasksElsewhere(
        f"from {local_text(cov.start_us)} to {local_text(cov.end_us)}, camera '{cov.camera}' "
        f"recorded only its {picture} picture ({Path(path).name}), not the main picture its "
        "privacy masks were drawn on, where they would cover other places and leave what they "
        "hide in the clear", AWAY)


def _other_shape(cov: Coverage, drawn: tuple[int, int] | None) -> MasksElsewhere | None:
    if drawn is None:
        return None   # a masks file saved before the picture was recorded: nothing to compare
    for r in cov.files:
        if r.width and r.height and not same_shape((r.width, r.height), drawn):
            return MasksElsewhere(
                f"from {local_text(cov.start_us)} to {local_text(cov.end_us)}, camera "
                f"'{cov.camera}' recorded a picture of {r.width} x {r.height} pixels "
                f"({Path(r.path).name}), another shape than the {drawn[0]} x {drawn[1]} "
                "picture its privacy masks were drawn on, where they would cover other places "
                "and leave what they hide in the clear", LOOK_AGAIN, (r.width, r.height))
    return None


def for_the_page(found: MasksElsewhere, shown: tuple[int, int] | None) -> MasksElsewhere:
    """`found` with honest advice for the masks page showing a picture of size `shown` (drawn_on
    the camera's recordings; None: not known). Looking at the masks again helps only where the
    page shows a recording of the window's shape; one of the masks' own shape (the window is
    older than the camera's setting change) records that shape again, and masks moved to fit
    the window would no longer fit the camera's current recordings: ONE_SHAPE says so."""
    if found.advice != LOOK_AGAIN or found.picture is None or shown is None \
            or same_shape(shown, found.picture):
        return found
    return MasksElsewhere(found.why, ONE_SHAPE, found.picture)


def same_shape(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two pictures (width, height) have one shape, so shares of one fall on the other."""
    return abs(a[0] * b[1] - b[0] * a[1]) <= _SAME_SHAPE * a[1] * b[0]


def drawn_on(rows) -> tuple[int, int] | None:
    """The size of the picture a camera's masks are drawn on: its latest recording of its best
    picture (the main one; the one the masks page shows), None when none says its size."""
    sized = [r for r in rows if r.width and r.height and r.start_us is not None]
    if not sized:
        return None
    best = min(map(picture_rank, sized))
    last = max((r for r in sized if picture_rank(r) == best), key=lambda r: r.start_us)
    return (last.width, last.height)


# What the owner can do (the app says its own words: gui/views/core_app_words.py).
AWAY = ("choose a window the main picture recorded, or export this one without privacy masks "
        "(--no-masks) only if nothing they hide is in that picture")
LOOK_AGAIN = ("look at the masks again on a recording of this shape (Settings, Draw privacy "
              "masks) and save them, or export this one without privacy masks (--no-masks) only "
              "if nothing they hide is in that picture")
# Masks fit one shape at a time: for a window of another shape than the picture the masks page
# shows (its latest main recording), looking again cannot help (for_the_page).
ONE_SHAPE = ("its privacy masks fit one picture shape at a time, the one its latest recordings "
             "have, so choose a window recorded in that shape, or export this one without "
             "privacy masks (--no-masks) only if nothing they hide is in that picture")
