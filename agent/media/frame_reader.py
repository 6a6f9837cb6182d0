"""One recording read a frame at a time with PyAV, and decoded frames scaled for previews.

A FrameReader holds a file open and remembers where its decoder stands (the frame last shown and
the one decoded just after it), so the Previewer can carry on forward without seeking again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import av

US = 1_000_000


class Recording(Protocol):
    """What reading a recording needs of its index row (agent.index.rows.FileRow is one)."""

    path: str
    camera: str
    start_us: int | None
    end_us: int | None
    stream: str | None


# Streams showing another picture of a camera than its main one: a sub stream's smaller copy,
# and a Reolink camera's other lens (E) and crop (C, a part of the picture the camera picks).
# The main picture is the one previewed, masked and exported; one of these only where no
# main one was recorded (a mask drawn on the main picture lies elsewhere on a crop or lens).
OTHER_PICTURES = ("sub", "ext", "crop")
# Of those, the ones that are not the main picture even scaled: a place a privacy mask covers on
# the main picture lies elsewhere on them (on a crop, wherever the camera moved it).
ELSEWHERE_PICTURES = {"crop": "crop", "ext": "other lens"}


def other_picture(row: Recording) -> bool:
    """Whether a recording shows another picture than its camera's main one."""
    return row.stream in OTHER_PICTURES


def elsewhere_picture(row: Recording) -> bool:
    """Whether a recording shows a picture that is not the main one scaled (a crop, another
    lens), where the main picture's privacy masks do not fall on what they hide."""
    return row.stream in ELSEWHERE_PICTURES


def picture_rank(row: Recording) -> int:
    """Which of a camera's pictures to show first: the main one (0), then a sub stream, the
    whole picture smaller (1), then a crop or another lens (2)."""
    return 2 if elsewhere_picture(row) else 1 if other_picture(row) else 0


@dataclass(frozen=True)
class PreviewFrame:
    """One decoded frame, scaled, as packed RGB24 rows (stride = width * 3)."""

    camera: str
    path: str
    at_us: int      # capture time of this frame (true UTC)
    width: int
    height: int
    rgb: bytes = field(repr=False)
    complete: bool = True   # False: the time budget ran out first; an earlier frame of the GOP
    # a crop or another lens (elsewhere_picture): the camera's privacy masks, drawn on its main
    # picture, cannot be placed on it
    elsewhere: bool = False
    # the camera's privacy masks were drawn on a picture of another shape (set by the preview's
    # redaction: export/mask_pictures.same_shape): they would fall elsewhere on it too
    other_shape: bool = False
    # ... and the masks page shows a recording of their shape, not this one's: looking at them
    # again there cannot make them fit it (export/mask_pictures.for_the_page)
    one_shape: bool = False


class FrameReader:
    """One recording held open, remembering where its decoder stands."""

    def __init__(self, row: Recording):
        self.row = row
        self.container = av.open(row.path, options={"ignore_editlist": "1"})
        if not self.container.streams.video:
            self.container.close()
            raise ValueError("no video stream")
        self.stream = self.container.streams.video[0]
        self.tb = self.stream.time_base
        self._frames = None   # live decode iterator
        self.shown = None     # the frame last answered (at or before the last target)
        self.pending = None   # the frame decoded just after it, not shown yet
        self.decoded = 0
        self.first_pts = self._first_pts()

    def _first_pts(self) -> int:
        # Time zero of a file is its first frame in presentation order, as the cutter counts it.
        first = next(iter(self.container.decode(self.stream)), None)
        if first is None or first.pts is None:
            raise ValueError("no decodable frame")
        return first.pts

    def capture_us(self, frame) -> int:
        return self.row.start_us + round((frame.pts - self.first_pts) * self.tb * US)

    def pts_for(self, at_us: int) -> int:
        return self.first_pts + int((at_us - self.row.start_us) / US / self.tb)

    def seek(self, at_us: int) -> None:
        self.container.seek(max(0, self.pts_for(at_us)), stream=self.stream, backward=True)
        self._frames = self.container.decode(self.stream)
        self.shown = self.pending = None

    def alive(self) -> bool:
        return self._frames is not None or self.pending is not None

    def take(self):
        """The next frame in presentation order (the pending one first), or None at the end."""
        if self.pending is not None:
            frame, self.pending = self.pending, None
            return frame
        while self._frames is not None:
            try:
                frame = next(self._frames)
            except (StopIteration, av.FFmpegError):
                self._frames = None
                return None
            self.decoded += 1
            if frame.pts is not None:
                return frame
        return None

    def close(self) -> None:
        self._frames = None
        self.container.close()


def picture(row: Recording, capture_us: int, frame, width: int, complete: bool) -> PreviewFrame:
    """`frame` scaled to `width` (even, 16 at least, never upscaled) as packed RGB24."""
    width = max(16, min(int(width), frame.width)) // 2 * 2
    height = max(2, round(frame.height * width / frame.width) // 2 * 2)
    rgb = frame.reformat(width=width, height=height, format="rgb24")
    plane = rgb.planes[0]
    raw = bytes(plane)
    stride = plane.line_size
    if stride != width * 3:
        raw = b"".join(raw[y * stride:y * stride + width * 3] for y in range(height))
    return PreviewFrame(row.camera, str(Path(row.path)), capture_us, width, height, raw, complete,
                        elsewhere_picture(row))
