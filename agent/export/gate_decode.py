"""The gate's decoding: chosen runs of a clip's video samples, read by their table offsets and
decoded one run at a time by a fresh decoder, counting frames in against frames out.

A run starts where a decoder can start (a keyframe: the start of a copied run or of a
re-encoded stretch), so a reference missing from the clip shows as a decoder error, a frame
flagged corrupt, or a frame that never comes out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Callable

import av

from frp.mp4tables import SampleTable
from agent.media.read_at import read_at

_TICK_EVERY = 25


@dataclass(frozen=True)
class Run:
    """Sample indexes (decode order) to decode with one decoder, from the first."""

    samples: tuple[int, ...]


@dataclass
class Decoded:
    frames: int = 0                      # frames that came out
    fed: set[int] = field(default_factory=set)
    corrupt: int = 0
    error: str | None = None

    @property
    def fed_count(self) -> int:
        return len(self.fed)


def decode_runs(path: Path, video: SampleTable, codec: str, runs: list[Run],
                tick: Callable[[float], None] | None) -> Decoded:
    """Decode every run; count what goes in and what comes out."""
    out = Decoded()
    total = max(1, sum(len(r.samples) for r in runs))
    if not total or not runs:
        return out
    extradata = video.config or _extradata(path)
    tb = Fraction(1, video.timescale)
    done = 0
    with open(path, "rb") as fh:
        fd = fh.fileno()
        for run in runs:
            if not run.samples:
                continue
            try:
                ctx = av.CodecContext.create(codec, "r")
            except (av.FFmpegError, ValueError) as exc:
                out.error = out.error or f"no decoder for {codec} ({exc})"
                return out
            if extradata:
                ctx.extradata = extradata
            # Frame threads pay off on long runs (everything, or a whole re-encoded stretch);
            # a first GOP is short either way.
            ctx.thread_type = "AUTO" if len(run.samples) > 30 else "SLICE"
            for i in run.samples:
                pkt = av.Packet(read_at(fd, int(video.sizes[i]), int(video.offsets[i])))
                pkt.pts, pkt.dts = int(video.pts[i]), int(video.dts[i])
                pkt.time_base = tb
                pkt.is_keyframe = bool(video.sync[i])
                out.fed.add(i)
                _decode(ctx, pkt, out)
                done += 1
                if tick is not None and done % _TICK_EVERY == 0:
                    tick(done / total)
            _decode(ctx, None, out)
    return out


def _decode(ctx, pkt, out: Decoded) -> None:
    try:
        for frame in ctx.decode(pkt):
            out.frames += 1
            out.corrupt += bool(frame.is_corrupt)
    except av.FFmpegError as exc:  # keep going: the count of bad frames helps the owner
        out.error = out.error or str(exc)


def _extradata(path: Path) -> bytes | None:
    """The decoder's setup for sample entries without avcC/hvcC, as the demuxer reads it."""
    try:
        with av.open(str(path)) as c:
            return c.streams.video[0].codec_context.extradata
    except (av.FFmpegError, OSError, IndexError):
        return None
