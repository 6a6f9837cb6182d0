"""What every span of one cut shares (`Job`): the window, the output being written, progress,
and the packets copy mode and exact mode (smartcut.py) hand to the output."""
from __future__ import annotations

from dataclasses import dataclass, field

import av

from agent.export.ledger import SourceBytes
from agent.export.nal import ParamSets
from agent.export.output import Output
from agent.export.progress import Tracker
from agent.export.redact import Redactor
from agent.export.source import Source
from agent.export.source_span import SourceSpan


@dataclass
class Job:
    """What every span of one cut shares: window, output, progress."""

    start_us: int
    end_us: int
    out: Output
    track: Tracker
    floor_us: int          # the next frame must be captured at or after this instant
    encoder: str = ""
    reencoded: int = 0
    redactor: Redactor | None = None
    used: list[SourceSpan] = field(default_factory=list)
    dropped: int = 0                  # frames decoded for re-encoding that came out missing
    first_dropped_us: int | None = None
    # A copy saw a frame captured inside the window (maybe none it could start on): when
    # nothing was written, exact mode may still make a clip of it, else neither mode can.
    saw_frame_inside: bool = False

    def tick(self, t_us: int) -> None:
        self.track.check()
        self.track.report("cutting", 0.9 * (t_us - self.start_us) / (self.end_us - self.start_us))

    def keep_audio(self, src: Source, pkt: av.Packet) -> bool:
        """Pass an audio packet on if it lies wholly inside the window, and with it the sound
        a copied AAC (MP3, Opus, AC-3) packet carries of the next one's; False once past it."""
        t = src.time_us(pkt)
        if t >= self.end_us:
            return False
        dur = src.audio_duration_us(pkt)
        ahead = dur if self.out.sound is not None and self.out.sound.reaches_ahead else 0
        if t >= self.start_us and t + dur + ahead <= self.end_us:
            self.out.audio_packet(pkt, t, dur)
        return True

    def emit(self, src: Source, pkt: av.Packet, keep: bool = False) -> bool:
        """Copy one source video packet into the output."""
        t = src.time_us(pkt)
        dts = src.time_us(pkt, pkt.dts if pkt.dts is not None else pkt.pts)
        return self.emit_packet(pkt, src.params, t, dts, src.duration_us(pkt), src.span,
                                keep, found_at=src.found_at(pkt))

    def emit_packet(self, pkt, params: ParamSets, t: int, dts: int, dur: int, span: SourceSpan,
                    keep: bool = False, copied: bool = True,
                    found_at: SourceBytes | None = None) -> bool:
        """Write one video packet captured at `t`; False when it would go back in time.
        `copied`: a source packet as read (False: a frame re-encoded here); `found_at`: where
        its bytes lie in the recording, when they are stored there as read."""
        if not self.out.video_packet(pkt, params, t, dts, dur, keep, copied, found_at):
            return False
        self.floor_us = max(self.floor_us, t + 1)
        if span not in self.used:
            self.used.append(span)
        return True
