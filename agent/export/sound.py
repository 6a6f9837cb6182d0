"""The kept sound's track in the clip: copied packet for packet where MP4 holds the recorder's
codec, otherwise (G.711 mu-law/A-law, PCM, ADPCM, G.726, ...) converted to AAC and said so.

Copied AAC from MPEG-TS, PS or .dav comes in ADTS frames; MP4 stores the raw frames with the
stream's AudioSpecificConfig once, so each frame's ADTS header is taken off and the config is
made from the first one. The digest the gate matches is of the frame as stored (the recorder's
bytes less that header). Muted ranges (redaction) always go through the converter.
"""
from __future__ import annotations

from dataclasses import dataclass

import av

from agent.export.mute import MutedAudio

# Codecs an MP4 holds frame for frame, that players read: copied as recorded.
COPIED = ("aac", "mp3", "opus", "alac", "flac", "ac3", "eac3")
# Of those, the ones whose packet also carries the start of the next packet's sound (their
# transform overlaps it: AAC a whole frame). Copied, such a packet is kept only when the next
# one lies in the window too: its bytes would hold sound from after the window's end.
OVERLAPPED = ("aac", "mp3", "opus", "ac3", "eac3")


@dataclass(frozen=True)
class SoundFacts:
    """What happened to the kept sound, for the cut result and provenance."""

    codec: str                 # as recorded
    converted_to: str | None   # "aac" when MP4 cannot hold it as recorded, else None (muted
                               # sound is re-encoded as AAC too: its redaction says so)
    formats: tuple[str, ...] = ()   # the recordings' formats, in order, when they differ


def adts_header(data: bytes) -> int:
    """Length of an ADTS header at the start of `data` (7 or 9), or 0 when there is none (or
    the frame holds more than one raw block, which cannot be stored as one MP4 sample)."""
    if len(data) < 7 or data[0] != 0xFF or data[1] & 0xF6 != 0xF0:
        return 0
    if data[6] & 0x03:  # number_of_raw_data_blocks_in_frame - 1
        return 0
    return 7 if data[1] & 0x01 else 9


def adts_config(data: bytes) -> bytes:
    """The AudioSpecificConfig an ADTS header describes (object type, rate, channels)."""
    object_type = (data[2] >> 6) + 1
    rate_index = (data[2] >> 2) & 0x0F
    channels = ((data[2] & 0x01) << 2) | (data[3] >> 6)
    value = (object_type << 11) | (rate_index << 7) | (channels << 3)
    return value.to_bytes(2, "big")


def sound_format(stream) -> tuple:
    """What a copied track must keep throughout: codec, rate, channels, codec header."""
    ctx = stream.codec_context
    return (ctx.name, ctx.sample_rate, ctx.layout.nb_channels if ctx.layout else 0,
            bytes(ctx.extradata or b""))


def format_words(shape: tuple) -> str:
    """A sound format as a receiver reads it: 'aac, 16000 Hz, 1 channel'."""
    name, rate, channels, _header = shape
    return f"{name}, {rate} Hz, {channels} channel{'s' if channels != 1 else ''}"


class SoundTrack:
    """One output audio track fed with source packets in time order."""

    def __init__(self, container, template, first_packet: bytes | None,
                 mute: tuple[tuple[int, int], ...], counts: dict,
                 formats: tuple[str, ...] = ()):
        """`formats`: the kept sound's formats when the recordings' differ (one MP4 track
        holds one format, so the sound is converted whole)."""
        name = template.codec_context.name
        self.adts = False
        self.muter = None
        if mute or formats or name not in COPIED:
            self.muter = MutedAudio(container, template, mute, counts)
            self.stream = self.muter.stream
            self.facts = SoundFacts(name, "aac" if formats or name not in COPIED else None,
                                    formats)
            return
        self.stream = container.add_stream_from_template(template)
        if name == "aac" and first_packet and adts_header(first_packet):
            self.adts = True
            self.stream.codec_context.extradata = adts_config(first_packet)
        self.facts = SoundFacts(name, None)

    @property
    def reaches_ahead(self) -> bool:
        """True when each copied packet holds some of the sound after its own end."""
        return self.muter is None and self.facts.codec in OVERLAPPED

    @property
    def dropped(self) -> int:
        """Source packets that could not be decoded for conversion (left silent)."""
        return self.muter.dropped if self.muter is not None else 0

    def feed(self, pkt: av.Packet, rel_us: int, abs_us: int,
             dur_us: int) -> list[tuple[av.Packet, bool]]:
        """(packet to mux, whether it is a source packet as read) for one source packet."""
        if self.muter is not None:
            return [(made, False) for made in self.muter.feed(pkt, rel_us, abs_us, dur_us)]
        if self.adts:
            data = bytes(pkt)
            size = adts_header(data)
            if size:
                out = av.Packet(data[size:])
                out.pts = out.dts = rel_us
                out.duration = dur_us
                return [(out, True)]
        pkt.pts = pkt.dts = rel_us
        pkt.duration = dur_us
        return [(pkt, True)]

    def flush(self) -> list[av.Packet]:
        """What a converter still holds."""
        return self.muter.flush() if self.muter is not None else []


def conversion_record(codec: str, to: str, formats: tuple[str, ...] = ()) -> dict:
    """provenance.json's "audio_conversion": what the kept sound was, and why it is `to`."""
    if formats:
        return {"from": codec, "to": to, "formats": list(formats),
                "why": "the recordings' sound changes format inside the window ("
                       + ", then ".join(f"({f})" for f in formats)
                       + "), which one MP4 sound track cannot hold, so all the kept sound was "
                         "decoded and encoded again (the recordings' own sound stays with "
                         "the owner)"}
    return {"from": codec, "to": to,
            "why": f"an MP4 cannot hold {codec} sound as recorded, so the kept sound was "
                   "decoded and encoded again (the recording's own sound stays with the owner)"}
