"""Exact mode: frame-accurate cuts that re-encode only the partial GOPs, and the parameter sets
that let re-encoded and copied GOPs live in one stream.

A camera's encoder writes SPS/PPS (and VPS for H.265) that no re-encode will reproduce, so the
re-encoded GOPs carry their own parameter sets in-band and the copied GOPs carry the camera's:
every keyframe gets the parameter sets of the encoder that made it, and the sample entry says
so (avc3/hev1). Sources from one encoder (libopenh264, libx265) re-encoded with another (libx264,
libkvazaar) are what the tests use to prove the join decodes.

The re-encoder is the bundled ffmpeg: decoded frames go in as raw YUV on stdin, a small MP4
comes out, and its packets are stamped with the capture times of the frames that went in.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from ..ffmpeg import ffmpeg_exe
from .progress import CutError

EOS = bytes([36 << 1, 1])  # HEVC end-of-sequence NAL: the next IRAP starts afresh
_PARAMS = {"h264": {7, 8, 13}, "hevc": {32, 33, 34}}
_AUD = {"h264": 9, "hevc": 35}
DEFAULT_ENCODERS = {"h264": "libx264", "hevc": "libx265"}
ENCODERS = {"h264": ("libx264", "libopenh264"), "hevc": ("libx265", "libkvazaar")}


# --- parameter sets and NAL framing -----------------------------------------------------------

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


def output_extradata(params: ParamSets, inband: bool) -> bytes:
    """The stream's extradata for the output: 4-byte NAL lengths (what the output packets
    use) and, for in-band HEVC, arrays no longer marked complete (hev1 rules)."""
    data = bytearray(params.extradata)
    if not params.length_size:
        return bytes(data)
    data[4 if params.codec == "h264" else 21] |= 3
    if inband and params.codec == "hevc":
        pos = 23
        for _ in range(data[22]):
            data[pos] &= 0x7F  # array_completeness = 0: more parameter sets come in-band
            count = struct.unpack_from(">H", data, pos + 1)[0]
            pos += 3
            for _ in range(count):
                pos += 2 + struct.unpack_from(">H", data, pos)[0]
    return bytes(data)


def with_params(packet, src: ParamSets, out_length: int, keyframe: bool) -> bytes | None:
    """A packet reframed for the output, with its stream's parameter sets in front of a
    keyframe; None when the bytes can go out unchanged (the common, fast case)."""
    if src.length_size == out_length and not keyframe:
        return None
    nals = split_nals(bytes(packet), src.length_size)
    if keyframe and not any(nal_type(src.codec, n) in _PARAMS[src.codec] for n in nals):
        lead = 1 if nals and nal_type(src.codec, nals[0]) == _AUD[src.codec] else 0
        nals[lead:lead] = src.nals
    return join_nals(nals, out_length)


# --- the re-encoder ---------------------------------------------------------------------------

def encoder_args(encoder: str, profile: str | None) -> list[str]:
    """Codec options for a re-encode: no B-frames (decode order = capture order), high quality."""
    if encoder == "libx264":
        name = (profile or "").lower()
        level = "baseline" if "baseline" in name else "main" if name == "main" else "high"
        return ["-c:v", "libx264", "-preset", "superfast", "-crf", "18", "-bf", "0",
                "-profile:v", level]
    if encoder == "libopenh264":
        return ["-c:v", "libopenh264", "-rc_mode", "quality", "-qmax", "28"]
    if encoder == "libx265":
        return ["-c:v", "libx265", "-preset", "superfast", "-crf", "20",
                "-x265-params", "bframes=0:log-level=error"]
    if encoder == "libkvazaar":
        return ["-c:v", "libkvazaar", "-kvazaar-params", "preset=superfast,gop=lp-g4d3t1,qp=24"]
    raise CutError(f"unknown re-encoder '{encoder}'")


def encode_command(encoder: str, profile: str | None, width: int, height: int, rate: Fraction,
                   out: Path) -> list[str]:
    """ffmpeg command line: raw yuv420p frames on stdin -> one MP4 of `encoder` output."""
    return [ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{width}x{height}",
            "-r", str(rate), "-i", "-", "-an", *encoder_args(encoder, profile),
            "-pix_fmt", "yuv420p", "-f", "mp4", str(out)]


class Reencode:
    """Decode one stretch of a source and re-encode the frames captured in [floor, limit)."""

    def __init__(self, job, src, limit_us: int):
        self.job, self.src, self.limit_us = job, src, limit_us
        self.floor_us = job.floor_us
        self.decoder = av.CodecContext.create(src.codec, "r")
        self.decoder.extradata = src.video.codec_context.extradata
        self.decoder.thread_type = "AUTO"
        self.times: list[int] = []
        self.tmp = Path(tempfile.mkdtemp(prefix="footage-agent-cut-"))
        self.proc: subprocess.Popen | None = None

    def feed(self, pkt) -> None:
        """Decode one packet (in decode order) and pass on the frames that are inside."""
        try:
            frames = self.decoder.decode(pkt)
        except av.FFmpegError:
            return  # a damaged source frame is left out; the gate checks what is written
        for frame in frames:
            self._take(frame)

    def _take(self, frame) -> None:
        t = self.src.frame_time_us(frame.pts)
        if not (self.floor_us <= t < self.limit_us) or (self.times and t <= self.times[-1]):
            return
        if self.proc is None:
            self._start(frame.width, frame.height)
        try:
            self.proc.stdin.write(frame.to_ndarray(format="yuv420p"))
        except (BrokenPipeError, OSError):
            raise CutError(f"the re-encoder ({self.job.encoder}) stopped: {self._stderr()}") \
                from None
        self.times.append(t)

    def _start(self, width: int, height: int) -> None:
        rate = self.src.video.average_rate or Fraction(25)
        profile = self.src.video.codec_context.profile
        cmd = encode_command(self.job.encoder, profile, width, height, rate, self.tmp / "re.mp4")
        self.err = open(self.tmp / "stderr.txt", "wb")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=self.err)

    def finish(self) -> None:
        """Flush the decoder, wait for the encoder and write its packets to the output."""
        try:
            for frame in self.decoder.decode(None):
                self._take(frame)
        except av.FFmpegError:
            pass
        if self.proc is None:
            return
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise CutError(f"the re-encoder ({self.job.encoder}) failed: {self._stderr()}")
        self.job.out.end_segment()
        self._emit(self.tmp / "re.mp4")
        self.job.out.end_segment()

    def _emit(self, path: Path) -> None:
        with av.open(str(path), options={"ignore_editlist": "1"}) as made:
            stream = made.streams.video[0]
            params = param_sets(self.src.codec, stream.codec_context.extradata)
            packets = (p for p in made.demux(stream) if p.size)
            count = 0
            for pkt, t in zip(packets, self.times):
                self.job.track.check()
                nxt = self.times[count + 1] if count + 1 < len(self.times) \
                    else t + self.src.frame_us
                if not self.job.emit_packet(pkt, params, t, t - self.src.delay_us, nxt - t,
                                            self.src.span.path):
                    raise CutError("the re-encoded frames could not be joined in time order")
                count += 1
        if count != len(self.times):
            raise CutError(f"the re-encoder ({self.job.encoder}) lost frames")
        self.job.reencoded += count

    def _stderr(self) -> str:
        try:
            return (self.tmp / "stderr.txt").read_text(errors="replace").strip()[-400:] \
                or "no message"
        except OSError:
            return "no message"

    def close(self) -> None:
        """Stop the encoder if it still runs and remove its scratch folder."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc is not None:
            self.err.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- exact mode over one file -----------------------------------------------------------------

