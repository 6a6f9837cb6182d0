"""Recordings in the containers recorders write that FFmpeg cannot: MPEG-PS the way
Hikvision writes it (a stream map naming H.264 0x1B, H.265 0x24 or G.711 A-law 0x90; each
frame split over several PES packets, only the first carrying its time) and Dahua's .dav
(DHAV frames with the wall-clock second and a millisecond counter).

The pictures and sound are real: frames encoded with PyAV (demo.samples, each
with its capture-time barcode) and G.711 made by PyAV; only the container framing is written
here, from the formats' public descriptions (ISO/IEC 13818-1 for PS; FFmpeg's dhav demuxer is
the reference reader for .dav).
"""
from __future__ import annotations

import struct
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from demo.samples import ClipSpec, write_clip

_PES_PAYLOAD = 4000       # small PES packets: a frame spans several, as Hikvision's do


@dataclass(frozen=True)
class Frame:
    data: bytes          # Annex B access unit (parameter sets in front of keyframes)
    key: bool
    pts_ms: int          # from the first frame


def annexb_frames(spec: ClipSpec) -> list[Frame]:
    """Encode `spec` with PyAV and return its frames as Annex B access units."""
    path = write_clip(spec)
    out = []
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        name = stream.codec_context.name
        bsf = av.BitStreamFilterContext(f"{name}_mp4toannexb", stream)
        packets = [p for p in c.demux(stream) if p.size]
        base = packets[0].pts
        for pkt in packets:
            for made in bsf.filter(pkt):
                out.append(Frame(bytes(made), made.is_keyframe,
                                 round((made.pts - base) * stream.time_base * 1000)))
    return out


def alaw_chunks(seconds: float, rate: int = 8000, chunk: int = 160) -> list[bytes]:
    """G.711 A-law of a 440 Hz tone, in 20 ms chunks (what cameras send)."""
    n = int(seconds * rate)
    tone = (np.sin(2 * np.pi * 440 * np.arange(n) / rate) * 8000).astype(np.int16)
    enc = av.CodecContext.create("pcm_alaw", "w")
    enc.sample_rate, enc.layout, enc.format = rate, "mono", "s16"
    enc.time_base = Fraction(1, rate)
    data = b""
    for start in range(0, n, chunk):
        frame = av.AudioFrame.from_ndarray(tone[None, start:start + chunk], format="s16",
                                           layout="mono")
        frame.sample_rate, frame.pts = rate, start
        data += b"".join(bytes(p) for p in enc.encode(frame))
    return [data[i:i + chunk] for i in range(0, len(data), chunk)]


# --- MPEG-PS ------------------------------------------------------------------------------

def _pack_header(scr: int) -> bytes:
    b = bytes([0x44 | ((scr >> 27) & 0x38) | ((scr >> 28) & 0x03), (scr >> 20) & 0xFF,
               (((scr >> 15) & 0x1F) << 3) | 0x04 | ((scr >> 13) & 0x03), (scr >> 5) & 0xFF,
               ((scr & 0x1F) << 3) | 0x04, 0x01])
    rate = (0x3FFF << 2) | 3
    return b"\0\0\1\xba" + b + rate.to_bytes(3, "big") + b"\xf8"


def _psm(entries: list[tuple[int, int]]) -> bytes:
    es_map = b"".join(bytes([kind, es_id]) + b"\0\0" for kind, es_id in entries)
    body = b"\xe0\xff" + b"\0\0" + len(es_map).to_bytes(2, "big") + es_map + b"\0\0\0\0"
    return b"\0\0\1\xbc" + len(body).to_bytes(2, "big") + body


def _pts(pts: int) -> bytes:
    return bytes([0x21 | ((pts >> 29) & 0x0E), (pts >> 22) & 0xFF, ((pts >> 14) & 0xFE) | 1,
                  (pts >> 7) & 0xFF, ((pts << 1) & 0xFE) | 1])


