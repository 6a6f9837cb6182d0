"""Frame previews and timeline thumbnails, decoded by the agent with PyAV (no Qt here).

The GUI asks for "the frame on screen at instant T of camera C" while the owner scrubs. Three
things keep that fast and calm:
- a small LRU cache of decoded, scaled frames (scrubbing back over a spot costs nothing);
- open files stay open with their decoder position, so scrubbing forward inside a GOP decodes
  only the frames in between instead of seeking back to the keyframe;
- a generation counter per channel: every new request on a channel makes the older ones still
  pending on it return None at the next frame, so a stale decode never delays the one wanted.

A file held open is let go once no preview has read it for IDLE_S (`let_go_of_idle`, which the
service's loop calls): an app left in the tray for days after the owner scrubbed through a
request would otherwise hold those recordings open until it quits, and a recorder deleting its
oldest footage cannot delete a file another program holds open on Windows, and on Linux frees
none of its space.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Sequence

import av

from agent.media.frame_reader import (FrameReader, PreviewFrame, Recording, other_picture,
                                      picture, picture_rank)

US = 1_000_000
IDLE_S = 60.0   # a file no preview read for this long is closed; the next one opens it again
Files = Callable[[str, int, int], Sequence[Recording]]


@dataclass(frozen=True)
class Ticket:
    """A place in a channel's queue; stale once a newer ticket is taken on the same channel."""

    channel: str
    generation: int