class _Pushback:
    """An iterator that takes packets back (read ahead to find where a GOP ends)."""

    def __init__(self, it):
        self.it, self.back = iter(it), []

    def __iter__(self):
        return self

    def __next__(self):
        return self.back.pop() if self.back else next(self.it)

    def push(self, *pkts) -> None:
        self.back.extend(reversed(pkts))


def exact_span(job, src, whole: bool = False) -> None:
    """Frame-accurate cut of one file's part of the window.

    The partial GOP before the first keyframe inside the window is re-encoded; whole GOPs are
    copied; without B-frames the end is a clean prefix of the stream (P-frames only refer
    back), with B-frames the last GOP is re-encoded. `whole` re-encodes everything (fallback).
    """
    it = _Pushback(src.packets(job.floor_us))
    # Waiting for the window: the packets since the last keyframe, and with B-frames the GOP
    # before too (an open GOP's leading pictures refer back into it).
    prev_gop: list = []
    gop: list = []
    prev: list = []         # B-frames: the GOP last copied (reference for a tail re-encode)
    held: list = []         # B-frames: the GOP being copied, until its end is known
    segment_key = None
    for pkt in it:
        if pkt.stream is not src.video:
            job.keep_audio(src, pkt)
            continue
        t = src.time_us(pkt)
        job.tick(t)
        if segment_key is None:
            if pkt.is_keyframe:
                if t >= job.end_us:
                    break
                prev_gop, gop = (gop if src.has_b else []), [pkt]
            elif gop:
                gop.append(pkt)
            if not (job.floor_us <= t < job.end_us) or not gop:
                continue
            if pkt.is_keyframe and src.has_b and not whole and prev_gop:
                # Leading pictures after this keyframe may lie in the window yet refer to the
                # GOP before it: re-encode those (if any), then copy from the keyframe.
                it.push(pkt)
                _reencode_head(job, src, it, prev_gop, whole)
                prev_gop, gop = [], []
                continue
            if pkt.is_keyframe and not whole:
                segment_key = t
            else:
                _reencode_head(job, src, it, prev_gop + gop, whole)
                prev_gop, gop = [], []
                continue
        if src.has_b:
            if pkt.is_keyframe and held:
                _copy(job, src, held, segment_key)
                prev, held = held, []
            held.append(pkt)
            if t >= job.end_us:
                _reencode_tail(job, src, it, prev + held)
                held = []
                break
        elif t >= job.end_us:
            break
        elif t >= segment_key and not job.emit(src, pkt):
            job.out.end_segment()
            segment_key, gop = None, []
    if held:
        _copy(job, src, held, segment_key)
    job.out.end_segment()


