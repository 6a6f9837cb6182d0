"""One camera's coverage summed once, so that what any selection would send is read off it
without walking the camera's recordings again (Qt-free, no I/O).

An NVR's 64 cameras of one-minute files over a day are some 92,000 rows: walked on every drag
of a handle, the request page froze while the owner trimmed. These sums are built on the job's
thread when the coverage arrives; each question is then a few binary searches per camera.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from agent.views import Coverage


@dataclass(frozen=True)
class CameraSums:
    """Covered spans, gaps and the estimated bytes of one camera's window, as running sums."""

    camera: str
    span_starts: tuple[int, ...]     # the covered spans, in order, apart
    span_ends: tuple[int, ...]
    covered_before: tuple[int, ...]  # microseconds covered before each span starts
    gap_starts: tuple[int, ...]
    gap_ends: tuple[int, ...]
    byte_points: tuple[int, ...]     # where the files start and end, in order
    bytes_before: tuple[float, ...]  # estimated bytes before each of those instants
    byte_rates: tuple[float, ...]    # bytes per microsecond after each of them
    has_audio: bool

    @classmethod
    def of(cls, cov: Coverage) -> "CameraSums":
        """The sums of one camera's coverage (its spans and gaps are in order and apart)."""
        starts = tuple(s.start_us for s in cov.spans)
        ends = tuple(s.end_us for s in cov.spans)
        before, total = [], 0
        for s, e in zip(starts, ends):
            before.append(total)
            total += e - s
        points, at, rates = _byte_steps(cov)
        return cls(cov.camera, starts, ends, tuple(before),
                   tuple(g.start_us for g in cov.gaps), tuple(g.end_us for g in cov.gaps),
                   points, at, rates, any(f.audio for f in cov.files))

    def covered_us(self, start_us: int, end_us: int) -> int:
        """Microseconds of recording inside [start, end)."""
        return max(0, self._covered_to(end_us) - self._covered_to(start_us))

    def _covered_to(self, t: int) -> int:
        i = bisect_right(self.span_starts, t) - 1
        if i < 0:
            return 0
        return self.covered_before[i] + min(t, self.span_ends[i]) - self.span_starts[i]

    def first_covered(self, start_us: int, end_us: int) -> int | None:
        """The first recorded instant inside [start, end), or None."""
        i = bisect_right(self.span_ends, start_us)
        if i < len(self.span_starts) and self.span_starts[i] < end_us:
            return max(self.span_starts[i], start_us)
        return None

    def gaps_in(self, start_us: int, end_us: int) -> int:
        """How many stretches without recording reach into [start, end)."""
        return max(0, bisect_left(self.gap_starts, end_us) - bisect_right(self.gap_ends, start_us))

    def bytes_in(self, start_us: int, end_us: int) -> float:
        """The files' bytes for [start, end), each file's in proportion to its seconds there."""
        return max(0.0, self._bytes_to(end_us) - self._bytes_to(start_us))

    def _bytes_to(self, t: int) -> float:
        i = bisect_right(self.byte_points, t) - 1
        if i < 0:
            return 0.0
        return self.bytes_before[i] + self.byte_rates[i] * (t - self.byte_points[i])


def _byte_steps(cov: Coverage) -> tuple[tuple[int, ...], tuple[float, ...], tuple[float, ...]]:
    """The running estimate of bytes over time: each file adds its size evenly over its own
    seconds, so between two file edges the estimate grows at a steady rate (files may overlap)."""
    changes: dict[int, float] = {}
    for f in cov.files:
        if f.start_us is None or f.end_us is None or f.end_us <= f.start_us:
            continue
        rate = f.size / (f.end_us - f.start_us)
        changes[f.start_us] = changes.get(f.start_us, 0.0) + rate
        changes[f.end_us] = changes.get(f.end_us, 0.0) - rate
    points = sorted(changes)
    at, rates, total, rate, last = [], [], 0.0, 0.0, None
    for p in points:
        if last is not None:
            total += rate * (p - last)
        rate = max(0.0, rate + changes[p])   # no rounding below nothing
        at.append(total)
        rates.append(rate)
        last = p
    return tuple(points), tuple(at), tuple(rates)
