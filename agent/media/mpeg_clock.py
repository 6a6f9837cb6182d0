"""The clock MPEG-TS and MPEG-PS time their frames by: a 90 kHz count of 33 bits (26.5 hours).

FFmpeg reads a step back in that count (a camera's encoder restarting while the recorder went
on writing the same file) as the count wrapping round, so the frames after it come out about a
day later. Inside one file, a span or a step forward of half the count or more is such a step
back, never footage: the index does not take it as the file's length (probe.py), and a cut
reads the file only up to it (export/clock_step.py).
"""
from __future__ import annotations

from fractions import Fraction

MPEG_CLOCK = Fraction(1, 90_000)        # the time base FFmpeg gives such a stream
HALF_COUNT = 1 << 32                    # half the count, in ticks of MPEG_CLOCK
HALF_COUNT_US = HALF_COUNT * 1_000_000 // 90_000