def _copy(job, src, packets, segment_key) -> None:
    for pkt in packets:
        if src.time_us(pkt) >= segment_key:  # leading pictures refer to frames before the join
            job.emit(src, pkt, keep=True)    # kept intact: a tail re-encode may decode it


def _reencode_head(job, src, it: _Pushback, gop: list, whole: bool) -> None:
    """Re-encode from the window's first frame up to the next keyframe (or the window's end)."""
    with Reencode(job, src, job.end_us) as head:
        for pkt in gop:
            head.feed(pkt)
        ahead = []  # packets read past the head, handed back to the caller
        for pkt in it:
            if pkt.stream is not src.video:
                job.keep_audio(src, pkt)
                continue
            t = src.time_us(pkt)
            job.tick(t)
            if ahead:  # B-frames: leading pictures of the next keyframe belong to the head
                ahead.append(pkt)
                if t >= head.limit_us:
                    break
            elif pkt.is_keyframe and not whole:
                head.limit_us = min(head.limit_us, t)
                ahead.append(pkt)
                if not src.has_b:
                    break
            elif t >= job.end_us and (not src.has_b or pkt.is_keyframe):
                ahead.append(pkt)
                break
            head.feed(pkt)
        head.finish()
        it.push(*ahead)


def _reencode_tail(job, src, it: _Pushback, held: list) -> None:
    """B-frames: the GOP holding the window's end is re-encoded up to the end exactly (the GOP
    before it, already copied, is decoded again as its reference)."""
    with Reencode(job, src, job.end_us) as tail:
        for pkt in held:
            tail.feed(pkt)
        for pkt in it:
            if pkt.stream is not src.video:
                job.keep_audio(src, pkt)
                continue
            if pkt.is_keyframe:
                break
            tail.feed(pkt)
        tail.finish()
