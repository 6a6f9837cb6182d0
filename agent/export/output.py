"""The MP4 a cut writes: video packets stamped with their capture-time offsets, parameter sets
in-band where GOPs from different encoders meet, and the kept sound (muted where asked).

Timestamps are microseconds from the clip's first frame; no edit list is written, so what a
player shows is every frame the file stores. An MP4 holds a frame's duration in 32 bits of its
track's timescale, and FFmpeg moves a frame after a longer gap next to the one before it: a
clip whose recordings pause for over 35 minutes is written again with a coarser video
timescale (LongGap, `tick_us`), each frame then stored within half a tick of its capture time.
"""
from __future__ import annotations

import io
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import av

from agent.export.ledger import EOS_BYTES, LedgerBuilder, SampleRecord, SourceBytes
from agent.export.nal import (PARAM_TYPES, ParamSets, copied_sample, join_nals, nal_type,
                             output_extradata, param_sets, split_nals)
from agent.export.progress import CutError
from agent.export.redact import Redactor
from agent.export.sound import SoundTrack
from agent.export.source import PROBE_PACKETS, US, Source
from agent.export.source import ts_us as _us
from agent.export.source import why as _why

OUT_TB = Fraction(1, US)
_MAX_STEP = 2**31 - 2   # ticks between two frames' decode times that an MP4 holds (and rounding)


class ParamsChanged(Exception):
    """A clip whose sample entry carries the re-encoder's parameter sets met a keyframe with
    other ones (a recording changing size or rate): it is written again with them in-band."""


class LongGap(Exception):
    """Two frames further apart (`step_us`) than the video timescale lets an MP4 hold."""

    def __init__(self, step_us: int) -> None:
        super().__init__(step_us)
        self.step_us = step_us


def tick_for(step_us: int) -> int:
    """The finest video tick (1 us, 10 us, ...) whose timescale holds a gap of `step_us`."""
    tick = 1
    while step_us > _MAX_STEP * tick:
        tick *= 10
    return tick


