"""NAL units and parameter sets: how H.264/H.265 packets are framed, and the SPS/PPS (VPS)
every keyframe needs when one output stream holds GOPs from different encoders.

A camera's encoder writes parameter sets that no re-encode will reproduce, so each keyframe in
a joined stream carries the parameter sets of the encoder that made it (avc3/hev1 style).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from agent.export.progress import CutError

EOS = bytes([36 << 1, 1])  # HEVC end-of-sequence NAL: the next IRAP starts afresh
PARAM_TYPES = _PARAMS = {"h264": {7, 8, 13}, "hevc": {32, 33, 34}}
_AUD = {"h264": 9, "hevc": 35}


@dataclass(frozen=True)
class ParamSets:
    """How one stream frames its NAL units, and the parameter sets its keyframes need."""

    codec: str                  # "h264" | "hevc"
    length_size: int            # bytes in each NAL length prefix; 0 = Annex B start codes
    nals: tuple[bytes, ...]     # SPS/PPS (VPS first for HEVC), in decoding order
    extradata: bytes


def param_sets(codec: str, extradata: bytes | None) -> ParamSets:
    """Parse avcC/hvcC (or Annex B) extradata; a damaged header is a CutError."""
    data = bytes(extradata or b"")
    if codec not in _PARAMS:  # MJPEG and other intra-only codecs: no NAL units to manage
        return ParamSets(codec, 0, (), data)
    if not data or data.startswith((b"\0\0\1", b"\0\0\0\1")):
        return ParamSets(codec, 0, tuple(split_nals(data, 0)), data)
    try:
        if codec == "h264":
            pos, nals = 6, []
            pos = _read_list(data, pos, data[5] & 0x1F, nals)
            _read_list(data, pos + 1, data[pos], nals)
            return ParamSets(codec, (data[4] & 3) + 1, tuple(nals), data)
        pos, nals = 23, []
        for _ in range(data[22]):
            pos = _read_list(data, pos + 3, struct.unpack_from(">H", data, pos + 1)[0], nals)
        return ParamSets(codec, (data[21] & 3) + 1, tuple(nals), data)
    except (IndexError, struct.error):
        raise CutError("a recording's codec header (SPS/PPS) is damaged") from None


def _read_list(data: bytes, pos: int, count: int, into: list) -> int:
    for _ in range(count):
        size = struct.unpack_from(">H", data, pos)[0]
        if pos + 2 + size > len(data):
            raise IndexError("parameter set runs past the header")
        into.append(data[pos + 2:pos + 2 + size])
        pos += 2 + size
    return pos


def split_nals(data: bytes, length_size: int) -> list[bytes]:
    """NAL units of one packet (length-prefixed, or Annex B when length_size is 0)."""
    nals = []
    if length_size:
        pos = 0
        while pos + length_size <= len(data):
            size = int.from_bytes(data[pos:pos + length_size], "big")
            pos += length_size
            nals.append(data[pos:pos + size])
            pos += size
        return nals
    starts, pos = [], data.find(b"\0\0\1")
    while pos >= 0:
        starts.append(pos + 3)
        pos = data.find(b"\0\0\1", pos + 3)
    for i, begin in enumerate(starts):
        end = starts[i + 1] - 3 if i + 1 < len(starts) else len(data)
        nals.append(data[begin:end].rstrip(b"\0"))
    return [n for n in nals if n]


def join_nals(nals, length_size: int) -> bytes:
    """NAL units framed as the output expects."""
    if not length_size:
        return b"".join(b"\0\0\0\1" + n for n in nals)
    return b"".join(len(n).to_bytes(length_size, "big") + n for n in nals)


def nal_type(codec: str, nal: bytes) -> int:
    return nal[0] & 0x1F if codec == "h264" else (nal[0] >> 1) & 0x3F


def output_extradata(params: ParamSets, inband: bool, complete: bool = False) -> bytes:
    """The stream's extradata for the output: 4-byte NAL lengths (what the output packets
    use) and, for in-band HEVC, arrays no longer marked complete (hev1 rules); with
    `complete`, every parameter-set array marked complete (hvc1's: none in the stream)."""
    data = bytearray(params.extradata)
    if params.codec not in _PARAMS or not params.length_size:
        return bytes(data)
    data[4 if params.codec == "h264" else 21] |= 3
    if (inband or complete) and params.codec == "hevc":
        pos = 23
        for _ in range(data[22]):
            if inband:
                data[pos] &= 0x7F  # array_completeness = 0: more parameter sets come in-band
            elif data[pos] & 0x3F in _PARAMS["hevc"]:
                data[pos] |= 0x80  # array_completeness = 1: all of this type are here
            count = struct.unpack_from(">H", data, pos + 1)[0]
            pos += 3
            for _ in range(count):
                pos += 2 + struct.unpack_from(">H", data, pos)[0]
    return bytes(data)


def copied_sample(packet, src: ParamSets, add_params: bool) -> tuple[bytes | None, bytes, int]:
    """A copied packet as the output stores it: NAL units with 4-byte lengths.

    Returns (the packet in that framing, or None when its bytes already are; the parameter
    sets to put in front of it, framed the same way, or b""; the byte offset they go at).
    Parameter sets are added only to a keyframe that carries none (`add_params`), after its
    access unit delimiter if it starts with one. Packets of other codecs go out as read."""
    if src.codec not in _PARAMS:
        return None, b"", 0
    framed = None if src.length_size == 4 else join_nals(split_nals(bytes(packet),
                                                                   src.length_size), 4)
    if not add_params or not src.nals:
        return framed, b"", 0
    nals = split_nals(bytes(packet) if framed is None else framed, 4)
    if any(nal_type(src.codec, n) in _PARAMS[src.codec] for n in nals):
        return framed, b"", 0
    lead = 4 + len(nals[0]) if nals and nal_type(src.codec, nals[0]) == _AUD[src.codec] else 0
    # Only parameter sets: an SEI kept in the codec header (x265 writes its settings there) is
    # no part of decoding, and the gate allows nothing else to be added to a copied packet.
    params = [n for n in src.nals if nal_type(src.codec, n) in _PARAMS[src.codec]]
    return framed, join_nals(params, 4) if params else b"", lead if params else 0