def _pes(stream_id: int, payload: bytes, pts: int | None) -> bytes:
    header = b"\x80\x80\x05" + _pts(pts) if pts is not None else b"\x80\x00\x00"
    body = header + payload
    return b"\0\0\1" + bytes([stream_id]) + len(body).to_bytes(2, "big") + body


def write_ps(path: Path, frames: list[Frame], codec: str, audio: list[bytes] = (),
             untimed: tuple[int, ...] = ()) -> Path:
    """A Hikvision-style program stream: PSM at each keyframe, frames over several PES; the
    frames numbered in `untimed` carry no time at all (recorders do that)."""
    video_type = {"h264": 0x1B, "hevc": 0x24}[codec]
    entries = [(video_type, 0xE0)] + ([(0x90, 0xC0)] if audio else [])
    out = bytearray()
    chunks = iter(enumerate(audio))
    pending = next(chunks, None)
    for n, frame in enumerate(frames):
        pts = 90_000 + frame.pts_ms * 90
        out += _pack_header(pts)
        if frame.key:
            out += _psm(entries)
        for i in range(0, len(frame.data), _PES_PAYLOAD):
            timed = i == 0 and n not in untimed
            out += _pes(0xE0, frame.data[i:i + _PES_PAYLOAD], pts if timed else None)
        while pending is not None and pending[0] * 20 <= frame.pts_ms + 80:
            out += _pes(0xC0, pending[1], 90_000 + pending[0] * 20 * 90)
            pending = next(chunks, None)
    out += b"\0\0\1\xb9"  # program end
    path.write_bytes(bytes(out))
    return path


# --- Dahua .dav ---------------------------------------------------------------------------

def _date(epoch_s: int) -> int:
    t = time.gmtime(epoch_s)
    return (t.tm_sec | t.tm_min << 6 | t.tm_hour << 12 | t.tm_mday << 17 | t.tm_mon << 22
            | (t.tm_year - 2000) << 26)


def _dhav(kind: int, number: int, epoch_ms: int, ext: bytes, payload: bytes) -> bytes:
    length = 24 + len(ext) + len(payload) + 8
    head = b"DHAV" + bytes([kind, 0, 0, 0]) + struct.pack(
        "<III", number, length, _date(epoch_ms // 1000)) + struct.pack(
        "<HBB", epoch_ms % 65535, len(ext), 0)
    return head + ext + payload + b"dhav" + struct.pack("<I", length)


def write_dav(path: Path, frames: list[Frame], codec: str, start_ms: int, fps: int,
              width: int, height: int, audio: list[bytes] = ()) -> Path:
    """A .dav recording: keyframes (0xFD) say the codec, rate and size; P-frames are 0xFC;
    G.711 A-law sound (0xF0) in 20 ms frames. `start_ms` is the first frame's wall clock."""
    video_codec = {"h264": 0x02, "hevc": 0x0C, "mjpeg": 0x03}[codec]
    out = bytearray()
    chunks = iter(enumerate(audio))
    pending = next(chunks, None)
    for n, frame in enumerate(frames):
        at = start_ms + frame.pts_ms
        ext = (bytes([0x81, 0, video_codec, fps]) + bytes([0x82, 0, 0, 0])
               + struct.pack("<HH", width, height)) if frame.key else b""
        out += _dhav(0xFD if frame.key else 0xFC, n, at, ext, frame.data)
        while pending is not None and pending[0] * 20 <= frame.pts_ms + 80:
            out += _dhav(0xF0, pending[0], start_ms + pending[0] * 20,
                         bytes([0x83, 1, 0x0E, 0]), pending[1])
            pending = next(chunks, None)
    path.write_bytes(bytes(out))
    return path


def bframes_clip(path: Path, start_us: int, encoder: str, seconds: float = 6.0) -> Path:
    """A file with B-frames: x264 with closed GOPs, or x265 with open GOPs (CRA keyframes
    whose leading pictures refer to the GOP before), each frame with its barcode."""
    bframes = 2 if encoder == "libx264" else 3
    return write_clip(ClipSpec(path, start_us, seconds, encoder=encoder, bframes=bframes))
