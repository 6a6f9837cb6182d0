"""Owner-side redaction: privacy masks and face blurring applied to every frame before it is
re-encoded, and chosen stretches of kept sound silenced, all on the owner's PC.

A redacted export is exact mode's "re-encode everything" path with a per-frame step between
decoder and encoder (FrameSession); the gate still checks the result. The sources are never
touched, so the owner keeps the unredacted original. What was redacted, and how, goes into
provenance.json (agent/export/redaction_records.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from agent.export.faces import FaceDetector, FaceOptions, FaceTrack, pixel_boxes
from agent.export.mask_bitmap import mask_bitmap
from agent.export.masks import CameraMasks, load_masks
from agent.export.resample import blur_region

US = 1_000_000
_Y_BLACK, _C_GREY, _RGB_BLACK = 16, 128, 0   # black in limited-range video (most)
_JPEG_RANGE = 2   # FFmpeg's AVCOL_RANGE_JPEG: full range (MJPEG), where black is 0


@dataclass(frozen=True)
class Redaction:
    """What to redact in one export (the owner's choices)."""

    masks: CameraMasks | None = None         # polygons filled solid in every frame
    faces: FaceOptions | None = None         # None: faces are not blurred
    mute: tuple[tuple[int, int], ...] = ()   # UTC microsecond ranges of kept sound to silence

    @property
    def touches_video(self) -> bool:
        """True when frames change (which forces exact mode's full re-encode)."""
        return bool(self.masks and self.masks.polygons) or self.faces is not None


@dataclass(frozen=True)
class RedactionReport:
    """What the redaction did in one export, for the provenance record."""

    frames: int = 0          # frames that went through the redaction step
    masked_frames: int = 0
    blurred_frames: int = 0  # frames with at least one face box blurred
    boxes_blurred: int = 0
    detections: int = 0      # detector runs
    faces_found: int = 0     # faces found over all detector runs
    muted_samples: int = 0   # audio samples set to silence
    # (frames between detections, frame rate) of each run faces were searched in: the setting
    # is in seconds, a detection falls on whole frames
    detection_intervals: tuple[tuple[int, float], ...] = ()


_COUNTS = tuple(n for n in RedactionReport.__dataclass_fields__ if n != "detection_intervals")


class Redactor:
    """The redaction of one export: loads the detector once, hands out a FrameSession for
    each stretch of re-encoded frames, and tallies what it did."""

    def __init__(self, redaction: Redaction):
        self.redaction = redaction
        self.detector = FaceDetector(redaction.faces) if redaction.faces else None
        self._bitmaps: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        self.counts = dict.fromkeys(_COUNTS, 0)
        self.intervals: set[tuple[int, float]] = set()

    def session(self, width: int, height: int, rate: Fraction | float) -> "FrameSession":
        """A per-frame step for one run of frames of this size and rate."""
        return FrameSession(self, width, height, float(rate or 25))

    def report(self) -> RedactionReport:
        return RedactionReport(**self.counts, detection_intervals=tuple(sorted(self.intervals)))

    def reset(self) -> None:
        """Start the tally again (the clip is being written afresh)."""
        self.counts.update(dict.fromkeys(self.counts, 0))
        self.intervals.clear()

    def bitmaps(self, width: int, height: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Mask pixels for the luma plane and (2x2 blocks, any pixel masked) the chroma planes."""
        masks = self.redaction.masks
        if not masks or not masks.polygons:
            return None
        if (width, height) not in self._bitmaps:
            luma = mask_bitmap(masks.polygons, width, height)
            self._bitmaps[width, height] = (luma, _half(luma))
        return self._bitmaps[width, height]


class FrameSession:
    """Redacts decoded frames in order, in place (a frame whose pixels the decoder still holds
    for reference is copied once first). With faces on, frames wait (a few tenths of a second)
    until the next detection, so the frames in between are covered from both sides."""

    def __init__(self, redactor: Redactor, width: int, height: int, rate: float):
        self.r, self.width, self.height = redactor, width, height
        self.track = None
        if redactor.detector is not None:
            self.every = max(1, round(rate * redactor.redaction.faces.every_s))
            redactor.intervals.add((self.every, rate))
            self.track = FaceTrack(self._detect)
        self.n = 0

    def push(self, frame: av.VideoFrame) -> list[av.VideoFrame]:
        """Take one decoded frame; return the frames now redacted, in order."""
        if frame.format.name not in _PLANAR_420:  # 4:2:2, 10-bit, ...: one conversion
            frame = frame.reformat(format="yuv420p")
        if self.track is None:
            return [self._apply(frame, [])]
        settled = self.track.push(frame, self.n % self.every == 0)
        self.n += 1
        return [self._apply(item, boxes) for item, boxes in settled]

    def finish(self) -> list[av.VideoFrame]:
        """The frames still waiting for a detection."""
        if self.track is None:
            return []
        settled = self.track.finish()
        self.r.counts["detections"] += self.track.detections
        self.r.counts["faces_found"] += self.track.faces_found
        self.track.detections = self.track.faces_found = 0
        return [self._apply(item, boxes) for item, boxes in settled]

    def close(self) -> None:
        """Let go of the detection thread, whether or not the frames were finished."""
        if self.track is not None:
            self.track.close()

    def _detect(self, frame: av.VideoFrame) -> list:
        width, height = self.r.detector.input_size(frame.width, frame.height)
        small = frame.reformat(width=width, height=height, format="rgb24").to_ndarray()
        return self.r.detector.detect(small)

    def _apply(self, frame: av.VideoFrame, boxes: list) -> av.VideoFrame:
        counts = self.r.counts
        counts["frames"] += 1
        bitmaps = self.r.bitmaps(self.width, self.height)
        rects = []
        if boxes:
            rects = pixel_boxes(boxes, self.width, self.height, self.r.redaction.faces.margin)
        if not rects and bitmaps is None:
            return frame  # nothing to change: the decoder's frame goes on untouched
        frame.make_writable()  # copies only if the decoder still holds these pixels
        y, u, v = _planes(frame)
        if rects:
            cells = self.r.redaction.faces.cells
            for x1, y1, x2, y2 in rects:
                blur_region(y, (x1, y1, x2, y2), cells)
                for plane in (u, v):
                    blur_region(plane, (x1 // 2, y1 // 2, -(-x2 // 2), -(-y2 // 2)), cells)
            counts["blurred_frames"] += 1
            counts["boxes_blurred"] += len(rects)
        if bitmaps is not None:
            full = frame.format.name == "yuvj420p" or int(frame.color_range) == _JPEG_RANGE
            y[bitmaps[0]] = 0 if full else _Y_BLACK
            u[bitmaps[1]] = v[bitmaps[1]] = _C_GREY
            counts["masked_frames"] += 1
        return frame


_PLANAR_420 = ("yuv420p", "yuvj420p")


def _planes(frame: av.VideoFrame):
    """Writable views of a yuv420p frame's Y, U and V planes (rows padded to line_size)."""
    return tuple(np.frombuffer(p, np.uint8).reshape(p.height, p.line_size)[:, :p.width]
                 for p in frame.planes[:3])


def _half(bitmap: np.ndarray) -> np.ndarray:
    """A chroma-size mask: a 2x2 block is masked when any of its pixels is."""
    h, w = bitmap.shape
    padded = np.zeros((h + h % 2, w + w % 2), dtype=bool)
    padded[:h, :w] = bitmap
    return padded.reshape(padded.shape[0] // 2, 2, padded.shape[1] // 2, 2).any(axis=(1, 3))


def redact_frame(rgb: np.ndarray, camera: str, masks: CameraMasks | None, faces: bool,
                 options: FaceOptions | None = None) -> np.ndarray:
    """A redacted copy of one RGB frame (height x width x 3, uint8), for the preview the owner
    approves: faces blurred when `faces`, then `masks` filled black. The same steps, at the
    same settings, as the export."""
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"a preview frame must be height x width x 3 (RGB), not {rgb.shape}")
    if masks is not None and masks.camera != camera:
        raise ValueError(f"these masks belong to camera '{masks.camera}', not '{camera}'")
    out = np.ascontiguousarray(rgb, dtype=np.uint8).copy()
    height, width = out.shape[:2]
    if faces:
        options = options or FaceOptions()
        boxes = _preview_detector(options).detect(out)
        for rect in pixel_boxes(boxes, width, height, options.margin):
            blur_region(out, rect, options.cells)
    if masks is not None and masks.polygons:
        out[mask_bitmap(masks.polygons, width, height)] = _RGB_BLACK
    return out


_DETECTORS: dict[FaceOptions, FaceDetector] = {}


def _preview_detector(options: FaceOptions) -> FaceDetector:
    """One loaded detector per setting: a preview should not reload the model per frame."""
    if options not in _DETECTORS:
        _DETECTORS[options] = FaceDetector(options)
    return _DETECTORS[options]


def owner_redaction(home: Path, camera: str, *, masks: bool = True, blur_faces: bool = False,
                    mute: tuple[tuple[int, int], ...] = ()) -> Redaction | None:
    """The redaction an export of `camera` gets: its saved masks (unless `masks` is False for
    this export), face blurring when asked, and muted ranges; None when there is nothing to do.
    A damaged mask file raises MaskError rather than export unmasked."""
    saved = load_masks(home, camera) if masks else None
    redaction = Redaction(saved if saved and saved.polygons else None,
                          FaceOptions() if blur_faces else None,
                          tuple(sorted((int(a), int(b)) for a, b in mute)))
    if redaction.touches_video or redaction.mute:
        return redaction
    return None
