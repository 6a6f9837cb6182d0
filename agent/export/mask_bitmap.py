"""A camera's privacy masks as pixels: which of a frame's pixels an export fills black.

Masks are kept as polygons in shares of the picture (masks.py); each frame's size turns them
into a bitmap here, once per size.
"""
from __future__ import annotations

import math

import numpy as np


def mask_bitmap(polygons, width: int, height: int) -> np.ndarray:
    """Pixels (height x width, bool) whose centre lies inside any polygon, plus every pixel a
    polygon's edge passes through, so the mask never falls short. Inside is the nonzero rule:
    all that an outline goes around, even where it crosses itself (a star's middle too)."""
    out = np.zeros((height, width), dtype=bool)
    centres_x = np.arange(width) + 0.5
    for polygon in polygons:
        pts = np.array(polygon.points, dtype=float) * (width, height)
        inside = np.zeros((height, width), dtype=bool)
        x0, y0 = pts[:, 0], pts[:, 1]
        x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
        for row in range(max(0, int(y0.min())), min(height, int(math.ceil(y0.max())) + 1)):
            yc = row + 0.5
            crosses = (y0 <= yc) != (y1 <= yc)
            if not crosses.any():
                continue
            xs = x0[crosses] + (yc - y0[crosses]) * (x1[crosses] - x0[crosses]) \
                / (y1[crosses] - y0[crosses])
            # a centre is inside when the edges to its left wind around it: the upward and
            # downward crossings there do not cancel out
            order = np.argsort(xs)
            winding = np.concatenate(([0], np.cumsum(np.where(y1[crosses] > y0[crosses],
                                                              1, -1)[order])))
            inside[row] = winding[np.searchsorted(xs[order], centres_x, side="right")] != 0
        out |= inside
        _edges(out, pts)
    return out


def _edges(out: np.ndarray, pts: np.ndarray) -> None:
    """Mark the pixels each edge passes through (sampled finer than a pixel)."""
    height, width = out.shape
    for (xa, ya), (xb, yb) in zip(pts, np.roll(pts, -1, axis=0)):
        steps = int(max(abs(xb - xa), abs(yb - ya)) * 2) + 2
        xs = np.clip(np.linspace(xa, xb, steps).astype(int), 0, width - 1)
        ys = np.clip(np.linspace(ya, yb, steps).astype(int), 0, height - 1)
        out[ys, xs] = True


def covers_a_pixel(points, picture: tuple[int, int]) -> bool:
    """Whether corners (relative x, y) can go around a whole pixel of the picture (width,
    height) they were drawn on: the area of their convex hull, the most any outline through
    them encloses, is one pixel at least. A smaller area is a slip (clicks a hair apart on a
    magnified picture, shares typed wrong in a masks file): it blacks out only the pixel or
    two its outline passes through, while every package would record it as a privacy mask."""
    pts = sorted({(x * picture[0], y * picture[1]) for x, y in points})
    if len(pts) < 3:
        return False
    hull: list[tuple[float, float]] = []
    for chain in (pts, pts[::-1]):   # the lower, then the upper half (monotone chain)
        start = len(hull)
        for p in chain:
            while len(hull) >= start + 2 and _turn(hull[-2], hull[-1], p) <= 0:
                hull.pop()
            hull.append(p)
        hull.pop()   # each half's last point begins the other
    twice = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(hull, hull[1:] + hull[:1]))
    return abs(twice) / 2 >= 1.0


def _turn(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def smaller_than_a_pixel(masks, kept=()) -> str | None:
    """Why a camera's masks (CameraMasks) cannot be kept because an area covers less than one
    pixel of the picture they were drawn on, naming it; None when none does, or the picture
    is not known. An area among `kept` (the polygons saved already) is let be: saved before
    this rule, it stays as it was read, and the masks page saves it again with every change."""
    if masks.picture is None:
        return None
    before = {p.points for p in kept}
    for number, polygon in enumerate(masks.polygons, start=1):
        if polygon.points not in before and not covers_a_pixel(polygon.points, masks.picture):
            width, height = masks.picture
            return (f"polygon {number}: it covers less than one pixel of the {width} x {height} "
                    "picture it was drawn on, so it would hide next to nothing: put its corners "
                    "around what it should hide, or leave it out")
    return None
