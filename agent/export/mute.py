"""Silencing chosen stretches of the sound an owner keeps.

A muted range cannot be cut out of a compressed audio packet, so when ranges are muted the
kept sound is decoded, the samples inside a range are set to zero, and the whole track is
re-encoded as AAC. Only the samples of the kept packets (wholly inside the window) go in.
"""
from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

US = 1_000_000
_AUDIO_FRAME = 1024        # AAC samples per frame
_NAMED = {1: "mono", 2: "stereo", 3: "2.1", 4: "quad", 6: "5.1"}


class MutedAudio:
    """The output's sound track with chosen ranges silenced; gaps between files are filled
    with silence so the track stays continuous. `counts["muted_samples"]` is tallied."""

    def __init__(self, container, template, ranges: tuple[tuple[int, int], ...], counts: dict):
        ctx = template.codec_context
        self.rate = ctx.sample_rate or 48000
        # Recorders often leave the channel order unsaid ("1 channels"): AAC needs a named one.
        channels = ctx.layout.nb_channels if ctx.layout else 1
        self.layout = _NAMED.get(channels) or (ctx.layout.name if ctx.layout else "mono")
        self.stream = container.add_stream("aac", rate=self.rate, layout=self.layout)
        self.stream.codec_context.time_base = Fraction(1, self.rate)
        self.ranges, self.counts = ranges, counts
        self.resampler = av.AudioResampler(format="fltp", layout=self.layout, rate=self.rate)
        self.buffer: np.ndarray | None = None
        self.base = 0              # sample position (from the clip's first frame) of buffer[0]
        self.dropped = 0           # source packets that could not be decoded (left silent)

    def feed(self, pkt: av.Packet, rel_us: int, abs_us: int, dur_us: int = 0
             ) -> list[av.Packet]:
        """Decode one source packet captured at `abs_us` (`rel_us` into the clip) that plays
        for `dur_us` (0: as long as it decodes to)."""
        try:
            frames = pkt.stream.codec_context.decode(pkt)
        except av.FFmpegError:
            self.dropped += 1  # a damaged packet: its time stays silent, and it is counted
            return []
        out = []
        # A recording's last AAC packet decodes to a whole frame, padding and all, of which its
        # container plays only `dur_us` (FFmpeg's encoder says so): the rest was never heard,
        # and would run past the window the packet was kept in.
        left = (dur_us * self.rate + US - 1) // US if dur_us > 0 else None
        for frame in frames:
            for plain in self.resampler.resample(frame):
                samples = plain.to_ndarray().astype(np.float32)
                if left is not None:
                    samples, left = samples[:, :left], max(0, left - samples.shape[1])
                    if not samples.shape[1]:
                        continue
                out += self._add(samples, rel_us, abs_us)
                step = samples.shape[1] * US // self.rate
                rel_us, abs_us = rel_us + step, abs_us + step
        return out

    def _add(self, samples: np.ndarray, rel_us: int, abs_us: int) -> list[av.Packet]:
        times = abs_us + np.arange(samples.shape[1]) * US // self.rate
        for start, end in self.ranges:
            silent = (times >= start) & (times < end)
            samples[:, silent] = 0.0
            self.counts["muted_samples"] += int(silent.sum())
        pos = rel_us * self.rate // US
        if self.buffer is None:
            self.buffer, self.base = samples[:, :0], pos
        out = []
        end = self.base + self.buffer.shape[1]
        if pos < end:  # overlapping files: the sound already kept wins
            samples = samples[:, end - pos:]
        while pos > end:  # a gap: silence, a frame at a time
            fill = min(pos - end, _AUDIO_FRAME)
            self.buffer = np.concatenate([self.buffer, np.zeros((samples.shape[0], fill),
                                                                np.float32)], axis=1)
            end += fill
            out += self._encode_full()
        self.buffer = np.concatenate([self.buffer, samples], axis=1)
        return out + self._encode_full()

    def _encode_full(self) -> list[av.Packet]:
        out = []
        while self.buffer.shape[1] >= _AUDIO_FRAME:
            out += self._encode(self.buffer[:, :_AUDIO_FRAME])
            self.buffer = self.buffer[:, _AUDIO_FRAME:]
            self.base += _AUDIO_FRAME
        return out

    def _encode(self, samples: np.ndarray | None) -> list[av.Packet]:
        frame = None
        if samples is not None:
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples), format="fltp",
                                               layout=self.layout)
            frame.sample_rate, frame.pts = self.rate, self.base
            frame.time_base = Fraction(1, self.rate)
        # The encoder's priming packet (before the first sample) is left out: no edit list is
        # needed to hide it, and the clip's sound starts at its true time.
        return [p for p in self.stream.encode(frame) if p.pts is None or p.pts >= 0]

    def flush(self) -> list[av.Packet]:
        """The last partial frame and what the encoder still holds."""
        out = []
        if self.buffer is not None and self.buffer.shape[1]:
            out += self._encode(self.buffer)
            self.buffer = self.buffer[:, :0]
        return out + self._encode(None)
