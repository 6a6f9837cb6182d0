"""A Hikvision camera's SD card, written for tests: real MPEG-PS footage in ring files and an
`index00.bin` built from the public description of the format.

The index layout follows the parsers docs/nvr-layouts.md names (aloz77/hiktools
`extract_video.c`'s structs: a 1280-byte header, 32-byte file records, 256 slots of 80 bytes per
ring file; akjlshfb/Hikvision_dashcam_format `docs/index.md`: segRecNums is count - 1 and the
end offset is exclusive) with the field values seen in the sample index of
yrambler2001/hikvision-ezviz-sdcard-video-extractor (`examples/exampleV2.zip`): version 2,
segment type 13, times as the camera's wall clock written as if UTC with microseconds in the
high word, a 45 kHz stream clock, recordings 4 KiB-aligned in the ring file, stale slots after
the valid ones, the file being written named in the header's curFileRec slot while its own file
record still holds the previous cycle, and its newest slot open (end 0). The footage is an
MPEG-2 program stream (H.264 video) written with PyAV, drawn by demo.samples, so every frame
carries its capture time as a barcode.
"""
from __future__ import annotations

import sqlite3
import struct
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import av

from agent.timebase import US, to_datetime, zone
from demo.samples import ClipSpec, write_clip

HEADER, FILE_RECORD, SEGMENT, SLOTS = 1280, 32, 80, 256
ALIGN = 4096
RING_BYTES = 4 << 20     # a real card preallocates 256 MiB per file; small is enough here
TYPE = 13                # the segment type every sample slot holds


@dataclass(frozen=True)
class Recording:
    """One recording to put on the card: its true UTC start, length, and ring file."""

    start_us: int
    seconds: float
    file_no: int
    overwritten: bool = False   # listed in the index, but its bytes were reused since
    open: bool = False          # the camera was still recording it (end 0 in the index)


@dataclass(frozen=True)
class Written:
    """Where a recording landed: its ring file, byte range and the times the index gives."""

    recording: Recording
    ring: Path
    byte_start: int
    byte_end: int
    slot: int


@dataclass
class _Ring:
    data: bytearray = field(default_factory=lambda: bytearray(RING_BYTES))
    used: int = 0
    slots: list = field(default_factory=list)


def _wall_seconds(us: int, zone_name: str) -> tuple[int, int]:
    """The camera's wall clock at `us`, written as if it were UTC: (seconds, microseconds)."""
    local = to_datetime(us).astimezone(zone(zone_name)).replace(tzinfo=None)
    delta = local - datetime(1970, 1, 1)
    return delta.days * 86400 + delta.seconds, delta.microseconds


def _ps_clip(rec: Recording, folder: Path, n: int, **clip) -> tuple[bytes, int, int]:
    """MPEG-PS bytes of one recording and its first and last video PTS on the 45 kHz clock."""
    path = write_clip(ClipSpec(path=folder / f"seg{n}.vob", start_us=rec.start_us,
                               seconds=rec.seconds, **clip))
    with av.open(str(path), format="mpeg") as c:
        pts = [p.pts for p in c.demux(video=0) if p.pts is not None]
    return path.read_bytes(), min(pts) // 2, max(pts) // 2


