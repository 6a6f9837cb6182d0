"""Hikvision (EZVIZ, Annke) SD-card index: which recordings each ring file holds.

A Hikvision camera records into preallocated ring files `datadir<N>/hiv<NNNNN>.mp4` (MPEG-PS,
whatever the extension says) and lists every recorded segment in `index00.bin` beside them
(`index01.bin` is a copy). There is no vendor specification; the layout here is the one every
public parser agrees on (aloz77/hiktools `extract_video.c`, davehope/libHikvision,
bkbilly/libHikvision, yrambler2001/hikvision-ezviz-sdcard-video-extractor `lib.js`,
jsfwa/hikvision-archive-parser; akjlshfb/Hikvision_dashcam_format `docs/index.md` for the slot
count and the exclusive end), checked against the 16 MiB sample index in yrambler2001's
`examples/exampleV2.zip`. All little-endian:

  header   1280 bytes: u64 modifyTimes, u32 version, u32 avFiles, u32 nextFileRecNo,
           u32 lastFileRecNo, 49 x 24-byte curFileRec slots (the file being written:
           u16 fileNo, u16 last segment index, u32 start, u32 end; unused slots FF FF), ...
  files    avFiles x 32 bytes: u32 fileNo, u16 chan (0xFFFF: unused), u16 segRecNums (the
           index of the last valid segment: count - 1), u32 start, u32 end, ...
  segments avFiles x 256 x 80 bytes, slot [file i][segment j] at (i * 256 + j) * 80: u8 type
           (0: empty), ..., start at +8 and end at +16 as u32 seconds + u32 microseconds
           (end 0: still recording), u32 firstKeyFrame_stdTime at +32, u32 lastFrame_stdTime
           at +36 (a 45 kHz stream clock), u32 startOffset at +40, u32 endOffset at +44
           (exclusive; 0 while recording).

Times are the camera's wall clock written as if it were UTC (every parser reads them with
gmtime/utcfromtimestamp): a naive local time, placed with the source's zone like a name.

Newer firmware keeps the same facts in SQLite instead (`record_db_index00`, table
`record_segment_idx_tb`: file_no, start_offset, end_offset, start_time_tv_sec, end_time_tv_sec,
record_type, 0 for an empty row; bkbilly/libHikvision and its Go port read it so), in whole
seconds and without a channel.

Ring buffers leave stale slots: a reused file rewrites only its first slots, and the file being
written keeps its previous cycle's file record. So only slots 0..segRecNums count, the file being
written is read from the header's slot, and a slot must keep times and offsets in order and
inside its file's range (its times may go back by up to an hour: the night the clocks go back;
a slot after that in its file is marked `repeated`, the second pass of the repeated hour). A
slot further back, its bytes going on, is the camera's clock set back (reset by a power cut),
and a file record ending before it starts no longer bounds its slots: their recordings are
listed by the clock that wrote them, not left out. Whether a slot's bytes still hold its recording is for the reader of
the ring file to check (they start with an MPEG-PS pack header, 00 00 01 BA).
"""
from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from agent.sqlite_uris import read_only_uri

HEADER = 1280
FILE_RECORD = 32
SEGMENT = 80
SLOTS = 256
_CURRENT_SLOTS = 49
_UNUSED = 0xFFFF
_U32 = 1 << 32
_EPOCH = datetime(1970, 1, 1)
PS_PACK = b"\x00\x00\x01\xba"
# The night the clocks go back, the camera's wall clock repeats up to an hour: a slot may start
# (or end) that much before the one recorded before it, its byte offsets still in order.
_BACK_S = 3600


class RingIndexError(ValueError):
    """index00.bin cannot be read as a Hikvision index; the message says why."""


@dataclass(frozen=True)
class Segment:
    """One recording inside a ring file, as index00.bin lists it."""

    file_no: int          # the ring file: hiv<file_no:05d>.mp4
    slot: int
    channel: int
    start: datetime       # naive camera wall time
    end: datetime | None  # None: still being recorded (or cut off) when the card was read
    byte_start: int
    byte_end: int | None  # exclusive; None with end None
    kind: int             # the raw type byte (no public code table: kept as written)
    repeated: bool = False   # recorded after its file's wall clock went back (a later slot
                             # starts before an earlier one's time): the repeated hour's second pass

    @property
    def ring_name(self) -> str:
        return f"hiv{self.file_no:05d}.mp4"


@dataclass(frozen=True)
class RingIndex:
    """What one index00.bin says: its version, and the segments it lists, in file order."""

    version: int
    files: int
    segments: tuple[Segment, ...]
    skipped: int          # slots in the valid range that broke the ordering rules


def _wall(seconds: int, micros: int = 0) -> datetime:
    return _EPOCH + timedelta(seconds=seconds, microseconds=micros if micros < 1_000_000 else 0)


