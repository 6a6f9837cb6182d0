"""The clock drawn into every frame of the sample footage, for people to read: the camera's
own time, as `2026-11-20 22:00:00 UTC`, white on a darkened box at the bottom left.

It is drawn with a small bitmap font (5x7 dots, each dot a square of pixels scaled to the
frame's height), so the sample footage needs no font file and no ffmpeg program. The first-run
clock step shows the owner such a frame; the dots stay legible after compression at 320x240
and at 1080p (tests/test_samples.py reads them back from the decoded frames).
"""
from __future__ import annotations

import functools

import numpy as np

from agent.timebase import US, to_datetime

GLYPH_W, GLYPH_H = 5, 7
_GLYPHS = {
    "0": (".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    ":": (".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."),
    " ": (".....",) * 7,
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
}
GLYPHS = {ch: np.array([[c == "#" for c in row] for row in rows])
          for ch, rows in _GLYPHS.items()}
ADVANCE = GLYPH_W + 1   # one dot of space between characters
PAD = 1                 # dots of box around the text
TEXT_LEN = len("2026-11-20 22:00:00 UTC")
INK, BOX_KEEP = 255, 0.4   # white text; the box keeps 40% of what is behind it


def clock_text(camera_us: int) -> str:
    """What the clock shows at a moment of the camera's clock (whole seconds, UTC)."""
    return f"{to_datetime(camera_us - camera_us % US):%Y-%m-%d %H:%M:%S} UTC"


def dot_size(width: int, height: int) -> int:
    """Pixels per font dot: about 1/120 of the frame height, and the clock fits the width."""
    fits = (width - 8) // ((TEXT_LEN * ADVANCE + 2 * PAD) + 4)
    return max(1, min(max(2, height // 120), fits))


def clock_origin(width: int, height: int) -> tuple[int, int, int]:
    """(x, y, dot size) of the box's top-left corner: bottom left, a margin of 4 dots."""
    s = dot_size(width, height)
    return 4 * s, height - (GLYPH_H + 2 * PAD + 4) * s, s


def draw_clock(gray: np.ndarray, camera_us: int) -> None:
    """Draw the clock for `camera_us` into a gray frame, in place."""
    height, width = gray.shape
    x, y, s = clock_origin(width, height)
    ink = text_dots(clock_text(camera_us), s)
    box = gray[y:y + ink.shape[0], x:x + ink.shape[1]]
    box[...] = (box * BOX_KEEP).astype(np.uint8)
    box[ink[:box.shape[0], :box.shape[1]]] = INK


@functools.lru_cache(maxsize=8)
def text_dots(text: str, s: int) -> np.ndarray:
    """Where the ink goes for `text` at `s` pixels per dot, box padding included (the clock
    changes once a second, so each text is drawn once for all its frames)."""
    dots = np.zeros((GLYPH_H + 2 * PAD, len(text) * ADVANCE - 1 + 2 * PAD), dtype=bool)
    for i, ch in enumerate(text):
        left = PAD + i * ADVANCE
        dots[PAD:PAD + GLYPH_H, left:left + GLYPH_W] = GLYPHS[ch]
    return np.repeat(np.repeat(dots, s, axis=0), s, axis=1)
