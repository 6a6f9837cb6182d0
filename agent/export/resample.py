"""Images resized and blurred with numpy alone, for face detection and face blurring.

Three separable steps, each along one axis at a time, in float32: area averaging (every output
pixel is the mean of the input it covers, as OpenCV's INTER_AREA reduces), linear
interpolation between pixel centres (INTER_LINEAR), and a box blur with the edge pixels
repeated (blur with BORDER_REPLICATE). Images are height x width or height x width x channels.
"""
from __future__ import annotations

import functools

import numpy as np


def area_axis(img: np.ndarray, size: int, axis: int) -> np.ndarray:
    """`img` resized to `size` along `axis`: each output pixel is the mean of the input span
    it covers (fractions of a pixel weighted by how much is covered)."""
    n = img.shape[axis]
    if size == n:
        return img.astype(np.float32, copy=False)
    a = np.moveaxis(img.astype(np.float32, copy=False), axis, 0)
    # The integral of the image along the axis at every pixel edge; at a point inside pixel
    # i it is the integral at i plus that pixel times the covered fraction. (float32 holds
    # sums of 8-bit pixels exactly up to 65,000 of them.)
    integral = np.zeros((n + 1,) + a.shape[1:], np.float32)
    np.cumsum(a, axis=0, out=integral[1:])
    edges = np.arange(size + 1, dtype=np.float64) * (n / size)
    whole = np.minimum(np.floor(edges).astype(np.intp), n - 1)
    part = (edges - whole).reshape((-1,) + (1,) * (a.ndim - 1))
    at = integral[whole] + part * a[whole]
    out = (at[1:] - at[:-1]) * (size / n)
    return np.moveaxis(out.astype(np.float32), 0, axis)


def linear_axis(img: np.ndarray, size: int, axis: int) -> np.ndarray:
    """`img` resized to `size` along `axis` by linear interpolation between pixel centres
    (the edges hold their outermost pixel)."""
    n = img.shape[axis]
    a = np.moveaxis(img.astype(np.float32, copy=False), axis, 0)
    if size == n:
        return np.moveaxis(a, 0, axis)
    src = np.clip((np.arange(size, dtype=np.float32) + 0.5) * (n / size) - 0.5, 0, n - 1)
    lo = np.floor(src).astype(np.intp)
    hi = np.minimum(lo + 1, n - 1)
    w = (src - lo).reshape((-1,) + (1,) * (a.ndim - 1))
    out = a[lo] * (1 - w) + a[hi] * w
    return np.moveaxis(out, 0, axis)


def box_axis(img: np.ndarray, k: int, axis: int) -> np.ndarray:
    """The mean of `k` (odd) neighbouring pixels along `axis`, edge pixels repeated."""
    if k <= 1:
        return img.astype(np.float32, copy=False)
    r = k // 2
    a = np.moveaxis(img.astype(np.float32, copy=False), axis, 0)
    padded = np.concatenate([np.repeat(a[:1], r, axis=0), a, np.repeat(a[-1:], r, axis=0)])
    sums = np.concatenate([np.zeros((1,) + a.shape[1:], np.float64),
                           np.cumsum(padded, axis=0, dtype=np.float64)])
    out = (sums[k:] - sums[:-k]) / k
    return np.moveaxis(out.astype(np.float32), 0, axis)


def to_uint8(img: np.ndarray) -> np.ndarray:
    """Rounded and clipped back to 8-bit pixels."""
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def area_resize(img: np.ndarray, width: int, height: int) -> np.ndarray:
    """An 8-bit image resized to width x height by area averaging (for detection)."""
    return to_uint8(area_axis(area_axis(img, height, 0), width, 1))


def blur_region(plane: np.ndarray, rect: tuple[int, int, int, int], cells: int) -> None:
    """Make a rectangle of an image unrecognisable, in place: it is reduced to at most
    `cells` samples across (the detail is gone, not hidden), then smoothed back up."""
    x1, y1, x2, y2 = rect
    region = plane[y1:y2, x1:x2]
    h, w = region.shape[:2]
    if h < 2 or w < 2:
        return
    side = max(h, w)
    small_w, small_h = max(1, round(cells * w / side)), max(1, round(cells * h / side))
    # Reduce, enlarge and box-blur are each linear along each axis, so the three together are
    # one small matrix per axis: the region is multiplied by them, never resampled pixel by
    # pixel (a face box at 1080p is blurred in about a millisecond).
    reduce_y, grow_y = _blur_matrices(h, small_h, max(1, h // cells) | 1)
    reduce_x, grow_x = _blur_matrices(w, small_w, max(1, w // cells) | 1)
    src = region.astype(np.float32)
    if src.ndim == 2:
        src = src[:, :, None]
    out = np.empty(src.shape, np.float32)
    for c in range(src.shape[2]):
        out[:, :, c] = grow_y @ (reduce_y @ src[:, :, c] @ reduce_x.T) @ grow_x.T
    region[...] = to_uint8(out).reshape(region.shape)


@functools.lru_cache(maxsize=64)
def _blur_matrices(n: int, small: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Along one axis of n pixels: the area reduction to `small` samples (small x n), and the
    linear enlargement back to n followed by the box blur of `k` (n x small)."""
    reduce = area_axis(np.eye(n, dtype=np.float32), small, 0)
    grow = box_axis(linear_axis(np.eye(small, dtype=np.float32), n, 0), k, 0)
    return reduce, grow