def write_card(root: Path, recordings: list[Recording], zone_name: str = "UTC", files: int = 3,
               current: int | None = None, channel: int = 1, sqlite: bool = False,
               in_order_given: bool = False, **clip) -> list[Written]:
    """Write `root/datadir0/` with `files` ring files, the recordings in them, and index00.bin
    (plus its copy index01.bin), or with `sqlite` newer firmware's record_db_index00 instead.
    `current` is the ring file being written (default: the last one used). Each file's
    recordings are written in time order, or with `in_order_given` in the order given (a
    camera whose clock was set back while it wrote the file). Returns where each recording
    landed."""
    datadir = root / "datadir0"
    datadir.mkdir(parents=True, exist_ok=True)
    rings = [_Ring() for _ in range(files)]
    written = []
    clip = {"fps": 10, "gop_s": 1.0, **clip}
    with tempfile.TemporaryDirectory() as tmp:
        order = (lambda r: r.file_no) if in_order_given else (lambda r: (r.file_no, r.start_us))
        for n, rec in enumerate(sorted(recordings, key=order)):
            ring = rings[rec.file_no]
            data, first_pts, last_pts = _ps_clip(rec, Path(tmp), n, **clip)
            at = -(-ring.used // ALIGN) * ALIGN
            if not rec.overwritten:
                ring.data[at:at + len(data)] = data
            ring.used = at + len(data)
            ring.slots.append((rec, at, at + len(data), first_pts, last_pts))
            written.append(Written(rec, datadir / f"hiv{rec.file_no:05d}.mp4", at, at + len(data),
                                   len(ring.slots) - 1))
    current = max(r.file_no for r in recordings) if current is None else current
    for i, ring in enumerate(rings):
        (datadir / f"hiv{i:05d}.mp4").write_bytes(bytes(ring.data))
    if sqlite:
        _sqlite_index(datadir / "record_db_index00", written, zone_name)
        return written
    index = _index(rings, zone_name, current, channel)
    (datadir / "index00.bin").write_bytes(index)
    (datadir / "index01.bin").write_bytes(index)
    return written


def _sqlite_index(path: Path, written: list[Written], zone_name: str) -> None:
    """record_db_index00 as bkbilly/libHikvision reads it: one record_segment_idx_tb row per
    recording (whole seconds), record_type 0 for an empty row."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE record_segment_idx_tb (file_no INTEGER, start_offset INTEGER, "
                   "end_offset INTEGER, start_time_tv_sec INTEGER, end_time_tv_sec INTEGER, "
                   "record_type INTEGER)")
        db.execute("INSERT INTO record_segment_idx_tb VALUES (0, 0, 0, 0, 0, 0)")
        for w in written:
            rec = w.recording
            s = _wall_seconds(rec.start_us, zone_name)[0]
            e = _wall_seconds(rec.start_us + round(rec.seconds * US), zone_name)[0]
            db.execute("INSERT INTO record_segment_idx_tb VALUES (?,?,?,?,?,?)",
                       (rec.file_no, w.byte_start, 0 if rec.open else w.byte_end, s,
                        0 if rec.open else e, TYPE))
        db.commit()


def _index(rings: list[_Ring], zone_name: str, current: int, channel: int) -> bytes:
    files = len(rings)
    out = bytearray(HEADER + files * FILE_RECORD + files * SLOTS * SEGMENT)
    nxt = (current + 1) % files
    struct.pack_into("<QIIII", out, 0, 482_619, 2, files, nxt, current)
    for k in range(49):   # curFileRec: unused slots start FF FF
        struct.pack_into("<H", out, 24 + k * 24, 0xFFFF)
    base = HEADER + files * FILE_RECORD
    for i, ring in enumerate(rings):
        record = HEADER + i * FILE_RECORD
        if not ring.slots:
            struct.pack_into("<IH", out, record, i, 0xFFFF)
            continue
        first, last = ring.slots[0][0], ring.slots[-1][0]
        f_start = _wall_seconds(first.start_us, zone_name)[0]
        f_end = _wall_seconds(last.start_us + round(last.seconds * US), zone_name)[0]
        if i == current:
            # The file record keeps its previous cycle (a month earlier); the header says now.
            struct.pack_into("<IHHII", out, record, i, channel, 3, f_start - 30 * 86400,
                             f_end - 30 * 86400)
            struct.pack_into("<HHIIIII", out, 24 + channel * 24, i, len(ring.slots) - 1,
                             f_start, f_end, 0, 1, 0)
        else:
            struct.pack_into("<IHHII", out, record, i, channel, len(ring.slots) - 1, f_start, f_end)
        out[record + 24] = 1
        for j, (rec, b_start, b_end, first_pts, last_pts) in enumerate(ring.slots):
            _slot(out, base + (i * SLOTS + j) * SEGMENT, rec, zone_name, b_start, b_end,
                  first_pts, last_pts)
        # A stale slot from the previous cycle, past the valid ones: to be ignored.
        stale = Recording(first.start_us - 30 * 86400 * US, 5.0, i)
        _slot(out, base + (i * SLOTS + len(ring.slots)) * SEGMENT, stale, zone_name,
              RING_BYTES // 2, RING_BYTES // 2 + 100_000, 0, 225_000)
    return bytes(out)


def _slot(out: bytearray, at: int, rec: Recording, zone_name: str, b_start: int, b_end: int,
          first_pts: int, last_pts: int) -> None:
    s, s_us = _wall_seconds(rec.start_us, zone_name)
    e, e_us = _wall_seconds(rec.start_us + round(rec.seconds * US), zone_name)
    if rec.open:
        e = e_us = b_end = 0
    struct.pack_into("<BBHI", out, at, TYPE, 0, 0x0185, 0x62)
    struct.pack_into("<IIIIIIIIII", out, at + 8, s, s_us, e, e_us, s, s_us,
                     first_pts & 0xFFFFFFFF, last_pts & 0xFFFFFFFF, b_start, b_end)
    out[at + 48:at + 52] = bytes((5, 1, 1, 4))
    struct.pack_into("<I", out, at + 52, 0)
    out[at + 56] = 1
    struct.pack_into("<IIII", out, at + 64, s, e, 0x1000_0000, 0x0FFF_0000)
