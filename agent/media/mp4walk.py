"""The walk over an MP4/MOV file's top-level boxes (ISO/IEC 14496-12, QuickTime), and what it
keeps for mp4box to describe.

The walk hops from box header to box header, skips `mdat` without touching it and reads `moov`
in one piece, so a normal file costs two or three small reads.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Callable

from frp.mp4atoms import Malformed, moof_runs, sidx

Reader = Callable[[int, int], bytes]

_CHUNK = 4096                      # one page: covers ftyp/free/mdat headers, or a small moov
_MAX_MOOV = 256 << 20              # larger than any real index; refuse rather than eat memory
_TOP = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"moof", b"mfra", b"styp",
        b"sidx", b"uuid", b"pnot", b"meta", b"junk", b"pdin", b"emsg", b"prft"}


@dataclass
class _Walking:
    # Filled in box by box; handed on frozen as a Walk.
    brand: bytes = b""
    moov: bytes | None = None
    moov_cut: bool = False
    mdat: bool = False
    mdat_cut: bool = False
    broken_at: int | None = None
    truncated: bool = False
    sidx: tuple[int, int] | None = None
    runs: list = field(default_factory=list)


@dataclass(frozen=True)
class Walk:
    """What the walk found: the brand, moov's bytes, whether media (mdat) was met, and how and
    where the file ends early (moov or mdat cut off, the box structure broken at a byte, the
    last box truncated)."""

    brand: bytes
    moov: bytes | None
    moov_cut: bool
    mdat: bool
    mdat_cut: bool
    broken_at: int | None
    truncated: bool
    sidx: tuple[int, int] | None   # (timescale, total duration) of a segment index
    runs: tuple                    # fragment runs whose mdat is complete (mp4atoms.moof_runs)


def looks_like_mp4(head: bytes) -> bool:
    """True when the first bytes are an MP4/MOV box header (whatever the file is named)."""
    if len(head) < 8 or head[4:8] not in _TOP:
        return False
    size = int.from_bytes(head[:4], "big")
    return size in (0, 1) or size >= 8


def walk_boxes(read_at: Reader, size: int) -> Walk:
    """Hop over the top-level boxes, keeping moov and the fragment headers."""
    w = _Walking()
    pending: list = []
    cache_at, cache = 0, read_at(0, min(size, _CHUNK))

    def get(start: int, length: int) -> bytes:
        if cache_at <= start and start + length <= cache_at + len(cache):
            return cache[start - cache_at:start + length - cache_at]
        return read_at(start, length)

    pos = 0
    while pos < size:
        if not (cache_at <= pos and pos + 16 <= cache_at + len(cache)):
            cache_at, cache = pos, read_at(pos, min(size - pos, _CHUNK))
        hdr = cache[pos - cache_at:pos - cache_at + 16]
        if len(hdr) < 8:
            w.truncated = True
            break
        box_size, kind = struct.unpack_from(">I4s", hdr)
        head_len = 8
        if box_size == 1:
            if len(hdr) < 16:
                w.truncated = True
                break
            box_size, head_len = struct.unpack_from(">Q", hdr, 8)[0], 16
        if box_size == 0:   # size 0, or a largesize never patched: the box runs to the end
            box_size = size - pos
        if box_size < head_len or not _fourcc_ok(kind):
            w.broken_at = pos
            break
        end = pos + box_size
        complete = end <= size
        body_at, body_len = pos + head_len, box_size - head_len
        if kind == b"moov":
            if not complete:
                w.moov_cut = True
                break
            if body_len > _MAX_MOOV:
                raise Malformed("its index box claims to be larger than any real recording's")
            w.moov = get(body_at, body_len)
            if len(w.moov) < body_len:   # the file shrank under us
                w.moov, w.moov_cut = None, True
                break
        elif kind == b"ftyp":
            w.brand = get(body_at, 4)
        elif kind == b"moof" and complete and body_len <= _MAX_MOOV:
            pending.extend(moof_runs(get(body_at, body_len)))
        elif kind == b"sidx" and complete and body_len <= _MAX_MOOV and w.sidx is None:
            w.sidx = sidx(get(body_at, body_len))
        elif kind == b"mdat":
            w.mdat = True
            if complete:
                w.runs.extend(pending)
                pending = []
            else:
                w.mdat_cut = True
        if not complete:
            w.truncated = True
            break
        pos = end
    return Walk(**{**vars(w), "runs": tuple(w.runs)})


def _fourcc_ok(kind: bytes) -> bool:
    return all(32 <= c < 127 for c in kind)
