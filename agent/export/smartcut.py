"""Exact mode: frame-accurate cuts that re-encode only the partial GOPs (or, for redaction,
everything), joined to the copied GOPs through in-band parameter sets (nal.py).

A camera's encoder writes SPS/PPS (and VPS for H.265) that no re-encode will reproduce, so the
re-encoded GOPs carry their own parameter sets in-band and the copied GOPs carry the camera's:
every keyframe gets the parameter sets of the encoder that made it, and the sample entry says
so (avc3/hev1). Sources from other encoders (libopenh264, kvazaar, through the ffmpeg program
in the tests) re-encoded with PyAV's libx264 and libx265 are what the tests use to prove the
join decodes.

The re-encoder (reencode.py) runs in this process: decoded frames go to PyAV's encoder.
"""
from __future__ import annotations

from agent.export.reencode import Reencode

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
    for pkt, t in _video(job, src, it):
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


def _video(job, src, packets):
    """(packet, time) for each video packet; audio packets go to the job on the way.

    Pulls one packet at a time, so packets pushed back into a _Pushback are seen next."""
    for pkt in packets:
        if pkt.stream is not src.video:
            job.keep_audio(src, pkt)
            continue
        t = src.time_us(pkt)
        job.tick(t)
        yield pkt, t


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
        for pkt, t in _video(job, src, it):
            if ahead:  # B-frames: leading pictures of the next keyframe belong to the head
                ahead.append(pkt)
                if t >= head.limit_us:
                    break
            elif pkt.is_keyframe and not whole:
                head.limit_us = min(head.limit_us, t)
                ahead.append(pkt)
                if not src.has_b:
                    head.next_us = t   # the head's last frame lasts until it
                    break
            elif t >= job.end_us and (not src.has_b or pkt.is_keyframe):
                ahead.append(pkt)
                if not src.has_b:
                    head.next_us = t
                    break
                # B-frames (whole mode): leading pictures of this keyframe may still lie in the
                # window; they follow it in decode order and need it, so it is decoded too
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