def read_index(data: bytes) -> RingIndex:
    """Parse an index00.bin image; RingIndexError when it is not one (too short, absurd counts)."""
    if len(data) < HEADER:
        raise RingIndexError(f"it is {len(data)} bytes, shorter than the {HEADER}-byte header")
    version, files, _next, _last = struct.unpack_from("<IIII", data, 8)
    if not 0 < files <= 100_000:
        raise RingIndexError(f"it claims {files} ring files")
    need = HEADER + files * FILE_RECORD + files * SLOTS * SEGMENT
    if len(data) < need:
        raise RingIndexError(f"it is {len(data)} bytes; {files} ring files need {need}")
    current = _current_files(data)
    segments: list[Segment] = []
    skipped = 0
    base = HEADER + files * FILE_RECORD
    for i in range(files):
        file_no, chan, last, f_start, f_end = struct.unpack_from("<IHHII", data, HEADER + i * FILE_RECORD)
        if i in current:   # its file record is still the previous cycle's
            chan_slot, last, f_start, f_end = current[i]
            chan = chan if chan != _UNUSED else chan_slot
        elif chan == _UNUSED:
            continue
        got, bad = _segments(data, base + i * SLOTS * SEGMENT, i, chan, last, f_start, f_end,
                             writing=i in current)
        segments.extend(got)
        skipped += bad
    return RingIndex(version, files, tuple(segments), skipped)


def read_sqlite_index(path: Path) -> RingIndex:
    """Read a `record_db_index00` database (opened read-only and immutable: SQLite writes
    nothing beside it); RingIndexError when it is not one."""
    uri = read_only_uri(Path(path).absolute(), immutable=True)
    try:
        with closing(sqlite3.connect(uri, uri=True)) as db:
            rows = db.execute("SELECT file_no, start_offset, end_offset, start_time_tv_sec, "
                              "end_time_tv_sec, record_type FROM record_segment_idx_tb "
                              "WHERE record_type != 0 ORDER BY file_no, start_offset").fetchall()
    except sqlite3.Error as exc:
        raise RingIndexError(f"it is not a Hikvision index database ({exc})") from None
    segments, skipped, slots = [], 0, {}
    latest: dict[int, int] = {}   # the latest wall time a row of each file was recorded at
    for file_no, b_start, b_end, s, e, kind in rows:
        if not _sane_row(file_no, b_start, b_end, s, e, kind):
            skipped += 1
            continue
        open_row = e == 0 and b_end == 0
        if not open_row and (e < s - _BACK_S or b_end <= b_start):
            skipped += 1
            continue
        slot = slots[file_no] = slots.get(file_no, -1) + 1
        was = latest.get(file_no, 0)   # further back than an hour: a clock set back, not DST
        segments.append(Segment(file_no, slot, 1, _wall(s), None if open_row else _wall(e),
                                b_start, None if open_row else b_end, int(kind),
                                was - _BACK_S <= s < was))
        latest[file_no] = max(latest.get(file_no, 0), s, e)
    return RingIndex(0, len(slots), tuple(segments), skipped)


def _sane_row(file_no, b_start, b_end, s, e, kind) -> bool:
    """Whole numbers where the table's columns say so (SQLite keeps whatever a row was given),
    and times a camera's clock can write: the same 32-bit seconds as index00.bin, so a broken
    row never becomes a date past any calendar."""
    values = (file_no, b_start, b_end, s, e, kind)
    return (all(isinstance(v, int) and not isinstance(v, bool) for v in values)
            and all(v >= 0 for v in (file_no, b_start, b_end, s, e))
            and 0 < s < _U32 and e < _U32 and kind < _U32)


def _current_files(data: bytes) -> dict[int, tuple[int, int, int, int]]:
    """file index -> (channel, last slot, start, end) from the header's curFileRec slots.

    One slot per channel (slot k for channel k in the sample, which has one channel)."""
    out = {}
    for k in range(_CURRENT_SLOTS):
        file_no, last, start, end = struct.unpack_from("<HHII", data, 24 + k * 24)
        if file_no != _UNUSED:
            out[file_no] = (k, last, start, end)
    return out


def _segments(data: bytes, at: int, file_index: int, chan: int, last: int, f_start: int,
              f_end: int, writing: bool) -> tuple[list[Segment], int]:
    out: list[Segment] = []
    bad = 0
    prev_start = prev_offset = -1
    latest = 0   # the latest wall time a slot of this file was recorded at
    # A file record ending before it starts: the camera's clock was set back (reset by a power
    # cut, to 2000 or 1970) while it wrote the file, so its range says nothing of its slots'.
    set_back = f_end < f_start - _BACK_S
    for j in range(min(last, SLOTS - 1) + 1):
        o = at + j * SEGMENT
        kind = data[o]
        s, s_us, e, e_us = struct.unpack_from("<IIII", data, o + 8)
        b_start, b_end = struct.unpack_from("<II", data, o + 40)
        if kind == 0 or s == 0:
            continue
        open_slot = e == 0 and b_end == 0
        if open_slot and not (writing and j == last):
            bad += 1   # only the newest slot of the file being written may still be open
            continue
        in_range = set_back or (f_start - _BACK_S <= s and (open_slot or e <= f_end + _BACK_S
                                                            or writing))
        # Further back than the clocks ever go, its bytes going on: the clock was set back.
        reset = s < prev_start - _BACK_S and b_start >= prev_offset >= 0
        ordered = (s >= prev_start - _BACK_S or reset) and b_start >= prev_offset
        if not open_slot and (e < s - _BACK_S or b_end <= b_start):
            bad += 1
            continue
        if not (in_range and ordered):
            bad += 1
            continue
        if reset:
            latest = 0   # a new clock: not the repeated hour's second pass
        prev_start, prev_offset = s, b_start
        out.append(Segment(file_index, j, chan, _wall(s, s_us),
                           None if open_slot else _wall(e, e_us), b_start,
                           None if open_slot else b_end, kind, s < latest))
        latest = max(latest, s, e)
    return out, bad
