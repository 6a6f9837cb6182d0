"""H.264 reference continuity: a reference picture missing from a stream shows as a gap in
frame_num, read from each picture's slice header without decoding anything.

FFmpeg's H.264 decoder hides such a gap (it invents the missing picture and carries on without
an error or a corrupt flag), so decoding alone would pass a clip that lost a P-frame. The
rule (H.264 7.4.3): unless the SPS allows gaps, a picture's frame_num is either the previous
reference picture's or the one after it (modulo MaxFrameNum); an IDR picture starts again at 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_HIGH = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}


class _Bits:
    def __init__(self, nal: bytes):
        self.data = _unescape(nal[1:])
        self.pos = 0

    def u(self, n: int) -> int:
        value = 0
        for _ in range(n):
            byte = self.data[self.pos >> 3]  # IndexError past the end: caught by the caller
            value = (value << 1) | ((byte >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("an Exp-Golomb code longer than 32 bits")
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k & 1 else -(k // 2)


def _unescape(data: bytes) -> bytes:
    """RBSP bytes: emulation prevention bytes (00 00 03) taken out."""
    if b"\0\0\3" not in data:
        return data
    out, i = bytearray(), 0
    while True:
        j = data.find(b"\0\0\3", i)
        if j < 0:
            return bytes(out + data[i:])
        out += data[i:j + 2]
        i = j + 3


@dataclass(frozen=True)
class _Sps:
    log2_max_frame_num: int
    separate_colour_plane: bool
    gaps_allowed: bool


def _sps(nal: bytes) -> tuple[int, _Sps]:
    b = _Bits(nal)
    profile = b.u(8)
    b.u(16)
    sps_id = b.ue()
    separate = False
    if profile in _HIGH:
        chroma = b.ue()
        if chroma == 3:
            separate = bool(b.u(1))
        b.ue(), b.ue(), b.u(1)
        if b.u(1):  # scaling matrices: skipped, but they must be read past
            for i in range(8 if chroma != 3 else 12):
                if b.u(1):
                    last = nxt = 8
                    for _ in range(16 if i < 6 else 64):
                        if nxt:
                            nxt = (last + b.se() + 256) % 256
                        last = nxt or last
    log2_frame = b.ue() + 4
    poc_type = b.ue()
    if poc_type == 0:
        b.ue()
    elif poc_type == 1:
        b.u(1), b.se(), b.se()
        for _ in range(b.ue()):
            b.se()
    b.ue()
    return sps_id, _Sps(log2_frame, separate, bool(b.u(1)))


@dataclass
class FrameNums:
    """Follows one H.264 stream in decode order; `gaps` counts missing reference pictures."""

    sps: dict[int, _Sps] = field(default_factory=dict)
    pps: dict[int, int] = field(default_factory=dict)
    prev_ref: int | None = None
    gaps: int = 0
    unreadable: int = 0

    def reset(self) -> None:
        """A new run: the next picture must start it (nothing before it is known)."""
        self.prev_ref = None

    def take(self, sample: bytes) -> None:
        """One access unit (NAL units with 4-byte lengths, as MP4 stores them)."""
        try:
            pos = 0
            while pos + 4 <= len(sample):
                size = int.from_bytes(sample[pos:pos + 4], "big")
                kind = sample[pos + 4] & 0x1F
                if kind in (1, 5):  # the first slice speaks for the picture
                    self._slice(sample[pos + 4:pos + 4 + min(size, 64)], kind == 5)
                    return
                if kind in (7, 8):
                    nal = sample[pos + 4:pos + 4 + size]
                    if kind == 7:
                        sps_id, sps = _sps(nal)
                        self.sps[sps_id] = sps
                    else:
                        b = _Bits(nal)
                        pps_id = b.ue()
                        self.pps[pps_id] = b.ue()
                pos += 4 + size
        except (IndexError, ValueError, KeyError):
            self.unreadable += 1

    def _slice(self, nal: bytes, idr: bool) -> None:
        b = _Bits(nal)
        b.ue(), b.ue()
        sps = self.sps[self.pps[b.ue()]]
        if sps.separate_colour_plane:
            b.u(2)
        num = b.u(sps.log2_max_frame_num)
        reference = (nal[0] >> 5) & 3 != 0
        if idr:
            self.prev_ref = 0 if reference else None
            return
        if self.prev_ref is not None and not sps.gaps_allowed:
            wrap = 1 << sps.log2_max_frame_num
            if num not in (self.prev_ref, (self.prev_ref + 1) % wrap):
                self.gaps += 1
        if reference:
            self.prev_ref = num