class Previewer:
    """Decodes preview frames and thumbnails for the GUI; safe to call from job threads."""

    def __init__(self, files: Files, cache_frames: int = 96, open_files: int = 4,
                 clock: Callable[[], float] = time.monotonic):
        """`files(camera, start_us, end_us)` lists the usable indexed recordings of a camera
        that overlap the window (Agent.usable_recordings); which ones are usable is the index's
        to say. `clock` tells how long a file has gone unread (a test's own clock)."""
        self._files = files
        self._clock = clock
        self._used: dict[str, float] = {}   # path -> when a preview last read it
        self._cache: OrderedDict[tuple, PreviewFrame | None] = OrderedDict()
        self._cache_size = cache_frames
        self._readers: OrderedDict[str, FrameReader] = OrderedDict()
        self._open_files = open_files
        self._generations: dict[str, int] = {}
        self._gen_lock = threading.Lock()
        self._decode_lock = threading.Lock()
        self.decoded_frames = 0   # for tests and the bench: frames actually decoded

    # tickets -----------------------------------------------------------------------------
    def ticket(self, channel: str) -> Ticket:
        """Take a new ticket on `channel`; every older ticket there becomes stale."""
        with self._gen_lock:
            gen = self._generations.get(channel, 0) + 1
            self._generations[channel] = gen
            return Ticket(channel, gen)

    def is_current(self, ticket: Ticket | None) -> bool:
        """True unless a newer ticket was taken on the same channel."""
        if ticket is None:
            return True
        with self._gen_lock:
            return self._generations.get(ticket.channel, 0) == ticket.generation

    # frames ------------------------------------------------------------------------------
    def row_at(self, camera: str, at_us: int) -> Recording | None:
        """The usable file of `camera` that holds instant `at_us`, or None in a gap."""
        rows = [r for r in self._files(camera, at_us, at_us + 1)
                if r.start_us is not None and r.end_us is not None
                and r.start_us <= at_us < r.end_us]
        rows.sort(key=lambda r: (picture_rank(r), r.start_us))
        return rows[0] if rows else None

    def frame(self, camera: str, at_us: int, width: int = 640, ticket: Ticket | None = None,
              budget_s: float | None = None) -> PreviewFrame | None:
        """The frame on screen at `at_us` (the last one captured at or before it), scaled to
        `width`; None in a gap, for an unreadable file, or when `ticket` went stale.

        With `budget_s`, a decode deep into a long GOP stops when the time is up and returns the
        last frame it reached (`complete` False); asking again carries on from there."""
        return self._get(camera, at_us, width, ticket, True, budget_s)

    def thumbnail(self, camera: str, at_us: int, width: int = 160,
                  ticket: Ticket | None = None) -> PreviewFrame | None:
        """A quick picture near `at_us`: the keyframe at or before it (one frame decoded)."""
        return self._get(camera, at_us, width, ticket, False)

    def thumbnails(self, camera: str, start_us: int, end_us: int, count: int, width: int = 160,
                   ticket: Ticket | None = None) -> list[PreviewFrame | None]:
        """`count` thumbnails spread evenly over [start, end) (None where there is a gap);
        stops early with what it has when `ticket` goes stale."""
        out: list[PreviewFrame | None] = []
        step = (end_us - start_us) / max(1, count)
        for i in range(max(0, count)):
            if not self.is_current(ticket):
                break
            out.append(self.thumbnail(camera, int(start_us + step * (i + 0.5)), width, ticket))
        return out

    def keyframe_at_or_after(self, camera: str, at_us: int, limit_us: int) -> int | None:
        """Capture time of the first keyframe at or after `at_us` and before `limit_us`: where a
        copy-mode cut starting at `at_us` really begins. Reads packets only (no decoding)."""
        rows = sorted((r for r in self._files(camera, at_us, limit_us)
                       if r.start_us is not None and r.end_us is not None
                       and r.end_us > at_us and not other_picture(r)),
                      key=lambda r: r.start_us)
        for row in rows:
            if row.start_us >= limit_us:
                break
            found = self._first_key(row, max(at_us, row.start_us), limit_us)
            if found is not None:
                return found
        return None

    def _first_key(self, row: Recording, at_us: int, limit_us: int) -> int | None:
        try:
            probe = FrameReader(row)
        except (av.FFmpegError, OSError, ValueError):
            return None
        try:
            probe.container.seek(max(0, probe.pts_for(at_us)), stream=probe.stream, backward=True)
            for packet in probe.container.demux(probe.stream):
                if packet.pts is None:
                    continue
                when = probe.capture_us(packet)
                if when >= limit_us:
                    return None
                if packet.is_keyframe and when >= at_us:
                    return when
        except (av.FFmpegError, OSError):
            return None
        finally:
            probe.close()
        return None

    def close(self) -> None:
        """Close every open file (the cache of decoded frames is kept)."""
        with self._decode_lock:
            for reader in self._readers.values():
                reader.close()
            self._readers.clear()
            self._used.clear()

    def let_go_of_idle(self, idle_s: float | None = None) -> int:
        """Close the files no preview has read for `idle_s` (IDLE_S when None; the decoded
        frames stay cached); the number closed. Nothing waits for a decode under way: its
        files are in use."""
        if not self._decode_lock.acquire(blocking=False):
            return 0
        try:
            now, idle_s = self._clock(), IDLE_S if idle_s is None else idle_s
            idle = [path for path in self._readers if now - self._used.get(path, now) >= idle_s]
            for path in idle:
                self._drop(path)
            return len(idle)
        finally:
            self._decode_lock.release()

    # internals ---------------------------------------------------------------------------
    def _get(self, camera, at_us, width, ticket, exact, budget_s=None) -> PreviewFrame | None:
        key = (camera, int(at_us), int(width), exact)
        with self._gen_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        with self._decode_lock:
            if not self.is_current(ticket):
                return None
            row = self.row_at(camera, at_us)
            if row is None:
                result = None
            else:
                try:
                    result = self._decode(row, at_us, width, ticket, exact, budget_s)
                except _Stale:
                    return None
                except (av.FFmpegError, OSError, ValueError, ZeroDivisionError):
                    self._drop(row.path)
                    result = None
        if result is not None and not result.complete:
            return result
        with self._gen_lock:
            self._cache[key] = result
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return result

    def _reader(self, row: Recording) -> FrameReader:
        reader = self._readers.get(row.path)
        if reader is None or reader.row != row:
            self._drop(row.path)
            reader = FrameReader(row)
            self._readers[row.path] = reader
            while len(self._readers) > self._open_files:
                oldest, old = self._readers.popitem(last=False)
                self._used.pop(oldest, None)
                old.close()
        self._readers.move_to_end(row.path)
        self._used[row.path] = self._clock()
        return reader

    def _drop(self, path: str) -> None:
        reader = self._readers.pop(path, None)
        self._used.pop(path, None)
        if reader is not None:
            reader.close()

    def _decode(self, row: Recording, at_us: int, width: int, ticket, exact: bool,
                budget_s: float | None) -> PreviewFrame | None:
        deadline = None if budget_s is None else time.monotonic() + budget_s
        reader = self._reader(row)
        decoded_before = reader.decoded
        shown = reader.shown
        # Forward inside what the decoder already holds: carry on from there, no seek.
        carry_on = (exact and shown is not None and reader.alive()
                    and 0 <= at_us - reader.capture_us(shown) < 4 * US)
        if not carry_on:
            reader.seek(at_us)
            shown = None
        complete = True
        try:
            while True:
                if not self.is_current(ticket):
                    raise _Stale()
                frame = reader.take()
                if frame is None:
                    break
                if reader.capture_us(frame) > at_us:
                    reader.pending = frame   # the next target may still want it
                    break
                shown = frame
                if not exact:
                    break
                if deadline is not None and time.monotonic() > deadline:
                    complete = False
                    break
        finally:
            reader.shown = shown
            self.decoded_frames += reader.decoded - decoded_before
        if shown is None:
            return None
        return picture(row, reader.capture_us(shown), shown, width, complete)


class _Stale(Exception):
    pass
