"""One camera's coverage summed once, so that what any selection would send is read off it
without walking the camera's recordings again (Qt-free, no I/O).

An NVR's 64 cameras of one-minute files over a day are some 92,000 rows: walked on every drag
of a handle, the request page froze while the owner trimmed. These sums are built on the job's
thread when the coverage arrives; each question is then a few binary searches per camera.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from agent.views import Coverage, picture_rank
from gui.views.coverage import unsaved_stretch


def elsewhere_picture(row) -> bool:
    """A crop or another lens (picture_rank's last rank): not the main picture, even scaled."""
    return picture_rank(row) == 2


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
    # Stretches only a crop or another lens recorded (set aside for the main picture's
    # elsewhere, or chosen when nothing else is there): a selection inside one cuts that
    # picture, where the camera's privacy masks cannot be placed (agent mask_pictures.py).
    elsewhere_starts: tuple[int, ...] = ()
    elsewhere_ends: tuple[int, ...] = ()
    elsewhere_before: tuple[int, ...] = ()
    # The chosen recordings' spans by picture size, ((width, height), starts, ends) each: a
    # selection holding one of another shape than the masks were drawn on is refused.
    pictures: tuple[tuple[tuple[int, int], tuple[int, ...], tuple[int, ...]], ...] = ()
    # The window's last gap when it follows a recording still being written as far as its
    # file held footage: not saved yet, not unrecorded (agent plan.not_saved_yet says it so in
    # the package; gui.views.coverage.unsaved_stretch). (start, end), or None.
    unsaved: tuple[int, int] | None = None

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
        away = _elsewhere_only(cov)
        return cls(cov.camera, starts, ends, tuple(before),
                   tuple(g.start_us for g in cov.gaps), tuple(g.end_us for g in cov.gaps),
                   points, at, rates, any(f.audio for f in cov.files),
                   tuple(a for a, _ in away), tuple(b for _, b in away), _running(away),
                   _by_picture(cov), unsaved_stretch(cov))

    def covered_us(self, start_us: int, end_us: int) -> int:
        """Microseconds of recording inside [start, end)."""
        return max(0, self._covered_to(end_us) - self._covered_to(start_us))

    def _covered_to(self, t: int) -> int:
        i = bisect_right(self.span_starts, t) - 1
        if i < 0:
            return 0
        return self.covered_before[i] + min(t, self.span_ends[i]) - self.span_starts[i]

    def elsewhere_us(self, start_us: int, end_us: int) -> int:
        """Microseconds inside [start, end) that only a crop or another lens recorded."""
        return max(0, self._elsewhere_to(end_us) - self._elsewhere_to(start_us))

    def _elsewhere_to(self, t: int) -> int:
        i = bisect_right(self.elsewhere_starts, t) - 1
        if i < 0:
            return 0
        return (self.elsewhere_before[i] + min(t, self.elsewhere_ends[i])
                - self.elsewhere_starts[i])

    def pictures_in(self, start_us: int, end_us: int) -> tuple[tuple[int, int], ...]:
        """The picture sizes (width, height) of the main or sub stream recordings inside
        [start, end)."""
        return tuple(size for size, starts, ends in self.pictures
                     if bisect_left(starts, end_us) > bisect_right(ends, start_us))

    def first_covered(self, start_us: int, end_us: int) -> int | None:
        """The first recorded instant inside [start, end), or None."""
        i = bisect_right(self.span_ends, start_us)
        if i < len(self.span_starts) and self.span_starts[i] < end_us:
            return max(self.span_starts[i], start_us)
        return None

    def gaps_in(self, start_us: int, end_us: int) -> int:
        """How many stretches without recording reach into [start, end) (the one not saved
        yet among them: unsaved_in)."""
        return max(0, bisect_left(self.gap_starts, end_us) - bisect_right(self.gap_ends, start_us))

    def unsaved_in(self, start_us: int, end_us: int) -> bool:
        """Whether the stretch not saved yet (`unsaved`) reaches into [start, end)."""
        return (self.unsaved is not None and self.unsaved[0] < end_us
                and self.unsaved[1] > start_us)

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


def _elsewhere_only(cov: Coverage) -> list[tuple[int, int]]:
    """The stretches of the window only a crop or another lens covers, in order and apart:
    the chosen recordings' when they are such a picture, else the parts of the gaps such a
    recording set aside covers."""
    if cov.files and all(elsewhere_picture(f) for f in cov.files):
        return [(s.start_us, s.end_us) for s in cov.spans]
    out = []
    for f in cov.alternatives:
        if not elsewhere_picture(f) or f.start_us is None or f.end_us is None:
            continue
        for g in cov.gaps:
            lo, hi = max(g.start_us, f.start_us), min(g.end_us, f.end_us)
            if lo < hi:
                out.append((lo, hi))
    return _merged(out)


def _by_picture(cov: Coverage):
    """The chosen recordings of the main picture or a sub stream (a crop's refusal is said
    apart) by their size, each size's spans merged, in order and apart."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for f in cov.files:
        if (f.width and f.height and f.start_us is not None and f.end_us is not None
                and not elsewhere_picture(f)):
            spans.setdefault((f.width, f.height), []).append((f.start_us, f.end_us))
    out = []
    for size, found in sorted(spans.items()):
        merged = _merged(found)
        out.append((size, tuple(a for a, _ in merged), tuple(b for _, b in merged)))
    return tuple(out)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _running(spans: list[tuple[int, int]]) -> tuple[int, ...]:
    before, total = [], 0
    for lo, hi in spans:
        before.append(total)
        total += hi - lo
    return tuple(before)