class Output:
    """The MP4 being written: timestamps relative to its first frame, packets in order."""

    def __init__(self, path: Path, first: Source, inband: bool, audio_template,
                 redactor: Redactor | None = None, audio_first: bytes | None = None,
                 tick_us: int = 1, own_entry: bool = False,
                 sound_formats: tuple[str, ...] = ()):
        self.path = path
        self.tick_us = tick_us
        self.codec = first.codec
        # Every frame re-encoded by one re-encoder (masks, faces): its parameter sets go in
        # the sample entry and none in the stream (avc1/hvc1, which the players Windows and
        # macOS come with open), taken from its first keyframe before anything is muxed.
        self.own_entry: ParamSets | bool = own_entry and first.codec in ("h264", "hevc")
        # Annex B sources (MPEG-TS, PS, .dav) carry their parameter sets in-band, and may
        # change them inside a file: the output keeps them there (avc3/hev1).
        self.inband = not self.own_entry and (
            inband or (first.params.nals != () and not first.params.length_size))
        self.nal = first.codec in ("h264", "hevc")
        self.ledger = LedgerBuilder(first.codec)
        # faststart: index first; negative_cts_offsets: B-frame clips start at pts 0 too, so
        # no edit list is needed to shift them
        flags = {"movflags": "+faststart+negative_cts_offsets"}
        if tick_us > 1:   # timestamps stay in microseconds: the muxer rounds them to ticks
            flags["video_track_timescale"] = str(US // tick_us)
        try:
            self.container = av.open(str(path), "w", format="mp4", options=flags)
        except (av.FFmpegError, OSError) as exc:
            raise CutError(f"the clip cannot be written in {path.parent} ({_why(exc)})") \
                from None
        self.video = self.container.add_stream_from_template(first.video)
        self.video.time_base = OUT_TB
        self.video.codec_context.extradata = output_extradata(_boxed(first), self.inband)
        tag = first.video.codec_context.codec_tag
        if self.inband:
            tag = "avc3" if self.codec == "h264" else "hev1"
        elif self.own_entry:
            tag = "avc1" if self.codec == "h264" else "hvc1"
        if tag in ("avc1", "avc3", "hvc1", "hev1"):  # hvc1 from the camera stays hvc1 (Apple)
            self.video.codec_context.codec_tag = tag
        if self.codec not in ("h264", "hevc"):  # MJPEG: MP4's own sample entry for it
            self.video.codec_context.codec_tag = "\0\0\0\0"
        self.audio = self.sound = None
        mute = redactor.redaction.mute if redactor is not None else ()
        if audio_template is not None:
            counts = redactor.counts if redactor is not None else {"muted_samples": 0}
            self.sound = SoundTrack(self.container, audio_template, audio_first, mute, counts,
                                    sound_formats)
            self.audio = self.sound.stream
        self.origin_us: int | None = None
        self.frames = self.audio_packets = 0
        self.first_us = self.last_us = None
        self.last_dur_us = 0
        self._last_dts: int | None = None
        self._pending: av.Packet | None = None
        self._pending_record: tuple[SampleRecord, object] | None = None
        self._audio_end_us: int | None = None
        self._early_audio: list[tuple[av.Packet, int, int | None]] = []

    def video_packet(self, pkt: av.Packet, src_params: ParamSets, t_us: int, dts_us: int,
                     dur_us: int, keep: bool = False, copied: bool = True,
                     found_at: SourceBytes | None = None) -> bool:
        """Queue one video packet captured at `t_us`; False when it would go back in time.
        `keep` leaves `pkt` untouched (it may still have to be decoded); `copied` says it is a
        source packet as read, not one made here: the ledger gets where its bytes lie in the
        recording (`found_at`, when the output stores them as read) or else their digest."""
        if self.own_entry and copied:   # a copied frame keeps its own sets: in-band, then
            raise ParamsChanged()
        if self.own_entry is True:   # before anything, sound too, is muxed
            self._take_entry(pkt, src_params)
        if self.origin_us is None:
            self.origin_us = t_us
            for early, at, dur in self._early_audio:
                self.audio_packet(early, at, dur, early_ok=False)
            self._early_audio.clear()
        dts, pts = self._ticked(dts_us), self._ticked(t_us)
        if self._last_dts is not None and dts <= self._last_dts:
            dts = self._last_dts + self.tick_us  # a re-encoded GOP next to B-frames
        elif self._last_dts is not None and dts - self._last_dts > _MAX_STEP * self.tick_us:
            raise LongGap(dts - self._last_dts)
        if dts > pts:
            return False
        framed, inserted, at = copied_sample(pkt, src_params, self.inband and pkt.is_keyframe)
        if self.own_entry and not copied:
            framed = self._entry_sets_out(framed if framed is not None else bytes(pkt))
        found_at = found_at if copied and framed is None else None
        record = SampleRecord(t_us, None, self.ledger.segment, inserted, at, copied=copied,
                              found_at=found_at)
        as_read = (pkt if framed is None else framed) if copied and found_at is None else None
        if framed is None and not inserted and not keep:
            out = pkt
        else:
            data = bytes(pkt) if framed is None else framed
            out = _packet(data[:at] + inserted + data[at:] if inserted else data,
                          pkt.is_keyframe)
        out.pts, out.dts, out.duration = pts, dts, max(self.tick_us, dur_us)
        out.time_base, out.stream = OUT_TB, self.video
        self._flush_pending()
        self._pending, self._pending_record, self._last_dts = out, (record, as_read), dts
        self.frames += 1
        self.first_us = t_us if self.first_us is None else min(self.first_us, t_us)
        if self.last_us is None or t_us >= self.last_us:
            self.last_us, self.last_dur_us = t_us, dur_us
        return True

    def _take_entry(self, pkt: av.Packet, src_params: ParamSets) -> None:
        """The sample entry's parameter sets: those of the first re-encoded packet (a
        keyframe), set as the stream's header while nothing is muxed yet."""
        framed = copied_sample(pkt, src_params, False)[0]
        sets = _sets_in(self.codec, framed if framed is not None else bytes(pkt))
        if not sets:
            raise ParamsChanged()   # no header to give the entry: in-band, as ever
        self.own_entry = _boxed_sets(self.video, self.codec, sets)
        self.video.codec_context.extradata = output_extradata(self.own_entry, False,
                                                              complete=True)

    def _entry_sets_out(self, framed: bytes) -> bytes:
        """A re-encoded packet (4-byte NAL lengths) without its parameter sets, which are the
        sample entry's; other ones than the entry's raise ParamsChanged."""
        sets = _sets_in(self.codec, framed)
        if not sets:
            return framed
        if sets != self.own_entry.nals:
            raise ParamsChanged()
        return join_nals([n for n in split_nals(framed, 4) if n not in sets], 4)

    def _ticked(self, t_us: int) -> int:
        """`t_us` from the clip's first frame, on the video tick (as the muxer will round it)."""
        rel = t_us - self.origin_us
        return rel if self.tick_us == 1 else (2 * rel + self.tick_us) // (2 * self.tick_us) * self.tick_us

    def end_segment(self) -> None:
        """Close a run of packets from one bitstream; HEVC gets an end-of-sequence NAL so the
        next keyframe (often a CRA) starts a fresh coded video sequence."""
        if self._pending is not None and self.inband and self.codec == "hevc":
            old = self._pending
            self._pending = _packet(bytes(old) + EOS_BYTES, old.is_keyframe)
            for attr in ("pts", "dts", "duration", "time_base", "stream"):
                setattr(self._pending, attr, getattr(old, attr))
            record, as_read = self._pending_record
            self._pending_record = (replace(record, eos=True), as_read)
        self._flush_pending()
        self.ledger.next_segment()

    def audio_packet(self, pkt: av.Packet, t_us: int, dur_us: int | None = None,
                     early_ok: bool = True) -> None:
        """Keep one audio packet captured at `t_us` if it lies after the first frame and after
        every audio packet already kept (overlapping files must not repeat sound)."""
        if self.audio is None:
            return
        if self.origin_us is None:
            if early_ok and len(self._early_audio) < PROBE_PACKETS:
                self._early_audio.append((pkt, t_us, dur_us))
            return
        dur = dur_us if dur_us is not None else _us(pkt.duration or 0, pkt.stream.time_base)
        if t_us < self.origin_us or (self._audio_end_us is not None and t_us < self._audio_end_us):
            return
        for made, copied in self.sound.feed(pkt, t_us - self.origin_us, t_us, dur):
            if copied:
                made.time_base, made.stream = OUT_TB, self.audio
            self.ledger.add_audio(made if copied else None)
            self.container.mux(made)
        self.audio_packets += 1
        self._audio_end_us = t_us + dur

    def _flush_pending(self) -> None:
        if self._pending is not None:
            if self._pending.size:  # the muxer drops empty packets: so does the ledger
                self.ledger.add_video(*self._pending_record)
            self.container.mux(self._pending)
            self._pending = None

    def close(self) -> None:
        try:
            self._flush_pending()
            if self.sound is not None:
                for made in self.sound.flush():
                    self.ledger.add_audio(None)  # made here: no source digest
                    self.container.mux(made)
        finally:
            self.ledger.stop()
        self.container.close()

    def abort(self) -> None:
        """Close after a failure; the partial file is deleted by the caller."""
        self.ledger.stop()  # let the hashing thread end
        try:
            self.container.close()
        except (av.FFmpegError, OSError, ValueError):
            pass


def _boxed(src: Source) -> ParamSets:
    """The source's parameter sets with an avcC/hvcC header: Annex B extradata (MPEG-TS, PS,
    .dav) is boxed by FFmpeg's own MP4 writer, so the output never relies on the muxer
    reframing its packets (the gate matches them byte for byte)."""
    params = src.params
    if params.codec not in ("h264", "hevc") or params.length_size or not params.nals:
        return params
    return _annexb_boxed(src.video, params.codec, params.extradata)


def _sets_in(codec: str, framed: bytes) -> tuple[bytes, ...]:
    """The parameter sets in a packet with 4-byte NAL lengths, in its order."""
    return tuple(n for n in split_nals(framed, 4) if nal_type(codec, n) in PARAM_TYPES[codec])


def _boxed_sets(template, codec: str, sets: tuple[bytes, ...]) -> ParamSets:
    """Parameter sets (NAL units) as an avcC/hvcC header for a stream like `template`."""
    return _annexb_boxed(template, codec, join_nals(sets, 0))


def _annexb_boxed(template, codec: str, annexb: bytes) -> ParamSets:
    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4") as made:
        stream = made.add_stream_from_template(template)
        stream.codec_context.extradata = annexb   # the header is made from these alone
        stream.time_base = OUT_TB
        pkt = _packet(annexb, True)
        pkt.pts = pkt.dts = 0
        pkt.time_base, pkt.stream = OUT_TB, stream
        made.mux(pkt)
    data = buf.getvalue()
    kind = b"avcC" if codec == "h264" else b"hvcC"
    at = data.find(kind)
    if at < 4:
        raise CutError("the recording's codec header could not be converted for MP4")
    size = int.from_bytes(data[at - 4:at], "big")
    return param_sets(codec, data[at + 4:at - 4 + size])


def _packet(data: bytes, key: bool) -> av.Packet:
    pkt = av.Packet(data)
    pkt.is_keyframe = key
    return pkt
