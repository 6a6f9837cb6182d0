"""Which mirrored row each recording a recorder's search returns is: its path in the index and
the clock offset it was first placed by.

A row's path is the recorder, the channel and the start as the recorder wrote it. That alone
does not name a recording: a clock put back gives the recordings made after it the very times
those made before were written at, so two recordings on the device can share a start. Each
row also keeps the device's own reference to its recording (`Recording.ref`: Dahua's file
path, Hikvision's file name, a Reolink's file name), and a recording is its row by that
reference first; by its path only where the row keeps none (a row an older version mirrored,
or a device naming its recordings by their times alone), as before. So neither the order the
device lists two such recordings in, nor one of them recorded over, hands one the other's row
and clock.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from agent.recorders.model import Recording
from agent.timebase import US


@dataclass(frozen=True)
class Mirrored:
    """A recorder channel's row as the index holds it: path, start and end in true time, the
    clock offset (µs) taken off the recorder's times for it, and the device's reference to
    its recording (None: mirrored before references were kept, or the device gives none)."""

    path: str
    start_us: int | None
    end_us: int | None
    shift_us: int
    ref: str | None


@dataclass(frozen=True)
class Matched:
    """A recording found, with the row path it is mirrored at and the row it was mirrored as
    before (None: first seen now)."""

    recording: Recording
    path: str
    row: Mirrored | None

    def shift(self, current: int) -> int:
        """The clock offset (µs) it is placed by: its row's, else the clock's as it is now."""
        return current if self.row is None else self.row.shift_us


def row_path(root: str, channel: str, rec: Recording) -> str:
    """A recording's row path: its recorder, channel and start as the recorder wrote it."""
    return f"{root}#ch{channel}/{_digits(rec.start.text) or rec.start_us // US}"


def match(root: str, channel: str, found, rows: list[Mirrored]) -> list[Matched]:
    """Each recording found (in the device's order) with its row path and its row before.

    A reference that one recording found and at most one row have is that row's, wherever
    the recording is listed. Any other recording takes the first of its start's paths (the
    start, then `~2`, `~3`: two recordings from the same second) that no other recording has:
    not one given in this answer, nor a row that keeps another reference; the row at that
    path is its own when it keeps none, or the same one."""
    found = list(found)
    mine = Counter(r.ref for r in found if r.ref)
    kept = Counter(r.ref for r in rows if r.ref)
    by_ref = {r.ref: r for r in rows if r.ref and kept[r.ref] == 1 and mine[r.ref] == 1}
    by_path = {r.path: r for r in rows}
    own = {i: by_ref[rec.ref] for i, rec in enumerate(found) if rec.ref in by_ref}
    taken = {row.path for row in own.values()}
    out = []
    for i, rec in enumerate(found):
        if i in own:
            out.append(Matched(rec, own[i].path, own[i]))
            continue
        base = path = row_path(root, channel, rec)
        n = 1
        while path in taken or _anothers(by_path.get(path), rec):
            n += 1
            path = f"{base}~{n}"
        taken.add(path)
        out.append(Matched(rec, path, by_path.get(path)))
    return out


def refs(matched: list[Matched]) -> dict[str, str | None]:
    """The device's reference to keep with each row path (None where it gives none)."""
    return {m.path: m.recording.ref or None for m in matched}


def _anothers(row: Mirrored | None, rec: Recording) -> bool:
    """Whether a row at a path is another recording's: it keeps a reference not this one's."""
    return row is not None and row.ref is not None and row.ref != rec.ref


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
